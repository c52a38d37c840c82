"""Build src/vbparse/data/lexicon.tsv.gz, the offline word lists of the lint text rules.

Sources:
- syllable and bigram counts from published documents: the thuvienphapluat pages and the
  Nghị định 30/2020 annexes in ../shared/corpus (Vietnamese state texts are not protected by
  copyright, Luật SHTT Điều 15). Files that are also in corpus/docs are left out, so that the
  tests over corpus/docs measure false alarms on text the lexicon has never seen.
- two-syllable words of the Viet74K word list shipped by underthesea (Apache-2.0).

Keys are written as spelt; `lint.lexicon.parse_lexicon` folds i/y and indexes them on loading.

Run: python scripts/build_lexicon.py [--shared ../shared/corpus] [--out src/vbparse/data/...]
"""

from __future__ import annotations

import argparse
import gzip
import unicodedata
from collections import Counter
from itertools import pairwise
from pathlib import Path

from vbparse.lint.lexicon import LEXICON_FILE, phrases
from vbparse.text.normalize import match_key

ROOT = Path(__file__).resolve().parent.parent
MIN_BIGRAM = 1  # keep every bigram seen: the list is small and rare ones still vouch for a word


def corpus_files(shared: Path, held_out: set[str]) -> list[Path]:
    files = sorted((shared / "tvpl").glob("*.md")) + sorted((shared / "nd30").glob("*.md"))
    return [f for f in files if f.name not in held_out]


def count(files: list[Path]) -> tuple[Counter[str], Counter[str]]:
    syllables: Counter[str] = Counter()
    bigrams: Counter[str] = Counter()
    for path in files:
        text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8", errors="replace"))
        for line in text.splitlines():
            for run in phrases(line):
                keys = [t.key for t in run]
                syllables.update(keys)
                bigrams.update(f"{a} {b}" for a, b in pairwise(keys))
    return syllables, bigrams


def dictionary_words(name: str = "Viet74K") -> set[str]:
    """Two-syllable words of one of underthesea's word lists (Viet11K: the commonest words)."""
    try:
        import underthesea  # heavy; build time only
    except ImportError:
        print("underthesea not installed: building without the dictionary")
        return set()
    path = Path(underthesea.__file__).parent / "corpus" / "data" / f"{name}.txt"
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        key = match_key(line)
        if len(key.split(" ")) == 2 and all(part.isalpha() for part in key.split(" ")):
            words.add(key)
    return words


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "vbparse" / "data" / LEXICON_FILE)
    args = ap.parse_args()
    held_out = {p.name for p in (ROOT / "corpus" / "docs").glob("*.md")}
    files = corpus_files(args.shared, held_out)
    syllables, bigrams = count(files)
    words = dictionary_words()
    common = dictionary_words("Viet11K")
    lines = [
        "# vbparse lint lexicon: s=syllable count, b=bigram count, w=dictionary word (2 = common).",
        f"# {len(files)} corpus files; dictionary: underthesea Viet74K (Apache-2.0), two-syllable words; common = in Viet11K.",
    ]
    lines += [f"s\t{k}\t{n}" for k, n in sorted(syllables.items())]
    lines += [f"b\t{k}\t{n}" for k, n in sorted(bigrams.items()) if n >= MIN_BIGRAM]
    lines += [f"w\t{k}\t{2 if k in common else 1}" for k in sorted(words)]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 keeps the file byte-identical across rebuilds of the same sources.
    args.out.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), mtime=0))
    print(f"{args.out}: {len(syllables)} syllables, {len(bigrams)} bigrams, {len(words)} words")


if __name__ == "__main__":
    main()
