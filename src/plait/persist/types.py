"""Which classes plait.persist may store and rebuild: registered, plain and trusted classes.

A class instance is stored as its registered name and a state of supported values. Loading
resolves the name against, in order: classes registered with `register`, plait's own objects
(`Doc`, `Vocab`, `StringStore`, `DocBin`, `Language`; their plait modules are imported on
demand), and the classes the caller passed as `trusted=`. No other module is ever imported.
"""

from __future__ import annotations

import enum
import importlib
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..errors import Errors, InputError, InputTypeError, LookupFailed

_HEAPTYPE = 1 << 9


@dataclass(frozen=True)
class TypeEntry:
    """How one class is stored: its name, and its state functions (None: plain attributes)."""

    cls: type
    name: str
    to_state: Callable[[Any], Any] | None = None
    from_state: Callable[[Any], Any] | None = None

    @property
    def plain(self) -> bool:
        """True when the state is the instance's attributes (rebuilt without calling __init__)."""
        return self.to_state is None


_by_type: dict[type, TypeEntry] = {}
_by_name: dict[str, TypeEntry] = {}
_plain_cache: dict[type, TypeEntry | None] = {}


def default_name(cls: type) -> str:
    """The name a class is stored under unless registered with another: "module:QualName"."""
    return f"{cls.__module__}:{cls.__qualname__}"


def register(
    cls: type,
    to_state: Callable[[Any], Any] | None = None,
    from_state: Callable[[Any], Any] | None = None,
    *,
    name: str | None = None,
    force: bool = False,
) -> type:
    """Allow instances of `cls` in `dump` and `load`; returns `cls` (usable as a decorator).

    With no functions, the state is the instance's attributes (`__dict__`, slots, or a
    dataclass's fields) and loading sets them back without calling `__init__`. Otherwise
    `to_state(obj)` must return supported values and `from_state(state)` must rebuild the
    object. Raises InputError if `name` is taken by another class (unless `force=True`).
    """
    if not isinstance(cls, type):
        raise InputTypeError(Errors.E259.format(what=repr(cls), reason="it is not a class"))
    if (to_state is None) != (from_state is None):
        raise InputError(
            Errors.E259.format(what=cls.__name__, reason="give both to_state and from_state, or neither")
        )
    for fn in (to_state, from_state):
        if fn is not None and not callable(fn):
            raise InputTypeError(Errors.E259.format(what=cls.__name__, reason=f"{fn!r} is not callable"))
    if name is None:
        name = default_name(cls)
    if not isinstance(name, str) or not name:
        raise InputTypeError(Errors.E259.format(what=cls.__name__, reason="name must be a non-empty str"))
    if to_state is None and plain_entry(cls) is None:
        raise InputError(
            Errors.E259.format(
                what=cls.__name__,
                reason="it is not a plain Python class (it subclasses a built-in or C type); "
                "pass to_state and from_state",
            )
        )
    old = _by_name.get(name)
    if old is not None and old.cls is not cls and not force:
        raise InputError(
            Errors.E259.format(
                what=cls.__name__,
                reason=f"the name {name!r} is taken by {old.cls!r}; pass name= or force=True",
            )
        )
    if to_state is None and issubclass(cls, enum.Enum):
        to_state, from_state = _enum_functions(cls)
    entry = TypeEntry(cls, name, to_state, from_state)
    stale = _by_type.get(cls)
    if stale is not None:
        _by_name.pop(stale.name, None)
    _by_type[cls] = entry
    _by_name[name] = entry
    return cls


def unregister(cls: type) -> None:
    """Forget a class registered with `register` (no error if it was not)."""
    entry = _by_type.pop(cls, None)
    if entry is not None and _by_name.get(entry.name) is entry:
        del _by_name[entry.name]


def _enum_functions(cls: type) -> tuple[Callable, Callable]:
    return (lambda member: member.name), (lambda state: cls[state])


def plain_entry(cls: type) -> TypeEntry | None:
    """The entry storing `cls` by its attributes, or None if it is not a plain Python class."""
    if cls in _plain_cache:
        return _plain_cache[cls]
    entry = None
    if issubclass(cls, enum.Enum):
        entry = TypeEntry(cls, default_name(cls), *_enum_functions(cls))
    elif cls.__module__ != "builtins" and all(
        c is object or c.__flags__ & _HEAPTYPE for c in cls.__mro__
    ):
        entry = TypeEntry(cls, default_name(cls))
    _plain_cache[cls] = entry
    return entry


def entry_for_dump(cls: type) -> TypeEntry | None:
    """The entry to store an instance of `cls` with, or None if it cannot be stored."""
    entry = _by_type.get(cls)
    if entry is not None:
        return entry
    entry = _plait_entry_for_type(cls)
    if entry is not None:
        return entry
    entry = plain_entry(cls)
    if entry is not None and "<locals>" in cls.__qualname__:
        return None  # it could never be found again by name
    return entry


def plain_state(obj: object) -> dict:
    """The attributes of a plain instance: its `__dict__` plus any slots that are set."""
    d = getattr(obj, "__dict__", None)
    slots = _slot_names(type(obj))
    if not slots:
        return d if d is not None else {}
    state = dict(d) if d is not None else {}
    for s in slots:
        try:
            state[s] = object.__getattribute__(obj, s)
        except AttributeError:
            pass
    return state


def set_plain_state(obj: object, state: dict) -> None:
    """Set the attributes read by `plain_state` back on a fresh instance."""
    slots = _slot_names(type(obj))
    d = getattr(obj, "__dict__", None)
    if not slots and d is not None:
        d.update(state)
        return
    for key, value in state.items():
        if d is not None and key not in slots:
            d[key] = value
        else:
            object.__setattr__(obj, key, value)


_slots_cache: dict[type, frozenset[str]] = {}


def _slot_names(cls: type) -> frozenset[str]:
    found = _slots_cache.get(cls)
    if found is None:
        names: set[str] = set()
        for c in cls.__mro__:
            slots = c.__dict__.get("__slots__", ())
            names.update([slots] if isinstance(slots, str) else slots)
        names.discard("__dict__")
        names.discard("__weakref__")
        found = _slots_cache[cls] = frozenset(names)
    return found


def new_instance(cls: type) -> object:
    """An instance of `cls` whose `__init__` has not run (its attributes are set after)."""
    return cls.__new__(cls)


# --- plait's own objects, registered lazily ---------------------------------------------


def _vocab_to_state(vocab: Any) -> dict:
    return {"lang": vocab.lang, "bytes": vocab.to_bytes()}


def _vocab_from_state(state: dict) -> Any:
    from ..vocab import Vocab

    lang = state["lang"]
    vocab = None
    if lang:
        try:
            from ..lang_defaults import create_vocab
            from ..language import get_lang_class

            vocab = create_vocab(lang, get_lang_class(lang).Defaults)
        except (ImportError, LookupError, ValueError):  # unknown language: default attributes
            vocab = None
    if vocab is None:
        vocab = Vocab(lang=lang)
    return vocab.from_bytes(state["bytes"])


def _strings_from_state(data: bytes) -> Any:
    from ..strings import StringStore

    return StringStore().from_bytes(data)


def _doc_to_state(doc: Any) -> dict:
    return {"vocab": doc.vocab, "bytes": doc.to_bytes()}


def _doc_from_state(state: dict) -> Any:
    from ..tokens.doc import Doc

    return Doc(state["vocab"]).from_bytes(state["bytes"])


def _docbin_from_state(data: bytes) -> Any:
    from ..tokens.docbin import DocBin

    return DocBin().from_bytes(data)


def _language_to_state(nlp: Any) -> dict:
    return {
        "vocab": nlp.vocab,
        "config": nlp.config.to_str(interpolate=False),
        "bytes": nlp.to_bytes(exclude=["config", "vocab"]),
    }


def _language_from_state(state: dict) -> Any:
    # Builds the pipeline from its config with factories that are already registered: unlike
    # pickle, no module named in the file is imported (an unknown factory is a coded error).
    from ..config import load_config_from_str
    from ..util import load_model_from_config

    config = load_config_from_str(state["config"])
    nlp = load_model_from_config(config, vocab=state["vocab"])
    return nlp.from_bytes(state["bytes"], exclude=["config", "vocab"])


# stable name -> (module, class name, subclasses too, to_state, from_state)
_PLAIT_TYPES: dict[str, tuple[str, str, bool, Callable, Callable]] = {
    "plait.StringStore": (
        "plait.strings", "StringStore", False, lambda s: s.to_bytes(), _strings_from_state
    ),
    "plait.Vocab": ("plait.vocab", "Vocab", False, _vocab_to_state, _vocab_from_state),
    "plait.Doc": ("plait.tokens.doc", "Doc", False, _doc_to_state, _doc_from_state),
    "plait.DocBin": (
        "plait.tokens.docbin", "DocBin", False, lambda d: d.to_bytes(), _docbin_from_state
    ),
    "plait.Language": (
        "plait.language", "Language", True, _language_to_state, _language_from_state
    ),
}


def _plait_entry_for_type(cls: type) -> TypeEntry | None:
    for name, (module, clsname, subclasses, to_state, from_state) in _PLAIT_TYPES.items():
        mod = sys.modules.get(module)  # only classes already imported can be this object
        base = getattr(mod, clsname, None) if mod is not None else None
        if base is None:
            continue
        if cls is base or (subclasses and issubclass(cls, base)):
            return TypeEntry(cls, name, to_state, from_state)
    return None


def plait_entry_for_name(name: str) -> TypeEntry | None:
    """The entry of one of plait's own objects by its stable name (imports plait's module)."""
    spec = _PLAIT_TYPES.get(name)
    if spec is None:
        return None
    module, clsname, _subclasses, to_state, from_state = spec
    cls = getattr(importlib.import_module(module), clsname)
    return TypeEntry(cls, name, to_state, from_state)


# --- resolving names at load -------------------------------------------------------------


class Resolver:
    """Resolve stored class names to entries for one `load` call, given its `trusted=`."""

    def __init__(self, trusted: Iterable[type | str] | None, source: str = "<data>") -> None:
        self.source = source
        self.classes: dict[str, type] = {}
        self.names: set[str] = set()
        self.prefixes: list[str] = []
        for item in trusted or ():
            if isinstance(item, type):
                self.classes[default_name(item)] = item
            elif isinstance(item, str) and item:
                if ":" in item:
                    self.names.add(item)
                else:
                    self.prefixes.append(item)
            else:
                raise InputTypeError(Errors.E277.format(value=item, type=type(item).__name__))
        self._cache: dict[str, TypeEntry] = {}

    def resolve(self, name: str, path: str) -> TypeEntry:
        """The entry for `name`; LookupFailed (E270/E271) when it is not allowed or not found."""
        entry = self._cache.get(name)
        if entry is not None:
            return entry
        entry = _by_name.get(name)
        if entry is None and name in _PLAIT_TYPES:
            try:
                entry = plait_entry_for_name(name)
            except (ImportError, AttributeError) as e:
                raise LookupFailed(
                    Errors.E278.format(
                        source=self.source, name=name, path=path,
                        reason=f"this plait has no {_PLAIT_TYPES[name][1]} ({e})",
                    )
                ) from e
        if entry is None:
            cls = self.classes.get(name)
            if cls is None and self._trusts(name):
                cls = _import_class(name, path)
            if cls is None:
                raise LookupFailed(Errors.E270.format(source=self.source, name=name, path=path))
            entry = _by_type.get(cls) or plain_entry(cls)
            if entry is None:
                raise LookupFailed(
                    Errors.E271.format(
                        name=name, path=path, reason="it is not a plain Python class; register it"
                    )
                )
        self._cache[name] = entry
        return entry

    def _trusts(self, name: str) -> bool:
        if name in self.names:
            return True
        module = name.partition(":")[0]
        return any(module == p or module.startswith(p + ".") for p in self.prefixes)


def _import_class(name: str, path: str) -> type:
    module_name, _, qualname = name.partition(":")
    parts = qualname.split(".")
    if not module_name or not qualname or any(not p.isidentifier() for p in parts):
        raise LookupFailed(Errors.E271.format(name=name, path=path, reason="not a class name"))
    try:
        obj: Any = sys.modules.get(module_name) or importlib.import_module(module_name)
        for part in parts:
            obj = getattr(obj, part)
    except (ImportError, AttributeError) as e:
        raise LookupFailed(Errors.E271.format(name=name, path=path, reason=str(e))) from e
    if not isinstance(obj, type):
        raise LookupFailed(Errors.E271.format(name=name, path=path, reason="it is not a class"))
    return obj
