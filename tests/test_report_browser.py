"""The HTML report in a real headless browser (Chromium through selenium):
the outline, a click that scrolls the text into view, the red of unmatched
text, no alert from a hostile filing, no network request, the page without
JavaScript, the batch index; screenshots land in build/.

One browser session for the module (a few seconds to start); marked slow,
so ``make test`` leaves them out and ``make test-slow`` (CI) runs them.
Without chromium, chromium-driver or selenium they skip and say which.
"""

from __future__ import annotations

import json
import pathlib

import pytest

from filing_grammar.cli import main

from . import browser
from .conftest import ROOT, SAMPLES
from .test_report import HOSTILE_LINES, HTML_8K, SEED, SEED2, STRAY_TAG, hostile_text

pytestmark = pytest.mark.slow

BUILD = ROOT / "build"
BROKEN = sorted(p for p in (SAMPLES / "broken").glob("*.txt") if p.name.count(".") == 1)


@pytest.fixture(scope="module")
def driver():
    d = browser.start()
    yield d
    browser.stop(d)


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """Report pages of the seeds, an HTML 8-K, the stray tag and a hostile
    filing; a batch of them with its index."""
    out = tmp_path_factory.mktemp("reports")
    hostile = out / "hostile.txt"
    hostile.write_text(hostile_text())
    html = HTML_8K.read_text()
    at = html.index("<p", html.index("5.02 Departure"))
    hostile_html = out / "hostile.htm"
    hostile_html.write_text(html[:at] + "<p>&lt;script&gt;alert(4)&lt;/script&gt;</p><script>alert(5)</script>"
                            + '<img src="http://127.0.0.1:9/x.png">' + html[at:])
    made = {}
    for key, path in (("seed", SEED), ("seed2", SEED2), ("html", HTML_8K), ("stray", STRAY_TAG),
                      ("hostile", hostile), ("hostile_html", hostile_html),
                      ("diagnostics", SAMPLES / "broken" / "03_unknown_item_2_07.txt")):
        made[key] = out / f"{key}.html"
        assert main(["report", str(path), "-o", str(made[key])]) in (0, 1)
    batch = out / "batch"
    batch.mkdir()
    for path in (SEED, SEED2, HTML_8K, STRAY_TAG, *BROKEN[:6]):
        (batch / path.name).write_bytes(path.read_bytes())
    site = out / "site"
    assert main(["report", str(batch), "-o", str(site)]) in (0, 1)
    made["batch"] = sorted(p.name for p in batch.iterdir())
    made["index"] = site / "index.html"
    return made


def load(driver, page: pathlib.Path, fragment: str = "") -> None:
    driver.get(page.resolve().as_uri() + fragment)
    driver.get_log("performance")  # (what came before this page is not its)


def in_viewport(driver, element) -> bool:
    return driver.execute_script(
        "var r = arguments[0].getBoundingClientRect();"
        "return r.top >= 0 && r.top < window.innerHeight && r.bottom > 0;", element)


def computed(driver, element, prop: str) -> str:
    return driver.execute_script("return getComputedStyle(arguments[0]).getPropertyValue(arguments[1])",
                                 element, prop)


def shot(driver, name: str) -> pathlib.Path:
    BUILD.mkdir(exist_ok=True)
    path = BUILD / name
    driver.save_screenshot(str(path))
    assert path.stat().st_size > 10_000
    return path


@pytest.mark.parametrize("key, numbers", [("seed", ["5", "7"]), ("seed2", ["5", "7"])])
def test_outline_has_a_node_per_item(driver, pages, key, numbers):
    from selenium.webdriver.common.by import By
    load(driver, pages[key])
    nodes = driver.find_elements(By.CSS_SELECTOR, '#outline a[data-rule="item"]')
    assert [n.text.split(" Item ")[1].split(".")[0] for n in nodes] == numbers
    assert all(n.is_displayed() for n in nodes)


def test_clicking_item_7_scrolls_its_text_into_view_and_marks_it(driver, pages):
    from selenium.webdriver.common.by import By
    load(driver, pages["seed"])
    shot(driver, "report-seed.png")
    link = next(a for a in driver.find_elements(By.CSS_SELECTOR, '#outline a[data-rule="item"]')
                if "Item 7" in a.text)
    target = driver.find_element(By.ID, link.get_attribute("href").split("#")[1])
    assert "Item 7." in target.text
    assert not in_viewport(driver, target)  # below the fold before the click
    link.click()
    assert in_viewport(driver, target)
    assert computed(driver, target, "background-color") == "rgb(255, 248, 197)"  # :target's highlight
    assert "current" in link.get_attribute("class")  # the script marks the outline entry
    shot(driver, "report-seed-item7.png")


def test_unmatched_text_is_red_and_its_diagnostic_is_shown(driver, pages):
    from selenium.webdriver.common.by import By
    load(driver, pages["stray"], "#d0")
    text = driver.find_element(By.CSS_SELECTOR, ".g-unmatched .t")
    assert text.text == "<FILENAME>ex99-1.txt"
    assert computed(driver, text, "color") == "rgb(179, 38, 30)"  # --unmatched-ink
    diag = driver.find_element(By.ID, "d0")
    assert diag.is_displayed() and in_viewport(driver, diag)
    assert "FG601" in diag.text and "cannot stand here" in diag.text
    shot(driver, "report-unmatched.png")


def test_diagnostics_are_listed_and_marked_at_their_lines(driver, pages):
    from selenium.webdriver.common.by import By
    load(driver, pages["diagnostics"])
    listed = driver.find_elements(By.CSS_SELECTOR, "#diagnostics ol.diags a")
    assert [a.text.split()[1] for a in listed] == ["FG103", "FG103", "FG302"]
    shot(driver, "report-diagnostics.png")
    listed[2].click()
    box = driver.find_element(By.ID, "d2")
    assert in_viewport(driver, box) and "FG302" in box.text and "note: Form 8-K has decimal items" in box.text
    assert computed(driver, box, "border-left-color") == "rgb(207, 34, 46)"  # an error's red
    marks = driver.find_elements(By.CSS_SELECTOR, "mark.s-error")
    assert marks and marks[0].text


@pytest.mark.parametrize("key", ["hostile", "hostile_html"])
def test_a_hostile_filing_runs_nothing(driver, pages, key):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By
    load(driver, pages[key])
    driver.execute_script("return 1")  # a round trip: the page has settled
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text
    assert driver.execute_script("return [document.scripts.length, document.images.length,"
                                 " document.querySelectorAll('svg, iframe, object').length]") == [1, 0, 0]
    body = driver.find_element(By.TAG_NAME, "body").text
    if key == "hostile":
        assert all(line in body for line in HOSTILE_LINES)
    else:
        assert "<script>alert(4)</script>" in body


def _requests(driver) -> list[str]:
    """The URLs the page asked for, from Chrome's performance log, less
    those the Content Security Policy blocked before they were sent."""
    urls, blocked = {}, set()
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        params = message.get("params", {})
        if message["method"] == "Network.requestWillBeSent":
            urls[params["requestId"]] = params["request"]["url"]
        elif message["method"] == "Network.loadingFailed" and params.get("blockedReason") == "csp":
            blocked.add(params["requestId"])
    return [url for rid, url in urls.items() if rid not in blocked]


@pytest.mark.parametrize("key", ["seed", "html", "hostile_html", "index"])
def test_the_page_makes_no_network_request(driver, pages, key):
    driver.get_log("performance")
    driver.get(pages[key].resolve().as_uri())
    assert driver.execute_script("return performance.getEntriesByType('resource').length") == 0
    assert [u for u in _requests(driver) if not u.startswith("file://")] == []


def test_the_policy_blocks_what_a_page_would_fetch(driver, pages):
    """An image added after load (as injected markup would) is refused by
    the Content Security Policy before any request is made."""
    load(driver, pages["seed"])
    violated = driver.execute_async_script(
        "var done = arguments[0];"
        "document.addEventListener('securitypolicyviolation', function (e) { done(e.violatedDirective); });"
        "var i = document.createElement('img'); i.src = 'http://127.0.0.1:9/x.png'; document.body.appendChild(i);")
    assert violated == "img-src"
    assert [u for u in _requests(driver) if u.startswith("http")] == []


def test_an_html_8k_report(driver, pages):
    from selenium.webdriver.common.by import By
    load(driver, pages["html"])
    shot(driver, "report-html-8k.png")
    first = driver.find_element(By.CSS_SELECTOR, ".l .h")
    href = first.get_attribute("href").split("#")[1]
    first.click()
    source = driver.find_element(By.ID, href)
    assert source.is_displayed() and in_viewport(driver, source)  # its <details> opened
    assert driver.find_elements(By.CSS_SELECTOR, '#outline a[data-rule="item"]')


def test_the_index_sorts_and_charts(driver, pages):
    from selenium.webdriver.common.by import By
    load(driver, pages["index"])
    rows = driver.find_elements(By.CSS_SELECTOR, "table.index tbody tr")
    assert len(rows) == len(pages["batch"]) == 10
    bars = driver.find_elements(By.CSS_SELECTOR, "svg.chart rect")
    assert bars
    errors = driver.find_element(By.XPATH, "//th[button[text()='errors']]/button")
    errors.click()
    first = driver.find_element(By.CSS_SELECTOR, "table.index tbody tr td:nth-child(5)").text
    assert first == str(max(int(r.find_elements(By.TAG_NAME, "td")[4].text or 0)
                            for r in driver.find_elements(By.CSS_SELECTOR, "table.index tbody tr")
                            if r.find_elements(By.TAG_NAME, "td")[4].text.isdigit()))
    driver.execute_script("window.scrollTo(0, 0)")
    shot(driver, "report-index.png")


def test_the_page_reads_without_javascript(pages):
    """With scripts off the text, the outline and the records are there,
    and the outline still folds (<details>)."""
    d = browser.start(javascript=False)  # skips where selenium or a browser is missing
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    try:
        load(d, pages["seed"])
        assert "SECURITIES AND EXCHANGE COMMISSION" in d.find_element(By.ID, "text").text
        assert not d.find_elements(By.CSS_SELECTOR, "#outline .tools")  # the script did not run
        details = d.find_element(By.XPATH, "//nav[@id='outline']//a[@data-rule='cover_page']/ancestor::details[1]")
        assert details.get_attribute("open") is not None
        summary = details.find_element(By.TAG_NAME, "summary")
        # its marker (the triangle), left of the link the rest of it holds
        ActionChains(d).move_to_element_with_offset(summary, -summary.size["width"] // 2 + 4, 0).click().perform()
        assert details.get_attribute("open") is None
        assert not d.find_element(By.CSS_SELECTOR, '#outline a[data-rule="cover_heading"]').is_displayed()
        link = next(a for a in d.find_elements(By.CSS_SELECTOR, '#outline a[data-rule="item"]')
                    if "Item 7" in a.text)
        link.click()
        assert in_viewport(d, d.find_element(By.ID, link.get_attribute("href").split("#")[1]))
    finally:
        browser.stop(d)
