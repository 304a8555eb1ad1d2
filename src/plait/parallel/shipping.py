"""What a worker process needs to rebuild a pipeline: `PipelineSpec`, built once, sent once.

A spec holds the pipeline's config text and bytes (no pickle of the object graph), the
modules to import so that its factories and registered functions exist in a fresh process
(the `spawn` start method, a Dask worker), the extension attributes registered in the
parent, and, for a large vectors table, the path of one file that every worker
memory-maps instead of receiving its own copy.
"""

from __future__ import annotations

import contextlib
import importlib
import pickle
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import Errors, PipelineError, Warnings, warn

if TYPE_CHECKING:
    from ..language import Language
    from ..vocab import Vocab

#: vectors tables at least this large are memory-mapped by workers, not copied into each
MMAP_MIN_BYTES = 1 << 20
VECTORS_DIR = "vectors"


@dataclass
class PipelineSpec:
    """A pipeline as a worker rebuilds it (picklable; the pipeline itself travels as bytes)."""

    lang_cls: type
    factory_modules: list[str]
    registry_modules: list[str]
    config_text: str
    vocab_bytes: bytes
    data: bytes
    extensions: list[tuple[str, str, tuple]] = field(default_factory=list)
    error_handler: Callable | None = None
    vectors_path: str | None = None

    def build(self) -> Language:
        """Rebuild the pipeline (in a worker): imports, extensions, config, bytes, vectors."""
        from ..config import load_config_from_str

        for module in self.registry_modules:
            # best effort: only configs this pipeline does not use may need a failing one
            with contextlib.suppress(Exception):
                importlib.import_module(module)
        for module in self.factory_modules:
            importlib.import_module(module)
        register_extensions(self.extensions)
        nlp = self.lang_cls.from_config(load_config_from_str(self.config_text))
        nlp.vocab.from_bytes(self.vocab_bytes, exclude=["vectors"] if self.vectors_path else [])
        nlp.from_bytes(self.data, exclude=["config", "vocab"])
        if self.vectors_path is not None:
            attach_vectors(nlp.vocab, self.vectors_path)
        if self.error_handler is not None:
            nlp.set_error_handler(self.error_handler)
        return nlp


@dataclass
class InheritedPipeline:
    """A forked worker's pipeline: the parent's own object, inherited copy-on-write.

    Forked workers start with a copy of the parent's memory (components, weights, extensions,
    vectors), so rebuilding the pipeline from its bytes would only cost time.
    """

    nlp: Language

    def build(self) -> Language:
        """The inherited pipeline itself."""
        return self.nlp


def make_spec(
    nlp: Language, *, start_method: str | None, vectors_dir: str | Path | None = None
) -> PipelineSpec:
    """Describe `nlp` for workers started with `start_method` (None: a Dask worker).

    With `vectors_dir`, a vectors table of MMAP_MIN_BYTES or more is written there once, for
    workers to memory-map. Extensions are sent unless workers are forked (they inherit them).
    """
    from ..language_io import factory_modules

    vectors_path = None
    vectors = nlp.vocab.vectors
    if vectors_dir is not None and vectors.data.nbytes >= MMAP_MIN_BYTES:
        vectors_path = str(Path(vectors_dir) / VECTORS_DIR)
        write_vectors(nlp.vocab, vectors_path)
    handler = nlp.default_error_handler
    return PipelineSpec(
        lang_cls=type(nlp),
        factory_modules=factory_modules(nlp),
        registry_modules=registry_modules(),
        config_text=nlp.config.to_str(interpolate=False),
        vocab_bytes=nlp.vocab.to_bytes(exclude=["vectors"] if vectors_path else []),
        data=nlp.to_bytes(exclude=["config", "vocab"]),
        extensions=[] if start_method == "fork" else collect_extensions(start_method or "dask"),
        error_handler=handler if _picklable(handler) else None,
        vectors_path=vectors_path,
    )


def registry_modules() -> list[str]:
    """Modules outside plait that registered functions (configs may name them)."""
    import catalogue

    modules = set()
    for key, func in catalogue.REGISTRY.items():
        module = getattr(func, "__module__", None)
        if key[0] == "plait" and module and module != "__main__" and module != "__mp_main__":
            modules.add(module)
    return sorted(m for m in modules if m.split(".")[0] != "plait")


def _picklable(obj: Any) -> bool:
    try:
        pickle.dumps(obj)
    except Exception:  # noqa: BLE001 - lambdas, closures, local classes...
        return False
    return True


def collect_extensions(method: str) -> list[tuple[str, str, tuple]]:
    """The extensions registered on Doc, Span and Token that can be sent (W090 for others)."""
    from ..tokens import Doc, Span, Token

    found = []
    for cls in (Doc, Span, Token):
        for name, ext in cls._extensions.items():
            if _picklable(ext):
                found.append((cls.__name__, name, ext))
                continue
            reason = "a function defined in a function, a lambda, or an unpicklable default"
            warn(Warnings.W090.format(obj=cls.__name__, name=name, method=method,
                                      reason=reason))
    return found


def register_extensions(extensions: list[tuple[str, str, tuple]]) -> None:
    """Register extensions collected by `collect_extensions` (in a worker)."""
    from ..tokens import Doc, Span, Token

    classes = {"Doc": Doc, "Span": Span, "Token": Token}
    for cls_name, name, (default, method, getter, setter) in extensions:
        cls = classes[cls_name]
        if getter is not None:
            cls.set_extension(name, getter=getter, setter=setter, force=True)
        elif method is not None:
            cls.set_extension(name, method=method, force=True)
        else:
            cls.set_extension(name, default=default, force=True)


def write_vectors(vocab: Vocab, path: str) -> None:
    """Write the vectors table once to directory `path` (a scratch copy workers memory-map)."""
    vocab.vectors.to_disk(path, durable=False)


def attach_vectors(vocab: Vocab, path: str) -> None:
    """Point `vocab.vectors` at a copy-on-write memory map of what `write_vectors` wrote."""
    from ..vectors import Vectors

    vocab.vectors = Vectors().from_disk(path, mmap=True)


def build_or_report(spec: PipelineSpec | InheritedPipeline, method: str) -> Language:
    """Build the spec's pipeline, turning any failure into a coded PipelineError (E751)."""
    try:
        return spec.build()
    except Exception as e:
        raise PipelineError(Errors.E751.format(
            method=method, type=type(e).__name__, error=e, traceback=traceback.format_exc()
        )) from e
