"""SpanGroup and doc.spans."""

import pytest

from plait.errors import InputError
from plait.tokens import Doc, SpanGroup


def test_assigning_a_list_makes_a_named_group(parsed):
    parsed.spans["sc"] = [parsed[0:2], parsed[1:3]]
    group = parsed.spans["sc"]
    assert isinstance(group, SpanGroup) and group.name == "sc" and len(group) == 2
    assert group.has_overlap and group[0].text == "New York"
    group.append(parsed[5:6])
    assert [s.text for s in group] == ["New York", "York is", "It"]
    assert [s.text for s in group[1:]] == ["York is", "It"]


def test_group_rejects_foreign_spans_and_non_spans(parsed, vocab):
    other = Doc(vocab, words=["x"])
    with pytest.raises(InputError, match="E088"):
        parsed.spans["sc"] = [other[0:1]]
    with pytest.raises(InputError, match="E088"):
        SpanGroup(parsed, spans=["text"])


def test_group_attrs_and_concatenation(parsed):
    a = SpanGroup(parsed, name="a", attrs={"k": 1}, spans=[parsed[0:1]])
    b = SpanGroup(parsed, name="b", spans=[parsed[1:2]])
    both = a + b
    assert [s.text for s in both] == ["New", "York"] and both.attrs == {"k": 1}
    assert not both.has_overlap
    del both[0]
    assert len(both) == 1
