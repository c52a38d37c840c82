"""Compiled regular expressions kept across runs, as .pyc files keep compiled modules (issue #17).

The extractors compile some 150 patterns at import, many over the large Vietnamese character
classes, and Python's `re` compiles in Python: that was a third of a cold `vbparse parse`. `load()`
(called before the extractors are imported) puts the patterns a previous run compiled into
`re`'s own cache, so `re.compile` returns them without compiling; at exit, the patterns this run
had to compile are added to the file. Each entry is what `re` itself would build from (pattern,
flags): the compiled code is only kept for the Python that made it (version, build and `_sre`
magic are in the file's name and header), and a file that does not read back is ignored. Nothing
here can fail a parse: any error leaves `re` to compile as usual.

The file lives in VBPARSE_CACHE_DIR, else $XDG_CACHE_HOME/vbparse or ~/.cache/vbparse;
VBPARSE_REGEX_CACHE=0 turns the cache off.
"""

from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
import time
import zlib
from pathlib import Path

_MAX_ENTRIES = 400  # under re's own cache size (512), which would otherwise evict them
# Patterns that compile faster than this are not kept: little to gain, and they include the ones
# made for one document (a signer's name escaped), which would only churn the file.
_MIN_COST = 100e-6  # seconds
# (pattern, flags as given, flags compiled, code, groups, group index, index group, compile cost)
Entry = tuple[str, int, int, list[int], int, dict[str, int], tuple[str | None, ...], float]

_loaded: dict[tuple[str, int], Entry] = {}
# Patterns found too quick to keep, so that the next run does not measure them again.
_cheap: set[tuple[str, int]] = set()
_MAX_CHEAP = 2000
_started = False


# Python has no public way to make a Pattern from compiled code (a pickled Pattern is compiled
# again from its source), so this module uses CPython's own, and nothing else of this package
# does: `re._cache` (where `re.compile` looks first), `re._parser` and `re._compiler` (source to
# code, `_entry`) and `_sre.compile` (code to Pattern, `load`). Where they are missing (another
# Python) the cache is off and `re` compiles as usual; the compiled code is only valid for the
# engine that made it, hence `_BUILD` in the file's name and header.
try:
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]

    _BUILD: str | None = f"{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}|{sys.maxunicode}"
except (ImportError, AttributeError):
    _BUILD = None


def cache_file() -> Path | None:
    if (
        os.environ.get("VBPARSE_REGEX_CACHE", "1") == "0"
        or _BUILD is None
        or not isinstance(getattr(re, "_cache", None), dict)
    ):
        return None
    from .user_cache import cache_dir

    return (
        cache_dir()
        / f"regex-{sys.implementation.cache_tag}-{zlib.crc32(_BUILD.encode()):08x}.marshal"
    )


def load() -> None:
    """Fill `re`'s cache from the file (once per process), and save what is new at exit."""
    global _started
    if _started:
        return
    _started = True
    path = cache_file()
    if path is None:
        return
    atexit.register(_save, path)
    try:
        tag, entries, cheap = marshal.loads(path.read_bytes())
        if tag != _BUILD:
            return
        _cheap.update((p, f) for p, f in cheap)
        for entry in entries:
            pattern, flags, compiled, code, groups, groupindex, indexgroup, _cost = entry
            if not (isinstance(pattern, str) and isinstance(flags, int)):
                continue
            re._cache[(str, pattern, flags)] = _sre.compile(  # type: ignore[attr-defined]
                pattern, compiled, code, groups, groupindex, indexgroup
            )
            _loaded[(pattern, flags)] = entry
    except Exception:  # no file yet, another Python's, or damaged: compile as usual
        return


def _entry(pattern: str, flags: int) -> Entry:
    """What `re._compiler.compile` hands to `_sre.compile` for (pattern, flags), and the time
    it took to work out."""
    start = time.process_time()
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    compiled = int(flags | parsed.state.flags)
    groups = parsed.state.groups - 1
    cost = time.process_time() - start
    return (
        pattern,
        flags,
        compiled,
        [int(c) for c in code],
        groups,
        groupindex,
        (*indexgroup,),
        cost,
    )


def new_entries() -> list[Entry]:
    """The patterns in `re`'s cache that this run compiled and that are slow to compile (str
    patterns, no DEBUG or LOCALE)."""
    if _BUILD is None:
        return []
    out = []
    skip = re.DEBUG | re.LOCALE
    for kind, pattern, flags in list(re._cache):  # type: ignore[attr-defined]
        key = (pattern, int(flags))
        if kind is str and not flags & skip and key not in _loaded and key not in _cheap:
            entry = _entry(*key)
            if entry[-1] >= _MIN_COST:
                out.append(entry)
            else:
                _cheap.add(key)
    return out


def _save(path: Path) -> None:
    from .user_cache import write_atomically

    try:
        new = new_entries()
        if not new:
            return
        # This run's patterns first, then the earlier runs' (another command's too), slowest to
        # compile first: patterns of an older vbparse, which no run asks for any more, fall out
        # instead of keeping the new ones out forever.
        older = sorted(_loaded.values(), key=lambda e: -e[-1])
        entries = [*sorted(new, key=lambda e: -e[-1]), *older][:_MAX_ENTRIES]
        cheap = [list(k) for k in _cheap][-_MAX_CHEAP:]
        write_atomically(path, marshal.dumps((_BUILD, entries, cheap)))
    except Exception:  # a read-only home, a full disk: next run compiles again
        return
