"""Where vbparse keeps what it can rebuild (compiled patterns, the parsed lexicon, word
segmentations): VBPARSE_CACHE_DIR, else $XDG_CACHE_HOME/vbparse or ~/.cache/vbparse."""

from __future__ import annotations

import os
from pathlib import Path


def write_atomically(path: Path, data: bytes) -> None:
    """`data` as the whole of `path`, never half-written: another process reading it meanwhile
    sees the old file or the new one (a temporary file of this process, then renamed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def cache_dir() -> Path:
    return Path(
        os.environ.get("VBPARSE_CACHE_DIR")
        or os.path.join(
            os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "vbparse"
        )
    )
