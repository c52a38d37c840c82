"""The signer block of a scan read a second time, from the page image, when the first reading
lost it (a title and name stamped in red, a name under the seal, two columns interleaved).

Only for a PDF page that was OCR'd, only when the signer's name or title is missing or its name
is damaged, and only one region: the right part of the closing's page, from the closing's first
line down. The lines that second reading gives are the right column alone, so the closing's own
signer reading (`closing.read_signer`) runs on them unchanged; a field it finds there replaces
one the first reading lacked or had damaged, never a sound one.
"""

from __future__ import annotations

from dataclasses import replace

from .. import cues
from ..model import Document, Signer
from ..readers.base import Line
from ..readers.region import RegionRequest, as_lines
from ..text.cer import edit_distance
from ..text.syllables import is_syllable
from ..vocab import NAME_SYLLABLES, SURNAMES
from . import closing, respell, signer
from .context import ParseContext


def name_doubtful(name: str | None) -> bool:
    """No name, a two-syllable one (a surname lost), or a word that is no Vietnamese syllable
    ("Nguyễn Trúc Glang")."""
    if not name:
        return True
    words = name.split()
    return len(words) < 3 or not all(is_syllable(w) for w in words)


def _anchor(ctx: ParseContext) -> Line | None:
    """The closing's first line, when it stands on a page read by OCR."""
    if ctx.closing_start is None or ctx.closing_start >= len(ctx.lines):
        return None
    line = ctx.lines[ctx.closing_start]
    ocr_pages = {p.number for p in ctx.raw.pages if p.method == "ocr"}
    if line.loc.page not in ocr_pages or line.loc.bbox is None:
        return None
    return line


def _band_top(ctx: ParseContext, anchor: Line) -> float:
    """Where the re-read region starts: `reread_band_above` over the closing's first line, or
    higher up to the body's last line over it (at most `reread_band_above_max`): a title level
    with or above "Nơi nhận:" that the page's reading lost under a signature's stroke."""
    assert anchor.loc.bbox is not None and ctx.closing_start is not None
    s = ctx.settings.closing
    top = anchor.loc.bbox[1]
    prev = ctx.lines[ctx.closing_start - 1] if ctx.closing_start > 0 else None
    if prev is None or prev.loc.page != anchor.loc.page or prev.loc.bbox is None:
        return top - s.reread_band_above
    return min(top - s.reread_band_above, max(prev.loc.bbox[3], top - s.reread_band_above_max))


def _inferred(doc: Document, field: str) -> bool:
    return any(w.code == "field_inferred" and w.field == field for w in doc.warnings)


def reread_signer(ctx: ParseContext) -> None:
    _reread_block(ctx)
    _confirm_name_marks(ctx)


def _reread_block(ctx: ParseContext) -> None:
    doc = ctx.doc
    damaged = name_doubtful(doc.signer.name) or _inferred(doc, "signer.name")
    if not damaged and doc.signer.title and not _inferred(doc, "signer.title"):
        return
    anchor = _anchor(ctx)
    if anchor is None:
        if doc.signer.name is None or doc.signer.title is None:
            _read_picture(ctx, damaged)
        return
    assert anchor.loc.page is not None and anchor.loc.bbox is not None
    top = anchor.loc.bbox[1]
    s = ctx.settings.closing
    # First the red ink kept (a title and name stamped in red stay, a blue signature goes); what
    # that leaves lacking, read once more with every coloured ink dropped: a red seal over the
    # name's first letters ("FFẩn Hoàng Tuân") goes, the black print under it stays.
    for ink in ("print_and_red", "print"):
        request = RegionRequest(
            anchor.loc.page,
            _band_top(ctx, anchor),
            top + s.reread_band_below,
            left_share=s.reread_left,
            ink=ink,
            min_conf=s.reread_min_conf,
        )
        words = [w for w in ctx.reread(request) if any(ch.isalpha() for ch in w.text)]
        lines = as_lines(words, anchor.loc.page)
        if lines:
            second = replace(ctx, doc=Document(source=doc.source), candidates={}, used=set())
            closing.read_signer(second, lines)
            _merge(ctx, second.doc, damaged)
        damaged = name_doubtful(doc.signer.name) or _inferred(doc, "signer.name")
        if not damaged and doc.signer.title and not _inferred(doc, "signer.title"):
            return


def _read_picture(ctx: ParseContext, damaged: bool) -> None:
    """A signature block pasted as a picture into a PDF with a text layer (a Word file printed
    to PDF with the signed block scanned in): the picture in the signer's column beside or under
    the closing, read by OCR, gives what the text layer lacks."""
    lines = _picture_lines(ctx)
    if not lines:
        return
    second = replace(ctx, doc=Document(source=ctx.doc.source), candidates={}, used=set())
    closing.read_signer(second, lines)
    _merge(ctx, second.doc, damaged)


def _picture_lines(ctx: ParseContext) -> list[Line]:
    """The lines OCR reads in the first picture of the signer's column (right of `reread_left`
    of the page, at least `picture_min_height` tall, not above the closing) on the closing's
    text-layer pages; [] when there is none."""
    if ctx.closing_start is None or ctx.closing_start >= len(ctx.lines):
        return []
    s = ctx.settings.closing
    first = ctx.lines[ctx.closing_start]
    end = closing.attachment_start(ctx.lines, ctx.closing_start)
    ocr_pages = {p.number for p in ctx.raw.pages if p.method == "ocr"}
    pages = {ln.loc.page for ln in ctx.lines[ctx.closing_start : end]} - ocr_pages - {None}
    for page in sorted(p for p in pages if p is not None):
        width, boxes = ctx.pictures(page)
        for x0, top, x1, bottom in boxes:
            above = (
                page == first.loc.page
                and first.loc.bbox is not None
                and bottom < first.loc.bbox[1] - s.reread_band_above
            )
            if x0 < width * s.reread_left or bottom - top < s.picture_min_height or above:
                continue
            request = RegionRequest(page, top, bottom, x0=x0, x1=x1, min_conf=s.reread_min_conf)
            words = ctx.reread(request, picture=True)
            lines = as_lines([w for w in words if any(ch.isalpha() for ch in w.text)], page)
            if lines:
                return lines
    return []


def _full_name(ctx: ParseContext, name: str) -> bool:
    """A family name and the rest ("Hà Văn Phúc"), not a place read from the Nơi nhận list
    beside the block ("Việt Nam")."""
    words = name.split()
    return len(words) >= ctx.settings.closing.full_name_words and words[0] in SURNAMES


def _same_person(ctx: ParseContext, first: str | None, second: str) -> bool:
    """A sound full name the first reading gave (only doubted: pieced from noise) is replaced by
    the second reading's only where both name one person ("Hà Văn Phúc", "Hà Vân Phúc"): a
    wholly other name in the right column is a second signer beside the first (a joint plan)."""
    if first is None or name_doubtful(first):
        return True
    a, b = cues.fold(first), cues.fold(second)
    return edit_distance(a, b) <= len(a) // ctx.settings.closing.same_name_chars_per_edit


def _fuller(first: str | None, found: Signer) -> bool:
    """The second reading's authority line is wanted where the first had none, or where it is
    the first one with a "KT." line the first lost under the seal ("TM. ỦY BAN NHÂN DÂN" →
    "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH"), a title read under it."""
    if first is None:
        return True
    assert found.authority is not None
    a, b = cues.fold(first), cues.fold(found.authority)
    return (
        found.title is not None
        and b.startswith(a)
        and cues.sign_prefix(found.authority[len(first) :].strip()) is not None
    )


def _merge(ctx: ParseContext, found: Document, damaged: bool) -> None:
    """Take from the second reading what the first lacked or had damaged: an authority line
    (with the title under it), a title the vocabulary knows, a sound name."""
    doc, new = ctx.doc, found.signer
    taken: list[str] = []
    known_title = new.title is not None and signer.vocabulary_match(new.title) is not None
    if new.authority and cues.sign_prefix(new.authority) and _fuller(doc.signer.authority, new):
        doc.signer.authority, doc.signer.authority_prefix = new.authority, new.authority_prefix
        taken.append("signer.authority")
        if known_title:
            doc.signer.title = new.title  # the title under that authority line, one block
            taken.append("signer.title")
    elif (
        known_title
        and (doc.signer.title is None or _inferred(doc, "signer.title"))
        and not _inferred(found, "signer.title")
        # "GIÁM ĐỐC" read under "KT. GIÁM ĐỐC": the head's title, its "PHÓ" lost under the seal
        and signer.head_read_for_deputy(doc.signer.authority or "", new.title or "") is None
    ):
        doc.signer.title = new.title
        taken.append("signer.title")
    # A name the second reading pieced together from noise ("Hà v Văn Phúc") is taken, with
    # its warning, only where the first reading found none, and only a full name.
    pieced = _inferred(found, "signer.name")
    if (
        damaged
        and new.name
        and (not pieced or (doc.signer.name is None and _full_name(ctx, new.name)))
        and (not name_doubtful(new.name) or doc.signer.name is None)
        and _same_person(ctx, doc.signer.name, new.name)
    ):
        doc.signer.name = new.name
        taken.append("signer.name")
    if not taken:
        return
    stale = ("field_missing", "field_inferred")
    doc.warnings = [w for w in doc.warnings if w.field not in taken or w.code not in stale]
    doc.warnings += [w for w in found.warnings if w.field in taken and w.code == "field_inferred"]
    doc.warn(
        "read",
        "the signer block was read again from the page image: " + ", ".join(taken),
        "signer",
    )


def _confirm_name_marks(ctx: ParseContext) -> None:
    """A name OCR read with a wrong tone mark ("Trần Phước Hiên" for "Hiền") reads as a name all
    the same. Its line is read again, black print only, under `name_vote_psms`; a syllable whose
    marks a majority of the readings (the first one among them) spell otherwise, the letters
    the same, takes that spelling. Only an uncommon syllable gives way, and only to a common one:
    a vote once turned a sound "Toàn" into "Toản" (a blind set), so a name made of common name
    syllables is not read again at all."""
    doc = ctx.doc
    where = _name_line(ctx)
    if not doc.signer.name or where is None:
        return
    if all(w in _NAME_SPELLINGS for w in doc.signer.name.split()):
        return
    page, (x0, top, x1, bottom) = where
    s = ctx.settings.closing
    pad = s.name_vote_pad
    words = doc.signer.name.split()
    readings = [words]
    for psm in s.name_vote_psms:
        request = RegionRequest(
            page,
            top - pad,
            bottom + pad,
            x0=x0 - pad,
            x1=x1 + pad,
            ink="print",
            psm=psm,
            min_conf=s.reread_min_conf,
        )
        read = respell.person_name(" ".join(w.text for w in ctx.reread(request))).split()
        if len(read) == len(words):
            readings.append(read)
    voted = [_voted(i, words[i], readings) for i in range(len(words))]
    if voted != words:
        doc.signer.name = " ".join(voted)
        doc.warn("read", "the signer's name was read again from the page image", "signer.name")


def _name_line(ctx: ParseContext) -> tuple[int, tuple[float, float, float, float]] | None:
    """(page, box) of the line the signer's name was read from, on a page read by OCR."""
    span = ctx.doc.provenance.get("signer.name")
    if span is None:
        return None
    page, box = span.source.get("page"), span.source.get("bbox")
    ocr_pages = {p.number for p in ctx.raw.pages if p.method == "ocr"}
    if not isinstance(page, int) or page not in ocr_pages or not isinstance(box, list | tuple):
        return None
    x0, top, x1, bottom = (float(v) for v in box)
    return page, (x0, top, x1, bottom)


# Family names and common name syllables, spelled as written: the vote leaves these as read.
_NAME_SPELLINGS = frozenset(SURNAMES + NAME_SYLLABLES)


def _voted(i: int, word: str, readings: list[list[str]]) -> str:
    if word in _NAME_SPELLINGS:
        return word
    same = [r[i] for r in readings if cues.fold(r[i]) == cues.fold(word) and is_syllable(r[i])]
    if not same:  # a name syllable no reading spells as Vietnamese ("Niê", "Ksor"): as read
        return word
    best = max(set(same), key=same.count)
    sound = same.count(best) * 2 > len(readings) and best in _NAME_SPELLINGS
    return best if sound else word
