#!/usr/bin/env python3
"""Build the API reference (HTML, with pdoc) from the docstrings: `python3 scripts/api_docs.py
OUT_DIR` (default docs/api). The test suite builds it into a temporary folder."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

# The public surface: the package (pdoc adds the subpackages it imports: batch — registry,
# runner, query — and lint), its functions and enums, errors, the document model, the check
# reports and the message catalogue.
MODULES = [
    "vbparse",
    "vbparse.api",
    "vbparse.errors",
    "vbparse.model",
    "vbparse.plancheck.report",
    "vbparse.messages",
]


def build(out_dir: Path) -> list[Path]:
    import pdoc

    import vbparse

    for name in vbparse.__all__:  # the lazy names, resolved so that pdoc sees them
        getattr(vbparse, name)
    pdoc.render.configure(docformat="markdown", footer_text=f"vbparse {vbparse.__version__}")
    pdoc.pdoc(*MODULES, output_directory=out_dir)
    return sorted(out_dir.rglob("*.html"))


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/api")
    pages = build(out)
    print(f"{len(pages)} pages → {out}")
