"""The parser's thresholds, named in one place (spaCy's config, in spirit): how many lines the
header may run, how long a line may be before it is no title, how a title candidate is scored.

Each group is a frozen dataclass for one area of extract/; each field says what it bounds. The
limits that protect the machine from a hostile file (file size, pages, seconds) are not here:
they are readers/limits.py.

The extractors read the settings of the parse they run in: `ctx.settings` where the component
has its context, `current()` in the helpers under it. `vbparse.parse(path, settings=...)` runs
one parse with other values:

    s = Settings().override(header={"scan_lines": 40})
    vbparse.parse("doc.pdf", settings=s)
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from dataclasses import MISSING, dataclass, field
from pathlib import Path
from typing import Any, TypeVar, dataclass_transform

_G = TypeVar("_G")


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def _group(cls: type[_G]) -> type[_G]:
    """A settings group: a frozen dataclass whose __init__, __eq__, __hash__ and __repr__ are
    `_Group`'s. The ones dataclass generates cost a compile each at import: with a dozen groups,
    a tenth of a cold `vbparse parse` of a .txt (issue #17)."""
    return dataclass(init=False, repr=False, eq=False)(cls)


class _Group:
    """What every settings group does: built from keywords (defaults for the rest), never
    changed afterwards, equal to another with the same values."""

    def __init__(self, **values: Any) -> None:
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            if f.name in values:
                value = values.pop(f.name)
            elif f.default is not MISSING:
                value = f.default
            elif f.default_factory is not MISSING:
                value = f.default_factory()
            else:
                raise TypeError(f"{type(self).__name__}: {f.name} is required")
            object.__setattr__(self, f.name, value)
        if values:
            raise TypeError(f"{type(self).__name__}: no setting {', '.join(values)}")

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, f.name) for f in dataclasses.fields(self))  # type: ignore[arg-type]

    def __setattr__(self, name: str, value: Any) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = dataclasses.fields(self)  # type: ignore[arg-type]
        return f"{type(self).__name__}({', '.join(f'{f.name}={getattr(self, f.name)!r}' for f in fields)})"


@_group
class FrameSettings(_Group):
    """Where the document starts and ends inside a saved web page (extract/frame.py)."""

    search_lines: int = 200  # a page's shell is never longer than this many lines
    shell_min_lines: int = 6  # fewer lines above the Quốc hiệu are the issuer block, not a shell
    issuer_lines: int = 4  # how far above the Quốc hiệu the issuer block may start
    cue_lines_above: int = 12  # how far above the Quốc hiệu a Số or V/v line may stand
    issuer_max_chars: int = 80  # a capitals line longer than this is no issuer line
    footer_lines: int = 15  # a page's footer is this short; a closing is longer


@_group
class TaggingSettings(_Group):
    """The line-tagging pass (extract/tagging.py): its windows and the strengths of weak cues."""

    header_window: int = 60  # lines from the top where header fields are looked for
    closing_window: int = 40  # lines from the bottom where closing fields are looked for
    number_without_symbol: float = 0.4  # strength of a "Số:" line whose ký hiệu is unreadable
    blank_date: float = 0.6  # strength of a date line left blank ("ngày … tháng … năm")
    unread_date: float = 0.3  # strength of a date line whose date cannot be read at all
    about_line: float = 0.6  # strength of a trích yếu led by a bare "Về" instead of "V/v"


@_group
class CandidateWeights(_Group):
    """How a header candidate is scored (extract/candidates.py); the zone weights are a table
    there (`ZONE_WEIGHTS`)."""

    position: float = 0.01  # cost per line from the top
    after_body: float = 0.6  # once the căn cứ / Kính gửi / first section has begun
    near_national: float = 0.1  # within `near` lines of the Quốc hiệu or the issuer's name
    near: int = 8  # lines from the Quốc hiệu that count as near it
    long_line: float = 0.5  # a header field never fills a long line
    long_chars: int = 120  # characters that make a line long
    min_score: float = 0.3  # below this no candidate wins its field
    body_cue_start: int = 3  # the body never begins in the first lines
    about_under_number: int = 3  # a "Về việc" this close under the Số line is a V/v
    form_top: int = 8  # a form type (Phụ lục, Bảng tổng hợp) is the title only this near the top
    # weight of the line CRF's probability that a candidate's line carries its field
    # (ml/line_crf.py, models/lines.crfsuite); 0 leaves the CRF out (pycrfsuite is not loaded)
    crf: float = 0.0  # off: it changed no field on the dev sets (docs/accuracy.md)
    crf_center: float = 0.5  # a CRF probability below this lowers a candidate, above it raises it


@_group
class HeaderSettings(_Group):
    """The header's fields (extract/header.py)."""

    scan_lines: int = 30  # the header never runs past this many lines
    run_together_max_chars: int = 200  # a longer line is no pair of header columns run together
    fixed_phrase_lines: int = 3  # lines below a cut Quốc hiệu where its rest may stand
    place_words: int = 6  # words of a place name before ", ngày … tháng … năm"
    # a place-date OCR cut at a gap ("…, ngày22tháng" | "- 01 năm 2013"): its rest is on its row
    date_row_gap_points: float = 12.0  # at most this many points to its right
    national_lines: int = 12  # the Quốc hiệu counts in at least this many lines from the top
    wrapped_code_lines: int = 2  # lines under the Số line where a joint ký hiệu may wrap
    number_apart_lines: int = 4  # lines after an empty "Số:" where OCR put its number apart
    issuer_lines: int = 8  # lines the issuer is looked for in without a Số or title line
    stamp_max_chars: int = 40  # an urgency stamp ("HỎA TỐC", "MẬT") is shorter than this
    vv_lines: int = 8  # lines of a V/v block, its first included, and right-column lines between
    vv_line_max_chars: int = 160  # a longer line of flat text does not continue a V/v subject
    vv_column_max_chars: int = 64  # a V/v line of a narrow left column, read after the right one
    subject_max_lines: int = 12  # lines of a trích yếu under the title
    subject_max_chars: int = 500  # characters after which the trích yếu stops
    colon_line_chars: int = 60  # a longer line ending in ":" opens the body, not the trích yếu
    subject_tail_chars: int = 90  # a trích yếu's wrapped last line is shorter than this
    bold_subject_line_chars: int = 160  # a longer bold line is a paragraph, not the trích yếu's
    citing_line_chars: int = 250  # a longer "Thực hiện …" line is a căn cứ paragraph
    addressee_lines: int = 4  # lines after the header where "Kính gửi" may stand
    addressee_max_items: int = 40  # items of a Kính gửi list
    addressee_line_chars: int = 110  # a longer line under Kính gửi is the body's
    addressee_item_chars: int = 80  # an undashed further addressee (or its wrapped end) is shorter
    seal_tail_lines: int = 40  # last lines where a consolidated text's seal block may stand
    seal_block_lines: int = 4  # lines under the seal where its Số and place-date stand


@_group
class ClosingSettings(_Group):
    """The closing block: where the body ends, Nơi nhận, the signer (extract/closing.py)."""

    end_mark_lines: int = 8  # lines above Nơi nhận where the body's "./." may stand
    signer_tail_lines: int = 6  # without Nơi nhận, the signer block is in this many last lines
    noise_before_label: int = 30  # characters of scan noise before "Nơi nhận:"
    label_lines_above: int = 6  # lines above a "Nơi nhận:" that tell it opens the closing
    label_lines_below: int = 2  # lines under a "Nơi nhận:" where its list starts
    signer_follows_lines: int = 5  # lines after a "./." in which a signer block must start
    signer_line_max_chars: int = 60  # a title line of the signer block is shorter than this
    heading_max_chars: int = 90  # an attached document's Quốc hiệu line is shorter than this
    motto_max_chars: int = 50  # an attached document's Tiêu ngữ line is shorter than this
    line_max_chars: int = 200  # a longer unzoned line is body text, not the closing
    recipient_max_chars: int = 120  # a recipient line ending in ";" "," "." is shorter
    item_tail_words: int = 2  # words of a piece that ends an item left open above
    archive_wrap_chars: int = 25  # a wrapped piece of the "Lưu: VT, …" item is this short
    item_wrap_chars: int = 60  # an undashed line that continues an open dashed item is shorter
    archive_tail_chars: int = 3  # a lone token this short after "Lưu: …;" is scan noise
    full_name_words: int = 3  # a shorter signer's name is looked for again in the text
    list_line_chars: int = 60  # a Nơi nhận or signer line; body lines run wider
    headings_run: int = 4  # lines over which a Quốc hiệu, its wrapped rest and the Tiêu ngữ stand
    # The signer block read again from the page image (extract/reread.py), in PDF points:
    reread_band_above: float = 25.0  # above the closing's first line (the block may start higher)
    reread_band_above_max: float = 60.0  # … or up to the body's last line, at most this far above
    reread_band_below: float = 270.0  # below it: authority, title, seal and signature, name
    reread_left: float = 0.45  # the signer column starts right of this share of the page width
    reread_min_conf: float = 30.0  # re-read words under this are a seal's rim or a signature stroke
    picture_min_height: float = 40.0  # a signature block pasted as a picture is this tall (pt)
    same_name_chars_per_edit: int = 5  # a re-read name this close to the first names one person
    # The signer's name line of a scan read again to confirm its tone marks (extract/reread.py):
    name_vote_psms: tuple[int, ...] = (7, 11)  # Tesseract segmentations: one line; sparse text
    name_vote_pad: float = 4.0  # points around the name line's box
    title_wrap_words: int = 6  # the wrapped rest of a title has at most this many words


@_group
class SignerSettings(_Group):
    """The signer's title chosen from scored candidates (extract/signer.py)."""

    title_min_score: float = 0.55  # below this no candidate is a title
    title_max_words: int = 12  # a title runs over at most two lines of this many words
    glued_noise_chars: int = 2  # letters a signature's flourish adds to a title's last word
    too_long: float = 0.5  # cost of a candidate over `title_max_words`
    known_title: float = 0.6  # weight of a match with a known title
    guessed_title: float = 0.75  # share of that weight an OCR-damaged match keeps
    plain_title: float = 0.3  # a title the vocabulary lacks, right above the name
    nearness: float = 0.25  # weight of standing right above the name
    letters: float = 0.15  # weight of the share of letters in the line
    chars_per_edit: int = 6  # a known title matches with one edit per this many characters
    known_similarity: float = 0.8  # a damaged line reads as a known title from this similarity
    plain_min_words: int = 2  # words of a plain title in capitals
    plain_max_words: int = 8  # (and at most this many)
    prefix_noise_chars: int = 4  # a garbled "KT." before a head's title is this short
    name_min_words: int = 2  # a person's name has at least this many words …
    name_max_words: int = 4  # … and at most this many: more are two names run together
    column_gap: float = 120.0  # a title line starting this far (pt) left of another: two signers


@_group
class OutlineSettings(_Group):
    """The body's sections (extract/outline.py)."""

    undotted_number_max: int = 20  # "21 Thực hiện …" without a dot is no label
    caps_heading_chars: int = 200  # a heading in capitals is shorter than this
    colon_heading_chars: int = 160  # a heading ending in ":" is shorter than this
    short_heading_chars: int = 120  # an unpunctuated line up to this long is a heading
    wrap_min_chars: int = 60  # a line this long that breaks off mid-sentence wrapped
    lost_bullet_min_chars: int = 15  # an unlabelled paragraph under a list heading is longer
    heading_style_words: int = 3  # opening words that show a heading in capitals or not
    table_row_cells: int = 2  # a labelled line ending in this many figures is a table's row


@_group
class BasesSettings(_Group):
    """The cited documents of the opening (extract/bases.py)."""

    opening_lines: int = 6  # lines after the header where the first căn cứ must have begun
    opening_chars: int = 1200  # and characters of text after it (a narrow wrap takes many lines)
    date_window_chars: int = 60  # characters after a reference where its date is looked for
    enum_date_chars: int = 40  # characters after an enumerated number where its date may be
    issuer_before_chars: int = 300  # characters before a reference where its issuer is named
    issuer_phrase_chars: int = 160  # of those, where "đề nghị của X tại" is looked for
    title_max_chars: int = 300  # a cited title is cut at this length


@_group
class InferenceSettings(_Group):
    """Fields inferred from the text (extract/inference.py, extract/respell.py)."""

    issuing_sentence_lines: int = 20  # lines after the header where "X ban hành …" is looked for
    respell_agreement: int = 2  # times the text repeats a spelling before it replaces OCR's
    # OCR respelling by the lexicon (respell.by_lexicon), for words no neighbour pair attests:
    lexicon_pair_min: int = 2  # the other spelling's pair must score this (a dictionary word: 5)
    lexicon_pair_repeated: int = 6  # …or this, where the text repeats the word as read
    lexicon_margin: int = 3  # …and outscore the next other spelling this many times over
    lexicon_word_min: int = 20  # with no pair to judge: corpus hits of the other spelling


@_group
class RolesSettings(_Group):
    """The confidence of a role the rules give (extract/roles.py); the role model refines only
    rule roles below `text_rule_confidence`."""

    text_rule_confidence: float = 0.8  # a role keyword at the opening of a section's text
    weak_confidence: float = 0.5  # a weak heading keyword, or nothing but the default role
    schedule_dates: int = 3  # dated rows that make a role-less section a timetable (timeline)


@_group
class RereadSettings(_Group):
    """A scan's Số line or date line read again when its number or day is missing
    (extract/reread_header.py): the line's region, every ink kept, at several resolutions."""

    dpis: tuple[float, ...] = (300.0, 400.0)  # each reading must agree: one alone is often wrong
    lang: str = "eng"  # Tesseract's Latin model reads stamped and written digits better
    pad_share: float = 0.35  # the line's box widened above and below by this share of its height
    pad_points: float = 6.0  # and sideways by this many points (a stamp overruns the column)
    psm: int = 7  # Tesseract reads the region as one text line
    number_max_digits: int = 5  # a document number has 1 to 5 digits
    symbol_chars: int = 2  # the ký hiệu read first must start this alike after the number's "/"
    day_max_digits: int = 2  # a day or a month has 1 or 2 digits
    # a reader's line this close after the field's line on its row is read with it ("Số:" cut
    # from "113 /BKHCN-TTra"), when their heights overlap by this share of the lower one
    row_gap_points: float = 24.0  # points between the field's line and the next on its row
    row_overlap: float = 0.5  # share of the lower line's height the two lines must share


@_group
class OcrSettings(_Group):
    """How a scanned page or a photo is prepared for Tesseract and read (readers/ocr.py; the
    resolution readers/pdf.py renders a scanned page at). What a reading is depends on them: the
    read cache (VBPARSE_READ_CACHE) keys on them when they are not the defaults."""

    psm: int = 4  # Tesseract's page segmentation: a column of text of varying sizes
    render_dpi: float = 300.0  # a page without a picture (text drawn as outlines) renders at this
    min_dpi: float = 200.0  # a scan renders at its own resolution, at least this
    max_dpi: float = 300.0  # and at most this (a 600-dpi scan reads no better, four times slower)
    target_text_height: float = 30.0  # px: the line height Tesseract reads Vietnamese marks best at
    small_text_share: float = 0.75  # text lines under this share of the target are enlarged
    max_upscale: float = 3.0  # by at most this factor
    min_skew: float = 0.2  # degrees: a page skewed less is read as it is (no turn)
    max_skew: float = 5.0  # degrees: the skew search's range either way
    probe_pixels: int = 1000  # long side of the small copy the page geometry is measured on
    osd_pixels: int = 1600  # long side of the copy Tesseract's orientation detector reads
    low_confidence: float = 50.0  # mean word confidence under which a page may be upside down


@_group
class Settings(_Group):
    frame: FrameSettings = field(default_factory=FrameSettings)
    tagging: TaggingSettings = field(default_factory=TaggingSettings)
    candidates: CandidateWeights = field(default_factory=CandidateWeights)
    header: HeaderSettings = field(default_factory=HeaderSettings)
    closing: ClosingSettings = field(default_factory=ClosingSettings)
    signer: SignerSettings = field(default_factory=SignerSettings)
    outline: OutlineSettings = field(default_factory=OutlineSettings)
    bases: BasesSettings = field(default_factory=BasesSettings)
    inference: InferenceSettings = field(default_factory=InferenceSettings)
    roles: RolesSettings = field(default_factory=RolesSettings)
    reread: RereadSettings = field(default_factory=RereadSettings)
    ocr: OcrSettings = field(default_factory=OcrSettings)

    def override(self, **groups: dict[str, Any]) -> Settings:
        """A copy with some values changed: `override(header={"scan_lines": 40})`. An unknown
        group or name is a TypeError, not silently ignored."""
        changed = {}
        for group, values in groups.items():
            if group not in {f.name for f in dataclasses.fields(self)}:
                raise TypeError(f"no settings group {group!r}")
            changed[group] = dataclasses.replace(getattr(self, group), **values)
        return dataclasses.replace(self, **changed)


DEFAULT = Settings()
_CURRENT: ContextVar[Settings | None] = ContextVar("vbparse_settings", default=None)

# The settings of this process when no parse chose its own: DEFAULT, or what the environment
# names. Through the environment the CLI's --settings/--set reach batch and Dask workers, which
# are other processes.
ENV_FILE = "VBPARSE_SETTINGS"  # a TOML file: [header] scan_lines = 40
ENV_SET = "VBPARSE_SET"  # assignments separated by ";": header.scan_lines=40;signer.x=1
_process: Settings | None = None


def current() -> Settings:
    """The settings of the parse running now (the process's own outside one)."""
    return _CURRENT.get() or process_settings()


def process_settings() -> Settings:
    global _process
    if _process is None:
        _process = from_environment(os.environ)
    return _process


def install(settings: Settings) -> None:
    """Make `settings` this process's own: what a batch worker gets from the batch."""
    global _process
    _process = settings


def reset_process_settings() -> None:
    """Read the environment again at the next `current()` (after the CLI changed it)."""
    global _process
    _process = None


@contextlib.contextmanager
def use(settings: Settings | None) -> Iterator[Settings]:
    """Run the code inside with `settings` (None: keep the current ones)."""
    token = _CURRENT.set(settings if settings is not None else current())
    try:
        yield current()
    finally:
        _CURRENT.reset(token)


# --- settings from text: a TOML file, "group.name=value" assignments ------------------------------


def from_environment(env: Mapping[str, str]) -> Settings:
    result = DEFAULT
    if env.get(ENV_FILE):
        result = from_toml(Path(env[ENV_FILE]), result)
    if env.get(ENV_SET):
        result = from_assignments([a for a in env[ENV_SET].split(";") if a.strip()], result)
    return result


def from_toml(path: Path, base: Settings = DEFAULT) -> Settings:
    """`base` with the values of a TOML file of groups (`[header]`, `scan_lines = 40`)."""
    import tomllib

    from .errors import SettingsError

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SettingsError("settings.unreadable", path=path, reason=exc.strerror or exc) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SettingsError("settings.not_toml", path=path, reason=exc) from None
    items = []
    for group, values in data.items():
        if not isinstance(values, dict):
            raise SettingsError("settings.not_group", origin=path, group=group)
        items += [(group, name, value) for name, value in values.items()]
    return _apply(base, items, str(path))


def from_assignments(assignments: list[str], base: Settings = DEFAULT) -> Settings:
    """`base` with "group.name=value" assignments (`header.scan_lines=40`), values read as the
    type of the setting."""
    from .errors import SettingsError

    items = []
    for text in assignments:
        key, sep, value = text.partition("=")
        group, dot, name = key.strip().partition(".")
        if not sep or not dot:
            raise SettingsError("settings.bad_assignment", text=text)
        items.append((group, name, value.strip()))
    return _apply(base, items, "--set")


def _apply(base: Settings, items: list[tuple[str, str, Any]], origin: object) -> Settings:
    from .errors import SettingsError

    groups = {f.name: getattr(base, f.name) for f in dataclasses.fields(base)}
    changed: dict[str, dict[str, Any]] = {}
    for group, name, value in items:
        if group not in groups:
            raise SettingsError(
                "settings.no_group", origin=origin, group=group, groups=", ".join(groups)
            )
        if name not in {f.name for f in dataclasses.fields(groups[group])}:
            raise SettingsError("settings.no_name", origin=origin, name=f"{group}.{name}")
        default = getattr(groups[group], name)
        where = f"{origin}: {group}.{name}"
        if isinstance(default, tuple):
            changed.setdefault(group, {})[name] = _typed_tuple(value, default, where)
        else:
            changed.setdefault(group, {})[name] = _typed(value, type(default), where)
    return base.override(**changed)


# What a value must be, as the error says it: (vi, en).
_KINDS = {bool: ("true hoặc false", "true or false"), int: ("một số nguyên", "a whole number")}
_KINDS[float] = ("một số", "a number")


def _typed(value: Any, kind: type, where: str) -> Any:
    """`value` (text from --set, or a TOML value) as a `kind` setting."""
    from .errors import SettingsError

    def bad() -> SettingsError:
        vi, en = _KINDS.get(kind, ("một chuỗi", "a string"))
        return SettingsError("settings.bad_value", where=where, value=value, kind=en, kind_vi=vi)

    if isinstance(value, str) and kind is not str:
        text = value.strip().lower().replace(",", ".")
        if kind is bool:
            if text not in ("true", "false", "1", "0", "yes", "no"):
                raise bad()
            return text in ("true", "1", "yes")
        try:
            return kind(float(text)) if kind is int and float(text).is_integer() else kind(text)
        except ValueError:
            raise bad() from None
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if not isinstance(value, kind):
        raise bad()
    return value


def _typed_tuple(value: Any, default: tuple[Any, ...], where: str) -> tuple[Any, ...]:
    """A list setting: a TOML array, or "300 400" / "[300, 400]" from --set."""
    if isinstance(value, str):
        value = value.strip().strip("[]").replace(",", " ").split()
    if not isinstance(value, list):
        value = [value]
    kind = type(default[0]) if default else str
    return tuple(_typed(item, kind, where) for item in value)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, tuple):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return repr(value)


def to_toml(settings: Settings) -> str:
    """The settings as the TOML a settings file takes, one [group] each."""
    out = []
    for group in dataclasses.fields(settings):
        out.append(f"[{group.name}]")
        values = getattr(settings, group.name)
        for f in dataclasses.fields(values):
            value = getattr(values, f.name)
            out.append(f"{f.name} = {_toml_value(value)}")
        out.append("")
    return "\n".join(out)
