"""Fields the header or the signature block lacks but the document states in its own words.

The seed has no issuing body in its header but says "Trường Tiểu học Bình Trung Đông ban hành
Kế hoạch …", and no title over the signature but "Hiệu trưởng Trường Tiểu học … đề nghị …".
Such a value is filled, its provenance points at the sentence it came from, and a
`field_inferred` warning names the field, so a clerk knows it was not printed where the decree
puts it (the lint still reports the missing component)."""

from __future__ import annotations

import re

from .. import cues
from ..text.cer import edit_distance
from ..vocab import ORG_HEADS, TITLES
from .context import ParseContext

# The heads of a body's name as prose writes them ("Trường", "Phòng Giáo dục …", "Sở …").
_BODY_HEADS = sorted(
    {h.capitalize() for h in ORG_HEADS if " " not in h and len(h) > 2}
    | {"Trường", "Phòng", "Sở", "Ban", "Bộ", "Cục", "Chi cục", "Trung tâm", "Bệnh viện"}
    | {"Văn phòng", "Ủy ban nhân dân", "Hội đồng", "Viện", "Công đoàn", "Đoàn trường"},
    key=lambda h: (-len(h), h),  # longest first; the same order in every run (regex_cache)
)
_BODY = r"(?:" + "|".join(re.escape(h) for h in _BODY_HEADS) + r")(?:\s+[\wÀ-ỹ.&-]+){1,9}?"
# "<body> ban hành / xây dựng / thông báo … <type or plan>": the sentence that names who issues.
_ISSUES = re.compile(
    rf"(?:^|[.;:]\s+)(?P<body>{_BODY})\s+(?:ban hành|xây dựng|thông báo|báo cáo|hướng dẫn|"
    r"triển khai|tổ chức|đề nghị|kính gửi)\b"
)
_TITLE_WORDS = sorted({t.capitalize() for t in TITLES}, key=lambda t: (-len(t), t))
_TITLE_OF = re.compile(
    r"(?<![\wÀ-ỹ])(?P<title>"
    + "|".join(re.escape(t) for t in _TITLE_WORDS)
    + rf")\s+(?P<body>{_BODY})\s"
)


def _same_body(a: str, b: str) -> bool:
    """Two spellings of one body ("Bình Trung Đông" / "Bình Trưng Đông"): folded, almost equal."""
    fa, fb = cues.fold(a), cues.fold(b)
    n = min(len(fa), len(fb))
    return n > 6 and edit_distance(fa[:n], fb[:n]) <= max(1, n // 12)


def infer(ctx: ParseContext) -> None:
    doc = ctx.doc
    lines = ctx.lines
    if doc.issuer.name is None:
        for line in lines[
            ctx.header_end : ctx.header_end + ctx.settings.inference.issuing_sentence_lines
        ]:
            m = _ISSUES.search(line.text)
            if m:
                doc.issuer.name = m.group("body").strip()
                ctx.mark("issuer", line, m.start("body"), m.end("body"))
                doc.warn(
                    "field_inferred",
                    f"no issuing body in the header: taken from the text ({doc.issuer.name!r})",
                    "issuer",
                )
                break
    if doc.signer.title is None and doc.issuer.name:
        for line in lines[ctx.header_end :]:
            m = _TITLE_OF.search(line.text)
            if m and _same_body(m.group("body"), doc.issuer.name):
                doc.signer.title = m.group("title")
                ctx.mark("signer.title", line, m.start("title"), m.end("title"))
                doc.warn(
                    "field_inferred",
                    f"no title over the signature: the text names the head of the issuing body "
                    f"({doc.signer.title!r})",
                    "signer.title",
                )
                break
    # The rank or degree printed before the signer's name (kept in the name), also on its own.
    ranked = cues.rank_prefix(doc.signer.name) if doc.signer.name else None
    doc.signer.rank = ranked[0] if ranked else None
    if any(w.code == "field_inferred" for w in doc.warnings):
        # What is now filled is no longer missing.
        filled = {"issuer": doc.issuer.name, "signer.title": doc.signer.title}
        doc.warnings = [
            w
            for w in doc.warnings
            if not (w.code == "field_missing" and w.field in filled and filled[w.field])
        ]
