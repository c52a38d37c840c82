"""Pre-Unicode Vietnamese encodings (TCVN3/ABC, VNI-Windows, VISCII): detection and conversion.

Interface used by the readers:

- ``BYTE_ENCODINGS``: names of the 8-bit encodings :func:`decode_bytes` understands;
- ``decode_bytes(data, encoding) -> str``: bytes typed in that encoding, as Unicode NFC;
- ``encode_text(text, encoding) -> bytes``: the reverse (fixtures, round-trip tests);
- ``convert_text(text) -> (text, encoding | None)``: text whose characters are legacy code points
  read through a Western code page (what .VnTime text looks like after a cp1252/latin-1 read, or
  in a .docx run) converted to Unicode line by line; correct Unicode is returned unchanged;
- ``convert_run(text, font)``: a .docx run whose font name says the encoding (".VnTime", "VNI-Times",
  "VNtimes new roman" ...);
- ``detect_encoding(text)`` / ``legacy_score(text, encoding)``: the detection behind convert_text.

Tables (cross-checked, see tests/text/test_legacy.py):

- TCVN3 = TCVN 5712:1993 "VN3", the ABC fonts (.VnTime, .VnArial ...). Lower-case letters have
  one byte each in 0xA8-0xFE; of the capitals only Ă Â Ê Ô Ơ Ư Đ have codes (0xA1-0xA7). Capitals
  with a tone have no code in VN3: the ABC "H" fonts (.VnTimeH, .VnArialH ...) draw every code as
  a capital, so headings are typed with the lower-case codes. Decision: :func:`encode_text` writes
  a toned capital as its lower-case code; decoding restores capitals where the context shows
  capitals were meant (a word with two or more capitals and no ASCII lower-case letter, e.g.
  "CéNG" -> "CỘNG", and then its whole line when that line has no ASCII lower-case letter);
  :func:`convert_run` upper-cases runs in an "H" font. Bytes 0x80-0x9F are the Windows (cp1252)
  punctuation the fonts carry (quotes, dashes); the VN1 capitals the full standard puts in the
  C0/C1 ranges are not used by the ABC fonts and are not decoded. Free slots holding symbols
  (° ± ² ³ ´ ¯ º ¿) pass through; free slots holding letters (À-Å Í Ù-Û à ð ÿ) are errors.
- VNI-Windows (VNI-Times ...): a vowel is its ASCII base letter followed by one byte for the
  tone and/or the circumflex/breve (o + 0xE4 "ä" = ộ); ơ ư đ ỉ ĩ ị ỵ are single bytes.
- VISCII 1.1 (RFC 1456): one byte per letter, including six C0 positions (0x02 0x05 0x06 0x14
  0x19 0x1E).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterable

__all__ = [
    "BYTE_ENCODINGS",
    "convert_run",
    "convert_text",
    "decode_bytes",
    "detect_bytes",
    "detect_encoding",
    "encode_text",
    "font_encoding",
    "legacy_score",
]

BYTE_ENCODINGS: tuple[str, ...] = ("tcvn3", "vni", "viscii")

# --------------------------------------------------------------------------------------------
# Vietnamese letters
# --------------------------------------------------------------------------------------------

# Tone marks in the order used by every table below: none, huyền, sắc, hỏi, ngã, nặng.
_TONE_MARKS = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
# Vowels with their vowel diacritic (not tone): the 12 bases.
_BASES = ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y")


def _letter(base: str, tone: int) -> str:
    return unicodedata.normalize("NFC", base + _TONE_MARKS[tone])


# Every Vietnamese letter that is not ASCII: 66 lower-case vowels + đ, and their capitals (134).
_LOWER_LETTERS = [_letter(b, t) for b in _BASES for t in range(6)]
VIETNAMESE_LETTERS: tuple[str, ...] = tuple(
    [c for c in _LOWER_LETTERS if not c.isascii()]
    + ["đ"]
    + [c.upper() for c in _LOWER_LETTERS if not c.isascii()]
    + ["Đ"]
)
_VIET_SET = frozenset(VIETNAMESE_LETTERS)
# Vietnamese letters that also exist in Latin-1 (à á â ã è é ê ì í ò ó ô õ ù ú ý and capitals).
_VIET_LATIN1 = frozenset(c for c in VIETNAMESE_LETTERS if ord(c) < 0x100)

# toned letter -> toneless letter; used by the syllable check.
_TONELESS: dict[int, str] = {}
_TONED: set[str] = set()
for _b in _BASES:
    for _t in range(1, 6):
        for _case in (_b, _b.upper()):
            _c = _letter(_case, _t)
            _TONELESS[ord(_c)] = _case
            _TONED.add(_c)
_STOP_TONES = frozenset(
    [_letter(b, 2) for b in _BASES] + [_letter(b, 5) for b in _BASES]
)  # sắc, nặng: the only tones a syllable ending in -p -t -c -ch can take

# --------------------------------------------------------------------------------------------
# Windows code page: the characters a byte 0x00-0xFF shows as after a cp1252 or latin-1 read
# --------------------------------------------------------------------------------------------

_CP1252_SPECIALS: dict[int, int] = {}  # U+20AC -> 0x80, ...
for _byte in range(0x80, 0xA0):
    _decoded = bytes([_byte]).decode("cp1252", errors="replace")
    if _decoded != "\ufffd":
        _CP1252_SPECIALS[ord(_decoded)] = _byte
# and the reverse, for 0x80-0x9F in the Windows fonts.
_LATIN1_TO_CP1252: dict[int, str] = {b: chr(u) for u, b in _CP1252_SPECIALS.items()}
_CP1252_UNDEFINED = frozenset(b for b in range(0x80, 0xA0) if b not in _LATIN1_TO_CP1252)
_CP1252_PUNCT = frozenset(chr(u) for u in _CP1252_SPECIALS)

# --------------------------------------------------------------------------------------------
# TCVN3 (TCVN 5712:1993 VN3, ABC)
# --------------------------------------------------------------------------------------------

# base -> bytes for (none, huyền, sắc, hỏi, ngã, nặng); None = the ASCII letter itself.
_TCVN3_LOWER: dict[str, tuple[int | None, ...]] = {
    "a": (None, 0xB5, 0xB8, 0xB6, 0xB7, 0xB9),
    "ă": (0xA8, 0xBB, 0xBE, 0xBC, 0xBD, 0xC6),
    "â": (0xA9, 0xC7, 0xCA, 0xC8, 0xC9, 0xCB),
    "e": (None, 0xCC, 0xD0, 0xCE, 0xCF, 0xD1),
    "ê": (0xAA, 0xD2, 0xD5, 0xD3, 0xD4, 0xD6),
    "i": (None, 0xD7, 0xDD, 0xD8, 0xDC, 0xDE),
    "o": (None, 0xDF, 0xE3, 0xE1, 0xE2, 0xE4),
    "ô": (0xAB, 0xE5, 0xE8, 0xE6, 0xE7, 0xE9),
    "ơ": (0xAC, 0xEA, 0xED, 0xEB, 0xEC, 0xEE),
    "u": (None, 0xEF, 0xF3, 0xF1, 0xF2, 0xF4),
    "ư": (0xAD, 0xF5, 0xF8, 0xF6, 0xF7, 0xF9),
    "y": (None, 0xFA, 0xFD, 0xFB, 0xFC, 0xFE),
}
_TCVN3_OTHER: dict[str, int] = {
    "đ": 0xAE,
    "Ă": 0xA1,
    "Â": 0xA2,
    "Ê": 0xA3,
    "Ô": 0xA4,
    "Ơ": 0xA5,
    "Ư": 0xA6,
    "Đ": 0xA7,
}
# Free slots that hold symbols in the fonts: passed through.
_TCVN3_SYMBOLS = bytes([0xAF, 0xB0, 0xB1, 0xB2, 0xB3, 0xB4, 0xBA, 0xBF])

_TCVN3_DEC: dict[int, str] = {}  # byte -> Unicode
_TCVN3_ENC: dict[str, int] = {}  # Unicode -> byte
for _base, _codes in _TCVN3_LOWER.items():
    for _t, _code in enumerate(_codes):
        if _code is None:
            continue
        _lo = _letter(_base, _t)
        _TCVN3_DEC[_code] = _lo
        _TCVN3_ENC[_lo] = _code
        _TCVN3_ENC.setdefault(_letter(_base.upper(), _t), _code)  # toned capital -> lower code
for _ch, _code in _TCVN3_OTHER.items():
    _TCVN3_DEC[_code] = _ch
    _TCVN3_ENC[_ch] = _code
for _byte in _TCVN3_SYMBOLS:
    _TCVN3_DEC[_byte] = chr(_byte)
    _TCVN3_ENC[chr(_byte)] = _byte
_TCVN3_DEC[0xA0] = "\xa0"
_TCVN3_ENC["\xa0"] = 0xA0
_TCVN3_INVALID = frozenset(
    b for b in range(0x80, 0x100) if b not in _TCVN3_DEC and b not in _LATIN1_TO_CP1252
)

# --------------------------------------------------------------------------------------------
# VNI-Windows
# --------------------------------------------------------------------------------------------

_VNI_TONE = ("", "ø", "ù", "û", "õ", "ï")  # after a, e, o, u, y, ơ (ô), ư (ö)
_VNI_HAT = ("â", "à", "á", "å", "ã", "ä")  # â ê ô with each tone
_VNI_BREVE = ("ê", "è", "é", "ú", "ü", "ë")  # ă with each tone
_VNI_I = ("i", "ì", "í", "æ", "ó", "ò")
_VNI_LOWER: dict[str, tuple[str, ...]] = {
    "a": tuple("a" + m for m in _VNI_TONE),
    "ă": tuple("a" + m for m in _VNI_BREVE),
    "â": tuple("a" + m for m in _VNI_HAT),
    "e": tuple("e" + m for m in _VNI_TONE),
    "ê": tuple("e" + m for m in _VNI_HAT),
    "i": _VNI_I,
    "o": tuple("o" + m for m in _VNI_TONE),
    "ô": tuple("o" + m for m in _VNI_HAT),
    "ơ": tuple("ô" + m for m in _VNI_TONE),
    "u": tuple("u" + m for m in _VNI_TONE),
    "ư": tuple("ö" + m for m in _VNI_TONE),
    "y": ("y", "yø", "yù", "yû", "yõ", "î"),
}
_VNI_ENC: dict[str, str] = {"đ": "ñ", "Đ": "Ñ"}  # Unicode letter -> VNI (as latin-1 chars)
for _base, _seqs in _VNI_LOWER.items():
    for _t, _seq in enumerate(_seqs):
        if len(_seq) == 1 and _seq.isascii():
            continue
        _VNI_ENC[_letter(_base, _t)] = _seq
        _VNI_ENC[_letter(_base.upper(), _t)] = _seq.upper()

# Decoding: each VNI byte >= 0xC0 becomes either a letter or combining marks; NFC then composes
# base + marks. Anything left uncomposed (a mark with no base it fits) is invalid VNI.
_VNI_MARK = {
    "ø": "\u0300",
    "ù": "\u0301",
    "û": "\u0309",
    "õ": "\u0303",
    "ï": "\u0323",
}
for _m, _hat_tone in zip(_VNI_HAT, _TONE_MARKS, strict=True):
    _VNI_MARK[_m] = "\u0302" + _hat_tone
for _m, _breve_tone in zip(_VNI_BREVE, _TONE_MARKS, strict=True):
    _VNI_MARK[_m] = "\u0306" + _breve_tone
_VNI_SINGLE = {
    "ô": "o\u031b",
    "ö": "u\u031b",
    "ñ": "đ",
    "ì": "ì",
    "í": "í",
    "æ": "ỉ",
    "ó": "ĩ",
    "ò": "ị",
    "î": "ỵ",
}
_VNI_DEC: dict[int, str] = {}
for _src in (_VNI_MARK, _VNI_SINGLE):
    for _k, _v in _src.items():
        _VNI_DEC[ord(_k)] = _v
        _VNI_DEC[ord(_k.upper())] = _v.upper() if _k in _VNI_SINGLE else _v
_VNI_DEC.update(_LATIN1_TO_CP1252)
# Free letter slots (Ç Ð Ý Þ ß ç ð ý þ ÿ) are errors; × ÷ and 0xA0-0xBF symbols pass through.
_VNI_INVALID = frozenset(
    b
    for b in range(0x80, 0x100)
    if (b >= 0xC0 and chr(b).isalpha() and b not in _VNI_DEC) or b in _CP1252_UNDEFINED
)
_VNI_SYMBOLS = frozenset(
    chr(b) for b in range(0xA0, 0x100) if b not in _VNI_DEC and b not in _VNI_INVALID
)
_COMBINING = re.compile("[\u0300-\u036f]")

# --------------------------------------------------------------------------------------------
# VISCII (RFC 1456)
# --------------------------------------------------------------------------------------------

_VISCII_C0 = {0x02: "Ẳ", 0x05: "Ẵ", 0x06: "Ẫ", 0x14: "Ỷ", 0x19: "Ỹ", 0x1E: "Ỵ"}
_VISCII_HIGH = (
    "ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐ"  # 0x80
    "ỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲ"  # 0x90
    "Õắằặấầẩậẽẹếềểễệố"  # 0xA0
    "ồổỗỠƠộờởịỰỨỪỬơớƯ"  # 0xB0
    "ÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳ"  # 0xC0
    "ĐứÒÓÔạỷừửÙÚỹỵÝỡư"  # 0xD0
    "àáâãảăữẫèéêẻìíĩỉ"  # 0xE0
    "đựòóôõỏọụùúũủýợỮ"  # 0xF0
)
_VISCII_DEC: dict[int, str] = dict(_VISCII_C0)
_VISCII_DEC.update({0x80 + i: c for i, c in enumerate(_VISCII_HIGH)})
_VISCII_ENC: dict[str, int] = {c: b for b, c in _VISCII_DEC.items()}

# --------------------------------------------------------------------------------------------
# Encoding (Unicode -> legacy bytes)
# --------------------------------------------------------------------------------------------


def _encode_table(encoding: str) -> dict[str, bytes]:
    table: dict[str, bytes] = {}
    if encoding == "viscii":
        for i in range(0x80):
            if i not in _VISCII_C0:
                table[chr(i)] = bytes([i])
        table.update({c: bytes([b]) for c, b in _VISCII_ENC.items()})
        return table
    for i in range(0x80):
        table[chr(i)] = bytes([i])
    for u, b in _CP1252_SPECIALS.items():
        table[chr(u)] = bytes([b])
    if encoding == "tcvn3":
        table.update({c: bytes([b]) for c, b in _TCVN3_ENC.items()})
    else:
        table["\xa0"] = b"\xa0"
        table.update({c: c.encode("latin-1") for c in _VNI_SYMBOLS})
        table.update({c: s.encode("latin-1") for c, s in _VNI_ENC.items()})
    return table


_ENCODE: dict[str, dict[str, bytes]] = {e: _encode_table(e) for e in BYTE_ENCODINGS}


def _check_encoding(encoding: str) -> str:
    enc = encoding.lower().replace("-", "").replace("_", "")
    enc = {"tcvn": "tcvn3", "abc": "tcvn3", "vniwindows": "vni", "viscii11": "viscii"}.get(enc, enc)
    if enc not in BYTE_ENCODINGS:
        raise LookupError(f"unknown legacy Vietnamese encoding: {encoding!r}")
    return enc


def encode_text(text: str, encoding: str, errors: str = "strict") -> bytes:
    """Unicode text -> bytes in a legacy encoding (``errors``: "strict" or "replace" with ?).

    TCVN3 has no codes for toned capitals: they are written with the lower-case codes (what
    the ABC "H" fonts display as capitals).
    """
    enc = _check_encoding(encoding)
    table = _ENCODE[enc]
    text = unicodedata.normalize("NFC", text)
    out = []
    for i, ch in enumerate(text):
        code = table.get(ch)
        if code is None:
            if errors == "strict":
                raise UnicodeEncodeError(enc, text, i, i + 1, "character not in the encoding")
            code = b"?"
        out.append(code)
    return b"".join(out)


# --------------------------------------------------------------------------------------------
# Decoding. Legacy text "as read" is what cp1252 makes of the bytes, with the five bytes cp1252
# leaves undefined (and everything 0x80-0x9F after a latin-1 read) as U+0080-U+009F.
# --------------------------------------------------------------------------------------------

_C1 = "vbparse.legacy.c1"


def _c1_errors(err: UnicodeError) -> tuple[str | bytes, int]:
    if isinstance(err, UnicodeDecodeError):
        return "".join(chr(b) for b in err.object[err.start : err.end]), err.end
    if isinstance(err, UnicodeEncodeError):
        chunk = err.object[err.start : err.end]
        if all(ord(c) < 0x100 for c in chunk):
            return chunk.encode("latin-1"), err.end
    raise err


codecs.register_error(_C1, _c1_errors)


def _charmap(dec: dict[int, str], invalid: str = "\ufffe") -> str:
    full = {b: chr(b) for b in range(0x80)}
    full.update(dec)
    return "".join(full.get(b, invalid if invalid else chr(b)) for b in range(256))


_TCVN3_TABLE = _charmap({**_LATIN1_TO_CP1252, **_TCVN3_DEC})
_TCVN3_TABLE_LENIENT = _charmap({**_LATIN1_TO_CP1252, **_TCVN3_DEC}, invalid="")
_VISCII_TABLE = _charmap(_VISCII_DEC)
# byte -> str for codecs.charmap_decode; the bytes VNI cannot have are left out (errors)
_VNI_MAP: dict[int, str] = {b: _VNI_DEC.get(b, chr(b)) for b in range(256) if b not in _VNI_INVALID}
_VNI_OUT_OK = (
    frozenset(chr(i) for i in range(0x80)) | _VIET_SET | _CP1252_PUNCT | _VNI_SYMBOLS | {"\xa0"}
)

_WORD = re.compile(r"[^\W\d_]+")
_ASCII_LOWER = re.compile("[a-z]")


def _caps_words(decoded: str) -> str:
    """TCVN3 has no toned capitals: "CộNG" (typed for an "H" font) -> "CỘNG"."""

    def fix(m: re.Match[str]) -> str:
        w = m.group()
        if _ASCII_LOWER.search(w) or sum(c.isupper() for c in w) < 2:
            return w
        return w.upper()

    return _WORD.sub(fix, decoded)


def _tcvn3_caps(decoded: str) -> str:
    """Word rule, then: a line with a fixed word and no ASCII lower-case letter is a heading."""
    out = []
    for line in decoded.split("\n"):
        fixed = _caps_words(line)
        if fixed != line and not _ASCII_LOWER.search(fixed):
            fixed = fixed.upper()
        out.append(fixed)
    return "\n".join(out)


def _vni_scan(s: str) -> tuple[str, int]:
    """Lenient VNI decoding of latin-1 characters, and the index of the first one that is not
    valid VNI (or -1). A tone/diacritic byte that fits no preceding letter is kept as it is."""
    out: list[str] = []
    bad = -1
    for i, ch in enumerate(s):
        rep = _VNI_DEC.get(ord(ch))
        if rep is None:
            if bad < 0 and ord(ch) in _VNI_INVALID:
                bad = i
            out.append(ch)
        elif "\u0300" <= rep[0] <= "\u036f":
            cand = unicodedata.normalize("NFC", out[-1] + rep) if out else ""
            if len(cand) == 1 and cand in _VIET_SET:
                out[-1] = cand
            else:
                if bad < 0:
                    bad = i
                out.append(ch)
        else:
            out.append(unicodedata.normalize("NFC", rep))
    return "".join(out), bad


def _decode_raw(raw: bytes, enc: str, strict: bool = True) -> str | None:
    """Legacy bytes -> Unicode NFC; strict: None when the bytes are not valid in ``enc``.
    (TCVN3 capitals are restored by the callers.)"""
    if enc == "vni":
        try:
            out = unicodedata.normalize("NFC", codecs.charmap_decode(raw, "strict", _VNI_MAP)[0])
        except UnicodeDecodeError:
            out = None
        if out is None or _COMBINING.search(out) or not _VNI_OUT_OK.issuperset(out):
            return None if strict else _vni_scan(raw.decode("latin-1"))[0]
        return out
    table = _VISCII_TABLE
    if enc == "tcvn3":
        table = _TCVN3_TABLE if strict else _TCVN3_TABLE_LENIENT
    try:
        return codecs.charmap_decode(raw, "strict", table)[0]
    except UnicodeDecodeError:
        return None


_CACHE_MAX = 200_000


class _TokenCache(dict[str, "str | None"]):
    """As-read token (a line split at spaces) -> its decoding in one encoding (None: invalid)."""

    def __init__(self, enc: str) -> None:
        super().__init__()
        self.enc = enc
        self.capsfixed: set[str] = set()

    def __missing__(self, tok: str) -> str | None:
        if len(self) > _CACHE_MAX:
            self.clear()
            self.capsfixed.clear()
        try:
            raw = tok.encode("cp1252", _C1)
        except UnicodeEncodeError:
            out = None
        else:
            out = _decode_raw(raw, self.enc)
            if out is not None and self.enc == "tcvn3":
                fixed = _caps_words(out)
                if fixed != out:
                    self.capsfixed.add(tok)
                    out = fixed
        self[tok] = out
        return out


_TOKENS: dict[str, _TokenCache] = {e: _TokenCache(e) for e in BYTE_ENCODINGS}


# Two capitals in one token, as read: the token may be a TCVN3 all-caps word.
_CAPS_HINT = re.compile("[A-Z\xa1-\xa7]\\S*?[A-Z\xa1-\xa7]")


def _decode_line(line: str, enc: str, parts: list[str] | None = None) -> str | None:
    """One line as read -> decoded, or None if it is not ``enc``. ``parts``: line.split(" ")."""
    if enc == "vni" or (enc == "tcvn3" and _CAPS_HINT.search(line)):
        cache = _TOKENS[enc]
        decs = list(map(cache.__getitem__, parts if parts is not None else line.split(" ")))
        if None in decs:
            return None
        out = " ".join(decs)  # type: ignore[arg-type]
        if (
            enc == "tcvn3"
            and not _ASCII_LOWER.search(line)
            and any(map(cache.capsfixed.__contains__, line.split(" ")))
        ):
            out = out.upper()
        return out
    try:
        raw = line.encode("cp1252", _C1)
    except UnicodeEncodeError:
        return None
    return _decode_raw(raw, enc)


def _byte_readable(line: str) -> bool:
    """True if every character of ``line`` can be a byte read as cp1252 or latin-1."""
    try:
        line.encode("cp1252")
    except UnicodeEncodeError:
        try:  # U+0080-U+009F from a latin-1 read, or a byte cp1252 leaves undefined
            line.encode("cp1252", _C1)
        except UnicodeEncodeError:
            return False
    return True


def decode_bytes(data: bytes, encoding: str) -> str:
    """Bytes typed in a legacy encoding ("tcvn3", "vni", "viscii") -> Unicode NFC.

    Raises UnicodeDecodeError for bytes the encoding cannot have (TCVN3 letter slots it leaves
    free, a VNI tone byte after a letter that cannot carry it, a byte cp1252 leaves undefined).
    TCVN3 toned capitals (which share the lower-case codes) are restored in all-caps words and
    headings, see the module docstring.
    """
    enc = _check_encoding(encoding)
    data = bytes(data)
    text = data.decode("cp1252", _C1)
    out = []
    for line in text.split("\n"):
        dec = _decode_line(line, enc)
        if dec is None:
            i = _first_bad(data, enc)
            raise UnicodeDecodeError(enc, data, i, i + 1, "byte not valid in this encoding")
        out.append(dec)
    return "\n".join(out)


def _first_bad(data: bytes, enc: str) -> int:
    if enc == "vni":
        return max(_vni_scan(data.decode("latin-1"))[1], 0)
    table = _TCVN3_TABLE if enc == "tcvn3" else _VISCII_TABLE
    return next((i for i, b in enumerate(data) if table[b] == "\ufffe"), 0)


# --------------------------------------------------------------------------------------------
# Vietnamese syllables (used to judge which reading of a line is Vietnamese)
# --------------------------------------------------------------------------------------------

_ONSETS = "ngh ng nh gh gi ch kh ph th tr qu b c d đ g h k l m n p r s t v x"
_RIMES = """
a ac ach ai am an ang anh ao ap at au ay ăc ăm ăn ăng ăp ăt
âc âm ân âng âp ât âu ây e ec em en eng eo ep et ê êch êm ên êng ênh êp êt êu
i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu yêm yên yêng yêt yêu
o oc oi om on ong op ot ooc oong ô ôc ôi ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt
u ua uc ui um un ung up ut uôc uôi uôm uôn uông uôt
ư ưa ưc ưi ưm ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu y
oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt
oe oem oen oeo oet uân uâng uât uây uê uêch uên uênh uêt
uy uya uych uyn uynh uyp uyt uyu uyên uyêt uơ
"""
_ONSET_SET = frozenset(_ONSETS.split())
_RIME_SET = frozenset(_RIMES.split())


def _toneless_syllable(bare: str) -> bool:
    """Onset (longest first; "gi" may also be g + i...) + a rime of the list."""
    for k in (3, 2, 1):
        if bare[:k] in _ONSET_SET and bare[k:] in _RIME_SET:
            return True
    return bare in _RIME_SET or (bare.startswith("gi") and bare[1:] in _RIME_SET)


_STOP_CODA = ("c", "ch", "p", "t")

# Frequent syllables of administrative text: a tie-breaker between two readings of a short line.
_COMMON = frozenset(
    """
    và của các có được trong là cho không người những với một này đã để theo về đến từ năm
    ngày tháng số quy định ban hành nhà nước công tác thực hiện kế hoạch quyết tổ chức cán bộ
    viên sở giáo dục đào tạo trường học sinh phòng ủy uỷ nhân dân tỉnh thành phố huyện xã phường
    quận cộng hòa hoà hội chủ nghĩa việt nam độc lập tự do hạnh phúc điều khoản chương mục luật
    nghị thông tư chính phủ trưởng tịch giám đốc văn bản kiểm tra báo cáo đề triển khai nội dung
    yêu cầu đích hoạt động quản lý phát kinh tế đơn vị cơ quan trên dưới sau trước tại đây đó
    như khi nếu thì mà hoặc cùng tất cả mỗi hai ba bốn sáu bảy tám chín mười lần thứ nhất đầu
    tiên cuối gian thời hạn đồng chí ông bà anh chị em chúng ta họ mình vận cấp trung ương địa
    phương vùng miền bắc đông tây nguyên tiếp nhận gửi nơi lưu kính trình xem xét giải quyết
    thẩm quyền trách nhiệm thi hiệu lực kể ký tên đóng dấu phó thủ sự ngành năng vụ hướng dẫn
    biện pháp tình hình kết quả đánh giá tổng hợp tiến độ đảm bảo tăng cường chỉ đạo phối liên
    tuyên truyền phổ biến lao tiền lương tài ngân sách xây dựng đất đai môi y hóa hoá thể thao
    du lịch an ninh quốc trật toàn phận mới đối tượng chế tiêu chuẩn
    """.split()  # noqa: SIM905
)

_valid_cache: dict[str, int] = {}


def _syllable_score(word: str) -> int:
    """2 = frequent Vietnamese syllable, 1 = a possible Vietnamese syllable, 0 = not."""
    hit = _valid_cache.get(word)
    if hit is not None:
        return hit
    score = 0
    lower = word.lower()
    # case: lower, Title or UPPER only ("ViÖt" is not a Vietnamese spelling)
    if (word == lower or word[1:] == lower[1:] or word == word.upper()) and len(word) <= 7:
        tones = [c for c in lower if c in _TONED]
        if len(tones) <= 1:
            bare = lower.translate(_TONELESS)
            stop = bare.endswith(_STOP_CODA)
            if _toneless_syllable(bare) and (not stop or (tones and tones[0] in _STOP_TONES)):
                score = 2 if lower in _COMMON else 1
    if len(_valid_cache) > _CACHE_MAX:
        _valid_cache.clear()
    _valid_cache[word] = score
    return score


_word_flags_cache: dict[str, tuple[int, int, int]] = {}


def _word_flags(tok: str) -> tuple[int, int, int]:
    """(has Vietnamese-looking words, all of them valid syllables, one of them frequent) for a
    token. Only non-ASCII words of two letters or more count: a one-letter word is no evidence
    (in VISCII a dash or a quote reads as one)."""
    hit = _word_flags_cache.get(tok)
    if hit is not None:
        return hit
    scores = [_syllable_score(w) for w in _WORD.findall(tok) if len(w) > 1 and not w.isascii()]
    if not scores:
        flags = (0, 0, 0)
    elif all(scores):
        flags = (1, 1, int(2 in scores))
    else:
        flags = (1, 0, 0)
    if len(_word_flags_cache) > _CACHE_MAX:
        _word_flags_cache.clear()
    _word_flags_cache[tok] = flags
    return flags


# --------------------------------------------------------------------------------------------
# Detection
# --------------------------------------------------------------------------------------------


def _typical_re(chars: Iterable[str]) -> re.Pattern[str]:
    """Characters typical of a legacy reading: its letters that are not Vietnamese letters."""
    keep = sorted({c for c in chars if c not in _VIET_LATIN1 and not c.isascii()})
    return re.compile("[" + "".join(re.escape(c) for c in keep) + "]")


_TYPICAL: dict[str, re.Pattern[str]] = {
    "tcvn3": _typical_re(chr(b) for b in _TCVN3_DEC if b >= 0xA1 and b not in _TCVN3_SYMBOLS),
    "vni": _typical_re(c for k in (*_VNI_MARK, *_VNI_SINGLE) for c in (k, k.upper())),
    # VISCII letters in 0xA1-0xFF, and C1 controls (its 0x80-0x9F letters after a latin-1 read)
    "viscii": _typical_re([*map(chr, range(0xA1, 0x100)), *map(chr, range(0x80, 0xA0))]),
}

# The evidence for a reading of a line is summed over its space-separated tokens as packed
# integers, 7 bits a field, every token counting 0 or 1 in each, 127 tokens at a time (so that
# every sum stays a machine integer). Fields: tokens the reading changes, with Vietnamese-looking
# words after / before the change, all valid after / before, frequent after / before, changed
# tokens with a character typical of the encoding, and tokens the encoding cannot have.
# Tokens the reading leaves as they are count for nothing.
_SHIFT = 7
_MASK = (1 << _SHIFT) - 1
_CHUNK = 127
_FIELDS = ("changed", "n", "valid", "common", "orig_n", "orig_valid", "orig_common", "typical")
_INVALID = 1 << (len(_FIELDS) * _SHIFT)


def _pack(*values: int) -> int:
    return sum(v << (k * _SHIFT) for k, v in enumerate(values))


class _TokenEvidence(dict[str, int]):
    """As-read token -> packed evidence for its reading in one encoding."""

    def __init__(self, enc: str) -> None:
        super().__init__()
        self.enc = enc

    def __missing__(self, tok: str) -> int:
        if len(self) > _CACHE_MAX:
            self.clear()
        dec = _TOKENS[self.enc][tok]
        if dec is None:
            packed = _INVALID
        elif dec == tok:
            packed = 0
        else:
            typical = 1 if _TYPICAL[self.enc].search(tok) else 0
            packed = _pack(1, *_word_flags(dec), *_word_flags(tok), typical)
        self[tok] = packed
        return packed


_EVIDENCE: dict[str, _TokenEvidence] = {e: _TokenEvidence(e) for e in BYTE_ENCODINGS}


class _Evidence:
    """The evidence for reading one line in one encoding (summed over its changed tokens)."""

    __slots__ = (*_FIELDS, "invalid")

    changed: int
    n: int
    valid: int
    common: int
    orig_n: int
    orig_valid: int
    orig_common: int
    typical: int
    invalid: int

    def __init__(self, parts: list[str], enc: str) -> None:
        cache = _EVIDENCE[enc]
        totals = [0] * (len(_FIELDS) + 1)
        for k in range(0, len(parts), _CHUNK):
            chunk = parts if len(parts) <= _CHUNK else parts[k : k + _CHUNK]
            packed = sum(map(cache.__getitem__, chunk))
            for f in range(len(_FIELDS)):
                totals[f] += (packed >> (f * _SHIFT)) & _MASK
            totals[-1] += packed >> (len(_FIELDS) * _SHIFT)
        for name, value in zip((*_FIELDS, "invalid"), totals, strict=True):
            setattr(self, name, value)

    @property
    def score(self) -> int:
        return self.valid + self.common

    @property
    def orig_score(self) -> int:
        return self.orig_valid + self.orig_common


def _reading(parts: list[str], enc: str) -> _Evidence:
    return _Evidence(parts, enc)


def _strong(ev: _Evidence) -> bool:
    """A line that on its own is clearly legacy text: the words the reading changes become
    (nearly) all Vietnamese, clearly more of them than before, and the line has characters
    typical of the encoding."""
    if ev.invalid or ev.valid < 2 or ev.valid < 0.8 * ev.n:
        return False
    if ev.valid - ev.orig_valid < max(2.0, 0.3 * ev.n) or ev.orig_valid > 0.6 * ev.orig_n:
        return False
    return ev.typical >= 2 or (ev.typical >= 1 and ev.valid >= 4)


def _confident(ev: _Evidence) -> bool:
    """In a document shown to be legacy text: a line whose changed words all become Vietnamese
    and which has a character typical of the encoding."""
    return (
        not ev.invalid
        and ev.typical >= 1
        and ev.valid >= 1
        and ev.valid >= 0.8 * ev.n
        and (ev.valid > ev.orig_valid)
    )


def _weak(ev: _Evidence) -> bool:
    """In a document shown to be legacy text: a line whose reading is Vietnamese and better
    than the line as it stands."""
    if ev.invalid or not ev.changed or ev.valid < 1 or ev.valid < 0.8 * ev.n:
        return False
    return (ev.typical >= 1 and ev.valid > ev.orig_valid) or ev.score > ev.orig_score


def _analyse(lines: list[str]) -> tuple[dict[int, tuple[str, str]], str | None]:
    """Which lines to convert, with which encoding: ({index: (converted, encoding)}, the
    encoding used most)."""
    chosen: dict[int, tuple[str, list[str]]] = {}
    strong_words = dict.fromkeys(BYTE_ENCODINGS, 0)
    deferred: list[tuple[int, list[str]]] = []
    preferred: str | None = None
    confirmed = 0
    strong_lines = dict.fromkeys(BYTE_ENCODINGS, 0)
    for i, line in enumerate(lines):
        if line.isascii() or not _byte_readable(line):
            continue
        parts = line.split(" ")
        found = None
        if preferred is not None:
            conv = _reading(parts, preferred)
            if confirmed >= 3 and _confident(conv):
                # the document is shown to be legacy text: this line needs no more evidence
                chosen[i] = preferred, parts
                continue
            if _strong(conv):
                found = preferred, conv
        if found is None:
            readings = [(e, _reading(parts, e)) for e in BYTE_ENCODINGS if e != preferred]
            readings.sort(key=lambda r: -r[1].typical)
            found = next(((e, r) for e, r in readings if _strong(r)), None)
        if found is None:
            deferred.append((i, parts))
            continue
        enc, conv = found
        chosen[i] = enc, parts
        strong_words[enc] += conv.valid
        strong_lines[enc] += 1
        if preferred is None or strong_words[enc] > strong_words[preferred]:
            preferred = enc
        confirmed = strong_lines[preferred]
    if preferred is None:
        return {}, None
    for i, parts in deferred:
        if _weak(_reading(parts, preferred)):
            chosen[i] = preferred, parts
    out: dict[int, tuple[str, str]] = {}
    counts = dict.fromkeys(BYTE_ENCODINGS, 0)
    for i, (enc, parts) in chosen.items():
        conv_text = _decode_line(lines[i], enc, parts)
        if conv_text is not None:
            out[i] = (conv_text, enc)
            counts[enc] += 1
    return out, max(BYTE_ENCODINGS, key=lambda e: counts[e])


def convert_text(text: str) -> tuple[str, str | None]:
    """Convert the lines of ``text`` that are a legacy encoding read as cp1252/latin-1.

    Returns (text, encoding) where encoding is the one used for most converted lines, or
    (text, None) with ``text`` itself when no line is legacy text. Lines that already are
    Unicode are never touched. Run it before any clean-up that drops U+00AD (TCVN3 "ư").
    """
    if text.isascii():
        return text, None
    lines = text.split("\n")
    chosen, enc = _analyse(lines)
    if not chosen:
        return text, None
    for i, (conv, _) in chosen.items():
        lines[i] = conv
    return "\n".join(lines), enc


def detect_encoding(text: str) -> str | None:
    """The legacy encoding ``text`` (read through a Western code page) is in, or None: the
    encoding :func:`convert_text` would convert most lines with (see :func:`legacy_score`)."""
    if text.isascii():
        return None
    return _analyse(text.split("\n"))[1]


def legacy_score(text: str, encoding: str) -> float:
    """Share (0-1) of the words that reading ``text`` in ``encoding`` changes which become
    Vietnamese syllables; 0 when that reading is impossible or changes no such word."""
    enc = _check_encoding(encoding)
    n = v = 0
    for line in text.split("\n"):
        if not _byte_readable(line):
            return 0.0
        ev = _reading(line.split(" "), enc)
        if ev.invalid:
            return 0.0
        n += ev.n
        v += ev.valid
    return v / n if n else 0.0


def detect_bytes(data: bytes) -> str | None:
    """The legacy encoding of raw bytes (already known not to be UTF-8), or None."""
    return detect_encoding(bytes(data).decode("cp1252", _C1))


# --------------------------------------------------------------------------------------------
# .docx runs
# --------------------------------------------------------------------------------------------

_VISCII_FONT = re.compile(r"^VN[a-z]")


def font_encoding(font: str | None) -> tuple[str | None, bool]:
    """(encoding, all_capitals) a font name implies: ".VnTime" -> ("tcvn3", False),
    ".VnTimeH" -> ("tcvn3", True), "VNI-Times" -> ("vni", False), "VNtimes new roman" ->
    ("viscii", False); (None, False) for Unicode fonts."""
    if not font:
        return None, False
    name = font.strip()
    low = name.lower()
    if low.startswith(".vn"):
        return "tcvn3", name.endswith("H")
    if low.startswith(("vni-", "vni ")) or low == "vni":
        return "vni", False
    if "viscii" in low or _VISCII_FONT.match(name):
        return "viscii", False
    return None, False


def convert_run(text: str, font: str | None) -> str:
    """Convert the text of a .docx run in a legacy font (the run holds the legacy bytes as
    U+00xx characters, cp1252 characters for 0x80-0x9F). Other runs are returned unchanged, and
    so is a run that holds real Vietnamese Unicode although its font is a legacy one. Bytes the
    encoding cannot have are kept as they are."""
    enc, caps = font_encoding(font)
    if enc is None or not text or not _byte_readable(text):
        return text
    if text.isascii() and enc != "viscii" and not caps:
        return text
    out = _decode_raw(text.encode("cp1252", _C1), enc, strict=False)
    if out is None:  # VISCII never fails; kept for the type checker
        return text
    if caps:
        return out.upper()
    return _tcvn3_caps(out) if enc == "tcvn3" else out
