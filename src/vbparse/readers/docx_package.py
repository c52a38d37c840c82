"""The parts of a .docx package, found the way Word finds them and tolerant of what Word tolerates.

A package is a zip. Its main part is named by `[Content_Types].xml` or by the package
relationships (`_rels/.rels`); styles, numbering, theme, headers and footers by the main part's
relationships. Writers that leave out the `_rels` parts still produce files Word opens, so every
lookup falls back to the conventional part name. The zip is opened in one place
(`open_zip`), where limits on what a package may hold belong.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from typing import Any

from .base import ReadError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_MAIN_TYPES = (
    "wordprocessingml.document.main+xml",
    "wordprocessingml.template.main+xml",
    "ms-word.document.macroEnabled.main+xml",
    "ms-word.template.macroEnabledTemplate.main+xml",
)
# relationship type suffix -> conventional part name when the relationship is missing
_CONVENTIONAL = {
    "styles": "word/styles.xml",
    "numbering": "word/numbering.xml",
    "theme": "word/theme/theme1.xml",
}


def open_zip(name: str, data: bytes) -> zipfile.ZipFile:
    """The package's zip, or ReadError saying why it is not one. The one place a .docx is opened."""
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise ReadError(
            name, "corrupt", f"is not a readable .docx (damaged or truncated: {exc})"
        ) from exc


def parse_xml(content: bytes) -> Any:
    """An XML part parsed without entities, network or DTD: hostile XML stays inert."""
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=False
    )
    return etree.fromstring(content, parser)


class Package:
    """The parts of one .docx: the main document, styles, numbering, theme, headers, footers."""

    def __init__(self, name: str, data: bytes) -> None:
        self.name = name
        self.zip = open_zip(name, data)
        self.names = {n.lstrip("/"): n for n in self.zip.namelist()}
        self.main = self._main_part()
        self.rels = self._relationships(self.main)

    def xml(self, part: str | None) -> Any:
        """The parsed part, or None when the package does not hold it."""
        if part is None or part not in self.names:
            return None
        try:
            return parse_xml(self.zip.read(self.names[part]))
        except Exception as exc:  # lxml and zlib errors of many kinds on damaged parts
            raise ReadError(
                self.name, "corrupt", f"is not a readable .docx (part {part}: {exc})"
            ) from exc

    def document(self) -> Any:
        root = self.xml(self.main)
        if root is None or root.find(W + "body") is None:
            raise ReadError(self.name, "corrupt", "is not a readable .docx (no document body)")
        return root

    def related(self, kind: str) -> str | None:
        """The part the main document relates to by type (styles, numbering, theme)."""
        for rel_type, target in self.rels.values():
            if rel_type.endswith("/" + kind):
                return target
        fallback = _CONVENTIONAL.get(kind)
        return fallback if fallback in self.names else None

    def target(self, rel_id: str | None) -> str | None:
        hit = self.rels.get(rel_id or "")
        return hit[1] if hit else None

    def parts_like(self, prefix: str) -> list[str]:
        """Parts named word/<prefix>N.xml (headers, footers) when relationships are missing."""
        return sorted(
            n for n in self.names if n.startswith(f"word/{prefix}") and n.endswith(".xml")
        )

    def _main_part(self) -> str:
        types = self.xml("[Content_Types].xml") if "[Content_Types].xml" in self.names else None
        if types is not None:
            for override in types.iter(_CT + "Override"):
                if override.get("ContentType", "").endswith(_MAIN_TYPES):
                    return override.get("PartName", "").lstrip("/")
        for rel_type, target in self._relationships("").values():
            if rel_type.endswith("/officeDocument"):
                return target
        if "word/document.xml" in self.names:
            return "word/document.xml"
        raise ReadError(self.name, "corrupt", "is not a readable .docx (no Word document part)")

    def _relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """rId -> (type, part name) of `part`'s relationships ('' for the package's own)."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        root = self.xml(rels_name) if rels_name in self.names else None
        out: dict[str, tuple[str, str]] = {}
        if root is None:
            return out
        for rel in root.iter(_PKG_REL + "Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            full = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            out[rel.get("Id", "")] = (rel.get("Type", ""), posixpath.normpath(full))
        return out
