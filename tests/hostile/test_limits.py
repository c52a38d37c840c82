"""The named limits: defaults, raised or lowered by the environment or configure(), and the
error that names the setting."""

from __future__ import annotations

from pathlib import Path

import pytest

from vbparse.readers import ReadError, limits, read

FORMATS = Path(__file__).resolve().parents[2] / "corpus" / "formats"


def test_environment_and_configure_set_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    # Recorded by monkeypatch first, so that configure()'s change is undone after the test.
    monkeypatch.setenv("VBPARSE_MAX_PAGES", "1")
    monkeypatch.delenv("VBPARSE_MAX_PAGES")
    assert limits.current().ocr_pages == 200
    monkeypatch.setenv("VBPARSE_MIN_OCR_DPI", "72.5")
    monkeypatch.setenv("VBPARSE_MAX_IMAGE_PIXELS", "not a number")  # ignored, not a crash
    assert limits.current().min_ocr_dpi == 72.5
    assert limits.current().image_pixels == limits.Limits().image_pixels
    limits.configure(ocr_pages=7, seconds=None)
    assert limits.current().ocr_pages == 7
    with pytest.raises(TypeError):
        limits.configure(no_such_limit=1)


def test_a_lowered_member_limit_refuses_a_real_docx(monkeypatch: pytest.MonkeyPatch) -> None:
    docx = FORMATS / "kh-36-thbtd.docx"
    assert read(docx).lines  # within the default limits
    monkeypatch.setenv("VBPARSE_MAX_MEMBER_BYTES", "4096")
    with pytest.raises(ReadError) as caught:
        read(docx)
    assert caught.value.kind == "too_large"
    assert "VBPARSE_MAX_MEMBER_BYTES" in caught.value.message


def test_a_lowered_text_limit_refuses_the_plan(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VBPARSE_MAX_TEXT_CHARS", "1000")
    with pytest.raises(ReadError, match=r"characters of text, over the 1,000 limit"):
        read(FORMATS / "kh-36-thbtd-cp1258.txt")


def test_time_limit_interrupts_python_code() -> None:
    import time

    start = time.monotonic()
    with pytest.raises(limits.TimeLimitExceeded), limits.time_limit(0.2):
        while True:
            pass
    assert time.monotonic() - start < 2
    with limits.time_limit(0):  # no limit
        pass


def test_time_limit_interrupts_python_code_in_a_thread() -> None:
    """A Dask worker runs its tasks in a thread, where SIGALRM cannot reach: a watchdog does."""
    import threading
    import time

    outcome: list[str] = []

    def spin() -> None:
        start = time.monotonic()
        try:
            with limits.time_limit(0.2):
                while time.monotonic() - start < 5:
                    pass
            outcome.append("ran to the end")
        except limits.TimeLimitExceeded:
            outcome.append(f"stopped after {time.monotonic() - start:.1f} s")
        with limits.time_limit(0.2):  # a block that ends in time is not interrupted later
            pass
        time.sleep(0.4)
        outcome.append("unharmed")

    thread = threading.Thread(target=spin)
    thread.start()
    thread.join(10)
    assert outcome[0].startswith("stopped after") and float(outcome[0].split()[2]) < 2
    assert outcome[1:] == ["unharmed"]
