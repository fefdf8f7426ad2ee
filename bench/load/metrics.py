"""Reads two /actuator/prometheus scrapes and prints what happened between them as shell variables:
counter deltas and p50/p99 of the latency histograms (linear interpolation inside a bucket)."""
import re
import sys


def parse(path):
    values = {}
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        name_labels, value = line.rsplit(" ", 1)
        values[name_labels] = float(value)
    return values


def delta(before, after, key):
    return after.get(key, 0.0) - before.get(key, 0.0)


def quantile(before, after, metric, q):
    buckets = []
    pattern = re.compile(re.escape(metric) + r'_bucket\{.*le="([^"]+)".*\}')
    for key, value in after.items():
        m = pattern.fullmatch(key)
        if m:
            le = float("inf") if m.group(1) == "+Inf" else float(m.group(1))
            buckets.append((le, value - before.get(key, 0.0)))
    buckets.sort()
    if not buckets or buckets[-1][1] <= 0:
        return float("nan")
    total = buckets[-1][1]
    rank = q * total
    previous_le, previous_count = 0.0, 0.0
    for le, count in buckets:
        if count >= rank:
            if le == float("inf"):
                return previous_le
            share = (rank - previous_count) / (count - previous_count) if count > previous_count else 1.0
            return previous_le + (le - previous_le) * share
        previous_le, previous_count = le, count
    return previous_le


before, after = parse(sys.argv[1]), parse(sys.argv[2])
for name in ("received", "inboxed", "triaged", "notified"):
    print(f"{name}={int(delta(before, after, f'atalaya_inbound_messages_{name}_total'))}")
for name in ("inbox", "triage", "notify"):
    metric = f"atalaya_inbound_{name}_latency_seconds"
    print(f"{name}_p50_ms={quantile(before, after, metric, 0.50) * 1000:.0f}")
    print(f"{name}_p99_ms={quantile(before, after, metric, 0.99) * 1000:.0f}")
print(f"waiting={int(after.get('atalaya_inbound_queue_waiting', 0))}")
print(f"failing={int(after.get('atalaya_inbound_queue_failing', 0))}")
print(f"incomplete={int(after.get('atalaya_event_publications_incomplete', 0))}")
