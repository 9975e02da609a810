"""Loading: every bad input is one plain sentence (InputError); good input keeps its text."""

from __future__ import annotations

import io
import sys

import pytest

from sourcetrace import load
from sourcetrace.errors import InputError
from sourcetrace.load import load_bytes, load_html, load_path, load_stdin, load_text, load_url

ENGLISH = "The minister said on Monday that the talks with the rebels had failed and would not resume.\n"

PAGE = """<!DOCTYPE html><html><head><title>Minister resigns over budget: report | Example Times</title>
<meta property="og:site_name" content="Example Times">
<meta property="og:title" content="Minister resigns over budget: report">
<meta property="article:published_time" content="2019-03-04T10:00:00Z"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav><article>
<h1>Minister resigns over budget: report</h1>
<p>The finance minister resigned on Monday after a row over the budget, Reuters reported, citing two
officials who spoke on condition of anonymity.</p>
<p>“We could not agree on the numbers,” one of the officials said. The prime minister has not
commented on the resignation so far.</p></article><footer>Cookie policy</footer></body></html>
"""


def _one_sentence(err: InputError) -> str:
    msg = str(err)
    assert "\n" not in msg and "Traceback" not in msg
    return msg


def test_bundled_article_loads_unchanged(bundled_text):
    from tests.conftest import BUNDLED

    article = load_path(BUNDLED)
    assert article.text == bundled_text
    assert article.publisher == "NCRI"
    assert article.title.endswith("in Iraq: report")
    assert article.published == "2007-07-10"
    assert article.source_path == str(BUNDLED)
    assert len(article.content_hash) == 64


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file") as e:
        load_path(tmp_path / "nope.txt")
    _one_sentence(e.value)


def test_folder_is_not_a_file(tmp_path):
    with pytest.raises(InputError, match="is not a file"):
        load_path(tmp_path)


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  ", b"\xef\xbb\xbf  \n"])
def test_empty_or_whitespace_only(tmp_path, content):
    f = tmp_path / "empty.txt"
    f.write_bytes(content)
    with pytest.raises(InputError, match="is empty") as e:
        load_path(f)
    _one_sentence(e.value)


@pytest.mark.parametrize(
    ("content", "what"),
    [(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
     (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"), (b"some text\x00\x00\x01\x02 more", "binary")],
)
def test_binary_renamed_txt(tmp_path, content, what):
    f = tmp_path / "article.txt"
    f.write_bytes(content)
    with pytest.raises(InputError, match=what) as e:
        load_path(f)
    _one_sentence(e.value)


def test_cp1252_smart_quotes_are_accepted(tmp_path):
    f = tmp_path / "windows.txt"
    f.write_bytes(b"The minister said \x93the talks have failed\x94 and that it was the end of the road.")
    article = load_path(f)
    assert "“the talks have failed”" in article.text


def test_utf16_with_bom(tmp_path):
    f = tmp_path / "utf16.txt"
    f.write_bytes(ENGLISH.encode("utf-16"))
    assert load_path(f).text == ENGLISH


def test_undecodable_bytes(tmp_path):
    f = tmp_path / "bad.txt"
    f.write_bytes(b"\x81\x8d\x8f\x90\x9d the minister")  # bytes neither UTF-8 nor cp1252 can hold
    with pytest.raises(InputError, match="not readable text"):
        load_path(f)


@pytest.mark.parametrize(
    "text",
    [
        "Der Minister sagte am Montag, dass die Gespräche mit der Regierung gescheitert seien und "
        "er nicht mehr zurückkommen werde.",
        "Министр заявил в понедельник, что переговоры с правительством провалились.",
        "وقال الوزير يوم الاثنين إن المحادثات مع الحكومة قد فشلت",
    ],
)
def test_non_english_is_refused(text):
    with pytest.raises(InputError, match="English only for now") as e:
        load_text(text, name="paste")
    _one_sentence(e.value)


def test_short_english_and_names_pass_the_language_check():
    assert load_text("Talabani met al-Rubai’i in Baghdad.").text.startswith("Talabani")


def test_too_large_is_refused_before_reading(tmp_path, monkeypatch):
    f = tmp_path / "big.txt"
    with f.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # a sparse 50 MB file: reading it would be the bug

    def no_read(*args, **kwargs):
        raise AssertionError("the file was read")

    monkeypatch.setattr(type(f), "read_bytes", no_read)
    with pytest.raises(InputError, match="larger than the 10 MB limit") as e:
        load_path(f)
    _one_sentence(e.value)


def test_limit_is_a_constant(monkeypatch):
    monkeypatch.setattr(load, "MAX_BYTES", 1024)
    with pytest.raises(InputError, match="1 KB limit"):
        load_bytes(ENGLISH.encode() * 20, name="upload.txt")


def test_crlf_becomes_lf_and_offsets_index_the_result():
    article = load_bytes(b"Title line here\r\n\r\n" + ENGLISH.encode(), name="x.txt")
    assert "\r" not in article.text
    assert article.title == "Title line here"


def test_html_extraction_with_metadata(tmp_path):
    f = tmp_path / "page.html"
    f.write_text(PAGE, encoding="utf-8")
    article = load_path(f)
    assert article.title == "Minister resigns over budget: report"
    assert article.text.startswith("Minister resigns over budget: report\n\nThe finance minister resigned")
    assert "Home" not in article.text and "Cookie policy" not in article.text
    assert article.site_name == "Example Times"
    assert article.publisher == "Example Times"
    assert article.published == "2019-03-04"
    assert article.structure.headline_cue.text == ": report"


def test_explicit_metadata_wins_over_the_page():
    article = load_html(PAGE, publisher="Someone Else", published="2020-01-02")
    assert (article.publisher, article.published) == ("Someone Else", "2020-01-02")


def test_upload_is_sniffed_as_html_without_extension():
    article = load_bytes(PAGE.encode(), name="upload")
    assert article.title == "Minister resigns over budget: report"


def test_txt_extension_is_plain_text_even_with_tags():
    article = load_bytes(b"<p>" + ENGLISH.encode() + b"</p>", name="notes.txt", filename="notes.txt")
    assert article.text.startswith("<p>The minister")


def test_html_without_article_text():
    with pytest.raises(InputError, match="no article text"):
        load_html("<html><head><style>p{}</style></head><body><script>x=1</script></body></html>")


def test_bad_published_date():
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        load_text(ENGLISH, published="10/07/2007")


def test_published_date_is_kept():
    assert load_text(ENGLISH, published="2007-07-10").published == "2007-07-10"


def test_load_url_uses_fetch(monkeypatch):
    import sourcetrace.fetch as fetch

    calls = []

    def fake_fetch(url, **kwargs):
        calls.append(url)
        return PAGE.encode(), "https://example.org/news/minister-resigns"

    monkeypatch.setattr(fetch, "fetch_url", fake_fetch)
    article = load_url("https://example.org/x")
    assert calls == ["https://example.org/x"]
    assert article.url == "https://example.org/news/minister-resigns"
    assert article.title == "Minister resigns over budget: report"


def test_load_url_passes_fetch_errors_on(monkeypatch):
    import sourcetrace.fetch as fetch

    def failing(url, **kwargs):
        raise InputError("The page could not be reached.")

    monkeypatch.setattr(fetch, "fetch_url", failing)
    with pytest.raises(InputError, match="could not be reached"):
        load_url("https://example.org/x")


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ENGLISH.encode())))
    article = load_stdin(published="2007-07-10")
    assert article.text == ENGLISH
    assert article.source_path == "<stdin>"
