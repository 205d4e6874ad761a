"""Packs: the built-in one, a folder of rules, rule text; parameters and their overrides."""
import decimal
import json
import os
import pathlib

import pytest

import zhuoyue

ROOT = pathlib.Path(os.environ.get("ZHUOYUE_SOURCE_DIR", pathlib.Path(__file__).parents[3]))
FAILING = ROOT / "examples" / "failing.json"

# Step 1 of docs/tutorial.md, with three parameters of each type.
TINY_PACK = """\
pack tiny version "0.1" "小规则包"

object program "专业" {
  id: string id required
  name: string
}

param require_name = true "是否要求填写名称"
param min_name_length = 2 "名称的最少字数"
param check = "full" "检查方式"

requirement 1 "专业基本信息" {
  criterion 1.1 computed "专业填写了名称" = not require_name or nonempty(program.name)
  criterion 1.2 computed "检查方式为 full" = check == "full"
}
"""


@pytest.fixture(scope="module")
def pack():
    return zhuoyue.Pack.builtin()


def verdicts(report):
    return {c.id: c.verdict.value for r in report.requirements for c in r.criteria}


def test_builtin_pack(pack):
    golden = json.loads((ROOT / "tests" / "golden" / "failing.json").read_text(encoding="utf-8"))
    assert (pack.name, pack.version) == (golden["rules"]["pack"], golden["rules"]["version"])
    assert pack.params == golden["rules"]["params"]
    assert list(pack.params)[:2] == ["research_learning_share", "min_part_time_share"]
    assert pack.params["industry_years_min"] == 5
    assert pack.params["attainment_students"] == "cohort"
    assert pack.warnings == []
    assert repr(pack) == "<zhuoyue.Pack zhuoyue 1.0.0>"


def test_max_nesting_adds_lints():
    assert zhuoyue.Pack.builtin(max_nesting=3).warnings == []
    warnings = zhuoyue.Pack.builtin(max_nesting=0).warnings
    assert warnings and {d.code for d in warnings} == {"ZY1203"}


def test_a_parameter_override_flips_a_verdict(pack):
    # Criterion 5.2: lecturers of the industry-taught courses have industry_years_min years
    # in industry; T02 has 3.
    before = pack.evaluate(FAILING)
    assert before.criterion("5.2").verdict is zhuoyue.Verdict.NOT_MET
    assert before.criterion("5.2").witnesses == ["T02"]
    after = pack.evaluate(FAILING, params={"industry_years_min": 3})
    assert after.criterion("5.2").verdict is zhuoyue.Verdict.MET
    assert after.criterion("5.2").witnesses == []
    assert after.params["industry_years_min"] == 3
    assert after.to_dict()["rules"]["params"]["industry_years_min"] == 3
    changed = {id for id, verdict in verdicts(after).items() if verdicts(before)[id] != verdict}
    assert changed == {"5.2"}
    # Every spelling of the same number is the same override.
    for value in (3.0, "3", decimal.Decimal("3.0")):
        assert pack.evaluate(FAILING, {"industry_years_min": value}).to_json() == after.to_json()
    assert zhuoyue.evaluate(pack, FAILING, {"industry_years_min": 3}).to_json() == \
        after.to_json()


CUBIC_PACK = """\
pack cubic version "1"
table courses "课程" {
  id: string id
  core: bool
}
requirement 1 "R" {
  criterion 1.1 computed "cubic" = every a in courses: every b in courses: every c in courses:
      a.core or b.core or c.core or true
}
"""


def test_max_steps_stops_a_costly_rule():
    pack = zhuoyue.Pack.compile(CUBIC_PACK)
    dossier = {"courses": [{"id": f"c{i}", "core": False} for i in range(60)]}
    with pytest.raises(zhuoyue.Error, match="stopped after 1000 steps, in criterion 1.1"):
        pack.evaluate(dossier, max_steps=1000)
    assert pack.evaluate(dossier).criterion("1.1").verdict is zhuoyue.Verdict.MET
    assert zhuoyue.evaluate(pack, dossier, max_steps=10**7).criterion("1.1").verdict is \
        zhuoyue.Verdict.MET
    for bad in (0, -1, 1.5, "10", True):
        with pytest.raises(ValueError, match="max_steps"):
            pack.evaluate(dossier, max_steps=bad)


def test_number_and_text_parameters_reach_attainment(pack):
    report = pack.evaluate(FAILING, {"attainment_threshold": 0.95,
                                     "attainment_students": "per_student"})
    settings = report.attainment.settings
    assert (settings.threshold, settings.students) == (0.95, "per_student")
    assert report.params["attainment_threshold"] == 0.95
    default = pack.evaluate(FAILING)
    assert [p.level for p in report.attainment.points] != \
        [p.level for p in default.attainment.points]


def test_compile_a_tiny_pack():
    pack = zhuoyue.Pack.compile(TINY_PACK, name="tiny.zy")
    assert (pack.name, pack.version) == ("tiny", "0.1")
    assert pack.params == {"require_name": True, "min_name_length": 2, "check": "full"}
    # Lints: an unused parameter, a criterion that does not read the dossier.
    assert sorted(d.code for d in pack.warnings) == ["ZY1201", "ZY1204"]
    assert all(d.severity == "warning" and d.file == "tiny.zy" for d in pack.warnings)

    named = pack.evaluate({"format": "zhuoyue.dossier/1",
                           "program": {"id": "P-001", "name": "机械工程"}})
    assert (named.program, named.program_name, named.pack) == ("P-001", "机械工程", "tiny")
    assert verdicts(named) == {"1.1": "met", "1.2": "met"}
    assert named.overall == "pending"  # the pack declares no overall decision

    unnamed = pack.load('{"format": "zhuoyue.dossier/1", "program": {"id": "P-001"}}')
    report = unnamed.evaluate()
    assert report.criterion("1.1").verdict is zhuoyue.Verdict.PENDING
    assert report.criterion("1.1").missing == ["program.name"]

    relaxed = pack.evaluate(unnamed, {"require_name": False, "check": "quick"})
    assert verdicts(relaxed) == {"1.1": "met", "1.2": "not_met"}
    assert relaxed.params == {"require_name": False, "min_name_length": 2, "check": "quick"}
    assert pack.evaluate(unnamed, {"require_name": "false"}).to_json() == \
        pack.evaluate(unnamed, {"require_name": False}).to_json()


def test_compile_several_files():
    header, rules = TINY_PACK.split("param require_name", 1)
    pack = zhuoyue.Pack.compile({"pack.zy": header, "rules.zy": "param require_name" + rules})
    assert pack.name == "tiny"
    assert {d.file for d in pack.warnings} == {"rules.zy"}


def test_a_pack_from_a_folder_extends_the_builtin(pack):
    provincial = zhuoyue.Pack.open(ROOT / "examples" / "provincial")
    assert provincial.name == "province"
    assert provincial.params["industry_years_min"] == 6
    report = provincial.evaluate(ROOT / "examples" / "provincial" / "dossier.json")
    assert report.pack == "province"
    assert "11" in [r.id for r in report.requirements]
    # A single file works too, resolving its imports in its folder.
    single = zhuoyue.Pack.open(str(ROOT / "tests" / "rules" / "pass_minimal.zy"))
    assert single.name == "jiangsu_pilot"


def test_dossier_keeps_its_pack_alive():
    dossier = zhuoyue.Pack.compile(TINY_PACK).load(
        {"format": "zhuoyue.dossier/1", "program": {"id": "P-001", "name": "x"}})
    assert dossier.name == "<dict>"
    assert dossier.evaluate().criterion("1.1").verdict is zhuoyue.Verdict.MET
