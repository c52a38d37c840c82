"""The district report as an officer sees it and prints it: the HTML page opened in headless
Chromium (selenium + chromedriver) and printed to PDF by Chromium itself. The matrix must fit the
printed page (A4 landscape), with every item column and the last column on it, the school names
in the rows, the item words behind the ids, and the unreadable file shown as such."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from vbparse.cli import main
from vbparse.plancheck.report import ParentPlan

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
PARENT = CORPUS / "checkeval" / "parent-118-kh-pgddt.txt"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"

pytestmark = pytest.mark.skipif(
    not CHROMIUM or not Path(DRIVER).exists(), reason="headless Chromium is not installed"
)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("schools")
    for child in sorted((CORPUS / "checkeval").glob("child-*-th-*")):
        if "hoa-nhon" not in child.name:  # a child of another parent
            shutil.copy(child, folder / child.name)
    (folder / "hong.txt").write_bytes(b"\x00\x01\x02 binary")
    out = folder.parent / "report.html"
    assert main(["check-batch", str(folder), "-p", str(PARENT), "-o", str(out), "--no-progress"])
    return out


def _driver():  # type: ignore[no-untyped-def]
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(arg)
    options.binary_location = CHROMIUM or ""
    return webdriver.Chrome(service=Service(DRIVER), options=options)


def test_the_page_names_schools_explains_items_and_marks_failures(
    report: Path, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By

    parent = ParentPlan.load(str(PARENT))
    driver = _driver()
    try:
        driver.set_window_size(1400, 1000)
        driver.get(report.as_uri())
        heads = driver.find_elements(By.CSS_SELECTOR, ".matrix thead th[title]")
        # Every item id carries the item's words (the browser shows them on hover).
        assert [h.text for h in heads] == [i.id for i in parent.items]
        assert [h.get_attribute("title") for h in heads] == [i.text for i in parent.items]
        legend = driver.find_element(By.CSS_SELECTOR, "details .legend").text
        assert all(i.text[:40] in legend for i in parent.items)
        rows = driver.find_elements(By.CSS_SELECTOR, ".matrix tbody tr")
        names = [r.find_element(By.TAG_NAME, "th").text for r in rows]
        assert names[0] == "hong" and all(n.startswith("Trường Tiểu học") for n in names[1:])
        # The unreadable file is first and is never coloured as covered.
        first = rows[0].find_elements(By.CSS_SELECTOR, "td.mark")
        assert first and all("failed" in c.get_attribute("class") for c in first)
        assert not rows[0].find_elements(By.CSS_SELECTOR, "td.covered")
        driver.save_screenshot(str(tmp_path / "report.png"))
        assert (tmp_path / "report.png").stat().st_size > 10_000
        # Printed (A4 landscape is 297 mm wide, 8 mm margins): the table fits the paper.
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        driver.set_window_size(int((297 - 16) / 25.4 * 96), 900)
        table = driver.execute_script(
            "const t = document.querySelector('.matrix table').getBoundingClientRect();"
            "return [t.right, document.documentElement.clientWidth];"
        )
        assert table[0] <= table[1] + 1, table
    finally:
        driver.quit()


def test_the_printed_pdf_is_landscape_and_keeps_every_column(report: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    subprocess.run(
        [
            CHROMIUM or "chromium",
            *("--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer"),
            f"--print-to-pdf={pdf}",
            report.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    size = next(line for line in info.splitlines() if line.startswith("Page size"))
    width, height = (float(x) for x in size.split(":")[1].split("pts")[0].split(" x "))
    assert width > height  # landscape
    first_page = subprocess.run(
        ["pdftotext", "-layout", "-f", "1", "-l", "1", str(pdf), "-"],
        capture_output=True,
        text=True,
    ).stdout
    parent = ParentPlan.load(str(PARENT))
    # Every item column and the last column of the matrix are on the page: nothing is cut.
    for item in parent.items:
        assert item.id in first_page, item.id
    assert "Vấn đề" in first_page and "Tỷ lệ" in first_page
    # The header row repeats on the next pages.
    pages = int(next(line for line in info.splitlines() if line.startswith("Pages")).split()[-1])
    if pages > 1:
        second = subprocess.run(
            ["pdftotext", "-layout", "-f", "2", "-l", "2", str(pdf), "-"],
            capture_output=True,
            text=True,
        ).stdout
        assert "Kế hoạch của đơn vị" in second or "Mục" in second
