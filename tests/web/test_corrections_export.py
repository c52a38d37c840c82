"""Corrections made in the web app, exported as gold that `vbparse eval` reads."""

from __future__ import annotations

import json
from pathlib import Path

from web_helpers import SEED


def test_corrections_become_gold_for_eval(client, tmp_path: Path, capsys) -> None:
    from vbparse.cli import main
    from vbparse.evaluation import evaluate

    doc = client.post("/api/parse", files={"file": ("kh-36-thbtd.txt", SEED.read_bytes())}).json()
    url = f"/api/documents/{doc['id']}/corrections"
    client.post(url, json={"field": "signer.title", "value": "Hiệu trưởng trường"})
    client.post(url, json={"field": "issued.place", "value": "Quận 2"})
    client.post(url + "/undo", json={"field": "issued.place"})  # undone: not in the gold
    out = tmp_path / "gold"
    db = client.app.state.service.db
    assert main(["export", str(db), "--corrections", str(out)]) == 0
    assert "1 văn bản có chỉnh sửa" in capsys.readouterr().out
    assert sorted(p.name for p in out.iterdir()) == ["kh-36-thbtd.gold.json", "kh-36-thbtd.txt"]
    assert (out / "kh-36-thbtd.txt").read_bytes() == SEED.read_bytes()
    gold = json.loads((out / "kh-36-thbtd.gold.json").read_text(encoding="utf-8"))
    # The keys of the project's gold (corpus/real/GOLD.md), in their order.
    reference = next((SEED.parents[1] / "real").glob("*/*.gold.json"))
    assert list(gold) == list(json.loads(reference.read_text(encoding="utf-8")))
    assert gold["signer"]["title"] == "Hiệu trưởng trường"
    assert gold["issued"]["place"] == "Bình Trung Đông"
    assert "signer.title" in gold["notes"] and "issued.place" not in gold["notes"]
    # vbparse eval reads it: the corrected field is the one the parser now gets wrong.
    result = evaluate(out)
    assert result.documents == 1 and not result.failures
    assert result.fields["signer.title"].accuracy == 0.0
    assert result.fields["signer.name"].accuracy == 1.0
    assert result.fields["issued.place"].accuracy == 1.0


def test_export_needs_a_registry(tmp_path: Path, capsys) -> None:
    from vbparse.cli import main

    assert main(["export", str(tmp_path / "none.sqlite"), "--corrections", str(tmp_path)]) == 3
    assert "không có sổ đăng ký này" in capsys.readouterr().err
    args = ["export", str(tmp_path / "none.sqlite"), "--corrections", str(tmp_path), "--lang", "en"]
    assert main(args) == 3
    assert "no such registry" in capsys.readouterr().err


def test_an_older_registry_gains_the_corrections_table(tmp_path: Path) -> None:
    import sqlite3

    from vbparse.batch import registry

    db = tmp_path / "v1.sqlite"
    old = sqlite3.connect(db, isolation_level=None)
    for statement in registry._statements(registry.MIGRATIONS[0]):
        old.execute(statement)
    old.execute("PRAGMA user_version = 1")
    old.close()
    conn = registry.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    assert conn.execute("SELECT count(*) FROM corrections").fetchone() == (0,)
    conn.close()
