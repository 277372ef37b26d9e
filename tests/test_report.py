"""`eventcoder report`: one self-contained HTML page, checked as HTML and in a real headless browser.

The browser test needs Debian's chromium and chromium-driver. Without them it skips, unless
EVENTCODER_REQUIRE_BROWSER=1 (set by .ci/run, which installs them), when it fails. Set
EVENTCODER_REPORT_SCREENSHOT=FILE.png to keep the browser's screenshot of the report.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import time

import pytest
from sample_warehouse import sample_warehouse, tiny_warehouse

from eventcoder.publish.report import PLOT_IDS, write_report
from flows.cli import main

NETWORK_SCHEMES = ("http:", "https:", "ws:", "wss:", "ftp:")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1300,1000",
)


@pytest.fixture(scope="module")
def tiny_report(tmp_path_factory) -> str:
    """The report page of a small hand-made warehouse."""
    root = tmp_path_factory.mktemp("report")
    out = write_report(tiny_warehouse(root / "tiny.duckdb"), root / "report.html")
    return out.read_text(encoding="utf-8")


def html_outside_scripts(page: str) -> str:
    """The page with the contents of its <script> elements removed."""
    return re.sub(r"(<script[^>]*>).*?(</script>)", r"\1\2", page, flags=re.DOTALL | re.IGNORECASE)


def test_report_has_every_plot_and_inlines_plotly_and_the_map_outlines(tiny_report):
    for plot_id in PLOT_IDS:
        assert f'id="{plot_id}"' in tiny_report
    assert 'window.PlotlyGeoAssets = {topojson: {"world_110m": {' in tiny_report
    assert len(tiny_report) > 4_000_000  # plotly.js itself is inlined
    assert "Event data report: tiny.duckdb" in tiny_report


def test_report_refers_to_nothing_outside_the_page(tiny_report):
    markup = html_outside_scripts(tiny_report)
    assert not re.search(r"<script[^>]*\bsrc\s*=", markup, re.IGNORECASE)
    assert not re.search(r"<link\b", markup, re.IGNORECASE)
    assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:)?//", markup, re.IGNORECASE)
    assert "@import" not in markup and "url(" not in markup


def test_report_of_an_empty_warehouse_still_renders(tmp_path):
    import duckdb

    from eventcoder.warehouse.views import create_views
    from schemas.ddl import all_ddl

    path = tmp_path / "empty.duckdb"
    con = duckdb.connect(str(path))
    for statement in all_ddl():
        con.execute(statement)
    create_views(con)
    con.close()
    page = write_report(path, tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "no refresh recorded" in page and all(f'id="{p}"' in page for p in PLOT_IDS)


def test_the_cli_writes_the_report(tmp_path, capsys):
    warehouse = tiny_warehouse(tmp_path / "tiny.duckdb")
    out = tmp_path / "site" / "report.html"
    assert main(["report", "--warehouse", str(warehouse), "--out", str(out)]) == 0
    assert out.is_file() and str(out) in capsys.readouterr().out


def browser_paths() -> tuple[str, str]:
    """Paths of chromium and chromedriver; skip (or fail under EVENTCODER_REQUIRE_BROWSER=1) without them."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if chromium and driver:
        return chromium, driver
    message = "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)"
    if os.environ.get("EVENTCODER_REQUIRE_BROWSER") == "1":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture
def browser(tmp_path, monkeypatch):
    """A headless Chromium driven by selenium, with browser and network logs, that never goes online."""
    chromium, driver_path = browser_paths()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    monkeypatch.setenv("SE_OFFLINE", "true")  # selenium manager must not look for drivers online
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path / 'chromium-profile'}")
    options.add_argument("--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def network_requests(driver) -> list[str]:
    """URLs the page asked the network for (http, https, ws...), from the performance log."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] in ("Network.requestWillBeSent", "Network.webSocketCreated"):
            params = message["params"]
            url = params["request"]["url"] if "request" in params else params["url"]
            if url.startswith(NETWORK_SCHEMES):
                urls.append(url)
    return urls


@pytest.mark.slow
def test_report_renders_in_a_headless_browser_without_network(request, tmp_path_factory, tmp_path, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    request.getfixturevalue("prefect_harness")  # only once the browser is known to be there
    warehouse = sample_warehouse(tmp_path_factory)
    report = write_report(warehouse, tmp_path / "report.html")
    browser.get(report.resolve().as_uri())
    rendered = ", ".join(f"#{p}.js-plotly-plot .main-svg" for p in PLOT_IDS)
    WebDriverWait(browser, 60).until(
        lambda d: (
            {e.get_attribute("id") for e in d.find_elements(By.CSS_SELECTOR, ".js-plotly-plot")}
            >= set(PLOT_IDS)
            and len(d.find_elements(By.CSS_SELECTOR, rendered)) >= len(PLOT_IDS)
        )
    )
    for plot_id in PLOT_IDS:
        assert browser.find_elements(By.CSS_SELECTOR, f"#{plot_id} .main-svg"), plot_id
    for layer in ("land", "countries", "coastlines"):  # outlines drawn from the inlined topojson
        paths = browser.find_elements(By.CSS_SELECTOR, f"#plot-event-map .geo .{layer} path")
        assert paths and len(paths[0].get_attribute("d") or "") > 1000, layer
    assert len(browser.find_elements(By.CSS_SELECTOR, "#plot-event-map .scattergeo .point")) > 0
    assert len(browser.find_elements(By.CSS_SELECTOR, "#plot-events-over-time .bars path")) > 0

    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(1300, height + 100)
    time.sleep(0.5)  # let plotly's responsive resize settle before the picture
    screenshot = tmp_path_factory.mktemp("report-screenshot") / "report.png"
    assert browser.save_screenshot(str(screenshot))
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and screenshot.stat().st_size > 50_000
    keep = os.environ.get("EVENTCODER_REPORT_SCREENSHOT")  # a path to keep the picture at, for a person
    if keep:
        shutil.copy(screenshot, keep)
    print(f"report screenshot: {keep or screenshot}")

    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []
    assert network_requests(browser) == []
