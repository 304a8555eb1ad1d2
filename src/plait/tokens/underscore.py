"""Extension attributes: `Doc/Span/Token.set_extension(...)` and the `._` namespace.

Values registered with `default=` live in `doc.user_data` under the key
`("._.", name, start_char, end_char)`: `(None, None)` for the Doc, `(token.idx, None)` for a
Token, `(span.start_char, span.end_char)` for a Span, so they are saved with the doc.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable
from typing import Any, ClassVar

from ..errors import Errors, ExtensionError, InputTypeError

_MISSING = object()
_RESERVED = frozenset({"get", "set", "has"})
MUTABLE_TYPES = (dict, list, set)

# name -> (default, method, getter, setter)
ExtensionSpec = tuple[Any, Callable | None, Callable | None, Callable | None]


def _check_name(name: object) -> None:
    if not isinstance(name, str) or not name.isidentifier() or name.startswith("_"):
        raise ExtensionError(Errors.E089.format(name=name))
    if name in _RESERVED:
        raise ExtensionError(Errors.E089.format(name=name))


class HasExtensions:
    """Mixin giving a class spaCy's `set_extension` / `get_extension` / ... classmethods."""

    __slots__ = ()
    _extensions: ClassVar[dict[str, ExtensionSpec]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "_extensions" not in cls.__dict__:
            cls._extensions = {}

    @classmethod
    def set_extension(
        cls,
        name: str,
        default: Any = _MISSING,
        *,
        getter: Callable | None = None,
        setter: Callable | None = None,
        method: Callable | None = None,
        force: bool = False,
    ) -> None:
        """Register `._.name` with exactly one of default=, getter= (+setter=) or method=.

        Raises ExtensionError: E070 when registered already (unless force=True), E071 when
        not exactly one of default/getter/method is given, E072 for setter without getter.
        """
        _check_name(name)
        obj = cls.__name__
        if getter is None and setter is not None:
            raise ExtensionError(Errors.E072.format(name=name, obj=obj))
        given = [
            k
            for k, v in (
                ("default", default is not _MISSING),
                ("getter", getter is not None),
                ("method", method is not None),
            )
            if v
        ]
        if len(given) != 1:
            raise ExtensionError(Errors.E071.format(name=name, obj=obj, given=given or "none"))
        for what, fn in (("getter", getter), ("setter", setter), ("method", method)):
            if fn is not None and not callable(fn):
                raise InputTypeError(
                    Errors.E090.format(
                        what=f"Extension {name!r} {what}",
                        expected="callable",
                        type=type(fn).__name__,
                    )
                )
        if name in cls._extensions and not force:
            raise ExtensionError(Errors.E070.format(name=name, obj=obj))
        cls._extensions[name] = (None if default is _MISSING else default, method, getter, setter)

    @classmethod
    def get_extension(cls, name: str) -> ExtensionSpec | None:
        """The (default, method, getter, setter) tuple of an extension, or None."""
        return cls._extensions.get(name)

    @classmethod
    def has_extension(cls, name: str) -> bool:
        """True when `._.name` is registered on this class."""
        return name in cls._extensions

    @classmethod
    def remove_extension(cls, name: str) -> ExtensionSpec:
        """Unregister `._.name` and return its (default, method, getter, setter) tuple."""
        if name not in cls._extensions:
            raise ExtensionError(Errors.E073.format(name=name, obj=cls.__name__))
        return cls._extensions.pop(name)


class Underscore:
    """The `._` namespace of one Doc, Span or Token."""

    __slots__ = ("_doc", "_end", "_extensions", "_kind", "_obj", "_start")

    def __init__(
        self,
        extensions: dict,
        obj: Any,
        doc: Any,
        start: int | None = None,
        end: int | None = None,
    ) -> None:
        object.__setattr__(self, "_extensions", extensions)
        object.__setattr__(self, "_obj", obj)
        object.__setattr__(self, "_doc", doc)
        object.__setattr__(self, "_start", start)
        object.__setattr__(self, "_end", end)
        object.__setattr__(self, "_kind", type(obj).__name__)

    def __dir__(self) -> list[str]:
        return list(self._extensions) + ["get", "set", "has"]

    def _key(self, name: str) -> tuple:
        return ("._.", name, self._start, self._end)

    def __getattr__(self, name: str) -> Any:
        ext = self._extensions.get(name)
        if ext is None:
            raise ExtensionError(Errors.E073.format(name=name, obj=self._kind))
        default, method, getter, _setter = ext
        if getter is not None:
            return getter(self._obj)
        if method is not None:
            bound = functools.partial(method, self._obj)
            functools.update_wrapper(bound, method)
            return bound
        user_data = self._doc.user_data
        key = self._key(name)
        if key in user_data:
            return user_data[key]
        if isinstance(default, MUTABLE_TYPES):
            # like spaCy: each object gets its own copy of a mutable default, kept on first read
            value = copy.copy(default)
            user_data[key] = value
            return value
        return default

    def __setattr__(self, name: str, value: Any) -> None:
        ext = self._extensions.get(name)
        if ext is None:
            raise ExtensionError(Errors.E073.format(name=name, obj=self._kind))
        _default, method, getter, setter = ext
        if setter is not None:
            setter(self._obj, value)
        elif getter is not None or method is not None:
            raise ExtensionError(Errors.E074.format(name=name, obj=self._kind))
        else:
            self._doc.user_data[self._key(name)] = value

    def set(self, name: str, value: Any) -> None:
        """Set `._.name` (same as `obj._.name = value`)."""
        self.__setattr__(name, value)

    def get(self, name: str) -> Any:
        """Read `._.name` (same as `obj._.name`)."""
        return self.__getattr__(name)

    def has(self, name: str) -> bool:
        """True when `._.name` is registered."""
        return name in self._extensions
