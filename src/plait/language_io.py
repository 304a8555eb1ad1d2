"""Saving and loading a whole pipeline, by declaring its parts (see `plait.serialize`).

Parts: `config` (config.cfg), `meta` (meta.json), `vocab`, `tokenizer`, then one part per
component that has `to_bytes`/`to_disk`. Loading builds the pipeline from its config (code
comes from registered factories, never from the data) and then reads each part.
"""

from __future__ import annotations

import functools
import importlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import serialize
from .config import load_config_from_str
from .errors import Errors, FormatError, InputError, PipelineError
from .persist.atomic import fsync_dir

if TYPE_CHECKING:
    from .language import Language
    from .vocab import Vocab

_FILE_NAMES = {"config": "config.cfg", "meta": "meta.json"}


def _call_without_vocab(method: Callable, *args: Any) -> Any:
    """Call a part's (de)serializer excluding its vocab (the pipeline saves the vocab once)."""
    try:
        return method(*args, exclude=["vocab"])
    except (TypeError, InputError):
        return method(*args)


def _part_methods(nlp: Language, method: str) -> dict[str, Callable[..., Any]]:
    """The tokenizer's and each component's `method` ("to_bytes", ...) by part name.

    Each is called without the vocab. On disk, a component that has bytes only (no
    `to_disk` / `from_disk`) is saved as one file.
    """
    parts: dict[str, Callable[..., Any]] = {}
    if hasattr(nlp.tokenizer, method):
        parts["tokenizer"] = functools.partial(_call_without_vocab, getattr(nlp.tokenizer, method))
    for name, proc in nlp.components:
        if hasattr(proc, method):
            parts[name] = functools.partial(_call_without_vocab, getattr(proc, method))
        elif method == "to_disk" and hasattr(proc, "to_bytes"):
            parts[name] = lambda p, proc=proc: serialize.write_bytes(
                p, _call_without_vocab(proc.to_bytes)
            )
        elif method == "from_disk" and hasattr(proc, "from_bytes"):
            parts[name] = lambda p, proc=proc: _call_without_vocab(
                proc.from_bytes, p.read_bytes()
            )
    return parts


def _parts(nlp: Language, exclude: Iterable[str]) -> tuple[list[str], set[str]]:
    names = ["config", "meta", "vocab", "tokenizer", *nlp.component_names]
    return names, serialize.check_exclude(exclude, names)


def _meta_bytes(nlp: Language) -> bytes:
    return json.dumps(nlp.meta, indent=2, sort_keys=True).encode("utf8")


def _set_meta(nlp: Language, data: bytes) -> None:
    try:
        meta = json.loads(data)
    except (ValueError, UnicodeDecodeError) as e:
        raise FormatError(Errors.E203.format(part="meta", reason=e)) from e
    if not isinstance(meta, dict):
        raise FormatError(Errors.E203.format(part="meta", reason="it is not a JSON object"))
    meta.pop("checksums", None)
    nlp.meta = {**nlp._meta, **meta}


def _set_config(nlp: Language, data: bytes) -> None:
    try:
        text = data.decode("utf8")
    except UnicodeDecodeError as e:
        raise FormatError(Errors.E203.format(part="config", reason=e)) from e
    nlp.config = load_config_from_str(text)


def to_bytes(nlp: Language, exclude: Iterable[str]) -> bytes:
    """Serialize a pipeline to bytes (a msgpack map of part name -> bytes)."""
    _names, exclude = _parts(nlp, exclude)
    getters: dict[str, Callable[[], bytes]] = {
        "config": lambda: nlp.config.to_str(interpolate=False).encode("utf8"),
        "meta": lambda: _meta_bytes(nlp),
        "vocab": nlp.vocab.to_bytes,
        **_part_methods(nlp, "to_bytes"),
    }
    return serialize.to_bytes(getters, exclude)


def from_bytes(nlp: Language, data: bytes, exclude: Iterable[str]) -> Language:
    """Load `to_bytes` output into a pipeline built from the same config."""
    _names, exclude = _parts(nlp, exclude)
    setters: dict[str, Callable[[bytes], Any]] = {
        "config": lambda b: _set_config(nlp, b),
        "meta": lambda b: _set_meta(nlp, b),
        "vocab": nlp.vocab.from_bytes,
        **_part_methods(nlp, "from_bytes"),
    }
    serialize.from_bytes(data, setters, exclude)
    return nlp


def to_disk(nlp: Language, path: str | Path, exclude: Iterable[str]) -> None:
    """Save a pipeline to a directory: config.cfg, meta.json, vocab/, tokenizer, components.

    Everything is written into a temporary sibling directory first; meta.json (written
    last) records a checksum of every other file; then the directory is renamed into place,
    replacing an existing pipeline only once the new one is complete.
    """
    _names, exclude = _parts(nlp, exclude)
    target = Path(path)
    _check_target(target)
    writers: dict[str, Callable[[Path], None]] = {
        "config.cfg": lambda p: serialize.write_bytes(
            p, nlp.config.to_str(interpolate=False).encode("utf8")
        ),
        "vocab": nlp.vocab.to_disk,
        **_part_methods(nlp, "to_disk"),
    }
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    try:
        os.chmod(tmp, 0o777 & ~_umask())
        serialize.to_disk(tmp, writers, {_FILE_NAMES.get(n, n) for n in exclude})
        if "meta" not in exclude:
            from .loading import CHECKSUM_KEY, directory_checksums

            meta = {k: v for k, v in nlp.meta.items() if k != CHECKSUM_KEY}
            meta[CHECKSUM_KEY] = directory_checksums(tmp)
            data = json.dumps(meta, indent=2, sort_keys=True).encode("utf8")
            serialize.write_bytes(tmp / "meta.json", data)
        _replace_dir(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _check_target(target: Path) -> None:
    """Refuse to replace anything but a saved pipeline or an empty directory (E379)."""
    if not target.exists():
        return
    if target.is_dir() and (
        (target / "config.cfg").exists() or (target / "meta.json").exists()
        or not any(target.iterdir())
    ):
        return
    raise PipelineError(Errors.E379.format(path=target))


def _replace_dir(tmp: Path, target: Path) -> None:
    """Rename `tmp` to `target`; an existing `target` is moved aside, then deleted."""
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
        os.rmdir(old)
        os.rename(target, old)
    try:
        os.rename(tmp, target)
    except OSError:
        if old is not None:
            os.rename(old, target)  # put the previous pipeline back
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    fsync_dir(target.parent)


def from_disk(nlp: Language, path: str | Path, exclude: Iterable[str]) -> Language:
    """Load a directory written by `to_disk` into a pipeline built from its config."""
    _names, exclude = _parts(nlp, exclude)
    readers: dict[str, Callable[[Path], Any]] = {
        "config.cfg": lambda p: _set_config(nlp, p.read_bytes()),
        "meta.json": lambda p: _set_meta(nlp, p.read_bytes()),
        "vocab": nlp.vocab.from_disk,
        **_part_methods(nlp, "from_disk"),
    }
    serialize.from_disk(path, readers, {_FILE_NAMES.get(n, n) for n in exclude})
    return nlp


def load_from_path(
    path: str | Path, *, vocab: Vocab | bool = True, disable: Iterable[str] = (),
    enable: Iterable[str] = (), exclude: Iterable[str] = (), config: Any = None,
) -> Language:
    """Load a pipeline saved with `nlp.to_disk(path)` (see `plait.loading.load_from_dir`)."""
    from .loading import load_from_dir

    return load_from_dir(Path(path), vocab=vocab, disable=disable, enable=enable,
                         exclude=exclude, config=config)


def factory_modules(nlp: Language) -> list[str]:
    """The modules that registered the pipeline's factories (a new process imports them)."""
    modules = {type(nlp).__module__}
    for name in nlp.component_names:
        module = nlp.get_pipe_meta(name).module
        if module and module != "__main__":
            modules.add(module)
    return sorted(modules)


def reduce_args(nlp: Language) -> tuple:
    """What rebuilds `nlp` elsewhere: its class, modules to import, config text and bytes."""
    config_text = nlp.config.to_str(interpolate=False)
    return (type(nlp), factory_modules(nlp), config_text, nlp.to_bytes(exclude=["config"]))


def pipeline_from_bytes(
    lang_cls: type[Language], modules: list[str], config_text: str, data: bytes
) -> Language:
    """Rebuild a pipeline from `reduce_args` output (used by pickle and worker processes)."""
    for module in modules:
        importlib.import_module(module)
    config = load_config_from_str(config_text)
    nlp = lang_cls.from_config(config)
    return nlp.from_bytes(data, exclude=["config"])
