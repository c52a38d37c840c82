"""What a single line looks like: the cues every extractor reads (Quốc hiệu, Số, a date line,
a title, a section label, a bullet, a signer's name). Pure functions of one line's text."""

from __future__ import annotations

import re
from collections.abc import Callable

from .text.charclass import LO, UP
from .text.normalize import strip_diacritics
from .vocab import (
    ALL_TYPE_NAMES,
    DEGREES,
    FORM_TYPES,
    RANKS,
    RECIPIENT_PURPOSES,
    SIGN_PREFIX_SPELLINGS,
    SIGN_PREFIX_UNDOTTED,
    type_name_for,
)

_F = re.IGNORECASE


def fold(text: str) -> str:
    return strip_diacritics(text).upper()


# After "CỘNG HÒA XÃ HỘI CHỦ" the next word may carry a typo ("NCHĨA"): the rest is distinctive.
_NATIONAL = re.compile(r"CONG\s*HOA\s*XA\s*HOI\s*CHU\s*N[A-Z]{3,4}(?![A-Z])(?:\s*VIET(?:\s*NAM)?)?")
# The first words are enough to tell a header table (a cell may wrap after "XÃ HỘI").
_NATIONAL_START = re.compile(r"CONG\s*HOA\s*XA\s*HOI")
_MOTTO = re.compile(
    r"DOC\s*LAP\s*[-–—~,.]{0,3}\s*TU\s*DO\s*[-–—~,.]{0,3}\s*HANH(?:\s*[-–—~,.]{0,3}){0,2}\s*PHUC"
)
_PARTY = re.compile(r"DANG\s*CONG\s*SAN\s*VIET\s*NAM")


def national_span(text: str) -> tuple[int, int] | None:
    """Where the Quốc hiệu stands in `text` (folding keeps offsets: one char per char)."""
    m = _NATIONAL.search(fold(text))
    return (m.start(), m.end()) if m else None


_NATIONAL_FULL = re.compile(r"CONG\s*HOA\s*XA\s*HOI\s*CHU\s*NGHIA\s*VIET\s*NAM")
_MOTTO_START = re.compile(r"DOC\s*LAP")


# The words of the two fixed phrases, to match a wrapped rest that OCR damaged ("VHỆT NAMi").
NATIONAL_WORDS = ("CONG", "HOA", "XA", "HOI", "CHU", "NGHIA", "VIET", "NAM")
MOTTO_WORDS = ("DOC", "LAP", "TU", "DO", "HANH", "PHUC")
_FIXED_WORDS = (NATIONAL_WORDS, MOTTO_WORDS)


def continues_fixed_phrase(prev: str, text: str) -> bool:
    """`text` is the rest of a Quốc hiệu or Tiêu ngữ that a narrow column wrapped after `prev`
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT" / "NAM", "Độc lập - Tự do -" / "Hạnh phúc"), wherever
    the wrap fell, also when OCR damaged a letter of each of its words."""
    before, joined = fold(prev), fold(f"{prev} {text}")
    if _NATIONAL_START.search(before) and not _NATIONAL_FULL.search(before):
        return bool(_NATIONAL_FULL.search(joined)) or _fuzzy_rest(before, text, _FIXED_WORDS[0])
    if _MOTTO_START.search(before) and not _MOTTO.search(before):
        return bool(_MOTTO.search(joined)) or _fuzzy_rest(before, text, _FIXED_WORDS[1])
    return False


def _fuzzy_rest(before: str, text: str, words: tuple[str, ...]) -> bool:
    """`text` reads as the words of the phrase that `before` lacks, one OCR error per word."""
    from .text.cer import edit_distance

    have = re.findall(r"[A-Z]+", before)
    done = next((k for k in range(len(words), 0, -1) if have[-k:] == list(words[:k])), 0)
    rest = words[done:]
    got = re.findall(r"[A-Z]+", fold(text))
    return (
        done > 0
        and bool(rest)
        and len(got) == len(rest)
        and all(
            edit_distance(g, w) <= (1 if len(w) > 2 else 0) for g, w in zip(got, rest, strict=True)
        )
    )


def has_national_start(text: str) -> bool:
    return bool(_NATIONAL_START.search(fold(text)))


def motto_span(text: str) -> tuple[int, int] | None:
    m = _MOTTO.search(fold(text))
    return (m.start(), m.end()) if m else None


def party_span(text: str) -> tuple[int, int] | None:
    m = _PARTY.search(fold(text))
    return (m.start(), m.end()) if m else None


# "Số:", and the legal texts' "Luật số:", "Nghị quyết số:", "Pháp lệnh số:".
NUMBER_LINE = re.compile(
    r"^\s*[.,'`‘’\"“]{0,2}\s*(?:(?:Bộ\s+luật|Luật|Nghị\s+quyết|Pháp\s+lệnh|Lệnh)\s+)?"
    # A handwritten number OCR reads as a few letters ("Sô df /TB - HTTT") still opens a Số line.
    r"S[ốôoóòỏõọồổỗộơớờởỡợ]{1,2}\s*(?:[:.]|(?=\s*[\d_.…/])|(?=\s*[^\s/]{1,3}\s*/\s*[A-ZĐ]))"
    r"\s*(?P<raw>.*)$",  # OCR: "Só:", "SốỐ:"
    _F,
)
PLACE_DATE = re.compile(
    # "ngàyŒ3": a day written in that OCR reads as a stray glyph still follows "ngày".
    # "tháng/ðhăm 2017": a month written in over the "n" of "năm" reads as a glyph and an "h".
    r"^(?P<place>[^,;:]{2,60}?)\s*,\s*(?P<date>ng[àa]y.*?(?:n|\S?h)[ăa]m\s*[-–.]?\s*(?:\d\s?){4}"
    r"|ng[àa]y\b.*n[ăa]m\s*[.…_ ]*)",
    _F,
)
# A line that is only a date ("ngày 23 tháng 4 năm 2020" under a wrapped place).
_DAY_MONTH = re.compile(r"^\s*ng[àa]y\s*[\d.…_ ]*\s*th[áa]ng", _F)


def is_date_line(text: str) -> bool:
    """The place-date line of a header, or a short date line on its own."""
    return bool(PLACE_DATE.match(text)) or (bool(_DAY_MONTH.match(text)) and len(text) < 60)


# The label of a section that opens the body ("I. MỤC ĐÍCH", "2) …", "Điều 1", "Chương II").
# "Chương trình …", "Phần mềm …" open sentences: a chapter or part label needs its numeral.
OUTLINE_LABEL = re.compile(
    r"^\s*(?:[IVX]{1,5}|\d{1,2})\s*[.)]\s+\S"
    r"|^\s*(?:Điều|ĐIỀU)\s+\d"
    r"|^\s*(?:Chương|CHƯƠNG|Phần|PHẦN)\s+(?:[IVXLC]+\b|\d|thứ|THỨ|[A-ZĐ]{2,}\b)"
)
# A date phrase anywhere in a line, with its year ("ngày 23 tháng 4 năm 2020").
DATE_PHRASE = re.compile(r"ng[àa]y\s*[\d.…_ ]*\s*th[áa]ng\s*[\d.…_ ]*\s*n[ăa]m\s*\d{4}", _F)
# OCR leaves a stray quote or dot before "V/v" ("'V/v báo cáo …"), drops its "v" ("V/ …"), reads
# it "WW" before the subject's first (lower-case) word, or its slash as a fraction slash and its
# "v" as a percent sign ("V⁄% Góp ý …").
VV_LINE = re.compile(
    r"^\s*[\W_]{0,2}\s*(?:V\s*[/⁄]\s*[v%]|V\s*[/⁄](?=\s+\w)|WW(?=\s+[a-zà-ỹđ])|Về\s+việc)"
    r"\s*[:.]?\s*"
    r"(?P<subject>.*)$",
    _F,
)
# Trade-union and Party công văn may lead the trích yếu with a bare "Về" ("Về hỗ trợ phổ biến …",
# "Về lấy ý kiến …"): a weaker cue than V/v, since a body paragraph may open the same way.
ABOUT_LINE = re.compile(rf"^\s*Về\s+(?!việc\b)[{LO}]")
RULE_LINE = re.compile(r"^[-_–—=*.·\s]{3,}$")
# The words that open a decision's operative part, on a line of their own ("QUYẾT ĐỊNH:").
OPERATIVE_WORDS = "QUYẾT ĐỊNH|QUYẾT NGHỊ|CHỈ THỊ"
# The enacting sentence a quyết định or nghị định has carried since the 2025 law on legal
# documents repeats its trích yếu: "Thủ tướng Chính phủ ban hành Quyết định bãi bỏ …." /
# "Ủy ban nhân dân tỉnh ban hành Quyết định Quy định chức năng … như sau:". {type} is the type.
ENACTING = (
    r"\bban\s+hành\s+{type}\s+(?!này\b|kèm\b|số\b)(?P<subject>\w.*?)"
    r"(?:\s*,?\s*như\s+sau)?\s*[.:;]?\s*$"
)
# OCR sometimes loses or garbles the capital N ("@ơi nhận:"); the rest identifies the phrase.
_RECIPIENTS = r"(?:N|[^\w\s])?[ơo]i\s*nh[ậâa]n\s*:?"
RECIPIENTS = re.compile(rf"^\s*{_RECIPIENTS}\s*", _F)
# The same in a closing block, also with the N read as another letter ("¿Với nhận:"), then with
# its colon ("Với nhận thức" is a sentence).
RECIPIENTS_IN_CLOSING = re.compile(
    rf"^\s*(?:{_RECIPIENTS}|[^\w\s]?[A-ZĐ][ơớo]i\s*nh[ậâa]n\s*:)\s*", _F
)
# The label that opens the closing block: "Nơi nhận:" alone or before its first item.
RECIPIENTS_LABEL = re.compile(r"^\s*N[ơo]i\s*nh[ậa]n\s*(?::|$)", _F)
# A page's or a site's footer under the signature: "Copyright ©2010, LawSoft Corp.", "Trang 3/5".
FOOTER_LINE = re.compile(r"^\s*(?:Copyright\b|©|\(c\)\s*\d{4}|Trang\s+\d+(?:\s*/\s*\d+)?\s*$)", _F)
# Recipient items known by their words, also when extraction lost their dash ("Như trên;").
RECIPIENT_ITEM = re.compile(r"^\s*(?:Như\s+(?:trên|Điều|điều|khoản|Khoản)\b|Lưu\s*[:;,.]?\s)")
# The purpose a recipient item ends with, in brackets or quotes or bare when a converter lost
# them: "UBND tỉnh (để b/c)", "BCHCĐGDTP “Để phối hợp”", "BTV Đảng ủy Sở GDĐT } để báo cáo".
RECIPIENT_NOTE = re.compile(
    r"(?:^|\s)[(\"“]?\s*để\s+(?:"
    + "|".join(re.escape(p) for p in RECIPIENT_PURPOSES)
    + r")(?![\w/])[^()]{0,40}[)\"”]?\s*[;.,]?\s*$",
    _F,
)
# "gửi" with its g read by OCR as 8, q or 9, and "gởi", its southern spelling ("Kính gởi: …").
_GUI = r"[g8q9][ửưuừứởơớờ]i"
ADDRESSEE = re.compile(rf"^\s*K[íìi]nh\s*{_GUI}\s*:?\s*", _F)
# "Đồng kính gửi:": the addressees for information, after the Kính gửi list.
CO_ADDRESSEE = re.compile(rf"^\s*Đồng\s+k[íìi]nh\s*{_GUI}\s*:?\s*", _F)
# A blank left to fill in ("Kính gửi: ……………", "Số: ..../QĐ"): three or more dots or rules.
FILL_BLANK = re.compile(r"[.…_]{3,}")
OPENER = re.compile(
    r"^\s*(Căn\s+cứ|Thực\s+hiện|Theo|Xét|Tiếp\s+theo|Thi\s+hành|Phúc\s+đáp|Trả\s+lời|Hôm\s+nay)\b",
    _F,
)
# The dated sentence that opens the body of a thông báo kết luận or a biên bản ("Ngày 03/01/2025,
# Phó Chủ tịch … chủ trì họp …", "Chiều ngày 20 tháng 4 năm 2020, …"): never a trích yếu's line.
DATED_OPENING = re.compile(
    r"^\s*(?:(?:Sáng|Chiều|Tối|Trưa)\s+)?ngày\s+\d{1,2}"
    r"(?:\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\s+tháng\s+\d{1,2}\s+năm\s+\d{4})\s*,",
    _F,
)
# OCR may put a speck or a dash before it ("'Căn cứ Nghị quyết …", "- Căn cứ …").
BASES_OPENER = re.compile(r"^[\s'`‘’.,_\-–]*(Căn\s+cứ|Thực\s+hiện|Theo|Xét|Tiếp\s+theo)\b", _F)
# The signing prefixes in every spelling of vocab.SIGN_PREFIX_SPELLINGS, each to its canonical
# form. A plain one ends in a dot ("KT."), or, for the usual four, stands before capitals
# without it ("KT GIÁM ĐỐC"); a slashed or dotted one ends where its word ends ("K/T", "T.M.").
_PREFIX_CANON = {
    fold(spelt): canon for canon, spellings in SIGN_PREFIX_SPELLINGS.items() for spelt in spellings
}


def _prefix_alternation(*, plain: bool) -> str:
    spelt = sorted(
        (sp for sps in SIGN_PREFIX_SPELLINGS.values() for sp in sps if sp.isalpha() == plain),
        key=len,
        reverse=True,
    )
    return "|".join(re.escape(sp) for sp in spelt)


_UNDOTTED = "|".join(SIGN_PREFIX_UNDOTTED)
SIGN_PREFIX_WORD = (
    rf"(?:(?:{_prefix_alternation(plain=True)})\s*\.|(?:{_prefix_alternation(plain=False)})\b\.?"
    rf"|(?:{_UNDOTTED})\s+(?-i:(?=[{UP}]{{2}})))"
)
# The canonical prefixes without their dot ("TM|KT|TL|TUQ|Q"), for an authority line already
# written in canonical form (the gold's, a parse's).
SIGN_PREFIX_CANON = "|".join(canon.rstrip(".") for canon in SIGN_PREFIX_SPELLINGS)
# OCR puts specks and dashes before it ("- - KT.GIÁM ĐỐC").
SIGN_PREFIX = re.compile(rf"^[\s\-–—.,'`\"“”„]*({SIGN_PREFIX_WORD})\s*", _F)
END_MARK = re.compile(r"\./\.\s*$|\.\s*/\s*\.\s*$")
# Placeholders where the signature, seal or name of a template goes.
SIGNATURE_NOTE = re.compile(
    r"^[\s(\[]*(đã\s+ký|đã\s+ký\s+và\s+đóng\s+dấu|ký|chữ\s+ký|daky|ký\s+tên|ký,\s*đóng\s+dấu|"
    r"chữ\s+ký,\s*dấu|ký,\s*ghi\s+rõ\s+họ\s+tên)[^)\]]*[)\]]?\s*$",
    _F,
)
# The same note in brackets within a line, by or after the signer's name ("Nguyễn Văn A (đã ký)").
SIGNED_NOTE_IN_LINE = re.compile(r"\((?:đã\s+)?ký[^)]*\)", _F)

# "P. HIỆU TRƯỞNG", "P.TRƯỞNG KHOA": a deputy's title with "PHÓ" abbreviated, kept as written.
DEPUTY_ABBREVIATION = re.compile(rf"^\s*P\s*\.\s*(?=[{UP}])")
# Where a template or a sample signature block leaves the name to be written: "(chữ ký) Họ và
# tên", "(Ký, ghi rõ họ tên)", the sample name "Nguyễn Văn A". Such a block is no signer's.
NAME_PLACEHOLDER = re.compile(
    r"(?:^|[\s(])(?:họ\s+(?:và\s+)?tên\b|chữ\s+ký\)|Nguyễn\s+Văn\s+[A-Z]\b(?![\w.]))", _F
)

_UPPER_LETTERS = re.compile(rf"[{UP}]")
_LOWER_LETTERS = re.compile(rf"[{LO}]")


def is_upper(text: str) -> bool:
    """Written in capitals (the way titles, bodies and signer titles are)."""
    up = len(_UPPER_LETTERS.findall(text))
    low = len(_LOWER_LETTERS.findall(text))
    return up >= 2 and low <= max(1, up // 10)


_NAME = re.compile(rf"^(?:[{UP}][{LO}]*\.?\s+){{1,5}}[{UP}][{LO}]+$")
_NOT_NAME_WORDS = {
    "Như",
    "Lưu",
    "Các",
    "Nơi",
    "Trường",
    "Phòng",
    "Sở",
    "Ban",
    "Bộ",
    "Văn",
    "Tổ",
    "Ủy",
    "Hội",
    "Khoa",
    "Trung",
    "Bệnh",
    "Viện",
    "Cục",
    "Vụ",
    "Đoàn",
    "Đội",
    "Công",
    "Chi",
    "Đảng",
    "Quận",
    "Huyện",
    "Tỉnh",
    "Thành",
}


_RANK_KEYS = sorted(((fold(r).split(), r) for r in RANKS), key=lambda p: -len(p[0]))
# Degrees, longest first, each with its dot; several in a row ("PGS.TS.", "TS.BS").
_DEGREE = re.compile(
    r"^\s*((?:(?:"
    + "|".join(re.escape(d) for d in sorted(DEGREES, key=len, reverse=True))
    + rf")(?:\s*\.\s*|\s+)(?=[{UP}]))+)"
)


def rank_prefix(text: str) -> tuple[str, str] | None:
    """ "Thiểu tướng Ngô Thanh Bình" → ("Thiếu tướng", "Ngô Thanh Bình"): a rank printed before a
    name, in the vocabulary's spelling when OCR damaged its marks (compared folded), or degrees
    ("TS.", "Th.s") as printed; the rest of the line. None when the line opens with neither."""
    words = text.split()
    folded = fold(text).split()
    for key, rank in _RANK_KEYS:
        if folded[: len(key)] == key and len(words) > len(key):
            return rank, " ".join(words[len(key) :])
    m = _DEGREE.match(text)
    if m:
        return m.group(1).strip(), text[m.end() :].strip()
    return None


def rank_suffix(text: str) -> tuple[str, str] | None:
    """ "CỤC TRƯỞNG Thượng tướng" → ("CỤC TRƯỞNG", "Thượng tướng"): a rank that ends the text
    (a name follows it); the rank in the vocabulary's spelling."""
    words = text.split()
    folded = fold(text).split()
    for key, rank in _RANK_KEYS:
        if len(folded) >= len(key) and folded[-len(key) :] == key:
            return " ".join(words[: -len(key)]), rank
    return None


def strip_rank(text: str) -> str:
    """ "Thượng tướng Vũ Hải Sản" → "Vũ Hải Sản": the name proper, to judge whether it is one."""
    found = rank_prefix(text)
    return found[1] if found else text


def with_rank(text: str) -> str:
    """ "Thiểu tướng Ngô Thanh Bình" → "Thiếu tướng Ngô Thanh Bình": the name as printed, its
    rank respelled."""
    found = rank_prefix(text)
    return f"{found[0]} {found[1]}" if found else text


def is_person_name(text: str) -> bool:
    """ "Nguyễn Thị Lệ Hằng": 2-6 capitalised syllables, nothing else (after a rank)."""
    text = strip_rank(text.strip()).strip()
    if not _NAME.match(text):
        return False
    words = text.split()
    return words[0] not in _NOT_NAME_WORDS and all(len(w) <= 8 for w in words)


def fuzzy_type_name(text: str) -> str | None:
    """A title line OCR damaged by one letter ("KÉẺ HOẠCH", "THÔNG BẢO" is exact once folded)."""
    from .text.cer import edit_distance

    folded = fold(text).strip(" .:")
    if len(folded) < 6:
        return None
    for name in ALL_TYPE_NAMES:
        key = fold(name)
        if len(key) >= 6 and abs(len(key) - len(folded)) <= 1 and edit_distance(key, folded) <= 1:
            return name
    return None


_LEADING_SPECK = re.compile(r"^[-–—.,'`\"“”„]+\s+")


def title_type(text: str) -> str | None:
    """The type name when the line is a document title ("KẾ HOẠCH", "QUYẾT ĐỊNH")."""
    stripped = text.strip().rstrip(":")
    speck = _LEADING_SPECK.match(stripped)
    if speck and is_upper(stripped[speck.end() :]):
        stripped = stripped[speck.end() :]  # "- KẾ HOẠCH": a speck OCR read before the title
    if len(stripped) > 40:
        return None
    name = type_name_for(stripped) or (fuzzy_type_name(stripped) if is_upper(stripped) else None)
    if not stripped[:1].isupper() or (stripped.endswith(".") and not is_upper(stripped)):
        return None  # "luật." is the wrapped end of a sentence, not a title
    if name and (is_upper(stripped) or stripped.istitle() or len(stripped.split()) <= 3):
        return name
    if not is_upper(stripped):
        return form_type(stripped)
    # "KẾ HOẠCH, NHIỆM VỤ": a type and what else the paper is; the type is the document's.
    first, comma, _ = stripped.partition(",")
    return (type_name_for(first) if comma else None) or form_type(stripped)


def form_type(text: str) -> str | None:
    """The form type (vocab.FORM_TYPES) a title line starts with: "BẢNG TỔNG HỢP KẾT QUẢ"."""
    folded = fold(text).strip()
    for name in FORM_TYPES:
        key = fold(name)
        if folded == key or folded.startswith(key + " "):
            return name
    return None


# The heading that opens an annex or a form attached after the closing.
ANNEX_HEADING = re.compile(r"^\s*(?:PHỤ\s+LỤC|Phụ\s+lục\s+[\dIVXLC]+\s*$|MẪU\s+SỐ|Mẫu\s+số\s+\d)")
# An annex naming the document it is attached to: "(Kèm theo Công văn số: 5689/BCA-C04 ngày 16
# tháng 12 năm 2025)", "(Ban hành kèm theo Kế hoạch số … ngày 06/11/2017 …)", "(đính kèm Thông
# báo số …)"; `ref` is what follows "số".
ANNEXED_TO_REF = re.compile(
    r"\((?:Ban\s+hành\s+)?(?:kèm\s+theo|đính\s+kèm)\s+[^()]{0,40}?\bs[ốô]\s*:?\s*(?P<ref>[^()]*)",
    re.IGNORECASE,
)
# A list or table attached after the signature, its heading in capitals.
LIST_HEADING = re.compile(r"^\s*(?:DANH\s+SÁCH|DANH\s+MỤC|BIỂU\s+MẪU|BẢNG\s+TỔNG\s+HỢP)\b")


def sign_prefix(text: str) -> str | None:
    m = SIGN_PREFIX.match(text)
    if not m:
        return None
    return _PREFIX_CANON.get(fold(re.sub(r"[\s.]+$", "", m.group(1))))


# Marks stamped or typed above the header: incoming-mail stamps and urgency/secrecy grades.
STAMP_WORD = re.compile(
    r"^\W*(ĐẾN|CÔNG VĂN ĐẾN|HỎA TỐC|HOẢ TỐC|THƯỢNG KHẨN|KHẨN|TỐI MẬT|TUYỆT MẬT|MẬT)\W*$"
)

# The running header of the official gazette on every page ("CÔNG BÁO/Số 85 + 86/Ngày …").
GAZETTE_HEADER = re.compile(r"^\s*CÔNG\s*BÁO\s*/\s*S[ốo]\b", _F)
# The same, with its page number, wherever extraction ran it into a line of the text
# ("Lê Minh Khái 10 CÔNG BÁO/Số 849 + 850/Ngày 12-10-2021").
GAZETTE_RUN_IN = re.compile(
    r"(?:^|\s+)(?:\d{1,4}\s+)?CÔNG\s*BÁO\s*/\s*S[ốo]\s*[\d\s+]+/\s*Ngày\s*\d{1,2}\s*[-/.]\s*\d{1,2}"
    r"\s*[-/.]\s*\d{4}(?:\s+\d{1,4})?\s*$"
)
# Công báo's section headings printed above a document ("VĂN BẢN QUY PHẠM PHÁP LUẬT").
GAZETTE_SECTION = re.compile(
    r"^\s*(?:VĂN\s+BẢN\s+(?:QUY\s+PHẠM\s+PHÁP\s+LUẬT|HỢP\s+NHẤT|KHÁC|HÀNH\s+CHÍNH)|"
    r"ĐIỀU\s+ƯỚC\s+QUỐC\s+TẾ)\s*$"
)
# The seal of a consolidated text ("VĂN PHÒNG QUỐC HỘI  XÁC THỰC VĂN BẢN HỢP NHẤT"): where the
# Công báo prints it, the block under it holds the text's own Số, place-date and body.
CONSOLIDATION_SEAL = re.compile(r"XÁC\s+THỰC\s+VĂN\s+BẢN\s+HỢP\s+NHẤT", _F)
# The visible text of a digital signature ("Ký bởi: CÔNG BÁO …", "Cơ quan: …", "Ngày ký: …").
ESIGN_FIELD = re.compile(
    r"^\s*(?:Ký\s+bởi|Người\s+ký|Cơ\s+quan|Ngày\s+ký|Thời\s+gian\s+ký|Email|Tổ\s+chức)\s*:", _F
)
# What an e-office system prints of a digital signature without labels, each on a line of its
# own under the signing body's name: its e-mail, the signing time, the time zone
# ("ttcbth@quangngai.gov.vn", "24.01.2025 20:01:14", "+07:00").
ESIGN_MARK = re.compile(
    r"^\s*(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\d{1,2}[./-]\d{1,2}[./-]\d{4}\s+\d{1,2}:\d{2}"
    r"(?::\d{2})?(?:\s*[+-]\d{2}:?\d{2})?|[+-]\d{2}:\d{2})\s*$"
)
ESIGN_START = re.compile(r"^\s*(?:Ký\s+bởi|Người\s+ký)\s*:", _F)
# The signer a digital signature's stamp names ("Người ký: Nguyễn Văn A", "Ký bởi: Lê Hoàng Anh
# <email>"), anywhere in a line OCR read with the stamp's other fields run on.
_ESIGN_NEXT = r"(?!Cơ\s+quan|Thời\s+gian|Ngày\s+ký|Chức\s+vụ|Tổ\s+chức|Email)"
ESIGN_SIGNER = re.compile(
    rf"(?:Ký\s+bởi|Người\s+ký)\s*:\s*(?P<who>(?:{_ESIGN_NEXT}[{UP}][{LO}]+\s+){{1,5}}"
    rf"{_ESIGN_NEXT}[{UP}][{LO}]+)(?![{LO}])"
)

BULLET = re.compile(r"^\s*([-–—+•*●○▪■◦·])\s*(?=\S)")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_value(label: str) -> int | None:
    label = label.upper()
    if not label or any(ch not in _ROMAN_VALUES for ch in label):
        return None
    total = 0
    for i, ch in enumerate(label):
        value = _ROMAN_VALUES[ch]
        total += -value if i + 1 < len(label) and _ROMAN_VALUES[label[i + 1]] > value else value
    return total


_UNITS = ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX")


def to_roman(n: int) -> str:
    """Roman numeral up to 89 (no document has more parts or chapters)."""
    return (
        "L" + "X" * (n // 10 - 5) if n >= 50 else "XL" if n >= 40 else "X" * (n // 10)
    ) + _UNITS[n % 10]


# A Nơi nhận item read by OCR: what the scan did to it, undone by extract.closing._scan_item.
# Fixes before the item's specks are judged, in order: (pattern, replacement).
SCAN_ITEM_FIXES: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    # "PC04 (Đội ])": a 1 read as a bracket or bar before the closing parenthesis.
    (re.compile(r"(?<=\s)[\]|](?=\))"), "1"),
    # The Icelandic capital eth OCR gives for Đ ("BGÐ Sở"): Vietnamese writes no other.
    (re.compile("Ð"), "Đ"),
    # "Bộ Văn hóa ~Thể thao & Du lịch": a dash read as a tilde, before a word of the name.
    (re.compile(r"(?<=\s)~(?=\w)"), "–"),
    # "Lưu:-VT": a speck read as a dash between the archive label and its first code.
    (re.compile(r"^(Lưu\s*:)\s*[-–]\s*(?=\w)"), r"\1 "),
    # "Lưu: VI": the văn thư's code that opens the archive item, its T read as an I.
    (re.compile(r"^(Lưu\s*:?\s*)V[Il1](?=[\s,.;]|$)"), r"\1VT"),
    # "Lưu: VT: KHTC", "Lưu VT.pxphong": the separator after the văn thư's code misread, a ";"
    # as a colon, a "," run into the drafter's initials as a period.
    (re.compile(r"^(Lưu\s*:?\s*VT)\s*:(?=\s*\w)"), r"\1;"),
    (re.compile(r"^(Lưu\s*:?\s*VT)\.(?=[a-zđ])"), r"\1,"),
    # "Trung tâm Ÿ tế": letters of other alphabets OCR gives for Vietnamese ones.
    (re.compile("Ÿ"), "Y"),
    # "Như mục lI": a roman numeral with an l for an I.
    (
        re.compile(r"(?<!\w)(?=[IVXl]*l)(?=[IVXl]*[IVX])[IVXl]{2,4}(?!\w)"),
        lambda m: m.group(0).replace("l", "I"),
    ),
    # "PGĐ SYT:; VP ĐU": a speck read as a colon before the item's ";".
    (re.compile(r":\s*;"), ";"),
    # "VT,TCŒB": a C OCR read as the ligature, which no Vietnamese word writes.
    (re.compile(r"(?<=[A-Z])Œ|Œ(?=[A-Z])"), "C"),
    # "Bạn VSTB PN", "Bệ Y tế": an item's opening "Ban", a capitalised "Bộ" before a name, with
    # a dot OCR added ("bạn", "bệ" name no body that receives a document).
    (re.compile(rf"^Bạn(?=\s+[{UP}])"), "Ban"),
    (re.compile(rf"(?<!\S)Bệ(?=\s+[{UP}])"), "Bộ"),
)
# Fixes once the item's end is known, in order: (pattern, replacement).
SCAN_ITEM_END_FIXES: tuple[tuple[re.Pattern[str], str], ...] = (
    # "NVY+": a speck after the item's last letter.
    (re.compile(r"(?<=\w)[+*]+(?=[\s;.,]*$)"), ""),
    # "(đề b/c)", "(đê thực hiện)": the note's "để" with a mark OCR misread.
    (
        re.compile(
            r"\((?:đề|đê|đế|đễ|dể|đẻ)\s+(?=(?:"
            + "|".join(re.escape(p) for p in RECIPIENT_PURPOSES)
            + r")(?![\w/]))"
        ),
        "(để ",
    ),
    # "(để b/e)": the c of "báo cáo" read as an e.
    (re.compile(r"\(để\s+b/e\)"), "(để b/c)"),
    # "Các phòng. ban. đơn vị", "huyện,thị. thành phố": a comma read as a period between two
    # words of a name (a period ends an item or an abbreviation, never stands between lower-case
    # words the item goes on with).
    (re.compile(rf"(?<=[{LO}]{{2}})\.(?=\s[{LO}]+[.,]?\s+\w)"), ","),
)
# "M* kh Ban Bí thư": the item's dash read as a letter and a speck, and letters that are no word.
SCAN_SPECK_WORDS = re.compile(r"^\w{0,2}[*#^~|<>«»“”„]\s+(?:[^\W\d]{1,2}\s+)*(?=[^\W\d])")
# "Trung ương Đ Đảng": a capital OCR read twice, once on its own.
SCAN_STUTTER = re.compile(rf"(?<!\S)([{UP}])\s+(?=\1[{LO}])")
# Marks a seal's edge or specks become under OCR; none is written in a recipient's name, nor
# is a letter of another alphabet ("}ƑWebse", "TCŒB").
SCAN_JUNK = re.compile(rf"[¿¬“”„⁄#£<>\[\]{{}}°~|\\^ˆ«»‹›`©§¥™®¡]|(?![{UP}{LO}])[^\W\d_]")
SCAN_LEADING_JUNK = re.compile(r"^(?:[^\w(]|_)+(?=[^\W_])")
# Where an item of a list run together ends: its ";" or "." before more text.
ITEM_END = re.compile(r"[;.]\s+(?=\S)")
