"""Closed vocabularies of the format: type names and codes (Nghị định 30/2020 Phụ lục III, and the
legal document types of Luật Ban hành văn bản QPPL), signer authority prefixes and titles."""

from __future__ import annotations

from .text.normalize import strip_diacritics

# Administrative types, Phụ lục III, section I (name, abbreviation).
ADMIN_TYPES: tuple[tuple[str, str], ...] = (
    ("Nghị quyết", "NQ"),
    ("Nghị quyết liên tịch", "NQLT"),
    ("Quyết định", "QĐ"),
    ("Chỉ thị", "CT"),
    ("Quy chế", "QC"),
    ("Quy định", "QyĐ"),
    ("Thông cáo", "TC"),
    ("Thông báo", "TB"),
    ("Hướng dẫn", "HD"),
    ("Chương trình", "CTr"),
    ("Chương trình phối hợp", "CTPH"),  # not in Phụ lục III; two bodies' joint programme
    ("Kế hoạch", "KH"),
    ("Kế hoạch liên tịch", "KHLT"),  # not in Phụ lục III; issued jointly by two bodies
    ("Phương án", "PA"),
    ("Đề án", "ĐA"),
    ("Dự án", "DA"),
    ("Báo cáo", "BC"),
    ("Biên bản", "BB"),
    ("Tờ trình", "TTr"),
    ("Hợp đồng", "HĐ"),
    ("Công điện", "CĐ"),
    ("Bản ghi nhớ", "BGN"),
    ("Bản thỏa thuận", "BTT"),
    ("Giấy ủy quyền", "GUQ"),
    ("Giấy mời", "GM"),
    ("Thư mời", "TM"),  # not in Phụ lục III; Sở and hospital invitations use it
    ("Điều lệ", "ĐL"),  # the rules of a contest or an association
    ("Giấy giới thiệu", "GGT"),
    ("Giấy nghỉ phép", "GNP"),
    ("Phiếu gửi", "PG"),
    ("Phiếu chuyển", "PC"),
    ("Phiếu báo", "PB"),
    ("Bản sao y", "SY"),
    ("Bản trích sao", "TrS"),
    ("Bản sao lục", "SL"),
)

# Legal (quy phạm pháp luật) and Party types, with the codes their ký hiệu carry.
LEGAL_TYPES: tuple[tuple[str, str], ...] = (
    ("Hiến pháp", ""),
    ("Bộ luật", ""),
    ("Luật", ""),
    ("Pháp lệnh", "PL"),
    ("Nghị định", "NĐ"),
    ("Thông tư liên tịch", "TTLT"),
    ("Thông tư", "TT"),
    ("Văn bản hợp nhất", "VBHN"),
    ("Kết luận", "KL"),
    ("Công văn", ""),
)

# What a file may be that Phụ lục III does not list, named by the start of its title line
# ("BẢNG TỔNG HỢP KẾT QUẢ"): a title only at the top of a document, where no header stands
# above it; lower down the same heading opens an annex.
FORM_TYPES: tuple[str, ...] = ("Phụ lục", "Bảng tổng hợp")

TYPE_CODES: dict[str, str] = {name: code for name, code in ADMIN_TYPES + LEGAL_TYPES if code}
CODE_TYPES: dict[str, str] = {code: name for name, code in ADMIN_TYPES + LEGAL_TYPES if code}
# Codes as they are often typed without the đ/Đ or in other case.
_CODE_ALIASES = {
    "QD": "QĐ",
    "ND": "NĐ",
    "QYD": "QyĐ",
    "DA": "DA",
    "HD": "HD",
    "CD": "CĐ",
    "TTR": "TTr",
    "CTR": "CTr",
}

# Longest names first so "Thông tư liên tịch" wins over "Thông tư", "Bộ luật" over "Luật".
ALL_TYPE_NAMES: tuple[str, ...] = tuple(
    sorted(
        {n for n, _ in ADMIN_TYPES + LEGAL_TYPES} | {"Công văn", "Quyết định", "Thông tư"},
        key=len,
        reverse=True,
    )
)
_NAME_BY_FOLD = {strip_diacritics(n).upper(): n for n in ALL_TYPE_NAMES}


def type_name_for(text: str) -> str | None:
    """The canonical type name when `text` is exactly a type name, in any case or without marks."""
    return _NAME_BY_FOLD.get(strip_diacritics(text).upper().strip(" .:"))


def canonical_code(code: str) -> str | None:
    """The Phụ lục III / legal code for a code as typed, or None when it is no type code."""
    if code in CODE_TYPES:
        return code
    folded = strip_diacritics(code).upper()
    for known in CODE_TYPES:
        if strip_diacritics(known).upper() == folded and known not in ("DA",):
            return known
    alias = _CODE_ALIASES.get(folded)
    return alias if alias in CODE_TYPES else None


SIGN_PREFIXES = ("TM.", "KT.", "TL.", "TUQ.", "Q.")
# How each is spelt: state style "KT.", Party style "K/T", with dots "K.T.", "QUYỀN" for "Q.".
SIGN_PREFIX_SPELLINGS: dict[str, tuple[str, ...]] = {
    "TM.": ("TM", "T/M", "T.M"),
    "KT.": ("KT", "K/T", "K.T"),
    "TL.": ("TL", "T/L", "T.L"),
    "TUQ.": ("TUQ", "T/UQ", "T.U.Q"),
    "Q.": ("Q", "QUYỀN"),
}
# Of these, the ones that are still a prefix when OCR or typing lost the dot ("KT GIÁM ĐỐC").
SIGN_PREFIX_UNDOTTED = ("TM", "KT", "TL", "TUQ")

# Titles a signer holds (chức vụ), upper case. Longest match wins when titles nest.
TITLES: tuple[str, ...] = tuple(
    sorted(
        {
            "CHỦ TỊCH",
            "PHÓ CHỦ TỊCH",
            "BỘ TRƯỞNG",
            "THỨ TRƯỞNG",
            "THỦ TƯỚNG",
            "PHÓ THỦ TƯỚNG",
            "GIÁM ĐỐC",
            "PHÓ GIÁM ĐỐC",
            "TỔNG GIÁM ĐỐC",
            "PHÓ TỔNG GIÁM ĐỐC",
            "TRƯỞNG PHÒNG",
            "PHÓ TRƯỞNG PHÒNG",
            "HIỆU TRƯỞNG",
            "PHÓ HIỆU TRƯỞNG",
            "CHÁNH VĂN PHÒNG",
            "PHÓ CHÁNH VĂN PHÒNG",
            "VỤ TRƯỞNG",
            "PHÓ VỤ TRƯỞNG",
            "CỤC TRƯỞNG",
            "PHÓ CỤC TRƯỞNG",
            "TỔNG CỤC TRƯỞNG",
            "PHÓ TỔNG CỤC TRƯỞNG",
            "CHỦ NHIỆM",
            "PHÓ CHỦ NHIỆM",
            "BÍ THƯ",
            "PHÓ BÍ THƯ",
            "TRƯỞNG BAN",
            "PHÓ TRƯỞNG BAN",
            "CHÁNH ÁN",
            "VIỆN TRƯỞNG",
            "KẾ TOÁN TRƯỞNG",
            "TRƯỞNG ĐOÀN",
            "CHÁNH THANH TRA",
            "PHÓ CHÁNH THANH TRA",
            "TỔNG THANH TRA",
            "CHI CỤC TRƯỞNG",
            "PHÓ CHI CỤC TRƯỞNG",
            "TRƯỞNG KHOA",
            "TỔ TRƯỞNG",
            "PHÓ TỔ TRƯỞNG",
            "GIÁM ĐỐC SỞ",
            "THƯỜNG TRỰC",
            "TRƯỞNG ĐÀI",
            "CHỦ NHIỆM ỦY BAN",
            "TỔNG KIỂM TOÁN",
            "TỔNG BÍ THƯ",
            "CHỦ TỊCH NƯỚC",
            "TRƯỞNG CÔNG AN",
            "PHÓ TRƯỞNG CÔNG AN",
            "TRƯỞNG TRẠM",
            "HIỆU PHÓ",
            "TRƯỞNG BAN CHỈ ĐẠO",
            "PHÓ TRƯỞNG BAN CHỈ ĐẠO",
            # The deputies of heads above, and heads of press, the forces, associations.
            "PHÓ VIỆN TRƯỞNG",
            "PHÓ CHÁNH ÁN",
            "PHÓ TRƯỞNG KHOA",
            "PHÓ TRƯỞNG ĐOÀN",
            "PHÓ TRƯỞNG ĐÀI",
            "PHÓ TRƯỞNG TRẠM",
            "PHÓ TỔNG THANH TRA",
            "PHÓ TỔNG KIỂM TOÁN",
            "TỔNG BIÊN TẬP",
            "PHÓ TỔNG BIÊN TẬP",
            "TỔNG THƯ KÝ",
            "PHÓ TỔNG THƯ KÝ",
            "CHỈ HUY TRƯỞNG",
            "PHÓ CHỈ HUY TRƯỞNG",
            "TƯ LỆNH",
            "PHÓ TƯ LỆNH",
            "CHÍNH ỦY",
            "PHÓ CHÍNH ỦY",
            "ĐỘI TRƯỞNG",
            "PHÓ ĐỘI TRƯỞNG",
            "TRƯỞNG BỘ MÔN",
            "HỘI TRƯỞNG",
            "PHÓ HỘI TRƯỞNG",
        },
        key=len,
        reverse=True,
    )
)

# Words that start the name of an issuing body; used to split a run-together header block
# ("BỘ TÀI CHÍNH TỔNG CỤC THUẾ") into the parent body and the issuing body.
ORG_HEADS: tuple[str, ...] = (
    "ỦY BAN NHÂN DÂN",
    "UỶ BAN NHÂN DÂN",
    "UBND",
    "HỘI ĐỒNG NHÂN DÂN",
    "HĐND",
    "TỔNG CỤC",
    "CHI CỤC",
    "CỤC",
    "VỤ",
    "SỞ",
    "PHÒNG",
    "TRƯỜNG",
    "BAN",
    "VĂN PHÒNG",
    "BỘ",
    "TRUNG TÂM",
    "VIỆN",
    "BỆNH VIỆN",
    "THANH TRA",
    "KHO BẠC",
    "CÔNG AN",
    "BẢO HIỂM XÃ HỘI",
    "ĐẢNG ỦY",
    "ĐẢNG BỘ",
    "CHI BỘ",
    "HUYỆN ỦY",
    "TỈNH ỦY",
    "THÀNH ỦY",
    "QUẬN ỦY",
    "ĐOÀN",
    "HỘI",
    "CÔNG ĐOÀN",
    "LIÊN ĐOÀN",
    "TỔNG LIÊN ĐOÀN",
    "ỦY BAN",
    "TÒA ÁN",
    "VIỆN KIỂM SÁT",
    "ĐÀI",
    "BÁO",
    "HỌC VIỆN",
    "ĐẠI HỌC",
    "KHOA",  # a faculty under its university ("KHOA HỌC …" is a field, not a faculty)
    "BỘ MÔN",
    "NGÂN HÀNG",
    "TỔNG CÔNG TY",
    "CÔNG TY",
    "LIÊN ĐOÀN LAO ĐỘNG",
    "MẶT TRẬN",
    "BCH",
    "HỘI ĐỒNG",
    "TỔ CÔNG TÁC",  # a working group under its department ("SỞ TT&TT" / "TỔ CÔNG TÁC VỀ …")
    "TỔ GIÚP VIỆC",
)

# Ranks written before a signer's name ("Thượng tướng Vũ Hải Sản"): part of the name as printed,
# given in this spelling when OCR damaged its marks ("Thiểu tướng" → "Thiếu tướng").
RANKS: tuple[str, ...] = (
    "Đại tướng",
    "Thượng tướng",
    "Trung tướng",
    "Thiếu tướng",
    "Đại tá",
    "Thượng tá",
    "Trung tá",
    "Thiếu tá",
    "Đô đốc",
    "Phó Đô đốc",
    "Chuẩn Đô đốc",
)

# Academic and professional degrees abbreviated before a signer's name ("TS. Lê Thị Minh Đức",
# "Th.s Bùi Đình Thiện", "PGS.TS. …"): kept as printed. Several may stand together.
DEGREES: tuple[str, ...] = (
    *("GS", "PGS", "TS", "TSKH", "ThS", "Th.S", "Th.s", "Ths", "BS", "BSCKI", "BSCKII"),
    *("BSCK", "BSNT", "CKI", "CKII", "DS", "DSCKI", "KS", "CN", "LS", "NGND", "NGƯT"),
    *("TTND", "TTƯT"),
)

# Vietnamese family names, the most frequent first: a signer's name OCR read with a wrong mark on
# its first word ("Trân Văn Thanh", "Hoằng Anh") is given the family name of the same letters.
SURNAMES: tuple[str, ...] = (
    *("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi"),
    *("Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đào", "Đoàn", "Vương", "Trịnh", "Trương", "Lâm"),
    *("Mai", "Hà", "Tô", "Tạ", "Châu", "Lưu", "Đinh", "Cao", "Quách", "Lương", "Tăng"),
    *("Kiều", "Triệu", "Thân", "Lục", "Diệp", "Mạc", "Khúc", "Văn", "Thái", "Chu", "Đàm"),
    # rarer ones, listed so that they stay as written
    *("Phùng", "Lại", "Nông", "Tôn", "Doãn", "Nghiêm", "Giáp", "Hứa", "Lã", "Âu", "Ông"),
    *("Ninh", "Bạch", "Hàn", "Mã", "Kha", "Phí", "Quan", "Lò", "Vi", "Tiêu", "Viên"),
)

# Syllables of middle and given names (the common ones): a syllable of a signer's name that OCR
# damaged into no Vietnamese syllable at all ("Glang") is the one of these one letter away.
NAME_SYLLABLES: tuple[str, ...] = (
    *("An", "Anh", "Ánh", "Bá", "Bảo", "Bích", "Bình", "Cảnh", "Chi", "Chính", "Công"),
    *("Cường", "Dân", "Diệp", "Dung", "Dũng", "Duy", "Dương", "Đạt", "Đăng", "Điệp", "Đình"),
    *("Định", "Đông", "Đức", "Gia", "Giang", "Hà", "Hải", "Hạnh", "Hào", "Hằng", "Hậu"),
    *("Hiền", "Hiển", "Hiếu", "Hiệp", "Hòa", "Hoa", "Hoài", "Hoàn", "Hoàng", "Học", "Hồng"),
    *("Huệ", "Hùng", "Hưng", "Hương", "Hữu", "Huy", "Huyền", "Khang", "Khánh", "Khải"),
    *("Khoa", "Kiên", "Kim", "Lan", "Lâm", "Lệ", "Liên", "Linh", "Loan", "Long", "Lộc"),
    *("Lợi", "Luân", "Lực", "Mai", "Mạnh", "Minh", "Mỹ", "My", "Nam", "Nga", "Ngân"),
    *("Nghĩa", "Ngọc", "Nguyên", "Nhân", "Như", "Nhung", "Oanh", "Phát", "Phong", "Phú"),
    *("Phúc", "Phụng", "Phương", "Phước", "Phượng", "Quang", "Quân", "Quốc", "Quý", "Quyên"),
    *("Quỳnh", "Sang", "Sơn", "Tài", "Tâm", "Tân", "Thái", "Thanh", "Thành", "Thảo", "Thắng"),
    *("Thị", "Thiện", "Thịnh", "Thọ", "Thông", "Thu", "Thuận", "Thủy", "Thúy", "Thư", "Tiến"),
    *("Tín", "Toàn", "Trâm", "Trang", "Trí", "Trinh", "Trọng", "Trúc", "Trung", "Trường"),
    *("Tú", "Tuấn", "Tùng", "Tường", "Tuyết", "Uyên", "Văn", "Vân", "Việt", "Vinh", "Vĩnh"),
    *("Vũ", "Xuân", "Yến"),
)


# What a Nơi nhận item's note sends the copy for, as its first word ("(để b/c)", "(để thực hiện)"):
# OCR reads the "để" before it "đề", "đê" (extract/closing.py puts it back).
RECIPIENT_PURPOSES: tuple[str, ...] = (
    "b/c", "b/cáo", "p/h", "t/h", "c/đ", "biết", "báo cáo", "thực hiện", "phối hợp", "chỉ đạo",
    "theo dõi", "thi hành", "giám sát", "kiểm tra", "đăng tải", "tổng hợp", "lưu",
)  # fmt: skip


# Provinces and centrally run cities (the 63 before the 2025 merger; the 34 after keep names
# among them) and the words that name a level of government or a national body: a scan's place or issuer that lost
# a mark ("Cân Thơ", "THÀNH PHÓ CÀN THƠ") is given their spelling (extract/respell.py).
PLACE_NAMES: tuple[str, ...] = (
    "An Giang", "Bà Rịa - Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh", "Bến Tre",
    "Bình Dương", "Bình Định", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Cần Thơ",
    "Đà Nẵng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai",
    "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Hậu Giang",
    "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lạng Sơn",
    "Lào Cai", "Lâm Đồng", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận",
    "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị",
    "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa",
    "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc",
    "Yên Bái", "Hồ Chí Minh",
    "Thành phố", "Thị xã", "Thị trấn", "Ủy ban nhân dân", "Hội đồng nhân dân",
    "Đại học Quốc gia",
)  # fmt: skip
