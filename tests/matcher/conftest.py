"""Shared fixtures for the matcher tests: a fresh vocab, a Doc builder, a match reader."""

import pytest

from plait.tokens import Doc
from plait.vocab import Vocab


@pytest.fixture
def vocab():
    return Vocab()


@pytest.fixture
def make_doc(vocab):
    """make_doc("a b c", tags=[...], ...) -> Doc over the whitespace-split words."""

    def make(text, **annotations):
        words = text.split() if isinstance(text, str) else list(text)
        return Doc(vocab, words=words, **annotations)

    return make


@pytest.fixture
def keyed(vocab):
    """keyed(matches) -> [(key string, start, end[, alignments])] for readable asserts."""

    def read(matches):
        return [(vocab.strings[m[0]], *m[1:]) for m in matches]

    return read
