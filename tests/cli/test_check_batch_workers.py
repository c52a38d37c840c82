"""check-batch on two processes: the parent plan is read once, by the main process, while a
scout forked first parses plans from the end of the list; the worker, forked once the models are
loaded, reads its first plan while the main process cuts up the parent; it receives the parent,
and the two share the plans, using what the scout parsed; the results are those of one process."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from vbparse.plancheck import many, report, similarity, vectors

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
PLANS = CORPUS / "plans"
PARENT = PLANS / "parent-253-kh-gddt.txt"


def _count_parses(monkeypatch, log: Path) -> None:  # type: ignore[no-untyped-def]
    """Every parse of the batch logged with its process and the time (the scout's included)."""
    from vbparse import pipeline

    real_parse = pipeline.parse

    def counted(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        _log_pid(log, str(path))
        return real_parse(path, *args, **kwargs)

    monkeypatch.setattr(pipeline, "parse", counted)


@pytest.mark.skipif(sys.platform == "win32", reason="workers are forked")
def test_parent_read_once_and_plans_shared_by_two_processes(tmp_path, monkeypatch):
    """-j2 is two processes, each checking plans: the main process (which reads the parent, once
    for both) and one forked worker, beside the scout that parses plans ahead. Every file is
    parsed once in the batch."""
    parses, checks = tmp_path / "parses", tmp_path / "checks"
    _count_parses(monkeypatch, parses)
    real_check = many._check_one

    def check(path, ahead=None):  # type: ignore[no-untyped-def]
        _log_pid(checks, path)
        return real_check(path, ahead)

    monkeypatch.setattr(many, "_check_one", check)
    monkeypatch.setattr(many, "_WORKER_PARENT", None)
    children = sorted(str(p) for p in PLANS.glob("child-*.txt"))
    assert len(children) > 4  # enough for the batch to run in parallel
    two, _ = many.check_many(str(PARENT), children, jobs=2)
    seen = [line.split("\t")[::2] for line in parses.read_text(encoding="utf-8").splitlines()]
    assert sorted(path for _pid, path in seen) == sorted([str(PARENT), *children])
    main = str(os.getpid())
    assert [main, str(PARENT)] in seen
    checked = [line.split("\t")[::2] for line in checks.read_text(encoding="utf-8").splitlines()]
    assert sorted(path for _pid, path in checked) == children
    assert {pid for pid, _path in checked} == {main, next(p for p, _ in checked if p != main)}
    one, _ = many.check_many(str(PARENT), children, jobs=1)
    assert two == one
    assert all(result is not None for _path, result, _error in two)


@pytest.mark.skipif(sys.platform == "win32", reason="workers are forked")
def test_scout_parses_plans_while_the_models_load(tmp_path, monkeypatch):
    """The start of a batch is serial (the segmenter, the vectors, the parent): a scout forked
    before it parses plans meanwhile, from the end of the list, on the core the main process
    leaves idle; the processes that check plans take the scout's parses instead of parsing
    again, and it neither loads the models nor checks a plan."""
    if threading.active_count() > 1 and not os.environ.get("VBPARSE_TEST_FRESH_PROCESS"):
        # No scout is forked beside running threads (earlier tests leave Dask's): the case runs
        # in a process of its own, as `vbparse check-batch` always starts.
        node = f"{__file__}::test_scout_parses_plans_while_the_models_load"
        env = {**os.environ, "VBPARSE_TEST_FRESH_PROCESS": "1"}
        args = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", node]
        done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stdout[-3000:]
        return
    parses, loads = tmp_path / "parses", tmp_path / "loads"
    _count_parses(monkeypatch, parses)
    real_segmenter = similarity.word_segmenter

    def slow_segmenter():  # type: ignore[no-untyped-def]
        time.sleep(1.5)  # a loaded machine: the plans are parsed before the model is
        _log_pid(loads, "segmenter")
        return real_segmenter()

    monkeypatch.setattr(similarity, "word_segmenter", slow_segmenter)
    monkeypatch.setattr(similarity, "_SEGMENTER", similarity._CRFSegmenter())
    children = sorted(str(p) for p in PLANS.glob("child-*.txt"))
    two, _ = many.check_many(str(PARENT), children, jobs=2)
    loaded = float(loads.read_text(encoding="utf-8").split("\t")[3])
    seen = [line.split("\t") for line in parses.read_text(encoding="utf-8").splitlines()]
    main = str(os.getpid())
    early = [(pid, path) for pid, _th, path, t in seen if path != str(PARENT) and float(t) < loaded]
    assert len(early) >= 3 and all(pid != main for pid, _path in early)
    assert [path for _pid, path in early] == sorted((p for _pid, p in early), reverse=True)
    assert early[0][1] == children[-1]  # from the end of the list
    assert sorted(path for _pid, _th, path, _t in seen) == sorted([str(PARENT), *children])
    one, _ = many.check_many(str(PARENT), children, jobs=1)
    assert two == one


@pytest.mark.skipif(sys.platform == "win32", reason="workers are forked")
def test_a_plan_the_scout_cannot_parse_is_reported_as_without_it(tmp_path, run_cli):
    """A file the scout cannot read is left to the process that checks it, which reports why,
    as one process alone would: the reports of -j1 and -j2 are the same."""
    for child in sorted(PLANS.glob("child-*.txt"))[:6]:
        (tmp_path / child.name).write_bytes(child.read_bytes())
    (tmp_path / "zz-broken.docx").write_bytes(b"PK\x03\x04 not a Word file")
    reports = []
    for jobs in ("1", "2"):
        out = tmp_path / f"r{jobs}.json"
        code, _out, err = run_cli("check-batch", tmp_path, "-p", PARENT, "-o", out, "-j", jobs,
                                  "-q", "--lang", "en")  # fmt: skip
        assert code == 1 and "zz-broken.docx" in err
        reports.append(out.read_bytes())
    assert reports[0] == reports[1]


@pytest.mark.skipif(sys.platform == "win32", reason="workers are forked")
def test_a_worker_that_dies_loses_only_its_plan(monkeypatch):
    """A worker killed while checking a plan (a reader crashing in C, the kernel out of memory)
    neither stops nor hangs the batch: that plan is reported as not checked, every other plan
    is checked by the processes left."""
    main = os.getpid()
    real_check = many._check_one
    children = sorted(str(p) for p in PLANS.glob("child-*.txt"))

    def check(path, ahead=None):  # type: ignore[no-untyped-def]
        if os.getpid() != main:
            os._exit(9)  # the worker's first plan kills it
        return real_check(path, ahead)

    monkeypatch.setattr(many, "_check_one", check)
    results, _parent = many.check_many(str(PARENT), children, jobs=2, lang="en")
    assert [path for path, _result, _error in results] == children
    lost = [(path, error) for path, result, error in results if result is None]
    assert len(lost) == 1
    assert lost[0][1] == "the process checking this file stopped unexpectedly"


@pytest.mark.skipif(sys.platform == "win32", reason="workers are forked")
@pytest.mark.parametrize(
    "folder, parent",
    [
        ("plans", "parent-253-kh-gddt.txt"),
        ("checkblind", "parent-a-chuyen-doi-so.txt"),
        ("checkblind", "parent-b-phong-chong-duoi-nuoc.txt"),
    ],
)
def test_check_batch_report_same_on_one_and_two_workers(
    run_cli, tmp_path, monkeypatch, folder, parent
):
    """The district report is the same, byte for byte, whether one process checks the plans or
    two workers share them (with the segmentation cache off, so that they share it the batch's
    own way). The folders hold plans of other districts too, and a table in Markdown."""
    monkeypatch.setenv("VBPARSE_NO_CACHE", "1")
    reports = []
    for jobs in ("1", "2"):
        out = tmp_path / f"district-j{jobs}.json"
        code = run_cli("check-batch", CORPUS / folder, "-p", CORPUS / folder / parent, "-o", out,
                       "-j", jobs, "-q")[0]  # fmt: skip
        assert code in (0, 1)  # 1: a plan of the other district is not a plan of this one
        reports.append(out.read_bytes())
    assert reports[0] == reports[1]
    assert b'"covered"' in reports[0]


def _log_pid(log: Path, what: str) -> None:
    with log.open("a", encoding="utf-8") as f:
        f.write(f"{os.getpid()}\t{threading.current_thread().name}\t{what}\t{time.monotonic()}\n")


@pytest.mark.skipif(sys.platform == "win32", reason="workers are forked")
def test_worker_reads_plans_while_the_parent_items_are_segmented(tmp_path, monkeypatch):
    """The worker starts once the parent is parsed, before its items are cut and segmented (most
    of the parent's cost): it reads its first plan meanwhile instead of waiting for the main
    process, which reads plans of its own once the parent is ready (here its items are slow)."""
    log = tmp_path / "events"
    real_parse, real_items = report.parse_plan, report.parent_items
    real_child = report.ChildPlan.from_parsed.__func__  # type: ignore[attr-defined]

    def parse(path):  # type: ignore[no-untyped-def]
        if path == str(PARENT):
            _log_pid(log, "parent parsed")
        return real_parse(path)

    def child(cls, *args):  # type: ignore[no-untyped-def]
        _log_pid(log, "plan read")  # parsed here or by the scout, cut into passages here
        return real_child(cls, *args)

    def items(doc):  # type: ignore[no-untyped-def]
        time.sleep(1.0)
        _log_pid(log, "parent items")
        return real_items(doc)

    monkeypatch.setattr(report, "parse_plan", parse)
    monkeypatch.setattr(report.ChildPlan, "from_parsed", classmethod(child))
    monkeypatch.setattr(report, "parent_items", items)
    children = sorted(str(p) for p in PLANS.glob("child-*.txt"))
    results, _parent = many.check_many(str(PARENT), children, jobs=2)
    assert all(result is not None for _path, result, _error in results)
    events = [line.split("\t") for line in log.read_text(encoding="utf-8").splitlines()]
    main = str(os.getpid())
    ours = [what for pid, _th, what, _t in events if pid == main]
    assert ours[:2] == ["parent parsed", "parent items"] and "plan read" in ours[2:]
    done = next(float(t) for _pid, _th, what, t in events if what == "parent items")
    early = {pid for pid, _th, what, t in events if what == "plan read" and float(t) < done}
    assert len(early) == 1 and main not in early  # the worker, on a plan of its own


@pytest.mark.skipif(sys.platform == "win32", reason="workers are forked")
def test_segmenter_loaded_once_before_the_workers_fork_vectors_after(tmp_path, monkeypatch):
    """The segmenter is loaded once, by the main process, and inherited: the worker does not
    load it again, let alone once per plan. The word vectors (numpy's import, most of their
    cost) load after the fork, in each process, while the main process cuts up the parent and
    the worker reads its first plan: before it, they only lengthened the serial start."""
    log = tmp_path / "loads"
    real_segmenter = similarity.word_segmenter

    def segmenter():  # type: ignore[no-untyped-def]
        _log_pid(log, "segmenter")
        return real_segmenter()

    import numpy as np

    real_np_load = np.load

    def np_load(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(file) == vectors.MODEL:
            _log_pid(log, "vectors")
        return real_np_load(file, *args, **kwargs)

    monkeypatch.setattr(similarity, "word_segmenter", segmenter)
    monkeypatch.setattr(similarity, "_SEGMENTER", similarity._CRFSegmenter())
    monkeypatch.setattr(np, "load", np_load)
    vectors.load.cache_clear()
    children = sorted(str(p) for p in PLANS.glob("child-*.txt"))
    try:
        results, _parent = many.check_many(str(PARENT), children, jobs=2)
    finally:
        vectors.load.cache_clear()
    assert all(result is not None for _path, result, _error in results)
    loads = [line.split("\t")[:3] for line in log.read_text(encoding="utf-8").splitlines()]
    main = str(os.getpid())
    assert sorted(what for _pid, _thread, what in loads) == ["segmenter", "vectors", "vectors"]
    assert [pid for pid, _thread, what in loads if what == "segmenter"] == [main]
    assert len({pid for pid, _thread, what in loads if what == "vectors"}) == 2
    assert loads[0][2] == "segmenter"  # the vectors after it, after the fork
    # The segmenter's model file is read in a thread, while the main thread loads the vectors.
    assert [t for _p, t, what in loads if what == "segmenter"] == ["vbparse-segmenter"]


def test_segmenter_loads_while_the_parent_is_parsed(monkeypatch):
    """`vbparse check` too: the segmenter's model loads in a thread while the parent is parsed,
    and the thread is done when the parent is loaded."""
    threads = []
    real_segmenter = similarity.word_segmenter

    def segmenter():  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        return real_segmenter()

    monkeypatch.setattr(similarity, "word_segmenter", segmenter)
    monkeypatch.setattr(similarity, "_SEGMENTER", similarity._CRFSegmenter())
    parent = report.ParentPlan.load(str(PARENT))
    assert threads == ["vbparse-segmenter"]
    assert similarity._SEGMENTER.loaded and similarity._SEGMENTER.loading is None
    assert not [t for t in threading.enumerate() if t.name == "vbparse-segmenter"]
    assert parent.items and similarity._SEGMENTER.model is not None
