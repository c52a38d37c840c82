"""Entity extraction and role-model cost: one-off load times and throughput over corpus/.

Run: python benchmarks/bench_entities.py
"""

from __future__ import annotations

import glob
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    from vbparse.pipeline import parse

    files = sorted(
        glob.glob(str(ROOT / "corpus/docs/*.md"))
        + glob.glob(str(ROOT / "corpus/plans/*.txt"))
        + glob.glob(str(ROOT / "corpus/seed/*.txt"))
    )
    docs = [parse(f, include_lines=True) for f in files]

    t = time.perf_counter()
    from vbparse import entities

    entities.load()
    ner_load = time.perf_counter() - t
    t = time.perf_counter()
    from vbparse.ml import roles_model

    model = roles_model.default_model()
    model_load = time.perf_counter() - t
    model.predict([])  # numpy warm

    chars = sum(len("\n".join(d.lines or [])) for d in docs)
    t = time.perf_counter()
    n = 0
    for d in docs:
        entities.add_entities(d)
        n += len(d.entities or [])
    ent_time = time.perf_counter() - t

    fresh = [parse(f) for f in files]
    roles_model.refine_roles(fresh[0])  # segmentation warm-up
    t = time.perf_counter()
    for d in fresh:
        roles_model.refine_roles(d)
    role_time = time.perf_counter() - t

    print(f"NER load (spaCy + underthesea CRF): {ner_load:.2f} s once per process")
    print(
        f"role model load (numpy arrays + underthesea import): {model_load:.2f} s once per process"
    )
    print(
        f"entities: {len(docs)} documents, {chars / 1000:.0f} k chars, {n} entities in {ent_time:.2f} s "
        f"= {len(docs) / ent_time:.1f} docs/s, {chars / ent_time / 1000:.0f} k chars/s"
    )
    print(f"refine_roles: {1000 * role_time / len(fresh):.1f} ms per document")


if __name__ == "__main__":
    main()
