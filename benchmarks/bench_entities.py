"""Entity extraction and role-model cost: one-off load times and throughput over corpus/.

The NER load is measured in fresh processes (it is paid once per process, after a parse), wall
time (perf_counter) beside CPU time (process_time), which a busy machine inflates less; the
median of --runs processes is printed, with the spaCy and underthesea parts.

Run: python benchmarks/bench_entities.py [--runs 3]
"""

from __future__ import annotations

import argparse
import glob
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Run in a fresh interpreter: parse one document (what every user has done first), then load
# the rule pipeline (spaCy), the CRF NER (underthesea's models) and the role model (its arrays,
# and the word segmentation its first prediction loads), timing each.
_LOAD = """
import json, time
from vbparse.pipeline import parse
doc = parse(%r)
from vbparse import entities, nlp
from vbparse.ml import roles_model
out = {}
for part, load in (
    ("spacy", entities._nlp),
    ("crf", lambda: nlp.ner("Hà Nội")),
    ("roles", lambda: roles_model.refine_roles(doc, roles_model.default_model())),
):
    wall, cpu = time.perf_counter(), time.process_time()
    load()
    out[part] = (time.perf_counter() - wall, time.process_time() - cpu)
print(json.dumps(out))
"""


def one_off_loads(runs: int) -> dict[str, tuple[float, float]]:
    """Median (wall, CPU) seconds of each part of the load, and of the totals, over `runs`."""
    code = _LOAD % str(ROOT / "corpus/seed/kh-36-thbtd.txt")
    samples = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        if out.returncode:
            raise SystemExit(f"NER load failed: {out.stderr.strip().splitlines()[-1:]}")
        parts = json.loads(out.stdout)
        parts["ner"] = [parts["spacy"][k] + parts["crf"][k] for k in (0, 1)]
        parts["all"] = [parts["ner"][k] + parts["roles"][k] for k in (0, 1)]
        samples.append(parts)
    return {
        part: (
            statistics.median(s[part][0] for s in samples),
            statistics.median(s[part][1] for s in samples),
        )
        for part in samples[0]
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3, help="fresh processes timing the NER load")
    args = ap.parse_args()

    from vbparse.pipeline import parse

    files = sorted(
        glob.glob(str(ROOT / "corpus/docs/*.md"))
        + glob.glob(str(ROOT / "corpus/plans/*.txt"))
        + glob.glob(str(ROOT / "corpus/seed/*.txt"))
    )
    docs = [parse(f, include_lines=True) for f in files]

    load = one_off_loads(args.runs)
    from vbparse import entities
    from vbparse.ml import roles_model

    entities.load()

    chars = sum(len("\n".join(d.lines or [])) for d in docs)
    t, cpu = time.perf_counter(), time.process_time()
    n = 0
    for d in docs:
        entities.add_entities(d)
        n += len(d.entities or [])
    ent_time, ent_cpu = time.perf_counter() - t, time.process_time() - cpu

    fresh = [parse(f) for f in files]
    roles_model.refine_roles(fresh[0])  # segmentation warm-up
    t = time.perf_counter()
    for d in fresh:
        roles_model.refine_roles(d)
    role_time = time.perf_counter() - t

    print(f"one-off loads, median of {args.runs} fresh processes (wall s / CPU s):")
    for part, label in (
        ("ner", "NER (spaCy rules + underthesea CRF)"),
        ("spacy", "  spaCy"),
        ("crf", "  underthesea CRF models"),
        ("roles", "role model (arrays + segmentation on first use)"),
        ("all", "NER + role model"),
    ):
        print(f"  {label:<50} {load[part][0]:.2f} / {load[part][1]:.2f}")
    print(
        f"entities: {len(docs)} documents, {chars / 1000:.0f} k chars, {n} entities in "
        f"{ent_time:.2f} s ({ent_cpu:.2f} s CPU) = {len(docs) / ent_time:.1f} docs/s, "
        f"{chars / ent_time / 1000:.0f} k chars/s"
    )
    print(f"refine_roles: {1000 * role_time / len(fresh):.1f} ms per document")


if __name__ == "__main__":
    main()
