"""Turns the raw results of the bench/ scripts into the tables they print (Markdown).

    python3 bench/report.py small  JMH.json TORCH.json [TORCH2.json]
    python3 bench/report.py large  BANDWIDTH_BOUND.txt TORCH.json [TORCH2.json]
    python3 bench/report.py wrk    FOLDER ROUNDS
    python3 bench/report.py big    BIG_ANSWERS.txt CURL.txt
    python3 bench/report.py sweeps SWEEP_SCALING.txt

Every ratio is of two figures measured in the same script run.
"""

import json
import re
import statistics
import sys


def jmh(path):
    """JMH results by (short benchmark name, parameter tuple)."""
    results = {}
    for entry in json.load(open(path)):
        name = entry["benchmark"].rsplit(".", 1)[1]
        params = tuple(sorted((entry.get("params") or {}).items()))
        results[(name, params)] = entry["primaryMetric"]
    return results


def median_of(metric):
    """The median over measurement iterations (AverageTime/SingleShotTime) or over calls (SampleTime)."""
    percentiles = metric.get("scorePercentiles") or {}
    if metric.get("rawDataHistogram"):
        return percentiles["50.0"]
    values = [v for fork in metric["rawData"] for v in fork]
    return statistics.median(values)


def best_of(metric):
    """The fastest measurement iteration: on a shared machine, the one least disturbed."""
    return min(v for fork in metric["rawData"] for v in fork)


def fmt(value, digits=1):
    if value is None:
        return "–"
    if value >= 100:
        return f"{value:,.0f}"
    return f"{value:,.{digits}f}"


def table(header, rows):
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join(" --- " for _ in header) + "|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


def small(jmh_path, torch_path, torch2_path=None):
    runs = jmh(jmh_path)
    torch = json.load(open(torch_path))
    torch2 = json.load(open(torch2_path)) if torch2_path else None
    header = ["optimizer", "optlab ns/iteration", f"torch {torch['torch']} step ns",
              f"torch {torch['torch']} loop ns", "numpy loop ns",
              "× vs torch step", "× vs torch loop", "× vs numpy", "goal ≥ 500× (step)"]
    if torch2:
        header[5:5] = [f"torch {torch2['torch']} step ns"]
    rows = []
    for (name, params), metric in runs.items():
        if name != "rosenbrock2dEveryStepRecorded":
            continue
        optimizer = dict(params)["optimizer"]
        ours = best_of(metric)
        t = torch["optimizers"].get(optimizer, {})
        step, loop, numpy = t.get("torch_step_ns"), t.get("torch_loop_ns"), t.get("numpy_loop_ns")
        row = [optimizer, fmt(ours), fmt(step), fmt(loop), fmt(numpy),
               fmt(step / ours, 0) if step else "–", fmt(loop / ours, 0) if loop else "–",
               fmt(numpy / ours, 0) if numpy else "–",
               ("met" if step / ours >= 500 else f"missed ({step / ours:.0f}×)") if step else "–"]
        if torch2:
            row[5:5] = [fmt(torch2["optimizers"].get(optimizer, {}).get("torch_step_ns"))]
        rows.append(row)
    table(header, rows)


def keyed_lines(path, kind):
    for line in open(path):
        words = line.split()
        if words and words[0] == kind:
            yield dict(w.split("=", 1) for w in words[1:])


def large(harness_path, torch_path, torch2_path=None):
    kernels = {(k["n"], k["name"]): k for k in keyed_lines(harness_path, "kernel")}
    bounds = {(b["n"], b["step"]): b for b in keyed_lines(harness_path, "bound")}
    torches = [json.load(open(p)) for p in (torch_path, torch2_path) if p]
    header = ["N", "step", "optlab ms", "triad GB/s", "× triad bound", "goal ≤ 1.4×", "in-place probe GB/s",
              "× in-place bound"]
    for t in torches:
        header.append(f"torch {t['torch']} foreach ms" + (" / fused" if t["torch"] >= "2" else ""))
    rows = []
    for n in sorted({n for n, _ in kernels}, key=int):
        size = int(n)
        gbps = lambda name: 24 * size / (float(kernels[(n, name)]["median_ms"]) / 1e3) / 1e9
        for step, label, torch_key in (("adam", "Adam", "adam_foreach"),
                                       ("sgd_momentum", "SGD momentum", "sgd_momentum_foreach")):
            ratio = float(bounds[(n, step)]["over_triad_bound"])
            row = [f"10^{len(n) - 1}", label, f"{float(kernels[(n, step)]['median_ms']):.2f}",
                   f"{gbps('triad'):.1f}", f"{ratio:.2f}", "met" if ratio <= 1.4 else f"missed by {ratio / 1.4:.2f}×",
                   f"{gbps('in_place_probe'):.1f}", f"{float(bounds[(n, step)]['over_in_place_bound']):.2f}"]
            for t in torches:
                cell = []
                for variant in (torch_key, "adam_fused" if step == "adam" else None):
                    result = t["sizes"].get(n, {}).get(variant) if variant else None
                    if result and "median_ms" in result:
                        cell.append(f"{result['median_ms']:.2f}")
                row.append(" / ".join(cell) or "–")
            rows.append(row)
    table(header, rows)


def parse_wrk(path):
    text = open(path).read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", text)
    scale = {"us": 1e-3, "ms": 1.0, "s": 1e3}[p99.group(2)]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    size = re.search(r"([\d.]+)(KB|MB|GB) read", text)
    requests = re.search(r"(\d+) requests in", text)
    return {"rps": rps, "p99_ms": float(p99.group(1)) * scale, "non2xx": int(errors.group(1)) if errors else 0,
            "requests": int(requests.group(1))}


def wrk(folder, rounds):
    rounds = int(rounds)
    runs = [parse_wrk(f"{folder}/wrk-run-{r}.txt") for r in range(1, rounds + 1)]
    bases = [parse_wrk(f"{folder}/wrk-baseline-{r}.txt") for r in range(1, rounds + 1)]
    smalls = [parse_wrk(f"{folder}/wrk-run-small-path-{r}.txt") for r in range(1, rounds + 1)]
    ratios = [r["rps"] / b["rps"] for r, b in zip(runs, bases)]
    small_ratios = [s["rps"] / b["rps"] for s, b in zip(smalls, bases)]

    def med(results, key):
        return statistics.median(r[key] for r in results)

    ratio = statistics.median(ratios)
    rounds_text = lambda values: ", ".join(f"{v:.2f}" for v in values)
    rows = [["POST /api/v1/runs (Adam, Rosenbrock, 1,000 iterations, default recording: 1,001 points)",
             fmt(med(runs, "rps"), 0), f"{med(runs, 'p99_ms'):.1f}", f"{ratio:.2f} ({rounds_text(ratios)})",
             "met" if ratio >= 0.5 else f"missed by {0.5 / ratio:.1f}×", str(sum(r["non2xx"] for r in runs))],
            ["POST /api/v1/runs, the same run with record.every = 1000 (2 points; diagnostic)",
             fmt(med(smalls, "rps"), 0), f"{med(smalls, 'p99_ms'):.1f}",
             f"{statistics.median(small_ratios):.2f} ({rounds_text(small_ratios)})", "",
             str(sum(r["non2xx"] for r in smalls))],
            ["GET /api/v1/schedules (baseline)", fmt(med(bases, "rps"), 0), f"{med(bases, 'p99_ms'):.1f}", "1", "",
             str(sum(r["non2xx"] for r in bases))]]
    table(["endpoint", "requests/s", "p99 ms", "÷ baseline (each round)", "goal ≥ 0.5", "non-2xx"], rows)


def big(harness_path, curl_path):
    harness = {}
    for line in open(harness_path):
        words = line.split()
        if words:
            harness[words[0]] = dict(w.split("=", 1) for w in words[1:])
    curl = {}
    for line in open(curl_path):
        fmt_name, size, seconds, status = line.split()
        curl[fmt_name] = (int(size), float(seconds), status)
    run = harness["run"]
    print(f"Run: {int(run['iterations']):,} iterations, {int(run['points']):,} points recorded; "
          f"the recorded path itself holds {run['path_mb']} MB.\n")
    rows = []
    for name in ("json", "csv"):
        h = harness[name]
        growth = float(h["heap_growth_mb"])
        size, seconds, status = curl[name]
        rows.append([name.upper(), f"{int(h['bytes']) / 1e6:.1f}", f"{growth:.1f}",
                     "met" if growth < 64 else "missed", f"{float(h['mb_per_s']):.0f}",
                     f"{float(h['allocated_mb']):.0f}", f"{size / seconds / 1e6:.0f}", status])
    table(["format", "MB", "heap growth MB (in-process)", "goal < 64 MB", "MB/s in-process",
           "MB allocated (short-lived)", "MB/s over HTTP (curl)", "HTTP status"], rows)


def sweeps(path):
    rounds, summary = [], {}
    for line in open(path):
        words = line.split()
        values = dict(w.split("=", 1) for w in words[1:] if "=" in w)
        if words[0] == "round":
            rounds.append({k: float(v) for k, v in values.items()})
        elif words[0] == "summary":
            summary = values
    med = lambda key: statistics.median(r[key] for r in rounds)
    speedup = float(summary["sweep_speedup_median"])
    print(f"{len(rounds)} rounds; other processes kept {float(summary['others_busy_cores']):.2f} of "
          f"{summary['cores']} cores busy on average during the measurement.\n")
    quiet = [r for r in rounds if r["control_speedup"] >= 1.9]
    if quiet:
        quiet_speedup = statistics.median(r["sweep_speedup"] for r in quiet)
        print(f"In the {len(quiet)} rounds where the control reached ≥ 1.9× (two cores free), the sweep's speed-up "
              f"was {min(r['sweep_speedup'] for r in quiet):.2f}–{max(r['sweep_speedup'] for r in quiet):.2f}, "
              f"median {quiet_speedup:.2f}: goal {'met' if quiet_speedup >= 1.8 else 'missed'} on a quiet machine.\n")
    else:
        print("No round had two free cores (control < 1.9× in every round): rerun when the machine is quieter.\n")
    table(["work", "1 worker ms (median)", "2 workers ms (median)", "speed-up, median of rounds",
           "speed-up, best round", "goal ≥ 1.8×"],
          [["sweep: 10,000 trials × 1,000 Adam iterations", f"{med('sweep_1_ms'):.0f}", f"{med('sweep_2_ms'):.0f}",
            f"{speedup:.2f}", f"{float(summary['sweep_speedup_best']):.2f}",
            "met" if speedup >= 1.8 else f"not at 1.8× over all rounds ({speedup:.2f}×)"],
           ["control: 20 independent arithmetic tasks on the same pools", f"{med('control_1_ms'):.0f}",
            f"{med('control_2_ms'):.0f}", f"{float(summary['control_speedup_median']):.2f}",
            f"{float(summary['control_speedup_best']):.2f}", ""]])


if __name__ == "__main__":
    command, *paths = sys.argv[1:]
    globals()[command](*paths)
