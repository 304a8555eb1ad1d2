"""Data augmentation for training: variants of examples made as a corpus streams them.

An augmenter is a function `(nlp, example) -> iterator of examples`, given to a corpus
reader as `augmenter` (`[corpora.train.augmenter]` in a config, registry `augmenters`).
The names and behaviour follow spaCy's (`spacy.lower_case.v1`, ...), so configs carry over.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import Errors, InputError
from ..registry import registry
from ..tokens import Doc, Span
from .example import Example

if TYPE_CHECKING:
    from ..language import Language

Augmenter = Callable[["Language", Example], Iterator[Example]]


def _check_level(name: str, value: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
        raise InputError(Errors.E584.format(name=name, expected="a number from 0 to 1",
                                            value=value))
    return float(value)


@registry.augmenters("plait.lower_case.v1")
def create_lower_casing_augmenter(level: float) -> Augmenter:
    """An augmenter that lower-cases a share `level` (0 to 1) of the examples.

    The annotation is kept (entities, tags, parse...): a model trained with it learns to
    find "john smith" in "i met john smith" as it finds "John Smith".
    """
    return partial(lower_casing_augmenter, level=_check_level("level", level))


@registry.augmenters("plait.orth_variants.v1")
def create_orth_variants_augmenter(level: float, lower: float,
                                   orth_variants: dict[str, list[dict]]) -> Augmenter:
    """An augmenter that swaps punctuation for variants in a share `level` of the examples.

    `orth_variants` is spaCy's format: `{"single": [{"tags": [...], "variants": [...]}],
    "paired": [{"tags": [...], "variants": [[left, right], ...]}]}`: a token whose tag is
    in "tags" and whose text is one of the variants becomes one variant chosen per example
    (paired ones keep their side, e.g. opening and closing quotes). Tokens keep their
    annotation; examples without tags are only lower-cased. `lower` is the share of the
    varied examples that are also lower-cased.
    """
    return partial(orth_variants_augmenter, orth_variants=_check_variants(orth_variants),
                   level=_check_level("level", level), lower=_check_level("lower", lower))


@registry.augmenters("plait.combined_augmenter.v1")
def create_combined_augmenter(
    lower_level: float,
    orth_level: float,
    orth_variants: dict[str, list[dict]] | None,
    whitespace_level: float,
    whitespace_per_token: float,
    whitespace_variants: list[str] | None,
) -> Augmenter:
    """Lower-casing, orth variants and inserted whitespace tokens in one augmenter.

    Each example is lower-cased with probability `lower_level`, given orth variants with
    probability `orth_level`, and with probability `whitespace_level` gets
    `int(len(doc) * whitespace_per_token)` whitespace tokens (each one of
    `whitespace_variants`, e.g. `["\\n", "  "]`) at random positions.
    """
    if whitespace_variants is not None and (
            not isinstance(whitespace_variants, list)
            or not all(isinstance(w, str) and w and not w.strip() for w in whitespace_variants)):
        raise InputError(Errors.E584.format(
            name="whitespace_variants", expected="a list of non-empty whitespace strings",
            value=whitespace_variants))
    return partial(
        combined_augmenter,
        lower_level=_check_level("lower_level", lower_level),
        orth_level=_check_level("orth_level", orth_level),
        orth_variants=None if orth_variants is None else _check_variants(orth_variants),
        whitespace_level=_check_level("whitespace_level", whitespace_level),
        whitespace_per_token=_check_level("whitespace_per_token", whitespace_per_token),
        whitespace_variants=whitespace_variants,
    )


def _check_variants(orth_variants: Any) -> dict[str, list[dict]]:
    def bad(reason: str) -> InputError:
        return InputError(Errors.E584.format(
            name="orth_variants", value=orth_variants,
            expected=f'a dict of "single"/"paired" lists of {{"tags", "variants"}} ({reason})'))

    if not isinstance(orth_variants, dict) or set(orth_variants) - {"single", "paired"}:
        raise bad("keys other than \"single\" and \"paired\"")
    for kind, entries in orth_variants.items():
        if not isinstance(entries, list):
            raise bad(f"{kind!r} is not a list")
        for entry in entries:
            if not isinstance(entry, dict) or not entry.get("variants") or "tags" not in entry:
                raise bad(f"an entry of {kind!r} lacks tags or variants")
            if kind == "paired" and not all(
                    isinstance(v, (list, tuple)) and len(v) == 2 for v in entry["variants"]):
                raise bad("each paired variant is a [left, right] pair")
    return orth_variants


@registry.augmenters("plait.chain_augmenters.v1")
def create_chain_augmenter(*augmenters: Augmenter) -> Augmenter:
    """Several augmenters one after the other: each gets every example the one before made.

    In a config they are the positional sub-sections of the block, applied in the order
    written: `[corpora.train.augmenter.*.lower]`, then `[corpora.train.augmenter.*.names]`.
    """
    for augmenter in augmenters:
        if not callable(augmenter):
            raise InputError(Errors.E584.format(name="augmenters", value=augmenter,
                                                expected="augmenter functions"))
    return partial(chain_augmenter, augmenters=augmenters)


def chain_augmenter(nlp: Language, example: Example, *,
                    augmenters: tuple[Augmenter, ...]) -> Iterator[Example]:
    """Yield what the augmenters make of `example`, applied in order."""
    examples: Iterator[Example] = iter([example])
    for augmenter in augmenters:
        examples = _each(nlp, examples, augmenter)
    yield from examples


def _each(nlp: Language, examples: Iterator[Example], augmenter: Augmenter
          ) -> Iterator[Example]:
    for example in examples:
        yield from augmenter(nlp, example)


def dont_augment(nlp: Language, example: Example) -> Iterator[Example]:
    """The identity augmenter: the example as it is."""
    yield example


def lower_casing_augmenter(nlp: Language, example: Example, *, level: float
                           ) -> Iterator[Example]:
    """Yield `example`, lower-cased with probability `level`."""
    if level and random.random() < level:
        yield lowercased(nlp, example)
    else:
        yield example


def with_words(doc: Doc, words: list[str]) -> Doc:
    """A copy of `doc` whose tokens read `words` (same count), every annotation kept."""
    strings = doc.vocab.strings
    new = doc.copy()
    new._orth = np.fromiter((strings.add(w) for w in words), dtype=np.uint64, count=len(words))
    new._text = None
    new._idx = None
    return new


def lowercased(nlp: Language, example: Example) -> Example:
    """The example with both texts lower-cased and the reference's annotation kept."""
    return _retexted(nlp, example, [w.lower() for w in example.reference._token_words()[2]])


def orth_variants_augmenter(nlp: Language, example: Example, orth_variants: dict, *,
                            level: float = 0.0, lower: float = 0.0) -> Iterator[Example]:
    """Yield `example`, with orth variants (and lower-cased at rate `lower`) at rate `level`."""
    if not level or random.random() >= level:
        yield example
        return
    words = list(example.reference._token_words()[2])
    if random.random() < lower:
        words = [w.lower() for w in words]
    yield _retexted(nlp, example, make_orth_variants(example.reference, words, orth_variants))


def combined_augmenter(nlp: Language, example: Example, *, lower_level: float = 0.0,
                       orth_level: float = 0.0, orth_variants: dict | None = None,
                       whitespace_level: float = 0.0, whitespace_per_token: float = 0.0,
                       whitespace_variants: list[str] | None = None) -> Iterator[Example]:
    """Yield `example` with each of the three kinds of variation at its own rate."""
    if lower_level and random.random() < lower_level:
        example = lowercased(nlp, example)
    if orth_variants and orth_level and random.random() < orth_level:
        words = list(example.reference._token_words()[2])
        example = _retexted(nlp, example,
                            make_orth_variants(example.reference, words, orth_variants))
    if whitespace_variants and whitespace_level and random.random() < whitespace_level:
        for _ in range(int(len(example.reference) * whitespace_per_token)):
            example = make_whitespace_variant(
                nlp, example, random.choice(whitespace_variants),
                random.randrange(len(example.reference)))
    yield example


def make_orth_variants(doc: Doc, words: list[str], orth_variants: dict) -> list[str]:
    """`words` (the tokens of `doc`) with punctuation swapped for variants, by tag.

    One variant is chosen per entry for the whole doc, so a text's quotes stay consistent.
    """
    tags = [t.tag_ for t in doc] if doc.has_annotation("TAG") else None
    if tags is None:
        return words
    for entry in orth_variants.get("single", []):
        choice = random.choice(entry["variants"])
        for i, (word, tag) in enumerate(zip(words, tags)):
            if tag in entry["tags"] and word in entry["variants"]:
                words[i] = choice
    for entry in orth_variants.get("paired", []):
        choice = random.choice(entry["variants"])
        flat = set(itertools.chain.from_iterable(entry["variants"]))
        for i, (word, tag) in enumerate(zip(words, tags)):
            if tag not in entry["tags"] or word not in flat:
                continue
            if len(entry["tags"]) == 2:  # paired tags (`` and '') say the side
                side = entry["tags"].index(tag)
            else:
                side = next(pair.index(word) for pair in entry["variants"] if word in pair)
            words[i] = choice[side]
    return words


def _retexted(nlp: Language, example: Example, words: list[str]) -> Example:
    """The example with the reference's tokens reading `words`, the predicted doc re-made."""
    new_ref = with_words(example.reference, words)
    if example._same_tokens:
        new_pred = Doc._from_orths(nlp.vocab, new_ref._orth.copy(), new_ref._spacy.copy())
    else:
        new_pred = nlp.make_doc(new_ref.text)
    return Example(new_pred, new_ref)


def make_whitespace_variant(nlp: Language, example: Example, whitespace: str,
                            position: int) -> Example:
    """The example with a whitespace token inserted before token `position`.

    The token gets tag `_SP`, POS `SPACE`, its text as lemma, the label `dep` and as head
    the token before it (the one after it at position 0); inside an entity it joins the
    entity. Examples with span groups are returned as they are (their offsets would move).
    """
    ref = example.reference
    n = len(ref)
    if not 0 <= position <= n or _has_span_groups(ref):
        return example
    ann = _annotation_lists(ref)
    ann["words"].insert(position, whitespace)
    ann["spaces"].insert(position, False)
    for key, value in (("tags", "_SP"), ("pos", "SPACE"), ("morphs", ""),
                       ("lemmas", whitespace), ("deps", "dep")):
        if key in ann:
            ann[key].insert(position, value)
    if "heads" in ann:
        ann["heads"] = [h + (h >= position) for h in ann["heads"]]
        ann["heads"].insert(position, position - 1 if position > 0 else 1)
    elif "sent_starts" in ann:
        ann["sent_starts"].insert(position, 1 if position == 0 else 0)
        if position == 0 and n:
            ann["sent_starts"][1] = 0
    ents = [(s + (s >= position), e + (e > position), label)
            for s, e, label in _entities(ref)]
    return _rebuilt(nlp, ref, ann, ents)


@registry.augmenters("plait.ents_replace.v1")
def create_ents_replace_augmenter(level: float, ent_dict: dict[str, list]) -> Augmenter:
    """An augmenter that replaces entities by others of the same label in a share `level`.

    `ent_dict` maps a label to its replacements, each a text (split on spaces) or a list
    of tokens: `{"PERSON": ["Ada Lovelace", "Grace"], "GPE": [["New", "York"]]}`. In a chosen
    example every entity with a listed label gets a random replacement; the tokens keep the
    annotation of the entity's tokens (a longer or shorter name takes the tag of the
    entity's head token, its words attached to its last word as `compound`).
    """
    def bad(reason: str) -> InputError:
        return InputError(Errors.E584.format(
            name="ent_dict", value=ent_dict,
            expected=f"a dict of labels to lists of replacement texts ({reason})"))

    if not isinstance(ent_dict, dict):
        raise bad("not a dict")
    table: dict[str, list[list[str]]] = {}
    for label, options in ent_dict.items():
        if not isinstance(options, list) or not options:
            raise bad(f"{label!r} has no list of replacements")
        table[label] = [o.split() if isinstance(o, str) else list(o) for o in options]
        if not all(words and all(isinstance(w, str) and w and not any(c.isspace() for c in w)
                                 for w in words) for words in table[label]):
            raise bad(f"{label!r} has an empty replacement or a token with whitespace")
    return partial(ents_replace_augmenter, ent_dict=table, level=_check_level("level", level))


def ents_replace_augmenter(nlp: Language, example: Example, *, ent_dict: dict[str, list],
                           level: float) -> Iterator[Example]:
    """Yield `example`, its entities of the labels in `ent_dict` replaced at rate `level`."""
    if not level or random.random() >= level:
        yield example
        return
    ref = example.reference
    targets = [e for e in _entities(ref) if e[2] in ent_dict]
    if not targets or _has_span_groups(ref):
        yield example
        return
    # right to left, so the offsets of the entities still to replace stay valid
    for start, end, label in reversed(targets):
        example = replace_tokens(nlp, example, start, end, random.choice(ent_dict[label]))
    yield example


def replace_tokens(nlp: Language, example: Example, start: int, end: int,
                   words: list[str]) -> Example:
    """The example with the reference's tokens [start, end) replaced by `words`.

    The new tokens take the annotation of the old ones (same count) or of the old span's
    head token; heads pointing into the span point to its new last token; an entity that
    was exactly the span covers the new tokens.
    """
    ref = example.reference
    ann = _annotation_lists(ref)
    k, old = len(words), end - start
    shift = k - old
    same = k == old
    heads = ann.get("heads")
    root = start
    if heads is not None:
        inside = [i for i in range(start, end) if not start <= heads[i] < end or heads[i] == i]
        root = inside[0] if inside else end - 1
    new_root = start + k - 1

    def moved(i: int) -> int:
        if i < start:
            return i
        if i >= end:
            return i + shift
        return i if same else new_root

    ann["words"][start:end] = words
    ann["spaces"][start:end] = [True] * (k - 1) + [ann["spaces"][end - 1]]
    for key in ("tags", "pos", "morphs"):
        if key in ann and not same:
            ann[key][start:end] = [ann[key][root]] * k
    if "lemmas" in ann:
        ann["lemmas"][start:end] = list(words)
    if heads is not None:
        new_heads = [moved(h) for h in heads]
        if same:
            ann["heads"] = new_heads
        else:
            inner = ann["deps"][start] if root != start else "compound"
            ann["deps"][start:end] = [inner] * (k - 1) + [ann["deps"][root]]
            new_heads[start:end] = [new_root] * (k - 1) + [moved(heads[root])]
            ann["heads"] = new_heads
    elif "sent_starts" in ann and not same:
        ann["sent_starts"][start:end] = [ann["sent_starts"][start]] + [0] * (k - 1)
    ents = []
    for s, e, label in _entities(ref):
        if s >= end:
            ents.append((s + shift, e + shift, label))
        elif e <= start:
            ents.append((s, e, label))
        elif s == start and e == end:
            ents.append((start, start + k, label))
    return _rebuilt(nlp, ref, ann, ents)


def _has_span_groups(doc: Doc) -> bool:
    """Whether `doc` has span groups (whose offsets an added or removed token would move)."""
    return doc._spans is not None and len(doc._spans) > 0


def _entities(doc: Doc) -> list[tuple[int, int, str]]:
    return [(e.start, e.end, e.label_) for e in doc.ents]


def _annotation_lists(ref: Doc) -> dict[str, list]:
    """The reference's words and token annotation as lists: only the kinds it has."""
    ann: dict[str, list] = {"words": list(ref._token_words()[2]),
                            "spaces": ref._spacy.tolist()}
    if ref.has_annotation("TAG"):
        ann["tags"] = [t.tag_ for t in ref]
    if ref.has_annotation("POS"):
        ann["pos"] = [t.pos_ for t in ref]
    if ref.has_annotation("MORPH"):
        ann["morphs"] = [str(t.morph) for t in ref]
    if ref.has_annotation("LEMMA"):
        ann["lemmas"] = [t.lemma_ for t in ref]
    if ref.has_annotation("DEP", require_complete=True):
        ann["heads"] = [t.head.i for t in ref]
        ann["deps"] = [t.dep_ for t in ref]
    elif ref.has_annotation("SENT_START"):
        ann["sent_starts"] = [1 if t.is_sent_start else (0 if t.is_sent_start is False else None)
                              for t in ref]
    return ann


def _rebuilt(nlp: Language, ref: Doc, ann: dict[str, list],
             ents: list[tuple[int, int, str]]) -> Example:
    """An example whose reference is built from `ann`, with `ents` and the old cats."""
    new_ref = Doc(ref.vocab, **ann)
    if ref.has_annotation("ENT_IOB"):
        new_ref.ents = [Span(new_ref, s, e, label) for s, e, label in ents]
    if ref.cats:
        new_ref.cats = dict(ref.cats)
    return Example(nlp.make_doc(new_ref.text), new_ref)


for _name, _func in [("lower_case", create_lower_casing_augmenter),
                     ("orth_variants", create_orth_variants_augmenter),
                     ("combined_augmenter", create_combined_augmenter)]:
    registry.augmenters.register(f"spacy.{_name}.v1", func=_func)
