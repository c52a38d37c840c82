"""Header fields of born-digital documents from sources the parser was not built on (issue #11):
an e-office system's unlabelled signature stamp above the header (its body's name, e-mail and
signing time), a Word header's "Số:<blank>/QĐ-UBND", a consolidated text printed by the Công báo
with its Số and date only in the "XÁC THỰC VĂN BẢN HỢP NHẤT" block at its end, a bold trích yếu
ending on "đến" above a plain body paragraph."""

from __future__ import annotations

import json
from pathlib import Path

import vbparse
from vbparse import cues, readers
from vbparse.readers.base import Zone

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
QUANGNGAI = CORPUS / "unseen3" / "quangngai"
TDKT = CORPUS / "unseen3" / "tdkt"


def test_the_marks_of_an_unlabelled_signature_stamp():
    # unseen3/quangngai: "TRUNG TÂM CÔNG / BÁO VÀ TIN HỌC / ttcbth@quangngai.gov.vn /
    # 24.01.2025 20:01:14 / +07:00" above the header.
    for mark in ("ttcbth@quangngai.gov.vn", "24.01.2025 20:01:14", "+07:00"):
        assert cues.ESIGN_MARK.match(mark)
    assert cues.ESIGN_MARK.match("09.01.2025 10:21:11 +07:00")
    for text in ("TRUNG TÂM CÔNG", "Quảng Ngãi, ngày 24 tháng 01 năm 2025", "Email: a@b.vn"):
        assert not cues.ESIGN_MARK.match(text)


def test_a_signature_stamp_above_the_header_is_no_parent_body():
    # The stamp's body's name read as the issuer's parent ("TRUNG TÂM CÔNG"), and the header's
    # columns lost: the Số line ran into the place-date and the V/v (no date, no subject).
    raw = readers.read(QUANGNGAI / "507-UBND-KGVX_gop-y.pdf")
    meta = [ln.text for ln in raw.lines if ln.zone is Zone.META]
    assert meta[:2] == ["TRUNG TÂM CÔNG", "BÁO VÀ TIN HỌC"]
    doc = vbparse.parse(QUANGNGAI / "507-UBND-KGVX_gop-y.pdf")
    assert (doc.issuer.parent, doc.issuer.name) == (None, "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI")
    assert (doc.issued.place, doc.issued.date) == ("Quảng Ngãi", "2025-01-24")
    assert doc.number.symbol == "UBND-KGVX"
    assert doc.subject is not None and doc.subject.startswith("góp ý dự thảo Quyết định sửa đổi")
    for name in ("542-TB-UBND.pdf", "565-TB-UBND.pdf"):
        assert vbparse.parse(QUANGNGAI / name).issuer.parent is None


def test_a_word_headers_blank_number_keeps_its_symbol():
    # unseen3/tdkt: "Số:              /QĐ-UBND<tab><tab>    Quảng Bình, ngày …": the spaces left
    # for the number were taken for the gap between the columns.
    doc = vbparse.parse(TDKT / "QD-UBND-QuangBinh_bang-khen.doc")
    assert doc.number.symbol == "QĐ-UBND"
    assert (doc.number.type_code, doc.number.issuer_code) == ("QĐ", "UBND")
    assert doc.number.number is None
    assert doc.issued.place == "Quảng Bình"


def test_a_gazette_consolidated_text_takes_its_number_from_the_seal_block():
    # The Công báo's VBHN of the Luật thi đua, khen thưởng: no header at the top; "VĂN PHÒNG QUỐC
    # HỘI  XÁC THỰC VĂN BẢN HỢP NHẤT / Số: 16/VBHN-VPQH / Hà Nội, ngày 13 tháng 12 năm 2013" at
    # the end. A "Luật số 32/2009/QH12" of its preamble was taken for its number.
    doc = vbparse.parse(TDKT / "16-VBHN-VPQH_congbao.pdf")
    assert (doc.number.number, doc.number.symbol) == ("16", "VBHN-VPQH")
    assert (doc.doc_type.name, doc.doc_type.code) == ("Văn bản hợp nhất", "VBHN")
    assert (doc.issued.place, doc.issued.date) == ("Hà Nội", "2013-12-13")
    assert doc.issuer.name == "VĂN PHÒNG QUỐC HỘI"
    assert doc.subject == "Thi đua, khen thưởng"
    assert doc.signer.title == "CHỦ NHIỆM"


def test_a_plain_paragraph_under_a_bold_subject_is_the_body():
    # unseen3/quangngai/11-TB-UBND_QISC: the bold trích yếu ends on "… trong thời gian đến",
    # which reads as a phrase going on; "Ngày 03/01/2025, …" under it is not bold.
    doc = vbparse.parse(QUANGNGAI / "11-TB-UBND_QISC.pdf")
    gold = json.loads((QUANGNGAI / "11-TB-UBND_QISC.gold.json").read_text(encoding="utf-8"))
    assert doc.subject == gold["subject"]
    assert doc.subject.endswith("trong thời gian đến")
