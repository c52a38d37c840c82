"""Header fields resolved from candidates scored over the whole header window, not first-match.

Every tagged line that could carry a field (the Số line, the place-date, the title, the V/v
subject) is a candidate. Its score adds the strength of its cue, a weight for the zone the reader
put it in, a cost for how far down it stands, a penalty once the body has begun (a "QUYẾT ĐỊNH:"
after the căn cứ, a "Số:" quoted in an article) and a bonus for standing near the Quốc hiệu. The
best candidate above `min_score` wins; all of them are kept for `vbparse parse --explain`.
The weights are data (`ZONE_WEIGHTS` here, `settings.CandidateWeights`): a new kind of header is a
row, not a branch.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..readers.base import Zone
from ..settings import current
from .tagging import LineTags

_HL, _HR, _B, _T = Zone.HEADER_LEFT, Zone.HEADER_RIGHT, Zone.BODY, Zone.TABLE
_CL, _CR = Zone.CLOSING_LEFT, Zone.CLOSING_RIGHT

# field -> tags whose strength makes a line a candidate for it
FIELD_TAGS: dict[str, tuple[str, ...]] = {
    "number": ("number",),
    "date": ("place_date", "date"),
    "title": ("title",),
    "vv": ("vv", "about"),
}

# field -> the line CRF's label for a line that carries it (ml/line_crf.py)
CRF_LABELS: dict[str, str] = {
    "number": "number",
    "date": "place_date",
    "title": "type",
    "vv": "subject",
}

# field -> zone -> weight: where the reader's layout says the field should stand
ZONE_WEIGHTS: dict[str, dict[Zone, float]] = {
    "number": {_HL: 0.3, _HR: 0.1, _B: 0.0, _T: -0.1, _CL: -1.0, _CR: -1.0},
    "date": {_HR: 0.3, _HL: 0.1, _B: 0.0, _T: -0.1, _CL: -0.8, _CR: -0.8},
    "title": {_B: 0.2, _T: 0.1, _HL: -0.6, _HR: -0.6, _CL: -1.0, _CR: -1.0},
    "vv": {_HL: 0.4, _HR: -0.3, _B: 0.0, _T: 0.0, _CL: -1.0, _CR: -1.0},
}


@dataclass
class Candidate:
    name: str  # the field it is a candidate for
    pos: int
    score: float
    reasons: list[str] = field(default_factory=list)
    value: str | None = None  # the value it gives, where that differs from its line's text


@dataclass
class Resolution:
    """The candidates of every header field, best first, and where the body begins."""

    body_cue: int | None
    fields: dict[str, list[Candidate]]

    def best(self, name: str) -> int | None:
        found = self.fields.get(name) or []
        return found[0].pos if found and found[0].score >= current().candidates.min_score else None


def body_cue(tags: dict[int, LineTags], start: int | None = None) -> int | None:
    """The first line that begins the body: a căn cứ paragraph, Kính gửi, a section label. A
    lower-case "thực hiện" is the wrapped tail of a trích yếu, not a paragraph."""
    if start is None:
        start = current().candidates.body_cue_start
    for pos, t in tags.items():
        if pos < start:
            continue
        if t.has("addressee") or t.has("label") or (t.has("opener") and t.text[:1].isupper()):
            return pos
    return None


def _about_not_under_number(t: LineTags, number_lines: list[int]) -> bool:
    return (
        t.text.lstrip().lower().startswith("về việc")
        and t.zone is not Zone.HEADER_LEFT
        and not any(
            0 < t.index - n <= current().candidates.about_under_number for n in number_lines
        )
    )


def _about_not_subject(
    t: LineTags, cue: int | None, found_before: Callable[[LineTags], bool]
) -> bool:
    """A line led by a bare "Về" is a công văn's trích yếu only above the body and with no title
    above it (under a title it is the title's subject; in the body, a paragraph); with no body cue
    at all, only in the left header column."""
    return found_before(t) or (cue is None and t.zone is not Zone.HEADER_LEFT)


def _below(t: LineTags, cue: int | None, zones: dict[int, Zone]) -> bool:
    """The line stands after the body's first line. Lines of the two header columns are read
    one column after the other: a right-column date read after a "Kính gửi" the left column
    holds is not below it."""
    if cue is None or t.index <= cue:
        return False
    columns = {t.zone, zones.get(cue)}
    return columns != {Zone.HEADER_LEFT, Zone.HEADER_RIGHT}


def crf_marginals(tags: dict[int, LineTags]) -> dict[int, dict[str, float]]:
    """The line CRF's label probabilities of the tagged lines, when its weight is not 0."""
    if not current().candidates.crf:
        return {}
    from ..ml import line_crf  # pycrfsuite is loaded only when the CRF counts

    seq = [tags[p] for p in sorted(tags)]
    return {t.index: m for t, m in zip(seq, line_crf.marginals(seq), strict=True)}


def resolve(tags: dict[int, LineTags], limit: int) -> Resolution:
    w = current().candidates
    crf = crf_marginals(tags)
    header = [t for pos, t in tags.items() if pos < limit]
    cue = body_cue({t.index: t for t in header})
    anchors = [t.index for t in header if t.has("national") or t.has("party") or t.has("motto")]
    number_lines = [t.index for t in header if t.has("number")]
    header_zones = {t.index: t.zone for t in header}
    titles = [t.index for t in header if t.has("title") and not t.has("form")]

    def found_before(t: LineTags) -> bool:
        """A title of a listed type, or the body, stands above it."""
        return any(p < t.index for p in titles) or (cue is not None and t.index > cue)

    out: dict[str, list[Candidate]] = {}
    for name, wanted in FIELD_TAGS.items():
        found: list[Candidate] = []
        for t in header:
            strength = max((t.tags[k] for k in wanted if k in t.tags), default=0.0)
            if not strength:
                continue
            reasons = [f"cue {strength:.1f}"]
            score = strength
            zone_w = ZONE_WEIGHTS[name].get(t.zone, 0.0)
            if zone_w:
                score += zone_w
                reasons.append(f"zone {t.zone.value} {zone_w:+.1f}")
            score -= w.position * t.index
            if _below(t, cue, header_zones):
                score -= w.after_body
                reasons.append(f"after the body began (line {cue}) -{w.after_body}")
            if any(abs(t.index - a) <= w.near for a in anchors):
                score += w.near_national
                reasons.append(f"near the Quốc hiệu +{w.near_national}")
            if t.index in crf:
                gain = w.crf * (crf[t.index].get(CRF_LABELS[name], 0.0) - w.crf_center)
                score += gain
                reasons.append(f"line CRF {gain:+.2f}")
            if len(t.text) > w.long_chars:
                score -= w.long_line
                reasons.append(f"long line -{w.long_line}")
            if name == "title" and t.has("form") and (t.index > w.form_top or found_before(t)):
                continue  # a Phụ lục / bảng heading below the top opens an annex
            if name == "vv" and _about_not_under_number(t, number_lines):
                continue  # a "Về việc" under a title is that title's subject, not a V/v
            if name == "vv" and not t.has("vv") and _about_not_subject(t, cue, found_before):
                continue
            found.append(Candidate(name, t.index, round(score, 3), reasons))
        out[name] = sorted(found, key=lambda c: (-c.score, c.pos))
    return Resolution(cue, out)
