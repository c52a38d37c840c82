"""The JSON API through FastAPI's TestClient: every status code the API promises, on real
documents of the corpus."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

from web_helpers import PLANS, ROOT, SEED


def upload(client, path: Path, name: str | None = None, data: bytes | None = None):
    """POST /api/parse as a script does (no browser cookies, so no CSRF token needed)."""
    content = data if data is not None else path.read_bytes()
    client.cookies.clear()
    return client.post("/api/parse", files={"file": (name or path.name, content)})


def test_health(client) -> None:
    from vbparse import __version__

    r = client.get("/api/health")
    assert r.status_code == 200
    assert r.json() == {"status": "ok", "version": __version__}


def test_parse_stores_the_seed_with_an_id(client) -> None:
    from vbparse import parse

    r = upload(client, SEED)
    assert r.status_code == 200
    got = r.json()
    assert isinstance(got["id"], int)
    assert got["number"]["raw"] == "36/KH-THBTD"
    assert got["signer"]["name"] == "Nguyễn Thị Lệ Hằng"
    # The same JSON as `vbparse parse`, the file named as uploaded.
    expected = json.loads(parse(SEED).to_json())
    expected["source"]["path"] = "kh-36-thbtd.txt"
    assert {k: got[k] for k in expected} == expected
    again = client.get(f"/api/documents/{got['id']}").json()
    assert again["subject"] == expected["subject"]


def test_too_large_is_413(client) -> None:
    big = SEED.read_bytes() * (2 * 2**20 // SEED.stat().st_size)  # over the 1 MB of the fixture
    r = upload(client, SEED, "big.txt", big)
    assert r.status_code == 413
    assert r.json()["error"]["code"] == "too_large"


def test_type_is_judged_by_content(client) -> None:
    binary = bytes(range(256)) * 64
    r = upload(client, SEED, "looks-like-text.txt", binary)
    assert r.status_code == 415
    assert r.json()["error"]["code"] == "unsupported_type"
    assert "looks-like-text.txt" in r.json()["error"]["message"]
    # A text document named .pdf is read as the text it is.
    r = upload(client, SEED, "ke-hoach.pdf")
    assert r.status_code == 200
    assert r.json()["number"]["raw"] == "36/KH-THBTD"


def test_readable_but_unparsable_is_422(client) -> None:
    r = upload(client, SEED, "broken.pdf", b"%PDF-1.4\n" + b"\x00garbage" * 200)
    assert r.status_code == 422
    assert r.json()["error"]["message"].startswith("broken.pdf: ")
    r = upload(client, SEED, "empty.txt", b"")
    assert r.status_code == 422


def test_bad_requests_are_json_errors(client) -> None:
    r = client.post("/api/parse")  # no file
    assert r.status_code == 422
    assert r.json()["error"]["code"] == "invalid_request"
    r = client.get("/api/documents/999999")
    assert r.status_code == 404
    assert r.json()["error"]["code"] == "not_found"
    r = client.get("/api/no-such-route")
    assert r.status_code == 404
    assert "error" in r.json()


def test_a_bug_is_a_500_without_traceback(client, monkeypatch) -> None:
    service = client.app.state.service

    async def broken(upload):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(service, "parse_upload", broken)
    r = upload(client, SEED)
    assert r.status_code == 500
    assert r.json() == {"error": {"code": "internal", "message": "internal error (RuntimeError)"}}
    assert "Traceback" not in r.text and "secret" not in r.text


def test_uploaded_names_never_become_paths(client, tmp_path: Path) -> None:
    from vbparse.web.service import display_name

    assert display_name("C:\\Windows\\x\x00y.txt") == "x y.txt"
    assert display_name("../..") == "tệp"
    r = upload(client, SEED, "../../../../tmp/evil.txt")
    assert r.status_code == 200
    assert r.json()["source"]["path"] == "evil.txt"
    kept = client.app.state.service.files
    sha = r.json()["source"]["sha256"]
    assert (kept / f"{sha}.txt").is_file()
    assert not Path("/tmp/evil").exists()


def test_search_with_filters_and_paging(client) -> None:
    seed_id = upload(client, SEED).json()["id"]
    for name in ("child-clean-mn-thao-dien.txt", "child-gaps-th-an-phu.txt"):
        assert upload(client, PLANS / name).status_code == 200
    r = client.get("/api/documents", params={"q": "dân vận"})
    assert r.status_code == 200
    assert seed_id in [h["id"] for h in r.json()["hits"]]
    # Unaccented words find accented text.
    assert seed_id in [h["id"] for h in client.get("/api/documents?q=dan+van").json()["hits"]]
    assert client.get("/api/documents?q=dân+vận&year=2019").json()["total"] == 0
    assert client.get("/api/documents?q=dân+vận&year=2020").json()["total"] >= 1
    everything = client.get("/api/documents?type=KH").json()
    assert everything["total"] >= 3
    first = client.get("/api/documents?type=KH&per_page=2&page=1").json()["hits"]
    second = client.get("/api/documents?type=KH&per_page=2&page=2").json()["hits"]
    assert len(first) == 2 and second
    assert not {h["id"] for h in first} & {h["id"] for h in second}
    assert client.get("/api/documents?year=abc").status_code == 422
    for hostile in (
        '"unterminated',
        "*",
        "NOT OR AND",
        "subject_fold:x",
        "'; DROP TABLE documents",
    ):
        r = client.get("/api/documents", params={"q": hostile})
        assert r.status_code == 200, hostile
    assert client.get("/search", params={"q": '"(', "page": "x"}).status_code == 200


def test_corrections_history_and_undo(client) -> None:
    doc = upload(client, SEED).json()
    url = f"/api/documents/{doc['id']}/corrections"
    r = client.post(url, json={"field": "signer.title", "value": "Hiệu trưởng nhà trường"})
    assert r.status_code == 201
    got = r.json()
    assert got["signer"]["title"] == "Hiệu trưởng nhà trường"
    assert got["corrected"] == ["signer.title"]
    last = got["corrections"][-1]
    assert (last["field"], last["old"], last["new"]) == (
        "signer.title",
        "Hiệu trưởng",
        "Hiệu trưởng nhà trường",
    )
    assert last["at"].endswith("Z")
    # The same file uploaded again: same document, correction still in force.
    again = upload(client, SEED).json()
    assert again["id"] == doc["id"]
    assert again["signer"]["title"] == "Hiệu trưởng nhà trường"
    r = client.post(url + "/undo", json={"field": "signer.title"})
    assert r.status_code == 200
    assert r.json()["signer"]["title"] == "Hiệu trưởng"
    assert r.json()["corrections"][-1]["undone_at"] is not None
    assert client.post(url + "/undo", json={"field": "signer.title"}).status_code == 404
    bad = client.post(url, json={"field": "source.path", "value": "/etc/passwd"})
    assert bad.status_code == 422
    assert bad.json()["error"]["code"] == "bad_correction"


def test_corrections_survive_a_batch_of_the_same_file(client, tmp_path: Path) -> None:
    from vbparse.cli import main

    doc = upload(client, SEED).json()
    client.post(
        f"/api/documents/{doc['id']}/corrections", json={"field": "issued.place", "value": "TP.HCM"}
    )
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "copy-of-seed.txt").write_bytes(SEED.read_bytes())
    db = client.app.state.service.db
    assert main(["batch", str(folder), "--out", str(db), "--quiet", "--jobs", "1"]) == 0
    conn = sqlite3.connect(db)
    (batch_id,) = conn.execute(
        "SELECT id FROM documents WHERE path LIKE '%copy-of-seed.txt'"
    ).fetchone()
    conn.close()
    got = client.get(f"/api/documents/{batch_id}").json()
    assert got["issued"]["place"] == "TP.HCM"
    assert "issued.place" in got["corrected"]


def test_check_api(client) -> None:
    names = [
        "child-clean-mn-thao-dien.txt",
        "child-gaps-th-an-phu.txt",
        "child-errors-thcs-binh-an.txt",
    ]
    files = [("parent", ("parent.txt", (PLANS / "parent-253-kh-gddt.txt").read_bytes()))]
    files += [("children", (n, (PLANS / n).read_bytes())) for n in names]
    r = client.post("/api/check", files=files)
    assert r.status_code == 200
    got = r.json()
    assert [x["child"]["path"] for x in got["results"]] == names
    from vbparse.plancheck.report import ParentPlan, check_child

    expected = check_child(
        ParentPlan.load(str(PLANS / "parent-253-kh-gddt.txt")), str(PLANS / names[0])
    )
    assert got["results"][0]["summary"] == expected.summary
    assert got["results"][0]["coverage"] == expected.to_dict()["coverage"]
    not_a_plan = [("parent", ("p.txt", b"Just a line of text, no plan at all.\n"))]
    r = client.post("/api/check", files=[*not_a_plan, files[1]])
    assert r.status_code == 422


def test_csrf_and_origin(client) -> None:
    page = client.get("/")  # sets the CSRF cookie
    assert page.status_code == 200
    token = client.cookies.get("vbparse_csrf")
    assert token and f'content="{token}"' in page.text
    # A browser (it sends our cookie) without the token: refused.
    r = client.post("/api/parse", files={"file": ("s.txt", SEED.read_bytes())})
    assert r.status_code == 403
    assert r.json()["error"]["code"] == "csrf"
    r = client.post(
        "/api/parse",
        files={"file": ("s.txt", SEED.read_bytes())},
        headers={"X-CSRF-Token": token},
    )
    assert r.status_code == 200
    doc_id = r.json()["id"]
    # A form without the token.
    r = client.post(f"/documents/{doc_id}/corrections", data={"field": "subject", "value": "x"})
    assert r.status_code == 403
    # Another site posting to the server.
    r = client.post(
        "/api/parse",
        files={"file": ("s.txt", SEED.read_bytes())},
        headers={"X-CSRF-Token": token, "Origin": "http://evil.example"},
    )
    assert r.status_code == 403
    client.cookies.clear()


def test_token_is_required_when_set(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from vbparse.web.app import Settings, create_app

    app = create_app(Settings(tmp_path / "r.sqlite", token="s3cret-token", jobs=1))
    with TestClient(app, raise_server_exceptions=False) as c:
        assert c.get("/api/health").status_code == 401
        assert c.get("/").status_code == 401
        assert c.get("/static/app.css").status_code == 401
        assert c.get("/docs").status_code == 401
        ok = c.get("/api/health", headers={"Authorization": "Bearer s3cret-token"})
        assert ok.status_code == 200
        assert c.get("/api/health", headers={"Authorization": "Bearer wrong"}).status_code == 401
        r = c.get("/search?token=s3cret-token&q=x", follow_redirects=False)
        assert r.status_code == 303 and "token" not in r.headers["location"]
        assert c.get("/search?q=x").status_code == 200  # the cookie carries it now


def test_openapi_describes_the_api(client) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/health", "/api/parse", "/api/check", "/api/documents",
                 "/api/documents/{doc_id}", "/api/documents/{doc_id}/corrections"):  # fmt: skip
        assert path in spec["paths"]
    docs = client.get("/docs", headers={"Accept": "text/html"})
    assert docs.status_code == 200
    assert "/api/documents/{doc_id}/corrections" in docs.text
    # Offline: nothing on the pages comes from another host.
    for page in (docs.text, client.get("/").text):
        assert not re.search(r'(src|href)="(https?:)?//', page)
    assert "default-src 'self'" in docs.headers["content-security-policy"]
    assert ROOT.exists()
    client.cookies.clear()  # the pages set the CSRF cookie; the API tests act as scripts


def test_search_hits_show_corrected_values(client) -> None:
    doc = upload(client, SEED).json()
    client.post(
        f"/api/documents/{doc['id']}/corrections",
        json={"field": "number.raw", "value": "36/KH-THBTĐ"},
    )
    hits = client.get("/api/documents", params={"q": "dân vận"}).json()["hits"]
    assert [h["number"] for h in hits if h["id"] == doc["id"]] == ["36/KH-THBTĐ"]
    client.post(f"/api/documents/{doc['id']}/corrections/undo", json={"field": "number.raw"})


def test_formats_are_recognised_whatever_the_name(client) -> None:
    from vbparse.web.service import kept_suffix

    formats = ROOT / "corpus" / "formats"
    for name in ("kh-36-thbtd.docx", "kh-36-thbtd.pdf", "kh-36-thbtd-vni.txt"):
        r = upload(client, formats / name, "tep-khong-ro-loai.bin")
        assert r.status_code == 200, (name, r.text)
        assert r.json()["number"]["raw"] == "36/KH-THBTD", name
        assert r.json()["signer"]["name"] == "Nguyễn Thị Lệ Hằng", name
    assert kept_suffix("x.bin", (formats / "kh-36-thbtd.odt").read_bytes()) == ".odt"
    assert kept_suffix("x.odt", (formats / "kh-36-thbtd.docx").read_bytes()) == ".docx"
    assert kept_suffix("x.txt", (formats / "kh-36-thbtd.doc").read_bytes()) == ".doc"
    assert kept_suffix("x.md", b"# Heading\n") == ".md"
    assert kept_suffix("x.exe", b"plain text") == ""


def test_corrections_survive_reparsing(client) -> None:
    doc = upload(client, SEED).json()
    url = f"/api/documents/{doc['id']}"
    client.post(url + "/corrections", json={"field": "subject", "value": "Trích yếu đã sửa"})
    r = client.post(url + "/reparse")
    assert r.status_code == 200
    assert r.json()["id"] == doc["id"]
    assert r.json()["subject"] == "Trích yếu đã sửa"
    assert r.json()["source"]["path"] == "kh-36-thbtd.txt"
    client.post(url + "/corrections/undo", json={"field": "subject"})
    assert client.post("/api/documents/999999/reparse").status_code == 404
