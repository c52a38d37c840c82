"""The pages through FastAPI's TestClient: escaping, language, forms with their CSRF token,
corrections and undo, the plan check and its downloads."""

from __future__ import annotations

import csv
import io
import re

from web_helpers import PLANS, SEED

HTML = {"Accept": "text/html"}


def csrf_of(page: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', page)
    assert found, "the page has no form with a CSRF token"
    return found.group(1)


def import_file(client, name: str, data: bytes) -> int:
    page = client.get("/")
    r = client.post("/upload", data={"csrf": csrf_of(page.text)}, files=[("files", (name, data))])
    assert r.status_code == 200, r.text
    found = re.search(r'href="/documents/(\d+)"', r.text)
    assert found, r.text
    return int(found.group(1))


def test_document_content_is_escaped(client) -> None:
    text = SEED.read_text(encoding="utf-8")
    subject = "Triển khai công tác dân vận của chính quyền"
    assert subject in text
    hostile = text.replace(subject, '<script>alert("x")</script> ' + subject, 1)
    doc_id = import_file(client, "<img src=x onerror=alert(1)>.txt", hostile.encode("utf-8"))
    page = client.get(f"/documents/{doc_id}", headers=HTML)
    assert page.status_code == 200
    assert "<script>alert" not in page.text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page.text
    assert "<img src=x" not in page.text
    search = client.get("/search", params={"q": "alert"}, headers=HTML)
    assert "<script>alert" not in search.text and "&lt;script&gt;" in search.text


def test_pages_speak_vietnamese_and_english(client) -> None:
    vi = client.get("/", headers=HTML)
    assert '<html lang="vi">' in vi.text and "Nhập văn bản" in vi.text
    en = client.get("/?lang=en", headers=HTML)
    assert '<html lang="en">' in en.text and "Import documents" in en.text
    # The choice is remembered for the next page.
    assert "Search documents" in client.get("/search", headers=HTML).text
    client.get("/?lang=vi")
    assert "Tra cứu văn bản" in client.get("/search", headers=HTML).text


def test_correct_and_undo_through_the_form(client) -> None:
    doc_id = import_file(client, "seed.txt", SEED.read_bytes())
    page = client.get(f"/documents/{doc_id}", headers=HTML).text
    assert 'data-field="signer.name" data-lines="39"' in page
    assert '<li id="L39">Nguyễn Thị Lệ Hằng</li>' in page
    token = csrf_of(page)
    r = client.post(
        f"/documents/{doc_id}/corrections",
        data={"csrf": token, "field": "issuer.parent", "value": "  UBND QUẬN 2  "},
        follow_redirects=False,
    )
    assert r.status_code == 303
    page = client.get(f"/documents/{doc_id}", headers=HTML).text
    assert 'class="field corrected"' in page and "UBND QUẬN 2" in page
    assert client.get(f"/api/documents/{doc_id}").json()["issuer"]["parent"] == "UBND QUẬN 2"
    r = client.post(f"/documents/{doc_id}/undo", data={"csrf": token, "field": "issuer.parent"})
    assert r.status_code == 200
    got = client.get(f"/api/documents/{doc_id}").json()
    assert got["issuer"]["parent"] is None
    assert [c["undone_at"] is not None for c in got["corrections"]] == [True]
    # A stale token is refused with a page that says why.
    r = client.post(
        f"/documents/{doc_id}/corrections",
        data={"csrf": "stale", "field": "subject", "value": "x"},
        headers=HTML,
    )
    assert r.status_code == 403 and "security token" in r.text


def test_lint_findings_are_listed_with_their_lines(client) -> None:
    doc_id = import_file(client, "seed.txt", SEED.read_bytes())
    page = client.get(f"/documents/{doc_id}", headers=HTML).text
    # The seed has no Quốc hiệu: the form check says so, on the first line.
    assert "missing_component" in page
    assert re.search(r'class="finding error" data-lines="\d+"', page)


def test_missing_document_page_is_a_404_page(client) -> None:
    r = client.get("/documents/424242", headers=HTML)
    assert r.status_code == 404
    assert "<h1>Có lỗi</h1>" in r.text


def test_check_page_and_downloads(client) -> None:
    page = client.get("/check", headers=HTML).text
    names = ["child-clean-mn-thao-dien.txt", "child-deadline-mn-cat-lai.txt"]
    files = [("parent", ("253.txt", (PLANS / "parent-253-kh-gddt.txt").read_bytes()))]
    files += [("children", (n, (PLANS / n).read_bytes())) for n in names]
    r = client.post("/check", data={"csrf": csrf_of(page)}, files=files, headers=HTML)
    assert r.status_code == 200, r.text
    assert 'id="matrix"' in r.text and 'id="legend"' in r.text
    assert "TRƯỜNG MẦM NON THẢO ĐIỀN" in r.text
    links = re.findall(r'href="(/check/[^"]+/report\.(?:xlsx|csv|html))"', r.text)
    assert len(links) == 3
    downloads = {link.rsplit(".", 1)[1]: client.get(link) for link in links}
    assert all(d.status_code == 200 for d in downloads.values())
    assert downloads["xlsx"].content.startswith(b"PK")
    rows = list(csv.reader(io.StringIO(downloads["csv"].content.decode("utf-8-sig"))))
    assert sorted(row[1] for row in rows[1:3]) == sorted(names)  # worst first
    assert "<table" in downloads["html"].text
    assert client.get("/check/unknown/report.csv").status_code == 404


def test_check_with_plans_from_the_registry(client) -> None:
    ids = {
        name: import_file(client, name, (PLANS / name).read_bytes())
        for name in (
            "parent-253-kh-gddt.txt",
            "child-gaps-th-an-phu.txt",
            "child-seed-36-thbtd.txt",
        )
    }
    page = client.get("/check", headers=HTML).text
    assert f'<option value="{ids["parent-253-kh-gddt.txt"]}">' in page
    r = client.post(
        "/check",
        data={
            "csrf": csrf_of(page),
            "parent_id": str(ids["parent-253-kh-gddt.txt"]),
            "child_ids": [
                str(ids["child-gaps-th-an-phu.txt"]),
                str(ids["child-seed-36-thbtd.txt"]),
            ],
        },
        headers=HTML,
    )
    assert r.status_code == 200, r.text
    schools = re.findall(r'<th scope="row" class="school">([^<]+)<small>', r.text)
    assert schools == ["TRƯỜNG TIỂU HỌC AN PHÚ", "Trường Tiểu học Bình Trung Đông"]


def test_document_page_links_outline_and_bases_to_lines(client) -> None:
    doc_id = import_file(client, "seed.txt", SEED.read_bytes())
    page = client.get(f"/documents/{doc_id}", headers=HTML).text
    assert re.search(r'class="linked" data-lines="\d+" tabindex="0">kế hoạch số 253', page)
    assert re.search(r'class="linked" data-lines="\d+" tabindex="0"><b>I\.</b>', page)
