"""One torch.optim step on N float64 parameters with the gradient given (CPU, one thread).

Prints one JSON object: for each N, milliseconds per Adam step with foreach=True (and fused=True
where this torch has it) and per SGD-with-momentum step with foreach=True; each figure is the
minimum and the median over --repeats timed steps after --warmup untimed ones.
"""

import argparse
import json
import statistics
import sys
import time

import torch


def time_steps(opt, repeats, warmup):
    for _ in range(warmup):
        opt.step()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        opt.step()
        times.append((time.perf_counter() - start) * 1e3)
    return {"min_ms": min(times), "median_ms": statistics.median(times)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000000,10000000")
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    out = {"torch": torch.__version__, "threads": torch.get_num_threads(), "sizes": {}}
    for n in (int(s) for s in args.sizes.split(",")):
        row = {}
        g = torch.rand(n, dtype=torch.float64) * 2 - 1
        variants = {"adam_foreach": (torch.optim.Adam, {"foreach": True}),
                    "sgd_momentum_foreach": (torch.optim.SGD, {"momentum": 0.9, "foreach": True})}
        if "fused" in torch.optim.Adam.__init__.__code__.co_varnames:
            variants["adam_fused"] = (torch.optim.Adam, {"fused": True})
        for name, (cls, kwargs) in variants.items():
            p = (torch.rand(n, dtype=torch.float64) * 2 - 1).requires_grad_()
            p.grad = g.clone()
            try:
                row[name] = time_steps(cls([p], lr=1e-3, **kwargs), args.repeats, args.warmup)
            except (RuntimeError, TypeError) as e:  # fused not built for this device or dtype
                row[name] = {"error": str(e).splitlines()[0]}
            del p
        out["sizes"][str(n)] = row
    json.dump(out, sys.stdout)
    print()


if __name__ == "__main__":
    main()
