"""Doc. MINIMAL BOOTSTRAP VERSION: the tokens helper replaces it with the full column-wise Doc.

Contract kept by the full version: `Doc(vocab, words=, spaces=)`, and the tokenizer's fast
path `Doc._from_orths(vocab, orths, spaces, text=None)` where `orths` are hashes already in
`vocab.strings` (list or uint64 array) and `spaces` booleans (list or bool array).
"""

from __future__ import annotations

import numpy as np


class Doc:
    def __init__(self, vocab, words=None, spaces=None):
        words = list(words or [])
        if spaces is None:
            spaces = [True] * len(words)
        self.vocab = vocab
        self._orth = np.asarray([vocab.strings.add(w) for w in words], dtype=np.uint64)
        self._spacy = np.asarray(spaces, dtype=bool)
        self._text = None

    @classmethod
    def _from_orths(cls, vocab, orths, spaces, text=None):
        doc = cls.__new__(cls)
        doc.vocab = vocab
        doc._orth = np.asarray(orths, dtype=np.uint64)
        doc._spacy = np.asarray(spaces, dtype=bool)
        doc._text = text
        return doc

    def __len__(self):
        return len(self._orth)

    def __iter__(self):
        strings = self.vocab.strings
        for o, s in zip(self._orth.tolist(), self._spacy.tolist()):
            yield _Tok(strings[o], " " if s else "")

    @property
    def text(self):
        if self._text is None:
            self._text = "".join(t.text + t.whitespace_ for t in self)
        return self._text


class _Tok:
    def __init__(self, text, ws):
        self.text = text
        self.whitespace_ = ws
