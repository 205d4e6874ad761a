#!/usr/bin/env python3
"""Runs the benchmark suite and prints issue 6's targets: measured, target, met or not.

    python3 tools/bench.py                                   # the whole suite, then the table
    python3 tools/bench.py --benchmark_filter='Program|Batch' --benchmark_repetitions=3
    python3 tools/bench.py --binary build-bench/benchmarks/zhuoyue_benchmarks --no-memory

Builds nothing: it runs the benchmark binary (console output as it goes, JSON to --out; any
--benchmark_* argument is passed through), then measures peak memory with the `zy` command
beside it, in a scratch folder under $TMPDIR:

- a large cohort: the typical generated program (300 students) with its students and their
  scores copied 34 times (10,200 students, about 360,000 scores), evaluated as JSON and as a
  CSV bundle (tools/json_to_csv.py). Growth is its peak RSS minus that of evaluating an
  empty dossier (the binary and the compiled pack); the raw score data is the bundle's
  scores.csv (bytes), also shown as 3 numbers of 8 bytes per score;
- `zy batch` over the province folder (1,000 JSON files, 0.7 GB) on 2 jobs.

Times: CPU time for one-thread benchmarks (the machine is shared), real time for the
2-thread batches. MB are 10^6 bytes. Medians when --benchmark_repetitions is given.
Exit status: the benchmark binary's when it fails, else 0 whatever the targets.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COHORT_COPIES = 34
BATCH_SIZES = [("program", 1), ("10", 10), ("university", 100), ("province", 1000)]
LINEARITY_LIMIT = 1.25  # per-program time may vary this much across 10 … 1,000 programs


def run_benchmarks(binary, out, passthrough):
    command = [binary, "--benchmark_format=console", f"--benchmark_out={out}",
               "--benchmark_out_format=json", *passthrough]
    print("$", " ".join(command), flush=True)
    try:
        return subprocess.run(command).returncode
    except OSError as e:
        print(f"bench.py: cannot run {binary}: {e}", file=sys.stderr)
        return 1


def load_results(path):
    """Benchmark name (without /real_time) → its run: the median aggregate, else the mean."""
    with open(path, encoding="utf-8") as f:
        benchmarks = json.load(f)["benchmarks"]
    runs, medians = {}, {}
    for b in benchmarks:
        name = re.sub(r"/real_time$", "", b.get("run_name", b["name"]))
        if b.get("run_type") == "aggregate":
            if b.get("aggregate_name") == "median":
                medians[name] = b
        elif not b.get("error_occurred"):
            runs.setdefault(name, []).append(b)
    results = dict(medians)
    for name, entries in runs.items():
        if name in medians:
            continue
        keys = [k for k, v in entries[0].items() if isinstance(v, (int, float))]
        results[name] = {k: sum(e[k] for e in entries) / len(entries) for k in keys}
        results[name]["time_unit"] = entries[0]["time_unit"]
    return results


SECONDS_PER_UNIT = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}


def seconds(run, key):
    return run[key] * SECONDS_PER_UNIT[run["time_unit"]]


def duration(s):
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if s >= scale:
            return f"{s / scale:.3g} {unit}"
    return f"{s / 1e-9:.3g} ns"


def peak_rss_kib(command):
    """Runs `command` and returns (exit status, peak RSS in KiB, wall seconds)."""
    start = time.monotonic()
    if os.path.exists("/usr/bin/time"):
        with tempfile.NamedTemporaryFile("r") as report:
            child = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", report.name, *command],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            status, kib = child.returncode, int(report.read().split()[-1])
            if status != 0:
                print(child.stderr, file=sys.stderr, end="")
    else:  # a child of its own, so that RUSAGE_CHILDREN holds this command alone
        probe = ("import resource, subprocess, sys; "
                 "s = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL,"
                 " stderr=subprocess.DEVNULL).returncode; "
                 "print(s, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
        out = subprocess.run([sys.executable, "-c", probe, *command], capture_output=True,
                             text=True).stdout.split()
        status, kib = int(out[0]), int(out[1])
    return status, kib, time.monotonic() - start


def run_zy(zy, *args):
    subprocess.run([zy, *args], check=True, stdout=subprocess.DEVNULL)


def large_cohort(zy, scratch):
    """The typical program with COHORT_COPIES times its students and scores: (json, bundle)."""
    run_zy(zy, "gen", "--size", "program", "--format", "json", "--out", f"{scratch}/program")
    [name] = os.listdir(f"{scratch}/program")
    with open(f"{scratch}/program/{name}", encoding="utf-8") as f:
        dossier = json.load(f)
    students, scores = [], []
    for copy in range(COHORT_COPIES):
        suffix = f"-{copy}" if copy else ""
        students += [dict(s, id=s["id"] + suffix) for s in dossier["students"]]
        scores += [dict(s, student=s["student"] + suffix) for s in dossier["scores"]]
    dossier["students"], dossier["scores"] = students, scores
    path = f"{scratch}/cohort.json"
    with open(path, "w", encoding="utf-8") as f:
        json.dump(dossier, f, ensure_ascii=False)
    subprocess.run([sys.executable, f"{ROOT}/tools/json_to_csv.py", path, f"{scratch}/cohort"],
                   check=True)
    return path, f"{scratch}/cohort", len(students), len(scores)


def measure_memory(zy):
    """Peak-memory figures, or a reason they could not be measured."""
    if not os.access(zy, os.X_OK):
        return {"error": f"{zy} not found (build the zy target)"}
    scratch = tempfile.mkdtemp(prefix="zy_bench_memory_")
    try:
        figures = {}
        empty = f"{scratch}/empty.json"
        with open(empty, "w", encoding="utf-8") as f:
            json.dump({"format": "zhuoyue.dossier/1", "program": {"id": "empty"}}, f)
        _, figures["floor_kib"], _ = peak_rss_kib([zy, "eval", empty, "--format", "json"])
        json_path, bundle, figures["students"], figures["scores"] = large_cohort(zy, scratch)
        figures["scores_csv_bytes"] = os.path.getsize(f"{bundle}/scores.csv")
        for form, path in (("json", json_path), ("csv", bundle)):
            status, kib, _ = peak_rss_kib([zy, "eval", path, "--format", "json"])
            figures[f"{form}_kib"] = kib if status == 0 else None
        run_zy(zy, "gen", "--size", "province", "--format", "json", "--threads", "2", "--out",
               f"{scratch}/province")
        status, kib, wall = peak_rss_kib([zy, "batch", f"{scratch}/province", "--out",
                                          f"{scratch}/reports", "--jobs", "2", "--format", "json"])
        figures["batch_kib"] = kib if status == 0 else None
        figures["batch_seconds"] = wall
        return figures
    except (OSError, subprocess.CalledProcessError, ValueError) as e:
        return {"error": str(e)}
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def print_table(results, memory):
    rows = []  # (what, measured, target, verdict)

    def row(what, measured, target, met):
        rows.append((what, measured, target, "—" if met is None else "met" if met else "not met"))

    def missing(what, target):
        rows.append((what, "not run", target, "—"))

    run = results.get("BM_EvaluateProgram")
    if run:
        s = seconds(run, "cpu_time")
        row("evaluate the typical program (CPU)", duration(s), "≤ 100 µs", s <= 100e-6)
    else:
        missing("evaluate the typical program (CPU)", "≤ 100 µs")
    for name, what, target in (("BM_LoadJsonProgram", "load JSON, typical program", 200),
                               ("BM_LoadCsvProgram", "load CSV bundle, typical program", 300)):
        run = results.get(name)
        if run:
            rate = run["bytes_per_second"] / 1e6
            row(what, f"{rate:.3g} MB/s", f"≥ {target} MB/s", rate >= target)
        else:
            missing(what, f"≥ {target} MB/s")
    for size, target in (("university", 20), ("program", None)):
        engine = results.get(f"BM_EngineCoverageAttainment/{size}")
        sql = results.get(f"BM_SqlCoverageAttainment/{size}")
        what = f"SQL ÷ engine, coverage + attainment, {size} (CPU)"
        shown = f"≥ {target}×" if target else "(shown)"
        if engine and sql:
            ratio = seconds(sql, "cpu_time") / seconds(engine, "cpu_time")
            measured = (f"{ratio:.3g}× ({duration(seconds(sql, 'cpu_time'))} ÷ "
                        f"{duration(seconds(engine, 'cpu_time'))})")
            row(what, measured, shown, ratio >= target if target else None)
        else:
            missing(what, shown)
    batch, read = results.get("BM_BatchEndToEnd/province"), results.get("BM_ReadInputs/province")
    what = "province end to end ÷ reading its inputs (real)"
    if batch and read:
        ratio = seconds(batch, "real_time") / seconds(read, "real_time")
        measured = (f"{ratio:.3g}× ({duration(seconds(batch, 'real_time'))} ÷ "
                    f"{duration(seconds(read, 'real_time'))})")
        row(what, measured, "≤ 2×", ratio <= 2)
    else:
        missing(what, "≤ 2×")
    per_program = {}
    for size, programs in BATCH_SIZES:
        run = results.get(f"BM_BatchEndToEnd/{size}")
        if run:
            per_program[programs] = run["per_program"]
    what = "per-program time, batch of 1 / 10 / 100 / 1,000 (real)"
    target = f"10…1,000 within {LINEARITY_LIMIT}×"
    if per_program:
        measured = " / ".join(duration(per_program[n]) if n in per_program else "—"
                              for _, n in BATCH_SIZES)
        scaled = [v for n, v in per_program.items() if n >= 10]
        met = max(scaled) / min(scaled) <= LINEARITY_LIMIT if len(scaled) == 3 else None
        row(what, measured, target, met)
    else:
        missing(what, target)
    if "error" in memory:
        rows.append(("peak memory", memory["error"], "≤ 2× raw scores", "—"))
    elif memory:
        raw = memory["scores_csv_bytes"]
        per_score = 24 * memory["scores"]
        for form in ("json", "csv"):
            what = f"peak RSS growth ÷ raw scores, {form} ({memory['students']:,} students)"
            if memory[f"{form}_kib"] is None:
                rows.append((what, "zy eval failed", "≤ 2×", "—"))
                continue
            growth = (memory[f"{form}_kib"] - memory["floor_kib"]) * 1024
            measured = (f"{growth / raw:.3g}× ({growth / 1e6:.0f} MB ÷ {raw / 1e6:.1f} MB "
                        f"scores.csv; {growth / per_score:.3g}× 3×8 B × "
                        f"{memory['scores']:,} scores)")
            row(what, measured, "≤ 2×", growth <= 2 * raw)
        if memory["batch_kib"] is not None:
            rows.append(("zy batch province --jobs 2: peak RSS, wall",
                         f"{memory['batch_kib'] / 1024:.0f} MiB, {memory['batch_seconds']:.1f} s",
                         "(shown)", "—"))
    widths = [max(len(r[k]) for r in rows + [("target", "measured", "goal", "")])
              for k in range(4)]
    print()
    print(f"{'target':<{widths[0]}}  {'measured':<{widths[1]}}  {'goal':<{widths[2]}}  result")
    for r in rows:
        print(f"{r[0]:<{widths[0]}}  {r[1]:<{widths[1]}}  {r[2]:<{widths[2]}}  {r[3]}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=f"{ROOT}/build/benchmarks/zhuoyue_benchmarks")
    parser.add_argument("--zy", help="the zy command (default: beside the binary's build)")
    parser.add_argument("--out", help="the JSON results (default: beside the binary)")
    parser.add_argument("--no-memory", action="store_true", help="skip the peak-memory runs")
    args, passthrough = parser.parse_known_args()
    build = os.path.dirname(os.path.dirname(os.path.abspath(args.binary)))
    out = args.out or os.path.join(os.path.dirname(os.path.abspath(args.binary)),
                                   "bench_results.json")
    status = run_benchmarks(args.binary, out, passthrough)
    if status != 0:
        print(f"bench.py: {args.binary} failed (exit {status})", file=sys.stderr)
        return status if status > 0 else 1
    memory = {} if args.no_memory else measure_memory(args.zy or f"{build}/tools/zy/zy")
    print_table(load_results(out), memory)
    return 0


if __name__ == "__main__":
    sys.exit(main())
