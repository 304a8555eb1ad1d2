"""Extension attributes: registration rules, storage in user_data, getters, methods."""

import pytest

from plait.errors import ExtensionError
from plait.tokens import Doc, Span, Token

pytestmark = pytest.mark.usefixtures("clean_extensions")


def test_default_values_are_stored_in_user_data(vocab):
    Doc.set_extension("topic", default="none")
    Span.set_extension("score", default=0)
    Token.set_extension("seen", default=False)
    doc = Doc(vocab, words=["a", "b", "c"])
    assert doc._.topic == "none" and doc[1]._.seen is False
    doc._.topic = "x"
    doc[1]._.seen = True
    doc[1:3]._.score = 5
    assert doc.user_data[("._.", "topic", None, None)] == "x"
    assert doc.user_data[("._.", "seen", 2, None)] is True
    assert doc.user_data[("._.", "score", 2, 5)] == 5
    assert doc[1]._.seen and not doc[0]._.seen and doc[1:3]._.score == 5


def test_getter_setter_and_method(vocab):
    Token.set_extension("upper", getter=lambda t: t.text.upper())
    store = {}
    Token.set_extension(
        "note", getter=lambda t: store.get(t.i), setter=lambda t, v: store.update({t.i: v})
    )
    Doc.set_extension("count", method=lambda doc, word: sum(t.text == word for t in doc))
    doc = Doc(vocab, words=["a", "b", "a"])
    assert doc[0]._.upper == "A"
    doc[1]._.note = "hi"
    assert doc[1]._.note == "hi" and store == {1: "hi"}
    assert doc._.count("a") == 2


def test_get_set_has(vocab):
    Token.set_extension("x", default=1)
    token = Doc(vocab, words=["a"])[0]
    assert token._.has("x") and not token._.has("y")
    token._.set("x", 2)
    assert token._.get("x") == 2


def test_registering_twice_needs_force():
    Doc.set_extension("dup", default=1)
    with pytest.raises(ExtensionError, match="E070"):
        Doc.set_extension("dup", default=2)
    Doc.set_extension("dup", default=2, force=True)
    assert Doc.get_extension("dup") == (2, None, None, None)


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"default": 1, "getter": len},
        {"getter": len, "method": len},
        {"default": None, "method": len},
    ],
)
def test_exactly_one_of_default_getter_method(kwargs):
    with pytest.raises(ExtensionError, match="E071"):
        Token.set_extension("bad", **kwargs)


def test_default_none_counts_as_given(vocab):
    Token.set_extension("maybe", default=None)
    assert Doc(vocab, words=["a"])[0]._.maybe is None


def test_setter_without_getter_is_coded_error():
    with pytest.raises(ExtensionError, match="E072"):
        Token.set_extension("bad", default=1, setter=lambda t, v: None)


def test_unregistered_extension_is_coded_attribute_error(vocab):
    doc = Doc(vocab, words=["a"])
    with pytest.raises(ExtensionError, match="E073"):
        _ = doc._.nothing
    with pytest.raises(AttributeError):
        doc[0]._.nothing = 1
    assert not hasattr(doc._, "nothing")


def test_getter_only_extension_is_read_only(vocab):
    Token.set_extension("ro", getter=lambda t: 1)
    with pytest.raises(ExtensionError, match="E074"):
        Doc(vocab, words=["a"])[0]._.ro = 2


@pytest.mark.parametrize("name", ["", "_private", "get", "not an identifier", 3])
def test_invalid_names_are_coded_error(name):
    with pytest.raises(ExtensionError, match="E089"):
        Token.set_extension(name, default=1)


def test_remove_extension():
    Span.set_extension("tmp", default=1)
    assert Span.has_extension("tmp")
    assert Span.remove_extension("tmp") == (1, None, None, None)
    assert not Span.has_extension("tmp")
    with pytest.raises(ExtensionError, match="E073"):
        Span.remove_extension("tmp")


def test_extensions_are_per_class():
    Token.set_extension("only_token", default=1)
    assert Token.has_extension("only_token") and not Doc.has_extension("only_token")


def test_mutable_default_is_copied_per_object(vocab):
    Token.set_extension("items", default=[])
    doc = Doc(vocab, words=["a", "b"])
    doc[0]._.items.append("x")
    assert doc[0]._.items == ["x"] and doc[1]._.items == []
    assert Token.get_extension("items")[0] == []
