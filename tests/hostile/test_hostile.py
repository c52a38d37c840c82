"""Each hostile or broken input gives a clean one-line error or a correct parse, in a child
process limited to 3 GB of address space, within 60 s (120 s for the 300 near-blank pages);
a batch of all of them records every file once, with a reason for each failure."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile_inputs import INPUTS, huge_page_pdf

LIMITED = Path(__file__).with_name("limited.py")


@pytest.fixture(scope="session")
def hostile_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding every hostile input, each under its INPUTS name (and nothing else). No
    conftest.py here: tests/lint imports its own as `conftest`."""
    folder = tmp_path_factory.mktemp("hostile")
    for name, (make, _) in INPUTS.items():
        assert make(folder).name == name
    return folder


MEMORY = 3 * 2**30


def run_limited(tmp: Path, *args: str, timeout: float) -> tuple[int, str, str, float, int]:
    """(exit code, stdout, stderr, seconds, peak kB) of `vbparse ARGS…` under the limit."""
    peak = tmp / "peak"
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, str(LIMITED), str(MEMORY), str(peak), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )
    seconds = time.monotonic() - start
    return done.returncode, done.stdout, done.stderr, seconds, int(peak.read_text() or 0)


@pytest.mark.slow
@pytest.mark.parametrize("command", ["parse", "lint"])
@pytest.mark.parametrize("name", list(INPUTS))
def test_clean_outcome_within_bounds(
    hostile_dir: Path, tmp_path: Path, name: str, command: str
) -> None:
    path = hostile_dir / name
    expected = INPUTS[name][1]
    bound = 120 if name == "blank-300.pdf" else 60
    code, out, err, seconds, peak_kb = run_limited(
        tmp_path, command, str(path), "--lang", "en", timeout=bound
    )
    print(f"{name} {command}: exit {code}, {seconds:.1f} s, {peak_kb / 1024:.0f} MB")
    assert seconds < bound
    assert peak_kb < MEMORY // 1024
    assert "Traceback" not in err
    prefix = re.escape(f"vbparse: {path}: ")
    if expected is None:  # parses: the result is there, nothing on standard error
        assert err == ""
        if command == "parse":
            assert code == 0
            assert json.loads(out)["source"]["path"] == str(path)
        else:
            assert code in (0, 1)  # 1: the document has lint errors
            assert f"{path}:" in out
    elif expected == "either":  # damaged: recovered, or refused in one line
        assert code in (0, 1, 3)
        assert len(err.splitlines()) <= 1
        assert code == 0 or re.match(prefix, err)
    else:
        assert code == 3  # the input cannot be read
        assert len(err.splitlines()) == 1, err
        assert re.match(prefix + ".*" + expected, err), err
        assert "internal error" not in err and "could not be linted" not in err


def test_xxe_is_not_resolved_and_the_text_after_it_kept(hostile_dir: Path) -> None:
    from vbparse.readers import read

    raw = read(hostile_dir / "xxe.docx")
    texts = [line.text for line in raw.lines]
    assert "truoc sau thuc the" in texts
    assert not any("root:" in t for t in texts)


def test_near_blank_pages_are_not_ocred(hostile_dir: Path) -> None:
    from vbparse.readers import read

    raw = read(hostile_dir / "blank-300.pdf")
    assert len(raw.pages) == 301
    assert all(p.method != "ocr" for p in raw.pages)
    assert sum("near-blank" in " ".join(p.notes) for p in raw.pages) == 300
    assert any("KE HOACH" in line.text for line in raw.lines)


def test_a_page_over_the_pixel_limit_is_rendered_smaller_or_left_out() -> None:
    from vbparse.readers import limits

    assert limits.render_dpi(595, 842, 300) == 300  # A4 at 300 dpi: 8.7 megapixels
    a0 = limits.render_dpi(2384, 3370, 300)  # A0 would be 140 megapixels
    assert 100 <= a0 < 300
    assert (a0 / 72) ** 2 * 2384 * 3370 <= limits.current().page_pixels * 1.001
    assert limits.render_dpi(14400, 14400, 300) == 0  # would need 38 dpi: not OCR'd


def test_page_limit_cuts_ocr_with_a_warning(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Three inked picture pages, a limit of two: two are OCR'd, a warning names the cut."""
    from hostile_inputs import pdf_bytes

    from vbparse.readers import limits, pdf

    monkeypatch.setenv("VBPARSE_MAX_PAGES", "2")
    ink = b"0 0 0 rg 72 72 400 600 re f"
    data = pdf_bytes([(595, 842, ink)] * 3)
    pages = [pdf.PageWords(n, 595, 842, []) for n in (1, 2, 3)]
    infos = [pdf.PageInfo(n, "text-layer") for n in (1, 2, 3)]
    warnings: list[str] = []
    plan = pdf._ocr_plan(data, pages, infos, {0: 300.0, 1: 300.0, 2: 300.0}, warnings)
    assert sorted(plan) == [0, 1]
    assert limits.current().ocr_pages == 2
    assert any("only the first 2 of the 3 pages" in w for w in warnings)


@pytest.mark.slow
def test_batch_of_every_hostile_input_records_each_once(hostile_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    fifo = hostile_dir / "pipe.txt"  # also named on the command line: it used to hang
    code, stdout, err, seconds, peak_kb = run_limited(
        tmp_path,
        "batch", str(hostile_dir), str(fifo), "--out", str(out), "--jobs", "2",
        "--timeout", "60", "--quiet", "--lang", "en",
        timeout=300,
    )  # fmt: skip
    print(f"batch: exit {code}, {seconds:.1f} s, {peak_kb / 1024:.0f} MB")
    assert code == 1  # some files failed
    assert "Traceback" not in err
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    paths = [r["source"]["path"] for r in records]
    assert sorted(paths) == sorted(str(p) for p in hostile_dir.iterdir())
    by_name = {Path(r["source"]["path"]).name: r for r in records}
    for record in records:
        if record["status"] == "failed":
            assert record["error"]["kind"] and record["error"]["message"]
    assert by_name["pipe.txt"]["error"]["kind"] == "not_regular"
    assert by_name["loop-a.txt"]["error"]["kind"] == "link_loop"
    assert by_name["dangling.pdf"]["error"]["kind"] == "dangling_link"
    assert by_name["zip-bomb.docx"]["error"]["kind"] == "too_large"
    assert by_name["blank-300.pdf"]["status"] == "ok"
    failed = sum(r["status"] == "failed" for r in records)
    assert stdout.startswith(
        f"{len(records)} files: {len(records) - failed} parsed, {failed} failed"
    )


def test_huge_page_maker_is_tiny(tmp_path: Path) -> None:
    assert huge_page_pdf(tmp_path).stat().st_size < 700


@pytest.mark.slow
@pytest.mark.parametrize("command", ["parse", "lint"])
def test_time_limit_per_file_then_the_next_file(tmp_path: Path, command: str) -> None:
    """A scan that needs more than --timeout fails in one line; the next file is still done."""
    formats = Path(__file__).resolve().parents[2] / "corpus" / "formats"
    scan, plan = formats / "kh-36-thbtd-scan.pdf", formats / "kh-36-thbtd-cp1258.txt"
    code, out, err, seconds, _ = run_limited(
        tmp_path, command, "--lang", "en", "--timeout", "2", str(scan), str(plan), timeout=60
    )
    assert code == 1  # one of two files failed
    assert err.splitlines() == [f"vbparse: {scan}: took longer than 2 s (--timeout)"]
    assert seconds < 30
    assert str(plan) in out


def test_blank_image_is_not_ocred(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PIL import Image

    from vbparse.readers import ReadError, ocr, read

    def no_ocr(*args: object, **kwargs: object) -> None:
        raise AssertionError("a blank picture was sent to Tesseract")

    monkeypatch.setattr(ocr, "ocr_image", no_ocr)
    path = tmp_path / "white.png"
    Image.new("L", (2480, 3508), 255).save(path)  # an A4 page at 300 dpi, nothing on it
    with pytest.raises(ReadError, match="no text was found"):
        read(path)


def test_a_picture_over_the_page_pixel_limit_is_scaled_down() -> None:
    from PIL import Image

    from vbparse.readers import image, limits

    big = Image.new("L", (10000, 8000), 255)  # 80 megapixels
    frame, ppp, fitted = image._within_page_pixels(big, 0.24)
    assert fitted
    assert frame.width * frame.height <= limits.current().page_pixels
    assert ppp * frame.width == pytest.approx(0.24 * big.width, rel=0.01)  # same page in points
    small = Image.new("L", (2480, 3508), 255)
    assert image._within_page_pixels(small, 0.24) == (small, 0.24, False)
