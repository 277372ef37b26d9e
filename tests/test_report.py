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

import pandas as pd
import pytest
from sample_warehouse import sample_warehouse, tiny_warehouse

from eventcoder.publish.report import (
    PLOT_IDS,
    event_map_figure,
    events_over_time_figure,
    map_outliers,
    write_report,
)
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


def test_report_has_the_events_table_countries_and_coding_quality(tiny_report):
    assert '<table id="events-table"' in tiny_report and 'id="events-filter"' in tiny_report
    assert tiny_report.count("<tr data-country=") == 3  # every event of the tiny warehouse is the latest
    assert 'id="country-PAK"' in tiny_report and 'id="sourcing-quality"' in tiny_report
    assert "Coding quality" in tiny_report


def test_events_over_time_has_weekly_bars_first_and_a_monthly_toggle():
    df = pd.DataFrame(
        {
            "bin": ["week", "week", "month"],
            "period": pd.to_datetime(["2022-09-12", "2022-09-26", "2022-09-01"]),
            "event_type": ["attack", "attack", "attack"],
            "events": [1, 2, 3],
            "fatalities": [0, 1, 1],
        }
    )
    fig = events_over_time_figure(df)
    assert [t.visible for t in fig.data] == [True, False]
    assert [len(t.x) for t in fig.data] == [2, 1]
    assert [b.label for b in fig.layout.updatemenus[0].buttons] == ["per week", "per month"]


def test_one_far_event_is_listed_and_does_not_stretch_the_map():
    lat = [34.5, 34.0, 33.6, 31.5, 30.2, 35.0, 34.48]  # Afghanistan and Pakistan, then one in Japan
    lon = [69.2, 71.5, 73.0, 74.3, 67.0, 69.0, 136.84]
    points = pd.DataFrame({"latitude": lat, "longitude": lon, "event_type": "attack", "fatalities": 1})
    points = points.assign(place="x", country="y", event_date=None, sub_event_type="s", actor1=None)
    points = points.assign(actor2=None, geo_precision=1)
    outliers = map_outliers(points)
    assert list(outliers) == [False] * 6 + [True]
    geo = event_map_figure(points, outliers).layout.geo
    assert geo.lonaxis.range[1] < 90 and geo.lataxis.range[0] > 20


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


def x_title(browser) -> str:
    """The title of the events-over-time plot's x axis, as plotly.js holds it."""
    return browser.execute_script(
        "return document.getElementById('plot-events-over-time').layout.xaxis.title.text"
    )


def check_weekly_bins_and_monthly_toggle(browser) -> None:
    """Weekly bars first; the 'per month' button shows the monthly ones."""
    from selenium.webdriver.support.ui import WebDriverWait

    buttons = browser.find_elements("css selector", "#plot-events-over-time .updatemenu-button")
    assert len(buttons) == 2 and x_title(browser) == "week of the event"
    browser.execute_script(
        "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))",
        buttons[1],
    )
    WebDriverWait(browser, 10).until(lambda d: x_title(d) == "month of the event")
    visible = browser.execute_script(
        "return document.getElementById('plot-events-over-time').data"
        ".filter(function (t) { return t.visible === true; }).map(function (t) { return t.x.length; })"
    )
    assert visible and all(n > 0 for n in visible)


def check_events_table_sorts_and_filters(browser) -> None:
    """The events table renders rows, sorts by the number killed and filters by a word."""
    from selenium.webdriver.common.by import By

    table = browser.find_element(By.ID, "events-table")
    rows = table.find_elements(By.CSS_SELECTOR, "tbody tr")
    assert rows and table.is_displayed()
    killed = table.find_elements(By.CSS_SELECTOR, "thead th")[5]
    browser.execute_script("arguments[0].scrollIntoView()", killed)
    killed.click()
    assert killed.get_attribute("aria-sort") == "descending"
    values = [int(v) if v else -1 for v in (r.find_elements(By.TAG_NAME, "td")[5].text for r in rows)]
    shown = [
        int(r.find_elements(By.TAG_NAME, "td")[5].text or -1)
        for r in table.find_elements(By.CSS_SELECTOR, "tbody tr")
    ]
    assert shown == sorted(values, reverse=True)
    word = table.find_element(By.CSS_SELECTOR, "tbody tr td:nth-child(3)").text.split()[0]
    browser.find_element(By.ID, "events-filter").send_keys(word)
    visible = [r for r in table.find_elements(By.CSS_SELECTOR, "tbody tr") if r.is_displayed()]
    assert 0 < len(visible) <= len(rows)
    assert all(word.lower() in r.text.lower() for r in visible)
    assert f"{len(visible)} of {len(rows)} events" == browser.find_element(By.ID, "events-count").text


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
    # outlines drawn from the inlined topojson; the map is zoomed to the events, so land may be one rectangle
    for layer in ("land", "countries"):
        paths = browser.find_elements(By.CSS_SELECTOR, f"#plot-event-map .geo .{layer} path")
        assert paths and all(p.get_attribute("d") for p in paths), layer
    borders = browser.find_elements(By.CSS_SELECTOR, "#plot-event-map .geo .countries path")
    assert sum(len(p.get_attribute("d") or "") for p in borders) > 1000
    zoom = browser.execute_script("return document.getElementById('plot-event-map').layout.geo.lonaxis.range")
    assert zoom and zoom[1] - zoom[0] < 90  # zoomed to where the events are, not the whole world
    assert len(browser.find_elements(By.CSS_SELECTOR, "#plot-event-map .scattergeo .point")) > 0
    assert len(browser.find_elements(By.CSS_SELECTOR, "#plot-events-over-time .bars path")) > 0
    check_weekly_bins_and_monthly_toggle(browser)
    check_events_table_sorts_and_filters(browser)
    assert browser.find_elements(By.CSS_SELECTOR, "section.country .figure .value")
    assert browser.find_element(By.ID, "sourcing-quality").is_displayed()

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
