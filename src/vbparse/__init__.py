"""vbparse: parse Vietnamese administrative documents into structured, traceable data.

>>> import vbparse
>>> doc = vbparse.parse("corpus/seed/kh-36-thbtd.txt")
>>> doc.number.symbol, doc.date
('KH-THBTD', datetime.date(2020, 4, 23))

The functions mirror the command line: `parse`, `lint`, `check`, `check_batch`, `batch`,
`search` (see `vbparse.api`). Errors are exception classes (`vbparse.errors`); codes have enums
(`Role`, `FindingCode`, `Severity`, `RoleMode`); the parser's thresholds are one `Settings`. Everything is imported on first use, so
`import vbparse` costs nothing.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = [
    "Document",
    "FindingCode",
    "InputError",
    "ReadError",
    "Role",
    "RoleMode",
    "Settings",
    "Severity",
    "UsageError",
    "VbparseError",
    "__version__",
    "batch",
    "check",
    "check_batch",
    "lint",
    "parse",
    "search",
]

if TYPE_CHECKING:
    from .api import (
        FindingCode,
        Role,
        RoleMode,
        Severity,
        batch,
        check,
        check_batch,
        lint,
        parse,
        search,
    )
    from .errors import InputError, ReadError, UsageError, VbparseError
    from .model import Document
    from .settings import Settings

# Public name → the module that defines it (imported when the name is first used).
_API = ("parse", "lint", "check", "check_batch", "batch", "search")
_ENUMS = ("Role", "FindingCode", "Severity", "RoleMode")
_ERRORS = ("VbparseError", "UsageError", "InputError", "ReadError")
_LAZY = {
    **{name: "api" for name in (*_API, *_ENUMS)},
    **{name: "errors" for name in _ERRORS},
    "Document": "model",
    "Settings": "settings",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(name)
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value  # the next use (and pdoc, which reads __dict__) finds it directly
    return value
