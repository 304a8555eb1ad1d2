"""Training: Example, alignment, entity tag schemes, corpora, augmenters, Scorer, init_nlp, the loop.

Names load on first access, so `import plait.training` is cheap.
"""

from __future__ import annotations

from ..lazy_exports import lazy_exports

_EXPORTS = {
    "Example": "example",
    "Alignment": "alignment",
    "Scorer": "scorer",
    "PRFScore": "scorer",
    "ROCAUCScore": "scorer",
    "offsets_to_biluo_tags": "iob_utils",
    "biluo_tags_to_offsets": "iob_utils",
    "biluo_tags_to_spans": "iob_utils",
    "biluo_to_iob": "iob_utils",
    "iob_to_biluo": "iob_utils",
    "tags_to_entities": "iob_utils",
    "remove_bilu_prefix": "iob_utils",
    "doc_to_biluo_tags": "iob_utils",
    "Corpus": "corpus",
    "JsonlCorpus": "corpus",
    "ConllCorpus": "corpus",
    "read_conllu": "corpus",
    "dont_augment": "augment",
    "orth_variants_augmenter": "augment",
    "lower_casing_augmenter": "augment",
    "minibatch": "batchers",
    "minibatch_by_words": "batchers",
    "init_nlp": "initialize",
    "train": "loop",
    "console_logger": "loggers",
}

__all__ = list(_EXPORTS)


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())
