"""Shared fixtures for the container tests: a vocab, and a small parsed, tagged doc."""

import pytest

from plait.tokens import Doc, Span, Token
from plait.vocab import Vocab

WORDS = ["New", "York", "is", "big", ".", "It", "is", "old", "."]
HEADS = [1, 2, 2, 2, 2, 6, 6, 6, 6]
DEPS = ["compound", "nsubj", "ROOT", "acomp", "punct", "nsubj", "ROOT", "acomp", "punct"]
TAGS = ["NNP", "NNP", "VBZ", "JJ", ".", "PRP", "VBZ", "JJ", "."]
POS = ["PROPN", "PROPN", "AUX", "ADJ", "PUNCT", "PRON", "AUX", "ADJ", "PUNCT"]
LEMMAS = ["new", "york", "be", "big", ".", "it", "be", "old", "."]
ENTS = ["B-GPE", "I-GPE", "O", "O", "O", "O", "O", "O", "O"]
SPACES = [True, True, True, False, True, True, True, False, False]


@pytest.fixture
def vocab():
    return Vocab(lang="en")


@pytest.fixture
def parsed(vocab):
    return Doc(
        vocab,
        words=WORDS,
        spaces=SPACES,
        heads=HEADS,
        deps=DEPS,
        tags=TAGS,
        pos=POS,
        lemmas=LEMMAS,
        ents=ENTS,
        morphs=["Number=Sing"] * 2 + [""] * 7,
    )


@pytest.fixture
def clean_extensions():
    """Remove any extension a test registers."""
    before = {cls: dict(cls._extensions) for cls in (Doc, Span, Token)}
    yield
    for cls, exts in before.items():
        cls._extensions.clear()
        cls._extensions.update(exts)
