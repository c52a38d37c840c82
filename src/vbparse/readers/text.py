"""Plain text: encoding detected from the bytes (BOM, UTF-8, UTF-16, Windows-1258, legacy fonts).

A guess is never silent: the encoding used is reported in `RawDocument.encoding`, and bytes that
fit no encoding well are refused rather than decoded into mojibake.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..text.charclass import BYTE_READ
from ..text.normalize import clean
from ..text.syllables import is_syllable, repair_split_syllables
from .base import Line, Loc, RawDocument, ReadError

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def syllable_score(text: str) -> float:
    """Share of words with Vietnamese letters that are well-formed syllables. A wrong 8-bit
    decoding scatters accented letters into impossible syllables; the right one does not."""
    words = [w.strip(".,;:!?()[]\"'“”") for w in text.split()]
    accented = [w for w in words if w and not w.isascii() and w.isalpha()]
    if not accented:
        return 0.0
    return sum(is_syllable(w) for w in accented) / len(accented) * min(1.0, len(accented) / 3)


def _looks_binary(data: bytes) -> bool:
    """Binary data, not text with a stray byte: a text keeps its NULs and control characters
    to a handful (one NUL in a real plan is damage to report, not a reason to refuse it)."""
    sample = data[:65536]
    nuls = sample.count(b"\x00")
    if nuls > max(4, len(sample) // 1000):
        return True
    controls = len(_CONTROL.findall(sample.decode("latin-1"))) - nuls
    return controls > max(8, len(sample) // 100)


MAX_BAD_BYTES = 50  # a UTF-8 text with at most this many undecodable bytes is kept, with a note
Decoded = tuple[str, str, list[str]]  # text, encoding, warnings


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _lenient_utf8(data: bytes) -> Decoded | None:
    """UTF-8 damaged in a few places (a NUL, a truncated character): decoded with U+FFFD where
    the bytes were, and a warning saying where; None when the damage is more than a few bytes."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    if bad > min(MAX_BAD_BYTES, max(1, len(text) // 1000)):
        return None
    warnings = []
    if bad:
        first = _line_of(text, text.index("\ufffd"))
        warnings.append(
            f"{bad} place(s) are not valid UTF-8 and were replaced by \ufffd (first on line {first})"
        )
    if "\x00" in text:
        first = _line_of(text, text.index("\x00"))
        warnings.append(f"NUL byte(s) removed (first on line {first})")
        text = text.replace("\x00", "")
    return text, "utf-8", warnings


def decode(path: Path, data: bytes) -> Decoded:
    """Return (text, encoding name, warnings) or raise ReadError for binary or undecodable
    data, or for more text than the limit."""
    from . import limits

    decoded = _decode(path, data)
    most = limits.current().text_chars
    if len(decoded[0]) > most:
        raise limits.over_limit(
            str(path),
            f"holds {len(decoded[0]):,} characters of text, over the {most:,} limit",
            "VBPARSE_MAX_TEXT_CHARS",
        )
    return decoded


def _decode(path: Path, data: bytes) -> Decoded:
    name = str(path)
    if data.startswith(codecs.BOM_UTF8):
        lenient = _lenient_utf8(data[3:])
        if lenient is None:
            raise ReadError(name, "encoding", "starts as UTF-8 but does not decode")
        return lenient[0], "utf-8-sig", lenient[2]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16", []
        except UnicodeDecodeError as exc:
            raise ReadError(
                name, "encoding", f"starts as UTF-16 but does not decode ({exc.reason})"
            ) from exc
    # UTF-16 without BOM: every other byte NUL in ASCII-heavy text, the others not (NULs
    # everywhere are binary data, not text).
    even_nuls, odd_nuls = data[0::2].count(0), data[1::2].count(0)
    if len(data) >= 4 and odd_nuls > len(data) // 4 and even_nuls < len(data) // 8:
        try:
            return data.decode("utf-16-le"), "utf-16-le", []
        except UnicodeDecodeError:
            pass
    if len(data) >= 4 and even_nuls > len(data) // 4 and odd_nuls < len(data) // 8:
        try:
            return data.decode("utf-16-be"), "utf-16-be", []
        except UnicodeDecodeError:
            pass
    if _looks_binary(data):
        raise ReadError(name, "binary", "is binary data, not a text document")
    try:
        text = data.decode("utf-8")
        if "\x00" not in text:
            return text, "utf-8", []
    except UnicodeDecodeError:
        pass
    # A few bad bytes in UTF-8 (an 8-bit text has one at every accented letter).
    lenient = _lenient_utf8(data)
    if lenient is not None and syllable_score(clean(lenient[0])) >= 0.5:
        return lenient
    mixed = _decode_mixed(name, data)
    if mixed is not None:
        return mixed
    text, enc = _decode_8bit(name, data)
    return text, enc, []


def _decode_mixed(name: str, data: bytes) -> Decoded | None:
    """A UTF-8 block above (or beside) an 8-bit one: a header retyped in Unicode over a body
    still in cp1258, TCVN3 or VNI. Each line that is valid UTF-8 stays so; the others are
    decoded together in the 8-bit encoding they read best in. None unless the UTF-8 lines hold
    Vietnamese text of their own."""
    lines = data.split(b"\n")
    utf8: list[str | None] = []
    for raw in lines:
        try:
            utf8.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            utf8.append(None)
    bad = [i for i, t in enumerate(utf8) if t is None]
    unicode_text = "\n".join(t for t in utf8 if t is not None and not t.isascii())
    if not bad or syllable_score(clean(unicode_text)) < 0.5:
        return None
    try:
        body, enc = _decode_8bit(name, b"\n".join(lines[i] for i in bad))
    except ReadError:
        return None
    decoded = body.split("\n")
    if len(decoded) != len(bad):
        return None
    for i, text in zip(bad, decoded, strict=True):
        utf8[i] = text
    first, last = bad[0] + 1, bad[-1] + 1
    warning = (
        f"mixed encodings: {len(bad)} line(s) between lines {first} and {last} are {enc}, "
        "the others UTF-8; each was decoded in its own"
    )
    return "\n".join(t or "" for t in utf8), f"utf-8+{enc}", [warning]


def _decode_8bit(name: str, data: bytes) -> tuple[str, str]:
    """Pick among the 8-bit encodings Vietnamese text was typed in by how Vietnamese it reads."""
    from ..text import legacy

    candidates: list[tuple[float, str, str]] = []
    try:
        text = data.decode("cp1258")
        candidates.append((syllable_score(clean(text)), text, "windows-1258"))
    except UnicodeDecodeError:
        pass
    for enc in legacy.BYTE_ENCODINGS:
        try:
            text = legacy.decode_bytes(data, enc)
        except UnicodeDecodeError:
            continue
        candidates.append((syllable_score(text), text, enc))
    if not candidates:
        raise ReadError(
            name, "encoding", "is neither UTF-8, UTF-16 nor a Vietnamese 8-bit encoding"
        )
    score, text, enc = max(candidates, key=lambda c: c[0])
    if score < 0.5:
        raise ReadError(
            name,
            "encoding",
            "is not UTF-8 and reads as no known Vietnamese encoding (cp1258, TCVN3, VNI)",
        )
    return text, enc


_LINE_END = re.compile(r"(?<=\n)|(?<=\r)(?!\n)")


def split_lines(text: str) -> list[str]:
    """Lines with their endings, broken at \\n, \\r\\n and \\r only: str.splitlines also breaks at
    form feeds (pdftotext's page breaks) and would shift every later line number."""
    return [part for part in _LINE_END.split(text) if part]


def lines_of(text: str) -> list[Line]:
    """Split decoded text into non-empty Lines with 1-based line numbers and char offsets."""
    out: list[Line] = []
    offset = 0
    for number, raw_line in enumerate(split_lines(text), start=1):
        # A page break (form feed) inside a line separates two lines of text on one numbered line.
        start = offset
        for piece in _PAGE_BREAK.split(raw_line.rstrip("\r\n")):
            cleaned = repair_split_syllables(clean(piece))
            if cleaned:
                lead = len(piece) - len(piece.lstrip())
                end = start + len(piece.rstrip())
                out.append(Line(cleaned, Loc(line=number, char_start=start + lead, char_end=end)))
            start += len(piece) + 1
        offset += len(raw_line)
    return out


_PAGE_BREAK = re.compile("[\f\v\x1c\x1d\x1e\x85\u2028\u2029]")


_NOT_BYTE_READ = re.compile(f"[^{BYTE_READ}]")


def may_be_legacy(text: str) -> bool:
    """Whether some line could be legacy text read through a Western code page: a non-ASCII line
    made only of characters such a reading gives (the lines legacy.convert_text looks at). Most
    Unicode text has none, and then the legacy module need not even be imported."""
    return any(not ln.isascii() and not _NOT_BYTE_READ.search(ln) for ln in text.split("\n"))


def read(path: Path, data: bytes) -> RawDocument:
    text, encoding, warnings = decode(path, data)
    legacy_encoding = None
    if may_be_legacy(text):
        from ..text import legacy

        text, legacy_encoding = legacy.convert_text(text)
    return RawDocument(
        path=str(path),
        format="txt",
        lines=lines_of(text),
        encoding=legacy_encoding or encoding,
        warnings=warnings,
    )
