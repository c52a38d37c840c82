"""Which component of the decree each piece of a .docx paragraph is.

A header may be laid out in a table, with tab stops, with indents, in text boxes or with line
breaks inside one paragraph; so a paragraph is cut into pieces at tabs, line breaks and wide runs
of spaces, and each piece is named by its own words (Quốc hiệu, "Số:", the date line, a type
name, "Nơi nhận:", a signing prefix) and by its place among the others. A piece keeps the runs it
covers, which is what the form rules check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ... import cues
from ...readers.base import Line, ParagraphForm, Run, Zone

_CUT = re.compile(r"[\t\n]+| {3,}")
# Quốc hiệu and Tiêu ngữ typed on one line without a break between them.
_NATIONAL_END = re.compile(r"(?<=VIỆT NAM)\s+(?=Độc lập|ĐỘC LẬP)")
_SIDE_INDENT_MM = 50.0  # a paragraph indented this far sits in the right half of the page


@dataclass
class Piece:
    """A stretch of one paragraph: its text, the runs under it and the component it is."""

    line: Line  # the reader's line it belongs to (for the finding's position)
    form: ParagraphForm
    text: str
    runs: list[tuple[int, Run]]  # (run index in the paragraph, the run cut to the piece)
    side: str | None  # left, right or None when the layout does not tell
    first_of_paragraph: bool
    component: str | None = None
    para_key: tuple[object, ...] = field(default_factory=tuple)

    @property
    def inked(self) -> list[tuple[int, Run]]:
        """The runs that put letters on the page (not bare spaces, tabs or punctuation)."""
        return [(i, r) for i, r in self.runs if any(ch.isalpha() for ch in r.text)]


def paragraphs(lines: list[Line]) -> list[tuple[Line, ParagraphForm, list[Line]]]:
    """Each paragraph that has form once, with its first line and all its lines, in order."""
    out: list[tuple[Line, ParagraphForm, list[Line]]] = []
    seen: dict[tuple[object, ...], int] = {}
    for ln in lines:
        if ln.form is None or ln.zone is Zone.META:
            continue
        key = _key(ln)
        if key in seen:
            out[seen[key]][2].append(ln)
            continue
        seen[key] = len(out)
        out.append((ln, ln.form, [ln]))
    return out


def _key(ln: Line) -> tuple[object, ...]:
    loc = ln.loc
    text = "".join(r.text for r in ln.form.runs) if ln.form else ""
    return (loc.paragraph, loc.table, loc.row, loc.col, ln.form.frame if ln.form else None, text)


def pieces(lines: list[Line]) -> list[Piece]:
    """The pieces of every paragraph, in document order."""
    out: list[Piece] = []
    for first, form, its_lines in paragraphs(lines):
        text = "".join(shown(r) for r in form.runs)
        bounds = _run_bounds(form.runs)
        spans = list(_spans(text))
        for k, (start, end) in enumerate(spans):
            piece_text = text[start:end].strip()
            runs = [
                (i, replace(r, text=r.text[max(a, start) - a : min(b, end) - a]))
                for i, (a, b, r) in enumerate(bounds)
                if a < end and b > start
            ]
            line = _line_for(piece_text, its_lines) or first
            side = _side(line, form, k, len(spans))
            out.append(Piece(line, form, piece_text, runs, side, k == 0, para_key=_key(first)))
    return out


def shown(run: Run) -> str:
    """The run's text as the page shows it: all capitals when the run is set in caps."""
    return run.text.upper() if run.caps and len(run.text.upper()) == len(run.text) else run.text


def _run_bounds(runs: list[Run]) -> list[tuple[int, int, Run]]:
    bounds, pos = [], 0
    for r in runs:
        bounds.append((pos, pos + len(r.text), r))
        pos += len(r.text)
    return bounds


def _spans(text: str) -> list[tuple[int, int]]:
    cuts = [(m.start(), m.end()) for m in _CUT.finditer(text)]
    cuts += [(m.start(), m.end()) for m in _NATIONAL_END.finditer(text)]
    cuts.sort()
    spans, pos = [], 0
    for a, b in cuts:
        if a > pos:
            spans.append((pos, a))
        pos = max(pos, b)
    if pos < len(text):
        spans.append((pos, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _line_for(text: str, lines: list[Line]) -> Line | None:
    norm = " ".join(text.split())
    return next((ln for ln in lines if norm and (norm in ln.text or ln.text in norm)), None)


def _side(line: Line, form: ParagraphForm, k: int, n: int) -> str | None:
    """The half of the page the piece sits in, when the layout says it."""
    if line.zone in (Zone.HEADER_LEFT, Zone.CLOSING_LEFT):
        return "left"
    if line.zone in (Zone.HEADER_RIGHT, Zone.CLOSING_RIGHT):
        return "right"
    if line.loc.col is not None:
        return "left" if line.loc.col == 0 else "right"
    if n > 1:
        return "left" if k == 0 else "right"
    if form.frame == "textbox":
        return None
    if (form.indent_left or 0) >= _SIDE_INDENT_MM or form.align == "right":
        return "right"
    return None


# --- naming the pieces ------------------------------------------------------------------------

ARTICLE = re.compile(r"^Điều\s+\d+[a-zđ]?\s*\.\s")  # "Điều 1. …": an article, its label bold
# The căn cứ of a decision, and the proposal it ends with ("Theo đề nghị của …", "Xét …").
_BASIS = re.compile(r"^(Căn\s+cứ|Theo\s+đề\s+nghị|Xét)\b")
_HEADER_LIMIT = 16  # pieces: the header is the top of the first page
_BODY_MIN = 60  # characters: shorter pieces are headings, labels or list entries


def name_pieces(items: list[Piece]) -> None:
    """Set `component` on each piece the decree names; the rest stay None."""
    header_end = _header(items)
    _closing(items, header_end)
    for p in items[header_end:]:
        if p.component is not None or p.line.zone is not Zone.BODY:
            continue
        if _BASIS.match(p.text) and p.first_of_paragraph and _before_operative(items, p):
            p.component = "can_cu"  # short ones too: "Căn cứ Luật Giáo dục ngày …;"
        elif len(p.text) >= _BODY_MIN or ARTICLE.match(p.text):
            if cues.BASES_OPENER.match(p.text) and p.text.startswith("Căn cứ"):
                p.component = "noi_dung"  # a "Căn cứ" paragraph of a text with no operative words
            elif p.form.frame is None and p.line.loc.table is None:
                p.component = "noi_dung"


def _before_operative(items: list[Piece], piece: Piece) -> bool:
    """A "Căn cứ" line before the operative words (QUYẾT ĐỊNH:, QUYẾT NGHỊ:) of a decision."""
    after = items[items.index(piece) :]
    return any(re.match(rf"^({cues.OPERATIVE_WORDS})\s*:", p.text) for p in after[:30])


def _header(items: list[Piece]) -> int:
    """Name the header's pieces; returns the index of the first piece after the header."""
    left_upper: list[Piece] = []
    end = 0
    for i, p in enumerate(items[: _HEADER_LIMIT + 8]):
        text = p.text
        if cues.national_span(text) and (cues.is_upper(text) or len(text) < 60):
            p.component = "quoc_hieu"
        elif cues.motto_span(text):
            p.component = "tieu_ngu"
        elif cues.NUMBER_LINE.match(text):
            p.component = "so_ky_hieu"
        elif cues.VV_LINE.match(text):
            p.component = "trich_yeu_cong_van"
        elif cues.DATE_PHRASE.search(text) and len(text) < 90:
            p.component = "dia_danh_ngay"
        elif cues.title_type(text) and (cues.is_upper(text) or _lone_type_name(p)):
            p.component = "ten_loai"
            end = _subject(items, i + 1)
            break
        elif cues.ADDRESSEE.match(text):
            p.component = "kinh_gui"
            end = i + 1
            break
        elif cues.RULE_LINE.match(text):
            continue
        elif cues.is_upper(text) and p.side != "right" and i < _HEADER_LIMIT:
            left_upper.append(p)
        elif len(text) >= _BODY_MIN:
            end = i
            break
        end = i + 1
    _issuer(left_upper, items)
    return end


def _lone_type_name(p: Piece) -> bool:
    """A type name alone on a centred line ("Thông báo"): the tên loại, written in lower case."""
    name = cues.title_type(p.text)
    return (
        bool(name)
        and p.first_of_paragraph
        and p.form.align == "center"
        and (p.text.strip().rstrip(":").lower() == (name or "").lower())
    )


def _issuer(candidates: list[Piece], items: list[Piece]) -> None:
    """The upper-case lines of the left header above "Số:": the last names the issuing body,
    the ones before it the parent body."""
    number = next((p for p in items if p.component == "so_ky_hieu"), None)
    if number is not None:
        candidates = [p for p in candidates if items.index(p) < items.index(number)]
    candidates = [p for p in candidates if not cues.SIGN_PREFIX.match(p.text)]
    for k, p in enumerate(candidates):
        p.component = "co_quan_ban_hanh" if k == len(candidates) - 1 else "co_quan_chu_quan"
    if len(candidates) > 1 and all(_bold(p) for p in candidates):
        for p in candidates:  # a long issuing body's name on two lines, all bold
            p.component = "co_quan_ban_hanh"


def _bold(p: Piece) -> bool:
    return bool(p.inked) and all(r.bold for _, r in p.inked)


def _subject(items: list[Piece], start: int) -> int:
    """Name the trích yếu under the type name; returns the index after it."""
    i = start
    while i < len(items) and i < start + 3:
        p = items[i]
        if cues.RULE_LINE.match(p.text):
            i += 1
            continue
        if (
            (cues.BASES_OPENER.match(p.text) and not _centred_subject(p, i == start))
            or cues.ADDRESSEE.match(p.text)
            or cues.is_upper(p.text)  # the authority line, QUYẾT ĐỊNH:
            or (i > start and p.form.align != "center")
        ):
            break
        p.component = "trich_yeu"
        i += 1
    return i


def _centred_subject(p: Piece, first: bool) -> bool:
    """A centred line right under the type name opening like a căn cứ ("Thực hiện nhiệm vụ năm
    học …") is the trích yếu: căn cứ paragraphs are justified and end in ";" or "."."""
    return first and p.form.align == "center" and not p.text.rstrip().endswith((";", ":"))


def _closing(items: list[Piece], start: int) -> None:
    """Name Nơi nhận and its list, the signing prefix, the signer's title and name."""
    label = next(
        (k for k in range(start, len(items)) if cues.RECIPIENTS_LABEL.match(items[k].text)), None
    )
    prefix = next((k for k in range(start, len(items)) if cues.sign_prefix(items[k].text)), None)
    if label is not None:
        items[label].component = "noi_nhan"
        for p in items[label + 1 :]:
            if p.side == "right" or cues.sign_prefix(p.text):
                continue
            if p.text[:1] in "-–+•" or p.text.lower().startswith("lưu"):
                p.component = "noi_nhan_ds"
    anchors = [k for k in (prefix, label) if k is not None]
    begin = min(anchors) if anchors else max(start, len(items) - 6)
    for k in range(begin, len(items)):
        p = items[k]
        if p.component is not None or p.side == "left" or len(p.text) > 60:
            continue
        if cues.sign_prefix(p.text):
            p.component = "quyen_han"
        elif cues.is_upper(p.text) and (prefix is not None or p.side == "right"):
            p.component = "chuc_vu"
        elif _signer_name(p.text) and (anchors or p.side == "right"):
            p.component = "ho_ten"


def _signer_name(text: str) -> bool:
    return cues.is_person_name(cues.SIGNED_NOTE_IN_LINE.sub("", text).strip())
