"""The labelled sections the role classifier learns from and is evaluated on.

Sources, all in the repository:
- gold annotations `corpus/docs/*.gold.json`, `corpus/seed/*.gold.json` (`sections_top`);
- hand labels `corpus/roles/*.labels.json` ({file, sections: [{id, role}]}) for the plans and for
  the extra documents in `corpus/roles/docs/`;
- hand-written heading examples `corpus/roles/headings.labels.json` (training only).

Top-level labelled sections are the evaluation units. Their children inherit the label unless
labelled themselves and are added to training with a lower weight.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..extract.roles import is_certain
from ..model import Section
from .features import Example, SectionView, view

CHILD_WEIGHT = 0.3  # an inherited label says less about a child than a label read on it
LEXICON_GROUP = "<headings>"


def _label_sets(root: Path) -> list[tuple[Path, dict[str, str]]]:
    out: list[tuple[Path, dict[str, str]]] = []
    for gold in sorted(
        [*root.glob("corpus/docs/*.gold.json"), *root.glob("corpus/seed/*.gold.json")]
    ):
        stem = gold.name[: -len(".gold.json")]
        sources = [p for p in gold.parent.glob(stem + ".*") if not p.name.endswith(".json")]
        labels = {s["id"]: s["role"] for s in json.loads(gold.read_text("utf-8"))["sections_top"]}
        if sources and labels:
            out.append((sources[0], labels))
    for path in sorted((root / "corpus/roles").glob("*.labels.json")):
        data = json.loads(path.read_text("utf-8"))
        if data.get("file"):
            out.append((root / data["file"], {s["id"]: s["role"] for s in data["sections"]}))
    return out


def data_hash(root: Path) -> str:
    """sha256 over every label file and every labelled source: the training data version."""
    h = hashlib.sha256()
    paths = {p for p, _ in _label_sets(root)}
    paths |= set(root.glob("corpus/roles/*.labels.json"))
    paths |= set(root.glob("corpus/docs/*.gold.json")) | set(root.glob("corpus/seed/*.gold.json"))
    for p in sorted(paths):
        h.update(str(p.relative_to(root)).encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def collect(root: Path) -> list[Example]:
    """Parse every labelled document and pair its sections with their labels."""
    from ..pipeline import parse

    examples: list[Example] = []
    for source, labels in _label_sets(root):
        doc = parse(source)
        group = str(source.relative_to(root))

        def visit(
            nodes: list[Section],
            inherited: str | None,
            depth: int,
            labels: dict[str, str] = labels,
            group: str = group,
        ) -> None:
            for i, node in enumerate(nodes):
                own = labels.get(node.id)
                role = own or inherited
                # Articles and what they contain are the rules' (certain) business.
                in_article = node.kind == "article" and depth > 0
                if (
                    role is not None
                    and not in_article
                    and (depth == 0 or node.kind != "bullet" or own)
                ):
                    if depth == 0 and own is None:
                        pass  # a top-level section the labels do not name: not evaluated
                    else:
                        examples.append(
                            Example(
                                view=view(node, i, len(nodes), depth),
                                role=role,
                                group=group,
                                top=depth == 0,
                                explicit=own is not None,
                                weight=1.0 if own else CHILD_WEIGHT,
                                rule_role=node.role if node.role_source == "rule" else None,
                                rule_certain=is_certain(node),
                                rule_confidence=node.role_confidence or 0.0
                                if node.role_source == "rule"
                                else 0.0,
                                rule_source=node.role_source,
                                inherited=node.role if node.role_source == "inherited" else None,
                            )
                        )
                if depth < 2 and node.kind != "article":
                    visit(node.children, role, depth + 1)

        visit(doc.sections, None, 0)
    lexicon = root / "corpus/roles/headings.labels.json"
    if lexicon.exists():
        for item in json.loads(lexicon.read_text("utf-8"))["headings"]:
            v = SectionView(item["heading"], "", "roman", 1, 3, 0)
            examples.append(
                Example(
                    v, item["role"], LEXICON_GROUP, False, True, 1.0, None, False, 0.0, "none", None
                )
            )
        for item in json.loads(lexicon.read_text("utf-8")).get("openings", []):
            v = SectionView("", item["text"], "number", 1, 3, 0)
            examples.append(
                Example(
                    v, item["role"], LEXICON_GROUP, False, True, 1.0, None, False, 0.0, "none", None
                )
            )
    return examples
