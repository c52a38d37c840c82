"""Signing rules (Phụ lục I, Phần I, mục II, khoản 7, điểm b): TM., Q., KT., TL., TUQ. checked
against the issuing body, the title lines and Nơi nhận. They read the parsed text, so they apply
to every format.

- KT.: the deputy signs under the head's title ("KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC"); the KT. line
  names the head of this body; Nơi nhận lists the head "(để báo cáo)".
- A deputy signing with no prefix needs "KT." above.
- TM. stands before the collective body, not a person's title.
- TL., TUQ.: the signer's own title is not the head's title repeated.
"""

from __future__ import annotations

import re

from ...cues import SIGN_PREFIX_CANON
from ...readers.base import Line
from ...text.normalize import strip_diacritics
from ..model import LintContext, Severity
from .tables import COLLECTIVE_BODIES, DEPUTY_MARKERS, DEPUTY_OF, HEAD_OF_BODY, SIGNING_RULES

_PARTS = re.compile(rf"\b({SIGN_PREFIX_CANON})\.\s*(.*?)(?=\s+\b(?:{SIGN_PREFIX_CANON})\.|$)")
_RULES = {r.prefix: r for r in SIGNING_RULES}
_HEAD_TITLES = {t for _, titles in HEAD_OF_BODY for t in titles}
_REPORT = re.compile(r"để\s+b(?:áo\s+)?/?c(?:áo)?|báo\s+cáo", re.IGNORECASE)


def authority_parts(authority: str) -> list[tuple[str, str]]:
    """'TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH' → [('TM.', 'ỦY BAN NHÂN DÂN'), ('KT.', 'CHỦ TỊCH')]"""
    return [(m.group(1) + ".", m.group(2).strip()) for m in _PARTS.finditer(authority.upper())]


def heads_of(issuer: str | None) -> tuple[str, ...]:
    """The head's titles of a body, by the word its name opens with (tables.HEAD_OF_BODY)."""
    name = (issuer or "").upper().strip()
    best: tuple[str, tuple[str, ...]] = (
        "",
        (),
    )  # the longest opening wins: TỔNG CỤC over CỤC, BỆNH VIỆN over VIỆN
    for opening, titles in HEAD_OF_BODY:
        if name.startswith(opening) and len(opening) > len(best[0]):
            best = (opening, titles)
    return best[1]


def _is_deputy(title: str) -> bool:
    return title.upper().startswith(DEPUTY_MARKERS)


def check(ctx: LintContext) -> None:
    signer = ctx.doc.signer
    anchor = ctx.provenance("signer") or ctx.provenance("signer.name")
    title = (signer.title or "").upper().strip()
    parts = authority_parts(signer.authority or "")
    if not parts:
        if title and _is_deputy(title) and not ctx.doc.inferred("signer.title"):
            head = next((h for h, d in DEPUTY_OF.items() if d == title), title[len("PHÓ ") :])
            _add(
                ctx, "error", anchor, "signing_deputy_without_kt", "KT.", found=title, expected=head
            )
        elif title:
            _check_collective(ctx, anchor, title)
        return
    for k, (prefix, named) in enumerate(parts):
        last = k == len(parts) - 1
        # "TL. TỔNG CỤC TRƯỞNG / KT. VỤ TRƯỞNG": the KT. then names the head of a unit
        under_order = any(p in ("TL.", "TUQ.") for p, _ in parts[:k])
        _check_part(ctx, anchor, prefix, named, title if last else "", last, under_order)


def _check_collective(ctx: LintContext, anchor: Line | None, title: str) -> None:
    """The head of a collective body signing with no prefix: "TM." + the body is missing."""
    issuer = (ctx.doc.issuer.name or "").upper().strip()
    if not issuer or ctx.doc.inferred("issuer") or _head_title(title) not in heads_of(issuer):
        return
    head = _head_title(title)
    for opening, collective, severity in COLLECTIVE_BODIES:
        if issuer.startswith(opening):
            if _decides_alone(ctx, head, opening, collective):
                return
            _add(ctx, severity, anchor, "signing_tm_missing", "TM.", found=title,
                 expected=collective, issuer=issuer)  # fmt: skip
            return


def _decides_alone(ctx: LintContext, head: str, *bodies: str) -> bool:
    """The head decides in his own name: the authority line reads "CHỦ TỊCH ỦY BAN NHÂN DÂN …"
    (a quyết định of the chairman, signed "CHỦ TỊCH" with no prefix)."""
    own = tuple(f"{head} {b}" for b in bodies)
    return any(ln.text.upper().lstrip().startswith(own) for ln in ctx.lines)


def _check_part(
    ctx: LintContext,
    anchor: Line | None,
    prefix: str,
    named: str,
    title: str,
    last: bool,
    under_order: bool,
) -> None:
    rule = _RULES[prefix]
    if not named:
        expected = "tên tập thể" if rule.names == "collective" else "chức vụ người đứng đầu"
        _add(ctx, "error", anchor, "signing_no_title", prefix, expected=expected)
        return
    if prefix == "TM." and named in _HEAD_TITLES:
        _add(ctx, "error", anchor, "signing_tm_body", prefix, found=named)
    if not last or not title:
        return
    if prefix == "KT.":
        _check_kt(ctx, anchor, named, title, under_order=under_order)
    elif rule.own_title_differs and title == named:
        _add(ctx, "error", anchor, "signing_same_title", prefix)


def _head_title(named: str) -> str:
    """'GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO' → 'GIÁM ĐỐC': the head's title without the office."""
    for title in sorted(_HEAD_TITLES, key=len, reverse=True):
        if named == title or named.startswith(title + " "):
            return title
    return named


def _check_kt(
    ctx: LintContext, anchor: Line | None, named: str, title: str, *, under_order: bool
) -> None:
    named = _head_title(named)
    if not _is_deputy(title):
        _add(
            ctx,
            "error",
            anchor,
            "signing_deputy_missing",
            "KT.",
            found=title,
            expected=DEPUTY_OF.get(named, f"PHÓ {named}"),
        )
    if under_order:
        return  # the head of a unit signing by order: not the issuing body's head
    issuer = ctx.doc.issuer.name
    heads = heads_of(issuer)
    if heads and named in _HEAD_TITLES and named not in heads and not ctx.doc.inferred("issuer"):
        _add(
            ctx,
            "error",
            anchor,
            "signing_head_mismatch",
            "KT.",
            found=named,
            expected=heads[0],
            issuer=issuer or "",
        )
    recipients = ctx.doc.recipients
    if recipients and not any(_reports_to(r, named) for r in recipients):
        line = ctx.provenance("recipients") or anchor
        _add(ctx, "warning", line, "signing_report_to_head", "KT.", expected=named.capitalize())


def _reports_to(recipient: str, head: str) -> bool:
    folded = strip_diacritics(recipient).upper()
    return strip_diacritics(head).upper() in folded or bool(_REPORT.search(recipient))


def _add(
    ctx: LintContext, severity: Severity, line: Line | None, key: str, prefix: str, **params: str
) -> None:
    ref = _RULES[prefix].ref
    fields = {**params, "prefix": prefix, "ref": ref, "rule": f"signing.{key}"}
    # fields holds message fields only (str); none of add()'s own keywords
    ctx.add("signing", severity, line, key, **fields)  # type: ignore[arg-type]
