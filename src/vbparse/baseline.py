"""The 30-line regex baseline that `vbparse eval --baseline regex` measures beside the parser.

It reads the same text as the parser (the readers' lines) and takes the first match of four
regexes: the number, the date, the type and a V/v subject. A field where the parser is not
clearly above this baseline is a field the design gets wrong.
"""

from __future__ import annotations

import re
from pathlib import Path

from .model import Document, Source
from .vocab import ALL_TYPE_NAMES, TYPE_CODES

_NUMBER = re.compile(r"S[ốô]\s*[:.]?\s*(\d+)\s*[/-]\s*((?:\d{4}/)?[\w.&Đđ/-]+)", re.I)
_DATE = re.compile(r"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})", re.I)
_TYPE = re.compile(r"^\s*(" + "|".join(n.upper() for n in ALL_TYPE_NAMES) + r")\s*$")
_VV = re.compile(r"^\s*V/v\s*:?\s*(.+)", re.I)


def parse(path: Path) -> Document:
    from .readers import read

    raw = read(path)
    lines = [ln.text for ln in raw.lines[:60]]
    pages: list[dict[str, object]] = [{"number": p.number, "method": p.method} for p in raw.pages]
    doc = Document(source=Source(path=str(path), format=raw.format, pages=pages))
    text = "\n".join(lines)
    if m := _NUMBER.search(text):
        year = re.match(r"(\d{4})/", m.group(2))
        symbol = m.group(2)[5:] if year else m.group(2)
        doc.number.number, doc.number.symbol = m.group(1), symbol
        doc.number.year = int(year.group(1)) if year else None
        doc.number.type_code = symbol.split("-")[0] if "-" in symbol else None
    if m := _DATE.search(text):
        doc.issued.date = f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    for line in lines:
        if m := _TYPE.match(line):
            doc.doc_type.name = next(n for n in ALL_TYPE_NAMES if n.upper() == m.group(1))
            doc.doc_type.code = TYPE_CODES.get(doc.doc_type.name)
            break
        if m := _VV.match(line):
            doc.doc_type.name, doc.subject = "Công văn", m.group(1).strip()
            break
    return doc
