"""Summarises a JFR recording's CPU samples: the hottest methods (self time) and the share of
samples spent under each of a few stages of a request (inclusive time).

    python3 bench/jfr_hotspots.py recording.jfr [--top 25]
"""

import argparse
import collections
import json
import subprocess
import sys

STAGES = [
    ("JSON writing (Jackson)", ("tools.jackson.databind.ObjectWriter", "tools.jackson.core.json.UTF8JsonGenerator")),
    ("CSV writing", ("org.optlab.api.RunCsvConverter.writeInternal",)),
    ("request JSON reading", ("AbstractJacksonHttpMessageConverter.read", "JacksonJsonHttpMessageConverter.read")),
    ("bean validation", ("org.hibernate.validator",)),
    ("binding and checks (RunPlan.prepare)", ("org.optlab.compute.run.RunPlan.prepare",)),
    ("the optimization loop (Runner)", ("org.optlab.compute.run.Runner.run",)),
    ("curvature at the end", ("org.optlab.compute.objective.Curvature.at",)),
    ("building the response", ("org.optlab.api.RunResponse.of",)),
    ("logging", ("ch.qos.logback", "org.apache.logging", "org.slf4j")),
    ("socket writes", ("sun.nio.ch.SocketDispatcher.write", "sun.nio.ch.IOUtil.write")),
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("recording")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    raw = subprocess.run(
        ["jfr", "print", "--json", "--stack-depth", "256", "--events", "jdk.ExecutionSample", args.recording],
        check=True, capture_output=True, text=True).stdout
    events = json.loads(raw)["recording"]["events"]
    self_counts = collections.Counter()
    stage_counts = collections.Counter()
    for event in events:
        frames = event["values"]["stackTrace"]["frames"]
        names = [(f["method"]["type"]["name"] + "." + f["method"]["name"]).replace("/", ".") for f in frames]
        if names:
            self_counts[names[0]] += 1
        for stage, markers in STAGES:
            if any(marker in name for name in names for marker in markers):
                stage_counts[stage] += 1
    total = len(events)
    print(f"{total} CPU samples")
    print("\nInclusive share by stage:")
    for stage, _ in STAGES:
        print(f"  {100.0 * stage_counts[stage] / max(total, 1):5.1f}%  {stage}")
    print(f"\nTop {args.top} methods by self samples:")
    for name, count in self_counts.most_common(args.top):
        print(f"  {100.0 * count / max(total, 1):5.1f}%  {name}")


if __name__ == "__main__":
    sys.exit(main())
