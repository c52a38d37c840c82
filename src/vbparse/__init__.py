"""vbparse: parse Vietnamese administrative documents into structured, traceable data.

>>> from vbparse import parse
>>> doc = parse("kh-36-thbtd.txt")
>>> doc.number.symbol
'KH-THBTD'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Document", "ReadError", "__version__", "parse"]

if TYPE_CHECKING:
    from .model import Document
    from .pipeline import parse
    from .readers import ReadError


def __getattr__(name: str) -> Any:
    # Lazy so that `import vbparse` (and the CLI's --help) costs nothing.
    if name == "parse":
        from .pipeline import parse

        return parse
    if name == "Document":
        from .model import Document

        return Document
    if name == "ReadError":
        from .readers import ReadError

        return ReadError
    raise AttributeError(name)
