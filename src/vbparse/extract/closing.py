"""Closing: where the body ends, the recipients (Nơi nhận) and the signer.

Handles the closing table of converters (two zones), flat text (one column), and flat text where
two-column extraction interleaved the Nơi nhận list with the signer block line by line
("- Như trên;  KT. CHỦ TỊCH").
"""

from __future__ import annotations

import re
from dataclasses import replace

from .. import cues
from ..model import Document
from ..readers.base import Line, Zone
from ..settings import current
from ..text.charclass import LO, UP
from ..text.syllables import is_syllable
from ..vocab import NAME_SYLLABLES, ORG_HEADS, SURNAMES, TITLES
from . import respell, signer
from .candidates import Candidate
from .context import ParseContext

_TRAILING_CAPS = re.compile(
    rf"^(?P<left>.*?[;:.,)])\s+(?P<right>(?:{cues.SIGN_PREFIX_WORD}\s*)?[{UP}][{UP} ,.\-]{{3,}}"
    rf"(?:\s+(?:[{UP}][{LO}]+\s+){{1,5}}[{UP}][{LO}]+)?)$"
)
_TRAILING_NAME = re.compile(
    rf"^(?P<left>.*?[;.])\s+(?P<right>(?:[{UP}][{LO}]+\s+){{1,5}}[{UP}][{LO}]+)$"
)
# "- HĐND, UBND …;   [ (Đã ký)": the signature placeholder of the right column.
_TRAILING_NOTE = re.compile(
    r"^(?P<left>.*?[;:.,)])\s+(?P<right>[\[(]+\s*\(?\s*(?:đã\s+)?ký\b.*)$", re.I
)
_SECTION_LABEL = re.compile(
    r"^\s*(Chương|Điều|Phần|Mục)\s+[\dIVXLC]+\b|^\s*(PHỤ LỤC|QUY CHẾ|QUY ĐỊNH)\b"
)


def find_closing(ctx: ParseContext) -> None:
    """Set ctx.closing_start: the first line after the body. When another document is attached
    after this one (a scan of a công văn followed by the Quyết định it forwards), the closing is
    looked for before the attachment first: the attachment's own Nơi nhận, converter zones or
    "./." would otherwise be taken for this document's."""
    _repair_recipients_label(ctx)
    lines = ctx.lines
    start = ctx.header_end
    zoned = [i for i, ln in enumerate(lines) if ln.zone in (Zone.CLOSING_LEFT, Zone.CLOSING_RIGHT)]
    end = second_document(lines)
    if start < end < len(lines) and (not zoned or zoned[0] >= end):
        before = _closing_in(lines[:end], start, strict=True)
        if before is not None:
            ctx.closing_start = before
            return
    if zoned and not _earlier_closing(ctx, zoned[0]):
        pos = _first_real_closing(lines, zoned)
        # "TM. BAN THƯỜNG VỤ" printed a little higher than "Nơi nhận:" is laid out above the
        # closing table: the authority line opens the closing all the same.
        while pos - 1 > start and _authority_line(lines[pos - 1].text):
            pos -= 1
        ctx.closing_start = pos
        return
    ctx.closing_start = _closing_in(lines, start, strict=False)


def _annex_opens(text: str) -> bool:
    """The line is the heading of an annex, a form or a list attached after the closing."""
    return bool(cues.ANNEX_HEADING.match(text) or cues.LIST_HEADING.match(text))


def _first_real_closing(lines: list[Line], zoned: list[int]) -> int:
    """The first closing table that is a document's own closing, not a sample of one that a
    guide on the format shows in its body ("T/M ĐOÀN CHỦ TỊCH (chữ ký) Họ và tên"): a sample
    leaves the name to be written and holds no Nơi nhận. With only samples, the first."""
    runs: list[list[int]] = []
    for i in zoned:
        if runs and i - runs[-1][-1] <= 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        texts = [lines[i].text for i in run]
        sample = any(cues.NAME_PLACEHOLDER.search(t) for t in texts) and not any(
            cues.RECIPIENTS_LABEL.match(t) or _trailing_name(_SIGNED_TAIL.sub("", t)) for t in texts
        )
        if not sample:
            return run[0]
    return zoned[0]


def _earlier_closing(ctx: ParseContext, zoned: int) -> bool:
    """A scan's layout zones its last page's closing; a Nơi nhận list with a signer under it on
    an earlier page (a notice followed by the plan it sends, with no heading of its own) is
    this document's closing."""
    label = _recipients_line(ctx.lines[:zoned], ctx.header_end)
    if label is None:
        return False
    below = ctx.lines[label : min(zoned, label + 12)]
    if not any(_signer_like(ln.text) for ln in below[1:]):
        return False
    # In typed text, only when an annex or form opens between the two: its sample or its own
    # signature table is not this document's closing.
    return respell.read_by_ocr(ctx) or any(
        cues.ANNEX_HEADING.match(ln.text) or cues.form_type(ln.text)
        for ln in ctx.lines[label + 1 : zoned]
    )


def _closing_in(lines: list[Line], start: int, *, strict: bool) -> int | None:
    """The first line of the closing among `lines` after `start`. `strict`: only on evidence
    (a signer or a list after the body's "./.", a Nơi nhận label), never the last "./." alone."""
    s = current().closing
    recipients = _recipients_line(lines, start)
    marks = [i for i in range(start, len(lines)) if cues.END_MARK.search(lines[i].text)]
    # The "./." that ends the body: the last one just above Nơi nhận, or without Nơi nhận the
    # first one a signer block follows. (A decree on văn thư mentions "./." in its articles.)
    if recipients is not None:
        end_mark = next(
            (i for i in reversed(marks) if recipients - s.end_mark_lines <= i < recipients), None
        )
    else:
        followed = [i for i in marks if _signer_follows(lines, i + 1)]
        end_mark = followed[0] if followed else (marks[-1] if marks and not strict else None)
    if end_mark is not None:
        return end_mark + 1
    if recipients is None:
        # A list ending in "- Lưu: …" whose label OCR lost opens the closing, also when no
        # "./." or signer line survived the scan around it.
        listed = _list_before(lines, start)
        if listed is not None:
            return listed
        if strict:
            return _signed_block(lines, start)
    if recipients is not None:
        # Signer lines printed (or extracted) above Nơi nhận belong to the closing too.
        pos = recipients
        while pos - 1 > start and (
            _signer_like(lines[pos - 1].text)
            or (pos < recipients and _signer_caption(lines[pos - 1].text))
        ):
            pos -= 1
        return pos
    # No Nơi nhận: the signer block is the capitals/name run at the very end (above a footer).
    end = len(lines)
    while end - 1 > start and end > len(lines) - 3 and cues.FOOTER_LINE.match(lines[end - 1].text):
        end -= 1
    pos = end
    while pos - 1 > start and pos > end - s.signer_tail_lines and _signer_like(lines[pos - 1].text):
        pos -= 1
    return pos if pos < end else None


def _signed_block(lines: list[Line], start: int) -> int | None:
    """Where the last signer block opens when there is neither Nơi nhận nor "./." (a Công báo
    notice before the treaty it announces): the last signing prefix line ("TL. BỘ TRƯỞNG")
    with a person's name a few lines under it, and the prefix lines right above it."""
    reach = current().closing.signer_tail_lines
    for pos in range(len(lines) - 1, start, -1):
        if not cues.sign_prefix(lines[pos].text):
            continue
        below = lines[pos + 1 : pos + 1 + reach]
        if any(_trailing_name(ln.text) for ln in below):
            while pos - 1 > start and cues.sign_prefix(lines[pos - 1].text):
                pos -= 1
            return pos
    return None


def _archive_item(text: str) -> bool:
    """ "- Lưu: VT, TCCB.": the last item of a Nơi nhận list."""
    return cues.fold(cues.BULLET.sub("", text, count=1)).startswith(("LUU:", "LUU VT", "LUU "))


def _list_before(lines: list[Line], start: int) -> int | None:
    """Where a Nơi nhận list whose label OCR lost begins: up from its archive item ("- Lưu: VT,
    …") over the short lines of the list and the signer block beside it, to the body."""
    archive = next(
        (i for i in range(len(lines) - 1, start, -1) if _archive_item(lines[i].text)), None
    )
    if archive is None:
        return None
    pos = archive
    while (
        pos - 1 > start
        and (
            cues.BULLET.match(lines[pos - 1].text)
            or len(lines[pos - 1].text) <= current().closing.list_line_chars
        )
        and not cues.END_MARK.search(lines[pos - 1].text)
    ):
        pos -= 1
    return pos if archive - pos >= 2 else None


_LABEL_IN_LINE = re.compile(r"(?<![\w])N[ơo]i\s*nh[ậa]n\s*:")


# "Nơi GIÁM ĐÓC nhận", "Nơi - Như nhận: trên;": OCR ordered the words of the two closing columns
# into one another; what stands between "Nơi" and "nhận" is a dashed item or the signer's caps.
_LABEL_SPLIT = re.compile(r"^\W{0,3}N[ơo]i\s+(?P<mid>\S.{0,22}?)\s+nh[ậa]n\s*(?::|$)\s*")


def _repair_recipients_label(ctx: ParseContext) -> None:
    """Give back the "Nơi nhận:" label its place at the start of its line when OCR put a seal's
    specks before it ("#k 4 \\ðiatz r £ (Nơi nhận: KT. GIÁM ĐỐC") or words of the other column
    inside it ("Nơi GIÁM ĐÓC nhận")."""
    lines = ctx.lines
    for pos in range(ctx.header_end, len(lines)):
        line = lines[pos]
        split = _LABEL_SPLIT.match(line.text)
        if split and (cues.BULLET.match(split.group("mid")) or cues.is_upper(split.group("mid"))):
            rest = line.text[split.end() :]
            text = f"Nơi nhận: {split.group('mid')} {rest}".strip()
            lines[pos] = replace(line, text=text)
            continue
        m = _LABEL_IN_LINE.search(line.text)
        if m is None or m.start() == 0 or m.start() > ctx.settings.closing.noise_before_label:
            continue
        before = line.text[: m.start()]
        words = [w for w in re.findall(r"[^\W\d_]{2,}", before) if is_syllable(w.lower())]
        if len(words) < 2 and not cues.RECIPIENTS.match(line.text):
            lines[pos] = replace(line, text=line.text[m.start() :], offset=line.offset + m.start())


def _recipients_line(lines: list[Line], start: int) -> int | None:
    """The "Nơi nhận:" that opens the closing block, not one an article or a form mentions: the
    first with a list under it or the end of the body just above it, else the last one."""
    s = current().closing
    found = [i for i in range(start, len(lines)) if cues.RECIPIENTS_LABEL.match(lines[i].text)]
    for i in found:
        below = [ln.text for ln in lines[i + 1 : i + 1 + s.label_lines_below]]
        above = [ln.text for ln in lines[max(start, i - s.label_lines_above) : i]]
        has_items = any(cues.BULLET.match(t) for t in below) or bool(
            cues.RECIPIENTS_LABEL.sub("", lines[i].text).strip()
        )
        if has_items or any(cues.END_MARK.search(t) or _signer_like(t) for t in above):
            return i
    return found[-1] if found else None


def _signer_follows(lines: list[Line], pos: int) -> bool:
    return any(
        _signer_like(ln.text) for ln in lines[pos : pos + current().closing.signer_follows_lines]
    )


def _signer_caption(text: str) -> bool:
    """ "BỘ CÔNG AN", "PHÓ VIỆN TRƯỞNG": a short line in capitals of a signer block (a body's
    name under its authority line, a title the vocabulary lacks), not a heading of the body."""
    t = text.strip()
    return (
        cues.is_upper(t)
        and len(t) < current().closing.signer_line_max_chars
        and not cues.title_type(t)
        and not _SECTION_LABEL.match(t)
        and not cues.national_span(t)
        and not cues.motto_span(t)
    )


def _authority_line(text: str) -> bool:
    """ "TM. BAN THƯỜNG VỤ", "KT. GIÁM ĐỐC": a signing prefix and short capitals after it."""
    return bool(cues.sign_prefix(text)) and _signer_caption(text)


def _signer_like(text: str) -> bool:
    t = text.strip()
    if cues.sign_prefix(t) or cues.SIGNATURE_NOTE.match(t):
        return True
    if cues.is_person_name(t):
        return True
    # "CHỦ TỊCH QUỐC HỘI Nguyễn Phú Trọng", "Nguyễn Mạnh Kiểm (Đã ký)": a closing row run together
    core = _SIGNED_TAIL.sub("", t)
    name = _trailing_name(core)
    if name:
        t = core[: len(core) - len(name)].strip()
        if not t or cues.sign_prefix(t):
            return True
    return (
        cues.is_upper(t)
        and len(t) < current().closing.signer_line_max_chars
        and t.upper().startswith(TITLES)
    )


def extract(ctx: ParseContext) -> None:
    if ctx.closing_start is None:
        find_closing(ctx)
    doc = ctx.doc
    if ctx.closing_start is None:
        doc.warn("field_missing", "no closing block (Nơi nhận, signer) found", "recipients")
        doc.warn("field_missing", "signer not found", "signer")
        return
    lines = _signers_on_the_left(_closing_lines(ctx))
    recipient_lines: list[Line] = []
    signer_lines: list[Line] = []
    # A list whose "Nơi nhận:" label OCR lost is a list all the same when it ends in "Lưu: …".
    in_recipients = not any(cues.RECIPIENTS_IN_CLOSING.match(ln.text) for ln in lines) and any(
        _archive_item(ln.text) for ln in lines
    )
    for line in lines:
        text = line.text
        m = cues.RECIPIENTS_IN_CLOSING.match(text)
        if m:
            in_recipients = True
            _label_line(ctx, line, m, recipient_lines, signer_lines)
            continue
        if line.zone is Zone.CLOSING_RIGHT:
            signer_lines.append(line)
            continue
        wrapped = in_recipients and _wraps_item(recipient_lines, text)
        # Once "Nơi nhận:" has been seen, its items go on past signer lines that two-column
        # extraction put between them ("- A;" / "TM. CHÍNH PHỦ" / "- B;").
        beside = _ITEM_BESIDE_CAPS.match(text) if in_recipients else None
        if beside and not cues.BULLET.match(text):
            # The signer block reads its caption from the whole line, as from any other.
            recipient_lines.append(replace(line, text=beside.group("left")))
            signer_lines.append(line)
            continue
        listed = in_recipients and (
            bool(cues.BULLET.match(text)) or (_recipient_like(text) and not _signer_like(text))
        )
        if line.zone is Zone.CLOSING_LEFT or listed or wrapped:
            left, right = _split_interleaved(line)
            if left is not None:
                recipient_lines.append(left)
            if right is not None:
                signer_lines.append(right)
            continue
        if cues.BULLET.match(text) and not in_recipients:
            continue
        signer_lines.append(line)
    _recipients(ctx, recipient_lines)
    if not any(_titled(ctx, ln.text) for ln in signer_lines):
        signer_lines = _titles_above(ctx) + signer_lines
    read_signer(ctx, signer_lines or _signer_above(ctx))


def _label_line(
    ctx: ParseContext,
    line: Line,
    label: re.Match[str],
    recipient_lines: list[Line],
    signer_lines: list[Line],
) -> None:
    """The "Nơi nhận:" line: what follows the label on it is the first item, or the signer's
    caption that two-column extraction put beside it, or both."""
    if label.group(0).strip().lower().startswith("noi"):
        ctx.doc.warn("fixed_phrase", f"{label.group(0).strip()!r} → 'Nơi nhận:'", "recipients")
    ctx.mark("recipients", line)
    rest = line.text[label.end() :].strip()
    if not rest:
        return
    rest_line = replace(line, text=rest, offset=line.offset + label.end())
    name = _trailing_name(rest)
    caps = rest[: len(rest) - len(name)].strip() if name else rest
    if (not caps or cues.is_upper(caps)) and (name or _signer_fragment(caps)):
        signer_lines.append(rest_line)
        return
    left, right = _split_interleaved(rest_line)
    if left is not None:
        recipient_lines.append(left)
    if right is not None:
        signer_lines.append(right)


def _wraps_item(recipient_lines: list[Line], text: str) -> bool:
    """The line carries on the list's last item (after a comma, or its tail on its own)."""
    return (
        bool(recipient_lines)
        and (
            recipient_lines[-1].text.rstrip().endswith(",")
            or _item_tail(recipient_lines[-1].text, text)
        )
        and not _starts_signer(text)
        and not cues.SIGNATURE_NOTE.match(text)
        and not cues.is_person_name(text)
        and not text.strip().isdigit()  # a page number between two pages of the list
    )


def _signers_on_the_left(lines: list[Line]) -> list[Line]:
    """A joint document's signature table with no Nơi nhận (a TTLT of five bodies): its left
    column holds signer blocks, not recipients, and the leftmost block is the one given. Its
    lines are then read as the signer's column, before the right one."""
    left = [ln for ln in lines if ln.zone is Zone.CLOSING_LEFT]
    if (
        not left
        or any(cues.RECIPIENTS.match(ln.text) or _archive_item(ln.text) for ln in lines)
        or not cues.sign_prefix(left[0].text)
        or not any(_trailing_name(ln.text) for ln in left)
    ):
        return lines
    moved = [replace(ln, zone=Zone.CLOSING_RIGHT) for ln in left]
    return moved + [ln for ln in lines if ln.zone is not Zone.CLOSING_LEFT]


def _titles_above(ctx: ParseContext) -> list[Line]:
    """The authority and title lines of the right column that OCR or extraction set just above
    Nơi nhận ("GIÁM ĐỎC" / "Nơi nhận:"), when the signer lines under it have none."""
    assert ctx.closing_start is not None
    pos = ctx.closing_start
    while pos - 1 > ctx.header_end and pos > ctx.closing_start - ctx.settings.closing.headings_run:
        if not _titled(ctx, ctx.lines[pos - 1].text):
            break
        pos -= 1
    return ctx.lines[pos : ctx.closing_start]


def _titled(ctx: ParseContext, text: str) -> bool:
    """An authority line or a title the vocabulary knows, in capitals."""
    text = _LEADING_NOISE.sub("", text.strip())
    match = signer.vocabulary_match(text)
    known = match is not None and match[2] >= ctx.settings.signer.known_similarity
    return cues.is_upper(text) and (bool(cues.sign_prefix(text)) or known)


def _signer_above(ctx: ParseContext) -> list[Line]:
    """A closing with no signer block beside or under its Nơi nhận: a scan's signatures printed
    above it (a joint programme's two signers, Nơi nhận under them). The short lines just above
    the closing, when one of them holds a name."""
    assert ctx.closing_start is not None
    s = ctx.settings.closing
    pos = ctx.closing_start
    while (
        pos - 1 > ctx.header_end
        and pos > ctx.closing_start - s.signer_tail_lines
        and len(ctx.lines[pos - 1].text) <= s.list_line_chars
        and not cues.END_MARK.search(ctx.lines[pos - 1].text)
    ):
        pos -= 1
    above = ctx.lines[pos : ctx.closing_start]
    return above if _name_in_noise(above) else []


def attachment_start(lines: list[Line], start: int) -> int:
    """Where a document attached after the closing begins (a copy of the Thông tư a công văn
    forwards, a form): the first Quốc hiệu, Tiêu ngữ or Party heading after `start`. The closing
    and the name recovery stop there: the attachment's signer is not this document's."""
    for pos in range(start, len(lines)):
        if _is_heading(lines[pos].text):
            return pos
    return len(lines)


def _is_heading(text: str) -> bool:
    # The heading itself, in capitals, not a sentence that names the Republic.
    s = current().closing
    if len(text) >= max(s.heading_max_chars, s.motto_max_chars):
        return False  # a body line: no need to look for the headings in it
    heading = cues.national_span(text) or cues.party_span(text)
    return bool(
        (
            heading
            and cues.is_upper(text[heading[0] : heading[1]])
            and len(text) < s.heading_max_chars
        )
        or (cues.motto_span(text) and len(text) < s.motto_max_chars)
    )


def second_document(lines: list[Line]) -> int:
    """Where a second document begins (the Quyết định a công văn forwards, scanned after it):
    the first Quốc hiệu, Tiêu ngữ or Party heading after the document's own; len(lines) when
    there is none."""
    first = attachment_start(lines, 0)
    own = [
        p
        for p in range(first, min(len(lines), first + current().closing.headings_run + 1))
        if _is_heading(lines[p].text)
    ]
    return attachment_start(lines, own[-1] + 1) if own else len(lines)


def _closing_lines(ctx: ParseContext) -> list[Line]:
    """Closing lines, stopping where an attached document (Quy chế, Phụ lục …) begins."""
    out: list[Line] = []
    assert ctx.closing_start is not None
    end = attachment_start(ctx.lines, ctx.closing_start)
    for line in ctx.lines[ctx.closing_start : end]:
        zoned = line.zone in (Zone.CLOSING_LEFT, Zone.CLOSING_RIGHT)
        if (
            out
            and not zoned
            and any(o.zone in (Zone.CLOSING_LEFT, Zone.CLOSING_RIGHT) for o in out)
        ):
            # "- Lưu VT" the converter put under the closing table is still its last item.
            if out[-1].zone is not Zone.BODY and cues.fold(
                cues.BULLET.sub("", line.text).strip()
            ).startswith("LUU"):
                out.append(replace(line, zone=Zone.CLOSING_LEFT))
                continue
            break
        if not zoned and (_SECTION_LABEL.match(line.text) or cues.title_type(line.text)):
            break
        # A paragraph ends the closing; a long dashed item of the Nơi nhận list does not.
        too_long = len(line.text) > ctx.settings.closing.line_max_chars
        if not zoned and too_long and not _long_item(line.text):
            break
        out.append(line)
    return out


def _long_item(text: str) -> bool:
    end = text.rstrip()[-1:]
    return end == ";" or (bool(cues.BULLET.match(text)) and end == ".")


def _item_tail(prev: str, text: str) -> bool:
    """A short piece that ends an item the line above left open ("- … TGĐ Cổng" / "TTĐT,")."""
    return (
        not prev.rstrip().endswith((";", ".", ":"))
        and not cues.fold(cues.BULLET.sub("", prev).strip()).startswith("LUU")
        and len(text.split()) <= current().closing.item_tail_words
        and text.rstrip().endswith((",", ";", "."))
    )


def _recipient_like(text: str) -> bool:
    # An item in capitals ("BCH;") that lost its dash still ends with the list's ";".
    ends = re.search(r"[;.,]\s*$", text)
    return (
        bool(cues.BULLET.match(text))
        # an item of any length, also in capitals ("BCH;"), its note after it ("…; (để b/c)")
        or bool(re.search(r";(?:\s*\([^)]*\))?\s*$", text))
        or (
            len(text) < current().closing.recipient_max_chars
            and bool(ends)
            and not cues.is_upper(text)
        )
        or text.lower().startswith("lưu")
        or bool(cues.RECIPIENT_ITEM.match(text))
        # Without its dash an item still shows by its purpose ("UBND tỉnh (để b/c)") or as a
        # list of its own ("Các Cục: Báo chí; Xuất bản, In và Phát hành; Thông tin đối ngoại.")
        or bool(cues.RECIPIENT_NOTE.search(text))
        or (";" in text and text.rstrip().endswith("."))
    )


# "- Lưu: VT.KT. TRƯỞNG PHÒNG": a .doc's closing table run together with no space between cells.
_GLUED_PREFIX = re.compile(rf"(?<=[.;,)]){cues.SIGN_PREFIX_WORD}\s*[{UP}]{{2,}}")


def _split_interleaved(line: Line) -> tuple[Line | None, Line | None]:
    """ "- Như trên;  KT. CHỦ TỊCH" → the recipient part and the signer part."""
    glued = _GLUED_PREFIX.search(line.text)
    if glued:
        return replace(line, text=line.text[: glued.start()]), replace(
            line, text=line.text[glued.start() :], offset=line.offset + glued.start()
        )
    note = _TRAILING_NOTE.match(line.text)
    if note:
        return replace(line, text=note.group("left").strip()), replace(
            line, text=note.group("right").strip(), offset=line.offset + note.start("right")
        )
    for pattern in (_TRAILING_CAPS, _TRAILING_NAME):
        m = pattern.match(line.text)
        right = m.group("right") if m else ""
        if m and m.group("left").rstrip().endswith((":", ",")) and not _starts_signer(right):
            continue  # "Lưu: VT, KGVX": archive codes in capitals, not a signer
        if m and (pattern is _TRAILING_NAME or _signer_fragment(m.group("right"))):
            left = replace(line, text=m.group("left").strip())
            right = replace(
                line, text=m.group("right").strip(), offset=line.offset + m.start("right")
            )
            return left, right
    return line, None


# "Các đơn vị trực thuộc; @TÁ ĐỐC": an item closed by its ";" that lost its dash, with a
# piece of the signer's caption in capitals OCR read beside it (a speck before it).
_ITEM_BESIDE_CAPS = re.compile(rf"^(?P<left>[{UP}].*;)\s+[^\w\s]?[{UP}]{{2,}}(?:\s+[{UP}]{{2,}})*$")


def _starts_signer(text: str) -> bool:
    text = text.strip()
    return bool(cues.sign_prefix(text)) or text.startswith(TITLES)


def _signer_fragment(text: str) -> bool:
    """Capitals cut off a recipient line that belong to the signer block, not archive codes."""
    text = text.strip()
    name = _trailing_name(text)
    if name and len(name) < len(text):
        text = text[: len(text) - len(name)].strip()
    if cues.sign_prefix(text) or text.startswith(TITLES):
        return True
    return "," not in text and not text.endswith(".") and len(text.split()) >= 2


def _recipients(ctx: ParseContext, lines: list[Line]) -> None:
    s = current().closing
    ocr = any(p.method == "ocr" for p in ctx.raw.pages)
    items: list[str] = []  # as written, trailing ";" kept until the item is complete
    spans = []
    # In a dashed list an undashed line continues its item unless that item was closed by ";"
    # or "." ("- Văn phòng Trung ương và các Ban của" / "Đảng;"); without dashes only case and a
    # trailing comma tell.
    dashed = sum(bool(cues.BULLET.match(ln.text)) for ln in lines) * 2 > len(lines)
    archived = False  # "Lưu: VT, …" is the last item (Nghị định 30, Phụ lục I)
    for line in lines:
        text = _unbulleted(line.text)
        if not text:
            continue
        if archived:
            if (
                text[:1].islower()
                and len(text) <= s.archive_wrap_chars
                and not cues.BULLET.match(line.text)
            ):
                items[-1] = f"{items[-1]} {text}"  # the archive item's initials wrapped
                continue
            break  # what follows the archive item is not Nơi nhận (an annex, a form, a table)
        if _signer_fragment_word(line.text):
            continue
        if items and _wraps(items[-1], line.text, text, dashed=dashed, ocr=ocr):
            items[-1] = f"{items[-1]} {text}"  # the item wrapped onto this line
            continue
        items.append(text)
        spans.append(ctx.span(line))
        archived = cues.fold(text).startswith("LUU")
    if ocr:
        items = scan_items(items)
    items = [item.rstrip(" ;,.").strip() for item in items]
    ctx.doc.recipients = items
    ctx.doc.recipient_spans = spans
    if not items:
        ctx.doc.warn("field_missing", "Nơi nhận (recipients) not found", "recipients")


def _unbulleted(text: str) -> str:
    """The item without its dash, also when OCR read the dash twice ("- - Lưu VT, TCCB")."""
    while True:
        stripped = cues.BULLET.sub("", text, count=1)
        if stripped == text:
            return text.strip()
        text = stripped


def _wraps(item: str, raw: str, text: str, *, dashed: bool, ocr: bool) -> bool:
    """`text` (the line `raw` without its dash) goes on the item above rather than opening one."""
    s = current().closing
    if text.lower().startswith("lưu"):
        return False
    open_item = not item.rstrip().endswith((";", "."))
    if not cues.BULLET.match(raw):
        return (
            text[:1].islower()
            or item.rstrip().endswith(",")
            or (dashed and open_item and len(text) < s.item_wrap_chars)
        )
    if not ocr:
        return False
    # A scan sets the dash of the next item before the wrapped end of this one ("Các đơn" /
    # "- vị."), or before a word it misplaced ("Các cơ đơn vị trực thuộc;" / "- quan,": after
    # the ";" the cleaning drops it), or leaves an item's first word alone above its dashed rest
    # ("Các" / "- Phòng chức năng SYT;"): no item starts in lower case, none is one such word.
    if text[:1].islower():
        return True
    word = item.strip()
    return open_item and (
        " " not in word
        and len(word) > 1
        and word[:1].isupper()
        and not cues.is_upper(word)
        and is_syllable(word)
    )


def scan_items(items: list[str]) -> list[str]:
    """Items of a list read by OCR (Nơi nhận, Kính gửi), cleaned, the specks left out."""
    return [item for item in map(_scan_item, items) if not _scan_speck(item)]


def _scan_speck(item: str) -> bool:
    """An OCR'd item that is no recipient: specks beside the label ("ộ", "dáw»") or the signer's
    title cut off beside the list ("PHÓ GIÁM")."""
    words = re.findall(r"[^\W\d_]+", item)
    if not any(len(w) > 1 for w in words):
        return True
    if cues.SCAN_JUNK.search(item) and (
        " " not in item.strip() or not any(len(w) > 1 and is_syllable(w) for w in words)
    ):
        return True  # "dáw»", "KH ñ": specks, not one word of a name among them
    folded = cues.fold(item).split()
    return cues.is_upper(item) and all(w.strip(" ;,.:") in _TITLE_WORDS for w in folded)


def _scan_item(item: str) -> str:
    """A Nơi nhận item read by OCR, cleaned of what the scan added (specks, a seal's edge) and
    respelled where the lexicon is sure (respell.by_lexicon)."""
    for pattern, replacement in cues.SCAN_ITEM_FIXES:
        item = pattern.sub(replacement, item)
    speck = cues.SCAN_SPECK_WORDS.match(item)
    if speck and not any(is_syllable(w) for w in item[: speck.end()].split()[1:]):
        item = item[speck.end() :]
    item = _drop_scan_tail(cues.SCAN_STUTTER.sub("", item))
    for pattern, replacement in cues.SCAN_ITEM_END_FIXES:
        item = pattern.sub(replacement, item)
    return respell.by_lexicon(item)


_TITLE_WORDS = {w for t in TITLES for w in cues.fold(t).split() if len(w) > 2}


def _drop_scan_tail(item: str) -> str:
    """ "Lưu: VT, bcluan. lŠ/¿ SỐ”", "Như trên; H9 GIÁM ( ĐÓC", "Sở Kế hoạch đầu tư tỉnh; "¬":
    what OCR read after an item's closing ";" or "." (a seal's edge, the signer's column) is not
    part of it when it holds junk symbols, a piece of the signer's title in capitals, or one
    short token. A ":" that OCR read for ";" ends nothing."""
    item = cues.SCAN_LEADING_JUNK.sub("", item)
    junk = cues.SCAN_JUNK.search(item, len(" ".join(item.split()[:2])))
    if junk is not None:  # "Lưu: VT, à< l 2] # h Si": a seal's edge read as symbols
        item = re.sub(r"\s+\w$", "", item[: junk.start()].rstrip())
    ends = list(cues.ITEM_END.finditer(item))
    if not ends:
        return item.rstrip(" :,")
    tail = item[ends[-1].end() :]
    tokens = tail.split()
    folded = set(re.findall(r"[A-Z]{3,}", cues.fold(tail)))
    noise = (
        bool(cues.SCAN_JUNK.search(tail))
        or (cues.is_upper(tail) and bool(folded & _TITLE_WORDS))
        # a short token or two letters after the item's end: the seal's ("; He", "; SƠ")
        or (len(tokens) == 1 and len(tail) <= 3)
        or (len(tokens) == 2 and all(len(t) == 1 for t in tokens))  # "; G C"
        or _stray_tail(item, item[ends[-1].start()], tail)
    )
    return (item[: ends[-1].start() + 1] if noise else item).rstrip(" :")


def _stray_tail(item: str, end: str, tail: str) -> bool:
    """ "Như trên; dế IÁM hé", "Website Sở Y tế; KIÊN 2% 6", "Lưu: VT, TTra. cử 13": what
    follows an item's end is no further item when it opens in lower case (an item opens with a
    capital; in the archive item only the drafter's initials, one token, follow a "."; in
    another item a "." may be a misread ",") or holds a bare number (a seal's, not a name's)."""
    tokens = tail.split()
    archive = cues.fold(item).startswith("LUU")
    lower = tail[:1].islower() and (end == ";" or (archive and len(tokens) > 1))
    # "Lưu: VT, ttloc. Giang": an archive item holds codes and initials, no capitalised word.
    word = archive and end == "." and len(tokens) == 1 and tail.istitle() and is_syllable(tail)
    return (
        lower
        or word
        or any(any(c.isdigit() for c in t) and not any(c.isalpha() for c in t) for t in tokens)
    )


def _signer_fragment_word(text: str) -> bool:
    """One capitals syllable without a dash ("GIÁM", "TIỀN"): a piece of the signer's block
    that OCR set beside the list, not an item (an abbreviation like "TCCB" is not a syllable)."""
    word = text.strip(" ;,.:")
    return (
        not cues.BULLET.match(text)
        and " " not in word
        and word.isupper()
        and is_syllable(word)
        and not cues.fold(word).startswith("LUU")
    )


# "CỘNG HÒA … TM. ỦY BAN NHÂN DÂN": a signing prefix inside a line, after a caption.
_LATER_PREFIX = re.compile(rf"\s{cues.SIGN_PREFIX_WORD}\s")
# Specks a scan puts before a line of the signer block ("_=”— Lê Hoàng Anh").
_LEADING_NOISE = re.compile(r"^[^\w(\[]+(?=\w)")


def read_signer(ctx: ParseContext, lines: list[Line]) -> None:
    """Authority, title and name from the lines of the signer block (right column)."""
    doc = ctx.doc
    if respell.read_by_ocr(ctx):
        texts = respell.rejoin_surname([respell.name_spacing(ln.text) for ln in lines])
        lines = [replace(ln, text=t) for ln, t in zip(lines, texts, strict=True)]
    authority: list[str] = []
    titles: list[str] = []
    left: dict[str, float] = {}  # where each capitals line starts, when the reader tells
    name_line: Line | None = None
    first_line: Line | None = None
    for line in lines:
        text = re.sub(
            r"\((?:đã\s+)?ký[^)]*\)|\[\s*daky\s*\]|\(đã ký\)", "", line.text, flags=re.IGNORECASE
        ).strip()
        if not text or cues.SIGNATURE_NOTE.match(text) or cues.RULE_LINE.match(text):
            continue
        text = signer.repair_prefix(_LEADING_NOISE.sub("", text))
        run_name = _trailing_name(text)
        caps = text[: len(text) - len(run_name)].strip() if run_name else text
        later = _LATER_PREFIX.search(caps) if caps else None
        if (
            later
            and not cues.sign_prefix(caps)
            and not caps[: later.start()].strip().startswith(TITLES)
        ):
            caps = caps[later.start() :].strip()  # a caption before the authority line
        if caps and (authority or titles) and _annex_opens(caps):
            break  # "DANH SÁCH CÁC TRƯỜNG …" under a name OCR damaged: an annex, not the block
        if caps and cues.is_upper(caps) and name_line is None:
            # Capitals after the name belong to what follows the signature (an annex, a form).
            first_line = first_line or line
            (authority if cues.sign_prefix(caps) else titles).append(caps)
            if line.loc.bbox is not None:
                left.setdefault(caps, line.loc.bbox[0])
        if run_name and name_line is None:
            name_line = replace(line, text=run_name)
            doc.signer.name = _with_wrapped_rest(
                run_name, lines, line, ocr=respell.read_by_ocr(ctx)
            )
    titles = _authority_and_title(ctx, authority, titles, left)
    two = signer.side_by_side(titles, doc.signer.name) if doc.signer.name else None
    if two is not None:
        doc.signer.title, doc.signer.name = two
        doc.warn("field_inferred", f"two signers side by side; the first is given: {two}", "signer")
    _signing_rules(doc, titles, ocr=respell.read_by_ocr(ctx))
    if first_line is not None:
        ctx.mark("signer", first_line)
    if name_line is not None:
        ctx.mark("signer.name", name_line)
    if (
        doc.signer.name is None
        or len(doc.signer.name.split()) < ctx.settings.closing.full_name_words
    ):
        _recover_name(ctx, lines)
    if doc.signer.name and respell.read_by_ocr(ctx):
        doc.signer.name = respell.person_name(doc.signer.name)
    if doc.signer.name is None:
        doc.warn("field_missing", "signer's name not found", "signer.name")
    if doc.signer.title is None:
        doc.warn("field_missing", "the signer's title line (chức vụ) is missing", "signer.title")


def _authority_and_title(
    ctx: ParseContext, authority: list[str], titles: list[str], left: dict[str, float]
) -> list[str]:
    """Set the authority and the title from the capitals lines of the block (the authority
    lines, the others in order; `left`: where each starts on the page); the title lines left."""
    doc = ctx.doc
    # "KT. BỘ TRƯỞNG" / "BỘ CÔNG AN" / "THỨ TRƯỞNG": the body under the authority line is part
    # of it when a title follows (typed text: under a scan's seal a line is more often noise).
    ocr = respell.read_by_ocr(ctx)
    if (
        authority
        and len(titles) >= 2
        and (not ocr or _body_name(titles[0]))
        and signer.vocabulary_match(titles[0]) is None
        and signer.vocabulary_match(titles[1]) is not None
    ):
        authority.append(respell.by_lexicon(titles.pop(0)) if ocr else titles.pop(0))
    # One merged line ("KT. BỘ TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM"): cut it by known titles.
    if authority and not titles:
        merged = " ".join(authority)
        auth, title = _split_authority(merged)
        authority, titles = [auth], [title] if title else []
    if authority:
        # Each prefix line in its own spelling: "TL. BỌ TRƯỞNG" / "KT. VỤ TRƯỜNG" (a later prefix
        # is no damage of the first line's title).
        doc.signer.authority = _first_signers(
            re.sub(
                r"\s+", " ", " ".join(signer.respell_authority(a.strip()) for a in authority)
            ).strip()
        )
        doc.signer.authority_prefix = cues.sign_prefix(authority[-1]) or cues.sign_prefix(
            authority[0]
        )
    if titles:
        found = _left_column_first(signer.candidates(titles), left)
        ctx.candidates["signer.title"] = [
            Candidate("signer.title", -1, c.score, c.reasons, f"{c.text!r} → {c.value!r}")
            for c in found
        ]
        doc.signer.title = _title_from(titles, found)
    return titles


_PREFIX_IN_LINE = re.compile(rf"(?<![\w/.]){cues.SIGN_PREFIX_WORD}", re.IGNORECASE)


def _body_name(text: str) -> bool:
    """ "VỤ LUẬT PHÁP VÀ ĐIÊU ƯỚC QUỐC TẺ": words that read as a body's name (its head word
    first, every word a syllable), not a seal's rim read as capitals."""
    words = [w.strip(",.-–&") for w in text.split()]
    return (
        f"{text} ".startswith(_ORG_STARTS)
        and len(words) >= current().signer.plain_min_words
        and all(w and is_syllable(w.lower()) for w in words)
    )


def _first_signers(authority: str) -> str:
    """ "KT. BỘ TRƯỞNG BỘ Y TẾ KT. BỘ TRƯỞNG BỘ TÀI CHÍNH" → "KT. BỘ TRƯỞNG BỘ Y TẾ": the same
    prefix twice is two signers' columns run together (a joint circular), and the first signer
    is the one given; different prefixes nest ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH")."""
    seen: set[str | None] = set()
    for m in _PREFIX_IN_LINE.finditer(authority):
        prefix = cues.sign_prefix(m.group(0))
        if prefix in seen and m.start() > 0:
            return authority[: m.start()].strip()
        seen.add(prefix)
    return authority


def _left_column_first(
    found: list[signer.TitleCandidate], left: dict[str, float]
) -> list[signer.TitleCandidate]:
    """Two signers side by side (a joint plan: "GIÁM ĐỐC" on the left, "TỔNG BIÊN TẬP" on the
    right) read as the lines of one block: the first signer, on the left, is the one given, so a
    known title whose line starts a column's width left of the winner's comes first."""
    best = signer.best_of(found)
    if best is None or best.text not in left:
        return found
    s = current().signer
    further_left = [
        c
        for c in found
        if c.text in left
        and left[best.text] - left[c.text] > s.column_gap
        and c.score >= s.title_min_score
        and signer.vocabulary_match(c.text) is not None
    ]
    if not further_left:
        return found
    first = min(further_left, key=lambda c: left[c.text])
    first.reasons.append("the left column's: the first of two signers side by side")
    return [first, *(c for c in found if c is not first)]


def _signing_rules(doc: Document, titles: list[str], *, ocr: bool) -> None:
    """Authority and title that the rule of signing on behalf (Nghị định 30/2020, Điều 13)
    settles when OCR damaged one of them: "KT. H" is signed by "PHÓ H". A head's title read
    twice, or read under its own KT., is repaired only in OCR text: typed, it is what the
    document says (and lint reports it as a signing fault)."""
    if (
        ocr
        and doc.signer.authority is None
        and (not doc.signer.title or doc.signer.title in TITLES)
    ):
        head = signer.head_read_twice(titles)
        if head:
            doc.signer.authority, doc.signer.authority_prefix = f"KT. {head}", "KT."
            doc.signer.title = f"PHÓ {head}"
            doc.warn(
                "field_inferred",
                f"{head!r} read on two lines of the signer block: 'KT. {head}' over its deputy",
                "signer.title",
            )
    if doc.signer.authority is None and doc.signer.title:
        head = signer.head_for_deputy(doc.signer.title, titles, bare=ocr)
        if head:
            doc.signer.authority, doc.signer.authority_prefix = f"KT. {head}", "KT."
            doc.warn(
                "field_inferred",
                f"the line above {doc.signer.title!r} is damaged; a deputy signs 'KT. {head}'",
                "signer.authority",
            )
    if ocr and doc.signer.title and doc.signer.authority:
        deputy = signer.head_read_for_deputy(doc.signer.authority, doc.signer.title)
        if deputy:
            doc.warn(
                "field_inferred",
                f"{doc.signer.title!r} under {doc.signer.authority!r}: one who signs on behalf "
                f"of the head is a deputy, so the title is taken to be {deputy!r}",
                "signer.title",
            )
            doc.signer.title = deputy
    if doc.signer.title is None and doc.signer.authority:
        deputy = signer.deputy_title(doc.signer.authority)
        if deputy:
            doc.signer.title = deputy
            doc.warn(
                "field_inferred",
                f"no readable title under {doc.signer.authority!r}: a deputy signs on behalf "
                f"of the head, so the title is taken to be {deputy!r}",
                "signer.title",
            )


def _title_from(lines: list[str], found: list[signer.TitleCandidate]) -> str | None:
    """The best of the scored title lines `found`, with the line under it when the title wraps
    onto it ("VỤ TRƯỞNG VỤ KẾ HOẠCH -" / "TÀI CHÍNH")."""
    best = signer.best_of(found)
    if best is None:
        return None
    pos = lines.index(best.text)
    value = best.value
    nxt = lines[pos + 1] if pos + 1 < len(lines) else None
    if nxt is not None and _continues_title(value, nxt):
        value = f"{value} {nxt}"
    return re.sub(r"\s+", " ", value).strip(" ,")


def _continues_title(title: str, text: str) -> bool:
    """ "VỤ TRƯỞNG VỤ KẾ HOẠCH -" / "TÀI CHÍNH": the title wraps. One word alone under it is a
    piece of the seal ("SỞ", "ĐÀ") unless the title visibly breaks off; a heading of what
    follows ("DANH SÁCH …") never continues it."""
    words = text.split()
    broken_off = title.rstrip().endswith(("-", "–", ",", " VÀ"))
    match = signer.vocabulary_match(title)
    if match is not None and not match[1] and not broken_off and not title.endswith(_ORG_WORDS):
        return False  # "CHỦ TỊCH" is whole: under it stands the seal's rim ("NÀY À")
    return (
        len(words) <= 6
        and (len(words) >= 2 or broken_off)
        and not signer.not_a_title(text)
        and signer.vocabulary_match(text) is None
        and not cues.national_span(text)
        and all(is_syllable(w.strip(",.-–&").lower()) for w in words if w.strip(",.-–&"))
        and (broken_off or len(title.split()) >= 2)
    )


# "GIÁM ĐỐC SỞ" / "TÀI CHÍNH": a title that ends in the head word of a body goes on.
_ORG_WORDS = tuple(f" {w}" for w in ORG_HEADS)
_ORG_STARTS = tuple(f"{w} " for w in ORG_HEADS)
_TITLE_WORD = re.compile(rf"^[{UP}][{LO}]+$")
_HONORIFICS = {"Ông", "Bà", "Anh", "Chị", "Đồng", "Chí", "Thầy", "Cô", "Đ/c"}
_NAME_IN_TEXT = re.compile(rf"(?<![\w])(?:[{UP}][{LO}]+\s+){{1,4}}[{UP}][{LO}]+")


# A web page's or letterhead's contact lines, whose capitalised words are streets, not names.
_ADDRESS = re.compile(r"^\W*(?:Số\s*\d|Địa\s+chỉ|Điện\s+thoại|Fax|Email|Website)", re.I)


def _name_in_noise(lines: list[Line]) -> str | None:
    """The well-formed capitalised syllables of the last line that holds a name among scan noise
    ("Lê â Thị H Bích "huâ Thuận"). Not an address line, not a body's name; of two
    names side by side ("Nguyễn Văn Hiếu - “NãyEn Thanh Tú") the first."""
    for line in reversed(lines):
        text = line.text
        if cues.is_upper(text) or cues.BULLET.match(text) or _ADDRESS.match(text):
            continue
        for part in re.split(r"\s+[-–—]\s+|\s{3,}", text):
            words = [w.strip("\"'“”.,;:()") for w in part.split()]
            kept = [w for w in words if _TITLE_WORD.match(w) and is_syllable(w)]
            lower = [w for w in words if w[:1].islower() and is_syllable(w)]
            first = _first_full_name(words)
            if first and len(first) < len(kept):
                return " ".join(first)  # "Nguyễn Văn Lên “n Thiện Phú": two names, noise between
            # A sentence's capitalised words ("Xử lý nước thải … Sau Đại học") are no name.
            if len(kept) >= 2 and len(lower) < len(kept) and cues.is_person_name(" ".join(kept)):
                return " ".join(kept)
    return None


def _first_full_name(words: list[str]) -> list[str] | None:
    """The first run of capitalised syllables with no noise inside that is a full name on its
    own (a family name and at least two more words)."""
    run: list[str] = []
    for word in [*words, ""]:
        if _TITLE_WORD.match(word) and is_syllable(word):
            run.append(word)
            continue
        if (
            len(run) >= current().closing.full_name_words
            and run[0] in SURNAMES
            and cues.is_person_name(" ".join(run))
        ):
            return run
        run = []
    return None


def _esigned_name(lines: list[Line]) -> str | None:
    """The person a digital signature's visible stamp names ("Người ký: Nguyễn Văn A"): the
    signer, when the signature block itself lost the name. A body that signs ("Ký bởi: CÔNG
    BÁO", "Người ký: CỔNG THÔNG TIN …") is no person."""
    for line in lines:
        m = cues.ESIGN_SIGNER.search(line.text)
        if m and cues.is_person_name(m.group("who")):
            return m.group("who")
    return None


def _recover_name(ctx: ParseContext, lines: list[Line]) -> None:
    """A signer's name damaged by a seal or OCR ("Lê â Thị H Bích "huâ Thuận", "Mạnh Cường"):
    keep its well-formed capitalised syllables, and take the full name where the document writes
    it again ("- PCN Phạm Mạnh Cường;"). Marked with a warning: a clerk should confirm it."""
    doc = ctx.doc
    partial = doc.signer.name
    if partial is None:
        partial = _name_in_noise(lines) or _esigned_name(ctx.lines)
    if partial is None:
        return
    tokens = partial.split()
    text = "\n".join(ln.text for ln in ctx.lines)
    for m in _NAME_IN_TEXT.finditer(text):
        candidate = m.group(0).split()
        while candidate and candidate[0] in _HONORIFICS:
            candidate = candidate[1:]
        if len(candidate) > len(tokens) and candidate[-len(tokens) :] == tokens:
            partial = " ".join(candidate)
            break
    if partial != doc.signer.name:
        doc.signer.name = partial
        doc.warn(
            "field_inferred",
            f"the signer's name was damaged (seal, OCR); read as {partial!r}: please confirm",
            "signer.name",
        )


def _with_wrapped_rest(name: str, lines: list[Line], line: Line, *, ocr: bool) -> str:
    """ "Ngô Thị Thanh" / "Hằng": a name the extraction wrapped onto the last line of the block.
    Under a scan's name a capitalised word is more often the seal's ("Xã") than the name's: there
    it must be a known name syllable."""
    at = next(i for i, ln in enumerate(lines) if ln is line)
    rest = lines[at + 1].text.strip() if at + 1 < len(lines) else ""
    joined = f"{name} {rest}"
    if ocr and not all(w in NAME_SYLLABLES for w in rest.split()):
        return name
    if 0 < len(rest.split()) <= 2 and len(joined.split()) <= 5 and cues.is_person_name(joined):
        return joined
    return name


_SIGNED_TAIL = re.compile(r"\s+[-–—(\[]*\s*đã(?:\s+ký)?\s*[)\]]?\s*$", re.IGNORECASE)


def _trailing_name(text: str) -> str | None:
    """The name that ends the line, as printed: with a rank or degree written before it
    ("Thượng tướng Vũ Hải Sản", "CỤC TRƯỞNG Thiếu tướng Ngô Thanh Bình")."""
    text = _SIGNED_TAIL.sub("", text)  # "Trần Văn Truyền – Đã ký": the copy's signing note
    if cues.is_person_name(text):
        return cues.with_rank(text.strip())
    m = re.search(rf"(?:^|\s)((?:[{UP}][{LO}]+\s+){{1,5}}[{UP}][{LO}]+)\s*$", text)
    if m is None or not cues.is_person_name(m.group(1)):
        return None
    before = text[: m.start(1)]
    ranked = cues.rank_suffix(before)
    if ranked is not None:
        before = ranked[0]
    if cues.is_upper(before or "XX"):
        return f"{ranked[1]} {m.group(1)}" if ranked else cues.with_rank(m.group(1))
    return None


def _split_authority(text: str) -> tuple[str, str | None]:
    """ "KT. BỘ TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM" → ("KT. BỘ TRƯỞNG, CHỦ NHIỆM", "PHÓ CHỦ NHIỆM").

    The signer's own title is the last title in the run that does not continue a joint title
    after a comma and is not part of a longer title."""
    titles = "|".join(re.escape(t) for t in TITLES)
    starts = []
    for m in re.finditer(rf"(?<![\wÀ-ỹ])(?:{titles})(?![\wÀ-ỹ])", text):
        starts.append((m.start(), m.end()))
    # Drop matches inside a longer one (CHỦ NHIỆM inside PHÓ CHỦ NHIỆM), and those after a comma.
    kept = [s for s in starts if not any(o[0] < s[0] < o[1] for o in starts)]
    kept = [s for s in kept if not text[: s[0]].rstrip().endswith(",")]
    prefix_end = cues.SIGN_PREFIX.match(text)
    first_allowed = prefix_end.end() if prefix_end else 0
    candidates = [s for s in kept if s[0] > first_allowed]
    if not candidates:
        return text, None
    cut = candidates[-1][0]
    deputy = re.search(r"(?:^|\s)PHÓ\s+$", text[:cut])
    if deputy and deputy.start() > first_allowed:
        cut = deputy.start()  # "PHÓ CHÁNH ÁN": a deputy of a head the vocabulary knows
    # "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH": a later prefix is part of the authority.
    return text[:cut].strip(), text[cut:].strip()
