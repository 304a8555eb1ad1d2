"""The same inputs give spaCy's values (spaCy is installed as a comparator only)."""

import numpy as np
import pytest

from plait.tokens import Doc
from plait.vocab import Vocab

spacy = pytest.importorskip("spacy")
pytestmark = pytest.mark.spacy

WORDS = ["Acme", "Corp", "hired", "Ann", "Lee", "in", "May", "."]
CASES = [
    {"ents": ["B-ORG", "I-ORG", "O", "B-PER", "I-PER", "O", "B-DATE", "O"]},
    {"ents": ["O", "I-ORG", "O", "I-PER", "I-LOC", "", "B-DATE", None]},
    {
        "heads": [1, 2, 2, 4, 2, 2, 5, 2],
        "deps": ["compound", "nsubj", "ROOT", "compound", "dobj", "prep", "pobj", "punct"],
    },
    {"sent_starts": [True, False, None, True, False, False, None, False]},
]


@pytest.mark.parametrize("case", CASES)
def test_to_array_matches_spacy(case):
    from spacy.tokens import Doc as SpacyDoc

    theirs = SpacyDoc(spacy.blank("en").vocab, words=WORDS, **case)
    ours = Doc(Vocab(), words=WORDS, **case)
    for attr in ("HEAD", "SENT_START", "ENT_IOB"):
        assert ours.to_array(attr).tolist() == theirs.to_array(attr).tolist(), attr
    assert [(e.start, e.end, e.label_) for e in ours.ents] == [
        (e.start, e.end, e.label_) for e in theirs.ents
    ]
    assert [t.is_sent_start for t in ours] == [t.is_sent_start for t in theirs]
    if theirs.has_annotation("SENT_START"):
        assert [s.text for s in ours.sents] == [s.text for s in theirs.sents]
        assert [(t.left_edge.i, t.right_edge.i) for t in ours] == [
            (t.left_edge.i, t.right_edge.i) for t in theirs
        ]


@pytest.mark.parametrize("mode", ["strict", "contract", "expand"])
def test_char_span_matches_spacy(mode):
    from spacy.tokens import Doc as SpacyDoc

    spaces = [True, True, True, True, True, True, False, False]
    theirs = SpacyDoc(spacy.blank("en").vocab, words=WORDS, spaces=spaces)
    ours = Doc(Vocab(), words=WORDS, spaces=spaces)
    n = len(ours.text)
    for start in range(n):
        for end in range(start + 1, n + 1):
            a = ours.char_span(start, end, alignment_mode=mode)
            b = theirs.char_span(start, end, alignment_mode=mode)
            if b is not None and len(b) == 0:
                b = None  # spaCy gives an empty span for whitespace-only ranges; plait None
            assert (a and (a.start, a.end)) == (b and (b.start, b.end)), (start, end)


def test_idx_and_text_match_spacy():
    from spacy.tokens import Doc as SpacyDoc

    rng = np.random.default_rng(1)
    spaces = rng.integers(0, 2, size=len(WORDS)).astype(bool).tolist()
    theirs = SpacyDoc(spacy.blank("en").vocab, words=WORDS, spaces=spaces)
    ours = Doc(Vocab(), words=WORDS, spaces=spaces)
    assert ours.text == theirs.text
    assert [t.idx for t in ours] == [t.idx for t in theirs]
    assert [(s.start_char, s.end_char) for s in (ours[2:5], ours[0:8])] == [
        (s.start_char, s.end_char) for s in (theirs[2:5], theirs[0:8])
    ]
