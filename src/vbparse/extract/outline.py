"""Outline: the body's nested sections from their labels.

Labels, outermost first: Phần, Chương, Mục, Điều, Roman (I.), Arabic (1. / 1.1.), letters (a)),
bullets (-, +, •). A node's id is its label path joined by dots ("II.3", "IV.1.b"); a bullet is
"<parent id>-<k>". Articles are numbered through the whole document, so an article's id is
"Điều N" wherever it stands; its clauses are "Điều N.1", points "Điều N.1.a".

Two kinds of damage from PDF extraction are repaired: wrapped lines are joined back into their
paragraph, and under a heading that ends with ":" unlabelled paragraphs are taken as the bullets
whose dashes were lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import cues
from ..model import Section
from ..readers.base import Line, Zone
from ..settings import current
from ..text.charclass import UP
from .context import ParseContext

_ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "part",
        re.compile(
            r"^\s*(PHẦN|Phần)\s+(thứ\s+\w+|[IVXLC]+|\d+|[A-Z])\b\.?\s*[:.\-–]?\s*", re.UNICODE
        ),
    ),
    ("chapter", re.compile(r"^\s*(CHƯƠNG|Chương)\s+([IVXLC]+|\d+)\b\.?\s*[:.\-–]?\s*")),
    ("section", re.compile(r"^\s*(MỤC|Mục)\s+(\d+|[IVXLC]+)\b\.?\s*[:.\-–]?\s*")),
    ("article", re.compile(r"^\s*(ĐIỀU|Điều)\s+(\d+[a-z]?)\s*[.:]?\s*")),
    # Party documents write "I-", "1-" where state documents write "I.", "1.".
    ("roman", re.compile(rf"^\s*({_ROMAN})\s*(?:[.)/]|-(?=\s))\s*(?=\S)")),
    # "1/ Thời gian chuyển", "a/ Văn phòng khoa" (a slash for the dot, never a date's "1/4");
    # "3= Thời gian" (a scan's dash read as "="), taken only as the item due (see _undotted).
    (
        "number",
        re.compile(
            rf"^\s*(\d{{1,2}}(?:\.\d{{1,2}}){{0,3}})\s*(?:[.)]|\.\)|/(?=\s)|[-=](?=\s+[{UP}])|(?=\s+[{UP}]))\s*(?=\S)"
        ),
    ),
    ("letter", re.compile(r"^\s*([a-zđ])\s*(?:[).]|/(?=\s))\s*(?=\S)")),
    ("capletter", re.compile(r"^\s*([A-D])\s*[.)]\s+(?=\S)")),
]
# A roman numeral as OCR reads it from a scan: two strokes run together ("H" for "II", "VHI."),
# a stroke read as "l" or "|", a comma for the dot, a speck before it ("¬- VI.").
_DAMAGED_ROMAN = re.compile(r"^\W{0,3}?([IVXHl|!]{1,5})\s*[.,:)]\s*(?=\S)")
# A roman numeral whose dot was lost, before a heading in capitals ("II NHIỆM VỤ CỤ THỂ").
_BARE_ROMAN = re.compile(rf"^\s*([IVX]{{1,5}})\s+(?=[{UP}])")
_ROMAN_STROKES = str.maketrans({"H": "II", "l": "I", "|": "I", "!": "I"})
_RANK = {
    "part": 0,
    "chapter": 1,
    "section": 2,
    "capletter": 3,
    "article": 4,
    "roman": 5,
    "number": 6,
    "letter": 8,
    "bullet": 9,
}


@dataclass
class _Label:
    kind: str
    label: str  # "II", "3", "1.2", "b", "Điều 2", "-"
    rest_start: int  # where the text after the label starts in the line


def parse_label(text: str) -> _Label | None:
    for kind, pattern in _PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        if kind in ("part", "chapter", "section", "article"):
            word = {"part": "Phần", "chapter": "Chương", "section": "Mục", "article": "Điều"}[kind]
            return _Label(kind, f"{word} {m.group(2)}", m.end())
        label = m.group(1)
        if kind == "roman" and not label:
            continue
        if kind == "capletter" and not re.match(rf"^\s*[A-D]\s*[.)]\s+[{UP}]{{2,}}", text):
            continue  # "A. MỤC TIÊU" is a label; "A. Nguyễn" or "B. sth" in prose is not
        # "1 Thực hiện …" without a dot is a label only when the number is small and the rest
        # starts in capitals: PDF extraction often drops the dot.
        if (
            kind == "number"
            and "." not in label
            and not re.search(r"[.)]", text[: m.end()])
            and int(label) > current().outline.undotted_number_max
        ):
            continue
        if kind == "roman" and label in ("C", "D", "L", "M"):
            continue
        return _Label("letter" if kind == "letter" else kind, label, m.end())
    b = cues.BULLET.match(text)
    if b:
        return _Label("bullet", b.group(1), b.end())
    return None


_REFERENCE_TAIL = re.compile(
    r"^(?:của|này|và|Nghị\s+định|Luật|Bộ\s+luật|Thông\s+tư|Quyết\s+định|Pháp\s+lệnh)\b"
)


def _unbalanced(text: str) -> bool:
    """More opening than closing quotes: the quotation goes on past this line."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def _wrapped_reference(prev: Line | None, text: str, lab: _Label) -> bool:
    """A line that starts "Chương II"/"Điều 5" only because a sentence citing it wrapped there:
    the line before breaks off mid-sentence and the rest is not a heading."""
    if prev is None or lab.kind not in ("part", "chapter", "section", "article"):
        return False
    if re.search(r"[.:;!?)\]\"”]\s*$", prev.text):
        return False
    if _CITING_END.search(prev.text):
        return True  # "… tại khoản 1" / "Điều 34.": the line above cites it
    rest = text[lab.rest_start :].strip()
    if rest[:1] in (",", ";"):
        return True  # "Điều 25, khoản 3 Điều 29 …": a list of references
    if re.search(r"\d[a-z]?\s*[.:]\s*$", text[: lab.rest_start]) and rest[:1].isupper():
        return False  # "Điều 2. Quyết định này có hiệu lực …": the article's own dot
    return not cues.is_upper(rest) and (rest[:1].islower() or bool(_REFERENCE_TAIL.match(rest)))


# A line that breaks off on these words cites the article or chapter the next line names.
_CITING_END = re.compile(
    r"\b(?:tại|theo|của|khoản\s+\d+[a-zđ]?|điểm\s+[a-zđ]|tên|và|hoặc|quy\s+định\s+tại)\s*$"
)


@dataclass
class _Node:
    section: Section
    rank: float
    bullet: str | None = None
    text_parts: list[str] = field(default_factory=list)
    colon_heading: bool = False
    explicit_bullet: bool = False  # a bullet written in the text (not one inferred for lost dashes)
    implicit_children: bool = False


class _Quotes:
    """Text quoted from another document ("1. Đối tượng … bao gồm: a) …") keeps its labels as
    words: they number the other document's outline, not this one's."""

    def __init__(self) -> None:
        self.open = False
        self.numbers: set[str] = set()  # number labels seen inside quotations

    def label(self, text: str) -> _Label | None:
        """The line's label, None inside a quotation. A line that starts with a quote it closes
        itself ("“Khẩn” (sau đây gọi …") opens none."""
        opens = text.lstrip()[:1] in '"“' and _unbalanced(text)
        closes = (
            text.rstrip()[-1:] in '"”'
            or text.rstrip().endswith(('";', "”;", '".', "”."))
            or (self.open and text.count("”") > text.count("“"))
        )
        quoted = self.open or (opens and not closes)
        self.open = (self.open or opens) and not closes
        if quoted or opens:
            inner = parse_label(text.lstrip('"“ '))
            if inner is not None and inner.kind == "number":
                self.numbers.add(inner.label)
            return None
        return parse_label(text)


class _Outline:
    """The section tree, built line by line: each step below handles one kind of line."""

    def __init__(self, ctx: ParseContext) -> None:
        self.ctx = ctx
        self.roots: list[Section] = []
        self.stack: list[_Node] = []
        self.ids: set[str] = set()
        self.preamble: list[str] = []
        self.bullet_ranks: dict[str, float] = {}
        self.prev: Line | None = None
        self.quotes = _Quotes()
        # The sections a closing paragraph closed and the lines read since, kept in case the
        # list goes on ("Trong quá trình thực hiện …" inside item 6, then "7. …").
        self.suspended: list[_Node] = []
        self.marks = (0, 0)  # where the conclusion and the preamble stood when it closed them

    def label(self, line: Line) -> _Label | None:
        text = line.full_text
        lab = self.quotes.label(text)
        if lab is not None and _wrapped_reference(self.prev, text, lab):
            return None  # "… quy định tại" / "Chương II Nghị định này.": a reference, wrapped
        if (
            lab is not None
            and lab.kind == "number"
            and not self.stack
            and lab.label.isdigit()
            and str(int(lab.label) - 1) in self.quotes.numbers
            and not any(s.kind == "number" for s in self.roots)
        ):
            return None  # "2." continuing a list whose "1." stood inside a quotation
        if self.quotes.open or text.lstrip()[:1] in '"“':
            return lab
        if lab is not None and _table_row(text, lab):
            return None  # "II. Đồ uống và thuốc lá 112,77 100,83 102,80": a table's row
        if lab is not None and _undotted(text, lab) and int(lab.label) not in self._due_numbers():
            return None  # "3 Cho phép tra cứu …": a table's row number, not the item due
        if (
            lab is not None
            and not re.search(r"[.)]", text[: lab.rest_start])
            and _continues(self.prev, line)
            and not self._due(lab)
        ):
            # "… quận" / "I- TP.Hồ Chí Minh).": a wrapped address read as a dashed label
            return None
        return self.roman_in_sequence(text, lab)

    def _due(self, lab: _Label) -> bool:
        """Whether an arabic or roman label continues its list (other kinds: always)."""
        if lab.kind == "number" and lab.label.isdigit():
            return int(lab.label) in self._due_numbers()
        if lab.kind != "roman":
            return True
        romans = [cues.roman_value(s.label or "") for s in self.roots if s.kind == "roman"]
        if romans and romans[-1] is not None:
            return lab.label == cues.to_roman(romans[-1] + 1)
        # A first roman heading stands above any arabic one; none came before it.
        return lab.label == "I" and not any(s.kind == "number" for s in self.roots)

    def _due_numbers(self) -> set[int]:
        """The arabic labels that would continue a list: at the top or under an open section."""
        due: set[int] = set()
        for children in [self.roots, *(n.section.children for n in self.stack)]:
            labels = [s.label or "" for s in children if s.kind == "number"]
            numbers = [int(label) for label in labels if label.isdigit()]
            due.add(numbers[-1] + 1 if numbers else 1)
        return due

    def roman_in_sequence(self, text: str, lab: _Label | None) -> _Label | None:
        """A top-level roman heading that OCR damaged ("HI." for III, "VHI." for VIII, "V," for
        V, "II." read twice): the gap it leaves in the sequence of the headings found is
        evidence enough when the line reads as the numeral that is due, up to its I strokes,
        and opens a heading written like the first roman one."""
        if (lab is not None and lab.kind not in ("roman", "letter")) or any(
            n.rank < _RANK["roman"] for n in self.stack
        ):
            return lab
        romans = [s for s in self.roots if s.kind == "roman"]
        last = cues.roman_value(romans[-1].label or "") if romans else None
        if last is None:
            return lab
        due = cues.to_roman(last + 1)
        if lab is not None and lab.label == due:
            return lab
        m = _DAMAGED_ROMAN.match(text)
        if m is None:
            return self._bare_roman(text, due, romans[0]) or lab
        read = m.group(1).translate(_ROMAN_STROKES)
        rest = text[m.end() :].strip()
        first = romans[0].heading or romans[0].text
        words = current().outline.heading_style_words  # a quotation may follow in lower case
        if (
            read.replace("I", "") != due.replace("I", "")
            or not rest[:1].isupper()
            or cues.is_upper(" ".join(rest.split()[:words]))
            != cues.is_upper(" ".join(first.split()[:words]))
        ):
            return lab
        return _Label("roman", due, m.end())

    def _bare_roman(self, text: str, due: str, first: Section) -> _Label | None:
        """The roman numeral that is due with its dot lost ("II NHIỆM VỤ CỤ THỂ" after "I.
        MỤC ĐÍCH …"): a label only when the whole rest is in capitals, as the first roman
        heading is."""
        m = _BARE_ROMAN.match(text)
        if m is None or m.group(1) != due:
            return None
        rest = text[m.end() :].strip()
        if not (cues.is_upper(rest) and cues.is_upper(first.heading or first.text)):
            return None
        return _Label("roman", due, m.end())

    def conclusion(self, line: Line) -> None:
        """ "Trên đây là Kế hoạch …": the closing paragraph belongs to no section."""
        if self.stack:
            self.suspended = list(self.stack)
            self.marks = (len(self.ctx.conclusion), len(self.preamble))
        while self.stack:
            _close(self.stack.pop())
        self.ctx.conclusion.append(line.text)
        self.prev = None

    def resume(self, lab: _Label) -> None:
        """A numbered item that continues a list the closing paragraph closed ("Trong quá trình
        thực hiện …" inside item 6, then "7. …"): that paragraph, and what followed it, was the
        last item's text, and the sections it closed are open again."""
        suspended, self.suspended = self.suspended, []
        if not suspended or self.stack or lab.kind != "number" or not lab.label.isdigit():
            return
        due = {
            int(labels[-1]) + 1
            for node in suspended
            if (labels := [s.label or "" for s in node.section.children if s.kind == "number"])
            and labels[-1].isdigit()
        }
        if int(lab.label) not in due:
            return
        conclusion, preamble = self.marks
        moved = self.ctx.conclusion[conclusion:] + self.preamble[preamble:]
        del self.ctx.conclusion[conclusion:], self.preamble[preamble:]
        self.stack = suspended
        self.stack[-1].text_parts.extend(moved)

    def heading_of_top(self, line: Line) -> bool:
        """ "Chương I" on its own line, its title ("QUY ĐỊNH CHUNG") on the next."""
        top = self.stack[-1] if self.stack else None
        if (
            top is not None
            and top.section.kind in ("part", "chapter", "section")
            and top.section.heading is None
            and not top.text_parts
            and cues.is_upper(line.text)
        ):
            top.section.heading = line.text.strip()
            self.prev = None
            return True
        return False

    def lost_bullet(self, line: Line) -> _Label | None:
        """ "1. Lãnh đạo nhà trường:" followed by unlabelled duties: their dashes were lost."""
        stack = self.stack
        if stack and stack[-1].colon_heading and _lost_bullet(line.text):
            stack[-1].implicit_children = True
            return _Label("bullet", "-", 0)
        if (
            stack
            and stack[-1].implicit_children is False
            and stack[-1].section.kind == "bullet"
            and len(stack) > 1
            and stack[-2].implicit_children
            and _lost_bullet(line.text)
        ):
            return _Label("bullet", "-", 0)
        return None

    def paragraph(self, line: Line) -> None:
        """A new paragraph after a dashed list is the section's again ("Các đơn vị báo cáo …
        trước ngày 25/5"), not part of the list's last item."""
        while len(self.stack) > 1 and self.stack[-1].explicit_bullet:
            _close(self.stack.pop())
        if self.stack:
            self.stack[-1].text_parts.append(line.text)
        else:
            self.preamble.append(line.text)
        self.prev = line

    def section(self, line: Line, lab: _Label) -> None:
        """A labelled line opens a section under the nearest one of lower rank."""
        text = line.full_text
        rank = _rank(lab, self.stack, self.bullet_ranks)
        if self._repeats_a_top_label(lab, rank):
            # A second top-level "2)" is a table row, a footnote or a line of the closing that
            # OCR read as a label, not a section: its text stays where it stands.
            if self.stack:
                self.stack[-1].text_parts.append(line.text)
            self.prev = line
            return
        while self.stack and self.stack[-1].rank >= rank:
            _close(self.stack.pop())
        parent = self.stack[-1] if self.stack else None
        siblings = parent.section.children if parent else self.roots
        node_id = _make_id(lab, parent.section if parent else None, siblings, self.ids)
        rest = text[lab.rest_start :].strip()
        heading, body = _split_heading(lab, rest)
        section = Section(
            id=node_id,
            label=lab.label,
            kind=lab.kind,
            heading=heading,
            span=self.ctx.span(
                line, max(0, lab.rest_start - (len(line.full_text) - len(line.text)))
            ),
        )
        siblings.append(section)
        node = _Node(section, rank, lab.label if lab.kind == "bullet" else None)
        node.explicit_bullet = lab.kind == "bullet" and lab.rest_start > 0
        # A heading that introduces a list ("… :", or a heading in capitals with no text of its
        # own): unlabelled paragraphs under it are items whose dashes were lost.
        node.colon_heading = heading is not None and (
            rest.rstrip().endswith(":") or (not body and cues.is_upper(rest))
        )
        if body:
            node.text_parts.append(body)
        self.stack.append(node)
        self.prev = line
        section.end_line = line.index

    def _repeats_a_top_label(self, lab: _Label, rank: float) -> bool:
        top_level = all(node.rank >= rank for node in self.stack)
        return (
            top_level
            and lab.kind != "bullet"
            and any(s.label == lab.label and s.kind == lab.kind for s in self.roots)
        )

    def add(self, line: Line) -> None:
        lab = self.label(line)
        # A paragraph opens in capitals; "trong quá trình …" is a wrapped sentence's tail.
        if (
            lab is None
            and _CONCLUSION.match(line.full_text)
            and line.full_text.lstrip()[:1].isupper()
        ):
            self.conclusion(line)
            return
        if lab is not None and lab.kind == "bullet" and not self.stack:
            self.preamble.append(line.text)  # a list before any numbered section is opening text
            self.prev = line
            return
        if lab is None and self.heading_of_top(line):
            return
        if lab is None and self.stack and _continues(self.prev, line):
            self.stack[-1].text_parts.append(line.text)
            self.prev = line
            return
        lab = lab or self.lost_bullet(line)
        if lab is None:
            self.paragraph(line)
        else:
            self.resume(lab)
            self.section(line, lab)

    def finish(self) -> None:
        while self.stack:
            _close(self.stack.pop())
        ctx = self.ctx
        ctx.doc.sections = self.roots
        _end_lines(self.roots)
        ctx.preamble = self.preamble
        ctx.doc.preamble = " ".join(self.preamble) or None
        ctx.doc.conclusion = " ".join(ctx.conclusion) or None


def extract(ctx: ParseContext) -> None:
    outline = _Outline(ctx)
    for line in _body_lines(ctx):
        outline.add(line)
    outline.finish()


def _body_lines(ctx: ParseContext) -> list[Line]:
    start = ctx.header_end
    # Skip the opening: Kính gửi, căn cứ paragraphs, "QUYẾT ĐỊNH:" — they are not sections.
    return [ln for ln in ctx.lines[start : ctx.body_end] if ln.zone in (Zone.BODY, Zone.TABLE)]


def _rank(lab: _Label, stack: list[_Node], bullet_ranks: dict[str, float]) -> float:
    if lab.kind == "bullet":
        # Bullet characters nest by first appearance under the current labelled node: the first
        # kind seen is the outer one ("-" then "+").
        owner = next((n for n in reversed(stack) if n.section.kind != "bullet"), None)
        owner_rank = owner.rank if owner else 8.5
        chars = [n.bullet for n in stack if n.section.kind == "bullet" and n.rank > owner_rank]
        norm = "-" if lab.label in "-–—" else lab.label
        if norm in [("-" if c in "-–—" else c) for c in chars if c]:
            idx = [("-" if c in "-–—" else c) for c in chars if c].index(norm)
            return owner_rank + 1 + idx
        return owner_rank + 1 + len(chars)
    if lab.kind == "number" and "." in lab.label:
        return _RANK["number"] + 0.5 * lab.label.count(".")
    return float(_RANK[lab.kind])


def _make_id(lab: _Label, parent: Section | None, siblings: list[Section], ids: set[str]) -> str:
    if lab.kind == "bullet":
        k = sum(1 for s in siblings if s.kind == "bullet") + 1
        base = f"{parent.id}-{k}" if parent else f"-{k}"
    elif lab.kind == "article":
        base = lab.label
    else:
        own = lab.label.split(".")[-1] if lab.kind == "number" else lab.label
        if (
            lab.kind == "number"
            and "." in lab.label
            and parent is not None
            and parent.kind == "number"
        ):
            own = lab.label.split(".")[-1]
        base = f"{parent.id}.{own}" if parent else own
    node_id = base
    n = 2
    while node_id in ids:
        node_id = f"{base}~{n}"
        n += 1
    ids.add(node_id)
    return node_id


_CONCLUSION_DOCS = (
    r"(?:công\s+văn|văn\s+bản|kế\s+hoạch|thông\s+báo|chỉ\s+thị|hướng\s+dẫn|quyết\s+định)"
)
_CONCLUSION = re.compile(
    r"^\s*(Trên\s+đây\s+là|Trong\s+quá\s+trình\s+(thực\s+hiện|triển\s+khai)|Nhận\s+được\s+"
    + _CONCLUSION_DOCS
    + r"\s+này)",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.;!?…”\")]\s*$|\./\.\s*$")


def _split_heading(lab: _Label, rest: str) -> tuple[str | None, str]:
    """Heading vs text: "MỤC ĐÍCH – YÊU CẦU:" is a heading; "Lãnh đạo nhà trường: chủ trì …" is a
    heading followed by text; a full sentence is text."""
    if not rest:
        return None, ""
    if lab.kind == "bullet":
        return None, rest
    stripped = rest.rstrip()
    s = current().outline
    if cues.is_upper(stripped) and len(stripped) < s.caps_heading_chars:
        return stripped.rstrip(":. ").strip() or None, ""
    if stripped.endswith(":") and len(stripped) < s.colon_heading_chars:
        return stripped.rstrip(":").strip(), ""
    m = re.match(r"^([^:;.]{3,80}):\s+(\S.*)$", stripped)
    if m and not re.search(r"\d{1,2}/\d{1,2}", m.group(1)):
        return m.group(1).strip(), m.group(2).strip()
    if len(stripped) <= s.short_heading_chars and not _SENTENCE_END.search(stripped):
        return stripped, ""
    if lab.kind == "article":
        # "Điều 1. Phạm vi điều chỉnh" vs "Điều 1. Ban hành kèm theo Quyết định này …."
        first = re.match(r"^(.{3,120}?)\.\s+(\S.*)$", stripped)
        if first and not first.group(1).count(","):
            return first.group(1), first.group(2)
    return None, rest


# A figure standing as a table cell: "112,77", "1.250", "99,5%" (not a range's dash: "2021 -
# 2025" in a heading is one period).
# A cell ends in a digit or "%": "năm 2025, 2030" and "khoản 1, 2" are a heading's words.
_FIGURE_CELL = r"[-+]?\d(?:[\d.,]*\d)?%?"


def _table_row(text: str, lab: _Label) -> bool:
    """A numbered line whose text ends in a run of figures: a row of a table of figures (a CPI
    table's "II. Đồ uống và thuốc lá 112,77 100,83 102,80"), not an outline heading."""
    if lab.kind not in ("roman", "number", "capletter"):
        return False
    cells = current().outline.table_row_cells
    return bool(re.search(rf"(?:\s+{_FIGURE_CELL}){{{cells},}}\s*$", text[lab.rest_start :]))


def _undotted(text: str, lab: _Label) -> bool:
    """ "3 Cho phép …": an arabic label written without its dot or bracket."""
    return (
        lab.kind == "number"
        and lab.label.isdigit()
        and not re.search(r"[.)\-]", text[: lab.rest_start])
    )


def _continues(prev: Line | None, line: Line) -> bool:
    """A PDF wrapped this line off the previous one."""
    if prev is None:
        return False
    p = prev.full_text.rstrip()
    t = line.text
    if not p or _SENTENCE_END.search(p) or p.endswith(":"):
        return False
    if t[:1].islower():
        return True
    return len(p) >= current().outline.wrap_min_chars and not cues.is_upper(t)


def _lost_bullet(text: str) -> bool:
    return len(text) > current().outline.lost_bullet_min_chars and not cues.is_upper(text)


def _close(node: _Node) -> None:
    node.section.text = re.sub(r"\s+", " ", " ".join(node.text_parts)).strip()


def _end_lines(sections: list[Section]) -> int | None:
    last = None
    for s in sections:
        child_end = _end_lines(s.children)
        s.end_line = (
            max(x for x in (s.end_line, child_end) if x is not None)
            if (s.end_line is not None or child_end is not None)
            else None
        )
        last = s.end_line if s.end_line is not None else last
    return last
