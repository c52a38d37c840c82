"""Paths the interface tests share (a module of its own: `conftest` names clash across test
folders), and the text a browser shows of an HTML page."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
# Every folder of typed documents, and the seed in two more formats (one document, three copies).
REGISTRY_INPUTS = [
    *(CORPUS / d for d in ("seed", "plans", "plans2", "plans3", "docs", "heldout", "roles")),
    CORPUS / "formats" / "kh-36-thbtd.docx",
    CORPUS / "formats" / "kh-36-thbtd.pdf",
]


class _Text(HTMLParser):
    """The text a browser shows (no tags, no style sheet)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = False

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self._skip = tag in ("style", "script")

    def handle_endtag(self, tag: str) -> None:
        self._skip = False

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def shown_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return "\n".join(parser.parts)
