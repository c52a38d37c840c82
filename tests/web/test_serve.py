"""`vbparse serve` as a process: the address it prints, twenty uploads at once, Ctrl-C."""

from __future__ import annotations

import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from web_helpers import PLANS, SEED, LiveServer


def test_listening_beyond_loopback_needs_a_token(capsys) -> None:
    from vbparse.cli import main

    assert main(["serve", "--host", "0.0.0.0", "--db", "/nonexistent/r.sqlite"]) == 2
    assert "--token" in capsys.readouterr().err


def test_twenty_uploads_at_once_then_ctrl_c(tmp_path: Path) -> None:
    import httpx

    db = tmp_path / "registry.sqlite"
    server = LiveServer(db, "--jobs", "2")
    try:
        assert server.address.startswith("http://127.0.0.1:")
        files = [SEED, *sorted(PLANS.glob("*.txt"))]

        def upload(i: int) -> tuple[int, str]:
            path = files[i % len(files)]
            with httpx.Client(timeout=120) as c:
                r = c.post(
                    server.address + "/api/parse", files={"file": (path.name, path.read_bytes())}
                )
            return r.status_code, path.name

        with ThreadPoolExecutor(20) as pool:
            results = list(pool.map(upload, range(20)))
        assert [code for code, _ in results] == [200] * 20
    finally:
        code, out = server.stop()
    assert code == 0
    assert "stopped" in out
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    stored = conn.execute("SELECT count(*) FROM documents WHERE status = 'ok'").fetchone()[0]
    assert stored == len({name for _, name in results})
    conn.close()
