"""Which files a batch takes: folders are walked recursively, globs expanded, files kept as named.

Paths are made absolute so that a rerun from another working directory still recognises the
files already stored (the registry is keyed by path).
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ..readers import _EXTENSIONS

# The formats the readers know; a folder walk takes only these, so that the clutter of a real
# archive (spreadsheets, zip files, thumbnails databases) is counted as ignored, not as failed.
SUPPORTED_EXTENSIONS = frozenset(_EXTENSIONS)


def is_candidate(name: str) -> bool:
    """A file a folder walk should take: a supported extension, not hidden, not a Word lock file."""
    if name.startswith((".", "~$")):
        return False
    return os.path.splitext(name)[1].lower() in SUPPORTED_EXTENSIONS


def walk(folder: str) -> Iterator[str]:
    """Every entry below `folder` outside hidden folders that is not a folder, depth first, in
    name order (so that runs are reproducible). Links to folders are not followed (no loops);
    FIFOs, devices, sockets, dangling and looping links are yielded like files, so that the
    batch records each as failed with its reason instead of passing over it in silence."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            if not entry.name.startswith("."):
                yield from walk(entry.path)
        elif not _links_to_folder(entry):
            yield entry.path


def _links_to_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_symlink() and entry.is_dir()
    except OSError:  # a looping link: a file-like failure, reported by the runner
        return False


@dataclass
class Discovery:
    files: list[str] = field(default_factory=list)  # absolute paths, each once
    ignored: int = 0  # files seen in folders with an extension no reader handles
    missing: list[str] = field(default_factory=list)  # arguments that matched nothing


def discover(patterns: Iterable[str]) -> Discovery:
    """Expand folder, glob and file arguments into one ordered list of distinct absolute paths."""
    found = Discovery()
    seen: set[str] = set()

    def add(path: str) -> None:
        absolute = os.path.abspath(path)
        if absolute not in seen:
            seen.add(absolute)
            found.files.append(absolute)

    for pattern in patterns:
        if os.path.isdir(pattern):
            for path in walk(pattern):
                if is_candidate(os.path.basename(path)):
                    add(path)
                else:
                    found.ignored += 1
        elif os.path.lexists(pattern):
            add(pattern)  # named explicitly: taken whatever it is; the runner refuses a FIFO
        elif glob.has_magic(pattern):
            matches = sorted(glob.glob(pattern, recursive=True))
            for path in matches:
                if os.path.isdir(path):
                    for inner in walk(path):
                        if is_candidate(os.path.basename(inner)):
                            add(inner)
                else:
                    add(path)
            if not matches:
                found.missing.append(pattern)
        else:
            found.missing.append(pattern)
    return found
