"""Per-step cost of torch.optim and of the lecture's numpy code on 2-D Rosenbrock.

The same problem as RunLoopBenchmark: f(x, y) = 100(y - x^2)^2 + (1 - x)^2 from (-1.2, 1), learning
rate 1e-3, every iterate recorded. Prints one JSON object: for each optimizer, nanoseconds per step
of torch.optim (float64, CPU, one thread; the gradient computed in Python and assigned with
p.grad = tensor), both for opt.step() alone and for the whole loop, and of the numpy code.
Each figure is the best (fastest) of --repeats runs of --steps steps: on a shared machine, the run
least disturbed by other processes.
"""

import argparse
import json
import sys
import time

import numpy as np


def grad(x, y):
    valley = y - x * x
    return -400.0 * x * valley - 2.0 * (1.0 - x), 200.0 * valley


TORCH_RULES = {
    # optlab name -> (torch.optim class name, keyword arguments)
    "sgd": ("SGD", {}),
    "momentum": ("SGD", {"momentum": 0.9}),
    "nesterov": ("SGD", {"momentum": 0.9, "nesterov": True}),
    "adagrad": ("Adagrad", {}),
    "rmsprop": ("RMSprop", {}),
    "adam": ("Adam", {}),
    "adamw": ("AdamW", {}),
}


def torch_run(torch, name, steps):
    cls, kwargs = TORCH_RULES[name]
    p = torch.tensor([-1.2, 1.0], dtype=torch.float64, requires_grad=True)
    opt = getattr(torch.optim, cls)([p], lr=1e-3, **kwargs)
    path = []
    clock = time.perf_counter
    in_step = 0.0
    start = clock()
    for _ in range(steps):
        x, y = p.tolist()
        path.append((x, y))
        gx, gy = grad(x, y)
        p.grad = torch.tensor([gx, gy], dtype=torch.float64)
        before = clock()
        opt.step()
        in_step += clock() - before
    total = clock() - start
    return in_step / steps * 1e9, total / steps * 1e9


def numpy_run(name, steps):
    """The lecture's numpy updates, with the gradient and the recorded path."""
    lr, beta = 1e-3, 0.9
    w = np.array([-1.2, 1.0])
    v = np.zeros(2)
    s = np.zeros(2)
    m = np.zeros(2)
    b1, b2, eps = 0.9, 0.999, 1e-8
    path = []

    def g_at(p):
        valley = p[1] - p[0] ** 2
        return np.array([-400.0 * p[0] * valley - 2.0 * (1.0 - p[0]), 200.0 * valley])

    start = time.perf_counter()
    for t in range(1, steps + 1):
        path.append(w.copy())
        if name == "nesterov":
            g = g_at(w + beta * v)
        else:
            g = g_at(w)
        if name == "sgd":
            w = w - lr * g
        elif name in ("momentum", "nesterov"):
            v = beta * v - lr * g
            w = w + v
        elif name == "adagrad":
            s = s + g * g
            w = w - lr * g / (np.sqrt(s) + 1e-10)
        elif name == "rmsprop":
            s = 0.99 * s + 0.01 * g * g
            w = w - lr * g / (np.sqrt(s) + eps)
        else:  # adam, adamw
            if name == "adamw":
                w = w * (1 - lr * 0.01)
            m = b1 * m + (1 - b1) * g
            s = b2 * s + (1 - b2) * g * g
            m_hat = m / (1 - b1**t)
            s_hat = s / (1 - b2**t)
            w = w - lr * m_hat / (np.sqrt(s_hat) + eps)
    return (time.perf_counter() - start) / steps * 1e9


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--optimizers", default=",".join(TORCH_RULES))
    parser.add_argument("--steps", type=int, default=20000)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--no-numpy", action="store_true")
    args = parser.parse_args()
    try:
        import torch

        torch.set_num_threads(1)
    except ImportError:
        torch = None
    out = {"python": sys.version.split()[0], "numpy": np.__version__,
           "torch": torch.__version__ if torch else None, "optimizers": {}}
    for name in args.optimizers.split(","):
        row = {}
        if torch is not None:
            torch_run(torch, name, args.steps // 10)  # warm-up
            runs = [torch_run(torch, name, args.steps) for _ in range(args.repeats)]
            row["torch_step_ns"] = min(r[0] for r in runs)
            row["torch_loop_ns"] = min(r[1] for r in runs)
        if not args.no_numpy:
            numpy_run(name, args.steps // 10)
            row["numpy_loop_ns"] = min(numpy_run(name, args.steps) for _ in range(args.repeats))
        out["optimizers"][name] = row
    json.dump(out, sys.stdout)
    print()


if __name__ == "__main__":
    main()
