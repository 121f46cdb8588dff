#!/usr/bin/env python3
"""Reference trajectories for optlab's adadelta, adamax, nadam, radam and lion optimizers.

What it generates
    trajectories-optimizers.json, next to this script, in the format of trajectories.json
    (see generate_reference_trajectories.py, whose objectives, schedules and gradient
    convention this script imports): each case is an optlab run request with the T+1
    iterates w_0..w_T and losses f(w_0)..f(w_T) of the reference named in "reference":

    "torch.optim.Adadelta", "torch.optim.Adamax", "torch.optim.RAdam"
        PyTorch's own class, as installed (Debian's python3-torch, 1.13). Used where 1.13
        has every option the case sets: not for radam with maximize or
        decoupledWeightDecay (added in PyTorch 2.x).
    "transcription of torch 2.x nadam.py" / "transcription of torch 2.x radam.py"
        _single_tensor_nadam / _single_tensor_radam of PyTorch 2.x (torch/optim/nadam.py
        and radam.py of pytorch/pytorch main as mirrored at commit 1ba7dffc9d61; the
        functions are the same in the 2.13.0 release), transcribed statement by statement
        into plain Python floats, with ATen's CPU
        formulas for the tensor ops: lerp_ (aten/src/ATen/native/Lerp.h: start +
        w*(end - start) for |w| < 0.5, else end - (end - start)*(1 - w)), addcmul_
        (self + (value*t1)*t2), addcdiv_ (self + (value*t1)/t2), add(alpha) (self +
        alpha*other), scalar / tensor (tensor.reciprocal() * scalar, torch/_tensor.py).
        NAdam needs it because PyTorch 1.13 multiplies mu_t twice into mu_product_next (a
        bug fixed in 2.0); both need it for maximize and decoupled_weight_decay.
    "transcription of Chen et al. 2023 (Lion)"
        Algorithm 2 / Program 1 of "Symbolic Discovery of Optimization Algorithms" with
        decoupled decay: c = b1*m + (1-b1)*g; w <- w*(1 - lr*wd); w <- w - lr*sign(c)
        (sign(0) = 0); m <- b2*m + (1-b2)*g. torch.optim has no Lion.
    "transcription of optax scale_by_adam(nesterov=True)" / "transcription of optax
    scale_by_radam"
        The "convention": "optax" cases: optax.nadam / optax.radam (google-deepmind/optax,
        optax/_src/transform.py @ 006cebd2adddd064757543329c83eaed0890ed82 scale_by_adam
        and scale_by_radam, alias.py nadam, nadamw and radam, and optax/tree_utils
        update_moment, update_moment_per_elem_norm, bias_correction) followed by
        scale_by_learning_rate, in plain Python floats; epsilonRoot is optax's eps_root
        (default 0), the threshold optax's default 5.0. optlab's extras on top:
        maximize negates the gradient first; weightDecay is added to the gradient
        (chain(add_decayed_weights, ...)) or, with decoupledWeightDecay, to the update
        before the learning rate (optax.nadamw; the same chain for radam).

    Transcriptions use the contract's closed-form learning rates (optlab's schedules);
    torch cases use torch's schedulers as generate_reference_trajectories.py does.

Checks made on every run (the script stops when one fails)
    * Each transcription is checked against PyTorch 1.13 where 1.13 can say something:
      - radam: the transcription in 1.13 mode (m.mul_(b1).add_(g) instead of lerp_,
        math.sqrt instead of ** 0.5) agrees with torch.optim.RAdam to 1e-14 on every
        case that 1.13 supports, on maximize cases (1.13 fed -grad f) and on decoupled
        cases (1.13 with weight_decay 0 after p.mul_(1 - lr*wd), which is 2.x's code);
        in 2.x mode (the reference) to 1e-12.
      - nadam: the transcription with 1.13's mu_product_next bug put back (and 1.13's
        mul/add) agrees with torch.optim.NAdam 1.13 to 1e-14 on every nadam case (maximize
        and decoupled decay emulated as above), which shows the transcription is faithful;
        the printout shows how far the bug moves each case.
      - adamax and adadelta: 2.x transcriptions (lerp_ for adamax) agree with the 1.13
        classes to 1e-12, so optlab, which follows 2.x, is within rounding of them.
      - lion: the transcription agrees to 1e-14 with the same rule written in torch tensor
        ops in the style of lucidrains/lion-pytorch.
      - optax nadam: with momentumDecay huge (mu_t = b1 exactly) PyTorch 2.x's NAdam is
        optax's in exact arithmetic: the two transcriptions agree to 1e-12.
      - optax radam: with eps = 0 PyTorch's RAdam is optax's: they agree to 1e-12.
    * Robustness: every case is run again from the start point moved by one ulp in each
      coordinate, and again with every gradient component scaled by 1 +- 2**-52 (rounding
      differences of the size two implementations make at each step); in neither may a
      point or loss move by more than 1e-12 relative (1e-15 absolute), so that rounding
      differences cannot grow past the test's 1e-9. Lion cases also keep
      |c| above 1e-9 of |b1*m| + |(1-b1)*g|, so that no sign can flip by rounding.
    * Every case stays finite and keeps |grad f(w_t)| > 1e-6 for t < T (no early stop).
    * Every optax case differs from the same request under the pytorch convention by more
      than 1e-6 relative, so that it can tell the two rules apart (except the eps = 0 case,
      which pins optax's radam to PyTorch's where they must agree).

How to run it (from the repository root)
    apt-get install -y python3-torch        # Debian's PyTorch (1.13 at the time of writing)
    /usr/bin/python3 src/test/resources/reference/generate_optimizer_trajectories.py

    Optional, where PyTorch 2.x and optax are installed (jax with float64):
    python src/test/resources/reference/generate_optimizer_trajectories.py --check-modern
    replays every case of the written JSON with torch.optim.{Adadelta, Adamax, NAdam, RAdam}
    of that PyTorch (foreach=False) and optax.{nadam, nadamw, radam, lion} and prints the
    largest relative deviation of each; it writes nothing. Lion is compared with optax.lion
    (decay inside the update: equal up to rounding).
    Such an interpreter can be a venv built offline from a local wheel mirror
    (python3 -m venv /tmp/venv-x; /tmp/venv-x/bin/pip install --no-index --find-links
    /opt/pypi/simple torch jax optax), or pip install torch jax optax on a connected machine.
    check_fixtures_against_libraries.py runs this replay too, next to the other fixture files,
    and prints one summary table. With torch 2.13.0 / optax 0.2.8 the largest deviation is
    1.2e-13 (radam-optax-beta2-weightdecay-beale); under jax.jit the optax cases stay below
    1.1e-13 as well.
"""

import importlib.util
import json
import math
import os
import sys

import torch

torch.set_default_dtype(torch.float64)

HERE = os.path.dirname(os.path.abspath(__file__))
OUTPUT = os.path.join(HERE, "trajectories-optimizers.json")
GENERATOR = "generate_optimizer_trajectories.py"


def _load_common():
    spec = importlib.util.spec_from_file_location(
        "generate_reference_trajectories", os.path.join(HERE, "generate_reference_trajectories.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


common = _load_common()
rosenbrock = common.rosenbrock
quadratic = common.quadratic
beale = common.beale
himmelblau = common.himmelblau
closed_form_lr = common.closed_form_lr
torch_scheduler = common.torch_scheduler


# --------------------------------------------------------------------------- parameters

DEFAULTS = {
    "adadelta": {"learningRate": 1.0, "rho": 0.9, "epsilon": 1e-6, "weightDecay": 0.0,
                 "maximize": False},
    "adamax": {"learningRate": 0.002, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8,
               "weightDecay": 0.0, "maximize": False},
    "nadam": {"learningRate": 0.002, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8,
              "weightDecay": 0.0, "momentumDecay": 0.004, "decoupledWeightDecay": False,
              "maximize": False},
    "radam": {"learningRate": 0.001, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8,
              "weightDecay": 0.0, "decoupledWeightDecay": False, "maximize": False},
    "lion": {"learningRate": 1e-4, "beta1": 0.9, "beta2": 0.99, "weightDecay": 0.0,
             "maximize": False},
}
OPTAX_DEFAULTS = {
    "nadam": dict({k: v for k, v in DEFAULTS["nadam"].items() if k != "momentumDecay"},
                  epsilonRoot=0.0),
    "radam": dict(DEFAULTS["radam"], epsilonRoot=0.0),
}


def convention(req):
    return req.get("convention", "pytorch")


def full_params(req):
    table = OPTAX_DEFAULTS if convention(req) == "optax" else DEFAULTS
    name = req["name"]
    unknown = set(req) - set(table[name]) - {"name", "convention"}
    if unknown:
        raise ValueError("unknown parameters %s for %s" % (sorted(unknown), name))
    out = dict(table[name])
    out.update({k: v for k, v in req.items() if k not in ("name", "convention")})
    return out


# --------------------------------------------------------------------------- ATen formulas

def lerp(start, end, weight):
    """ATen's scalar lerp (Lerp.h), which Tensor.lerp_ uses on CPU for short tensors."""
    if abs(weight) < 0.5:
        return start + weight * (end - start)
    return end - (end - start) * (1.0 - weight)


def sign(x):
    return (x > 0) - (x < 0)


# --------------------------------------------------------------------------- transcriptions
# Each rule: __init__(h, n), step(w, g, lr) -> new w (lists of floats). g is grad f(w).

class TorchNAdam:
    """_single_tensor_nadam of PyTorch 2.x (non-capturable, non-differentiable branch).

    torch113=True uses 1.13's exp_avg.mul_(beta1).add_(grad, alpha=1-beta1) for lerp_;
    mu_product_bug=True puts back 1.13's mu_product_next = mu_product * mu * mu_next.
    """

    def __init__(self, h, n, torch113=False, mu_product_bug=False):
        self.h, self.torch113, self.bug = h, torch113, mu_product_bug
        self.step_t = 0.0
        self.mu_product = 1.0
        self.exp_avg = [0.0] * n
        self.exp_avg_sq = [0.0] * n

    def step(self, param, grad, lr):
        h = self.h
        beta1, beta2, eps = h["beta1"], h["beta2"], h["epsilon"]
        weight_decay, momentum_decay = h["weightDecay"], h["momentumDecay"]
        n = len(param)
        grad = [-x for x in grad] if h["maximize"] else list(grad)
        param = list(param)
        self.step_t += 1
        step = self.step_t
        bias_correction2 = 1 - beta2 ** step
        if weight_decay != 0:
            if h["decoupledWeightDecay"]:
                param = [p * (1 - lr * weight_decay) for p in param]
            else:
                grad = [grad[i] + weight_decay * param[i] for i in range(n)]
        mu = beta1 * (1.0 - 0.5 * (0.96 ** (step * momentum_decay)))
        mu_next = beta1 * (1.0 - 0.5 * (0.96 ** ((step + 1) * momentum_decay)))
        self.mu_product = self.mu_product * mu
        if self.bug:
            mu_product_next = self.mu_product * mu * mu_next
        for i in range(n):
            if self.torch113:
                self.exp_avg[i] = self.exp_avg[i] * beta1 + (1 - beta1) * grad[i]
            else:
                self.exp_avg[i] = lerp(self.exp_avg[i], grad[i], 1 - beta1)
            self.exp_avg_sq[i] = self.exp_avg_sq[i] * beta2 + (1 - beta2) * grad[i] * grad[i]
        denom = [math.sqrt(v / bias_correction2) for v in self.exp_avg_sq]
        if not self.bug:
            mu_product_next = self.mu_product * mu_next
        denom = [d + eps for d in denom]
        value1 = -lr * (1.0 - mu) / (1.0 - self.mu_product)
        param = [param[i] + value1 * grad[i] / denom[i] for i in range(n)]
        value2 = (-lr * mu_next) / (1.0 - mu_product_next)
        param = [param[i] + value2 * self.exp_avg[i] / denom[i] for i in range(n)]
        return param


class TorchRAdam:
    """_single_tensor_radam of PyTorch 2.x (non-capturable branch).

    torch113=True uses 1.13's mul_/add_ for lerp_ and math.sqrt for ** 0.5.
    """

    def __init__(self, h, n, torch113=False):
        self.h, self.torch113 = h, torch113
        self.step_t = 0.0
        self.exp_avg = [0.0] * n
        self.exp_avg_sq = [0.0] * n

    def step(self, param, grad, lr):
        h = self.h
        beta1, beta2, eps, weight_decay = h["beta1"], h["beta2"], h["epsilon"], h["weightDecay"]
        n = len(param)
        grad = [-x for x in grad] if h["maximize"] else list(grad)
        param = list(param)
        self.step_t += 1
        step = self.step_t
        if weight_decay != 0:
            if h["decoupledWeightDecay"]:
                param = [p * (1 - lr * weight_decay) for p in param]
            else:
                grad = [grad[i] + weight_decay * param[i] for i in range(n)]
        for i in range(n):
            if self.torch113:
                self.exp_avg[i] = self.exp_avg[i] * beta1 + (1 - beta1) * grad[i]
            else:
                self.exp_avg[i] = lerp(self.exp_avg[i], grad[i], 1 - beta1)
            self.exp_avg_sq[i] = self.exp_avg_sq[i] * beta2 + (1 - beta2) * grad[i] * grad[i]
        bias_correction1 = 1 - beta1 ** step
        bias_correction2 = 1 - beta2 ** step
        bias_corrected_exp_avg = [m / bias_correction1 for m in self.exp_avg]
        rho_inf = 2 / (1 - beta2) - 1
        rho_t = rho_inf - 2 * step * (beta2 ** step) / bias_correction2
        root = math.sqrt if self.torch113 else (lambda x: x ** 0.5)
        if rho_t > 5.0:
            rect = root((rho_t - 4) * (rho_t - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho_t))
            scale = root(bias_correction2)
            adaptive_lr = [(1 / (math.sqrt(v) + eps)) * scale for v in self.exp_avg_sq]
            update = [bias_corrected_exp_avg[i] * lr * adaptive_lr[i] * rect for i in range(n)]
        else:
            update = [m * lr for m in bias_corrected_exp_avg]
        return [param[i] + -1.0 * update[i] for i in range(n)]


class TorchAdamax:
    """_single_tensor_adamax of PyTorch 2.x (lerp_), or of 1.13 (mul_/add_) with torch113."""

    def __init__(self, h, n, torch113=False):
        self.h, self.torch113 = h, torch113
        self.step_t = 0.0
        self.exp_avg = [0.0] * n
        self.exp_inf = [0.0] * n

    def step(self, param, grad, lr):
        h = self.h
        beta1, beta2, eps, weight_decay = h["beta1"], h["beta2"], h["epsilon"], h["weightDecay"]
        n = len(param)
        grad = [-x for x in grad] if h["maximize"] else list(grad)
        self.step_t += 1
        if weight_decay != 0:
            grad = [grad[i] + weight_decay * param[i] for i in range(n)]
        for i in range(n):
            if self.torch113:
                self.exp_avg[i] = self.exp_avg[i] * beta1 + (1 - beta1) * grad[i]
            else:
                self.exp_avg[i] = lerp(self.exp_avg[i], grad[i], 1 - beta1)
            self.exp_inf[i] = max(self.exp_inf[i] * beta2, abs(grad[i]) + eps)
        clr = lr / (1 - beta1 ** self.step_t)
        return [param[i] + -clr * self.exp_avg[i] / self.exp_inf[i] for i in range(n)]


class TorchAdadelta:
    """_single_tensor_adadelta (the same in 1.13 and 2.x)."""

    def __init__(self, h, n):
        self.h = h
        self.square_avg = [0.0] * n
        self.acc_delta = [0.0] * n

    def step(self, param, grad, lr):
        h = self.h
        rho, eps, weight_decay = h["rho"], h["epsilon"], h["weightDecay"]
        n = len(param)
        grad = [-x for x in grad] if h["maximize"] else list(grad)
        if weight_decay != 0:
            grad = [grad[i] + weight_decay * param[i] for i in range(n)]
        out = list(param)
        for i in range(n):
            self.square_avg[i] = self.square_avg[i] * rho + (1 - rho) * grad[i] * grad[i]
            std = math.sqrt(self.square_avg[i] + eps)
            delta = math.sqrt(self.acc_delta[i] + eps) / std * grad[i]
            self.acc_delta[i] = self.acc_delta[i] * rho + (1 - rho) * delta * delta
            out[i] = out[i] + -lr * delta
        return out


class PaperLion:
    """Lion, Chen et al. 2023, with decoupled decay scaled by the scheduled lr.

    Records min |c| / (|b1*m| + |(1-b1)*g|) over the run in self.margin.
    """

    def __init__(self, h, n):
        self.h = h
        self.m = [0.0] * n
        self.margin = math.inf

    def step(self, w, g, lr):
        h = self.h
        b1, b2, wd = h["beta1"], h["beta2"], h["weightDecay"]
        g = [-x for x in g] if h["maximize"] else list(g)
        out = list(w)
        for i in range(len(w)):
            c = b1 * self.m[i] + (1 - b1) * g[i]
            scale = abs(b1 * self.m[i]) + abs((1 - b1) * g[i])
            if scale > 0:
                self.margin = min(self.margin, abs(c) / scale)
            out[i] = out[i] * (1 - lr * wd)
            out[i] = out[i] - lr * sign(c)
            self.m[i] = b2 * self.m[i] + (1 - b2) * g[i]
        return out


class OptaxNAdam:
    """optax.nadam: scale_by_adam(nesterov=True), then scale_by_learning_rate (w + (-lr)*u)."""

    def __init__(self, h, n):
        self.h = h
        self.count = 0
        self.mu = [0.0] * n
        self.nu = [0.0] * n

    def step(self, w, g, lr):
        h = self.h
        b1, b2, eps, wd = h["beta1"], h["beta2"], h["epsilon"], h["weightDecay"]
        decoupled = h["decoupledWeightDecay"]
        n = len(w)
        g = [-x for x in g] if h["maximize"] else list(g)
        if wd != 0 and not decoupled:
            g = [g[i] + wd * w[i] for i in range(n)]              # add_decayed_weights
        self.mu = [(1 - b1) * g[i] + b1 * self.mu[i] for i in range(n)]    # update_moment
        self.nu = [(1 - b2) * (g[i] * g[i]) + b2 * self.nu[i] for i in range(n)]
        self.count += 1
        k = self.count
        mu_hat = [b1 * (self.mu[i] / (1 - b1 ** (k + 1))) + (1 - b1) * (g[i] / (1 - b1 ** k))
                  for i in range(n)]
        nu_hat = [v / (1 - b2 ** k) for v in self.nu]
        u = [mu_hat[i] / (math.sqrt(nu_hat[i] + h["epsilonRoot"]) + eps) for i in range(n)]
        if decoupled:
            u = [u[i] + wd * w[i] for i in range(n)]               # nadamw's add_decayed_weights
        return [w[i] + (-lr) * u[i] for i in range(n)]


class OptaxRAdam:
    """optax.radam: scale_by_radam (threshold 5.0), then scale_by_learning_rate."""

    THRESHOLD = 5.0

    def __init__(self, h, n):
        self.h = h
        self.count = 0
        self.mu = [0.0] * n
        self.nu = [0.0] * n

    def step(self, w, g, lr):
        h = self.h
        b1, b2, eps, wd = h["beta1"], h["beta2"], h["epsilon"], h["weightDecay"]
        decoupled = h["decoupledWeightDecay"]
        n = len(w)
        ro_inf = 2.0 / (1.0 - b2) - 1.0
        g = [-x for x in g] if h["maximize"] else list(g)
        if wd != 0 and not decoupled:
            g = [g[i] + wd * w[i] for i in range(n)]
        self.mu = [(1 - b1) * g[i] + b1 * self.mu[i] for i in range(n)]
        self.nu = [(1 - b2) * (g[i] * g[i]) + b2 * self.nu[i] for i in range(n)]
        self.count += 1
        k = self.count
        b2t = b2 ** k
        ro = ro_inf - 2 * k * b2t / (1 - b2t)
        mu_hat = [m / (1 - b1 ** k) for m in self.mu]
        nu_hat = [v / (1 - b2 ** k) for v in self.nu]
        if ro >= self.THRESHOLD:
            r = math.sqrt((ro - 4.0) * (ro - 2.0) * ro_inf / ((ro_inf - 4.0) * (ro_inf - 2.0) * ro))
            u = [r * mu_hat[i] / (math.sqrt(nu_hat[i] + h["epsilonRoot"]) + eps) for i in range(n)]
        else:
            u = list(mu_hat)
        if decoupled:
            u = [u[i] + wd * w[i] for i in range(n)]
        return [w[i] + (-lr) * u[i] for i in range(n)]


def run_rule(rule, obj, sched_spec, x0, T, eta):
    w = [float(v) for v in x0]
    points = [list(w)]
    for t in range(T):
        w = rule.step(w, obj.grad(w), closed_form_lr(sched_spec, eta, T, t))
        points.append(list(w))
    return points


# --------------------------------------------------------------------------- torch runs

def make_torch(name, h, p):
    """The installed torch's class, without the options 1.13's NAdam and RAdam lack."""
    if name == "adadelta":
        return torch.optim.Adadelta([p], lr=h["learningRate"], rho=h["rho"], eps=h["epsilon"],
                                    weight_decay=h["weightDecay"], maximize=h["maximize"],
                                    foreach=False)
    if name == "adamax":
        return torch.optim.Adamax([p], lr=h["learningRate"], betas=(h["beta1"], h["beta2"]),
                                  eps=h["epsilon"], weight_decay=h["weightDecay"],
                                  maximize=h["maximize"], foreach=False)
    wd = 0.0 if h["decoupledWeightDecay"] else h["weightDecay"]
    if name == "radam":
        return torch.optim.RAdam([p], lr=h["learningRate"], betas=(h["beta1"], h["beta2"]),
                                 eps=h["epsilon"], weight_decay=wd, foreach=False)
    if name == "nadam":
        return torch.optim.NAdam([p], lr=h["learningRate"], betas=(h["beta1"], h["beta2"]),
                                 eps=h["epsilon"], weight_decay=wd,
                                 momentum_decay=h["momentumDecay"], foreach=False)
    raise ValueError(name)


def run_torch(req, obj, sched_spec, x0, T):
    """torch.optim (1.13), with maximize and decoupled decay emulated as 2.x computes them
    for the classes that lack them: p.grad = -grad f, and p.mul_(1 - lr*wd) before step()."""
    name = req["name"]
    h = full_params(req)
    p = torch.tensor(x0, dtype=torch.float64, requires_grad=True)
    opt = make_torch(name, h, p)
    sched = torch_scheduler(sched_spec, opt, h["learningRate"], T)
    negate = name in ("radam", "nadam") and h["maximize"]
    decouple = name in ("radam", "nadam") and h["decoupledWeightDecay"] and h["weightDecay"] != 0
    points = [p.detach().tolist()]
    for _ in range(T):
        g = obj.grad(p.detach().tolist())
        if negate:
            g = [-x for x in g]
        p.grad = torch.tensor(g, dtype=torch.float64)
        if decouple:
            with torch.no_grad():
                p.mul_(1 - opt.param_groups[0]["lr"] * h["weightDecay"])
        opt.step()
        if sched is not None:
            sched.step()
        points.append(p.detach().tolist())
    return points


def run_torch_lion(req, obj, sched_spec, x0, T):
    """Lion in torch tensor ops, in the style of lucidrains/lion-pytorch."""
    h = full_params(req)
    b1, b2, wd = h["beta1"], h["beta2"], h["weightDecay"]
    p = torch.tensor(x0, dtype=torch.float64)
    m = torch.zeros_like(p)
    points = [p.tolist()]
    for t in range(T):
        lr = closed_form_lr(sched_spec, h["learningRate"], T, t)
        g = torch.tensor(obj.grad(p.tolist()), dtype=torch.float64)
        if h["maximize"]:
            g = -g
        p.mul_(1 - lr * wd)
        update = m.clone().mul_(b1).add(g, alpha=1 - b1).sign_()
        p.add_(update, alpha=-lr)
        m.mul_(b2).add_(g, alpha=1 - b2)
        points.append(p.tolist())
    return points


# --------------------------------------------------------------------------- references

TORCH_CLASS = {"adadelta": "Adadelta", "adamax": "Adamax", "radam": "RAdam", "nadam": "NAdam"}


def reference_of(req):
    """(reference label, function (obj, sched, x0, T) -> points) for a request."""
    name = req["name"]
    h = full_params(req)
    if convention(req) == "optax":
        rule = {"nadam": OptaxNAdam, "radam": OptaxRAdam}[name]
        label = {"nadam": "transcription of optax scale_by_adam(nesterov=True)",
                 "radam": "transcription of optax scale_by_radam"}[name]
        return label, lambda obj, s, x0, T: run_rule(rule(h, len(x0)), obj, s, x0, T,
                                                     h["learningRate"])
    if name in ("adadelta", "adamax") or (
            name == "radam" and not h["maximize"] and not h["decoupledWeightDecay"]):
        return "torch.optim." + TORCH_CLASS[name], lambda obj, s, x0, T: run_torch(req, obj, s, x0, T)
    if name == "radam":
        return ("transcription of torch 2.x radam.py",
                lambda obj, s, x0, T: run_rule(TorchRAdam(h, len(x0)), obj, s, x0, T,
                                               h["learningRate"]))
    if name == "nadam":
        return ("transcription of torch 2.x nadam.py",
                lambda obj, s, x0, T: run_rule(TorchNAdam(h, len(x0)), obj, s, x0, T,
                                               h["learningRate"]))
    if name == "lion":
        return ("transcription of Chen et al. 2023 (Lion)",
                lambda obj, s, x0, T: run_rule(PaperLion(h, len(x0)), obj, s, x0, T,
                                               h["learningRate"]))
    raise ValueError(req)


# --------------------------------------------------------------------------- comparisons

def deviation(a, b):
    """Largest |a - b| / (|b| + 1e-3) over two trajectories (relative, with a floor)."""
    worst = 0.0
    for pa, pb in zip(a, b):
        for x, y in zip(pa, pb):
            worst = max(worst, abs(x - y) / (abs(y) + 1e-3))
    return worst


def robustness(points, perturbed, obj):
    """Largest movement of a point or loss, in units of 1e-12 relative + 1e-15 absolute."""
    worst = 0.0
    for pa, pb in zip(perturbed, points):
        pairs = list(zip(pa, pb)) + [(obj.f(pa), obj.f(pb))]
        for x, y in pairs:
            worst = max(worst, abs(x - y) / (1e-12 * abs(y) + 1e-15))
    return worst


def cross_checks(req, obj, sched_spec, x0, T, points):
    """[(what, deviation, bound)] for the checks of the header that apply to this case."""
    name = req["name"]
    h = full_params(req)
    n = len(x0)
    eta = h["learningRate"]
    out = []
    if convention(req) == "optax":
        as_torch = {k: v for k, v in req.items() if k not in ("convention", "epsilonRoot")}
        torch_rule = {"nadam": TorchNAdam, "radam": TorchRAdam}[name](full_params(as_torch), n)
        dev = deviation(run_rule(torch_rule, obj, sched_spec, x0, T, eta), points)
        out.append(("(must be > 1e-6) differs from the pytorch convention by", dev, math.inf))
        if dev < 1e-6 and h["epsilon"] != 0:
            out.append(("too close to the pytorch convention", 1.0, 0.0))
        if name == "nadam":
            torch_h = dict(h, momentumDecay=1e6)   # 0.96 ** (k * 1e6) == 0: mu_t == beta1
            other = run_rule(TorchNAdam(torch_h, n), obj, sched_spec, x0, T, eta)
            if h["epsilonRoot"] == 0 and (h["weightDecay"] == 0 or not h["decoupledWeightDecay"]):
                out.append(("torch 2.x nadam, momentumDecay 1e6", deviation(other, points), 1e-12))
        if name == "radam" and h["epsilon"] == 0 and h["epsilonRoot"] == 0:
            other = run_rule(TorchRAdam(h, n), obj, sched_spec, x0, T, eta)
            if h["weightDecay"] == 0 or not h["decoupledWeightDecay"]:
                out.append(("torch 2.x radam (eps 0)", deviation(other, points), 1e-12))
        return out
    if name == "radam":
        torch_points = run_torch(req, obj, sched_spec, x0, T)
        old = run_rule(TorchRAdam(h, n, torch113=True), obj, sched_spec, x0, T, eta)
        new = run_rule(TorchRAdam(h, n), obj, sched_spec, x0, T, eta)
        bound = 1e-14 if sched_spec is None else 1e-12
        out.append(("1.13-mode transcription vs torch 1.13", deviation(old, torch_points), bound))
        out.append(("2.x transcription vs torch 1.13", deviation(new, torch_points), 1e-12))
    if name == "nadam":
        torch_points = run_torch(req, obj, sched_spec, x0, T)
        buggy = run_rule(TorchNAdam(h, n, torch113=True, mu_product_bug=True), obj, sched_spec, x0, T, eta)
        bound = 1e-14 if sched_spec is None else 1e-12
        out.append(("transcription with the 1.13 bug vs torch 1.13", deviation(buggy, torch_points), bound))
        out.append(("(info) 2.x vs 1.13: the bug moves the case by", deviation(points, torch_points), math.inf))
    if name == "adamax":
        new = run_rule(TorchAdamax(h, n), obj, sched_spec, x0, T, eta)
        old = run_rule(TorchAdamax(h, n, torch113=True), obj, sched_spec, x0, T, eta)
        bound = 1e-14 if sched_spec is None else 1e-12
        out.append(("1.13-mode transcription vs torch 1.13", deviation(old, points), bound))
        out.append(("2.x transcription vs torch 1.13", deviation(new, points), 1e-12))
    if name == "adadelta":
        mine = run_rule(TorchAdadelta(h, n), obj, sched_spec, x0, T, eta)
        bound = 1e-14 if sched_spec is None else 1e-12
        out.append(("transcription vs torch 1.13", deviation(mine, points), bound))
    if name == "lion":
        other = run_torch_lion(req, obj, sched_spec, x0, T)
        out.append(("torch-ops Lion (lion-pytorch style)", deviation(other, points), 1e-14))
    return out


# --------------------------------------------------------------------------- cases

R2 = [-1.2, 1.0]
R5 = [-1.2, 1.0, -1.2, 1.0, -1.2]
Q3 = [2.0, -1.0, 1.5]
BE = [1.0, 1.5]
HI = [0.0, 0.0]

CASES = []


def case(cid, obj, optimizer, x0, T, schedule=None):
    CASES.append((cid, obj, optimizer, schedule, x0, T))


# Adadelta (torch.optim.Adadelta)
case("adadelta-defaults-beale", beale(), {"name": "adadelta"}, BE, 400)
case("adadelta-rho-rosenbrock2", rosenbrock(), {"name": "adadelta", "learningRate": 1.0,
     "rho": 0.95, "epsilon": 1e-6, "weightDecay": 0.0, "maximize": False}, R2, 500)
case("adadelta-epsilon-weightdecay-himmelblau", himmelblau(), {"name": "adadelta",
     "learningRate": 0.5, "rho": 0.9, "epsilon": 1e-4, "weightDecay": 0.01}, HI, 400)
case("adadelta-maximize-himmelblau", himmelblau(), {"name": "adadelta", "learningRate": 0.5,
     "maximize": True}, HI, 300)                           # climbs to the local maximum
case("adadelta-step-rosenbrock5", rosenbrock(n=5), {"name": "adadelta", "learningRate": 1.0,
     "rho": 0.9, "epsilon": 1e-5}, R5, 300, {"name": "step", "stepSize": 100, "gamma": 0.5})

# Adamax (torch.optim.Adamax)
case("adamax-defaults-himmelblau", himmelblau(), {"name": "adamax"}, HI, 400)
case("adamax-rosenbrock2", rosenbrock(), {"name": "adamax", "learningRate": 0.01,
     "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8, "weightDecay": 0.0, "maximize": False},
     R2, 500)
case("adamax-betas-epsilon-weightdecay-beale", beale(), {"name": "adamax",
     "learningRate": 0.005, "beta1": 0.8, "beta2": 0.99, "epsilon": 1e-6,
     "weightDecay": 0.01}, BE, 400)
case("adamax-maximize-rosenbrock2", rosenbrock(), {"name": "adamax", "learningRate": 0.001,
     "maximize": True}, R2, 300)
case("adamax-lowbeta1-exponential-quadratic3", quadratic(), {"name": "adamax",
     "learningRate": 0.02, "beta1": 0.3, "beta2": 0.999}, Q3, 400,     # lerp weight 0.7 >= 0.5
     {"name": "exponential", "gamma": 0.995})

# NAdam (PyTorch 2.x, transcribed)
case("nadam-defaults-quadratic3", quadratic(), {"name": "nadam"}, Q3, 400)
case("nadam-rosenbrock2", rosenbrock(), {"name": "nadam", "learningRate": 0.01, "beta1": 0.9,
     "beta2": 0.999, "epsilon": 1e-8, "weightDecay": 0.0, "momentumDecay": 0.004,
     "decoupledWeightDecay": False, "maximize": False}, R2, 500)
case("nadam-momentumdecay-rosenbrock5", rosenbrock(n=5), {"name": "nadam",
     "learningRate": 0.005, "momentumDecay": 0.05}, R5, 300)
case("nadam-weightdecay-lowbeta1-beale", beale(), {"name": "nadam", "learningRate": 0.005,
     "beta1": 0.4, "beta2": 0.99, "epsilon": 1e-6, "weightDecay": 0.05}, BE, 400)
case("nadam-decoupled-himmelblau", himmelblau(), {"name": "nadam", "learningRate": 0.01,
     "weightDecay": 0.1, "decoupledWeightDecay": True}, HI, 400)
case("nadam-maximize-quadratic3", quadratic(), {"name": "nadam", "learningRate": 0.002,
     "maximize": True}, Q3, 300)
case("nadam-cosine-rosenbrock2", rosenbrock(), {"name": "nadam", "learningRate": 0.02}, R2, 500,
     {"name": "cosine", "minLearningRate": 0.001})

# RAdam (torch.optim.RAdam where 1.13 has the options, else PyTorch 2.x transcribed)
case("radam-defaults-himmelblau", himmelblau(), {"name": "radam"}, HI, 400)
case("radam-rosenbrock2", rosenbrock(), {"name": "radam", "learningRate": 0.001, "beta1": 0.9,
     "beta2": 0.999, "epsilon": 1e-8, "weightDecay": 0.0, "decoupledWeightDecay": False,
     "maximize": False}, R2, 500)
case("radam-weightdecay-quadratic3", quadratic(), {"name": "radam", "learningRate": 0.01,
     "weightDecay": 0.1}, Q3, 400)
case("radam-beta2-lowbeta1-beale", beale(), {"name": "radam", "learningRate": 0.005,
     "beta1": 0.3, "beta2": 0.9, "epsilon": 1e-6}, BE, 200)     # rho_inf 19; lerp weight 0.7
case("radam-warmup-cosine-rosenbrock2", rosenbrock(), {"name": "radam", "learningRate": 0.02},
     R2, 500, {"name": "warmup_cosine", "warmupSteps": 50, "minLearningRate": 0.0})
case("radam-decoupled-rosenbrock5", rosenbrock(n=5), {"name": "radam", "learningRate": 0.001,
     "weightDecay": 0.05, "decoupledWeightDecay": True}, R5, 300)
case("radam-maximize-rosenbrock2", rosenbrock(), {"name": "radam", "learningRate": 0.0005,
     "maximize": True}, R2, 300)

# Lion (Chen et al. 2023, transcribed)
case("lion-defaults-quadratic3", quadratic(), {"name": "lion"}, Q3, 400)
case("lion-rosenbrock2", rosenbrock(), {"name": "lion", "learningRate": 0.001, "beta1": 0.9,
     "beta2": 0.99, "weightDecay": 0.0, "maximize": False}, R2, 500)
case("lion-weightdecay-betas-himmelblau", himmelblau(), {"name": "lion", "learningRate": 0.005,
     "beta1": 0.95, "beta2": 0.98, "weightDecay": 0.1}, HI, 400)
case("lion-maximize-rosenbrock5", rosenbrock(n=5), {"name": "lion", "learningRate": 0.001,
     "maximize": True}, R5, 300)
case("lion-step-beale", beale(), {"name": "lion", "learningRate": 0.002}, BE, 400,
     {"name": "step", "stepSize": 150, "gamma": 0.5})

# optax conventions (transcribed)
case("nadam-optax-rosenbrock2", rosenbrock(), {"name": "nadam", "convention": "optax",
     "learningRate": 0.01}, R2, 500)
case("nadam-optax-decoupled-quadratic3", quadratic(), {"name": "nadam", "convention": "optax",
     "learningRate": 0.01, "weightDecay": 0.1, "decoupledWeightDecay": True}, Q3, 400)
case("nadam-optax-maximize-weightdecay-himmelblau", himmelblau(), {"name": "nadam",
     "convention": "optax", "learningRate": 0.005, "beta2": 0.99, "weightDecay": 0.05,
     "maximize": True}, HI, 300)
case("nadam-optax-epsilonroot-step-beale", beale(), {"name": "nadam", "convention": "optax",
     "learningRate": 0.01, "epsilon": 1e-6, "epsilonRoot": 1e-4}, BE, 400,
     {"name": "step", "stepSize": 100, "gamma": 0.5})
case("radam-optax-epsilon-rosenbrock2", rosenbrock(), {"name": "radam", "convention": "optax",
     "learningRate": 0.001, "epsilon": 0.001}, R2, 500)
case("radam-optax-beta2-weightdecay-beale", beale(), {"name": "radam", "convention": "optax",
     "learningRate": 0.005, "beta2": 0.99, "epsilon": 1e-6, "weightDecay": 0.05}, BE, 400)
case("radam-optax-epsilon-decoupled-cosine-rosenbrock5", rosenbrock(n=5), {"name": "radam",
     "convention": "optax", "learningRate": 0.001, "epsilon": 0.01, "weightDecay": 0.1,
     "decoupledWeightDecay": True}, R5, 300, {"name": "cosine"})
case("radam-optax-eps0-quadratic3", quadratic(), {"name": "radam", "convention": "optax",
     "learningRate": 0.01, "epsilon": 0.0}, Q3, 300)
case("radam-optax-epsilonroot-himmelblau", himmelblau(), {"name": "radam", "convention": "optax",
     "learningRate": 0.01, "epsilonRoot": 1e-3, "maximize": True}, HI, 300)


# --------------------------------------------------------------------------- main

def perturbed_start(x0):
    """x0 moved up by one ulp in each coordinate (by 1e-16 where it is 0)."""
    return [float(v) + math.ulp(v) if v != 0 else 1e-16 for v in x0]


class JitteredGradient:
    """obj with each gradient component scaled by 1 +- 2**-52 (sign alternating by step and
    coordinate): the size of the rounding differences between two implementations."""

    def __init__(self, obj):
        self.obj = obj
        self.dimension = obj.dimension
        self.request = obj.request
        self.f = obj.f
        self.calls = 0

    def grad(self, x):
        self.calls += 1
        return [gi * (1 + (-1) ** (self.calls + i) * 2.0 ** -52)
                for i, gi in enumerate(self.obj.grad(x))]


def build_case(cid, obj, optimizer, schedule, x0, T):
    if len(x0) != obj.dimension:
        raise ValueError("%s: initial point has the wrong dimension" % cid)
    label, run = reference_of(optimizer)
    points = run(obj, schedule, x0, T)
    try:
        losses = [obj.f(w) for w in points]
    except OverflowError:
        return None, 0, 0, [], ["%s: overflows" % cid]
    problems = []
    if any(not math.isfinite(v) for w in points for v in w) or any(not math.isfinite(v) for v in losses):
        problems.append("%s: non-finite values" % cid)
    gmin = min(math.sqrt(sum(g * g for g in obj.grad(w))) for w in points[:-1])
    if gmin < 1e-6:
        problems.append("%s: gradient norm %.3g would trigger early stopping" % (cid, gmin))
    moved = robustness(points, run(obj, schedule, perturbed_start(x0), T), obj)
    jittered = robustness(points, run(JitteredGradient(obj), schedule, x0, T), obj)
    if moved >= 1 or jittered >= 1:
        problems.append("%s: one ulp on the start or on each gradient moves it by %.3g / %.3g"
                        " x 1e-12 relative" % (cid, moved, jittered))
    moved = max(moved, jittered)
    notes = []
    if optimizer["name"] == "lion":
        rule = PaperLion(full_params(optimizer), len(x0))
        run_rule(rule, obj, schedule, x0, T, full_params(optimizer)["learningRate"])
        notes.append("sign margin %.2g" % rule.margin)
        if rule.margin < 1e-9:
            problems.append("%s: sign margin %.3g could flip by rounding" % (cid, rule.margin))
    for what, dev, bound in cross_checks(optimizer, obj, schedule, x0, T, points):
        notes.append("%s %.2g" % (what, dev))
        if dev > bound:
            problems.append("%s: %s deviates by %.3g > %.0e" % (cid, what, dev, bound))
    request = {"objective": obj.request, "optimizer": optimizer}
    if schedule is not None:
        request["schedule"] = schedule
    request["initialPoint"] = list(x0)
    request["iterations"] = T
    return ({"id": cid, "reference": label, "request": request, "points": points,
             "losses": losses}, gmin, moved, notes, problems)


def verify(path):
    with open(path) as fh:
        doc = json.load(fh)
    assert doc["generator"] == GENERATOR
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
    cases, problems = [], []
    only = os.environ.get("ONLY")
    for cid, obj, optimizer, schedule, x0, T in CASES:
        if only and only not in cid:
            continue
        c, gmin, moved, notes, bad = build_case(cid, obj, optimizer, schedule, x0, T)
        problems += bad
        if c is None:
            continue
        print("%-46s T=%3d loss %.6g -> %.10g (min |grad| %.2g, 1 ulp moves %.2g)"
              % (cid, T, c["losses"][0], c["losses"][-1], gmin, moved))
        for note in notes:
            print("    " + note)
        cases.append(c)
    if problems:
        sys.exit("\n".join(problems))
    if only:
        return
    with open(OUTPUT, "w") as fh:
        fh.write('{"generator":%s,"torch":%s,"cases":[\n'
                 % (json.dumps(GENERATOR), json.dumps(torch.__version__)))
        fh.write(",\n".join(json.dumps(c, separators=(",", ":"), allow_nan=False) for c in cases))
        fh.write("\n]}\n")
    doc = verify(OUTPUT)
    print("wrote %s: %d cases, %d bytes" % (OUTPUT, len(doc["cases"]), os.path.getsize(OUTPUT)))


# --------------------------------------------------------------------------- --check-modern

OBJECTIVES = {"rosenbrock": lambda r: rosenbrock(r["a"], r["b"], r["dimension"]),
              "quadratic": lambda r: quadratic(r["matrix"], r["vector"]),
              "beale": lambda r: beale(), "himmelblau": lambda r: himmelblau()}


def modern_torch(req, obj, sched_spec, x0, T):
    name = req["name"]
    h = full_params(req)
    p = torch.tensor(x0, dtype=torch.float64, requires_grad=True)
    common_args = dict(lr=h["learningRate"], weight_decay=h["weightDecay"],
                       maximize=h["maximize"], foreach=False)
    if name == "adadelta":
        opt = torch.optim.Adadelta([p], rho=h["rho"], eps=h["epsilon"], **common_args)
    elif name == "adamax":
        opt = torch.optim.Adamax([p], betas=(h["beta1"], h["beta2"]), eps=h["epsilon"], **common_args)
    elif name == "nadam":
        opt = torch.optim.NAdam([p], betas=(h["beta1"], h["beta2"]), eps=h["epsilon"],
                                momentum_decay=h["momentumDecay"],
                                decoupled_weight_decay=h["decoupledWeightDecay"], **common_args)
    elif name == "radam":
        opt = torch.optim.RAdam([p], betas=(h["beta1"], h["beta2"]), eps=h["epsilon"],
                                decoupled_weight_decay=h["decoupledWeightDecay"], **common_args)
    else:
        raise ValueError(name)
    sched = torch_scheduler(sched_spec, opt, h["learningRate"], T)
    points = [p.detach().tolist()]
    for _ in range(T):
        p.grad = torch.tensor(obj.grad(p.detach().tolist()), dtype=torch.float64)
        opt.step()
        if sched is not None:
            sched.step()
        points.append(p.detach().tolist())
    return points


def modern_optax(req, obj, sched_spec, x0, T):
    import jax
    jax.config.update("jax_enable_x64", True)
    import jax.numpy as jnp
    import optax

    name = req["name"]
    h = full_params(req)
    eta = h["learningRate"]
    lr = lambda count: closed_form_lr(sched_spec, eta, T, int(count))  # noqa: E731
    wd = h["weightDecay"]
    if name == "lion":
        tx = optax.chain(optax.scale_by_lion(b1=h["beta1"], b2=h["beta2"]),
                         optax.add_decayed_weights(wd), optax.scale_by_learning_rate(lr))
    else:
        scale = (optax.scale_by_adam(b1=h["beta1"], b2=h["beta2"], eps=h["epsilon"],
                                     eps_root=h["epsilonRoot"], nesterov=True)
                 if name == "nadam" else
                 optax.scale_by_radam(b1=h["beta1"], b2=h["beta2"], eps=h["epsilon"],
                                      eps_root=h["epsilonRoot"]))
        parts = [scale]
        if wd != 0 and not h["decoupledWeightDecay"]:
            parts.insert(0, optax.add_decayed_weights(wd))
        if wd != 0 and h["decoupledWeightDecay"]:
            parts.append(optax.add_decayed_weights(wd))
        parts.append(optax.scale_by_learning_rate(lr))
        tx = optax.chain(*parts)
    w = jnp.asarray(x0, dtype=jnp.float64)
    state = tx.init(w)
    points = [[float(v) for v in w]]
    for _ in range(T):
        g = jnp.asarray(obj.grad([float(v) for v in w]), dtype=jnp.float64)
        if h["maximize"]:
            g = -g
        updates, state = tx.update(g, state, w)
        w = optax.apply_updates(w, updates)
        points.append([float(v) for v in w])
    return points


def check_modern():
    with open(OUTPUT) as fh:
        doc = json.load(fh)
    worst = 0.0
    for c in doc["cases"]:
        req = c["request"]
        optimizer, sched_spec = req["optimizer"], req.get("schedule")
        obj = OBJECTIVES[req["objective"]["name"]](req["objective"])
        x0, T = req["initialPoint"], req["iterations"]
        if convention(optimizer) == "optax" or optimizer["name"] == "lion":
            what = "optax " + __import__("optax").__version__
            points = modern_optax(optimizer, obj, sched_spec, x0, T)
        else:
            what = "torch " + torch.__version__
            points = modern_torch(optimizer, obj, sched_spec, x0, T)
        dev = deviation(points, c["points"])
        worst = max(worst, dev)
        print("%-46s vs %-14s %.2g" % (c["id"], what, dev))
    print("largest deviation %.2g" % worst)


if __name__ == "__main__":
    if sys.argv[1:] == ["--check-modern"]:
        check_modern()
    else:
        main()
