"""The generated Unicode classes: up to date with the generator, and right on samples."""

import importlib.util
import re
import sys
import unicodedata
from pathlib import Path

import pytest

from plait.lang import char_classes, punctuation, unicode_classes

ROOT = Path(__file__).resolve().parents[2]


def load_generator():
    path = ROOT / "scripts" / "gen_char_classes.py"
    spec = importlib.util.spec_from_file_location("gen_char_classes", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_classes_are_up_to_date():
    if unicodedata.unidata_version != unicode_classes.UNIDATA_VERSION:
        pytest.skip("this Python's Unicode database differs from the one the file was made from")
    generator = load_generator()
    actual = (ROOT / "src" / "plait" / "lang" / "unicode_classes.py").read_text(encoding="utf8")
    assert actual == generator.render(), "stale: run `python scripts/gen_char_classes.py`"


def test_char_classes_reexport_the_generated_bodies():
    assert char_classes.ALPHA == unicode_classes.ALPHA
    assert char_classes.ALPHA_LOWER == unicode_classes.ALPHA_LOWER
    assert char_classes.ALPHA_UPPER == unicode_classes.ALPHA_UPPER
    assert char_classes.ICONS == unicode_classes.SYMBOLS


@pytest.mark.parametrize(
    "char, alpha, lower, upper, icon",
    [
        ("a", True, True, False, False),
        ("Z", True, False, True, False),
        ("ß", True, True, False, False),
        ("Ж", True, False, True, False),
        ("中", True, False, False, False),
        ("ǅ", True, False, True, False),  # titlecase counts as upper
        ("7", False, False, False, False),
        ("-", False, False, False, False),
        ("©", False, False, False, True),
        ("😀", False, False, False, True),
    ],
)
def test_classes_match_unicode_categories(char, alpha, lower, upper, icon):
    def hit(body: str) -> bool:
        return re.fullmatch(f"[{body}]", char) is not None

    assert hit(char_classes.ALPHA) is alpha
    assert hit(char_classes.ALPHA_LOWER) is lower
    assert hit(char_classes.ALPHA_UPPER) is upper
    assert hit(char_classes.ICONS) is icon


def every_code_point() -> str:
    return "".join(map(chr, range(sys.maxunicode + 1)))


def test_letter_lookarounds_equal_the_alpha_class_on_every_code_point():
    text = every_code_point()

    def positions(pattern: str) -> list[int]:
        return [m.start() for m in re.finditer(pattern, text)]

    alpha = char_classes.ALPHA
    assert positions(punctuation.LETTER_AFTER) == positions(f"(?=[{alpha}])")
    assert positions(punctuation.LETTER_BEFORE) == positions(f"(?<=[{alpha}])")


@pytest.mark.parametrize(
    "text",
    ["well-known", "a,b", "x²-y", "e.g.Hello", "2-3", "km/h", "𝛼-𝛽", "Ⅻ-x", "co-op,ok", "a:b²"],
)
def test_infixes_split_like_the_alpha_spelling(text):
    alpha = char_classes.ALPHA
    spelled = [
        piece.replace(punctuation.LETTER_BEFORE, f"(?<=[{alpha}])").replace(
            punctuation.LETTER_AFTER, f"(?=[{alpha}])"
        )
        for piece in punctuation.TOKENIZER_INFIXES
    ]
    ours = punctuation.compile_infix_regex(punctuation.TOKENIZER_INFIXES)
    theirs = punctuation.compile_infix_regex(spelled)
    assert [m.span() for m in ours.finditer(text)] == [m.span() for m in theirs.finditer(text)]
