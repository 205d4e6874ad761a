"""One pack shared by many threads: the same reports as one after the other, in parallel."""
import concurrent.futures
import gc
import json
import os
import pathlib
import threading
import time

import pytest

import zhuoyue

ROOT = pathlib.Path(os.environ.get("ZHUOYUE_SOURCE_DIR", pathlib.Path(__file__).parents[3]))


def jobs():
    """Dossiers in every form, with and without parameter overrides."""
    work = []
    for name in ("compliant", "failing", "incomplete"):
        path = ROOT / "examples" / f"{name}.json"
        text = path.read_text(encoding="utf-8")
        for source in (path, text, json.loads(text)):
            work.append((source, None))
            work.append((source, {"industry_years_min": 3, "attainment_items": "mean"}))
    return work * 4


def test_parallel_evaluations_equal_sequential_ones():
    pack = zhuoyue.Pack.builtin()
    work = jobs()
    sequential = [pack.evaluate(source, params).to_json() for source, params in work]

    def evaluate(job):
        source, params = job
        report = pack.evaluate(source, params)
        return report.to_json(), report.to_text(lang="en")

    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        parallel = list(pool.map(evaluate, work))
    assert [json_text for json_text, _ in parallel] == sequential
    assert all(text.startswith("10698-") for _, text in parallel)


def test_dossiers_loaded_once_are_shared_across_threads():
    pack = zhuoyue.Pack.builtin()
    dossiers = [pack.load(ROOT / "examples" / f"{name}.json")
                for name in ("compliant", "failing", "incomplete")]
    expected = [d.evaluate().to_dict() for d in dossiers]
    with concurrent.futures.ThreadPoolExecutor(max_workers=6) as pool:
        futures = [pool.submit(lambda d=d: d.evaluate().to_dict()) for d in dossiers * 10]
        results = [future.result() for future in futures]
    assert results == expected * 10


def longest_pause(call):
    """The longest time this thread could not run Python while another thread made `call`."""
    done = threading.Event()

    def run():
        call()
        done.set()

    worker = threading.Thread(target=run)
    last = time.perf_counter()
    longest = 0.0
    worker.start()
    while not done.is_set():
        now = time.perf_counter()
        longest = max(longest, now - last)
        last = now
    worker.join()
    return longest


def test_loading_and_evaluating_release_the_gil():
    # A dossier large enough that loading and evaluating it take a while: a call holding the
    # GIL would stop this thread for as long; without it, this thread only waits its turn.
    dossier = json.loads((ROOT / "examples" / "failing.json").read_text(encoding="utf-8"))
    dossier["students"] = [{"id": f"S{i:06d}", "cohort": 2015, "plan_member": True,
                            "enterprise_weeks": 30 + i % 8, "exchange": i % 2 == 0}
                           for i in range(100000)]
    dossier["scores"] = []
    text = json.dumps(dossier)
    del dossier
    pack = zhuoyue.Pack.builtin()
    gc.disable()  # a collection, which holds the GIL, would pause this thread too
    try:
        for call in (lambda: pack.load(text), pack.load(text).evaluate):
            start = time.perf_counter()
            call()
            duration = time.perf_counter() - start
            if duration < 0.05:
                pytest.skip("too fast to tell a held GIL from scheduling")
            assert longest_pause(call) < duration / 2
    finally:
        gc.enable()
