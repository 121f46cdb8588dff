#!/usr/bin/env python3
"""Reference trajectories for optlab's "convention": "optax" optimizers.

What it generates
    trajectories-optax.json, next to this script, in the format of trajectories.json
    (see generate_reference_trajectories.py):
        {"generator": "generate_optax_trajectories.py",
         "reference library": "optax (transcribed)", "optax source": {...},
         "cases": [{"id", "reference", "request", "points", "losses"}, ...]}
    Each request's optimizer carries "convention": "optax". ReferenceTrajectoryTest loads every
    trajectories*.json in this folder, so these cases run next to the PyTorch ones.

Why a transcription
    JAX and optax cannot be installed where these fixtures are made. The optax transforms are
    therefore transcribed below, operation for operation and in optax's order, in plain Python
    float64 (Python floats are IEEE-754 doubles, like jax with jax_enable_x64). The transcribed
    source (google-deepmind/optax on GitHub):
        optax/_src/alias.py             @ 083e0459bfe635f361585fb852a595e576c0c06d
            sgd, adagrad, rmsprop, adam, adamw, amsgrad (which transforms, in which order)
        optax/_src/transform.py         @ 006cebd2adddd064757543329c83eaed0890ed82
            scale_by_rss, scale_by_rms, scale_by_stddev, scale_by_adam, scale_by_amsgrad,
            scale_by_learning_rate, scale_by_schedule, scale
        optax/transforms/_accumulation.py @ 006cebd2adddd064757543329c83eaed0890ed82   trace
        optax/transforms/_adding.py     @ 083e0459bfe635f361585fb852a595e576c0c06d
            add_decayed_weights
        optax/tree_utils/_tree_math.py  @ 05a74255687ff15f55eb4a859958561e38919a9a
            tree_update_moment, tree_update_moment_per_elem_norm, tree_bias_correction
        optax/_src/update.py            @ 25485d18441f1b6ccc7c3845d168ed1344cbfdf7   apply_updates
    Where the result may differ from running optax itself, all rounding-level: jax.lax.rsqrt(x)
    is written 1/sqrt(x), while XLA's float64 rsqrt on CPU is its own routine (it differs from
    1/sqrt(x) by up to 2 ulp on about 3 inputs in 10); decay**count uses Python's pow where XLA
    uses its own; and under jax.jit XLA's CPU backend contracts a*b + c into fused
    multiply-adds (e.g. nu - mu*mu, (1 - decay)*g + decay*t, g + decay*t), which this
    transcription (like optlab's Java) rounds twice. Every case is checked to be insensitive
    to such rounding (see Robustness), and check_fixtures_against_libraries.py replays every
    case with real optax (below).

How optlab's parameters map onto optax (the request uses optlab's names)
    learningRate -> learning_rate, a constant or a schedule called with the step count
                    (0, 1, ...), exactly the contract's lr_t;
    maximize     -> the gradient is negated first (optax has no flag; scale(-1) in front);
    weightDecay  -> chain(add_decayed_weights(weightDecay), <optimizer>) for sgd, adagrad,
                    rmsprop and adam (coupled, like PyTorch); for adamw (and adam with
                    decoupledWeightDecay) optax.adamw's own add_decayed_weights between
                    scale_by_adam and scale_by_learning_rate;
    momentum 0   -> momentum=None (no trace);
    alpha        -> rmsprop's decay; epsilonInsideRoot -> eps_in_sqrt; epsilonRoot -> eps_root;
    amsgrad      -> optax.amsgrad's scale_by_amsgrad in place of scale_by_adam.

How to run it (from the repository root)
    python3 src/test/resources/reference/generate_optax_trajectories.py
    It needs no third-party package. It imports the objectives, their gradients and the
    closed-form schedules from generate_reference_trajectories.py (with a stand-in for the
    torch module when PyTorch is not installed: only the objectives are used). It prints one
    line per case and verifies its output.

    Checking against real optax (jax and optax installed, PyTorch not needed; e.g. a venv
    built offline from a local wheel mirror: python3 -m venv /tmp/venv-x;
    /tmp/venv-x/bin/pip install --index-url file:///opt/pypi/simple jax==0.10.2 optax==0.2.8;
    where PyPI is reachable, pip install jax optax):
    /tmp/venv-x/bin/python src/test/resources/reference/generate_optax_trajectories.py --check-optax
    replays every case of trajectories-optax.json with optax itself in float64
    (jax_enable_x64), eagerly and under jax.jit, and prints the largest relative deviation of
    each (it runs check_fixtures_against_libraries.py --only optax and writes nothing). With
    optax 0.2.8 / jax 0.10.2 every case agrees to 7e-14 eagerly and to 4e-13 under jit.

Robustness
    Each case is run again (1) from a start moved by one ulp in every coordinate (by ulp(1) where
    a coordinate is 0): the largest change of any iterate must stay below 1e-12; (2) with every
    update moved by one ulp, up or down: the largest change must stay below 1e-10; and (3) with
    every accumulator of the optimizer state (mu, nu, nu_max, the trace, adagrad's sum of
    squares) moved by one ulp, up or down, after every step: the largest change must stay below
    1e-10 (all relative, with a 1e-15 absolute floor). (3) catches what (2) cannot: a 1-ulp
    change of a small update is mostly absorbed when it is added to w, while a change of the
    state persists, which is how fused multiply-adds and XLA's rsqrt perturb a run. So the
    rounding differences above cannot move a trajectory by anything near what
    ReferenceTrajectoryTest tolerates (1e-9).
"""

import importlib.util
import json
import math
import os
import sys
import types

HERE = os.path.dirname(os.path.abspath(__file__))
OUTPUT = os.path.join(HERE, "trajectories-optax.json")

OPTAX_SOURCE = {
    "repository": "google-deepmind/optax",
    "optax/_src/alias.py": "083e0459bfe635f361585fb852a595e576c0c06d",
    "optax/_src/transform.py": "006cebd2adddd064757543329c83eaed0890ed82",
    "optax/transforms/_accumulation.py": "006cebd2adddd064757543329c83eaed0890ed82",
    "optax/transforms/_adding.py": "083e0459bfe635f361585fb852a595e576c0c06d",
    "optax/tree_utils/_tree_math.py": "05a74255687ff15f55eb4a859958561e38919a9a",
    "optax/_src/update.py": "25485d18441f1b6ccc7c3845d168ed1344cbfdf7",
}


def _load_reference_module():
    """generate_reference_trajectories.py, for its objectives and closed-form schedules."""
    try:
        import torch  # noqa: F401  (the real one, when installed)
    except ImportError:
        stand_in = types.ModuleType("torch")
        stand_in.float64 = "float64"
        stand_in.set_default_dtype = lambda dtype: None
        sys.modules["torch"] = stand_in
    spec = importlib.util.spec_from_file_location(
        "generate_reference_trajectories", os.path.join(HERE, "generate_reference_trajectories.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ref = _load_reference_module()


# --------------------------------------------------------------------------- optimizers
# optlab request (convention optax) -> optax hyperparameters. Defaults are optax's where optax
# has one (alias.py) and optlab's otherwise (optax has no default learning rate).

DEFAULTS = {
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

REFERENCE = {
    "sgd": "transcription of optax.sgd (optax/_src/alias.py: trace, scale_by_learning_rate)",
    "adagrad": "transcription of optax.adagrad (optax/_src/alias.py: scale_by_rss, "
               "scale_by_learning_rate)",
    "rmsprop": "transcription of optax.rmsprop (optax/_src/alias.py: scale_by_rms or "
               "scale_by_stddev, scale_by_learning_rate, trace)",
    "adam": "transcription of optax.adam (optax/_src/alias.py: scale_by_adam, "
            "scale_by_learning_rate)",
    "amsgrad": "transcription of optax.amsgrad (optax/_src/alias.py: scale_by_amsgrad, "
               "scale_by_learning_rate)",
    "adamw": "transcription of optax.adamw (optax/_src/alias.py: scale_by_adam, "
             "add_decayed_weights, scale_by_learning_rate)",
}


def full_params(req):
    name = req["name"]
    unknown = set(req) - set(DEFAULTS[name]) - {"name", "convention"}
    if unknown:
        raise ValueError("unknown parameters %s for %s" % (sorted(unknown), name))
    if req.get("convention") != "optax":
        raise ValueError("every request here has convention optax: %s" % req)
    out = dict(DEFAULTS[name])
    out.update({k: v for k, v in req.items() if k not in ("name", "convention")})
    if out.get("dampening", 0.0) != 0.0 or out.get("learningRateDecay", 0.0) != 0.0:
        raise ValueError("optax has no dampening and no lr_decay: %s" % req)
    return out


def reference_of(req):
    name = req["name"]
    if name == "adam" and full_params(req)["amsgrad"]:
        return REFERENCE["amsgrad"]
    return REFERENCE[name]


class Transcribed:
    """One optax GradientTransformation chain, per coordinate, over plain floats.

    step(w, g, lr) returns w_{t+1} = apply_updates(w, updates) for g = grad f(w_t), lr = lr_t.
    """

    def __init__(self, req, n, jitter=False, state_jitter=False):
        self.jitter = jitter         # robustness checks only: see jittered()
        self.state_jitter = state_jitter
        self.name = req["name"]
        self.h = full_params(req)
        self.n = n
        h = self.h
        # init_fn of each transform
        if self.name == "adagrad":
            # scale_by_rss.init_fn: tree_full_like(params, initial_accumulator_value)
            self.sum_of_squares = [h["initialAccumulatorValue"]] * n
        self.mu = [0.0] * n          # scale_by_stddev / scale_by_adam: first moment
        self.nu = [0.0] * n          # scale_by_rms (initial_scale 0) / scale_by_adam: second
        self.nu_max = [0.0] * n      # scale_by_amsgrad
        self.trace = [0.0] * n       # transforms/_accumulation.py trace.init_fn: zeros
        self.count = 0               # scale_by_adam/amsgrad count (int32 in optax)
        self.steps = 0

    # transforms/_accumulation.py trace.update_fn:
    #   f = lambda g, t: g + decay * t; new_trace = f(updates, trace);
    #   updates = f(updates, new_trace) if nesterov else new_trace
    def _trace(self, u, decay, nesterov):
        self.trace = [u[i] + decay * self.trace[i] for i in range(self.n)]
        if nesterov:
            return [u[i] + decay * self.trace[i] for i in range(self.n)]
        return list(self.trace)

    def step(self, w, g, lr):
        h, n = self.h, self.n
        u = list(g)
        if h["maximize"]:
            u = [-x for x in u]
        decoupled = self.name == "adamw" or (self.name == "adam" and h["decoupledWeightDecay"])
        if h["weightDecay"] != 0.0 and not decoupled:
            # transforms/_adding.py add_decayed_weights.update_fn: g + s * p (chained first)
            u = [u[i] + h["weightDecay"] * w[i] for i in range(n)]

        if self.name == "sgd":
            # alias.py sgd: chain(trace(momentum, nesterov) if momentum is not None, lr)
            if h["momentum"] != 0.0:
                u = self._trace(u, h["momentum"], h["nesterov"])
            u = self._scale_by_learning_rate(u, lr)

        elif self.name == "adagrad":
            # transform.py scale_by_rss.update_fn:
            #   sum_of_squares = abs_sq(g) + t
            #   inv = where(t > 0, rsqrt(t + eps), 0); updates = inv * g
            eps = h["epsilon"]
            self.sum_of_squares = [u[i] * u[i] + self.sum_of_squares[i] for i in range(n)]
            inv = [1.0 / math.sqrt(s + eps) if s > 0 else 0.0 for s in self.sum_of_squares]
            u = [inv[i] * u[i] for i in range(n)]
            u = self._scale_by_learning_rate(u, lr)

        elif self.name == "rmsprop":
            decay, eps = h["alpha"], h["epsilon"]
            # tree_update_moment_per_elem_norm: (1 - decay) * g**2 + decay * t
            self.nu = [(1 - decay) * (u[i] * u[i]) + decay * self.nu[i] for i in range(n)]
            if h["centered"]:
                # transform.py scale_by_stddev.update_fn (bias_correction False):
                #   mu = (1 - decay) * g + decay * mu
                #   scaling = rsqrt(n - abs_sq(m) + eps) or 1 / (sqrt(n - abs_sq(m)) + eps)
                self.mu = [(1 - decay) * u[i] + decay * self.mu[i] for i in range(n)]
                if h["epsilonInsideRoot"]:
                    scaling = [1.0 / math.sqrt(self.nu[i] - self.mu[i] * self.mu[i] + eps)
                               for i in range(n)]
                else:
                    scaling = [1 / (math.sqrt(self.nu[i] - self.mu[i] * self.mu[i]) + eps)
                               for i in range(n)]
            else:
                # transform.py scale_by_rms.update_fn (bias_correction False):
                #   scaling = rsqrt(n + eps) if eps_in_sqrt else 1 / (sqrt(n) + eps)
                if h["epsilonInsideRoot"]:
                    scaling = [1.0 / math.sqrt(self.nu[i] + eps) for i in range(n)]
                else:
                    scaling = [1 / (math.sqrt(self.nu[i]) + eps) for i in range(n)]
            u = [scaling[i] * u[i] for i in range(n)]          # s * g
            # alias.py rmsprop: the learning rate comes BEFORE the momentum trace
            u = self._scale_by_learning_rate(u, lr)
            if h["momentum"] != 0.0:
                u = self._trace(u, h["momentum"], h["nesterov"])

        elif self.name in ("adam", "adamw"):
            b1, b2, eps, eps_root = h["beta1"], h["beta2"], h["epsilon"], h["epsilonRoot"]
            # transform.py scale_by_adam / scale_by_amsgrad .update_fn
            self.mu = [(1 - b1) * u[i] + b1 * self.mu[i] for i in range(n)]
            self.nu = [(1 - b2) * (u[i] * u[i]) + b2 * self.nu[i] for i in range(n)]
            self.count += 1
            # tree_bias_correction: t / (1 - decay**count)
            bc1 = 1 - b1 ** self.count
            bc2 = 1 - b2 ** self.count
            mu_hat = [m / bc1 for m in self.mu]
            nu_hat = [v / bc2 for v in self.nu]
            if h["amsgrad"]:
                # nu_max = maximum(nu_max, nu_hat): the maximum of the bias-corrected v
                self.nu_max = [max(self.nu_max[i], nu_hat[i]) for i in range(n)]
                second = self.nu_max
            else:
                second = nu_hat
            u = [mu_hat[i] / (math.sqrt(second[i] + eps_root) + eps) for i in range(n)]
            if decoupled and h["weightDecay"] != 0.0:
                # alias.py adamw: add_decayed_weights after scale_by_adam, before the rate
                u = [u[i] + h["weightDecay"] * w[i] for i in range(n)]
            u = self._scale_by_learning_rate(u, lr)
        else:
            raise ValueError(self.name)

        if self.jitter:
            u = jittered(u, self.steps)
        if self.state_jitter:
            self._jitter_state()
        self.steps += 1
        # update.py apply_updates: p + u
        return [w[i] + u[i] for i in range(n)]

    def _jitter_state(self):
        """Every accumulator moved by one ulp (robustness check only: see state_sensitivity)."""
        for name in ("sum_of_squares", "mu", "nu", "nu_max", "trace"):
            if hasattr(self, name):
                setattr(self, name, jittered(getattr(self, name), self.steps))

    # transform.py scale_by_learning_rate (flip_sign=True): scale(-lr), or
    # scale_by_schedule(lambda count: -1 * learning_rate(count)) -> step_size * g
    @staticmethod
    def _scale_by_learning_rate(u, lr):
        step_size = -1 * lr
        return [step_size * x for x in u]


def jittered(u, t):
    """u with every component moved by one ulp, up or down by step and coordinate parity.

    Stands in for the rounding differences between this transcription and optax under XLA
    (rsqrt, pow, fused operations): a case whose path moves by more than RELATIVE_JITTER under it
    is too sensitive to serve as a reference.
    """
    return [x + (math.ulp(x) if (t + i) % 2 == 0 else -math.ulp(x)) for i, x in enumerate(u)]


def run_optax(obj, req, sched_spec, x0, T, jitter=False, state_jitter=False):
    eta = full_params(req)["learningRate"]
    opt = Transcribed(req, len(x0), jitter, state_jitter)
    w = [float(v) for v in x0]
    points = [list(w)]
    for t in range(T):
        lr = ref.closed_form_lr(sched_spec, eta, T, t)
        w = opt.step(w, obj.grad(w), lr)
        points.append(list(w))
    return points


# --------------------------------------------------------------------------- cases

R2, R5, Q3, Q3_FAR, BE, HI = ref.R2, ref.R5, ref.Q3, ref.Q3_FAR, ref.BE, ref.HI
rosenbrock, quadratic, beale, himmelblau = ref.rosenbrock, ref.quadratic, ref.beale, ref.himmelblau

CASES = []


def case(cid, obj, optimizer, x0, T, schedule=None):
    optimizer = dict(optimizer)
    optimizer["convention"] = "optax"
    CASES.append((cid, obj, optimizer, schedule, x0, T))


# sgd: same steps as PyTorch when dampening is 0 (the trace starts at 0, so b_1 = g_1)
case("optax-sgd-momentum-rosenbrock2", rosenbrock(), {"name": "sgd", "learningRate": 0.001,
     "momentum": 0.9}, R2, 400)
case("optax-sgd-nesterov-weightdecay-step-quadratic3", quadratic(), {"name": "sgd",
     "learningRate": 0.01, "momentum": 0.9, "nesterov": True, "weightDecay": 0.01}, Q3, 300,
     {"name": "step", "stepSize": 100, "gamma": 0.5})

# adagrad: s_0 = 0.1, eps = 1e-7 inside the root
case("optax-adagrad-defaults-beale", beale(), {"name": "adagrad"}, BE, 400)
case("optax-adagrad-rosenbrock2", rosenbrock(), {"name": "adagrad", "learningRate": 0.1}, R2, 400)
case("optax-adagrad-initacc-epsilon-himmelblau", himmelblau(), {"name": "adagrad",
     "learningRate": 0.1, "initialAccumulatorValue": 0.5, "epsilon": 1e-3}, HI, 300)

# rmsprop: decay 0.9, eps inside the root, lr before the momentum trace, nesterov option
case("optax-rmsprop-defaults-himmelblau", himmelblau(), {"name": "rmsprop"}, HI, 300)
case("optax-rmsprop-rosenbrock5", rosenbrock(n=5), {"name": "rmsprop", "learningRate": 0.001},
     R5, 300)    # on rosenbrock2 at lr 0.001 a 1-ulp change of the start moves the path by 6e-4
case("optax-rmsprop-centered-rosenbrock2", rosenbrock(), {"name": "rmsprop",
     "learningRate": 0.0005, "centered": True}, R2, 180)
#    Not 400 steps: past t ~ 200 the centered denominator sqrt(nu - mu**2 + eps) cancels
#    (nu - mu**2 ~ 0.02 against nu ~ 2) and the path turns chaotic; 1-ulp changes of the
#    accumulators then move it by 2 (state_sensitivity), and so does real optax under jax.jit,
#    where XLA contracts nu - mu*mu into a fused multiply-add: 4.2 from the 400-step fixture.
case("optax-rmsprop-momentum-beale", beale(), {"name": "rmsprop", "learningRate": 0.001,
     "momentum": 0.9}, BE, 400)
case("optax-rmsprop-nesterov-rosenbrock5", rosenbrock(n=5), {"name": "rmsprop",
     "learningRate": 0.0005, "momentum": 0.9, "nesterov": True}, R5, 300)   # on rosenbrock2,
#    1-ulp changes of the updates move the path by 0.28 (RMSProp's sign-like steps in the valley)
case("optax-rmsprop-momentum-weightdecay-cosine-quadratic3", quadratic(), {"name": "rmsprop",
     "learningRate": 0.002, "momentum": 0.9, "weightDecay": 0.01}, Q3_FAR, 300,
     {"name": "cosine"})     # scheduled rate: optax keeps past rates inside the momentum trace
case("optax-rmsprop-epsilon-outside-centered-beale", beale(), {"name": "rmsprop",
     "learningRate": 0.001, "alpha": 0.99, "epsilon": 1e-6, "epsilonInsideRoot": False,
     "centered": True}, BE, 400)

# adam / amsgrad / adamw
case("optax-adam-defaults-himmelblau", himmelblau(), {"name": "adam"}, HI, 400)
case("optax-adam-amsgrad-rosenbrock2", rosenbrock(), {"name": "adam", "learningRate": 0.01,
     "amsgrad": True}, R2, 400)
case("optax-adam-amsgrad-epsilonroot-weightdecay-quadratic3", quadratic(), {"name": "adam",
     "learningRate": 0.01, "amsgrad": True, "epsilonRoot": 1e-8, "weightDecay": 0.1}, Q3, 400)
case("optax-adamw-defaults-beale", beale(), {"name": "adamw", "learningRate": 0.01}, BE, 400)
case("optax-adamw-amsgrad-warmup-cosine-rosenbrock5", rosenbrock(n=5), {"name": "adamw",
     "learningRate": 0.01, "weightDecay": 0.1, "amsgrad": True}, R5, 300,
     {"name": "warmup_cosine", "warmupSteps": 30, "minLearningRate": 0.0001})
case("optax-adam-decoupled-maximize-rosenbrock2", rosenbrock(), {"name": "adam",
     "learningRate": 0.001, "weightDecay": 0.01, "decoupledWeightDecay": True,
     "maximize": True}, R2, 50)


# --------------------------------------------------------------------------- main

RELATIVE_SENSITIVITY = 1e-12
RELATIVE_JITTER = 1e-10
ABSOLUTE_FLOOR = 1e-15


def largest_change(points, other, relative):
    worst = 0.0
    for a, b in zip(points, other):
        for x, y in zip(a, b):
            worst = max(worst, abs(x - y) / (abs(x) + ABSOLUTE_FLOOR / relative))
    return worst


def sensitivity(obj, optimizer, schedule, x0, T, points):
    """Largest change of an iterate when every start coordinate moves by one ulp."""
    moved = [v + math.ulp(v) if v != 0.0 else math.ulp(1.0) for v in x0]
    other = run_optax(obj, optimizer, schedule, moved, T)
    return largest_change(points, other, RELATIVE_SENSITIVITY)


def jitter_sensitivity(obj, optimizer, schedule, x0, T, points):
    """Largest change of an iterate when every update moves by one ulp (see jittered)."""
    other = run_optax(obj, optimizer, schedule, x0, T, jitter=True)
    return largest_change(points, other, RELATIVE_JITTER)


def state_sensitivity(obj, optimizer, schedule, x0, T, points):
    """Largest change of an iterate when every accumulator moves by one ulp after every step."""
    other = run_optax(obj, optimizer, schedule, x0, T, state_jitter=True)
    return largest_change(points, other, RELATIVE_JITTER)


def build_case(cid, obj, optimizer, schedule, x0, T):
    if len(x0) != obj.dimension:
        raise ValueError("%s: initial point has the wrong dimension" % cid)
    points = run_optax(obj, optimizer, schedule, x0, T)
    losses = [obj.f(w) for w in points]
    request = {"objective": obj.request, "optimizer": optimizer}
    if schedule is not None:
        request["schedule"] = schedule
    request["initialPoint"] = list(x0)
    request["iterations"] = T
    min_grad_norm = min(math.sqrt(sum(g * g for g in obj.grad(w))) for w in points[:-1])
    return {"id": cid, "reference": reference_of(optimizer), "request": request,
            "points": points, "losses": losses}, min_grad_norm


def verify(path):
    with open(path) as fh:
        doc = json.load(fh)
    assert doc["generator"] == "generate_optax_trajectories.py"
    assert doc["reference library"] == "optax (transcribed)"
    ids = set()
    for c in doc["cases"]:
        assert c["id"] not in ids, c["id"]
        ids.add(c["id"])
        req = c["request"]
        assert req["optimizer"]["convention"] == "optax", c["id"]
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
        moved = sensitivity(obj, optimizer, schedule, x0, T, c["points"])
        if moved >= RELATIVE_SENSITIVITY:
            problems.append("%s: a 1-ulp change of the start moves the path by %.3g" % (cid, moved))
        shaken = jitter_sensitivity(obj, optimizer, schedule, x0, T, c["points"])
        if shaken >= RELATIVE_JITTER:
            problems.append("%s: 1-ulp changes of the updates move the path by %.3g" % (cid, shaken))
        stirred = state_sensitivity(obj, optimizer, schedule, x0, T, c["points"])
        if stirred >= RELATIVE_JITTER:
            problems.append("%s: 1-ulp changes of the accumulators move the path by %.3g"
                            % (cid, stirred))
        print("%-56s T=%3d  loss %.6g -> %.10g  (min |grad| %.3g, start %.2g, steps %.2g, "
              "state %.2g)" % (cid, T, c["losses"][0], c["losses"][-1], gmin, moved, shaken,
                               stirred))
        cases.append(c)
    if problems:
        sys.exit("\n".join(problems))
    with open(OUTPUT, "w") as fh:
        fh.write('{"generator":"generate_optax_trajectories.py",'
                 '"reference library":"optax (transcribed)","optax source":%s,"cases":[\n'
                 % json.dumps(OPTAX_SOURCE, separators=(",", ":")))
        fh.write(",\n".join(json.dumps(c, separators=(",", ":"), allow_nan=False) for c in cases))
        fh.write("\n]}\n")
    doc = verify(OUTPUT)
    print("wrote %s: %d cases, %d bytes" % (OUTPUT, len(doc["cases"]), os.path.getsize(OUTPUT)))


def check_optax():
    """--check-optax: replay every case with real optax (see check_fixtures_against_libraries)."""
    sys.dont_write_bytecode = True
    checker = importlib.util.spec_from_file_location(
        "check_fixtures_against_libraries", os.path.join(HERE, "check_fixtures_against_libraries.py"))
    module = importlib.util.module_from_spec(checker)
    checker.loader.exec_module(module)
    module.main(["--only", "optax"])


if __name__ == "__main__":
    if sys.argv[1:] == ["--check-optax"]:
        check_optax()
    elif sys.argv[1:]:
        sys.exit("usage: generate_optax_trajectories.py [--check-optax]")
    else:
        main()
