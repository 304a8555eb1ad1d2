"""Tests for plait.lang.xx: the multi-language class with the shared rules only."""

from __future__ import annotations

import plait
from plait.lang.xx import MultiLanguage


def test_blank_xx_is_multi_language():
    nlp = plait.blank("xx")
    assert isinstance(nlp, MultiLanguage)
    assert nlp.lang == "xx"


def test_xx_splits_punctuation_but_not_english_contractions():
    nlp = plait.blank("xx")
    assert [t.text for t in nlp("(Hallo, Welt!)")] == ["(", "Hallo", ",", "Welt", "!", ")"]
    assert [t.text for t in nlp("don't")] == ["don't"]


def test_xx_keeps_urls_and_emoticons_whole():
    nlp = plait.blank("xx")
    assert [t.text for t in nlp("siehe https://example.de/a-b :)")] == [
        "siehe", "https://example.de/a-b", ":)",
    ]  # fmt: skip


def test_xx_handles_mixed_scripts_and_keeps_the_text():
    nlp = plait.blank("xx")
    text = "Москва — 東京, ελληνικά! مرحبا 😀"
    doc = nlp(text)
    assert "".join(t.text + t.whitespace_ for t in doc) == text
    assert "Москва" in [t.text for t in doc]


def test_xx_lexical_attributes_use_the_shared_getters():
    doc = plait.blank("xx")("42 twenty")
    assert doc[0].like_num
    assert not doc[1].like_num
    assert not doc[1].is_stop
