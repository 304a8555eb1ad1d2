"""Token pattern validation: each mistake is a coded error that points at the culprit."""

import pytest

from plait.errors import InputError
from plait.matcher import Matcher


def add_error(vocab, patterns, validate=True, key="RULE", **kw):
    matcher = Matcher(vocab, validate=validate)
    with pytest.raises(InputError) as err:
        matcher.add(key, patterns, **kw)
    message = str(err.value)
    assert "[E4" in message
    return message


def test_patterns_must_be_a_list(vocab):
    assert "[E451]" in add_error(vocab, {"LOWER": "a"})
    assert "[E451]" in add_error(vocab, None)


def test_empty_pattern(vocab):
    message = add_error(vocab, [[{"LOWER": "a"}], []])
    assert "[E453]" in message and "Pattern 1" in message and "'RULE'" in message
    assert "[E453]" in add_error(vocab, [[{"LOWER": "a", "OP": "{0}"}]])


def test_pattern_must_be_a_list_of_dicts(vocab):
    assert "[E454]" in add_error(vocab, [{"LOWER": "a"}])
    message = add_error(vocab, [[{"LOWER": "a"}, "b"]])
    assert "[E455]" in message and "Token 1" in message


def test_unknown_attribute_names_the_token_and_attribute(vocab):
    message = add_error(vocab, [[{"LOWER": "a"}, {"LOWR": "b"}]])
    assert "[E456]" in message and "'LOWR'" in message and "token 1" in message
    assert "LOWER" in message  # the options are listed
    assert "[E456]" in add_error(vocab, [[{"HEAD": 1}]], validate=False)


@pytest.mark.parametrize("op", ["++", "{3,2}", "{a}", "{}", "{,}", 1, "1"])
def test_bad_operator(vocab, op):
    message = add_error(vocab, [[{"LOWER": "a", "OP": op}]])
    assert "[E457]" in message and repr(op) in message


@pytest.mark.parametrize(
    "spec,fragment",
    [
        ({"LOWER": 5}, "'LOWER'"),
        ({"IS_ALPHA": "yes"}, "'IS_ALPHA'"),
        ({"IS_ALPHA": 1}, "'IS_ALPHA'"),
        ({"LENGTH": "3"}, "'LENGTH'"),
        ({"LOWER": None}, "'LOWER'"),
        ({"LOWER": 1.5}, "'LOWER'"),
        ({"LOWER": {"IN": "abc"}}, "IN"),
        ({"LOWER": {"IN": ["a", 1]}}, "IN"),
        ({"LENGTH": {">=": "3"}}, ">="),
        ({"TEXT": {"REGEX": 5}}, "REGEX"),
    ],
)
def test_wrong_value_types(vocab, spec, fragment):
    message = add_error(vocab, [[spec]])
    assert "[E458]" in message and fragment in message


def test_lenient_types_without_validation(vocab):
    matcher = Matcher(vocab, validate=False)
    matcher.add("OK", [[{"LOWER": 5, "IS_ALPHA": 1, "OP": "1"}]])
    assert "[E458]" in add_error(vocab, [[{"LOWER": 1.5}]], validate=False)


@pytest.mark.parametrize(
    "spec,predicate",
    [
        ({"LOWER": {"REGX": "a"}}, "'REGX'"),
        ({"LENGTH": {"FUZZY": "a"}}, "'FUZZY'"),
        ({"IS_ALPHA": {"IN": [True]}}, "'IN'"),
        ({"LOWER": {">=": 3}}, "'>='"),
        ({"LOWER": {"REGEX": {"IS_SUBSET": ["a"]}}}, "'IS_SUBSET'"),
        ({"_": {"flag": {"NOPE": 1}}}, "'NOPE'"),
    ],
)
def test_unknown_predicate(vocab, spec, predicate):
    message = add_error(vocab, [[spec]])
    assert "[E459]" in message and predicate in message


def test_bad_regex(vocab):
    message = add_error(vocab, [[{"TEXT": {"REGEX": "(unclosed"}}]])
    assert "[E460]" in message and "(unclosed" in message


def test_extensions_must_be_a_dict(vocab):
    assert "[E464]" in add_error(vocab, [[{"_": "fruit"}]])


def test_bad_iob_value(vocab):
    message = add_error(vocab, [[{"ENT_IOB": "X"}]])
    assert "[E477]" in message and "'ENT_IOB'" in message


def test_bad_add_arguments(vocab):
    assert "[E450]" in add_error(vocab, [[{"LOWER": "a"}]], on_match="not callable")
    assert "[E452]" in add_error(vocab, [[{"LOWER": "a"}]], greedy="SHORTEST")


def test_valid_patterns_are_accepted(vocab):
    matcher = Matcher(vocab)
    matcher.add(
        "ALL",
        [
            [
                {"ORTH": "a", "OP": "?"},
                {"lower": "b", "OP": "{1,3}"},
                {"LENGTH": {">": 1, "<=": 5}, "OP": "{2,}"},
                {"TEXT": {"REGEX": {"IN": ["^a", "b$"]}}, "OP": "{,2}"},
                {"LOWER": {"FUZZY2": {"NOT_IN": ["x"]}}, "OP": "*"},
                {"MORPH": {"IS_SUBSET": ["Number=Sing"]}, "OP": "+"},
                {"ENT_IOB": "B", "IS_SENT_START": True, "SPACY": False},
                {"_": {"fruit": {"IN": ["pome", 3]}, "size": 2}},
                {"OP": "!", "POS": {"NOT_IN": ["NOUN"]}},
                {},
            ]
        ],
    )
    assert len(matcher) == 1
