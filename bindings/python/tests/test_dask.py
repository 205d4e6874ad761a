"""zhuoyue.dask on a LocalCluster of two worker processes gives the single-machine batch."""
import collections
import copy
import json
import os
import pathlib
import subprocess
import sys

import pytest

import zhuoyue
import zhuoyue.dask

distributed = pytest.importorskip("distributed")

# Debian's distributed 2022.12 starts its event loop the way tornado 6.2 deprecates.
pytestmark = pytest.mark.filterwarnings("ignore:make_current is deprecated:DeprecationWarning")

ROOT = pathlib.Path(os.environ.get("ZHUOYUE_SOURCE_DIR", pathlib.Path(__file__).parents[3]))
EXAMPLES = ROOT / "examples"
NAMES = ("compliant", "failing", "incomplete")
BROKEN = '{"format": "zhuoyue.dossier/1", "program": 3}'
MISSING = EXAMPLES / "missing.json"

# The rules of docs/python.md: one criterion, met when the program has a name.
RULES = '''pack my_rules version "0.1" "省级卓越计划检查"

object program "专业" {
  id: string id required
  name: string
}

requirement 1 "专业基本信息" {
  criterion 1.1 computed "专业填写了名称" = nonempty(program.name)
}
'''


@pytest.fixture(scope="module")
def client():
    # Spawned worker processes inherit the environment, PYTHONPATH included, so they import
    # the zhuoyue under test. Port 0: concurrent runs do not fight over the dashboard's 8787.
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as cluster:
        with distributed.Client(cluster) as client:
            client.wait_for_workers(2)
            yield client


def example(name):
    return json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))


def with_industry_years(data, teacher, years):
    """A copy of the dossier ``data`` where ``teacher`` has ``years`` in industry."""
    data = copy.deepcopy(data)
    for row in data["teachers"]:
        if row["id"] == teacher:
            row["industry_years"] = years
    return data


def with_program_id(data, program):
    data = copy.deepcopy(data)
    data["program"]["id"] = program
    return data


def dossiers():
    """30 dossiers: the examples in every form, variants, a broken one and a missing one."""
    work = []
    for name in NAMES:
        path = EXAMPLES / f"{name}.json"
        work += [path, str(path), path.read_text(encoding="utf-8"), example(name)]
    work = work * 2
    # T02 lectures an industry-taught course: 6 years meet 5.2 in failing.json, 3 fail it in
    # compliant.json.
    work += [with_industry_years(example("failing"), "T02", 6),
             with_industry_years(example("compliant"), "T02", 3)] * 2
    work.insert(7, BROKEN)
    work.insert(19, MISSING)
    return work


def single_machine(work, params=None, pack=None):
    """The batch evaluated in this process one by one: report dicts, or the exception."""
    pack = pack or zhuoyue.Pack.builtin()
    results = []
    for source in work:
        try:
            results.append(pack.evaluate(source, params).to_dict())
        except zhuoyue.Error as error:
            results.append(error)
    return results


def path_of(source):
    """The path an error entry names: the path as given, None for JSON text or a dict."""
    if isinstance(source, dict) or str(source).lstrip().startswith("{"):
        return None
    return os.fspath(source)


def check_equal(results, expected, work):
    assert len(results) == len(expected) == len(work)
    for index, (got, want) in enumerate(zip(results, expected)):
        if isinstance(want, Exception):
            assert got["index"] == index and got["path"] == path_of(work[index])
            assert got["error"]["kind"] == type(want).__name__
            assert got["error"]["message"] == str(want)
            assert ([d["code"] for d in got["error"]["diagnostics"]]
                    == [d.code for d in want.diagnostics])
        else:
            assert got == want, f"dossier {index}"


def expected_summary(reports):
    """summarize()'s counts, computed here from the report dicts and errors."""
    overall = collections.Counter()
    failing = collections.Counter()
    errors = collections.Counter()
    for report in reports:
        if isinstance(report, Exception):
            errors[type(report).__name__] += 1
            continue
        overall[report["overall"]] += 1
        for requirement in report["requirements"]:
            failing.update(c["id"] for c in requirement["criteria"] if c["verdict"] == "not_met")
    return overall, failing, errors


def test_results_equal_the_single_machine_batch(client):
    work = dossiers()
    with distributed.get_task_stream(client) as stream:
        results = zhuoyue.dask.evaluate(client, work, partition_size=4)
    expected = single_machine(work)
    check_equal(results, expected, work)
    assert results[7]["error"]["kind"] == "DossierError"
    assert results[7]["error"]["diagnostics"][0]["pointer"] == "/program"
    assert results[19]["error"]["kind"] == "NotFoundError"
    assert results[19]["path"] == str(MISSING)
    # The variants flipped 5.2 both ways.
    assert results[-4]["overall"] == results[-2]["overall"] == "passed_not_met"
    assert results[-1]["overall"] == "passed_not_met"
    verdicts = {c["id"]: c["verdict"] for r in results[-4]["requirements"] for c in r["criteria"]}
    assert verdicts["5.2"] == "met"
    verdicts = {c["id"]: c["verdict"] for r in results[-3]["requirements"] for c in r["criteria"]}
    assert verdicts["5.2"] == "not_met"
    # 8 partitions of 4 spread over both workers.
    tasks = [task for task in stream.data if "_evaluate_partition" in task["key"]]
    assert len(tasks) == 8
    assert len({task["worker"] for task in tasks}) == 2


def test_json_text_form(client):
    work = dossiers()
    results = zhuoyue.dask.evaluate(client, work, partition_size=5, as_json=True)
    pack = zhuoyue.Pack.builtin()
    for source, got in zip(work, results):
        if isinstance(got, str):
            assert got == pack.evaluate(source).to_json()
        else:
            assert got["error"]["kind"] in ("DossierError", "NotFoundError")
    assert sum(isinstance(got, dict) for got in results) == 2


def test_summary_counts(client):
    work = dossiers()
    results = zhuoyue.dask.evaluate(client, work, partition_size=7)
    overall, failing, errors = expected_summary(single_machine(work))
    summary = zhuoyue.dask.summarize(results)
    assert summary["programs"] == sum(overall.values()) == len(work) - 2
    assert summary["overall"] == {verdict: overall[verdict] for verdict in
                                  ("passed_and_met", "passed_not_met", "not_passed", "pending")}
    assert summary["failing"] == dict(failing)
    assert summary["errors"] == dict(errors) == {"DossierError": 1, "NotFoundError": 1}
    # Most frequent first, ties in criterion order.
    counts = list(summary["failing"].values())
    assert counts == sorted(counts, reverse=True)
    assert summary["failing"]["5.2"] == max(counts)
    assert list(zhuoyue.dask.summarize(results, top=3)["failing"]) == list(summary["failing"])[:3]
    as_json = zhuoyue.dask.evaluate(client, work, partition_size=7, as_json=True)
    assert zhuoyue.dask.summarize(as_json) == summary


def test_params_apply_on_the_workers(client):
    work = dossiers()
    params = {"industry_years_min": 3, "attainment_items": "mean"}
    results = zhuoyue.dask.evaluate(client, work, params=params, partition_size=4)
    check_equal(results, single_machine(work, params), work)
    failing = results[1]
    assert failing["rules"]["params"]["industry_years_min"] == 3
    verdicts = {c["id"]: c["verdict"] for r in failing["requirements"] for c in r["criteria"]}
    assert verdicts["5.2"] == "met"


def test_misused_parameters_fail_the_run(client):
    with pytest.raises(ValueError, match="did you mean `industry_years_min`"):
        zhuoyue.dask.evaluate(client, dossiers(), params={"industry_years": 3})


def test_packs_from_a_folder_and_from_text(client):
    folder = EXAMPLES / "provincial"
    work = [folder / "dossier.json", EXAMPLES / "failing.json"] * 3
    results = zhuoyue.dask.evaluate(client, work, pack=folder, partition_size=2)
    check_equal(results, single_machine(work, pack=zhuoyue.Pack.open(folder)), work)

    work = [{"format": "zhuoyue.dossier/1", "program": {"id": f"P-{n}", "name": "机械"}}
            for n in range(4)]
    work.append({"format": "zhuoyue.dossier/1", "program": {"id": "P-4"}})
    for pack in (RULES, {"my_rules.zy": RULES}):
        results = zhuoyue.dask.evaluate(client, work, pack=pack, partition_size=2)
        check_equal(results, single_machine(work, pack=zhuoyue.Pack.compile(RULES)), work)
        verdicts = [r["requirements"][0]["criteria"][0]["verdict"] for r in results]
        assert verdicts == ["met"] * 4 + ["pending"]


def test_each_worker_compiles_a_pack_once(client):
    zhuoyue.dask.evaluate(client, dossiers(), partition_size=3)
    before = client.run(lambda: {spec: id(p) for spec, p in zhuoyue.dask._packs.items()})
    zhuoyue.dask.evaluate(client, dossiers(), partition_size=3)
    after = client.run(lambda: {spec: id(p) for spec, p in zhuoyue.dask._packs.items()})
    assert after == before
    assert all(("builtin", None) in packs for packs in after.values())


def test_a_pack_with_errors_fails_before_any_task(client):
    with pytest.raises(zhuoyue.RuleError) as raised:
        zhuoyue.dask.evaluate(client, dossiers(), pack=RULES.replace("nonempty", "nonempty(("))
    assert raised.value.diagnostics
    with pytest.raises(TypeError, match="not a compiled Pack"):
        zhuoyue.dask.evaluate(client, dossiers(), pack=zhuoyue.Pack.builtin())
    with pytest.raises(TypeError, match="not a Dossier"):
        zhuoyue.dask.evaluate(client, [zhuoyue.Pack.builtin().load(EXAMPLES / "failing.json")])


def test_reports_written_to_a_folder(client, tmp_path):
    out = tmp_path / "reports"
    variants = [with_program_id(example(NAMES[n % 3]), f"P-{n:02}") for n in range(10)]
    work = variants + [with_program_id(example("failing"), "P-dup"), BROKEN,
                       with_program_id(example("compliant"), "P-dup"),
                       with_program_id(example("compliant"), "../escape"), MISSING]
    out.mkdir()
    (out / "P-dup.json").write_text("from an earlier run", encoding="utf-8")
    results = zhuoyue.dask.evaluate(client, work, partition_size=3, out=out)
    pack = zhuoyue.Pack.builtin()
    for index, (source, entry) in enumerate(zip(variants, results)):
        report = pack.evaluate(source)
        file = out / f"P-{index:02}.json"
        assert file.read_text(encoding="utf-8") == report.to_json()
        assert entry == {"index": index, "path": None, "program": f"P-{index:02}",
                         "overall": report.overall, "report": str(file),
                         "failing": [c.id for r in report.requirements for c in r.criteria
                                     if c.verdict == zhuoyue.Verdict.NOT_MET]}
    kinds = [entry["error"]["kind"] for entry in results[10:]]
    assert kinds == ["DuplicateProgram", "DossierError", "DuplicateProgram", "UnsafeProgramId",
                     "NotFoundError"]
    assert "dossiers 10, 12 all have program id 'P-dup'" in results[10]["error"]["message"]
    # Nothing for the duplicates, nothing outside the folder, no temporary file left over.
    assert sorted(p.name for p in out.iterdir()) == [f"P-{n:02}.json" for n in range(10)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reports"]
    # The summaries count as the reports do.
    summary = zhuoyue.dask.summarize(results)
    assert summary == zhuoyue.dask.summarize(
        [pack.evaluate(source).to_dict() for source in variants] + results[10:])
    assert summary["errors"] == {"DuplicateProgram": 2, "DossierError": 1,
                                 "UnsafeProgramId": 1, "NotFoundError": 1}


def test_importing_zhuoyue_does_not_import_dask():
    code = ("import sys, zhuoyue; "
            "assert not {'dask', 'distributed'} & set(sys.modules), sorted(sys.modules)")
    subprocess.run([sys.executable, "-c", code], check=True)
