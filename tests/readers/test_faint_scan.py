"""A faint scan (thin strokes, 213 ppi) is not a blank page: its ink is measured against the
paper, not against a fixed grey level that only a bold scan reaches in the preview."""

from pathlib import Path

import numpy as np

from vbparse.readers import blank, pdf

ROOT = Path(__file__).resolve().parents[2]
FAINT = ROOT / "corpus" / "unseen" / "uitqlcv" / "TB-HTTT_bao-ve-KLTN_scan.pdf"


def test_faint_scan_pages_are_not_blank():
    shares = dict(pdf._ink_shares(FAINT.read_bytes(), [0, 1]))
    assert all(share > 10 * blank.BLANK_INK_SHARE for share in shares.values()), shares


def test_white_page_with_paper_texture_stays_blank():
    rng = np.random.default_rng(0)
    paper = rng.normal(238, 4, size=(800, 600)).clip(0, 255).astype(np.uint8)
    paper[400:402, 300:304] = 40  # one speck
    assert blank.ink_share(paper) < blank.BLANK_INK_SHARE
