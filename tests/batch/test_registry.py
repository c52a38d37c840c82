"""Search, export and schema versioning of a registry built from the test archive, on both
backends: a SQLite file and a throw-away PostgreSQL server."""

from __future__ import annotations

import csv
import json
import sqlite3

import pytest
from batch_archive import BROKEN, build_archive

from vbparse.batch import registry


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def db(request, tmp_path_factory):
    from vbparse.cli import main

    root = tmp_path_factory.mktemp("registry")
    archive = build_archive(root / "archive")
    if request.param == "sqlite":
        target = str(root / "reg.sqlite")
    else:
        target = request.getfixturevalue("postgres_server").create_database(root.name.lower())
    assert main(["batch", str(archive), "--db", target, "--quiet"]) == 1
    return target


def query(db, sql, params=()):
    from vbparse.batch.storage import open_registry

    registry = open_registry(db)
    try:
        return registry.query(sql, params)
    finally:
        registry.close()


def search_json(run_cli, db, *args):
    code, out, _ = run_cli("search", *args, "--db", db, "--json")
    return code, [json.loads(line) for line in out.splitlines()]


def test_search_without_diacritics_finds_dan_van(db, run_cli):
    code, hits = search_json(run_cli, db, "dan van")
    assert code == 0 and hits
    for hit in hits:
        assert "[dân]" in hit["snippet"].lower() or "[vận]" in hit["snippet"].lower()
    code, with_marks = search_json(run_cli, db, "dân vận")
    assert [h["path"] for h in with_marks] == [h["path"] for h in hits]


def test_search_folds_d_with_stroke(db, run_cli):
    # FTS5's remove_diacritics leaves đ alone; the folded column does not.
    _, hits = search_json(run_cli, db, "dao tao")
    assert hits
    assert any("[Đào]" in h["snippet"] or "[đào]" in h["snippet"] for h in hits)


def test_search_ranks_subject_matches_first(db, run_cli):
    _, hits = search_json(run_cli, db, "dan chu")
    in_subject = ["dân chủ" in (h["subject"] or "").lower() for h in hits]
    assert in_subject[0]
    assert in_subject == sorted(in_subject, reverse=True)


def test_filters_cites_type_and_dates(db, run_cli):
    _, citing = search_json(run_cli, db, "--cites", "253/KH-GDĐT")
    expected = {
        p
        for (p,) in query(
            db,
            "SELECT path FROM documents d WHERE EXISTS (SELECT 1 FROM citations c "
            "WHERE c.doc_id = d.id AND c.number = '253' AND c.symbol = 'KH-GDĐT')",
        )
    }
    # One hit per document: the seed's copies in other formats are listed with it.
    assert expected and {p for h in citing for p in (h["path"], *h["copies"])} == expected
    assert len(citing) < len(expected)
    _, undiacritic = search_json(run_cli, db, "--cites", "253/kh-gddt")
    assert {p for h in undiacritic for p in (h["path"], *h["copies"])} == expected
    _, plans = search_json(run_cli, db, "dan van", "--type", "KH", "--from", "2020-04-24",
                           "--to", "2020-04")  # fmt: skip
    assert plans
    for hit in plans:
        assert "2020-04-24" <= hit["date"] <= "2020-04-30"
        assert hit["doc_type"] == "Kế hoạch"
    code, none = search_json(run_cli, db, "dan van", "--from", "2021")
    assert code == 1 and none == []


def test_issuer_filter_ignores_diacritics(db, run_cli):
    _, hits = search_json(run_cli, db, "--issuer", "mam non thao dien")
    assert hits and all("THẢO ĐIỀN" in h["issuer"] for h in hits)


def test_search_bad_input(db, tmp_path, run_cli):
    code, _, err = run_cli("search", "x", "--db", db, "--from", "yesterday")
    assert code == 2 and "không phải ngày" in err
    code, _, err = run_cli("search", "x", "--db", tmp_path / "none.sqlite")
    assert code == 3 and "none.sqlite: không có sổ đăng ký này" in err
    code, _, _ = run_cli("search", 'NOT OR "(', "--db", db)  # FTS syntax is not interpreted
    assert code in (0, 1)


def test_export_csv_opens_in_excel(db, tmp_path, run_cli):
    target = tmp_path / "sheet.csv"
    code, out, _ = run_cli("export", db, "--to", target)
    assert code == 0
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    count = query(db, "SELECT count(*) FROM documents")[0][0]
    assert len(rows) == count and f"{count} văn bản" in out
    assert {"Số/ký hiệu", "Ngày ban hành", "Trích yếu", "Người ký", "Tệp"} <= set(rows[0])
    failed = [r for r in rows if r["Trạng thái"] == "failed"]
    assert len(failed) == len(BROKEN) and all(r["Lỗi"] for r in failed)
    assert any(r["Số/ký hiệu"] == "253/KH-GDĐT" for r in rows)


def test_export_xlsx(db, tmp_path, run_cli):
    openpyxl = pytest.importorskip("openpyxl")
    target = tmp_path / "sheet.xlsx"
    assert run_cli("export", db, "--to", target)[0] == 0
    sheet = openpyxl.load_workbook(target).active
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in sheet.iter_rows(2)]
    parent = next(r for r in rows if r["Số/ký hiệu"] == "253/KH-GDĐT")
    assert parent["Ngày ban hành"].year == 2020
    assert parent["Loại văn bản"] == "Kế hoạch"


def test_schema_is_versioned_and_newer_registries_refused(registry_url, tmp_path):
    from vbparse.batch.storage import open_registry

    opened = open_registry(registry_url, create=True)
    assert opened.schema_version() == registry.SCHEMA_VERSION
    assert opened.query("SELECT value FROM meta WHERE key = 'schema_version'") == [
        (str(registry.SCHEMA_VERSION),)
    ]
    if opened.backend == "postgresql":
        # Written by a later vbparse: refused, not downgraded.
        opened.conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
        opened.close()
        with pytest.raises(registry.RegistryError, match="newer"):
            open_registry(registry_url)
        return
    opened.close()
    newer = tmp_path / "newer.sqlite"
    raw = sqlite3.connect(newer)
    raw.execute(f"PRAGMA user_version = {registry.SCHEMA_VERSION + 1}")
    raw.close()
    with pytest.raises(registry.RegistryError, match="newer"):
        open_registry(str(newer))


def test_a_database_that_is_not_a_registry_is_refused(registry_url):
    import psycopg

    if registry_url.startswith("postgresql"):
        with psycopg.connect(registry_url, autocommit=True) as conn:
            conn.execute("CREATE TABLE t (x int)")
    else:
        raw = sqlite3.connect(registry_url)
        raw.execute("CREATE TABLE t (x)")
        raw.close()
    from vbparse.batch.storage import open_registry

    with pytest.raises(registry.RegistryError, match="not a vbparse registry"):
        open_registry(registry_url)


def test_migrations_run_in_order(registry_url, monkeypatch):
    """A migration is written once (SQLite's dialect) and upgrades both backends in place."""
    from vbparse.batch.storage import open_registry

    open_registry(registry_url, create=True).close()
    extra = (
        "ALTER TABLE documents ADD COLUMN note TEXT; "
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, "
        "doc_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE, weight REAL, "
        "created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))"
    )
    monkeypatch.setattr(registry, "MIGRATIONS", [*registry.MIGRATIONS, extra])
    monkeypatch.setattr(registry, "SCHEMA_VERSION", registry.SCHEMA_VERSION + 1)
    upgraded = open_registry(registry_url)
    assert upgraded.schema_version() == registry.SCHEMA_VERSION
    upgraded.query("SELECT note FROM documents")  # the new column exists
    upgraded.transaction(
        lambda execute: execute("INSERT INTO documents (path, status) VALUES (?, 'ok')", ("/a",))
    )
    upgraded.transaction(
        lambda execute: execute(
            "INSERT INTO notes (doc_id, weight) SELECT id, 0.5 FROM documents", ()
        )
    )
    ((stamp,),) = upgraded.query("SELECT created_at FROM notes")
    assert len(stamp) == 20 and stamp.endswith("Z")  # the same UTC stamp on both backends
    upgraded.close()


def test_search_survives_search_syntax_on_both_backends(db):
    from vbparse.batch.registry import SearchFilters
    from vbparse.batch.storage import open_registry

    opened = open_registry(db)
    try:
        for text in ('NOT OR "(', "a & b | !c", "dân:* <-> ", "'; DROP TABLE documents; --"):
            opened.search(text, SearchFilters())
        assert opened.search("dân vận*", SearchFilters())  # a prefix
        assert opened.search('"dân vận"', SearchFilters())  # a phrase
        assert not opened.search('"vận dân"', SearchFilters())  # words in another order
    finally:
        opened.close()


def test_fold_keeps_offsets():
    text = "Đoàn Thanh niên — Hòa Bình, thuỷ lợi"
    folded = registry.fold(text)
    assert folded == "Doan Thanh nien — Hoa Binh, thuy loi"
    assert len(folded) == len(text)


def test_a_registry_is_named_by_path_or_url(tmp_path, monkeypatch):
    from vbparse.batch.storage import open_registry
    from vbparse.batch.storage.postgres import redact

    monkeypatch.chdir(tmp_path)
    open_registry("sqlite:///relative.sqlite", create=True).close()
    assert (tmp_path / "relative.sqlite").exists()
    absolute = tmp_path / "absolute.db"
    opened = open_registry(f"sqlite:///{absolute}", create=True)
    assert opened.backend == "sqlite" and absolute.exists()
    opened.close()
    assert (
        redact("postgresql://clerk:s3cret@db:5432/archive")
        == "postgresql://clerk:***@db:5432/archive"
    )
    with pytest.raises(
        registry.RegistryError, match=r"clerk:\*\*\*@127\.0\.0\.1:1/x: cannot connect"
    ):
        open_registry("postgresql://clerk:s3cret@127.0.0.1:1/x")
