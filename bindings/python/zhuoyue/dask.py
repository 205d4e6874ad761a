"""Evaluate many dossiers on a Dask cluster: scale-out by program.

Programs are independent, so a batch shards by program: the dossiers are cut into partitions
of ``partition_size`` and each partition is one task. Every worker process compiles the pack
once and keeps it (a compiled Pack cannot be pickled, so the task carries how to build it:
"builtin", a path, or rule text). Needs Dask's ``distributed`` (Debian
``python3-distributed``) where the client runs and on the workers, which must import
``zhuoyue`` too; ``import zhuoyue`` alone does not import Dask.

    from distributed import Client, LocalCluster
    import zhuoyue.dask

    paths = ["examples/compliant.json", "examples/failing.json",
             "examples/incomplete.json", "examples/missing.json"]
    with LocalCluster(n_workers=2) as cluster, Client(cluster) as client:
        results = zhuoyue.dask.evaluate(client, paths, params={"industry_years_min": 3})
    results[1]["overall"]             # 'passed_not_met': the report of failing.json, a dict
    results[3]["error"]["message"]    # 'cannot open /…/examples/missing.json'
    zhuoyue.dask.summarize(results)["overall"]
    # {'passed_and_met': 1, 'passed_not_met': 1, 'not_passed': 0, 'pending': 1}

One bad dossier does not stop the run: its entry in the results is the error, as a value.
"""

import collections
import contextlib
import json
import os
import threading
import uuid

import zhuoyue

__all__ = ["evaluate", "summarize"]

# The overall verdicts in the standard's order; summarize() counts each, zeros included.
_OVERALL = ("passed_and_met", "passed_not_met", "not_passed", "pending")

_DIAGNOSTIC_FIELDS = ("code", "severity", "file", "line", "column", "pointer", "message",
                      "help", "source_line")


def evaluate(client, dossiers, pack="builtin", params=None, partition_size=32,
             as_json=False, out=None):
    """Evaluates ``dossiers`` on the workers of ``client`` and returns one entry per dossier.

    ``dossiers`` is an iterable of what ``Pack.evaluate`` takes, except a Dossier: paths
    (str or os.PathLike), JSON text (a str starting with ``{``, or bytes) or dicts. Paths are
    made absolute here and must name the same files on the workers (a shared file system);
    JSON text and dicts travel with the tasks, so prefer paths for large batches.

    ``pack`` is how each worker builds the pack: ``"builtin"``, the path of a folder or
    ``.zy`` file (``Pack.open``), or rule text (``Pack.compile``): a str containing a
    newline, or a dict of file name → text. It is also built here first, so a pack with
    errors raises RuleError (with its diagnostics) before any task is sent. ``params``
    overrides pack parameters as in ``Pack.evaluate``; an unknown parameter or a value it
    does not take raises ValueError from the first task and fails the run.

    The entries are in the order of ``dossiers``. Each is one of:

    - the report: a dict, exactly ``report.to_dict()`` (``zhuoyue.report/1``), or with
      ``as_json=True`` its text, ``report.to_json()``;
    - with ``out``, a folder: the worker writes the report there as ``<program id>.json``
      (the text of ``to_json()``, through a temporary file and a rename, so a reader never
      sees half a report) and the entry is a summary, small however large the report:
      ``{"index", "path", "program", "overall", "failing": [criterion ids], "report":
      file}`` (``as_json`` has no say). Use it when the reports would not fit in the
      client's memory; the folder must be on a file system the workers share;
    - an error, when this dossier could not be evaluated: ``{"index": position in
      dossiers, "path": the path as given (None for JSON text or a dict), "error": {"kind",
      "message", "diagnostics": [{"code", "severity", "file", "line", "column", "pointer",
      "message", "help", "source_line"}]}}``. ``kind`` is the exception's class for a
      problem of the dossier (``DossierError``, ``NotFoundError``, ``Error``); with
      ``out``, also ``UnsafeProgramId`` (the id is not a plain file name: empty, with a
      ``/``, starting with ``.``, or longer than 250 bytes) and ``DuplicateProgram``
      (several dossiers of the run share the program id; none of them gets a file, and a
      file of that name from an earlier run is removed, so the folder never holds an
      arbitrary one of them).

    A batch of thousands of programs therefore runs to its end whatever a few dossiers hold.
    Problems of the run itself raise: a pack with errors, misused parameters, an output
    folder that cannot be written.

    ``partition_size`` dossiers make one task: tens of them keep the scheduler's overhead
    per dossier small, while there are still enough tasks to keep every worker busy.

    Example::

        results = zhuoyue.dask.evaluate(client, ["a.json", "b.json", "missing.json"] * 1000,
                                        out="reports")
        results[0]["overall"]                 # 'passed_and_met', the report in reports/
        results[2]["error"]["kind"]           # 'NotFoundError'
    """
    if partition_size < 1:
        raise ValueError(f"partition_size must be at least 1, not {partition_size}")
    spec = _pack_spec(pack)
    _cached_pack(spec)
    if out is not None:
        out = os.path.abspath(out)
    work = [(index, *_source(dossier)) for index, dossier in enumerate(dossiers)]
    partitions = [work[start:start + partition_size]
                  for start in range(0, len(work), partition_size)]
    # pure=False: one task per partition even when two partitions are equal (with `out`
    # a task has side effects), and no hashing of the dossiers to name the tasks.
    futures = client.map(_evaluate_partition, partitions, pure=False, spec=spec,
                         params=dict(params or {}), as_json=as_json, out=out)
    results = [entry for part in client.gather(futures) for entry in part]
    if out is not None:
        _drop_duplicates(client, results)
    return results


def summarize(results, top=None):
    """Counts ``results`` (what ``evaluate`` returns) the way ``zy batch`` reports a batch.

    Returns ``{"programs": reports counted, "overall": {verdict: programs}, "failing":
    {criterion id: programs where it is not met}, "errors": {kind: dossiers}}``. ``overall``
    has the four verdicts in the standard's order, zeros included. ``failing`` counts the
    criteria whose verdict is ``not_met`` (pending is not failing: the data to decide is
    missing), most frequent first, ties in criterion order ("2.10" after "2.9"); ``top``
    keeps only that many. Entries may be report dicts, report JSON text, the summaries of
    ``evaluate(..., out=…)`` and errors, mixed.

    Example, the results of the module's example::

        summarize(results, top=3)
        # {'programs': 3, 'overall': {'passed_and_met': 1, 'passed_not_met': 1,
        #  'not_passed': 0, 'pending': 1}, 'failing': {'1.1': 1, '2.2': 1, '2.5': 1},
        #  'errors': {'NotFoundError': 1}}
    """
    overall = dict.fromkeys(_OVERALL, 0)
    failing = collections.Counter()
    errors = collections.Counter()
    programs = 0
    for entry in results:
        if isinstance(entry, (str, bytes)):
            entry = json.loads(entry)
        if "error" in entry:
            errors[entry["error"]["kind"]] += 1
            continue
        programs += 1
        overall[entry["overall"]] = overall.get(entry["overall"], 0) + 1
        failing.update(entry["failing"] if "failing" in entry else _failing(entry))
    ranked = sorted(failing.items(), key=lambda item: (-item[1], _criterion_order(item[0])))
    return {"programs": programs, "overall": overall, "failing": dict(ranked[:top]),
            "errors": dict(errors)}


# The worker side. Module-level, so a task pickles as a reference to this module.

_packs = {}
_packs_lock = threading.Lock()


def _cached_pack(spec):
    """The pack built from ``spec``, compiled once per process and kept.

    The lock makes a worker's threads wait for the one compiling rather than compile it too.
    """
    with _packs_lock:
        pack = _packs.get(spec)
        if pack is None:
            kind, value = spec
            if kind == "builtin":
                pack = zhuoyue.Pack.builtin()
            elif kind == "path":
                pack = zhuoyue.Pack.open(value)
            else:
                pack = zhuoyue.Pack.compile(dict(value))
            _packs[spec] = pack
    return pack


def _evaluate_partition(partition, spec, params, as_json, out):
    """One task: the entries of a partition of ``(index, path, source)``, in order."""
    pack = _cached_pack(spec)
    if out is not None:
        os.makedirs(out, exist_ok=True)
    return [_evaluate_one(pack, index, path, source, params, as_json, out)
            for index, path, source in partition]


def _evaluate_one(pack, index, path, source, params, as_json, out):
    try:
        report = pack.evaluate(source, params)
    except zhuoyue.Error as error:  # the dossier's problem: a value, so the batch goes on
        return _error(index, path, type(error).__name__, str(error), error.diagnostics)
    if out is None:
        return report.to_json() if as_json else report.to_dict()
    program = report.program
    if not _is_file_name(program):
        return _error(index, path, "UnsafeProgramId",
                      f"program id {program!r} cannot name a file in {out}")
    file = os.path.join(out, program + ".json")
    _write_atomically(file, report.to_json())
    return {"index": index, "path": path, "program": program, "overall": report.overall,
            "failing": [criterion.id for requirement in report.requirements
                        for criterion in requirement.criteria
                        if criterion.verdict == zhuoyue.Verdict.NOT_MET],
            "report": file}


def _write_atomically(file, text):
    """Writes ``file`` through a temporary file beside it and a rename (umask applies)."""
    # A random name: workers on other machines may write to the same folder at once.
    temporary = os.path.join(os.path.dirname(file), f".{uuid.uuid4().hex}.tmp")
    try:
        with open(temporary, "x", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, file)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.remove(temporary)
        raise


def _remove_files(files):
    for file in files:
        with contextlib.suppress(FileNotFoundError):
            os.remove(file)


# The client side.


def _pack_spec(pack):
    """How the workers build ``pack``: a hashable ``(kind, value)``, the key of their cache."""
    if isinstance(pack, zhuoyue.Pack):
        raise TypeError("pass how to build the pack (\"builtin\", a path or rule text), "
                        "not a compiled Pack: it cannot be sent to the workers")
    if isinstance(pack, dict):
        return ("text", tuple(pack.items()))
    if isinstance(pack, str) and "\n" in pack:
        return ("text", (("rules.zy", pack),))
    if pack == "builtin":
        return ("builtin", None)
    if isinstance(pack, (str, os.PathLike)):
        return ("path", os.path.abspath(pack))
    raise TypeError(f"a pack is \"builtin\", a path or rule text, not {type(pack).__name__}")


def _source(dossier):
    """``(path as given or None, what the task sends)`` for one dossier, as Pack.load reads it."""
    if isinstance(dossier, zhuoyue.Dossier):
        raise TypeError("pass the dossier's path, JSON text or dict, not a Dossier: "
                        "a loaded Dossier cannot be sent to the workers")
    if isinstance(dossier, (dict, bytes, bytearray)):
        return None, dossier
    if isinstance(dossier, str) and dossier.lstrip().startswith("{"):
        return None, dossier
    if isinstance(dossier, (str, os.PathLike)):
        return os.fspath(dossier), os.path.abspath(dossier)
    raise TypeError(f"a dossier is a path, JSON text or a dict, not {type(dossier).__name__}")


def _drop_duplicates(client, results):
    """Turns the summaries of programs written more than once into DuplicateProgram errors.

    Which of them wrote the file last depends on scheduling, so none keeps it.
    """
    writers = collections.defaultdict(list)
    for position, entry in enumerate(results):
        if "report" in entry:
            writers[entry["report"]].append(position)
    duplicated = {file: positions for file, positions in writers.items() if len(positions) > 1}
    if not duplicated:
        return
    # Removed by a worker: the client need not see the workers' file system.
    client.submit(_remove_files, list(duplicated), pure=False).result()
    for positions in duplicated.values():
        indices = ", ".join(str(results[position]["index"]) for position in positions)
        for position in positions:
            entry = results[position]
            results[position] = _error(
                entry["index"], entry["path"], "DuplicateProgram",
                f"dossiers {indices} all have program id {entry['program']!r}; "
                f"no report is written for it")


def _error(index, path, kind, message, diagnostics=()):
    diagnostics = [{field: getattr(d, field) for field in _DIAGNOSTIC_FIELDS}
                   for d in diagnostics]
    return {"index": index, "path": path,
            "error": {"kind": kind, "message": message, "diagnostics": diagnostics}}


def _is_file_name(program):
    return (bool(program) and "/" not in program and "\0" not in program
            and not program.startswith(".") and len(program.encode("utf-8")) <= 250)


def _failing(report):
    """The ids of a report dict's criteria that are not met, in report order."""
    return [criterion["id"] for requirement in report["requirements"]
            for criterion in requirement["criteria"] if criterion["verdict"] == "not_met"]


def _criterion_order(criterion_id):
    """A sort key putting "2.9" before "2.10"."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part)
            for part in criterion_id.split(".")]
