#!/usr/bin/env python3
"""Evaluates a dossier with the built-in rules through the Python module; prints every verdict.

    PYTHONPATH=build/python python3 evaluate.py program.json

Output (the same from every embedding example):
    10698-080202: passed_not_met
    requirement 1: met (met)
      criterion 1.1: met
      criterion 5.2: not_met; witnesses: T02
"""
import sys

import zhuoyue


def main(argv):
    if len(argv) != 2:
        print(f"usage: {argv[0]} DOSSIER.json", file=sys.stderr)
        return 2
    try:
        pack = zhuoyue.Pack.builtin()
        report = pack.evaluate(zhuoyue.Dossier.from_path(pack, argv[1]))
    except zhuoyue.Error as error:
        # The message names the problem ("cannot open …"); each diagnostic is also shown
        # with its location.
        print(error, file=sys.stderr)
        for diagnostic in error.diagnostics:
            print(diagnostic.render(), file=sys.stderr, end="")
        return 1
    print(f"{report.program}: {report.overall}")
    for requirement in report.requirements:
        print(f"requirement {requirement.id}: {requirement.verdict} ({requirement.level})")
        for criterion in requirement.criteria:
            line = f"  criterion {criterion.id}: {criterion.verdict}"
            if criterion.witnesses:
                line += "; witnesses: " + ", ".join(criterion.witnesses)
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
