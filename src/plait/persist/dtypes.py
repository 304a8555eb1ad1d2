"""Numpy dtypes as safe, little-endian descriptions, and back (docs/formats.md, "dtype")."""

from __future__ import annotations

import re

import numpy as np

from .format import MAX_DTYPE_DEPTH, MAX_FIELDS, MAX_ITEMSIZE, MAX_NDIM

_SIMPLE = re.compile(r"[<|][biufcSUVmM]\d{1,10}(\[\d{0,6}[a-zA-Z]{1,2}\])?")
_cache: dict[np.dtype, object] = {}


class DtypeProblem(ValueError):
    """A dtype description is malformed or not allowed (the caller adds the coded context)."""


def little_endian(dt: np.dtype) -> np.dtype:
    """Return `dt` with every field in little-endian (or byte-order-free) form."""
    simple = dt.fields is None and dt.subdtype is None
    if simple and (dt.byteorder in "<|" or (dt.byteorder == "=" and np.little_endian)):
        return dt
    return dt.newbyteorder("<")


def describe(dt: np.dtype) -> object:
    """Return the description of a little-endian, object-free dtype (cached)."""
    found = _cache.get(dt)
    if found is None:
        found = _describe(dt)
        if len(_cache) < 1024:
            _cache[dt] = found
    return found


def _describe(dt: np.dtype) -> object:
    if dt.subdtype is not None:
        base, shape = dt.subdtype
        return [_describe(base), list(shape)]
    if dt.names is not None:
        return {
            "names": list(dt.names),
            "formats": [_describe(dt.fields[n][0]) for n in dt.names],
            "offsets": [dt.fields[n][1] for n in dt.names],
            "itemsize": dt.itemsize,
        }
    text = dt.str
    if text[0] == "=":
        text = "<" + text[1:]
    return text


def parse(descr: object, depth: int = 0) -> np.dtype:
    """Build a dtype from a description, refusing anything but fixed-size, object-free types."""
    if depth > MAX_DTYPE_DEPTH:
        raise DtypeProblem(f"nested more than {MAX_DTYPE_DEPTH} levels")
    if isinstance(descr, str):
        if not _SIMPLE.fullmatch(descr):
            raise DtypeProblem("not a fixed-size little-endian type code")
        dt = _make(descr)
    elif isinstance(descr, dict):
        dt = _parse_struct(descr, depth)
    elif isinstance(descr, list):
        if len(descr) != 2 or not isinstance(descr[1], list):
            raise DtypeProblem("a sub-array type must be [base, shape]")
        base = parse(descr[0], depth + 1)
        shape = descr[1]
        if len(shape) > MAX_NDIM or not all(type(d) is int and 0 <= d < 2**31 for d in shape):
            raise DtypeProblem("bad sub-array shape")
        size = base.itemsize
        for d in shape:
            size *= d
        if size > MAX_ITEMSIZE:
            raise DtypeProblem("sub-array too large")
        dt = _make((base, tuple(shape)))
    else:
        raise DtypeProblem(f"a description is a str, map or list, not {type(descr).__name__}")
    if dt.hasobject:
        raise DtypeProblem("object dtypes are not stored")
    if dt.itemsize > MAX_ITEMSIZE:
        raise DtypeProblem(f"itemsize {dt.itemsize} above the limit {MAX_ITEMSIZE}")
    return dt


def _parse_struct(descr: dict, depth: int) -> np.dtype:
    if set(descr) != {"names", "formats", "offsets", "itemsize"}:
        raise DtypeProblem("a structured type has exactly names, formats, offsets, itemsize")
    names, formats, offsets, itemsize = (
        descr["names"], descr["formats"], descr["offsets"], descr["itemsize"]
    )
    if not (isinstance(names, list) and isinstance(formats, list) and isinstance(offsets, list)):
        raise DtypeProblem("names, formats and offsets must be lists")
    if not len(names) == len(formats) == len(offsets) or len(names) > MAX_FIELDS:
        raise DtypeProblem("names, formats and offsets differ in length or are too many")
    if not all(isinstance(n, str) for n in names) or len(set(names)) != len(names):
        raise DtypeProblem("field names must be distinct strings")
    if not all(type(o) is int and 0 <= o <= MAX_ITEMSIZE for o in offsets):
        raise DtypeProblem("bad field offsets")
    if type(itemsize) is not int or not 0 <= itemsize <= MAX_ITEMSIZE:
        raise DtypeProblem("bad itemsize")
    fields = [parse(f, depth + 1) for f in formats]
    return _make({"names": names, "formats": fields, "offsets": offsets, "itemsize": itemsize})


def _make(spec: object) -> np.dtype:
    try:
        return np.dtype(spec)
    except (TypeError, ValueError, OverflowError) as e:
        raise DtypeProblem(f"numpy refuses it ({e})") from e
