"""Saved configs read and resolved as plain dicts, without importing confection.

Loading a pipeline reads the `config.cfg` that plait itself wrote, builds the `[nlp]` block
and one block per component from registered functions, and records their filled settings.
confection does all of that, but importing it (and pydantic, which it imports when
installed) costs more than the rest of a load. This module does the same for the plain
cases only, and says "not handled" (returns None) for anything else:

- text: `[dotted.section]` headers, `key = value` lines whose value is JSON or exactly one
  `${section.key}` variable, `#`/`;` comment lines; nothing else (no continuation lines);
- resolving: one `@registry` key per block, keyword arguments that the function's
  signature names, every required one given, each plain value of exactly the annotated
  type (int, float, str, bool, None, lists, dicts, unions, Literal, classes, callables).

The callers then take confection's path, which gives the same result or the coded error.
So the fast path never accepts a config that confection would refuse.
"""

from __future__ import annotations

import inspect
import json
import re
import types
import typing
from collections.abc import Callable
from typing import Any

# the value of a key that stays a variable: exactly "${section.key}"
_VARIABLE = re.compile(r"\$\{[\w.-]+\}\Z")
_HEADER = re.compile(r"\[([^\[\]]+)\]\Z")
_PLAIN = (type(None), bool, int, float, str)


def parse_config_text(text: str) -> dict[str, Any] | None:
    """The sections of a config text as nested dicts (variables kept), or None if not plain."""
    root: dict[str, Any] = {}
    section: dict[str, Any] | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        if raw[0].isspace():
            return None  # a continuation line
        header = _HEADER.match(line)
        if header is not None:
            section = _new_section(root, header.group(1))
            if section is None:
                return None
            continue
        key, sep, value = line.partition("=")
        key, value = key.strip(), value.strip()
        if section is None or not sep or not key or key in section or any(
            c in key for c in " .[]=:$"
        ):
            return None
        if _VARIABLE.match(value):
            section[key] = value
            continue
        try:
            parsed = json.loads(value)
        except ValueError:
            return None
        if "${" in value or not _is_plain(parsed):
            return None
        section[key] = parsed
    return root


def _new_section(root: dict[str, Any], name: str) -> dict[str, Any] | None:
    parts = name.split(".")
    if any(not p or p != p.strip() for p in parts):
        return None
    node = root
    for part in parts[:-1]:
        node = node.get(part)
        if not isinstance(node, dict):
            return None  # confection wants parent sections first
    if parts[-1] in node:
        return None
    node[parts[-1]] = {}
    return node[parts[-1]]


def _is_plain(value: Any) -> bool:
    """True for JSON data: None, bool, int, float, str, and lists/str-keyed dicts of them."""
    kind = type(value)
    if kind in _PLAIN:
        return True
    if kind is list:
        return all(_is_plain(v) for v in value)
    if kind is dict:
        return all(type(k) is str and _is_plain(v) for k, v in value.items())
    return False


def is_plain_dict(value: Any) -> bool:
    """True for a dict (or dict subclass, like a `Config`) holding JSON data only."""
    return isinstance(value, dict) and all(
        type(k) is str and (_is_plain(v) or is_plain_dict(v)) for k, v in value.items()
    )


def has_variables(value: Any) -> bool:
    """True if a `${...}` variable appears anywhere in `value`."""
    if type(value) is str:
        return "${" in value
    if type(value) is dict:
        return any(has_variables(v) for v in value.values())
    if type(value) is list:
        return any(has_variables(v) for v in value)
    return False


def has_promises(value: Any) -> bool:
    """True if a block naming a registered function appears anywhere in `value`."""
    if type(value) is dict:
        return is_promise(value) or any(has_promises(v) for v in value.values())
    if type(value) is list:
        return any(has_promises(v) for v in value)
    return False


def variables_resolve(config: dict[str, Any]) -> bool:
    """True when every `${section.key}` variable in `config` names a plain value in it.

    (confection's interpolation would fail on any other; the caller then lets it.)
    """
    def targets(value: Any) -> list[str]:
        if type(value) is str and value.startswith("${"):
            return [value[2:-1]]
        if type(value) is dict:
            return [t for v in value.values() for t in targets(v)]
        if type(value) is list:
            return [t for v in value for t in targets(v)]
        return []

    for target in targets(config):
        node: Any = config
        for part in target.split("."):
            if type(node) is not dict or part not in node:
                return False
            node = node[part]
        if type(node) is dict or has_variables(node):
            return False
    return True


def copy_plain(value: Any) -> Any:
    """A deep copy of nested dicts and lists (other values are shared)."""
    if type(value) is dict:
        return {k: copy_plain(v) for k, v in value.items()}
    if type(value) is list:
        return [copy_plain(v) for v in value]
    return value


def merge(defaults: dict[str, Any], updates: dict[str, Any]) -> dict[str, Any]:
    """`updates` deep-merged over `defaults`, as confection's `Config.merge` does.

    Keys keep the order of `updates`, then come those only in `defaults`. A block that names
    another registered function than the default's is kept whole, not merged.
    """
    return _merge_into(copy_plain(updates), defaults)


def _merge_into(config: dict[str, Any], defaults: dict[str, Any]) -> dict[str, Any]:
    for key, value in defaults.items():
        if type(value) is dict:
            node = config.setdefault(key, {})
            if not isinstance(node, dict):
                continue
            ref_d = next((k for k in value if k.startswith("@")), None)
            ref_n = next((k for k in node if k.startswith("@")), None)
            if ref_d and ref_n and ref_d in node and node[ref_d] != value[ref_d]:
                continue
            if ref_n and (ref_n not in value or node[ref_n] != value[ref_n]):
                continue
            _merge_into(node, value)
        elif key not in config:
            config[key] = copy_plain(value)
    return config


def is_promise(value: Any) -> bool:
    """True for a block naming a registered function (a key starting with "@")."""
    return type(value) is dict and any(k.startswith("@") for k in value)


class _NotPlain(Exception):
    """Raised inside the resolver when a block needs confection's full treatment."""


def resolve(block: dict[str, Any], registry: Any, extra: dict[str, Any] | None = None
            ) -> tuple[Any, dict[str, Any]] | None:
    """Call the function a plain block names; return (its result, the block filled).

    `extra` holds arguments that are objects, not config (`nlp`); they are checked against
    the signature and passed, never recorded. None when the block is not plain.
    """
    try:
        _resolve_promise(block, registry, extra or {}, call=False)  # check all, call nothing
        return _resolve_promise(block, registry, extra or {}, call=True)
    except _NotPlain:
        return None


def fill_section(section: dict[str, Any], registry: Any) -> tuple[dict, dict] | None:
    """Resolve every block inside a plain section: (resolved section, filled section)."""
    try:
        _resolve_dict(section, registry, call=False)
        return _resolve_dict(section, registry, call=True)
    except _NotPlain:
        return None


def _resolve_value(value: Any, registry: Any, call: bool) -> tuple[Any, Any]:
    if is_promise(value):
        return _resolve_promise(value, registry, {}, call)
    if type(value) is dict:
        return _resolve_dict(value, registry, call)
    if type(value) is list:
        if any(is_promise(v) or type(v) in (dict, list) for v in value):
            raise _NotPlain
        return list(value), list(value)
    if type(value) in _PLAIN:
        if type(value) is str and "${" in value:
            raise _NotPlain
        return value, value
    raise _NotPlain


def _resolve_dict(value: dict[str, Any], registry: Any, call: bool) -> tuple[dict, dict]:
    resolved, filled = {}, {}
    for key, item in value.items():
        resolved[key], filled[key] = _resolve_value(item, registry, call)
    return resolved, filled


def _resolve_promise(block: dict[str, Any], registry: Any, extra: dict[str, Any], call: bool
                     ) -> tuple[Any, dict[str, Any]]:
    """(result, filled block); with `call=False` only checks (no function is called)."""
    refs = [k for k in block if k.startswith("@")]
    if len(refs) != 1 or "*" in block or type(block[refs[0]]) is not str:
        raise _NotPlain
    reg = getattr(registry, refs[0][1:], None)
    if reg is None or not hasattr(reg, "get") or block[refs[0]] not in reg:
        raise _NotPlain
    func = reg.get(block[refs[0]])
    params, hints = _signature(func)
    filled: dict[str, Any] = {}
    kwargs: dict[str, Any] = {}
    for key, value in block.items():
        if key.startswith("@"):
            filled[key] = value
            continue
        if key not in params:
            raise _NotPlain
        if not is_promise(value) and not matches(value, hints.get(key, Any)):
            raise _NotPlain
        kwargs[key], filled[key] = _resolve_value(value, registry, call)
    for key, value in extra.items():
        if key not in params or not matches(value, hints.get(key, Any)):
            raise _NotPlain
        kwargs[key] = value
    for key, param in params.items():
        if key in kwargs:
            continue
        if param.default is inspect.Parameter.empty or not _is_plain(param.default):
            raise _NotPlain
        filled[key] = copy_plain(param.default)
    return (func(**kwargs) if call else None), filled


_SIGNATURES: dict[Any, tuple[dict[str, inspect.Parameter], dict[str, Any]]] = {}


def _signature(func: Callable) -> tuple[dict[str, inspect.Parameter], dict[str, Any]]:
    """The keyword parameters and resolved type hints of a registered function."""
    found = _SIGNATURES.get(func)
    if found is not None:
        return found
    try:
        params = dict(inspect.signature(func).parameters)
    except (TypeError, ValueError) as e:
        raise _NotPlain from e
    if any(p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD, p.POSITIONAL_ONLY)
           for p in params.values()):
        raise _NotPlain
    target = func.__init__ if isinstance(func, type) else func
    globalns = getattr(target, "__globals__", None)
    hints: dict[str, Any] = {}
    for name, param in params.items():
        if param.annotation is inspect.Parameter.empty:
            continue

        def shim() -> None:
            """Holds one annotation, resolved in the function's module."""

        shim.__annotations__ = {name: param.annotation}
        try:
            hints[name] = typing.get_type_hints(shim, globalns=globalns)[name]
        except Exception:  # noqa: BLE001 - unresolvable: a value given for it is not plain
            hints[name] = _UNKNOWN
    _SIGNATURES[func] = (params, hints)
    return params, hints


_UNKNOWN = object()


def matches(value: Any, hint: Any) -> bool:
    """True only when `value` plainly has the annotated type (False when unsure)."""
    if hint is Any or hint is inspect.Parameter.empty:
        return True
    if hint is None or hint is type(None):
        return value is None
    if hint is float:
        return type(value) is float
    if hint in (int, str, bool):
        return type(value) is hint
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is typing.Union or origin is types.UnionType:
        return any(matches(value, arg) for arg in args)
    if origin is typing.Literal:
        return any(type(value) is type(arg) and value == arg for arg in args)
    if hint is list or origin is list:
        return type(value) is list and (not args or all(matches(v, args[0]) for v in value))
    if hint is dict or origin is dict:
        return type(value) is dict and (not args or all(
            matches(k, args[0]) and matches(v, args[1]) for k, v in value.items()))
    if hint is Callable or origin is Callable or hint is typing.Callable:
        return callable(value)
    if isinstance(hint, type) and origin is None and hint not in (list, dict, tuple, set):
        return isinstance(value, hint) and not (type(value) is bool and hint is not bool)
    return False
