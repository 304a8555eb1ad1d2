"""Saving and loading a whole pipeline, by declaring its parts (see `plait.serialize`).

Parts: `config` (config.cfg), `meta` (meta.json), `vocab`, `tokenizer`, then one part per
component that has `to_bytes`/`to_disk`. Loading builds the pipeline from its config (code
comes from registered factories, never from the data) and then reads each part.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import serialize
from .config import load_config, load_config_from_str
from .errors import Errors, FormatError, InputError

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
    nlp.meta = {**nlp._meta, **meta}


def _set_config(nlp: Language, data: bytes) -> None:
    nlp.config = load_config_from_str(data.decode("utf8"))


def to_bytes(nlp: Language, exclude: Iterable[str]) -> bytes:
    """Serialize a pipeline to bytes (a msgpack map of part name -> bytes)."""
    _names, exclude = _parts(nlp, exclude)
    getters: dict[str, Callable[[], bytes]] = {
        "config": lambda: nlp.config.to_str(interpolate=False).encode("utf8"),
        "meta": lambda: _meta_bytes(nlp),
        "vocab": nlp.vocab.to_bytes,
    }
    if hasattr(nlp.tokenizer, "to_bytes"):
        getters["tokenizer"] = lambda: _call_without_vocab(nlp.tokenizer.to_bytes)
    for name, proc in nlp.components:
        if hasattr(proc, "to_bytes"):
            getters[name] = lambda proc=proc: _call_without_vocab(proc.to_bytes)
    return serialize.to_bytes(getters, exclude)


def from_bytes(nlp: Language, data: bytes, exclude: Iterable[str]) -> Language:
    """Load `to_bytes` output into a pipeline built from the same config."""
    _names, exclude = _parts(nlp, exclude)
    setters: dict[str, Callable[[bytes], Any]] = {
        "config": lambda b: _set_config(nlp, b),
        "meta": lambda b: _set_meta(nlp, b),
        "vocab": nlp.vocab.from_bytes,
    }
    if hasattr(nlp.tokenizer, "from_bytes"):
        setters["tokenizer"] = lambda b: _call_without_vocab(nlp.tokenizer.from_bytes, b)
    for name, proc in nlp.components:
        if hasattr(proc, "from_bytes"):
            setters[name] = lambda b, proc=proc: _call_without_vocab(proc.from_bytes, b)
    serialize.from_bytes(data, setters, exclude)
    return nlp


def to_disk(nlp: Language, path: str | Path, exclude: Iterable[str]) -> None:
    """Save a pipeline to a directory: config.cfg, meta.json, vocab/, tokenizer, components."""
    _names, exclude = _parts(nlp, exclude)
    writers: dict[str, Callable[[Path], None]] = {
        "config.cfg": lambda p: serialize.write_bytes(
            p, nlp.config.to_str(interpolate=False).encode("utf8")
        ),
        "meta.json": lambda p: serialize.write_bytes(p, _meta_bytes(nlp)),
        "vocab": nlp.vocab.to_disk,
    }
    if hasattr(nlp.tokenizer, "to_disk"):
        writers["tokenizer"] = lambda p: _call_without_vocab(nlp.tokenizer.to_disk, p)
    for name, proc in nlp.components:
        if hasattr(proc, "to_disk"):
            writers[name] = lambda p, proc=proc: _call_without_vocab(proc.to_disk, p)
        elif hasattr(proc, "to_bytes"):  # a component with bytes only is saved as one file
            writers[name] = lambda p, proc=proc: serialize.write_bytes(
                p, _call_without_vocab(proc.to_bytes)
            )
    serialize.to_disk(path, writers, {_FILE_NAMES.get(n, n) for n in exclude})


def from_disk(nlp: Language, path: str | Path, exclude: Iterable[str]) -> Language:
    """Load a directory written by `to_disk` into a pipeline built from its config."""
    _names, exclude = _parts(nlp, exclude)
    readers: dict[str, Callable[[Path], Any]] = {
        "config.cfg": lambda p: _set_config(nlp, p.read_bytes()),
        "meta.json": lambda p: _set_meta(nlp, p.read_bytes()),
        "vocab": nlp.vocab.from_disk,
    }
    if hasattr(nlp.tokenizer, "from_disk"):
        readers["tokenizer"] = lambda p: _call_without_vocab(nlp.tokenizer.from_disk, p)
    for name, proc in nlp.components:
        if hasattr(proc, "from_disk"):
            readers[name] = lambda p, proc=proc: _call_without_vocab(proc.from_disk, p)
        elif hasattr(proc, "from_bytes"):
            readers[name] = lambda p, proc=proc: _call_without_vocab(
                proc.from_bytes, p.read_bytes()
            )
    serialize.from_disk(path, readers, {_FILE_NAMES.get(n, n) for n in exclude})
    return nlp


def load_from_path(
    path: str | Path, *, vocab: Vocab | bool = True, disable: Iterable[str] = (),
    enable: Iterable[str] = (), exclude: Iterable[str] = (),
) -> Language:
    """Load a pipeline saved with `nlp.to_disk(path)`: build it from config.cfg, then read it."""
    from .language import Language, get_lang_class

    path = Path(path)
    config = load_config(path / "config.cfg")
    meta_path = path / "meta.json"
    meta = {}
    if meta_path.exists():
        try:
            meta = json.loads(meta_path.read_text(encoding="utf8"))
        except (ValueError, OSError) as e:
            raise FormatError(Errors.E203.format(part=meta_path, reason=e)) from e
    lang = config["nlp"].get("lang")
    lang_cls = get_lang_class(lang) if lang else Language
    nlp = lang_cls.from_config(
        config, vocab=vocab, disable=disable, enable=enable, exclude=exclude, meta=meta
    )
    excluded = [name for name in exclude if name not in nlp.component_names]
    return nlp.from_disk(path, exclude=[n for n in excluded if n in ("vocab", "tokenizer")])


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
