"""extract/ reads the reader's lines and asks the reader for more: it never opens, renders or
OCRs a file itself. A region of a scan read again is a `RegionRequest` through the context
(`ParseContext.reread`), answered by the reader's `PageImages` from the file's bytes; so a parse
of bytes (an upload) gets the same re-reads as a parse of a path."""

from __future__ import annotations

import ast
from pathlib import Path

import vbparse

EXTRACT = Path(vbparse.__file__).parent / "extract"

# Calls that touch the file system, and modules that read files, render pages or run OCR.
_IO_CALLS = {"open", "read_bytes", "read_text", "write_text", "write_bytes", "is_file", "exists",
             "stat", "iterdir", "glob", "Path", "PdfDocument"}  # fmt: skip
_IO_MODULES = ("pathlib", "os", "io", "shutil", "PIL", "pypdfium2", "pdfplumber", "pytesseract",
               "subprocess", "vbparse.readers.ocr", "vbparse.readers.pdf",
               "vbparse.readers.image", "vbparse.readers.read")  # fmt: skip
# Reader modules extract/ may use: the reader's output and the region request.
_READER_MODULES = {"base", "region", "wordlines"}


def _imported(node: ast.Import | ast.ImportFrom) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if not node.level:
        return [node.module or ""]
    base = ["vbparse", "extract"][: 3 - node.level]
    module = ".".join([*base, *([node.module] if node.module else [])])
    return [module, *(f"{module}.{alias.name}" for alias in node.names)]


def test_extract_does_no_file_io():
    found = []
    for path in sorted(EXTRACT.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if name in _IO_CALLS:
                    found.append(f"{path.name}:{node.lineno} calls {name}()")
            elif isinstance(node, ast.Import | ast.ImportFrom):
                for module in _imported(node):
                    if module.startswith(_IO_MODULES) or _io_reader(module):
                        found.append(f"{path.name}:{node.lineno} imports {module}")
    assert found == []


def _io_reader(module: str) -> bool:
    """A reader module other than the reader's output and the region request."""
    parts = module.split(".")
    readers = {p.stem for p in (EXTRACT.parent / "readers").glob("*.py")}
    return (
        parts[:2] == ["vbparse", "readers"]
        and len(parts) == 3
        and (parts[2] in readers - _READER_MODULES)
    )
