"""Property tests on the extractors with generated and mutated HTML: clean_html never raises,
extract_article gives a valid record or the typed NotAnArticle rejection, and each page takes a
bounded time (hypothesis' deadline). bench/fuzz.py runs the same properties for longer."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors import NotAnArticle, clean_html, extract_article
from schemas import HealthArticle
from tests.htmlfuzz import generated_page, mutated_page

FUZZ = settings(
    max_examples=120,
    deadline=timedelta(seconds=5),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def check_page(html: str | bytes) -> None:
    page = clean_html(html, "https://fuzz.test/a/")
    assert isinstance(page.text, str)
    assert page.next_page_url is None or page.next_page_url.startswith("https://fuzz.test/")
    try:
        record = extract_article([page], url="https://fuzz.test/a/")
    except NotAnArticle as rejection:
        reason = rejection.reason
    else:
        reason = "valid"
        HealthArticle.model_validate(record.model_dump())
        assert "<script" not in record.text
    assert reason


def test_malformed_urls_in_links_do_not_raise() -> None:
    """Regression (found by bench/fuzz.py): an href like "http://[::1" made urljoin raise."""
    html = (
        "<html><head><link rel='canonical' href='http://[::1'></head><body><article><p>"
        + "Text long enough to be an article paragraph about sleep. " * 6
        + "<a href='http://[::1'>next</a><a href='http://x:port/2/'>Next page</a></p>"
        "</article></body></html>"
    )
    check_page(html)


@FUZZ
@given(generated_page())
def test_generated_pages(html: str) -> None:
    check_page(html)


@FUZZ
@given(mutated_page())
def test_mutated_fixture_pages(data: bytes) -> None:
    check_page(data)


@FUZZ
@given(st.binary(max_size=3000))
def test_arbitrary_bytes(data: bytes) -> None:
    check_page(data)


# Every character str.split() splits on, the zero-width ones fold_space drops, and markup.
_SPACES = "".join(chr(c) for c in range(0x3001) if chr(c).isspace())
_FOLD_ALPHABET = st.sampled_from(list(_SPACES + "\u200b\u200c\u200d\u2060\ufeff\u00ad<>ab É"))


@FUZZ
@given(st.text(alphabet=_FOLD_ALPHABET, max_size=12) | st.text(max_size=12))
def test_folded_text_fast_paths_match_the_full_fold(text: str) -> None:
    """fold_space and normalize_key hand text that is folded already back without splitting
    it: the result must be what the full fold gives, for every kind of white space."""
    import re
    import unicodedata

    from extractors.text import fold_space, normalize_key

    zero_width = re.sub("[\u200b\u200c\u200d\u2060\ufeff\u00ad]", "", text)
    unmarked = re.sub(r"<!--.*?-->|</?[a-zA-Z][\w:-]*(?:\s[^<>]*)?/?>", " ", zero_width, flags=re.S)
    assert fold_space(text) == " ".join(unmarked.split())
    nfkc = text if text.isascii() else unicodedata.normalize("NFKC", text)
    assert normalize_key(text) == " ".join(nfkc.split()).lower()
