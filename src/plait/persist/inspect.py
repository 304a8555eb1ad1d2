"""Show what a plait.persist file holds without loading its arrays."""

from __future__ import annotations

import os
import sys
from contextlib import ExitStack
from typing import Any, BinaryIO, TextIO

from ..errors import Errors, FormatError
from . import format as fmt
from .dtypes import DtypeProblem, parse

_NAMES = {
    fmt.T_LIST: "list", fmt.T_TUPLE: "tuple", fmt.T_DICT: "dict", fmt.T_SET: "set",
    fmt.T_FROZENSET: "frozenset", fmt.T_BYTEARRAY: "bytearray", fmt.T_BIGINT: "int",
    fmt.T_COMPLEX: "complex", fmt.T_DECIMAL: "Decimal", fmt.T_DATETIME: "datetime",
    fmt.T_DATE: "date", fmt.T_TIME: "time", fmt.T_TIMEDELTA: "timedelta",
    fmt.T_TIMEZONE: "timezone", fmt.T_ZONEINFO: "ZoneInfo", fmt.T_PATH: "path",
    fmt.T_NPSCALAR: "numpy scalar",
}
_MAX_LINES = 200


def _size(n: int) -> str:
    for unit in ("B", "kB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000  # type: ignore[assignment]
    return str(n)


def describe(source: str | os.PathLike | BinaryIO) -> str:
    """Return a text summary of a file: header, then one line per value (arrays not read)."""
    from .api import _open, read_front

    with ExitStack() as stack:
        opened = _open(source, stack, None)
        header, tree = read_front(opened)
    lines = [
        f"{opened.source}: plait.persist format {fmt.VERSION}, "
        f"compression {opened.method or 'none'}, structure {_size(header.structure_length)}, "
        f"array data {_size(header.data_length)}"
        + (", data checksum" if header.flags & fmt.FLAG_DATA_CRC else "")
        + (", packed arrays" if header.flags & fmt.FLAG_PACKED else "")
    ]
    counts = {"arrays": 0, "values": 0}
    _walk(tree, "obj", 0, lines, counts, opened.source)
    if len(lines) > _MAX_LINES:
        hidden = len(lines) - _MAX_LINES
        lines = lines[:_MAX_LINES] + [f"... {hidden} more lines"]
    lines.append(f"{counts['arrays']} arrays, {counts['values']} values")
    return "\n".join(lines)


def inspect(source: str | os.PathLike | BinaryIO, file: TextIO | None = None) -> None:
    """Print what a file holds (types, array shapes, dtypes and sizes) without loading arrays."""
    print(describe(source), file=file or sys.stdout)


def _walk(node: Any, path: str, depth: int, lines: list[str], counts: dict, source: str) -> None:
    counts["values"] += 1
    pad = "  " * min(depth, 20)
    if depth > fmt.MAX_DEPTH:
        raise FormatError(Errors.E275.format(source=source, limit=fmt.MAX_DEPTH, path=path))
    if type(node) is not list:
        text = repr(node)
        lines.append(f"{pad}{path}: {type(node).__name__} {text[:60]}")
        return
    if not node or type(node[0]) is not int:
        raise FormatError(Errors.E267.format(source=source, path=path, reason="a node needs a tag"))
    tag = node[0]
    if tag == fmt.T_ARRAY and len(node) == 5:
        counts["arrays"] += 1
        try:
            dtype = str(parse(node[1]))
        except DtypeProblem as e:
            dtype = f"<invalid dtype: {e}>"
        order = " (Fortran order)" if node[3] is True else ""
        shape = tuple(node[2]) if type(node[2]) is list else node[2]
        size = _size(node[4]) if type(node[4]) is int else "?"
        lines.append(f"{pad}{path}: ndarray {dtype} {shape}{order}, {size}")
    elif tag == fmt.T_OBJECT and len(node) == 3:
        lines.append(f"{pad}{path}: object {node[1]!s}")
        state = node[2]
        if type(state) is list and state and state[0] == fmt.T_DICT:
            _pairs(state, path, depth, lines, counts, source, attrs=True)
        else:
            _walk(state, path + ".<state>", depth + 1, lines, counts, source)
    elif tag == fmt.T_REF:
        lines.append(f"{pad}{path}: reference to shared value #{node[1] if len(node) > 1 else '?'}")
    elif tag == fmt.T_DICT:
        lines.append(f"{pad}{path}: dict ({(len(node) - 1) // 2} items)")
        _pairs(node, path, depth, lines, counts, source, attrs=False)
    elif tag in (fmt.T_LIST, fmt.T_TUPLE, fmt.T_SET, fmt.T_FROZENSET):
        lines.append(f"{pad}{path}: {_NAMES[tag]} ({len(node) - 1} items)")
        for i, item in enumerate(node[1:]):
            _walk(item, f"{path}[{i}]", depth + 1, lines, counts, source)
    else:
        lines.append(f"{pad}{path}: {_NAMES.get(tag, f'<unknown tag {tag}>')}")


def _pairs(
    node: list, path: str, depth: int, lines: list[str], counts: dict, source: str, attrs: bool
) -> None:
    for i in range(1, len(node) - 1, 2):
        key = node[i]
        if type(key) is list:
            shown = f"<{_NAMES.get(key[0], 'value') if key else 'value'}>"
            step = f"[{shown}]"
        else:
            step = f".{key}" if attrs and isinstance(key, str) else f"[{key!r}]"
        _walk(node[i + 1], path + step, depth + 1, lines, counts, source)
