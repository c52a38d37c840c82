"""The lint's shared types: a finding, the reports, and the context every rule reads.

Kept apart from `lint.py` (which runs the rules) so that the rule modules import their types
from here and nothing imports back into the runner.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..messages import render
from ..model import Document, Span
from ..readers import RawDocument
from ..readers.base import Line, Zone
from .lexicon import Token, lexicon, phrases

LINT_SCHEMA_VERSION = "1.0"
Severity = Literal["error", "warning", "info"]
Lang = Literal["vi", "en"]
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")

CODES: tuple[str, ...] = (
    "missing_component",
    "number_format",
    "date_format",
    "fixed_phrase",
    "name_variant",
    "repeated_word",
    "spelling",
    "citation_incomplete",
    "numbering",
    "structure",
    "page_setup",
    "font",
    "font_size",
    "emphasis",
    "alignment",
    "position",
    "signing",
    "stray_character",
)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Finding(_Model):
    code: str = Field(description="stable rule code, one of " + ", ".join(CODES))
    severity: Severity
    line: int | None = Field(
        None, description="line number in the file (text formats) or paragraph index (docx)"
    )
    where: dict[str, int | float | list[float]] = Field(
        default_factory=dict, description="the reader's source position: line/paragraph/table/…"
    )
    index: int | None = Field(
        None, description="index into the reader's lines (vbparse parse --lines)"
    )
    start: int | None = Field(None, description="character offset of the quote in that line")
    end: int | None = None
    quote: str = Field("", description="the text the finding is about, as written")
    message: str
    fix: str | None = Field(None, description="the text to write instead, when one can be given")
    related: list[int] = Field(
        default_factory=list, description="other line numbers the finding involves"
    )
    detail: dict[str, str] = Field(default_factory=dict, description="machine-readable parameters")


class FileReport(_Model):
    file: str
    error: str | None = Field(None, description="why the file could not be linted, if it could not")
    findings: list[Finding] = Field(default_factory=list)
    counts: dict[str, int] = Field(default_factory=dict, description="findings per severity")
    timing_ms: dict[str, float] = Field(
        default_factory=dict,
        description="CPU milliseconds per step: parse, setup (loading the lexicon and the rules,"
        " once per process), tokenise, each rule family, rules in all (tokenise and families)",
    )


class LintOutput(_Model):
    schema_version: str = LINT_SCHEMA_VERSION
    lang: Lang = "vi"
    files: list[FileReport] = Field(default_factory=list)


def lint_json_schema() -> dict[str, object]:
    schema = LintOutput.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "vbparse lint output"
    return schema


def all_caps(text: str) -> bool:
    """A word of two letters or more all in capitals (a heading, a signer's block)."""
    return len(text) > 1 and text.isupper()


def line_number(line: Line) -> int:
    """The position a clerk can find: the file's line number, else the docx paragraph."""
    loc = line.loc
    for value in (loc.line, loc.paragraph):
        if value is not None:
            return value
    return line.index + 1


@dataclass
class LintContext:
    raw: RawDocument
    doc: Document
    lang: Lang = "vi"
    today: date = field(default_factory=date.today)
    findings: list[Finding] = field(default_factory=list)
    _lines: list[Line] | None = None
    _phrases: list[tuple[Line, list[list[Token]]]] | None = None
    _unknown: list[tuple[Line, list[Token], int]] | None = None

    @property
    def lines(self) -> list[Line]:
        """The document's own lines (a converter's notes and page titles left out)."""
        if self._lines is None:
            self._lines = [ln for ln in self.raw.lines if ln.zone is not Zone.META]
        return self._lines

    def phrases(self) -> list[tuple[Line, list[list[Token]]]]:
        """Each line with its runs of syllables, tokenised once for all the text rules."""
        if self._phrases is None:
            self._phrases = [(ln, phrases(ln.text)) for ln in self.lines]
        return self._phrases

    def unknown_pairs(self) -> list[tuple[Line, list[Token], int]]:
        """Each pair of adjacent syllables (neither in capitals) that neither the dictionary nor
        the corpus knows, as (line, run, index of the first): the only places a slip can be
        reported by name_variant or spelling. Found once for both."""
        if self._unknown is None:
            lex = lexicon()
            self._unknown = []
            if lex.words:
                known, cached = lex.known, lex.known_cache.get
                unknown = self._unknown
                for line, runs in self.phrases():
                    for run in runs:
                        for i, (a, b) in enumerate(pairwise(run)):
                            pair = f"{a.key} {b.key}"
                            hit = cached(pair)
                            if hit is None:
                                hit = known(pair)
                            if not hit and not (all_caps(a.text) or all_caps(b.text)):
                                unknown.append((line, run, i))
        return self._unknown

    def line_at(self, span: Span | None) -> Line | None:
        if span is None or not 0 <= span.line < len(self.raw.lines):
            return None
        return self.raw.lines[span.line]

    def provenance(self, name: str) -> Line | None:
        return self.line_at(self.doc.provenance.get(name))

    def add(
        self,
        code: str,
        severity: Severity,
        line: Line | None,
        key: str,
        *,
        start: int | None = None,
        end: int | None = None,
        quote: str | None = None,
        fix: str | None = None,
        related: Iterable[Line] = (),
        **params: str,
    ) -> Finding:
        """Record a finding. `key` names the message in messages.py; `params` fill it."""
        if line is not None and quote is None:
            quote = line.text[start:end] if start is not None else line.text
        finding = Finding(
            code=code,
            severity=severity,
            line=line_number(line) if line is not None else None,
            where=line.loc.as_dict() if line is not None else {},
            index=line.index if line is not None else None,
            start=start,
            end=end,
            quote=quote or "",
            message=render(key, self.lang, **params),
            fix=fix,
            related=sorted(
                {line_number(r) for r in related} - ({line_number(line)} if line else set())
            ),
            detail={k: v for k, v in params.items() if isinstance(v, str)},
        )
        self.findings.append(finding)
        return finding


Rule = Callable[[LintContext], None]
