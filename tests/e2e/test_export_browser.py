"""The standalone HTML report in headless Chromium with every non-file request blocked."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from sourcetrace import export
from sourcetrace import walkthrough as wt
from tests.e2e.conftest import ARTIFACTS
from tests.helpers import span_of

pytestmark = pytest.mark.e2e


@pytest.fixture
def offline_report(bundled_analysis, tmp_path: Path, browser):
    """(page, blocked request urls, analysis) with the bundled article's report loaded from a file."""
    path = tmp_path / "report.html"
    path.write_text(export.to_html(bundled_analysis), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    blocked: list[str] = []

    def only_files(route) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", only_files)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    yield page, blocked, errors, bundled_analysis
    context.close()


def test_report_shows_network_timeline_and_claims_offline(offline_report) -> None:
    page, blocked, errors, analysis = offline_report
    page.wait_for_selector("#network canvas", timeout=20_000)
    page.wait_for_selector("#timeline .main-svg", timeout=20_000)
    page.wait_for_selector("#network[data-ready='1']", timeout=30_000)  # physics settled
    assert blocked == []
    assert errors == []
    assert page.locator("#network canvas").count() == 1
    # one plotly mark per event (points and bars), the claims listed in reading order
    marks = page.locator("#timeline .scatterlayer .point, #timeline .barlayer .point").count()
    assert marks == len(analysis.events)
    assert page.locator("li.claim-item").count() == len(wt.reading_order(analysis))
    first = wt.reading_order(analysis)[0]
    assert page.locator("li.claim-item blockquote").first.inner_text() == " ".join(first.content.text.split())
    # the highlighted article, without its claim numbers, is the article text exactly
    shown = page.evaluate(
        "() => { const a = document.querySelector('.article').cloneNode(true);"
        " a.querySelectorAll('a.cn').forEach(n => n.remove()); return a.textContent; }"
    )
    assert shown == analysis.article.text
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "export-report.png"), full_page=True)


def test_report_slides_step_with_buttons_and_arrows(offline_report) -> None:
    page, _, _, analysis = offline_report
    total = len(wt.visible(wt.build_steps(analysis)))
    counter = page.locator("#counter")
    assert counter.inner_text() == f"1 / {total}"
    page.click("#next")
    page.click("#next")
    assert counter.inner_text() == f"3 / {total}"
    page.focus("#slides")
    page.keyboard.press("ArrowLeft")
    assert counter.inner_text() == f"2 / {total}"
    assert page.locator(".slide:not([hidden]) h3").inner_text() == "Key actors"
    page.keyboard.press("End")
    assert counter.inner_text() == f"{total} / {total}"
    assert page.locator(".slide:not([hidden]) h3").inner_text() == "How the claims are sourced"
    page.locator("#sec-walkthrough").screenshot(path=str(ARTIFACTS / "export-slide.png"))


def _hostile_analysis():
    """Article text, names and labels crafted to break out of the page; all must show as text."""
    from sourcetrace.model import Actor, Analysis, Article, ChainLink, Claim, Event
    evil = "</script><img src=x onerror=alert(1)><script>alert(2)</script><!--"
    text = f"{evil} said the minister on May 3, 2007. {evil} was reported."

    def span(fragment: str, nth: int = 0):
        return span_of(text, fragment, nth)

    return Analysis(
        article=Article(text=text, title=evil, publisher=evil, published="2007-05-04", content_hash="x"),
        actors=[Actor(id="a1", name=evil, type="PERSON", kind="named", mentions=[span(evil)])],
        events=[
            Event(id="e1", label=evil, start="2007-05-03", end="2007-05-03", precision="day",
                  evidence=span("May 3, 2007"), actors=["a1"])
        ],
        claims=[
            Claim(id="c1", content=span(evil, 1), chain=[ChainLink(label=evil, kind="publisher")],
                  events=["e1"])
        ],
    )  # fmt: skip


def test_hostile_text_stays_text_in_the_browser(tmp_path: Path, browser) -> None:
    analysis = _hostile_analysis()
    path = tmp_path / "hostile.html"
    path.write_text(export.to_html(analysis), encoding="utf-8")
    context = browser.new_context()
    context.route(
        "**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort()
    )
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(path.as_uri())
    page.wait_for_selector("#timeline .main-svg", timeout=20_000)
    page.wait_for_selector("#network canvas", timeout=20_000)
    assert dialogs == []
    # no injected element: the only images are the report's own print pictures (data: URLs)
    assert page.locator("img:not(.print-picture)").count() == 0
    sources = page.locator("img").evaluate_all("es => es.map(e => e.src)")
    assert all(src.startswith("data:image/") for src in sources)
    assert page.locator("h1").inner_text() == analysis.article.title
    assert page.locator("li.claim-item blockquote").inner_text() == analysis.claims[0].content.text
    context.close()


def test_report_slides_light_the_step_actors(offline_report) -> None:
    page, _, errors, analysis = offline_report
    steps = wt.visible(wt.build_steps(analysis))
    page.wait_for_selector("#slide-network canvas", timeout=20_000)
    lit = page.locator("#slide-network")
    assert lit.get_attribute("data-lit") == " ".join(steps[0].actors)
    page.click("#next")
    page.click("#next")
    assert lit.get_attribute("data-lit") == " ".join(steps[2].actors)
    assert errors == []
    page.locator("#sec-walkthrough").screenshot(path=str(ARTIFACTS / "export-slide-claim.png"))


# ---------------------------------------------------------------- print (issue 12, point 13)


def _pdf_pages(pdf: bytes) -> list[str]:
    from io import BytesIO

    from pypdf import PdfReader

    return [_words(p.extract_text() or "") for p in PdfReader(BytesIO(pdf)).pages]


def _words(text: str) -> str:
    """Whitespace runs as one space, ligatures (ﬃ) as their letters: how the PDF's text compares."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def test_report_prints_whole_article_steps_on_their_own_pages_and_claims(offline_report) -> None:
    page, blocked, errors, analysis = offline_report
    page.wait_for_selector("#network[data-ready='1']", timeout=30_000)
    page.wait_for_selector("img.print-picture[alt^='Timeline']", state="attached", timeout=20_000)
    page.wait_for_selector("img.print-picture[alt^='Network']", state="attached", timeout=20_000)
    page.emulate_media(media="print")
    layout = page.evaluate(
        """() => {
        const a = document.querySelector('.article');
        const slides = [...document.querySelectorAll('#slides .slide')];
        const shown = (e) => getComputedStyle(e).display !== 'none';
        return {
          article: [a.scrollHeight, a.clientHeight, getComputedStyle(a).overflowY],
          slides: slides.map((s) => [shown(s), getComputedStyle(s).breakBefore]),
          nav: shown(document.querySelector('nav')), controls: shown(document.querySelector('.controls')),
          pictures: [...document.querySelectorAll('img.print-picture')]
            .map((i) => [shown(i), i.naturalWidth > 0]),
          live: [shown(document.getElementById('network')), shown(document.getElementById('timeline'))],
        };
    }"""
    )
    # the article box is not clipped: it is as tall as its text
    assert layout["article"][0] == layout["article"][1] and layout["article"][2] == "visible", layout
    steps = wt.visible(wt.build_steps(analysis))
    assert layout["slides"] == [[True, "page"]] * len(steps)
    assert (layout["nav"], layout["controls"], layout["live"]) == (False, False, [False, False])
    assert layout["pictures"] == [[True, True], [True, True]]
    page.set_viewport_size({"width": 794, "height": 1123})  # an A4 page's width at 96 dpi, to look at
    page.screenshot(path=str(ARTIFACTS / "export-report-print.png"), full_page=True)

    pdf = page.pdf(format="A4", print_background=True)
    (ARTIFACTS / "export-report.pdf").write_bytes(pdf)
    pages = _pdf_pages(pdf)
    text = " ".join(pages)
    # the whole article: its last sentence and every claim's words are in the printed text
    body = _words(analysis.article.text)
    assert body[-120:] in text
    for claim in wt.reading_order(analysis):
        assert _words(claim.content.text)[:80] in text, claim.id
    # the claims with their chains: each claim's chain labels follow its text
    claims_part = text[text.index("Claims and their chains"):text.index("Walkthrough · step 1 of")]
    for claim in wt.reading_order(analysis):
        at = claims_part.index(_words(claim.content.text)[:60])
        for link in claim.chain:
            assert _words(link.label) in claims_part[at:], (claim.id, link.label)
    # every walkthrough step starts a page of its own, in order, with nothing of the step before it
    marks = [[i for i, p in enumerate(pages) if f"Walkthrough · step {n} of {len(steps)} " in p + " "]
             for n in range(1, len(steps) + 1)]
    assert all(len(m) == 1 for m in marks), marks
    where = [m[0] for m in marks]
    assert where == sorted(set(where)), where  # one step per page, in order
    for n, (i, step) in enumerate(zip(where, steps, strict=True)):
        assert _words(step.title) in pages[i]
        if n:
            assert f"Walkthrough · step {n} of" not in pages[i]
    assert blocked == [] and errors == []
