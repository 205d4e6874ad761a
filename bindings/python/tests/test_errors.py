"""Problems in rules and dossiers raise exceptions that carry their located diagnostics."""
import json
import os
import pathlib

import pytest

import zhuoyue

ROOT = pathlib.Path(os.environ.get("ZHUOYUE_SOURCE_DIR", pathlib.Path(__file__).parents[3]))
RULES = ROOT / "tests" / "rules"
FAILING_RULES = sorted(path.stem for path in RULES.glob("fail_*.zy"))


@pytest.fixture(scope="module")
def pack():
    return zhuoyue.Pack.builtin()


def test_the_corpus_is_there():
    assert len(FAILING_RULES) >= 45


@pytest.mark.parametrize("stem", FAILING_RULES)
def test_broken_rules_get_the_diagnostics_of_the_corpus(stem):
    # tests/rules/<stem>.err holds every diagnostic's Render(), compiled under this name.
    name = f"tests/rules/{stem}.zy"
    text = (RULES / f"{stem}.zy").read_text(encoding="utf-8")
    expected = (RULES / f"{stem}.err").read_text(encoding="utf-8")
    try:
        pack = zhuoyue.Pack.compile(text, name=name)
    except zhuoyue.RuleError as error:
        diagnostics = error.diagnostics
        assert any(d.severity == "error" for d in diagnostics)
        assert error.render() == expected
    else:  # a lint: the pack compiles, with warnings
        diagnostics = pack.warnings
        assert all(d.severity == "warning" for d in diagnostics)
    assert "".join(d.render() for d in diagnostics) == expected
    for diagnostic in diagnostics:
        assert diagnostic.code.startswith("ZY1")
        assert diagnostic.file == name
        assert diagnostic.line >= 1 and diagnostic.column >= 1
        assert diagnostic.pointer is None
        assert str(diagnostic).startswith(
            f"{name}:{diagnostic.line}:{diagnostic.column}: {diagnostic.severity}: ")
        assert f"[{diagnostic.code}]" in str(diagnostic)


def test_rule_error_in_detail():
    with pytest.raises(zhuoyue.RuleError) as raised:
        zhuoyue.Pack.compile((RULES / "fail_cycle_self.zy").read_text(encoding="utf-8"),
                             name="cycle.zy")
    error = raised.value
    assert isinstance(error, zhuoyue.Error)
    assert "the rules could not be compiled" in str(error)
    [diagnostic] = error.diagnostics
    assert (diagnostic.code, diagnostic.severity) == ("ZY1112", "error")
    assert (diagnostic.file, diagnostic.line, diagnostic.column) == ("cycle.zy", 10, 3)
    assert "cycle" in diagnostic.message
    assert diagnostic.help == "a criterion cannot depend, through met(), on its own verdict"
    assert diagnostic.source_line.lstrip().startswith("criterion 7.1")
    assert str(diagnostic) == \
        "cycle.zy:10:3: error: verdicts depend on each other in a cycle: criterion 7.1 → " \
        "criterion 7.1 [ZY1112]\n  help: a criterion cannot depend, through met(), on its own " \
        "verdict"


def test_broken_dossier_raises_with_the_json_pointer(pack, tmp_path):
    dossier = json.loads((ROOT / "examples" / "failing.json").read_text(encoding="utf-8"))
    dossier["courses"][3]["kind"] = "seminar"
    with pytest.raises(zhuoyue.DossierError) as raised:
        pack.load(dossier, name="broken.json")
    [diagnostic] = raised.value.diagnostics
    assert diagnostic.code == "ZY2003"
    assert diagnostic.file == "broken.json"
    assert diagnostic.pointer == "/courses/3/kind"
    assert diagnostic.line is None and diagnostic.column is None
    assert str(diagnostic).startswith("broken.json#/courses/3/kind: error: ")
    assert "seminar" in diagnostic.message

    path = tmp_path / "broken.json"
    path.write_text(json.dumps(dossier, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(zhuoyue.DossierError) as raised:
        pack.evaluate(path)
    assert [(d.file, d.pointer) for d in raised.value.diagnostics] == \
        [(str(path), "/courses/3/kind")]


def test_every_problem_of_a_dossier_is_listed(pack):
    dossier = {"format": "zhuoyue.dossier/1", "program": {"id": "P"},
               "courses": [{"id": "C1", "kind": "seminar"}, {"id": "C1", "credits": "two"}]}
    with pytest.raises(zhuoyue.DossierError) as raised:
        pack.load(dossier)
    pointers = [d.pointer for d in raised.value.diagnostics]
    assert "/courses/0/kind" in pointers and len(pointers) >= 2
    assert all(d.file == "<dict>" for d in raised.value.diagnostics)


def test_malformed_json_is_located_by_line_and_column(pack):
    with pytest.raises(zhuoyue.DossierError) as raised:
        pack.load('{"format": "zhuoyue.dossier/1",\n  "program": {', name="cut.json")
    [diagnostic] = raised.value.diagnostics
    assert diagnostic.code == "ZY2001"
    assert (diagnostic.file, diagnostic.line) == ("cut.json", 2)
    assert diagnostic.column >= 1


def test_missing_files_raise_file_not_found(pack, tmp_path):
    missing = tmp_path / "missing.json"
    with pytest.raises(FileNotFoundError) as raised:
        pack.evaluate(missing)
    error = raised.value
    assert isinstance(error, zhuoyue.Error)
    assert str(error) == f"cannot open {missing}"
    assert error.filename == str(missing)
    with pytest.raises(FileNotFoundError, match="cannot open"):
        zhuoyue.Dossier.from_path(pack, str(missing))
    with pytest.raises(FileNotFoundError):
        zhuoyue.Pack.open(tmp_path / "no-such-pack")
    with pytest.raises(FileNotFoundError, match="no .zy files"):
        zhuoyue.Pack.open(tmp_path)


def test_misuse_raises_value_error(pack):
    failing = pack.load(ROOT / "examples" / "failing.json")
    with pytest.raises(ValueError, match="unknown parameter `industry_year_min`; did you mean"):
        pack.evaluate(failing, {"industry_year_min": 3})
    with pytest.raises(ValueError, match="takes a number"):
        pack.evaluate(failing, {"industry_years_min": "many"})
    with pytest.raises(ValueError):
        pack.evaluate(failing, {"attainment_students": "everyone"})
    with pytest.raises(ValueError, match="another pack"):
        zhuoyue.Pack.builtin().evaluate(failing)
    with pytest.raises(TypeError):
        pack.evaluate(failing, {"industry_years_min": None})
    with pytest.raises(TypeError):
        pack.load(42)
    report = pack.evaluate(failing)
    with pytest.raises(ValueError, match="lang"):
        report.to_text(lang="fr")
    with pytest.raises(ValueError, match="not a report"):
        zhuoyue.Report.from_json('{"format": "zhuoyue.dossier/1"}')


def test_an_unwritable_workbook_raises_os_error(pack, tmp_path):
    report = pack.evaluate(ROOT / "examples" / "compliant.json")
    with pytest.raises(OSError, match="cannot write"):
        report.write_xlsx(tmp_path / "no-such-folder" / "report.xlsx")
