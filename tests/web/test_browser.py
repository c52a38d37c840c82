"""The pages driven as a person would, in headless Chromium against `vbparse serve` started on a
free loopback port with a fresh registry.

Screenshots of each page go to $VBPARSE_SCREENSHOTS (docs/img when the documentation's images
are made again), else to the test's temporary folder.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from web_helpers import PLANS, SEED

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
pytestmark = pytest.mark.skipif(
    not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()),
    reason="needs chromium and chromedriver (scripts/install.sh installs them)",
)
SCHOOL_PLANS = (
    "child-clean-mn-thao-dien.txt",
    "child-gaps-th-an-phu.txt",
    "child-errors-thcs-binh-an.txt",
)
SCHOOLS = ("TRƯỜNG MẦM NON THẢO ĐIỀN", "TRƯỜNG TIỂU HỌC AN PHÚ", "TRƯỜNG TRUNG HỌC CƠ SỞ BÌNH AN")


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1366,900", "--lang=vi"):  # fmt: skip
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = os.environ.get("VBPARSE_SCREENSHOTS")
    target = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    target.mkdir(parents=True, exist_ok=True)
    return target


def wait_for(driver, css: str, timeout: float = 60):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(
        ec.presence_of_element_located((By.CSS_SELECTOR, css))
    )


def upload_seed(driver, base: str) -> None:
    """Nhập văn bản: choose the seed, import, follow the result's link."""
    driver.get(base + "/")
    driver.find_element("id", "files").send_keys(str(SEED))
    driver.find_element("css selector", "#upload-form button[type=submit]").click()
    link = wait_for(driver, "#progress a.result")
    assert link.text == "36/KH-THBTD"
    link.click()
    wait_for(driver, "#fields")


def field_value(driver, field: str) -> str:
    return driver.find_element("css selector", f'tr[data-field="{field}"] .value').text


def test_the_clerks_and_the_officers_day(browser, live_server, shots: Path) -> None:
    base = live_server.address
    driver = browser

    # Upload the seed: its page shows the number and the signer.
    upload_seed(driver, base)
    body = driver.find_element("tag name", "body").text
    assert "36/KH-THBTD" in body
    assert "Nguyễn Thị Lệ Hằng" in body
    doc_url = driver.current_url

    # A click on the signer highlights the source line it came from.
    driver.find_element("css selector", 'tr[data-field="signer.name"] .value').click()
    marked = driver.find_elements("css selector", "#lines li.hl")
    assert len(marked) == 1
    assert "Nguyễn Thị Lệ Hằng" in marked[0].text
    driver.save_screenshot(str(shots / "document-page.png"))

    # Correct the signer's title in place.
    row = driver.find_element("css selector", 'tr[data-field="signer.title"]')
    row.find_element("css selector", "button.edit").click()
    box = row.find_element("css selector", "form.correct input[name=value]")
    box.clear()
    box.send_keys("Hiệu trưởng Trường Tiểu học Bình Trung Đông")
    row.find_element("css selector", "form.correct button.save").click()
    wait_for(driver, 'tr.corrected[data-field="signer.title"]')
    assert field_value(driver, "signer.title") == "Hiệu trưởng Trường Tiểu học Bình Trung Đông"
    # It persists after a reload …
    driver.get(doc_url)
    assert field_value(driver, "signer.title") == "Hiệu trưởng Trường Tiểu học Bình Trung Đông"
    history = driver.find_element("css selector", "table.history").text
    assert "Hiệu trưởng" in history
    # … after the file is parsed again …
    driver.find_element("id", "reparse").click()
    wait_for(driver, 'tr.corrected[data-field="signer.title"]')
    assert field_value(driver, "signer.title") == "Hiệu trưởng Trường Tiểu học Bình Trung Đông"
    # … and after the same file is uploaded again.
    upload_seed(driver, base)
    assert field_value(driver, "signer.title") == "Hiệu trưởng Trường Tiểu học Bình Trung Đông"
    assert driver.find_elements("css selector", 'tr[data-field="signer.title"] .badge')
    driver.save_screenshot(str(shots / "document-corrected.png"))
    # The same page in English, then back to Vietnamese.
    driver.get(doc_url + "?lang=en")
    assert "Signer's title" in driver.find_element("id", "fields").text
    assert "Inferred from the text" in driver.find_element("tag name", "body").text
    driver.save_screenshot(str(shots / "document-page-en.png"))
    driver.get(doc_url + "?lang=vi")
    assert "Chức vụ người ký" in driver.find_element("id", "fields").text

    # Kiểm tra kế hoạch: the district plan and three school plans.
    driver.get(base + "/check")
    driver.find_element("id", "parent").send_keys(str(PLANS / "parent-253-kh-gddt.txt"))
    driver.find_element("id", "children").send_keys("\n".join(str(PLANS / n) for n in SCHOOL_PLANS))
    driver.find_element("css selector", "#check-form button[type=submit]").click()
    matrix = wait_for(driver, "#matrix", timeout=120)
    schools = [th.text.split("\n")[0] for th in matrix.find_elements("css selector", "th.school")]
    assert schools == list(SCHOOLS)
    legend = driver.find_element("id", "legend")
    items = [th.text for th in matrix.find_elements("css selector", "thead th")][1:-1]
    assert items and [th.text for th in legend.find_elements("css selector", "th")] == items
    assert all(len(td.text) > 20 for td in legend.find_elements("css selector", "td"))
    key = driver.find_element("css selector", "p.key").text
    assert "đã thực hiện" in key and "chưa thực hiện" in key
    driver.execute_script("document.getElementById('report').scrollIntoView()")
    driver.save_screenshot(str(shots / "check-page.png"))

    # Tra cứu: "dân vận" finds the seed.
    driver.get(base + "/search")
    driver.find_element("id", "q").send_keys("dân vận")
    driver.find_element("css selector", "#search-form button[type=submit]").click()
    wait_for(driver, "#hits")
    hrefs = [a.get_attribute("href") for a in driver.find_elements("css selector", "#hits a.hit")]
    assert doc_url in hrefs
    driver.save_screenshot(str(shots / "search-page.png"))


def test_a_bad_file_says_why(browser, live_server, shots: Path, tmp_path: Path) -> None:
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.4\n" + b"\x00broken" * 100)
    browser.get(live_server.address + "/")
    browser.find_element("id", "files").send_keys(f"{bad}\n{SEED}")
    browser.find_element("css selector", "#upload-form button[type=submit]").click()
    wait_for(browser, "#progress li.failed .reason")
    wait_for(browser, "#progress a.result")
    lines = browser.find_element("id", "progress").text.splitlines()
    assert any(line.startswith("scan.pdf — không đọc được: scan.pdf: ") for line in lines)
    assert any(line.startswith("kh-36-thbtd.txt — 36/KH-THBTD") for line in lines)
    browser.save_screenshot(str(shots / "upload-page.png"))
