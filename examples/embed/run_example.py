#!/usr/bin/env python3
"""Runs an embedding example and checks what it prints.

    run_example.py --report tests/golden/failing.json -- ./evaluate examples/failing.json
        the example must exit 0 and print exactly the verdicts of that report (the format
        every example shares, built here from the report JSON);
    run_example.py --error "cannot open" -- ./evaluate missing.json
        the example must exit 1 and say so on stderr, printing nothing on stdout.
"""
import argparse
import difflib
import json
import subprocess
import sys


def expected_output(report):
    lines = [f"{report['program']}: {report['overall']}"]
    for requirement in report["requirements"]:
        lines.append(f"requirement {requirement['id']}: {requirement['verdict']} "
                     f"({requirement['level']})")
        for criterion in requirement["criteria"]:
            line = f"  criterion {criterion['id']}: {criterion['verdict']}"
            if criterion.get("witnesses"):
                line += "; witnesses: " + ", ".join(criterion["witnesses"])
            lines.append(line)
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--report", help="the report JSON whose verdicts must be printed")
    parser.add_argument("--error", help="text the example must print on stderr, failing")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    run = subprocess.run(command, capture_output=True, text=True, timeout=300)
    if args.error is not None:
        if run.returncode != 1 or args.error not in run.stderr or run.stdout:
            sys.exit(f"expected exit 1, nothing on stdout and {args.error!r} on stderr; got exit "
                     f"{run.returncode}\nstdout:\n{run.stdout}\nstderr:\n{run.stderr}")
        return
    if run.returncode != 0:
        sys.exit(f"exit {run.returncode}\nstderr:\n{run.stderr}")
    with open(args.report, encoding="utf-8") as f:
        want = expected_output(json.load(f))
    if run.stdout != want:
        diff = difflib.unified_diff(want.splitlines(True), run.stdout.splitlines(True),
                                    "expected", "printed")
        sys.exit("the example printed other verdicts:\n" + "".join(diff))


if __name__ == "__main__":
    main()
