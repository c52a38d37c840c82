"""With --lang vi (the default) no command says an English word to a clerk: every output of every
command on the corpus is scanned, apart from file names, the codes of JSON output, and the
documents' own text (which may quote English: "Email", "Website", a URL)."""

from __future__ import annotations

import re
import unicodedata

import pytest
from cli_corpus import CORPUS, REGISTRY_INPUTS, shown_text

# Vietnamese syllables without diacritics are common ("an toan", "in", "theo"): an ASCII word is
# English when it cannot be one (onset, one to three vowels, coda), or is one of the few English
# function words shaped like a Vietnamese syllable.
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?"
)
_ENGLISH_SHAPED = {"the", "it", "by", "be", "not", "but", "he", "go", "my", "at", "on", "up"}
# File types named as such ("các bản: docx, pdf, txt"), the program's own name and Dask's.
_ALLOWED = {"vbparse", "txt", "md", "html", "htm", "docx", "doc", "rtf", "odt", "pdf", "csv",
            "xlsx", "json", "jsonl", "png", "jpg", "sqlite", "db", "dask"}  # fmt: skip
_PATH = re.compile(
    r"(?:/|\b[\w.-]+\.(?:txt|md|html|docx|doc|rtf|odt|pdf|csv|xlsx|json|sqlite)\b)\S*"
)


def english_words(text: str, document_words: set[str]) -> list[str]:
    text = re.sub(r"\b[a-z]+://\S+", " ", unicodedata.normalize("NFC", text))  # a URL
    text = _PATH.sub(" ", text)
    text = re.sub(r"--[a-z-]+", " ", text)  # option names ("chạy lại với --verbose")
    text = re.sub(r"vbparse [a-z-]+:", " ", text)  # the command's name ("vbparse batch: 10/85")
    text = re.sub(r"\w+…", " ", text)  # a word cut by a shortened quote or heading
    found = []
    for word in re.findall(r"[^\W\d_]+", text):
        low = word.lower()
        if not word.isascii() or (word.isupper() and len(word) > 1):
            continue  # Vietnamese, or an abbreviation (KH, UBND, THBTD)
        if low in _ALLOWED or low in document_words:
            continue
        if low in _ENGLISH_SHAPED or not _SYLLABLE.fullmatch(low):
            found.append(word)
    return found


TYPED = sorted(
    p
    for folder in REGISTRY_INPUTS
    for p in (folder.rglob("*") if folder.is_dir() else [folder])
    if p.suffix in (".txt", ".md", ".docx", ".pdf")
)  # every document `vbparse batch` stores from these inputs (the folders' README.md too)


@pytest.fixture(scope="module")
def document_words() -> set[str]:
    from vbparse.readers import read

    words: set[str] = set()
    for path in TYPED:
        for line in read(path).lines:
            words.update(w.lower() for w in re.findall(r"[^\W\d_]+", line.text))
    return words


def assert_vietnamese(output: str, document_words: set[str], what: str) -> None:
    leaks = english_words(output, document_words)
    assert not leaks, f"{what}: English words {sorted(set(leaks))[:20]}"


def test_the_detector_catches_english_and_spares_vietnamese():
    assert english_words("5 lỗi, 2 cảnh báo; không tìm thấy văn bản", set()) == []
    assert english_words("an toàn, in hoa, theo, trong, cho thi", set()) == []
    assert english_words("files: 3 parsed, 1 failed [purpose]", set()) == [
        "files", "parsed", "failed", "purpose"
    ]  # fmt: skip
    assert english_words("the date", set()) == ["the", "date"]
    assert english_words("/tmp/x/report.txt: Email", {"email"}) == []


def test_parse_text_md_html(run_cli, document_words, tmp_path):
    for fmt in ("text", "md", "html"):
        code, out, err = run_cli("parse", *TYPED, "--format", fmt, "--lang", "vi")
        assert code == 0, err
        shown = shown_text(out) if fmt == "html" else out
        assert_vietnamese(shown + err, document_words, f"parse --format {fmt}")


def test_lint(run_cli, document_words):
    code, out, err = run_cli("lint", *TYPED, "--lang", "vi", "--today", "2026-01-01")
    assert code == 1 and out.count("\n") > 100
    assert_vietnamese(out + err, document_words, "lint")


def test_check_and_check_batch(run_cli, document_words, tmp_path):
    parent = CORPUS / "plans" / "parent-253-kh-gddt.txt"
    for child in sorted((CORPUS / "plans").glob("child-*.txt")):
        for fmt in ("text", "md", "html"):
            code, out, err = run_cli("check", child, "--parent", parent, "-f", fmt, "--lang", "vi")
            assert code == 0, err
            shown = shown_text(out) if fmt == "html" else out
            assert_vietnamese(shown + err, document_words, f"check {child.name} -f {fmt}")
    for suffix in (".html", ".md", ".txt"):
        report = tmp_path / f"district{suffix}"
        args = ("check-batch", CORPUS / "plans", "--parent", parent, "--out", report)
        code, out, err = run_cli(*args, "--lang", "vi")
        assert code == 0, err
        text = report.read_text(encoding="utf-8")
        shown = shown_text(text) if suffix == ".html" else text
        assert_vietnamese(shown + out + err, document_words, f"check-batch {suffix}")


def test_batch_search_export_eval(run_cli, document_words, corpus_registry, tmp_path):
    code, out, err = run_cli("batch", *REGISTRY_INPUTS, "--db", corpus_registry, "--lang", "vi")
    assert code == 0
    assert_vietnamese(out + err, document_words, "batch")
    for query in ("dân vận", "dan van", "kế hoạch", '"quy chế dân chủ"', "zzzz"):
        code, out, err = run_cli("search", query, "--db", corpus_registry, "-n", "50")
        assert_vietnamese(out + err, document_words, f"search {query}")
    code, out, err = run_cli("export", "--db", corpus_registry, "--out", tmp_path / "r.csv")
    assert code == 0
    assert_vietnamese(out + err, document_words, "export")
    code, out, err = run_cli("eval", CORPUS / "seed", "--lang", "vi")
    assert code == 0
    from vbparse.cli.eval_cmd import REPORT_FIELDS

    table = "\n".join(
        line.split(None, 1)[-1] if line.split()[0] in REPORT_FIELDS else line
        for line in out.splitlines()
    )  # the field column holds JSON codes
    assert_vietnamese(table + err, document_words, "eval")


def test_error_lines(run_cli, document_words, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blob = tmp_path / "blob.txt"
    blob.write_bytes(bytes(range(256)) * 10)
    cut = tmp_path / "cut.docx"
    cut.write_bytes(b"PK\x03\x04\x14\x00\x00\x00")
    for command in ("parse", "lint"):
        _, out, err = run_cli(command, empty, blob, cut, tmp_path / "none.txt", tmp_path)
        assert err.count("\n") == 5
        assert_vietnamese(out + err, document_words, f"{command} errors")


def test_eval_check(run_cli, document_words):
    root = CORPUS.parent
    code, out, err = run_cli("eval-check", "--root", root, "--errors", "--lang", "vi")
    assert code == 0, err
    assert "độ chính xác" in out and out.count("\n") > 10  # figures and the wrong calls
    assert_vietnamese(out + err, document_words, "eval-check")
    code, en, err = run_cli("eval-check", "--root", root, "--no-lexical", "--lang", "en")
    assert code == 0 and "missing items   precision" in en


def test_eval_roles_and_train(run_cli, document_words, tmp_path):
    root = CORPUS.parent
    code, out, err = run_cli("eval-roles", "--root", root)
    assert code == 0, err
    assert "độ chính xác" in out and "F1 nhiệm vụ" in out
    assert_vietnamese(out + err, document_words, "eval-roles")
    code, en, err = run_cli("eval-roles", "--root", root, "--lang", "en")
    assert code == 0 and "F1 tasks" in en and "rules only" in en
    code, out, err = run_cli("train", "roles", "--root", root, "--out", tmp_path)
    assert code == 0, err
    assert (tmp_path / "roles.npz").is_file() and "đã lưu" in out
    assert_vietnamese(out + err, document_words, "train roles")
    # train similarity takes a minute; its lines are the same catalogue's, seen on a bad root
    code, out, err = run_cli("train", "similarity", "--root", tmp_path)
    assert code == 2 and "không có thư mục corpus/" in err
    assert_vietnamese(out + err, document_words, "train similarity")


def test_parse_explain_headings_and_labels(run_cli, document_words):
    """--explain is a developer's view of the cue layer: its tags, zones and reasons keep their
    code names; its headings and labels follow --lang."""
    seed = CORPUS / "seed" / "kh-36-thbtd.txt"
    code, out, err = run_cli("parse", "--explain", seed)
    assert code == 0, err
    labels = [
        line.split(": ", 1)[0] if not line.startswith("## ") else line
        for line in out.splitlines()
        if line and not line[0].isspace() and not line[0].isdigit() and line[0] not in "!#"
    ] + [line for line in out.splitlines() if line.startswith("## ")]
    assert len(labels) >= 15 and "## Kết quả" in labels
    assert_vietnamese("\n".join(labels), document_words, "parse --explain")
    code, en, err = run_cli("parse", "--explain", seed, "--lang", "en")
    assert code == 0 and "## Candidates (score, line, reasons); * = chosen" in en


def test_eval_variants_table(run_cli, document_words):
    code, out, err = run_cli("eval", CORPUS / "seed", "--variants", "--misses")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("biến thể") and ("0,00" in out or "1,00" in out)
    shown = [lines[0]] + [line.split(None, 1)[-1] for line in lines[1:] if line.strip()]
    assert_vietnamese("\n".join(shown) + err, document_words, "eval --variants")  # not the codes
    code, en, err = run_cli("eval", CORPUS / "seed", "--variants", "--lang", "en")
    assert en.startswith("variant") and "signer.name" in en


def test_store_and_scheduler_lines(run_cli, document_words, tmp_path):
    """Registry, output and spreadsheet errors, and the Dask line of batch --scheduler, in the
    run's language; the system's own English detail only with --lang en."""
    not_registry = CORPUS / "seed" / "kh-36-thbtd.txt"
    code, out, err = run_cli("search", "dân vận", "--db", not_registry)
    assert code == 3 and "không phải sổ đăng ký" in err
    assert_vietnamese(out + err, document_words, "search --db on a text file")
    code, _, en = run_cli("search", "dân vận", "--db", not_registry, "--lang", "en")
    assert code == 3 and "not a vbparse registry" in en
    lines = []
    for args in (
        ("export", "--db", not_registry, "--out", tmp_path / "r.csv"),
        ("export", "--db", not_registry, "--out", tmp_path / "r.pdf"),
        ("export", "--db", not_registry),
        ("batch", CORPUS / "seed", "--out", tmp_path / "r.pdf"),
        ("batch", CORPUS / "seed", "--db", tmp_path / "x.sqlite", "--scheduler", "local:x"),
    ):
        code, out, err = run_cli(*args)
        assert code in (2, 3) and err.startswith("vbparse"), (args, err)
        lines.append(re.sub(r"local:\w+", " ", out + err))  # the option's syntax, local:N
    assert_vietnamese("\n".join(lines), document_words, "store errors")
    folder = tmp_path / "two"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text((CORPUS / "seed" / "kh-36-thbtd.txt").read_text("utf-8"))
    db = tmp_path / "two.sqlite"
    code, out, err = run_cli("batch", folder, "--db", db, "--scheduler", "local:1")
    assert code == 0, err
    assert "Dask: 1 tiến trình; bảng theo dõi:" in err
    assert_vietnamese(out + err, document_words, "batch --scheduler")
