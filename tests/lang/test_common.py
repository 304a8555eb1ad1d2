"""What every language of de/fr/es/it/nl/pt must do: blank, stop words, like_num, round trips.

Each language gives its data once in `CASES`; the per-language modules (`test_de.py`, ...)
hold what only that language does (elision, clitics, abbreviations, ...).
"""

from __future__ import annotations

import functools
import importlib
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import plait
from plait.attrs import ORTH
from plait.lang.de import German
from plait.lang.es import Spanish
from plait.lang.fr import French
from plait.lang.it import Italian
from plait.lang.nl import Dutch
from plait.lang.pt import Portuguese
from plait.lang.tokenizer_exceptions import BASE_EXCEPTIONS
from plait.language import Language, get_lang_class
from plait.tokens import Doc


@dataclass(frozen=True)
class NounChunkCase:
    """A hand-made UD parse and the noun chunks it must give."""

    words: list[str]
    heads: list[int]
    deps: list[str]
    pos: list[str]
    chunks: list[str]


@dataclass(frozen=True)
class LangCase:
    """One language's data for the shared tests."""

    cls: type[Language]
    stop_words: list[str]
    content_words: list[str]
    number_words: list[str]
    not_number_words: list[str]
    alphabet: str  # characters for the text round-trip property
    rules_text: str  # a text exercising the tokenizer rules, for the bytes round trip
    noun_chunks: NounChunkCase


CASES: dict[str, LangCase] = {
    "de": LangCase(
        cls=German,
        stop_words=["der", "Die", "und", "nicht", "haben", "würde", "auf", "'s"],
        content_words=["Haus", "Regierung", "schnell", "Oktober"],
        number_words=[
            "drei", "Zwölf", "dreiundzwanzig", "einhundertdreiundzwanzig", "tausend",
            "Millionen", "erste", "dritten", "einundzwanzigste", "2.000", "3,5", "3.",
        ],
        not_number_words=["ein", "eine", "und", "Haus", "Achtung", "einund", "unter"],
        alphabet="aäbcdeöfßüzAÖÜZ0123456789 .,'’-„“!?()\n",
        rules_text="Am 3. Oktober kam z.B. Dr. Müller auf'm Rad, geht's?",
        # "die drei alten Häuser stehen in Berlin"
        noun_chunks=NounChunkCase(
            words=["die", "drei", "alten", "Häuser", "stehen", "in", "Berlin"],
            heads=[3, 3, 3, 4, 4, 6, 4],
            deps=["det", "nummod", "amod", "nsubj", "ROOT", "case", "obl"],
            pos=["DET", "NUM", "ADJ", "NOUN", "VERB", "ADP", "PROPN"],
            chunks=["die drei alten Häuser", "Berlin"],
        ),
    ),
    "fr": LangCase(
        cls=French,
        stop_words=["le", "La", "l'", "l’", "et", "être", "qu'", "-il", "-t-elle"],
        content_words=["maison", "gouvernement", "rapide"],
        number_words=[
            "trois", "Dix-sept", "quatre-vingt-dix", "vingt-et-un", "mille", "millions",
            "premier", "deuxième", "1er", "2e", "XXe", "3,5",
        ],
        not_number_words=["un", "une", "maison", "et", "vingt-maison", "-"],
        alphabet="aàcdéèêlnqtsuL0123 .,'’-«»!?;:\u00a0\n",
        rules_text="L'homme a-t-il vu M. Dupont aujourd'hui ? Donne-le-moi.",
        # "le chat noir mange une souris"
        noun_chunks=NounChunkCase(
            words=["le", "chat", "noir", "mange", "une", "souris"],
            heads=[1, 3, 1, 3, 5, 3],
            deps=["det", "nsubj", "amod", "ROOT", "det", "obj"],
            pos=["DET", "NOUN", "ADJ", "VERB", "DET", "NOUN"],
            chunks=["le chat noir", "une souris"],
        ),
    ),
    "es": LangCase(
        cls=Spanish,
        stop_words=["el", "La", "de", "que", "y", "está", "nosotros", "del"],
        content_words=["casa", "gobierno", "rápido"],
        number_words=[
            "tres", "Veintitrés", "dieciséis", "doscientos", "mil", "millones", "primero",
            "Tercera", "1.º", "2.ª", "3,5",
        ],
        not_number_words=["un", "una", "casa", "y", "primor"],
        alphabet="aáeéñoóuúSE0123 .,¿?¡!ºª-\n",
        rules_text="¿Vive el Sr. García en EE.UU. desde el 1.º de mayo?",
        # "la casa blanca de Juan"
        noun_chunks=NounChunkCase(
            words=["la", "casa", "blanca", "de", "Juan"],
            heads=[1, 1, 1, 4, 1],
            deps=["det", "ROOT", "amod", "case", "nmod"],
            pos=["DET", "NOUN", "ADJ", "ADP", "PROPN"],
            chunks=["la casa blanca", "Juan"],
        ),
    ),
    "it": LangCase(
        cls=Italian,
        stop_words=["il", "Gli", "della", "dell'", "che", "è", "sono", "noi"],
        content_words=["casa", "governo", "veloce"],
        number_words=[
            "tre", "Ventitré", "trentuno", "duemilatrecentoventitré", "cento", "milioni",
            "primo", "terza", "1º", "3,5",
        ],
        not_number_words=["un", "casa", "vent", "treno"],
        alphabet="aàeèilnoòuùLD0123 .,'’-!?\n",
        rules_text="Dall'Italia il sig. Rossi, un po' stanco, c'è.",
        # "il mio amico parla con la ragazza"
        noun_chunks=NounChunkCase(
            words=["il", "mio", "amico", "parla", "con", "la", "ragazza"],
            heads=[2, 2, 3, 3, 6, 6, 3],
            deps=["det", "det:poss", "nsubj", "ROOT", "case", "det", "obl"],
            pos=["DET", "DET", "NOUN", "VERB", "ADP", "DET", "NOUN"],
            chunks=["il mio amico", "la ragazza"],
        ),
    ),
    "nl": LangCase(
        cls=Dutch,
        stop_words=["de", "Het", "'t", "en", "niet", "zijn", "werd", "zo'n"],
        content_words=["huis", "regering", "snel"],
        number_words=[
            "drie", "Twaalf", "eenentwintig", "tweeënveertig", "driehonderd", "één",
            "miljoen", "derde", "twintigste", "2e", "1ste", "3,5",
        ],
        not_number_words=["een", "huis", "en", "achter"],
        alphabet="aeëijnostzD0123 .,'’-!?/\n",
        rules_text="'s Morgens zijn z'n auto's bijv. in Noord-Holland, t/m 5.",
        # "appels en peren smaken"
        noun_chunks=NounChunkCase(
            words=["appels", "en", "peren", "smaken"],
            heads=[3, 2, 0, 3],
            deps=["nsubj", "cc", "conj", "ROOT"],
            pos=["NOUN", "CCONJ", "NOUN", "VERB"],
            chunks=["appels", "peren"],
        ),
    ),
    "pt": LangCase(
        cls=Portuguese,
        stop_words=["o", "As", "do", "pelo", "que", "é", "não", "-me", "-lhe"],
        content_words=["casa", "governo", "rápido"],
        number_words=[
            "três", "Dezasseis", "dezesseis", "duzentos", "mil", "milhões", "primeiro",
            "segunda", "1.º", "2.ª", "3,5",
        ],
        not_number_words=["um", "uma", "casa", "e", "primo"],
        alphabet="aãáçeéilmnoõsD0123 .,-ºª!?\n",
        rules_text="Dá-lo-ei ao Sr. Silva no n.º 5; vende-se guarda-chuva.",
        # "o menino come a maçã vermelha"
        noun_chunks=NounChunkCase(
            words=["o", "menino", "come", "a", "maçã", "vermelha"],
            heads=[1, 2, 2, 4, 2, 4],
            deps=["det", "nsubj", "ROOT", "det", "obj", "amod"],
            pos=["DET", "NOUN", "VERB", "DET", "NOUN", "ADJ"],
            chunks=["o menino", "a maçã vermelha"],
        ),
    ),
}
LANGS = list(CASES)


@functools.cache
def blank(lang: str) -> Language:
    """One blank pipeline per language, shared by the tests of this module."""
    return plait.blank(lang)


def texts(nlp: Language, text: str) -> list[str]:
    return [t.text for t in nlp(text)]


def word_params(field: str) -> list:
    """`(lang, word)` pairs over the `field` word list of every language."""
    return [
        pytest.param(lang, word, id=f"{lang}-{word}")
        for lang, case in CASES.items()
        for word in getattr(case, field)
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_blank_gives_the_language_class(lang):
    nlp = blank(lang)
    cls = CASES[lang].cls
    assert isinstance(nlp, cls)
    assert nlp.lang == lang
    assert get_lang_class(lang) is cls


@pytest.mark.parametrize("lang,word", word_params("stop_words"))
def test_function_words_are_stop_words(lang, word):
    nlp = blank(lang)
    assert nlp.vocab[word].is_stop
    doc = nlp(word)
    if len(doc) == 1:  # elided forms such as "l'" are split when they stand alone
        assert doc[0].is_stop


@pytest.mark.parametrize("lang,word", word_params("content_words"))
def test_content_words_are_not_stop_words(lang, word):
    nlp = blank(lang)
    assert not nlp.vocab[word].is_stop
    assert not nlp(word)[0].is_stop


@pytest.mark.parametrize("lang,word", word_params("number_words"))
def test_number_words_like_num(lang, word):
    assert blank(lang).vocab[word].like_num


@pytest.mark.parametrize("lang,word", word_params("not_number_words"))
def test_other_words_not_like_num(lang, word):
    assert not blank(lang).vocab[word].like_num


@pytest.mark.parametrize("lang", LANGS)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_text_round_trips(lang, data):
    text = data.draw(st.text(alphabet=CASES[lang].alphabet, max_size=40), label="text")
    assert blank(lang)(text).text == text


@pytest.mark.parametrize("lang", LANGS)
def test_noun_chunks_follow_ud_parse(lang):
    case = CASES[lang].noun_chunks
    doc = Doc(blank(lang).vocab, words=case.words, heads=case.heads, deps=case.deps,
              pos=case.pos)
    assert [c.text for c in doc.noun_chunks] == case.chunks


@pytest.mark.parametrize("lang", LANGS)
def test_special_cases_hold_inside_brackets_and_before_commas(lang):
    nlp = blank(lang)
    exceptions = importlib.import_module(f"plait.lang.{lang}.tokenizer_exceptions")
    for string, tokens in exceptions.TOKENIZER_EXCEPTIONS.items():
        if string in BASE_EXCEPTIONS:
            continue
        expected = ["(", *(token[ORTH] for token in tokens), ")", ","]
        assert texts(nlp, f"({string}),") == expected, string


@pytest.mark.parametrize("lang", LANGS)
def test_tokenizer_rules_survive_bytes_round_trip(lang):
    nlp = blank(lang)
    text = CASES[lang].rules_text
    restored = plait.blank(lang).from_bytes(nlp.to_bytes())
    assert texts(restored, text) == texts(nlp, text)
