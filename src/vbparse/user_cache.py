"""Where vbparse keeps what it can rebuild (compiled patterns, the parsed lexicon, word
segmentations): VBPARSE_CACHE_DIR, else $XDG_CACHE_HOME/vbparse or ~/.cache/vbparse."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    return Path(
        os.environ.get("VBPARSE_CACHE_DIR")
        or os.path.join(
            os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "vbparse"
        )
    )
