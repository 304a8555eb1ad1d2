"""Pipeline components: rule-based ones (sentencizer, rulers, lemmatizer) and doc functions.

Importing this package is cheap: it only tells the factory registry which module registers
each built-in factory, so `nlp.add_pipe("entity_ruler")` imports `entity_ruler.py` on first
use. The classes load on first access too (`from plait.pipeline import EntityRuler`).
"""

from __future__ import annotations

from ..lazy_exports import lazy_exports
from ..registry import registry

# factory name -> the module whose decorators register it
FACTORY_MODULES = {
    "sentencizer": "plait.pipeline.sentencizer",
    "entity_ruler": "plait.pipeline.entity_ruler",
    "span_ruler": "plait.pipeline.span_ruler",
    "future_entity_ruler": "plait.pipeline.span_ruler",
    "attribute_ruler": "plait.pipeline.attribute_ruler",
    "lemmatizer": "plait.pipeline.lemmatizer",
    "en.lemmatizer": "plait.lang.en.lemmatizer",
    "merge_entities": "plait.pipeline.functions",
    "merge_noun_chunks": "plait.pipeline.functions",
    "merge_subtokens": "plait.pipeline.functions",
    "doc_cleaner": "plait.pipeline.functions",
    "token_splitter": "plait.pipeline.functions",
    "tagger": "plait.pipeline.tagger",
    "morphologizer": "plait.pipeline.morphologizer",
    "senter": "plait.pipeline.senter",
    "textcat": "plait.pipeline.textcat",
    "textcat_multilabel": "plait.pipeline.textcat_multilabel",
    "tok2vec": "plait.pipeline.tok2vec",
    "parser": "plait.pipeline.dep_parser",
    "ner": "plait.pipeline.ner",
}
MISC_MODULES = {
    "plait.levenshtein_compare.v1": "plait.pipeline.span_filters",
    "plait.first_longest_spans_filter.v1": "plait.pipeline.span_filters",
    "plait.prioritize_new_ents_filter.v1": "plait.pipeline.span_filters",
    "plait.prioritize_existing_ents_filter.v1": "plait.pipeline.span_filters",
}
# scorer name -> the component module that registers it (the Scorer loads when one scores)
SCORER_MODULES = {
    "plait.tagger_scorer.v1": "plait.pipeline.tagger",
    "plait.morphologizer_scorer.v1": "plait.pipeline.morphologizer",
    "plait.senter_scorer.v1": "plait.pipeline.senter",
    "plait.textcat_scorer.v1": "plait.pipeline.textcat",
    "plait.textcat_multilabel_scorer.v1": "plait.pipeline.textcat_multilabel",
    "plait.parser_scorer.v1": "plait.pipeline.dep_parser",
    "plait.ner_scorer.v1": "plait.pipeline.ner",
}
for _name, _module in FACTORY_MODULES.items():
    registry.factories.builtins.setdefault(_name, _module)
for _name, _module in MISC_MODULES.items():
    registry.misc.builtins.setdefault(_name, _module)
for _name, _module in SCORER_MODULES.items():
    registry.scorers.builtins.setdefault(_name, _module)

_EXPORTS = {
    "Sentencizer": "sentencizer",
    "EntityRuler": "entity_ruler",
    "SpanRuler": "span_ruler",
    "AttributeRuler": "attribute_ruler",
    "Lemmatizer": "lemmatizer",
    "merge_entities": "functions",
    "merge_noun_chunks": "functions",
    "merge_subtokens": "functions",
    "DocCleaner": "functions",
    "TokenSplitter": "functions",
    "TrainablePipe": "trainable_pipe",
    "Tagger": "tagger",
    "Morphologizer": "morphologizer",
    "SentenceRecognizer": "senter",
    "TextCategorizer": "textcat",
    "MultiLabel_TextCategorizer": "textcat_multilabel",
    "Tok2Vec": "tok2vec",
    "DependencyParser": "dep_parser",
    "EntityRecognizer": "ner",
}

__all__ = [
    "AttributeRuler",
    "DependencyParser",
    "DocCleaner",
    "EntityRecognizer",
    "EntityRuler",
    "Lemmatizer",
    "Morphologizer",
    "MultiLabel_TextCategorizer",
    "SentenceRecognizer",
    "Sentencizer",
    "SpanRuler",
    "Tagger",
    "TextCategorizer",
    "Tok2Vec",
    "TokenSplitter",
    "TrainablePipe",
    "merge_entities",
    "merge_noun_chunks",
    "merge_subtokens",
]


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())
