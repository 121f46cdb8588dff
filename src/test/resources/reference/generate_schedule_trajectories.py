#!/usr/bin/env python3
"""Reference trajectories for optlab's learning-rate schedules beyond the first five.

What it generates
    trajectories-schedules.json, next to this script, in exactly the format of
    trajectories.json (see generate_reference_trajectories.py):
        {"generator": "generate_schedule_trajectories.py", "torch": "<torch.__version__>",
         "cases": [{"id", "reference", "request", "points", "losses"}, ...]}
    Each case is an optlab run request (objective, optimizer, schedule, initialPoint,
    iterations T) with the T+1 iterates w_0..w_T and losses f(w_0)..f(w_T) that
    torch.optim produces with the scheduler below. "reference" names the optimizer's
    class, as in trajectories.json. ReferenceTrajectoryTest reads every
    trajectories*.json in this folder.

How to run it (from the repository root)
    apt-get install -y python3-torch        # Debian's PyTorch (1.13 at the time of writing)
    /usr/bin/python3 src/test/resources/reference/generate_schedule_trajectories.py
    It prints one line per case with the rate at a few steps (and, for reduce_on_plateau,
    every step at which the rate changed), checks the scheduler's rates against the
    closed forms below, and verifies its own output.

    Optional, where PyTorch 2.x is installed, e.g. a venv built offline from a local wheel
    mirror (python3 -m venv /tmp/venv-x; /tmp/venv-x/bin/pip install --no-index
    --find-links /opt/pypi/simple torch), or pip install torch on a connected machine:
    /tmp/venv-x/bin/python src/test/resources/reference/generate_schedule_trajectories.py --check-modern
    replays every case of trajectories-schedules.json with that PyTorch (the same loop, foreach=False) and
    prints the largest relative deviation of each; it writes nothing (it runs
    check_fixtures_against_libraries.py --only schedules). With torch 2.13.0 the largest is
    6.1e-16 (adam-inverse-sqrt-warmup-rosenbrock2).

Conventions
    * Objectives, gradients, optimizers and the loop are those of
      generate_reference_trajectories.py (imported): float64, one parameter tensor, the
      analytic gradient assigned with `p.grad = torch.tensor(g_t)`, then `opt.step()`, then
      `sched.step()`; foreach=False. lr_t is param_groups[0]['lr'] when step t is taken.
    * Schedules (eta = the optimizer's learningRate, T = iterations):
        linear            -> LinearLR(start_factor, end_factor, total_iters)
        polynomial        -> PolynomialLR(total_iters, power)
        one_cycle         -> OneCycleLR(max_lr=eta, total_steps=T, pct_start, anneal_strategy,
                             div_factor, final_div_factor, three_phase, cycle_momentum=False):
                             optlab never changes the optimizer's momentum, and with
                             cycle_momentum=True torch would overwrite SGD's momentum / Adam's
                             beta1 every step.
        cosine_restarts   -> CosineAnnealingWarmRestarts(T_0, T_mult, eta_min)
        inverse_sqrt      -> LambdaLR with the closed form divided by eta (no torch class)
        reduce_on_plateau -> ReduceLROnPlateau(mode="min", ...), stepped after every
                             optimizer step with the loss of the new point:
                             sched.step(f(w_{t+1})). So lr_t depends on f(w_1)..f(w_t); f(w_0)
                             is never seen.
      LinearLR and PolynomialLR update the rate recursively (lr_t from lr_{t-1}); their rates
      may differ from the closed forms in the last bits. The script checks every scheduler's
      rates against the closed forms (closed_form_rates) to a relative 1e-12.
    * Every case stays finite and keeps ||grad f(w_t)|| well above 1e-8 for t < T, so that a
      default gradient-norm stopping rule cannot end an optlab run early.
"""

import json
import math
import os
import sys

import torch

sys.dont_write_bytecode = True  # keep __pycache__ out of the test resources

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import generate_reference_trajectories as base  # noqa: E402  (float64 default set on import)

OUTPUT = os.path.join(HERE, "trajectories-schedules.json")
GENERATOR = "generate_schedule_trajectories.py"

# optlab's defaults (PyTorch's) for the parameters a request may leave out.
SCHEDULE_DEFAULTS = {
    "linear": {"startFactor": 1.0 / 3, "endFactor": 1.0, "totalIters": 5},
    "polynomial": {"totalIters": 5, "power": 1.0},
    "one_cycle": {"pctStart": 0.3, "annealStrategy": "cos", "divFactor": 25.0,
                  "finalDivFactor": 1e4, "threePhase": False},
    "cosine_restarts": {"tMult": 1, "minLearningRate": 0.0},
    "inverse_sqrt": {"warmupSteps": 0},
    "reduce_on_plateau": {"factor": 0.1, "patience": 10, "threshold": 1e-4,
                          "thresholdMode": "rel", "cooldown": 0, "minLearningRate": 0.0,
                          "epsilon": 1e-8},
}
REQUIRED = {"cosine_restarts": {"t0"}}


def schedule_params(spec):
    name = spec["name"]
    unknown = set(spec) - set(SCHEDULE_DEFAULTS[name]) - REQUIRED.get(name, set()) - {"name"}
    missing = REQUIRED.get(name, set()) - set(spec)
    if unknown or missing:
        raise ValueError("%s: unknown %s, missing %s" % (name, sorted(unknown), sorted(missing)))
    out = dict(SCHEDULE_DEFAULTS[name])
    out.update({k: v for k, v in spec.items() if k != "name"})
    return out


def inverse_sqrt_lr(eta, warmup, t):
    if t < warmup:
        return eta * (t + 1) / warmup
    return eta * math.sqrt(max(warmup, 1)) / math.sqrt(t + 1)


def one_cycle_lr(eta, T, h, t):
    """OneCycleLR.get_lr at last_epoch t, transcribed (zero-length phases end at once)."""
    initial = eta / h["divFactor"]
    low = initial / h["finalDivFactor"]
    pct_t = h["pctStart"] * T
    if h["threePhase"]:
        phases = [(pct_t - 1, initial, eta), (2 * pct_t - 2, eta, initial), (T - 1, initial, low)]
    else:
        phases = [(pct_t - 1, initial, eta), (T - 1, eta, low)]
    start = 0
    for i, (end, a, b) in enumerate(phases):
        if t <= end or i == len(phases) - 1:
            pct = 1.0 if end == start else (t - start) / (end - start)
            if h["annealStrategy"] == "cos":
                return b + (a - b) / 2.0 * (math.cos(math.pi * pct) + 1)
            return (b - a) * pct + a
        start = end
    raise AssertionError


def closed_form_rates(spec, eta, T):
    """lr_0..lr_{T-1} from the closed forms optlab implements (not for reduce_on_plateau)."""
    h = schedule_params(spec)
    name = spec["name"]
    rates = []
    for t in range(T):
        if name == "linear":
            n = h["totalIters"]
            lr = eta * (h["startFactor"]
                        + (h["endFactor"] - h["startFactor"]) * min(t, n) / n)
        elif name == "polynomial":
            n = h["totalIters"]
            lr = eta * (1.0 - min(t, n) / n) ** h["power"]
        elif name == "one_cycle":
            lr = one_cycle_lr(eta, T, h, t)
        elif name == "cosine_restarts":
            start, period = 0, h["t0"]
            while t - start >= period:
                start += period
                period *= h["tMult"]
            low = h["minLearningRate"]
            lr = low + (eta - low) * (1 + math.cos(math.pi * (t - start) / period)) / 2
        elif name == "inverse_sqrt":
            lr = inverse_sqrt_lr(eta, h["warmupSteps"], t)
        else:
            raise ValueError(name)
        rates.append(lr)
    return rates


def torch_scheduler(spec, opt, eta, T):
    h = schedule_params(spec)
    name = spec["name"]
    s = torch.optim.lr_scheduler
    if name == "linear":
        return s.LinearLR(opt, start_factor=h["startFactor"], end_factor=h["endFactor"],
                          total_iters=h["totalIters"])
    if name == "polynomial":
        return s.PolynomialLR(opt, total_iters=h["totalIters"], power=h["power"])
    if name == "one_cycle":
        return s.OneCycleLR(opt, max_lr=eta, total_steps=T, pct_start=float(h["pctStart"]),
                            anneal_strategy=h["annealStrategy"], cycle_momentum=False,
                            div_factor=h["divFactor"], final_div_factor=h["finalDivFactor"],
                            three_phase=h["threePhase"])
    if name == "cosine_restarts":
        return s.CosineAnnealingWarmRestarts(opt, T_0=h["t0"], T_mult=h["tMult"],
                                             eta_min=h["minLearningRate"])
    if name == "inverse_sqrt":
        w = h["warmupSteps"]
        return s.LambdaLR(opt, lr_lambda=lambda t: inverse_sqrt_lr(eta, w, t) / eta)
    if name == "reduce_on_plateau":
        return s.ReduceLROnPlateau(opt, mode="min", factor=h["factor"], patience=h["patience"],
                                   threshold=h["threshold"], threshold_mode=h["thresholdMode"],
                                   cooldown=h["cooldown"], min_lr=h["minLearningRate"],
                                   eps=h["epsilon"])
    raise ValueError(name)


def run_torch(obj, req, spec, x0, T):
    eta = base.full_params(req)["learningRate"]
    p = torch.tensor(x0, dtype=torch.float64, requires_grad=True)
    opt = base.make_torch_optimizer(req, p)
    momentum = [(g.get("momentum"), g.get("betas")) for g in opt.param_groups]
    sched = torch_scheduler(spec, opt, eta, T)
    plateau = spec["name"] == "reduce_on_plateau"
    points = [p.detach().tolist()]
    rates = []
    for _ in range(T):
        rates.append(opt.param_groups[0]["lr"])
        p.grad = torch.tensor(obj.grad(p.detach().tolist()), dtype=torch.float64)
        opt.step()
        w = p.detach().tolist()
        if plateau:
            sched.step(obj.f(w))
        else:
            sched.step()
        points.append(w)
    # cycle_momentum=False must have left the optimizer's momentum alone.
    assert momentum == [(g.get("momentum"), g.get("betas")) for g in opt.param_groups], req
    return points, rates


# --------------------------------------------------------------------------- cases

R2 = [-1.2, 1.0]
Q3 = [2.0, -1.0, 1.5]
Q3_FAR = [5.0, 4.0, -3.0]
BE = [1.0, 1.5]
HI = [0.0, 0.0]

CASES = []


def case(cid, obj, optimizer, x0, T, schedule):
    CASES.append((cid, obj, optimizer, schedule, x0, T))


# linear
case("sgd-linear-defaults-rosenbrock2", base.rosenbrock(),
     {"name": "sgd", "learningRate": 0.001}, R2, 300, {"name": "linear"})
case("adam-linear-decay-himmelblau", base.himmelblau(),
     {"name": "adam", "learningRate": 0.05}, HI, 400,
     {"name": "linear", "startFactor": 1.0, "endFactor": 0.05, "totalIters": 250})
# polynomial
case("rmsprop-polynomial-defaults-quadratic3", base.quadratic(),
     {"name": "rmsprop", "learningRate": 0.01}, Q3, 200, {"name": "polynomial"})
case("sgd-momentum-polynomial-power2-rosenbrock2", base.rosenbrock(),
     {"name": "sgd", "learningRate": 0.001, "momentum": 0.9}, R2, 500,
     {"name": "polynomial", "totalIters": 400, "power": 2.0})
case("adam-polynomial-sqrt-beale", base.beale(),
     {"name": "adam", "learningRate": 0.02}, BE, 300,
     {"name": "polynomial", "totalIters": 300, "power": 0.5})
# one_cycle
case("sgd-momentum-onecycle-defaults-rosenbrock2", base.rosenbrock(),
     {"name": "sgd", "learningRate": 0.002, "momentum": 0.9}, R2, 500, {"name": "one_cycle"})
case("adam-onecycle-threephase-linear-himmelblau", base.himmelblau(),
     {"name": "adam", "learningRate": 0.1}, HI, 400,
     {"name": "one_cycle", "pctStart": 0.25, "annealStrategy": "linear", "divFactor": 10.0,
      "finalDivFactor": 100.0, "threePhase": True})
case("rmsprop-onecycle-quadratic3", base.quadratic(),
     {"name": "rmsprop", "learningRate": 0.05}, Q3_FAR, 200,
     {"name": "one_cycle", "pctStart": 0.4, "threePhase": True})
# cosine_restarts
case("sgd-cosine-restarts-quadratic3", base.quadratic(),
     {"name": "sgd", "learningRate": 0.02}, Q3_FAR, 300, {"name": "cosine_restarts", "t0": 50})
case("adam-cosine-restarts-tmult2-rosenbrock2", base.rosenbrock(),
     {"name": "adam", "learningRate": 0.02}, R2, 500,
     {"name": "cosine_restarts", "t0": 20, "tMult": 2, "minLearningRate": 0.0001})
# inverse_sqrt
case("rmsprop-inverse-sqrt-defaults-beale", base.beale(),
     {"name": "rmsprop", "learningRate": 0.01}, BE, 300, {"name": "inverse_sqrt"})
case("adam-inverse-sqrt-warmup-rosenbrock2", base.rosenbrock(),
     {"name": "adam", "learningRate": 0.05}, R2, 400, {"name": "inverse_sqrt", "warmupSteps": 50})
# reduce_on_plateau
case("adam-plateau-defaults-rosenbrock2", base.rosenbrock(),
     {"name": "adam", "learningRate": 0.01}, R2, 500, {"name": "reduce_on_plateau"})
case("rmsprop-plateau-abs-minlr-quadratic3", base.quadratic(),
     {"name": "rmsprop", "learningRate": 0.1}, Q3_FAR, 300,
     {"name": "reduce_on_plateau", "thresholdMode": "abs", "threshold": 0.001, "patience": 5,
      "minLearningRate": 0.0001})
case("sgd-momentum-plateau-cooldown-rosenbrock2", base.rosenbrock(),
     {"name": "sgd", "learningRate": 0.002, "momentum": 0.9}, R2, 500,
     {"name": "reduce_on_plateau", "factor": 0.3, "patience": 8, "threshold": 0.001,
      "cooldown": 10, "epsilon": 1e-6})


# --------------------------------------------------------------------------- main

def rate_changes(rates):
    return [(t, rates[t]) for t in range(1, len(rates)) if rates[t] != rates[t - 1]]


def build_case(cid, obj, optimizer, schedule, x0, T):
    if len(x0) != obj.dimension:
        raise ValueError("%s: initial point has the wrong dimension" % cid)
    points, rates = run_torch(obj, optimizer, schedule, x0, T)
    losses = [obj.f(w) for w in points]
    request = {"objective": obj.request, "optimizer": optimizer, "schedule": schedule,
               "initialPoint": list(x0), "iterations": T}
    min_grad_norm = min(math.sqrt(sum(g * g for g in obj.grad(w))) for w in points[:-1])
    reference = "torch.optim." + base.TORCH_CLASS[optimizer["name"]]
    return ({"id": cid, "reference": reference, "request": request, "points": points,
             "losses": losses}, rates, min_grad_norm)


def verify(path):
    with open(path) as fh:
        doc = json.load(fh)
    assert doc["generator"] == GENERATOR
    ids = set()
    for c in doc["cases"]:
        assert c["id"] not in ids, c["id"]
        ids.add(c["id"])
        req = c["request"]
        assert set(req) == {"objective", "optimizer", "schedule", "initialPoint", "iterations"}
        T = req["iterations"]
        n = len(req["initialPoint"])
        assert len(c["points"]) == T + 1 and len(c["losses"]) == T + 1, c["id"]
        assert c["points"][0] == req["initialPoint"], c["id"]
        for w in c["points"]:
            assert len(w) == n and all(isinstance(v, float) and math.isfinite(v) for v in w), c["id"]
        assert all(math.isfinite(v) for v in c["losses"]), c["id"]
    return doc


def main():
    cases = []
    problems = []
    for cid, obj, optimizer, schedule, x0, T in CASES:
        c, rates, gmin = build_case(cid, obj, optimizer, schedule, x0, T)
        eta = base.full_params(optimizer)["learningRate"]
        bad = [v for w in c["points"] for v in w if not math.isfinite(v)]
        bad += [v for v in c["losses"] if not math.isfinite(v)]
        if bad:
            problems.append("%s: non-finite values" % cid)
        if gmin < 1e-6:
            problems.append("%s: gradient norm %.3g would trigger early stopping" % (cid, gmin))
        if schedule["name"] == "reduce_on_plateau":
            changes = rate_changes(rates)
            if len(changes) < 2:
                problems.append("%s: the rate was reduced %d times" % (cid, len(changes)))
            detail = "reduced at " + ", ".join("%d->%.4g" % ch for ch in changes)
        else:
            expected = closed_form_rates(schedule, eta, T)
            worst = max(abs(a - b) / max(abs(b), 1e-300) for a, b in zip(rates, expected))
            if worst > 1e-12:
                problems.append("%s: torch's rates differ from the closed form by %.3g" % (cid, worst))
            picks = sorted({0, 1, 2, T // 4, T // 2, (3 * T) // 4, T - 1})
            detail = "lr " + " ".join("%d:%.4g" % (t, rates[t]) for t in picks)
            detail += "  (closed form within %.2g)" % worst
        print("%-46s T=%3d  loss %.6g -> %.10g  (min |grad| %.3g)"
              % (cid, T, c["losses"][0], c["losses"][-1], gmin))
        print("    " + detail)
        cases.append(c)
    names = {c["request"]["schedule"]["name"] for c in cases}
    if names != set(SCHEDULE_DEFAULTS):
        problems.append("schedules without a case: %s" % sorted(set(SCHEDULE_DEFAULTS) - names))
    if problems:
        sys.exit("\n".join(problems))
    with open(OUTPUT, "w") as fh:
        fh.write('{"generator":%s,"torch":%s,"cases":[\n'
                 % (json.dumps(GENERATOR), json.dumps(torch.__version__)))
        fh.write(",\n".join(json.dumps(c, separators=(",", ":"), allow_nan=False) for c in cases))
        fh.write("\n]}\n")
    doc = verify(OUTPUT)
    print("wrote %s: %d cases, %d bytes" % (OUTPUT, len(doc["cases"]), os.path.getsize(OUTPUT)))


def check_modern():
    """--check-modern: replay trajectories-schedules.json with the installed PyTorch (2.x)."""
    import importlib.util
    sys.dont_write_bytecode = True
    spec = importlib.util.spec_from_file_location(
        "check_fixtures_against_libraries",
        os.path.join(HERE, "check_fixtures_against_libraries.py"))
    checker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(checker)
    checker.main(["--only", "schedules"])


if __name__ == "__main__":
    if sys.argv[1:] == ["--check-modern"]:
        check_modern()
    elif sys.argv[1:]:
        sys.exit("usage: generate_schedule_trajectories.py [--check-modern]")
    else:
        main()
