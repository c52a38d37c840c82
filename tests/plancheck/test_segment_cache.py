"""The segmentation cache under a batch's forked workers: each process talks to SQLite through a
connection of its own (SQLite forbids using one across fork()), and with the persistent cache
off (VBPARSE_NO_CACHE) the workers of one batch still share what they segment, for the batch's
length only."""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from vbparse.plancheck import similarity

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="workers are forked")

_PARENT_DB: Any = None  # the main process's connection, seen by the forked worker


def _in_worker(fn: Callable[..., Any], *args: Any) -> Any:
    """`fn(*args)` in a worker forked now from this process (so with its caches as they are)."""
    with multiprocessing.get_context("fork").Pool(1) as pool:
        return pool.apply(fn, args)


def _segment_and_connection(text: str, key: str) -> tuple[tuple[str, ...], bool, Any]:
    words = similarity.segment(text)
    similarity._CACHE.put(key, ["từ", "worker"])
    return words, similarity._CACHE.db is _PARENT_DB, similarity._CACHE.get("parent-key")


def _count_crf_calls(monkeypatch: pytest.MonkeyPatch, log: Path) -> None:
    real = similarity._SEGMENTER.words

    def counted(text: str) -> list[str]:
        with log.open("a", encoding="utf-8") as f:
            f.write(text + "\n")
        return real(text)

    monkeypatch.setattr(similarity._SEGMENTER, "words", counted)


def test_workers_of_one_batch_share_segmentations(tmp_path, monkeypatch):
    monkeypatch.setenv("VBPARSE_NO_CACHE", "1")
    monkeypatch.setattr(similarity, "_CACHE", similarity._DiskCache())
    log = tmp_path / "crf-calls"
    _count_crf_calls(monkeypatch, log)
    # A text this process has not segmented, so that no worker inherits it.
    text = f"Phổ biến kế hoạch chuyển đổi số đến các tổ chuyên môn ({tmp_path.name})"
    with similarity._CACHE.shared():
        first = _in_worker(similarity.segment, text)
        second = _in_worker(similarity.segment, text)  # another worker: read, not segmented
    assert first == second and "chuyển đổi" in first
    assert len(log.read_text(encoding="utf-8").splitlines()) == 1
    # After the batch, VBPARSE_NO_CACHE means no cache again: the temporary one is gone.
    assert _in_worker(similarity.segment, text) == first
    assert len(log.read_text(encoding="utf-8").splitlines()) == 2


def test_a_forked_worker_opens_its_own_connection(tmp_path, monkeypatch):
    global _PARENT_DB
    monkeypatch.delenv("VBPARSE_NO_CACHE", raising=False)
    monkeypatch.setenv("VBPARSE_CACHE_DIR", str(tmp_path))
    cache = similarity._DiskCache()
    monkeypatch.setattr(similarity, "_CACHE", cache)
    assert cache.get("parent-key") is None  # opens this process's connection
    cache.put("parent-key", ["từ", "cha"])
    monkeypatch.setattr(sys.modules[__name__], "_PARENT_DB", cache.db)
    assert _PARENT_DB is not None
    text = f"Tổ chức tập huấn giáo viên ({tmp_path.name})"
    words, inherited, seen = _in_worker(_segment_and_connection, text, "worker-key")
    assert not inherited  # the worker did not use the connection it inherited
    assert seen == ("từ", "cha")  # and reads what this process wrote
    assert cache.get("worker-key") == ("từ", "worker")  # which reads what the worker wrote
    assert cache.db is _PARENT_DB and similarity.segment(text) == words
