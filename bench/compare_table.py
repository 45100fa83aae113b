"""Reads bench/compare's logs and prints one line per workload and variant, then Markdown tables.

Usage: compare_table.py OUT_DIR "W1 W1-gelu W2 ..." "lamina pytorch tfjava ..."
Each log OUT_DIR/<peer>-<workload>.log holds the harness's RESULT {json} and INFO {json} lines
and a PEAK_RSS_KB line. A figure is the median over the repeats with foreign_cpu <= 0.10; when
no repeat was that quiet, the median over all of them, marked with *. "first" is the process's
first repeat (cold JIT). A workload with a dash (W1-gelu) is a Lamina-only variant of the one
before the dash, run in rounds of a plain process (lamina-W1.pair<r>-W1-gelu.log) and the
variant's (lamina-W1-gelu.pair<r>.log), in alternating order: its ratio is the median of the rounds' ratios, its figure
the median of all its rounds' repeats. With PEER_ROUNDS > 1 a workload's logs are
OUT_DIR/<peer>-<workload>.round<r>.log: each ratio is then the median of the rounds' ratios, every
round's listed, and a figure the median of all its rounds' repeats.
"""
import json
import os
import statistics
import sys

NOISY = 0.10
HIGHER_IS_BETTER = {"samples_per_s", "gflops"}
# issue 12: each float32 variant within 1.15x plain W1's epoch time, float64 within 2.3x
VARIANT_TARGET = {"f64": 2.3}
DEFAULT_VARIANT_TARGET = 1.15
# issue 12: Lamina over PyTorch 1.13 and over TF Java no higher than bench/RESULTS.md's figures of
# the day it was filed
PEER_LINES = {"W1": {"pytorch": 0.77, "tfjava": 0.90}, "W2": {"pytorch": 0.94, "tfjava": 1.07},
              "W3": {"pytorch": 0.70, "tfjava": 0.85}, "W4": {"pytorch": 0.09, "tfjava": 0.20}}


def read(path, *more):
    """The figure of one log, or of several logs' repeats pooled."""
    paths = [q for q in (path,) + more if os.path.exists(q)]
    if not paths:
        return None
    values, quiet, rss, metric, error, version = [], [], float("nan"), None, None, None
    lines = []
    for q in paths:
        with open(q) as f:
            lines.extend(f)
    for line in lines:
        if line.startswith("RESULT "):
            r = json.loads(line[len("RESULT "):])
            metric = r["metric"]
            values.append(r["value"])
            fc = r.get("foreign_cpu")
            if fc is None or fc <= NOISY:
                quiet.append(r["value"])
        elif line.startswith("INFO "):
            i = json.loads(line[len("INFO "):])
            error = i.get("error", error)
            version = version or i.get("version")
        elif line.startswith("PEAK_RSS_KB "):
            try:
                kb = int(line.split()[1])
            except ValueError:
                continue
            # pooled rounds: the largest of their processes' peaks
            rss = kb / 1024 if rss != rss else max(rss, kb / 1024)
    if not values:
        return {"error": error or "no result (see the log)", "version": version}
    chosen = quiet or values
    return {"metric": metric, "value": statistics.median(chosen), "disturbed": not quiet,
            "n": len(chosen), "min": min(chosen), "max": max(chosen), "first": values[0],
            "rss_mb": rss, "error": None, "version": version}


def ok(g):
    return g is not None and g["error"] is None


def fmt(x):
    return "nan" if x is None else ("%.4g" % x)


def cell(g):
    if g is None:
        return "—"
    if not ok(g):
        return "failed: " + g["error"][:80]
    return "%s [%s–%s] n=%d%s, first %s" % (fmt(g["value"]), fmt(g["min"]), fmt(g["max"]), g["n"],
                                           " *" if g["disturbed"] else "", fmt(g["first"]))


def slower_by(a, b, metric):
    """How many times slower a is than b (time: a/b; rate: b/a)."""
    return b / a if metric in HIGHER_IS_BETTER else a / b


def fastest(got, peers):
    others = [(p, got[p]) for p in peers if p != "lamina" and ok(got[p])]
    if not others:
        return None, None
    key = (lambda pg: -pg[1]["value"]) if others[0][1]["metric"] in HIGHER_IS_BETTER \
        else (lambda pg: pg[1]["value"])
    return min(others, key=key)


def round_logs(out, peer, w):
    """{round: path} of a workload run in PEER_ROUNDS rounds; empty for a single run."""
    prefix = "%s-%s.round" % (peer, w)
    return {int(f[len(prefix):-len(".log")]): os.path.join(out, f) for f in os.listdir(out)
            if f.startswith(prefix) and f.endswith(".log")}


def logs_of(out, peer, w):
    """A workload's logs for one peer: its rounds' in order, or the single run's."""
    rounds = round_logs(out, peer, w)
    return [rounds[r] for r in sorted(rounds)] or [os.path.join(out, "%s-%s.log" % (peer, w))]


def ratios_of(got, peers):
    """Lamina over the fastest peer, and over each peer, of one set of figures."""
    lamina = got.get("lamina")
    if not ok(lamina):
        return None, {}
    best, best_g = fastest(got, peers)
    versus = {p: slower_by(lamina["value"], got[p]["value"], lamina["metric"])
              for p in peers if p != "lamina" and ok(got[p])}
    return (slower_by(lamina["value"], best_g["value"], lamina["metric"]) if best_g else None,
            versus)


def workload_rows(out, workloads, peers):
    rows = []
    for w in workloads:
        got = {p: read(*logs_of(out, p, w)) for p in peers}
        rounds = {p: round_logs(out, p, w) for p in peers}
        per_round = [ratios_of({p: read(rounds[p][r]) if r in rounds[p] else None
                                for p in peers}, peers)
                     for r in sorted(rounds["lamina"])] or [ratios_of(got, peers)]
        best, _ = fastest(got, peers)
        to_fastest = [r for r, _ in per_round if r is not None]
        ratio = statistics.median(to_fastest) if to_fastest else None
        versus = {p: [v[p] for _, v in per_round if p in v] for p in peers if p != "lamina"}
        lamina = got.get("lamina")
        unit = next((g["metric"] for g in got.values() if ok(g)), "?")
        fields = ["workload=%s" % w]
        for p in peers:
            g = got[p]
            fields.append("%s=%s%s" % (p, fmt(g["value"]) if ok(g) else "nan",
                                       "*" if ok(g) and g["disturbed"] else ""))
        fields += ["unit=%s" % unit, "fastest=%s" % (best or "none"),
                   "ratio=%s" % (fmt(ratio) if ratio else "nan"),
                   "rounds=%s" % ",".join(fmt(x) for x in to_fastest),
                   "lamina_first=%s" % (fmt(lamina["first"]) if ok(lamina) else "nan")]
        fields += ["vs_%s=%s" % (p, ",".join(fmt(x) for x in xs) or "nan") for p, xs in versus.items()]
        fields += ["%s_rss_mb=%s" % (p, fmt(got[p]["rss_mb"]) if ok(got[p]) else "nan") for p in peers]
        print(" ".join(fields))
        rows.append((w, unit, got, best, ratio, to_fastest, versus))
    return rows


def listed(xs):
    """median (each round's), or the one figure."""
    if not xs:
        return "—"
    if len(xs) == 1:
        return fmt(xs[0])
    return "%s (%s)" % (fmt(statistics.median(xs)), ", ".join(fmt(x) for x in xs))


def variant_rows(out, variants):
    rows = []
    for v in variants:
        base, suffix = v.split("-", 1)
        rounds = sorted(int(f[len("lamina-%s.pair" % v):-len(".log")]) for f in os.listdir(out)
                        if f.startswith("lamina-%s.pair" % v) and f.endswith(".log"))
        runs = [os.path.join(out, "lamina-%s.pair%d.log" % (v, r)) for r in rounds]
        g = read(*runs) if runs else None
        ratios = []
        for r, run in zip(rounds, runs):
            mine = read(run)
            plain = read(os.path.join(out, "lamina-%s.pair%d-%s.log" % (base, r, v)))
            if ok(mine) and ok(plain):
                ratios.append(slower_by(mine["value"], plain["value"], mine["metric"]))
        ratio = statistics.median(ratios) if ratios else None
        target = VARIANT_TARGET.get(suffix, DEFAULT_VARIANT_TARGET)
        print("variant=%s lamina=%s%s unit=%s vs_%s=%s rounds=%s target=%s lamina_first=%s%s" % (
            v, fmt(g["value"]) if ok(g) else "nan", "*" if ok(g) and g["disturbed"] else "",
            (g or {}).get("metric") or "?", base, fmt(ratio), ",".join(fmt(x) for x in ratios),
            target, fmt(g["first"]) if ok(g) else "nan",
            "" if ok(g) else " error=%s" % json.dumps((g or {}).get("error") or "no log")))
        rows.append((v, base, g, ratio, ratios, target))
    return rows


def main():
    out, wanted, peers = sys.argv[1], sys.argv[2].split(), sys.argv[3].split()
    plain = [w for w in wanted if "-" not in w]
    variants = [w for w in wanted if "-" in w]
    rows = workload_rows(out, plain, peers)
    vrows = variant_rows(out, variants)
    versions = {}
    for p in peers:
        for w in plain:
            g = read(*logs_of(out, p, w))
            if g and g.get("version"):
                versions[p] = g["version"]
                break
    print()
    if versions:
        print("Peer versions: " + ", ".join("%s %s" % kv for kv in versions.items()) + ".")
        print()
    if rows:
        print("Median [min–max] of the quiet repeats, n = their count, first = the process's first "
              "repeat; ratio = Lamina over the fastest peer (< 1: Lamina faster).")
        table(["workload", "unit"] + peers + ["fastest peer", "ratio"],
              [[w, unit] + [cell(got[p]) for p in peers] + [best or "—", listed(to_fastest)]
               for w, unit, got, best, ratio, to_fastest, versus in rows])
        others = [p for p in peers if p != "lamina"]
        print("Lamina over each peer (< 1: Lamina faster); with rounds, the median and each "
              "round's; issue 12's line where it has one.")
        table(["workload"] + others,
              [[w] + [against(w, p, versus[p]) for p in others]
               for w, unit, got, best, ratio, to_fastest, versus in rows])
        table(["peak RSS MB"] + peers,
              [[w] + [fmt(got[p]["rss_mb"]) if ok(got[p]) else "—" for p in peers]
               for w, unit, got, best, ratio, to_fastest, versus in rows])
    if vrows:
        print("Each variant: rounds of a plain process, then the variant's; × plain = the median of "
              "the rounds' ratios (each round's in brackets).")
        table(["Lamina variant", "figure", "× plain (rounds)", "target", "met"],
              [[v, cell(g), listed(ratios), "≤ %s" % target,
                "—" if ratio is None else ("yes" if ratio <= target else "no")]
               for v, base, g, ratio, ratios, target in vrows])


def against(w, peer, ratios):
    """Lamina's ratios to one peer, and whether their median meets issue 12's line if it has one."""
    limit = PEER_LINES.get(w, {}).get(peer)
    if limit is None or not ratios:
        return listed(ratios)
    met = statistics.median(ratios) <= limit
    return "%s, line %s: %s" % (listed(ratios), limit, "met" if met else "not met")


def table(header, rows):
    """A Markdown table between blank lines."""
    print()
    print("| " + " | ".join(header) + " |")
    print("|---" * len(header) + "|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print()

if __name__ == "__main__":
    main()
