#!/usr/bin/env python3
"""Replay the committed reference fixtures with the real, current libraries.

What it does
    Reads the trajectories*.json files next to this script (it writes nothing) and replays
    every case with the libraries of the interpreter that runs it:
        trajectories-optax.json       real optax (jax float64, jax_enable_x64) for every case;
                                      each case run twice: update_fn called eagerly, and
                                      jax.jit(update_fn) (what optax users run)
        trajectories.json             torch.optim of the installed PyTorch (2.x), with the
                                      generator's own run_torch (foreach=False, its schedulers);
                                      the 8 "lecture" cases are plain-Python formulas, not a
                                      library: they are replayed with run_lecture for
                                      completeness (deviation 0 by construction)
        trajectories-schedules.json   torch.optim + torch.optim.lr_scheduler of that PyTorch,
                                      with generate_schedule_trajectories.run_torch
        trajectories-optimizers.json  that generator's own --check-modern replay
                                      (torch.optim.{Adadelta, Adamax, NAdam, RAdam}, optax.{nadam,
                                      nadamw, radam, lion}), reused as is
    The gradients are the analytic ones of generate_reference_trajectories.py (imported), fed
    exactly as the generators feed them. It prints the largest deviation of every case and one
    summary table (file, cases, largest deviation, worst case). Exit status 1 when a case
    deviates by more than the bound below.

    Deviation of a case: max over iterates t and coordinates i of
        |replayed - fixture| / (|fixture| + 1e-3)
    i.e. the metric of ReferenceTrajectoryTest (relative 1e-9 with an absolute floor of 1e-12,
    so a coordinate passes there iff this number is <= 1e-9). Bound here: 1e-9 (what the Java
    test tolerates); rounding-level replays are far below it (1e-13 and less).

How the optax cases are built from a request (optlab names -> optax arguments)
    sgd      optax.sgd(learning_rate, momentum=None if momentum == 0 else momentum, nesterov)
    adagrad  optax.adagrad(learning_rate, initial_accumulator_value, eps=epsilon)
    rmsprop  optax.rmsprop(learning_rate, decay=alpha, eps=epsilon, eps_in_sqrt=
             epsilonInsideRoot, centered, momentum=None if 0 else momentum, nesterov)
    adam     optax.adam(learning_rate, b1=beta1, b2=beta2, eps=epsilon, eps_root=epsilonRoot);
             amsgrad -> optax.amsgrad(same arguments)
    adamw / adam with decoupledWeightDecay
             optax.adamw(..., weight_decay=weightDecay); with amsgrad (optax has no adamw
             amsgrad alias): chain(scale_by_amsgrad, add_decayed_weights, scale_by_learning_rate),
             adamw's own chain with scale_by_amsgrad in place of scale_by_adam
    weightDecay (not decoupled)  chain(add_decayed_weights(weightDecay), <optimizer>)
    maximize     the gradient is negated before tx.update (optax has no flag)
    schedules    learning_rate = a callable of optax's step count c returning optlab's lr_c
                 (the closed form of generate_reference_trajectories.closed_form_lr, looked up
                 in a float64 table so that it traces under jax.jit)

How to run it (from the repository root)
    Needs PyTorch 2.x, jax and optax in one interpreter (--only optax needs jax and optax
    only; --only torch / --only schedules need PyTorch only). A venv built offline from a
    local wheel mirror does, e.g. (a PEP 503 "simple" folder; where PyPI is reachable, plain
    pip install torch jax optax):
        python3 -m venv /tmp/venv-x
        /tmp/venv-x/bin/pip install --index-url file:///opt/pypi/simple jax==0.10.2 optax==0.2.8
        /tmp/venv-x/bin/pip install --index-url file:///<mirror with torch>/simple torch
        /tmp/venv-x/bin/python src/test/resources/reference/check_fixtures_against_libraries.py
    Options: --only optax|torch|schedules|optimizers (repeatable) to replay a subset. The same
    replays: generate_optax_trajectories.py --check-optax, generate_reference_trajectories.py
    --check-modern, generate_schedule_trajectories.py --check-modern (each one file), and
    generate_optimizer_trajectories.py --check-modern (its own printout).

Result with torch 2.13.0+cpu, jax 0.10.2, optax 0.2.8 (CPU, float64)
    file                          replayed with                cases  max dev   worst case
    trajectories-optax.json       optax 0.2.8 (eager and jit)     18  3.6e-13   optax-rmsprop-momentum-beale (jit)
    trajectories.json             torch 2.13.0+cpu                49  3.8e-14   adam-weightdecay-quadratic3
    trajectories-schedules.json   torch 2.13.0+cpu                15  6.1e-16   adam-inverse-sqrt-warmup-rosenbrock2
    trajectories-optimizers.json  torch 2.13.0 / optax 0.2.8      38  1.2e-13   radam-optax-beta2-weightdecay-beale
    The optax deviations are XLA's: its float64 rsqrt is not 1/sqrt(x) (up to 2 ulp apart) and,
    under jax.jit, its CPU backend fuses a*b + c into one fused multiply-add. Before the fix of
    optax-rmsprop-centered-rosenbrock2 (400 steps, now 180; see generate_optax_trajectories.py)
    that case deviated by 1.8e-12 eagerly and by 4.2 under jit.
"""

import importlib.util
import json
import math
import os
import sys

sys.dont_write_bytecode = True  # keep __pycache__ out of the test resources

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

BOUND = 1e-9
FLOOR = 1e-3   # ReferenceTrajectoryTest: ABSOLUTE / RELATIVE = 1e-12 / 1e-9


def _load(name):
    spec = importlib.util.spec_from_file_location(name, os.path.join(HERE, name + ".py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def deviation(points, fixture):
    """(largest |a - b| / (|b| + 1e-3), iterate index where it occurs)."""
    worst, where = 0.0, 0
    if len(points) != len(fixture):
        return math.inf, min(len(points), len(fixture))
    for t, (pa, pb) in enumerate(zip(points, fixture)):
        for x, y in zip(pa, pb):
            d = abs(x - y) / (abs(y) + FLOOR) if math.isfinite(x) else math.inf
            if d > worst:
                worst, where = d, t
    return worst, where


def load_cases(filename):
    with open(os.path.join(HERE, filename)) as fh:
        return json.load(fh)["cases"]


def objective_of(ref, request):
    name = request["name"]
    if name == "rosenbrock":
        return ref.rosenbrock(request["a"], request["b"], request["dimension"])
    if name == "quadratic":
        return ref.quadratic(request["matrix"], request["vector"])
    if name == "beale":
        return ref.beale()
    if name == "himmelblau":
        return ref.himmelblau()
    if name == "rastrigin":
        return ref.rastrigin(request["a"], request["dimension"])
    raise ValueError(name)


# --------------------------------------------------------------------------- optax

OPTAX_DEFAULTS = {   # the same table as generate_optax_trajectories.DEFAULTS (checked below)
    "sgd": {"learningRate": 0.01, "momentum": 0.0, "dampening": 0.0, "nesterov": False,
            "weightDecay": 0.0, "maximize": False},
    "adagrad": {"learningRate": 0.01, "learningRateDecay": 0.0, "weightDecay": 0.0,
                "initialAccumulatorValue": 0.1, "epsilon": 1e-7, "maximize": False},
    "rmsprop": {"learningRate": 0.01, "alpha": 0.9, "epsilon": 1e-8, "weightDecay": 0.0,
                "momentum": 0.0, "centered": False, "nesterov": False,
                "epsilonInsideRoot": True, "maximize": False},
    "adam": {"learningRate": 0.001, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8,
             "epsilonRoot": 0.0, "weightDecay": 0.0, "amsgrad": False,
             "decoupledWeightDecay": False, "maximize": False},
    "adamw": {"learningRate": 0.001, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8,
              "epsilonRoot": 0.0, "weightDecay": 1e-4, "amsgrad": False, "maximize": False},
}


def optax_transformation(optax, jnp, req, rates):
    """The optax GradientTransformation for an optlab request (convention optax)."""
    name = req["name"]
    unknown = set(req) - set(OPTAX_DEFAULTS[name]) - {"name", "convention"}
    assert not unknown and req.get("convention") == "optax", req
    h = dict(OPTAX_DEFAULTS[name])
    h.update({k: v for k, v in req.items() if k not in ("name", "convention")})
    assert h.get("dampening", 0.0) == 0.0 and h.get("learningRateDecay", 0.0) == 0.0, req
    if rates is None:
        lr = h["learningRate"]
    else:
        table = jnp.asarray(rates, dtype=jnp.float64)
        lr = lambda count: table[count]  # noqa: E731  (optlab's lr_t for step t = count)
    wd = h["weightDecay"]
    decoupled = name == "adamw" or (name == "adam" and h["decoupledWeightDecay"])
    momentum = None if h.get("momentum", 0.0) == 0.0 else h["momentum"]
    if name == "sgd":
        tx = optax.sgd(lr, momentum=momentum, nesterov=h["nesterov"])
    elif name == "adagrad":
        tx = optax.adagrad(lr, initial_accumulator_value=h["initialAccumulatorValue"],
                           eps=h["epsilon"])
    elif name == "rmsprop":
        tx = optax.rmsprop(lr, decay=h["alpha"], eps=h["epsilon"],
                           eps_in_sqrt=h["epsilonInsideRoot"], centered=h["centered"],
                           momentum=momentum, nesterov=h["nesterov"])
    elif decoupled and h["amsgrad"]:
        tx = optax.chain(
            optax.scale_by_amsgrad(b1=h["beta1"], b2=h["beta2"], eps=h["epsilon"],
                                   eps_root=h["epsilonRoot"]),
            optax.add_decayed_weights(wd), optax.scale_by_learning_rate(lr))
    elif decoupled:
        tx = optax.adamw(lr, b1=h["beta1"], b2=h["beta2"], eps=h["epsilon"],
                         eps_root=h["epsilonRoot"], weight_decay=wd)
    else:
        alias = optax.amsgrad if h["amsgrad"] else optax.adam
        tx = alias(lr, b1=h["beta1"], b2=h["beta2"], eps=h["epsilon"], eps_root=h["epsilonRoot"])
    if wd != 0.0 and not decoupled:
        tx = optax.chain(optax.add_decayed_weights(wd), tx)
    return tx, h["maximize"], h["learningRate"]


def replay_optax(ref, case, jit):
    import jax
    import jax.numpy as jnp
    import optax

    req = case["request"]
    obj = objective_of(ref, req["objective"])
    x0, T, spec = req["initialPoint"], req["iterations"], req.get("schedule")
    eta = dict(OPTAX_DEFAULTS[req["optimizer"]["name"]], **req["optimizer"])["learningRate"]
    rates = None if spec is None else [ref.closed_form_lr(spec, eta, T, t) for t in range(T)]
    tx, maximize, _ = optax_transformation(optax, jnp, req["optimizer"], rates)
    update = jax.jit(tx.update) if jit else tx.update
    apply = jax.jit(optax.apply_updates) if jit else optax.apply_updates
    w = jnp.asarray(x0, dtype=jnp.float64)
    state = tx.init(w)
    points = [[float(v) for v in w]]
    for _ in range(T):
        g = jnp.asarray(obj.grad([float(v) for v in w]), dtype=jnp.float64)
        if maximize:
            g = -g
        updates, state = update(g, state, w)
        w = apply(w, updates)
        assert w.dtype == jnp.float64
        points.append([float(v) for v in w])
    return points


def check_optax(ref):
    import jax
    jax.config.update("jax_enable_x64", True)
    import optax

    gen = _load("generate_optax_trajectories")
    assert gen.DEFAULTS == OPTAX_DEFAULTS, "the defaults of generate_optax_trajectories changed"
    label = "optax %s (jax %s)" % (optax.__version__, jax.__version__)
    rows = []
    for case in load_cases("trajectories-optax.json"):
        eager, t_eager = deviation(replay_optax(ref, case, jit=False), case["points"])
        jitted, t_jit = deviation(replay_optax(ref, case, jit=True), case["points"])
        dev, t = max((eager, t_eager), (jitted, t_jit))
        print("  %-56s eager %.2g  jit %.2g  (worst at t=%d)" % (case["id"], eager, jitted, t))
        rows.append((case["id"], dev))
    return label, rows


# --------------------------------------------------------------------------- torch

def check_torch(ref):
    import torch
    rows = []
    for case in load_cases("trajectories.json") + load_cases("trajectories-adam.json"):
        req = case["request"]
        obj = objective_of(ref, req["objective"])
        args = (obj, req["optimizer"], req.get("schedule"), req["initialPoint"], req["iterations"])
        if case["reference"] == "lecture":
            points, what = ref.run_lecture(*args), "lecture formula (no library)"
        else:
            points, what = ref.run_torch(*args), case["reference"]
        dev, t = deviation(points, case["points"])
        print("  %-56s %-30s %.2g  (worst at t=%d)" % (case["id"], what, dev, t))
        rows.append((case["id"], dev))
    return "torch " + torch.__version__, rows


def check_schedules(ref):
    import torch
    sched = _load("generate_schedule_trajectories")
    rows = []
    for case in load_cases("trajectories-schedules.json"):
        req = case["request"]
        obj = objective_of(ref, req["objective"])
        points, _ = sched.run_torch(obj, req["optimizer"], req["schedule"], req["initialPoint"],
                                    req["iterations"])
        dev, t = deviation(points, case["points"])
        print("  %-56s %-24s %.2g  (worst at t=%d)" % (case["id"], req["schedule"]["name"], dev, t))
        rows.append((case["id"], dev))
    return "torch " + torch.__version__, rows


def check_optimizers(ref):
    import jax
    jax.config.update("jax_enable_x64", True)
    import optax
    import torch
    gen = _load("generate_optimizer_trajectories")
    rows = []
    for case in load_cases("trajectories-optimizers.json"):
        req = case["request"]
        optimizer, spec = req["optimizer"], req.get("schedule")
        obj = gen.OBJECTIVES[req["objective"]["name"]](req["objective"])
        args = (optimizer, obj, spec, req["initialPoint"], req["iterations"])
        if gen.convention(optimizer) == "optax" or optimizer["name"] == "lion":
            points, what = gen.modern_optax(*args), "optax"
        else:
            points, what = gen.modern_torch(*args), "torch"
        dev, t = deviation(points, case["points"])
        print("  %-56s %-6s %.2g  (worst at t=%d)" % (case["id"], what, dev, t))
        rows.append((case["id"], dev))
    return "torch %s / optax %s" % (torch.__version__, optax.__version__), rows


CHECKS = [("optax", "trajectories-optax.json", check_optax),
          ("torch", "trajectories.json", check_torch),
          ("schedules", "trajectories-schedules.json", check_schedules),
          ("optimizers", "trajectories-optimizers.json", check_optimizers)]


def main(argv):
    only = set()
    while argv:
        if argv[0] == "--only" and len(argv) > 1:
            only.add(argv[1])
            argv = argv[2:]
        else:
            sys.exit(__doc__)
    if only - {key for key, _, _ in CHECKS}:
        sys.exit("unknown --only %s" % sorted(only))
    if not only or only & {"optax", "optimizers"}:
        import jax
        jax.config.update("jax_enable_x64", True)   # before any jax array exists
    try:
        import torch
        torch.optim  # noqa: B018  (not generate_optax_trajectories' stand-in)
    except (ImportError, AttributeError):
        if only != {"optax"}:
            sys.exit("PyTorch is not installed: only --only optax can run without it")
        # generate_optax_trajectories loads the objectives with a stand-in for torch
        ref = _load("generate_optax_trajectories").ref
    else:
        ref = _load("generate_reference_trajectories")  # float64 default dtype for torch
    summary = []
    for key, filename, check in CHECKS:
        if only and key not in only:
            continue
        print("%s:" % filename)
        label, rows = check(ref)
        worst_id, worst = max(rows, key=lambda r: r[1])
        summary.append((filename, label, len(rows), worst, worst_id))
    print()
    print("%-29s %-34s %5s  %-9s %s" % ("file", "replayed with", "cases", "max dev", "worst case"))
    for filename, label, n, worst, worst_id in summary:
        print("%-29s %-34s %5d  %-9.2g %s" % (filename, label, n, worst, worst_id))
    print("(deviation: max |replayed - fixture| / (|fixture| + 1e-3); ReferenceTrajectoryTest "
          "tolerates 1e-9)")
    if any(worst > BOUND for _, _, _, worst, _ in summary):
        sys.exit(1)


if __name__ == "__main__":
    main(sys.argv[1:])
