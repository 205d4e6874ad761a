#!/usr/bin/env python3
"""The hostile-input corpus: every case through `zy eval`, against its expectation.

Each case is a dossier that a broken export, a cut-off upload or a hostile user could hand
to zhuoyue — a file (JSON, or anything else given as a dossier) or a folder (a CSV bundle)
under cases/ — next to NAME.expected, which holds the exact exit status and the exact
stderr of

    zy eval NAME --diagnostics short --output $SCRATCH/out

run in the case's folder (so locations name the case as `NAME…`), with $SCRATCH an empty
scratch folder of its own. The big cases (100,000 nested brackets, 10⁶-element arrays,
texts over 1 MiB, a file over 1 GiB) are not committed: GENERATORS below write them into a
temporary folder at run time, and their expectations are in cases/generated/.

For every case the runner checks:
  - the exit status (a timeout, CASE_TIMEOUT seconds, or a signal is a failure);
  - stderr, byte for byte, with the scratch and temporary paths written $SCRATCH and $GEN;
  - nothing on stdout (the report goes to --output), nothing new in the case's folder;
  - on a failure (exit status not 0): that $SCRATCH/out does not exist and nothing else is
    left in $SCRATCH (no temporary file, nothing half-written);
  - on a success: that $SCRATCH/out is a non-empty report and is all that is in $SCRATCH,
    and that the case is marked `valid:` (valid by design) in its expectation.

    run_hostile.py --zy build/tools/zy/zy                 # run every case
    run_hostile.py --zy build/tools/zy/zy -k csv/ -v      # the cases whose name has csv/
    run_hostile.py --zy build/tools/zy/zy --update        # rewrite the expectations
    run_hostile.py --zy build-asan/tools/zy/zy --timeout-scale 5   # a sanitized zy

Exit status: 0 every case passed, 1 a case failed (each failure printed with a diff),
2 a usage error or a corpus problem (an input without an expectation, and so on).

Expectation files (NAME.expected) are comment lines (`# …`: what the case is and what it
checks), `exit: N`, optional lines

    args: …              more arguments for zy eval (split on spaces; paths relative to the
                         case's folder)
    valid: …             why the case is a valid dossier: only such cases may exit 0
    verdicts: ID=V …     for a valid case with `args: … --format json`: verdicts the report
                         must give (`overall=` for the overall result)
    seconds: S           a time limit tighter than CASE_TIMEOUT, for input to refuse at once
    bug: …               the case shows a known bug of zy and expects the behaviour zy
                         should have; it fails until the bug is fixed, then the line goes

then a line `stderr:` followed by the exact stderr, to the end of the file. --update keeps
the comments and the optional lines and rewrites exit and stderr from what zy does now; it
never records a timeout or a signal (fix those, do not bless them), and it leaves the cases
marked `bug:` alone.
"""

import argparse
import difflib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases")
GENERATED = os.path.join(CASES, "generated")
SUPPORT = "support"  # cases/support/: rule packs and other files cases use, not cases
CASE_TIMEOUT = 10.0  # seconds, per case
MIB = 1 << 20
GIB = 1 << 30

MINIMAL_PROGRAM = b'"format": "zhuoyue.dossier/1",\n  "program": {"id": "P1", "name": "hostile"}'


# ---------------------------------------------------------------------------------------
# Generated cases: each function writes its input into the folder `gen` and returns the
# input's name there; the case is named generated/<function name without gen_>. The first
# line of the docstring is written into a new expectation file as its description.

def _write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def _json_with(gen, name, members):
    """A dossier with a minimal program and `members` (bytes: `"key": value, …`)."""
    _write(os.path.join(gen, name), b"{\n  " + MINIMAL_PROGRAM + b",\n  " + members + b"\n}\n")
    return name


def _bundle(gen, name, files):
    """A CSV bundle: a folder with the given {file name: bytes}; program.csv unless given."""
    folder = os.path.join(gen, name)
    os.mkdir(folder)
    files = dict(files)
    files.setdefault("program.csv", b"id,name\nP1,hostile\n")
    for file, data in files.items():
        _write(os.path.join(folder, file), data)
    return name


def gen_json_deep_arrays_100000(gen):
    """100,000 `[` and nothing else: ZY2010 at the 129th level, no stack overflow."""
    _write(os.path.join(gen, "deep.json"), b"[" * 100000)
    return "deep.json"


def gen_json_deep_arrays_100000_closed(gen):
    """100,000 `[` then 100,000 `]` in a list field: ZY2010 located at the field."""
    return _json_with(gen, "deep_closed.json",
                      b'"international": {"other": ' + b"[" * 100000 + b"]" * 100000 + b"}")


def gen_json_deep_objects_100000(gen):
    """100,000 nested `{"a":` in an unknown member: ZY2010, no stack overflow."""
    return _json_with(gen, "deep_objects.json",
                      b'"extra": ' + b'{"a": ' * 100000 + b"1" + b"}" * 100000)


def gen_json_list_1e6_wrong_type(gen):
    """international.other (a list of strings) with 10⁶ numbers: 100 errors, then ZY2011."""
    return _json_with(gen, "list_1e6.json",
                      b'"international": {"other": [' + b",".join([b"2019"] * 10**6) + b"]}")


def gen_json_table_1e6_valid_rows(gen):
    """10⁶ valid rows of industry_standard: loads and evaluates (valid by design)."""
    rows = b",\n".join(b'{"id": "I%d", "text": "t"}' % i for i in range(10**6))
    return _json_with(gen, "rows_1e6.json", b'"industry_standard": [\n' + rows + b"\n]")


def gen_json_rows_1e6_wrong_type(gen):
    """10⁶ teachers whose industry_years is a string: 100 errors, then ZY2011."""
    rows = b",\n".join(b'{"id": "T%d", "industry_years": "3"}' % i for i in range(10**6))
    return _json_with(gen, "teachers_1e6.json", b'"teachers": [\n' + rows + b"\n]")


def gen_json_duplicate_key_1e5(gen):
    """One object with the key "a" 100,000 times: 100 errors, then ZY2011, in n log n."""
    return _json_with(gen, "dup_keys.json",
                      b'"extra": {' + b", ".join([b'"a": 1'] * 100000) + b"}")


def gen_json_members_1e6_unknown(gen):
    """An unknown member with 10⁶ distinct keys: kept, never an error (valid by design)."""
    return _json_with(gen, "members_1e6.json",
                      b'"extra": {' + b", ".join(b'"k%d": 1' % i for i in range(10**6)) + b"}")


def gen_json_text_over_1mib(gen):
    """program.name of 1 MiB + 1 byte: ZY2013 at /program/name."""
    _write(os.path.join(gen, "big_text.json"),
           b'{"format": "zhuoyue.dossier/1", "program": {"id": "P1", "name": "'
           + b"x" * (MIB + 1) + b'"}}\n')
    return "big_text.json"


def gen_json_text_exactly_1mib(gen):
    """program.name of exactly 1 MiB: the limit itself is allowed (valid by design)."""
    _write(os.path.join(gen, "text_1mib.json"),
           b'{"format": "zhuoyue.dossier/1", "program": {"id": "P1", "name": "'
           + b"x" * MIB + b'"}}\n')
    return "text_1mib.json"


def gen_json_text_over_1mib_escaped(gen):
    """A name of 1 MiB + 1 byte once decoded, written as \\u escapes (6× longer): ZY2013."""
    _write(os.path.join(gen, "big_escaped.json"),
           b'{"format": "zhuoyue.dossier/1", "program": {"id": "P1", "name": "'
           + b"\\u0078" * (MIB + 1) + b'"}}\n')
    return "big_escaped.json"


def gen_json_key_over_1mib(gen):
    """A course with an unknown key of 1 MiB + 1 byte: ZY2013 located at the course."""
    return _json_with(gen, "big_key.json",
                      b'"courses": [{"id": "C1", "' + b"k" * (MIB + 1) + b'": 1}]')


def gen_json_number_over_1mib(gen):
    """credits with a literal of 1 MiB + 1 digits (too large): ZY2006 not finite."""
    return _json_with(gen, "big_number.json",
                      b'"courses": [{"id": "C1", "credits": ' + b"1" * (MIB + 1) + b"}]")


def gen_json_number_finite_over_1mib(gen):
    """credits = 1.000…001, a literal of 2 MiB: ZY2006 at once, quoting only its start."""
    return _json_with(gen, "long_fraction.json",
                      b'"courses": [{"id": "C1", "credits": 1.' + b"0" * (2 * MIB) + b"1}]")


def gen_json_missing_file(gen):
    """A dossier path that does not exist: exit 1, the path named."""
    return "missing.json"


def gen_json_symlink_to_dev_zero(gen):
    """The dossier is a symlink to /dev/zero (an endless file of size 0): refused at once."""
    os.symlink("/dev/zero", os.path.join(gen, "zero.json"))
    return "zero.json"


def gen_csv_empty_folder(gen):
    """An empty folder as a bundle (git keeps no empty folder): no program, ZY2007."""
    os.mkdir(os.path.join(gen, "empty_bundle"))
    return "empty_bundle"


def gen_csv_symlink_loop(gen):
    """A bundle whose courses.csv is a symlink to itself: ZY2012 at the file, no crash."""
    name = _bundle(gen, "symlink_loop", {})
    os.symlink("courses.csv", os.path.join(gen, name, "courses.csv"))
    return name


def gen_csv_symlink_to_dev_zero(gen):
    """A bundle whose courses.csv is a symlink to /dev/zero: ZY2012, not read, not skipped."""
    name = _bundle(gen, "devzero_bundle", {})
    os.symlink("/dev/zero", os.path.join(gen, name, "courses.csv"))
    return name


def gen_csv_dangling_symlink(gen):
    """A bundle whose courses.csv is a symlink to nothing: ZY2012, not silently skipped."""
    name = _bundle(gen, "dangling_bundle", {})
    os.symlink("nowhere/courses.csv", os.path.join(gen, name, "courses.csv"))
    return name


def gen_csv_number_cell_over_1mib(gen):
    """A credits cell holding a number of 1 MiB + 1 digits: ZY2013 at the cell."""
    return _bundle(gen, "big_number_cell", {
        "courses.csv": b"id,credits\nC1,1." + b"0" * (MIB - 1) + b"\n"})


def gen_json_number_100000_digits(gen):
    """credits with a 100,000-digit integer literal: ZY2006 not finite, quickly."""
    return _json_with(gen, "long_number.json",
                      b'"courses": [{"id": "C1", "credits": ' + b"9" * 100000 + b"}]")


def gen_json_file_over_1gib(gen):
    """A (sparse) JSON file of 1 GiB + 1 byte: ZY2013, refused before it is read."""
    path = os.path.join(gen, "huge.json")
    with open(path, "wb") as f:
        f.write(b"{")
        f.truncate(GIB + 1)
    return "huge.json"


def gen_csv_cell_over_1mib(gen):
    """courses.csv with a name cell of 1 MiB + 1 byte: ZY2013 at its line and column."""
    return _bundle(gen, "big_cell", {
        "courses.csv": b"id,name,kind\nC1,short,course\nC2," + b"x" * (MIB + 1) + b",course\n"})


def gen_csv_quoted_cell_over_1mib(gen):
    """A quoted cell of 1 MiB + 1 byte, with line breaks inside: ZY2013 where it starts."""
    body = (b"line\n" * (MIB // 5 + 1))[: MIB + 1]
    return _bundle(gen, "big_quoted_cell", {
        "courses.csv": b'id,name,implementation\nC1,short,"' + body + b'"\n'})


def gen_csv_unterminated_quote_1mib(gen):
    """An opening quote, then 2 MiB with no closing quote: ZY2012 at the quote, quickly."""
    return _bundle(gen, "unterminated_big", {
        "courses.csv": b'id,name\nC1,"' + b"abc,def\n" * (MIB // 4)})


def gen_csv_rows_1e6_valid(gen):
    """industry_standard.csv with 10⁶ valid rows: loads and evaluates (valid by design)."""
    rows = b"".join(b"I%d,t\n" % i for i in range(10**6))
    return _bundle(gen, "rows_1e6", {"industry_standard.csv": b"id,text\n" + rows})


def gen_csv_rows_1e6_wrong_type(gen):
    """10⁶ teachers rows with a non-numeric industry_years: 100 errors, then ZY2011."""
    rows = b"".join(b"T%d,three\n" % i for i in range(10**6))
    return _bundle(gen, "teachers_1e6", {"teachers.csv": b"id,industry_years\n" + rows})


def gen_csv_list_cell_500000_entries(gen):
    """A list cell (teachers.international) of 500,000 unknown entries: 100 errors, ZY2011."""
    return _bundle(gen, "list_cell_5e5", {
        "teachers.csv": b"id,international\nT1," + b";".join([b"x"] * 500000) + b"\n"})


def gen_csv_list_cell_1e6_entries(gen):
    """A list cell of 10⁶ entries (2 MB): ZY2013, the cell is over 1 MiB."""
    return _bundle(gen, "list_cell_1e6", {
        "teachers.csv": b"id,international\nT1," + b";".join([b"x"] * 10**6) + b"\n"})


def gen_csv_ragged_rows_1e6(gen):
    """10⁶ ragged rows: at most 100 errors, then ZY2011, quickly."""
    rows = b"".join(b"I%d,t,extra\n" % i for i in range(10**6))
    return _bundle(gen, "ragged_1e6", {"industry_standard.csv": b"id,text\n" + rows})


def gen_csv_columns_1e5(gen):
    """A header of 100,000 unknown columns and one row: loads (valid by design)."""
    header = b"id,text," + b",".join(b"c%d" % i for i in range(100000))
    row = b"I1,t," + b",".join([b"v"] * 100000)
    return _bundle(gen, "columns_1e5", {"industry_standard.csv": header + b"\n" + row + b"\n"})


def gen_csv_bundle_over_1gib(gen):
    """A bundle whose files add up to over 1 GiB (sparse): ZY2013, refused before reading."""
    name = _bundle(gen, "huge_bundle", {})
    for file in ("courses.csv", "teachers.csv"):
        with open(os.path.join(gen, name, file), "wb") as f:
            f.write(b"id\n")
            f.truncate(GIB // 2 + 1)
    return name


GENERATORS = {f.__name__[4:]: f for f in [v for k, v in sorted(globals().items())
                                           if k.startswith("gen_") and callable(v)]}


# ---------------------------------------------------------------------------------------
# Expectations

class Expectation:
    def __init__(self, comments, exit_status, args, valid, verdicts, seconds, bug, stderr):
        self.comments = comments  # list of "# …" lines (without newline)
        self.exit = exit_status
        self.args = args  # list of str
        self.valid = valid  # str or None
        self.verdicts = verdicts  # list of (id, verdict); "overall" is the overall result
        self.seconds = seconds  # float or None: a tighter time limit than CASE_TIMEOUT
        self.bug = bug  # str or None: a known bug of zy this case shows (it fails until fixed)
        self.stderr = stderr  # bytes

    @staticmethod
    def read(path):
        with open(path, "rb") as f:
            data = f.read()
        comments, args, verdicts = [], [], []
        exit_status = valid = seconds = bug = None
        pos = 0
        while True:
            end = data.find(b"\n", pos)
            if end < 0:
                raise ValueError(f"{path}: no `stderr:` line")
            line = data[pos:end].decode("utf-8")
            pos = end + 1
            if line == "stderr:":
                break
            if line.startswith("#"):
                comments.append(line)
            elif line.startswith("exit: "):
                exit_status = int(line[6:])
            elif line.startswith("args: "):
                args = line[6:].split()
            elif line.startswith("valid: "):
                valid = line[7:]
            elif line.startswith("bug: "):
                bug = line[5:]
            elif line.startswith("seconds: "):
                seconds = float(line[9:])
            elif line.startswith("verdicts: "):
                verdicts = [tuple(v.split("=", 1)) for v in line[10:].split()]
                if any(len(v) != 2 for v in verdicts):
                    raise ValueError(f"{path}: verdicts are ID=VERDICT, got {line!r}")
            elif line.strip():
                raise ValueError(f"{path}: unexpected line {line!r}")
        if exit_status is None:
            raise ValueError(f"{path}: no `exit:` line")
        return Expectation(comments, exit_status, args, valid, verdicts, seconds, bug,
                           data[pos:])

    def write(self, path):
        lines = list(self.comments) + [f"exit: {self.exit}"]
        if self.args:
            lines.append("args: " + " ".join(self.args))
        if self.valid is not None:
            lines.append("valid: " + self.valid)
        if self.bug is not None:
            lines.append("bug: " + self.bug)
        if self.seconds is not None:
            lines.append(f"seconds: {self.seconds:g}")
        if self.verdicts:
            lines.append("verdicts: " + " ".join(f"{k}={v}" for k, v in self.verdicts))
        lines.append("stderr:")
        with open(path, "wb") as f:
            f.write(("\n".join(lines) + "\n").encode("utf-8") + self.stderr)


# ---------------------------------------------------------------------------------------
# Cases

class Case:
    def __init__(self, name, expected_path, folder=None, input_name=None, generator=None):
        self.name = name  # e.g. json/truncated_mid_string, generated/json_deep_arrays_100000
        self.expected_path = expected_path
        self.folder = folder  # where zy runs; for generated cases, set when generated
        self.input_name = input_name
        self.generator = generator


def discover(errors, create=False):
    """Every committed and generated case, sorted by name; corpus problems go to `errors`.

    Committed cases are the entries of the category folders cases/*/ (json, csv, …): each
    file or folder NAME or NAME.ext with its NAME.expected beside it. With `create`, an
    input without an expectation is a case too (--update writes its expectation)."""
    cases = []
    for category in sorted(os.listdir(CASES)):
        folder = os.path.join(CASES, category)
        if category in ("generated", SUPPORT) or not os.path.isdir(folder):
            continue
        entries = os.listdir(folder)
        inputs = [e for e in entries if not e.endswith(".expected")]
        claimed = set()
        for stem in sorted(e[: -len(".expected")] for e in entries if e.endswith(".expected")):
            matches = [i for i in inputs if i == stem or i.startswith(stem + ".")]
            if len(matches) != 1:
                errors.append(f"cases/{category}/{stem}.expected: {len(matches)} inputs named "
                              f"{stem} or {stem}.* (need exactly one)")
                continue
            claimed.add(matches[0])
            cases.append(Case(f"{category}/{stem}", os.path.join(folder, stem + ".expected"),
                              folder, matches[0]))
        for orphan in sorted(set(inputs) - claimed):
            stem = orphan if os.path.isdir(os.path.join(folder, orphan)) else \
                os.path.splitext(orphan)[0]
            if create and not os.path.exists(os.path.join(folder, stem + ".expected")):
                cases.append(Case(f"{category}/{stem}", os.path.join(folder, stem + ".expected"),
                                  folder, orphan))
            else:
                errors.append(f"cases/{category}/{orphan}: no expectation file")
    for file in sorted(os.listdir(GENERATED)) if os.path.isdir(GENERATED) else []:
        if not file.endswith(".expected") or file[: -len(".expected")] not in GENERATORS:
            errors.append(f"cases/generated/{file}: no generator of that name")
    for name, generator in GENERATORS.items():
        cases.append(Case("generated/" + name, os.path.join(GENERATED, name + ".expected"),
                          generator=generator))
    return sorted(cases, key=lambda c: c.name)


def _describe_exit(code):
    if code is None:
        return "a timeout"
    if code < 0:
        try:
            return f"killed by signal {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit {code}"


def _shorten(line, limit=300):
    """A diff line cut to `limit` characters, saying how many more there were."""
    body = line.rstrip("\n")
    if len(body) <= limit:
        return line
    return f"{body[:limit]}… ({len(body) - limit} more characters)" + line[len(body):]


def _listing(folder):
    """The paths under `folder` (not following symlinks), to tell whether zy wrote there."""
    found = set()
    for root, dirs, files in os.walk(folder):
        found.update(os.path.relpath(os.path.join(root, f), folder) for f in dirs + files)
    return found


def _text(data):
    return data.decode("utf-8", errors="backslashreplace")


def check_verdicts(report_path, verdicts):
    """The problems with the verdicts of a JSON report (zhuoyue.report/1) against `verdicts`."""
    try:
        with open(report_path, encoding="utf-8") as f:
            report = json.load(f)
    except (ValueError, OSError) as e:
        return [f"verdicts: the report is not JSON (give `args: --format json`): {e}"]
    found = {"overall": report.get("overall")}
    for requirement in report.get("requirements", []):
        found.setdefault(requirement.get("id"), requirement.get("verdict"))
        for criterion in requirement.get("criteria", []):
            found[criterion.get("id")] = criterion.get("verdict")
    return [f"verdict of {key}: expected {want}, got {found.get(key, 'nothing')}"
            for key, want in verdicts if found.get(key) != want]


def run_case(zy, case, gen_root, scratch_root, timeout_scale=1.0):
    """Runs one case. Returns (outcome dict, list of problems), the outcome for --update."""
    scratch = tempfile.mkdtemp(prefix=case.name.replace("/", "_") + ".", dir=scratch_root)
    out = os.path.join(scratch, "out")
    try:
        expectation = Expectation.read(case.expected_path) if os.path.exists(
            case.expected_path) else None
    except ValueError as e:
        return None, [str(e)]
    args = expectation.args if expectation else []
    timeout = timeout_scale * (min(CASE_TIMEOUT, expectation.seconds or CASE_TIMEOUT)
                               if expectation else CASE_TIMEOUT)
    command = [zy, "eval", case.input_name, "--diagnostics", "short", "--output", out] + args
    before = _listing(case.folder)
    start = time.monotonic()
    try:
        proc = subprocess.run(command, cwd=case.folder, stdin=subprocess.DEVNULL,
                              capture_output=True, timeout=timeout,
                              env=dict(os.environ, LC_ALL="C"))  # system messages in English
        code, stdout, stderr = proc.returncode, proc.stdout, proc.stderr
    except subprocess.TimeoutExpired as e:
        code, stdout, stderr = None, e.stdout or b"", e.stderr or b""
        problems_timeout = f"zy did not finish: timeout after {timeout:g} s"
    elapsed = time.monotonic() - start

    # Normalise the paths that vary from run to run.
    for path, token in ((scratch, b"$SCRATCH"), (os.path.realpath(scratch), b"$SCRATCH"),
                        (gen_root, b"$GEN"), (os.path.realpath(gen_root), b"$GEN")):
        stderr = stderr.replace(os.fsencode(path), token)

    problems = []
    after = _listing(case.folder)
    if after != before:
        problems.append(f"the case's folder changed (zy must not write there): "
                        f"new {sorted(after - before)}, gone {sorted(before - after)}")
    left = sorted(os.listdir(scratch))
    if code is None:
        problems.append(problems_timeout)
    elif code < 0:
        problems.append(f"zy did not finish: {_describe_exit(code)}")
    if code == 0:
        if left != ["out"]:
            problems.append(f"exit 0 but the scratch folder holds {left} instead of ['out']")
        elif os.path.getsize(out) == 0:
            problems.append("exit 0 but the report is empty")
        elif expectation and expectation.verdicts:
            problems += check_verdicts(out, expectation.verdicts)
    elif code is not None:
        if "out" in left:
            problems.append(f"{_describe_exit(code)} but the output file was written "
                            f"({os.path.getsize(out)} bytes)")
        if [f for f in left if f != "out"]:
            problems.append(f"left in the scratch folder: {[f for f in left if f != 'out']}")
    if stdout:
        problems.append("wrote to stdout (expected nothing; the report goes to --output):\n  "
                        + _text(stdout[:400]))
    if expectation is None:
        problems.append("no expectation file")
    else:
        if code != expectation.exit:
            problems.append(f"exit status: expected {expectation.exit}, got {_describe_exit(code)}")
        if code == 0 and expectation.valid is None:
            problems.append("exit 0, but the case is not marked `valid:` in its expectation")
        if stderr != expectation.stderr:
            diff = difflib.unified_diff(_text(expectation.stderr).splitlines(keepends=True),
                                        _text(stderr).splitlines(keepends=True),
                                        "expected stderr", "actual stderr", n=2)
            problems.append("stderr differs:\n" + "".join(
                _shorten(line) if line.endswith("\n")
                else _shorten(line) + "\n\\ no newline at end\n" for line in diff).rstrip("\n"))
    shutil.rmtree(scratch, ignore_errors=True)
    outcome = {"exit": code, "stderr": stderr, "elapsed": elapsed, "expectation": expectation}
    return outcome, problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--zy", required=True, help="the zy binary")
    parser.add_argument("--update", action="store_true",
                        help="rewrite the expectation files from what zy does now")
    parser.add_argument("-k", dest="filter", default="",
                        help="run only the cases whose name contains this text")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every case's time")
    parser.add_argument("--known-bugs-pass", action="store_true",
                        help="report the cases marked `bug:` that fail, but do not fail for them")
    parser.add_argument("--timeout-scale", type=float, default=1.0, metavar="F",
                        help="multiply every time limit by F (a sanitized zy is slower)")
    parser.add_argument("--keep", action="store_true",
                        help="keep the generated inputs (their folder is printed)")
    options = parser.parse_args()
    zy = os.path.abspath(options.zy)
    if not os.access(zy, os.X_OK):
        print(f"run_hostile.py: {options.zy} is not an executable", file=sys.stderr)
        return 2

    errors = []
    cases = [c for c in discover(errors, create=options.update) if options.filter in c.name]
    if errors:
        for e in errors:
            print(f"corpus: {e}", file=sys.stderr)
        if not options.update:
            return 2

    started = time.monotonic()
    failed, bugs, updated, slowest = [], [], [], []
    gen_root = tempfile.mkdtemp(prefix="zy-hostile-gen.")
    scratch_root = tempfile.mkdtemp(prefix="zy-hostile-scratch.")
    try:
        for case in cases:
            if case.generator:
                folder = os.path.join(gen_root, case.name.split("/")[-1])
                os.mkdir(folder)
                case.folder, case.input_name = folder, case.generator(folder)
            outcome, problems = run_case(zy, case, gen_root, scratch_root, options.timeout_scale)
            if case.generator and not options.keep:
                shutil.rmtree(case.folder, ignore_errors=True)
            if outcome:
                slowest.append((outcome["elapsed"], case.name))
                if options.verbose:
                    print(f"{outcome['elapsed']:7.2f} s  {case.name}")
            known_bug = outcome and outcome["expectation"] and outcome["expectation"].bug
            if options.update and outcome and outcome["exit"] is not None and \
                    outcome["exit"] >= 0 and not known_bug:
                old = outcome["expectation"]
                if old is None:
                    doc = (case.generator.__doc__ or "").strip().splitlines() if case.generator \
                        else []
                    old = Expectation(["# " + (doc[0] if doc else "(describe this case)")],
                                      None, [], None, [], None, None, b"")
                if old.exit != outcome["exit"] or old.stderr != outcome["stderr"]:
                    old.exit, old.stderr = outcome["exit"], outcome["stderr"]
                    os.makedirs(os.path.dirname(case.expected_path), exist_ok=True)
                    old.write(case.expected_path)
                    updated.append(case.name)
                problems = [p for p in problems if not p.startswith(("stderr differs",
                                                                     "exit status:",
                                                                     "no expectation"))]
            if known_bug and not problems:
                print(f"note: {case.name} passes now: remove the `bug:` line of its expectation")
            if problems:
                failed.append(case.name)
                if known_bug:
                    bugs.append(case.name)
                print(f"FAIL {case.name}" + (f"  (known bug: {known_bug})" if known_bug else ""),
                      file=sys.stderr)
                for p in problems:
                    print("  " + p.replace("\n", "\n  "), file=sys.stderr)
    finally:
        shutil.rmtree(scratch_root, ignore_errors=True)
        if options.keep:
            print(f"generated inputs kept in {gen_root}")
        else:
            shutil.rmtree(gen_root, ignore_errors=True)

    total = time.monotonic() - started
    for name in updated:
        print(f"updated {name}")
    slow = ", ".join(f"{n} {t:.1f} s" for t, n in sorted(slowest, reverse=True)[:3])
    print(f"{len(cases) - len(failed)}/{len(cases)} hostile cases passed in {total:.1f} s"
          + (f" (slowest: {slow})" if slow else ""))
    if failed:
        print("failed: " + " ".join(failed))
        if bugs:
            print(f"{len(bugs)} of them show known bugs (`bug:` in their expectation): "
                  + " ".join(bugs))
        if not (options.known_bugs_pass and len(bugs) == len(failed)):
            return 1
        print("--known-bugs-pass: every failure is a known bug")
    return 2 if errors and not options.update else 0


if __name__ == "__main__":
    sys.exit(main())
