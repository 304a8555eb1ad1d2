"""`doc[i]` and `span[i]`: one implementation of token and slice indexing for both views."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..errors import Errors, InputError, InputTypeError, OutOfRange

if TYPE_CHECKING:
    from .doc import Doc
    from .span import Span
    from .token import Token


def index_view(doc: Doc, offset: int, n: int, i: int | slice, obj: str) -> Token | Span:
    """The Token (int `i`) or Span (slice `i`) of the `n` tokens of `doc` starting at `offset`.

    Negative indices count from the end; a slice with a step other than 1 raises E058, an int
    out of range E059 (an IndexError), any other index type E090. `obj` names the container
    ("Doc" or "Span") in the messages.
    """
    from .span import Span
    from .token import Token

    if isinstance(i, slice):
        start, stop, step = i.indices(n)
        if i.step is not None and step != 1:
            raise InputError(Errors.E058.format(obj=obj, step=i.step))
        return Span(doc, offset + start, offset + max(start, stop))
    if isinstance(i, (int, np.integer)) and not isinstance(i, bool):
        j = int(i) + n if i < 0 else int(i)
        if not 0 <= j < n:
            raise OutOfRange(Errors.E059.format(i=i, obj=obj, n=n))
        return Token(doc, offset + j)
    raise InputTypeError(
        Errors.E090.format(what=f"A {obj} index", expected="an int or a slice", type=type(i).__name__)
    )
