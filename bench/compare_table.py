"""Reads bench/compare's logs and prints one line per workload, then a Markdown table.

Usage: compare_table.py OUT_DIR "W1 W2 ..." "lamina pytorch tfjava"
Each log OUT_DIR/<peer>-<workload>.log holds the harness's RESULT {json} lines and a
PEAK_RSS_KB line. A figure is the median over the repeats with foreign_cpu <= 0.10; when
no repeat was that quiet, the median over all of them, marked with *.
"""
import json
import os
import statistics
import sys

NOISY = 0.10
HIGHER_IS_BETTER = {"samples_per_s", "gflops"}


def read(path):
    values, quiet, rss, metric = [], [], float("nan"), None
    if not os.path.exists(path):
        return None
    with open(path) as f:
        for line in f:
            if line.startswith("RESULT "):
                r = json.loads(line[len("RESULT "):])
                metric = r["metric"]
                values.append(r["value"])
                fc = r.get("foreign_cpu")
                if fc is None or fc <= NOISY:
                    quiet.append(r["value"])
            elif line.startswith("PEAK_RSS_KB "):
                try:
                    rss = int(line.split()[1]) / 1024
                except ValueError:
                    pass
    if not values:
        return None
    chosen = quiet or values
    return {"metric": metric, "value": statistics.median(chosen), "disturbed": not quiet,
            "n": len(chosen), "min": min(chosen), "max": max(chosen), "rss_mb": rss}


def fmt(x):
    return "nan" if x is None else ("%.4g" % x)


def main():
    out, workloads, peers = sys.argv[1], sys.argv[2].split(), sys.argv[3].split()
    rows = []
    for w in workloads:
        got = {p: read(os.path.join(out, "%s-%s.log" % (p, w))) for p in peers}
        lamina = got.get("lamina")
        others = [got[p] for p in peers if p != "lamina" and got[p]]
        ratio = None
        if lamina and others:
            if lamina["metric"] in HIGHER_IS_BETTER:
                ratio = max(o["value"] for o in others) / lamina["value"]
            else:
                ratio = lamina["value"] / min(o["value"] for o in others)
        unit = next((g["metric"] for g in got.values() if g), "?")
        fields = ["workload=%s" % w]
        for p in peers:
            g = got[p]
            fields.append("%s=%s%s" % (p, fmt(g and g["value"]), "*" if g and g["disturbed"] else ""))
        fields += ["unit=%s" % unit, "ratio=%s" % (fmt(ratio) if ratio else "nan")]
        for p in ("lamina", "pytorch"):
            if p in got:
                fields.append("%s_rss_mb=%s" % (p, fmt(got[p] and got[p]["rss_mb"])))
        print(" ".join(fields))
        rows.append((w, unit, got, ratio))
    print()
    print("| workload | unit | " + " | ".join(peers) + " | ratio (< 1: Lamina faster) | "
          + " | ".join("%s RSS MB" % p for p in peers) + " |")
    print("|---" * (3 + 2 * len(peers)) + "|")
    for w, unit, got, ratio in rows:
        cells = []
        for p in peers:
            g = got[p]
            cells.append("—" if not g else "%s [%s–%s] n=%d%s" % (
                fmt(g["value"]), fmt(g["min"]), fmt(g["max"]), g["n"], " *" if g["disturbed"] else ""))
        rss = [fmt(got[p]["rss_mb"]) if got[p] else "—" for p in peers]
        print("| %s | %s | %s | %s | %s |" % (w, unit, " | ".join(cells),
                                            fmt(ratio) if ratio else "—", " | ".join(rss)))


if __name__ == "__main__":
    main()
