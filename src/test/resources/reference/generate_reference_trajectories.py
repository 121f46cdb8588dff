#!/usr/bin/env python3
"""Reference optimizer trajectories for optlab's tests.

What it generates
    trajectories.json and trajectories-adam.json (the Adam and AdamW cases), next to this script: 49 cases, each an optlab run request
    (objective, optimizer, optional schedule, initialPoint, iterations T, written with
    optlab's API names, see shared/api-contract.md) together with the T+1 iterates
    w_0..w_T and the losses f(w_0)..f(w_T) that PyTorch (torch.optim, "reference":
    "torch.optim.<Class>") or a direct transcription of the lecture formulas of the
    contract ("reference": "lecture"; optimizers momentum and nesterov) produces.
    JSON format:
        {"generator": "generate_reference_trajectories.py", "torch": "<torch.__version__>",
         "cases": [{"id", "reference", "request", "points", "losses"}, ...]}
    Floats are written by Python's json module (repr), so they round-trip float64 exactly.

How to run it (from the repository root)
    apt-get install -y python3-torch        # Debian's PyTorch (1.13 at the time of writing)
    /usr/bin/python3 src/test/resources/reference/generate_reference_trajectories.py
    It prints one line per case (id, final loss) and verifies its own output.

    Optional, where PyTorch 2.x is installed, e.g. a venv built offline from a local wheel
    mirror (python3 -m venv /tmp/venv-x; /tmp/venv-x/bin/pip install --no-index
    --find-links /opt/pypi/simple torch), or pip install torch on a connected machine:
    /tmp/venv-x/bin/python src/test/resources/reference/generate_reference_trajectories.py --check-modern
    replays every case of trajectories.json with that PyTorch (the same loop, foreach=False) and
    prints the largest relative deviation of each; it writes nothing (it runs
    check_fixtures_against_libraries.py --only torch). With torch 2.13.0 the largest is
    3.8e-14 (adam-weightdecay-quadratic3).

Conventions
    * float64 everywhere (torch.set_default_dtype(torch.float64)); one parameter tensor p
      with the objective's dimension.
    * No autograd: at each step t = 0..T-1 the gradient g_t = grad f(w_t) is computed
      analytically in plain Python floats with the formulas below and assigned with
      `p.grad = torch.tensor(g_t)`, then `opt.step()`, then `sched.step()` when there is a
      schedule. p is recorded after every step. No gradient noise, no clipping.
    * Optimizers are constructed with explicit keyword arguments and foreach=False.
    * Schedules: step -> StepLR, exponential -> ExponentialLR, cosine -> CosineAnnealingLR
      (T_max = period, eta_min = minLearningRate) when the period is the default (T);
      with an explicit period P < T the contract clamps t at P (lr stays at minLearningRate),
      while CosineAnnealingLR is periodic past T_max, so that case uses LambdaLR with the
      contract's closed form divided by the base rate. warmup_cosine -> LambdaLR with the
      closed form divided by the base rate. Note StepLR, ExponentialLR and
      CosineAnnealingLR are recursive (lr_{t+1} computed from lr_t), so their rates may
      differ from the closed forms in the last bits.
    * Lecture forms (plain Python floats, v_0 = 0, eta = lr_t of the schedule, closed form):
        momentum classical: v <- beta*v - eta*g(w);        w <- w + v
        momentum ema:       v <- beta*v + (1-beta)*g(w);   w <- w - eta*v
        nesterov:           v <- beta*v - eta*g(w + beta*v); w <- w + v   (records w)
    * Every case stays finite and keeps ||grad f(w_t)|| well above 1e-8 for t < T, so that a
      default gradient-norm stopping rule cannot end an optlab run early.
"""

import json
import math
import os
import sys

import torch

torch.set_default_dtype(torch.float64)

HERE = os.path.dirname(os.path.abspath(__file__))
OUTPUT = os.path.join(HERE, "trajectories.json")
# Adam and AdamW cases go to a second file, so that neither file passes 1 MB.
OUTPUT_ADAM = os.path.join(HERE, "trajectories-adam.json")
ADAM_REFERENCES = ("torch.optim.Adam", "torch.optim.AdamW")


# --------------------------------------------------------------------------- objectives
# Each objective: request dict, dimension, f(list) -> float, grad(list) -> list.

class Objective:
    def __init__(self, request, dimension, f, grad):
        self.request = request
        self.dimension = dimension
        self.f = f
        self.grad = grad


def rosenbrock(a=1.0, b=100.0, n=2):
    def f(x):
        s = 0.0
        for i in range(n - 1):
            s += b * (x[i + 1] - x[i] * x[i]) ** 2 + (a - x[i]) ** 2
        return s

    def grad(x):
        g = []
        for i in range(n):
            gi = 0.0
            if i < n - 1:
                gi += -4.0 * b * x[i] * (x[i + 1] - x[i] * x[i]) - 2.0 * (a - x[i])
            if i > 0:
                gi += 2.0 * b * (x[i] - x[i - 1] * x[i - 1])
            g.append(gi)
        return g

    return Objective({"name": "rosenbrock", "a": a, "b": b, "dimension": n}, n, f, grad)


QUAD_A = [[4.0, 1.0, 0.5],
          [1.0, 3.0, -0.5],
          [0.5, -0.5, 2.0]]   # symmetric positive definite (eigenvalues ~ 1.63, 2.83, 4.54)
QUAD_B = [1.0, -2.0, 0.5]


def quadratic(A=QUAD_A, bvec=QUAD_B):
    n = len(bvec)

    def matvec(x):
        return [sum(A[i][j] * x[j] for j in range(n)) for i in range(n)]

    def f(x):
        ax = matvec(x)
        return 0.5 * sum(x[i] * ax[i] for i in range(n)) - sum(bvec[i] * x[i] for i in range(n))

    def grad(x):
        ax = matvec(x)
        return [ax[i] - bvec[i] for i in range(n)]

    return Objective({"name": "quadratic", "matrix": [list(r) for r in A], "vector": list(bvec)},
                     n, f, grad)


def beale():
    def parts(v):
        x, y = v
        r1 = 1.5 - x + x * y
        r2 = 2.25 - x + x * y * y
        r3 = 2.625 - x + x * y * y * y
        return x, y, r1, r2, r3

    def f(v):
        _, _, r1, r2, r3 = parts(v)
        return r1 * r1 + r2 * r2 + r3 * r3

    def grad(v):
        x, y, r1, r2, r3 = parts(v)
        gx = 2.0 * r1 * (y - 1.0) + 2.0 * r2 * (y * y - 1.0) + 2.0 * r3 * (y * y * y - 1.0)
        gy = 2.0 * r1 * x + 2.0 * r2 * 2.0 * x * y + 2.0 * r3 * 3.0 * x * y * y
        return [gx, gy]

    return Objective({"name": "beale"}, 2, f, grad)


def himmelblau():
    def f(v):
        x, y = v
        return (x * x + y - 11.0) ** 2 + (x + y * y - 7.0) ** 2

    def grad(v):
        x, y = v
        u = x * x + y - 11.0
        w = x + y * y - 7.0
        return [4.0 * x * u + 2.0 * w, 2.0 * u + 4.0 * y * w]

    return Objective({"name": "himmelblau"}, 2, f, grad)


def rastrigin(a=10.0, n=2):
    def f(x):
        return a * n + sum(xi * xi - a * math.cos(2.0 * math.pi * xi) for xi in x)

    def grad(x):
        return [2.0 * xi + 2.0 * math.pi * a * math.sin(2.0 * math.pi * xi) for xi in x]

    return Objective({"name": "rastrigin", "a": a, "dimension": n}, n, f, grad)


# --------------------------------------------------------------------------- schedules
# A schedule spec is the request dict (or None for constant). closed_form_lr gives the
# contract's lr_t; torch_scheduler builds the torch scheduler described in the header.

def schedule_params(spec, T):
    name = spec["name"]
    if name == "step":
        return name, spec["stepSize"], spec.get("gamma", 0.1)
    if name == "exponential":
        return name, spec["gamma"]
    if name == "cosine":
        return name, spec.get("minLearningRate", 0.0), spec.get("period", T)
    if name == "warmup_cosine":
        w = spec["warmupSteps"]
        return name, w, spec.get("minLearningRate", 0.0), T - w
    raise ValueError(name)


def cosine_value(eta, eta_min, t, period):
    return eta_min + (eta - eta_min) * (1.0 + math.cos(math.pi * min(t, period) / period)) / 2.0


def closed_form_lr(spec, eta, T, t):
    if spec is None:
        return eta
    p = schedule_params(spec, T)
    if p[0] == "step":
        return eta * p[2] ** (t // p[1])
    if p[0] == "exponential":
        return eta * p[1] ** t
    if p[0] == "cosine":
        return cosine_value(eta, p[1], t, p[2])
    _, w, eta_min, period = p
    if t < w:
        return eta * (t + 1) / w
    return cosine_value(eta, eta_min, t - w, period)


def torch_scheduler(spec, opt, eta, T):
    if spec is None:
        return None
    sched = torch.optim.lr_scheduler
    p = schedule_params(spec, T)
    if p[0] == "step":
        return sched.StepLR(opt, step_size=p[1], gamma=p[2])
    if p[0] == "exponential":
        return sched.ExponentialLR(opt, gamma=p[1])
    if p[0] == "cosine" and p[2] >= T:
        # t only runs to T-1 < T_max, where the recursive form equals the closed form.
        return sched.CosineAnnealingLR(opt, T_max=p[2], eta_min=p[1])
    # cosine with an explicit shorter period (clamped), and warmup_cosine
    return sched.LambdaLR(opt, lr_lambda=lambda t: closed_form_lr(spec, eta, T, t) / eta)


# --------------------------------------------------------------------------- optimizers
# Request optimizer dict -> torch constructor. `req` holds what goes into the request;
# `full` adds the contract/PyTorch defaults for anything the request leaves out.

DEFAULTS = {
    "sgd": {"learningRate": 0.01, "momentum": 0.0, "dampening": 0.0, "nesterov": False,
            "weightDecay": 0.0, "maximize": False},
    "adagrad": {"learningRate": 0.01, "learningRateDecay": 0.0, "weightDecay": 0.0,
                "initialAccumulatorValue": 0.0, "epsilon": 1e-10, "maximize": False},
    "rmsprop": {"learningRate": 0.01, "alpha": 0.99, "epsilon": 1e-8, "weightDecay": 0.0,
                "momentum": 0.0, "centered": False, "maximize": False},
    "adam": {"learningRate": 0.001, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8,
             "weightDecay": 0.0, "amsgrad": False, "maximize": False},
    "adamw": {"learningRate": 0.001, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8,
              "weightDecay": 0.01, "amsgrad": False, "maximize": False},
    "momentum": {"learningRate": 0.001, "beta": 0.9, "form": "classical"},
    "nesterov": {"learningRate": 0.001, "beta": 0.9},
}


def full_params(req):
    name = req["name"]
    unknown = set(req) - set(DEFAULTS[name]) - {"name"}
    if unknown:
        raise ValueError("unknown parameters %s for %s" % (sorted(unknown), name))
    out = dict(DEFAULTS[name])
    out.update({k: v for k, v in req.items() if k != "name"})
    return out


def make_torch_optimizer(req, p):
    name = req["name"]
    h = full_params(req)
    if name == "sgd":
        return torch.optim.SGD([p], lr=h["learningRate"], momentum=h["momentum"],
                               dampening=h["dampening"], weight_decay=h["weightDecay"],
                               nesterov=h["nesterov"], maximize=h["maximize"], foreach=False)
    if name == "adagrad":
        return torch.optim.Adagrad([p], lr=h["learningRate"], lr_decay=h["learningRateDecay"],
                                   weight_decay=h["weightDecay"],
                                   initial_accumulator_value=h["initialAccumulatorValue"],
                                   eps=h["epsilon"], maximize=h["maximize"], foreach=False)
    if name == "rmsprop":
        return torch.optim.RMSprop([p], lr=h["learningRate"], alpha=h["alpha"], eps=h["epsilon"],
                                   weight_decay=h["weightDecay"], momentum=h["momentum"],
                                   centered=h["centered"], maximize=h["maximize"], foreach=False)
    if name in ("adam", "adamw"):
        cls = torch.optim.Adam if name == "adam" else torch.optim.AdamW
        return cls([p], lr=h["learningRate"], betas=(h["beta1"], h["beta2"]), eps=h["epsilon"],
                   weight_decay=h["weightDecay"], amsgrad=h["amsgrad"], maximize=h["maximize"],
                   foreach=False)
    raise ValueError(name)


TORCH_CLASS = {"sgd": "SGD", "adagrad": "Adagrad", "rmsprop": "RMSprop", "adam": "Adam",
               "adamw": "AdamW"}


def run_torch(obj, req, sched_spec, x0, T):
    eta = full_params(req)["learningRate"]
    p = torch.tensor(x0, dtype=torch.float64, requires_grad=True)
    opt = make_torch_optimizer(req, p)
    sched = torch_scheduler(sched_spec, opt, eta, T)
    points = [p.detach().tolist()]
    for _ in range(T):
        p.grad = torch.tensor(obj.grad(p.detach().tolist()), dtype=torch.float64)
        opt.step()
        if sched is not None:
            sched.step()
        points.append(p.detach().tolist())
    return points


def run_lecture(obj, req, sched_spec, x0, T):
    h = full_params(req)
    eta, beta = h["learningRate"], h["beta"]
    n = len(x0)
    w = [float(v) for v in x0]
    v = [0.0] * n
    points = [list(w)]
    for t in range(T):
        lr = closed_form_lr(sched_spec, eta, T, t)
        if req["name"] == "momentum" and h["form"] == "classical":
            g = obj.grad(w)
            v = [beta * v[i] - lr * g[i] for i in range(n)]
            w = [w[i] + v[i] for i in range(n)]
        elif req["name"] == "momentum" and h["form"] == "ema":
            g = obj.grad(w)
            v = [beta * v[i] + (1.0 - beta) * g[i] for i in range(n)]
            w = [w[i] - lr * v[i] for i in range(n)]
        elif req["name"] == "nesterov":
            g = obj.grad([w[i] + beta * v[i] for i in range(n)])
            v = [beta * v[i] - lr * g[i] for i in range(n)]
            w = [w[i] + v[i] for i in range(n)]
        else:
            raise ValueError(req)
        points.append(list(w))
    return points


# --------------------------------------------------------------------------- cases

R2 = [-1.2, 1.0]
R5 = [-1.2, 1.0, -1.2, 1.0, -1.2]
Q3 = [2.0, -1.0, 1.5]
Q3_FAR = [5.0, 4.0, -3.0]
BE = [1.0, 1.5]
HI = [0.0, 0.0]
RA = [2.3, -1.7]

CASES = []


def case(cid, obj, optimizer, x0, T, schedule=None):
    CASES.append((cid, obj, optimizer, schedule, x0, T))


# SGD
case("sgd-plain-rosenbrock2", rosenbrock(), {"name": "sgd", "learningRate": 0.001, "momentum": 0.0,
     "dampening": 0.0, "nesterov": False, "weightDecay": 0.0, "maximize": False}, R2, 500)
case("sgd-defaults-quadratic3", quadratic(), {"name": "sgd"}, Q3, 400)
case("sgd-plain-rastrigin2", rastrigin(), {"name": "sgd", "learningRate": 0.0001}, RA, 300)
case("sgd-momentum-rosenbrock2", rosenbrock(), {"name": "sgd", "learningRate": 0.001,
     "momentum": 0.9, "dampening": 0.0, "nesterov": False, "weightDecay": 0.0}, R2, 500)
case("sgd-momentum-dampening-quadratic3", quadratic(), {"name": "sgd", "learningRate": 0.001,
     "momentum": 0.9, "dampening": 0.1, "nesterov": False, "weightDecay": 0.0}, Q3, 300)
case("sgd-nesterov-rosenbrock2", rosenbrock(), {"name": "sgd", "learningRate": 0.001,
     "momentum": 0.9, "dampening": 0.0, "nesterov": True, "weightDecay": 0.0}, R2, 500)
case("sgd-nesterov-rosenbrock5", rosenbrock(n=5), {"name": "sgd", "learningRate": 0.0005,
     "momentum": 0.9, "dampening": 0.0, "nesterov": True, "weightDecay": 0.0}, R5, 300)
case("sgd-momentum-weightdecay-himmelblau", himmelblau(), {"name": "sgd", "learningRate": 0.002,
     "momentum": 0.9, "dampening": 0.0, "nesterov": False, "weightDecay": 0.01}, HI, 300)
case("sgd-maximize-rosenbrock2", rosenbrock(), {"name": "sgd", "learningRate": 1e-5,
     "momentum": 0.0, "dampening": 0.0, "nesterov": False, "weightDecay": 0.0,
     "maximize": True}, R2, 50)

# Adagrad
case("adagrad-defaults-beale", beale(), {"name": "adagrad"}, BE, 400)
case("adagrad-default-rosenbrock2", rosenbrock(), {"name": "adagrad", "learningRate": 0.1,
     "learningRateDecay": 0.0, "weightDecay": 0.0, "initialAccumulatorValue": 0.0,
     "epsilon": 1e-10, "maximize": False}, R2, 500)
case("adagrad-lrdecay-rosenbrock2", rosenbrock(), {"name": "adagrad", "learningRate": 0.1,
     "learningRateDecay": 0.01, "weightDecay": 0.0, "initialAccumulatorValue": 0.0,
     "epsilon": 1e-10}, R2, 500)
case("adagrad-initacc-weightdecay-rosenbrock5", rosenbrock(n=5), {"name": "adagrad",
     "learningRate": 0.1, "learningRateDecay": 0.0, "weightDecay": 0.01,
     "initialAccumulatorValue": 0.1, "epsilon": 1e-10}, R5, 300)
case("adagrad-epsilon-himmelblau", himmelblau(), {"name": "adagrad", "learningRate": 0.1,
     "learningRateDecay": 0.0, "weightDecay": 0.0, "initialAccumulatorValue": 0.0,
     "epsilon": 1e-6}, HI, 300)

# RMSprop
case("rmsprop-default-rosenbrock2", rosenbrock(), {"name": "rmsprop", "learningRate": 0.01,
     "alpha": 0.99, "epsilon": 1e-8, "weightDecay": 0.0, "momentum": 0.0, "centered": False,
     "maximize": False}, R2, 400)   # at 500 steps it turns sensitive (1 ulp -> 2e-11)
case("rmsprop-centered-rosenbrock2", rosenbrock(), {"name": "rmsprop", "learningRate": 0.001,
     "alpha": 0.99, "epsilon": 1e-8, "weightDecay": 0.0, "momentum": 0.0, "centered": True},
     R2, 500)
case("rmsprop-momentum-beale", beale(), {"name": "rmsprop", "learningRate": 0.001, "alpha": 0.99,
     "epsilon": 1e-8, "weightDecay": 0.0, "momentum": 0.9, "centered": False}, BE, 400)
case("rmsprop-centered-momentum-weightdecay-rosenbrock5", rosenbrock(n=5), {"name": "rmsprop",
     "learningRate": 0.001, "alpha": 0.99, "epsilon": 1e-8, "weightDecay": 0.01,
     "momentum": 0.9, "centered": True}, R5, 300)
case("rmsprop-alpha-quadratic3", quadratic(), {"name": "rmsprop", "learningRate": 0.01,
     "alpha": 0.9, "epsilon": 1e-8, "weightDecay": 0.0, "momentum": 0.0, "centered": False},
     Q3_FAR, 300)     # from Q3 the small middle gradient makes RMSprop(alpha 0.9) chaotic
case("rmsprop-defaults-himmelblau", himmelblau(), {"name": "rmsprop"}, HI, 300)

# Adam
case("adam-default-rosenbrock2", rosenbrock(), {"name": "adam", "learningRate": 0.01,
     "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8, "weightDecay": 0.0, "amsgrad": False,
     "maximize": False}, R2, 500)
case("adam-defaults-himmelblau", himmelblau(), {"name": "adam"}, HI, 400)
case("adam-amsgrad-rosenbrock2", rosenbrock(), {"name": "adam", "learningRate": 0.01,
     "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8, "weightDecay": 0.0, "amsgrad": True}, R2, 500)
case("adam-weightdecay-quadratic3", quadratic(), {"name": "adam", "learningRate": 0.01,
     "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8, "weightDecay": 0.1, "amsgrad": False},
     Q3, 400)
case("adam-betas-epsilon-beale", beale(), {"name": "adam", "learningRate": 0.005, "beta1": 0.5,
     "beta2": 0.9, "epsilon": 1e-6, "weightDecay": 0.0, "amsgrad": False}, BE, 400)
case("adam-rosenbrock5", rosenbrock(n=5), {"name": "adam", "learningRate": 0.01, "beta1": 0.9,
     "beta2": 0.999, "epsilon": 1e-8, "weightDecay": 0.0, "amsgrad": False}, R5, 300)
case("adam-rastrigin2", rastrigin(), {"name": "adam", "learningRate": 0.01, "beta1": 0.9,
     "beta2": 0.999, "epsilon": 1e-8, "weightDecay": 0.0, "amsgrad": False}, RA, 300)
case("adam-maximize-rosenbrock2", rosenbrock(), {"name": "adam", "learningRate": 0.01,
     "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8, "weightDecay": 0.0, "amsgrad": False,
     "maximize": True}, R2, 50)

# AdamW
case("adamw-default-rosenbrock2", rosenbrock(), {"name": "adamw", "learningRate": 0.01,
     "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8, "weightDecay": 0.01, "amsgrad": False,
     "maximize": False}, R2, 500)
case("adamw-defaultdecay-beale", beale(), {"name": "adamw", "learningRate": 0.01}, BE, 400)
case("adamw-weightdecay-amsgrad-rosenbrock5", rosenbrock(n=5), {"name": "adamw",
     "learningRate": 0.01, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8, "weightDecay": 0.1,
     "amsgrad": True}, R5, 300)

# Schedules
ADAM_05 = {"name": "adam", "learningRate": 0.05, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8,
           "weightDecay": 0.0, "amsgrad": False}
case("adam-step-rosenbrock2", rosenbrock(), dict(ADAM_05), R2, 500,
     {"name": "step", "stepSize": 100, "gamma": 0.5})
case("adam-exponential-rosenbrock2", rosenbrock(), dict(ADAM_05), R2, 500,
     {"name": "exponential", "gamma": 0.995})
case("adam-cosine-rosenbrock2", rosenbrock(), dict(ADAM_05), R2, 500,
     {"name": "cosine", "minLearningRate": 0.001})
case("adam-cosine-period-himmelblau", himmelblau(), dict(ADAM_05), HI, 400,
     {"name": "cosine", "minLearningRate": 0.005, "period": 200})
case("adam-warmup-cosine-rosenbrock2", rosenbrock(), dict(ADAM_05), R2, 500,
     {"name": "warmup_cosine", "warmupSteps": 50, "minLearningRate": 0.0})
case("sgd-momentum-step-rosenbrock2", rosenbrock(), {"name": "sgd", "learningRate": 0.001,
     "momentum": 0.9, "dampening": 0.0, "nesterov": False, "weightDecay": 0.0}, R2, 500,
     {"name": "step", "stepSize": 150})                       # gamma left at its default 0.1
case("sgd-momentum-cosine-quadratic3", quadratic(), {"name": "sgd", "learningRate": 0.002,
     "momentum": 0.9, "dampening": 0.0, "nesterov": False, "weightDecay": 0.0}, Q3, 300,
     {"name": "cosine"})                                      # minLearningRate 0, period T
case("sgd-momentum-cosine-rosenbrock2", rosenbrock(), {"name": "sgd", "learningRate": 0.001,
     "momentum": 0.9, "dampening": 0.0, "nesterov": False, "weightDecay": 0.0}, R2, 500,
     {"name": "cosine", "minLearningRate": 0.0001, "period": 500})
case("adagrad-exponential-lrdecay-rosenbrock2", rosenbrock(), {"name": "adagrad",
     "learningRate": 0.5, "learningRateDecay": 0.01, "weightDecay": 0.0,
     "initialAccumulatorValue": 0.0, "epsilon": 1e-10}, R2, 500,
     {"name": "exponential", "gamma": 0.99})
case("rmsprop-warmup-cosine-beale", beale(), {"name": "rmsprop", "learningRate": 0.01,
     "alpha": 0.99, "epsilon": 1e-8, "weightDecay": 0.0, "momentum": 0.0, "centered": False},
     BE, 400, {"name": "warmup_cosine", "warmupSteps": 30, "minLearningRate": 0.0001})

# Lecture forms
case("momentum-classical-rosenbrock2", rosenbrock(), {"name": "momentum", "learningRate": 0.001,
     "beta": 0.9, "form": "classical"}, R2, 500)
case("momentum-ema-rosenbrock2", rosenbrock(), {"name": "momentum", "learningRate": 0.005,
     "beta": 0.9, "form": "ema"}, R2, 500)
case("nesterov-rosenbrock2", rosenbrock(), {"name": "nesterov", "learningRate": 0.001,
     "beta": 0.9}, R2, 500)
case("momentum-defaults-quadratic3", quadratic(), {"name": "momentum"}, Q3, 300)
case("nesterov-rastrigin2", rastrigin(), {"name": "nesterov", "learningRate": 5e-06,
     "beta": 0.9}, RA, 300)
case("momentum-classical-cosine-himmelblau", himmelblau(), {"name": "momentum",
     "learningRate": 0.001, "beta": 0.95, "form": "classical"}, HI, 400,
     {"name": "cosine", "minLearningRate": 0.0001})
case("momentum-ema-cosine-beale", beale(), {"name": "momentum", "learningRate": 0.01,
     "beta": 0.9, "form": "ema"}, BE, 400,
     {"name": "cosine", "minLearningRate": 0.001, "period": 300})
case("nesterov-cosine-rosenbrock5", rosenbrock(n=5), {"name": "nesterov", "learningRate": 0.0005,
     "beta": 0.9}, R5, 300, {"name": "cosine", "minLearningRate": 0.0})


# --------------------------------------------------------------------------- main

def build_case(cid, obj, optimizer, schedule, x0, T):
    if len(x0) != obj.dimension:
        raise ValueError("%s: initial point has the wrong dimension" % cid)
    name = optimizer["name"]
    if name in TORCH_CLASS:
        reference = "torch.optim." + TORCH_CLASS[name]
        points = run_torch(obj, optimizer, schedule, x0, T)
    else:
        reference = "lecture"
        points = run_lecture(obj, optimizer, schedule, x0, T)
    losses = [obj.f(w) for w in points]
    request = {"objective": obj.request, "optimizer": optimizer}
    if schedule is not None:
        request["schedule"] = schedule
    request["initialPoint"] = list(x0)
    request["iterations"] = T
    min_grad_norm = min(math.sqrt(sum(g * g for g in obj.grad(w))) for w in points[:-1])
    return {"id": cid, "reference": reference, "request": request,
            "points": points, "losses": losses}, min_grad_norm


def verify(path):
    with open(path) as fh:
        doc = json.load(fh)
    assert doc["generator"] == "generate_reference_trajectories.py"
    ids = set()
    for c in doc["cases"]:
        assert c["id"] not in ids, c["id"]
        ids.add(c["id"])
        req = c["request"]
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
        c, gmin = build_case(cid, obj, optimizer, schedule, x0, T)
        bad = [v for w in c["points"] for v in w if not math.isfinite(v)]
        bad += [v for v in c["losses"] if not math.isfinite(v)]
        if bad:
            problems.append("%s: non-finite values" % cid)
        if gmin < 1e-6:
            problems.append("%s: gradient norm %.3g would trigger early stopping" % (cid, gmin))
        print("%-52s T=%3d  loss %.6g -> %.10g  (min |grad| %.3g)"
              % (cid, T, c["losses"][0], c["losses"][-1], gmin))
        cases.append(c)
    if problems:
        sys.exit("\n".join(problems))
    adam = [c for c in cases if c["reference"] in ADAM_REFERENCES]
    rest = [c for c in cases if c["reference"] not in ADAM_REFERENCES]
    for output, part in ((OUTPUT, rest), (OUTPUT_ADAM, adam)):
        with open(output, "w") as fh:
            fh.write('{"generator":"generate_reference_trajectories.py","torch":%s,"cases":[\n'
                     % json.dumps(torch.__version__))
            fh.write(",\n".join(json.dumps(c, separators=(",", ":"), allow_nan=False) for c in part))
            fh.write("\n]}\n")
        doc = verify(output)
        print("wrote %s: %d cases, %d bytes" % (output, len(doc["cases"]), os.path.getsize(output)))


def check_modern():
    """--check-modern: replay trajectories.json with the installed PyTorch (2.x)."""
    import importlib.util
    sys.dont_write_bytecode = True
    spec = importlib.util.spec_from_file_location(
        "check_fixtures_against_libraries",
        os.path.join(HERE, "check_fixtures_against_libraries.py"))
    checker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(checker)
    checker.main(["--only", "torch"])


if __name__ == "__main__":
    if sys.argv[1:] == ["--check-modern"]:
        check_modern()
    elif sys.argv[1:]:
        sys.exit("usage: generate_reference_trajectories.py [--check-modern]")
    else:
        main()
