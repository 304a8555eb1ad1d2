"""Loading saved pipelines: `plait.load`, `plait.from_bytes`, `plait.check_compatibility`.

A saved pipeline is a directory written by `nlp.to_disk`: `config.cfg`, `meta.json` (with a
SHA-256 checksum of every other file), `vocab/`, `tokenizer` and one entry per component.
Loading checks, in order: the directory and its config exist, meta.json parses, the running
plait meets the saved `plait_version` range, every checksum matches, every factory the
config names is registered. Only then is the pipeline built (code comes from registered
factories, never from the files) and its data read. A failed load returns nothing.
"""

from __future__ import annotations

import _thread
import gc
import hashlib
import json
import mmap
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .about import __version__
from .errors import (
    CompatibilityError,
    Errors,
    FormatError,
    LookupFailed,
    NotFound,
    PlaitError,
    Warnings,
    warn,
)

if TYPE_CHECKING:
    from confection import Config

    from .language import Language
    from .vocab import Vocab

CHECKSUM_KEY = "checksums"
# files at least this big are hashed in a background thread while the pipeline is built
_BIG_FILE = 1 << 18
# pipelines shipped inside plait (package data), loadable by name with no download
BUILTIN_PIPELINES_DIR = Path(__file__).parent / "pipelines"


def builtin_pipeline_path(name: str | Path) -> Path | None:
    """The directory of a pipeline shipped with plait (`"en_plait_sm"`), or None."""
    if not isinstance(name, str) or not name.isidentifier():
        return None
    path = BUILTIN_PIPELINES_DIR / name
    return path if (path / "config.cfg").is_file() else None


# --- checksums -----------------------------------------------------------------------------


def file_checksum(path: Path) -> str:
    """"sha256:<hex>" of a file's bytes."""
    with open(path, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        if size == 0:
            return f"sha256:{hashlib.sha256().hexdigest()}"
        # one call over the mapped file: no copy, and the GIL is released for all of it
        with mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
            return f"sha256:{hashlib.sha256(mapped).hexdigest()}"


def directory_checksums(root: Path) -> dict[str, str]:
    """Checksums of every file under `root` except meta.json, by POSIX relative path."""
    return {
        p.relative_to(root).as_posix(): file_checksum(p)
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.relative_to(root).as_posix() != "meta.json"
    }


def _checksum_entries(path: Path, meta: dict, stacklevel: int) -> list[tuple[str, Path, str]]:
    """(relative name, file, stored checksum) of every listed file; E378/E374 when invalid."""
    sums = meta.get(CHECKSUM_KEY)
    if sums is None:
        warn(Warnings.W071.format(path=path), stacklevel=stacklevel)
        return []
    if not isinstance(sums, dict):
        raise FormatError(Errors.E378.format(path=path, reason="'checksums' is not a map"))
    root = path.resolve()
    entries = []
    for rel, stored in sums.items():
        if not isinstance(rel, str) or not isinstance(stored, str):
            raise FormatError(Errors.E378.format(path=path, reason=f"bad checksum entry {rel!r}"))
        target = (path / rel).resolve()
        if root not in target.parents:
            raise FormatError(Errors.E378.format(path=path, reason=f"bad checksum entry {rel!r}"))
        if not target.is_file():
            raise FormatError(Errors.E374.format(path=path, file=rel))
        entries.append((rel, target, stored))
    return entries


def _check_file(path: Path, rel: str, target: Path, stored: str) -> None:
    try:
        computed = file_checksum(target)
    except OSError as e:
        raise FormatError(Errors.E375.format(path=path, file=rel, error=e)) from e
    if computed != stored:
        raise FormatError(Errors.E372.format(path=path, file=rel, stored=stored,
                                             computed=computed))


class _BackgroundChecks:
    """Checksums of big files computed in a thread; `wait()` raises the first failure.

    hashlib releases the GIL while it hashes a mapped file, so this runs alongside the
    (pure Python) building of the pipeline. No file checked here is read before `wait()`.
    The thread is started with `_thread`, which does not wait until the new thread runs (as
    `threading.Thread.start` does: up to a few ms on a busy machine); `wait()` joins it.
    """

    def __init__(self, path: Path, entries: list[tuple[str, Path, str]]) -> None:
        self._path = path
        self._entries = entries
        self._error: BaseException | None = None
        self._done: _thread.LockType | None = None
        if entries:
            done = self._done = _thread.allocate_lock()
            done.acquire()
            _thread.start_new_thread(self._run, (done,))

    def _run(self, done: _thread.LockType) -> None:
        try:
            for rel, target, stored in self._entries:
                _check_file(self._path, rel, target, stored)
        except BaseException as e:  # noqa: BLE001 - handed to the loading thread in wait()
            self._error = e
        finally:
            done.release()

    def wait(self) -> None:
        """Block until every file is checked; raise the coded error of a failed one."""
        if self._done is not None:
            self._done.acquire()
            self._done = None
        if self._error is not None:
            error, self._error = self._error, None
            raise error


def start_checksums(path: Path, meta: dict, *, first: Iterable[str] = ()) -> _BackgroundChecks:
    """Verify the files named in `first` and every small file now; big ones in a thread.

    Raises E378/E374 (bad or missing entries) and E372 (mismatch) at once for the files
    checked now; the returned object's `wait()` raises those of the big files.
    """
    entries = _checksum_entries(path, meta, stacklevel=6)
    later = []
    now = set(first)
    for rel, target, stored in entries:
        if rel in now or target.stat().st_size < _BIG_FILE:
            _check_file(path, rel, target, stored)
        else:
            later.append((rel, target, stored))
    return _BackgroundChecks(path, later)


# --- meta and compatibility ------------------------------------------------------------


def read_meta(path: Path) -> dict[str, Any]:
    """Parse `path/meta.json` (E371 when absent, E378 when invalid)."""
    meta_path = path / "meta.json"
    if not meta_path.is_file():
        raise FormatError(Errors.E371.format(path=path, missing="meta.json"))
    try:
        meta = json.loads(meta_path.read_bytes())
    except (ValueError, UnicodeDecodeError) as e:
        raise FormatError(Errors.E378.format(path=path, reason=f"not valid JSON ({e})")) from e
    except OSError as e:
        raise FormatError(Errors.E375.format(path=path, file="meta.json", error=e)) from e
    if not isinstance(meta, dict):
        raise FormatError(Errors.E378.format(path=path, reason="it is not a JSON object"))
    return meta


def _major_minor(version: str) -> tuple[int, int]:
    parts = [int(p) if p.isdigit() else 0 for p in version.split(".")[:2]]
    return (parts + [0, 0])[0], (parts + [0, 0])[1]


def version_problem(meta: dict, path: Path | str) -> tuple[str, str] | None:
    """None when the running plait meets meta's `plait_version`; else ("error"|"warn", why)."""
    from .packages import version_in_range

    spec = meta.get("plait_version")
    if spec is None:
        return None
    if not isinstance(spec, str):
        return "error", f"meta.json has an invalid plait_version {spec!r}"
    try:
        ok = version_in_range(__version__, spec, source=f"{path}/meta.json")
    except PlaitError as e:
        return "error", str(e)
    if ok:
        return None
    lows = [part.strip()[2:] for part in spec.split(",") if part.strip().startswith(">=")]
    if lows and _major_minor(lows[0]) > _major_minor(__version__):
        return "error", f"it was saved by a newer plait ({lows[0]} or later)"
    return "warn", "it was saved by an older plait"


@dataclass
class Compatibility:
    """Whether a saved pipeline can be loaded by the running plait, and why not."""

    compatible: bool
    reasons: list[str] = field(default_factory=list)
    plait_version: str = __version__
    saved_range: str | None = None
    missing_factories: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return self.compatible


def check_compatibility(path_or_package: str | Path) -> Compatibility:
    """Tell, without loading it, whether a saved pipeline (or package) loads here, and why not.

    Checks that it exists, its meta.json and config.cfg parse, the plait_version range, and
    that every factory its config names is registered. Never raises for an incompatibility.
    """
    path = _resolve(path_or_package)
    if path is None:
        return Compatibility(False, [Errors.E370.format(name=str(path_or_package))])
    reasons: list[str] = []
    try:
        meta = read_meta(path)
        config = _read_config(path, None)
    except PlaitError as e:
        return Compatibility(False, [str(e)])
    saved = meta.get("plait_version")
    problem = version_problem(meta, path)
    if problem is not None and problem[0] == "error":
        reasons.append(Errors.E373.format(path=path, range=saved, version=__version__,
                                          reason=problem[1]))
    missing = _missing_factories(config)
    for name, factory in missing:
        reasons.append(_unknown_factory_error(path, meta, name, factory))
    return Compatibility(not reasons, reasons, __version__, saved, [f for _n, f in missing])


# --- loading -----------------------------------------------------------------------------


def _resolve(name: str | Path) -> Path | None:
    """The directory of a saved pipeline given as a path or an installed package name."""
    path = Path(name)
    if path.exists():
        return path
    if isinstance(name, str):
        from .packages import get_package_path, is_package, package_data_dir

        if is_package(name):
            try:
                package_dir = get_package_path(name)
                meta = read_meta(package_dir)
                data = package_dir / package_data_dir(meta)
                return data if data.is_dir() else package_dir
            except (PlaitError, KeyError):
                return None
        return builtin_pipeline_path(name)
    return None


def _read_config(path: Path, overrides: dict | None) -> Config:
    from .config import load_config

    if not (path / "config.cfg").is_file():
        raise FormatError(Errors.E371.format(path=path, missing="config.cfg"))
    return load_config(path / "config.cfg", overrides=overrides or None)


def _read_plain_config(path: Path) -> dict | None:
    """config.cfg as plain dicts when it is plain (see `plait.config_fastpath`), else None."""
    from .config_fastpath import parse_config_text

    try:
        text = (path / "config.cfg").read_text(encoding="utf8")
    except (OSError, UnicodeDecodeError):
        return None  # _read_config raises the coded error
    return parse_config_text(text)


def _builtin_factories() -> None:
    """Import plait's built-in components so that their factories are registered."""
    try:
        import plait.pipeline  # noqa: F401
    except ImportError:
        pass


def _missing_factories(config: Any) -> list[tuple[str, str]]:
    from .language import Language, get_lang_class

    _builtin_factories()
    lang = (config.get("nlp") or {}).get("lang")
    try:
        lang_cls = get_lang_class(lang) if lang else Language
    except PlaitError:
        return [("[nlp] lang", str(lang))]
    missing = []
    for name, section in (config.get("components") or {}).items():
        factory = section.get("factory") if isinstance(section, dict) else None
        if isinstance(factory, str) and not lang_cls.has_factory(factory):
            missing.append((name, factory))
    return missing


def _unknown_factory_error(path: Path, meta: dict, name: str, factory: str) -> str:
    requirements = meta.get("requirements") or ["(none listed)"]
    return Errors.E377.format(path=path, factory=factory, name=name,
                              requirements=", ".join(map(str, requirements)))


def load(
    name: str | Path,
    *,
    vocab: Vocab | bool = True,
    disable: str | Iterable[str] = (),
    enable: str | Iterable[str] = (),
    exclude: str | Iterable[str] = (),
    config: dict | Config | None = None,
) -> Language:
    """Load a pipeline saved with `nlp.to_disk`, from a path, a package or a shipped name.

    Names resolve to an installed pipeline package first, then to a pipeline shipped
    with plait (`"en_plait_sm"`, under `plait/pipelines/`).

    `disable`: components loaded but switched off; `enable`: the only ones switched on;
    `exclude`: components not loaded at all; `config`: overrides as {"section.key": value}.
    Raises NotFound E370, FormatError E371/E372/E374/E375/E378 (not a pipeline, damaged),
    CompatibilityError E373 (saved by a newer plait), LookupFailed E377 (unknown factory).
    """
    from .packages import is_package, load_model_from_package

    path = Path(name)
    if not path.exists():
        if isinstance(name, str) and is_package(name):
            return load_model_from_package(name, vocab=vocab, disable=disable, enable=enable,
                                           exclude=exclude, config=config)
        builtin = builtin_pipeline_path(name)
        if builtin is None:
            raise NotFound(Errors.E370.format(name=str(name)))
        path = builtin
    return load_from_dir(path, vocab=vocab, disable=disable, enable=enable, exclude=exclude,
                         config=config)


def load_from_dir(
    path: Path,
    *,
    vocab: Vocab | bool = True,
    disable: str | Iterable[str] = (),
    enable: str | Iterable[str] = (),
    exclude: str | Iterable[str] = (),
    config: dict | Config | None = None,
) -> Language:
    """Validate a saved pipeline directory, build it from its config and read its data.

    The cyclic garbage collector is paused meanwhile: loading makes many objects and
    little garbage, and collections would cost about a fifth of the time.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _load_from_dir(path, vocab=vocab, disable=disable, enable=enable,
                              exclude=exclude, config=config)
    finally:
        if was_enabled:
            gc.enable()


def _load_from_dir(
    path: Path,
    *,
    vocab: Vocab | bool,
    disable: str | Iterable[str],
    enable: str | Iterable[str],
    exclude: str | Iterable[str],
    config: dict | Config | None,
) -> Language:
    from .language import Language, get_lang_class

    if not path.is_dir():
        raise FormatError(Errors.E371.format(path=path, missing="directory (it is a file)"))
    overrides = dict(config) if config else None
    if not (path / "config.cfg").is_file():
        raise FormatError(Errors.E371.format(path=path, missing="config.cfg"))
    meta = read_meta(path)
    problem = version_problem(meta, path)
    if problem is not None:
        if problem[0] == "error":
            raise CompatibilityError(Errors.E373.format(
                path=path, range=meta.get("plait_version"), version=__version__,
                reason=problem[1]))
        warn(Warnings.W070.format(path=path, range=meta.get("plait_version"),
                                  version=__version__), stacklevel=4)
    # config.cfg and small files are checked now; big ones (weights) while the pipeline is
    # built, and all before any of their bytes is read
    checks = start_checksums(path, meta, first=["config.cfg"])
    try:
        flat = _flat_overrides(overrides)
        cfg = (_read_plain_config(path) if not flat else None) or _read_config(path, flat)
        excluded = [exclude] if isinstance(exclude, str) else list(exclude)
        missing = [(n, f) for n, f in _missing_factories(cfg) if n not in excluded]
        if missing:
            raise LookupFailed(_unknown_factory_error(path, meta, *missing[0]))
        lang = cfg["nlp"].get("lang")
        lang_cls = get_lang_class(lang) if lang else Language
        meta = {k: v for k, v in meta.items() if k != CHECKSUM_KEY}
        nlp = lang_cls.from_config(cfg, vocab=vocab, disable=disable, enable=enable,
                                   exclude=excluded, meta=meta)
    except BaseException:
        checks.wait()  # a damaged file is the error to report, as when checked first
        raise
    checks.wait()
    # the config and meta were read above: from_disk does not read them twice
    parts = [n for n in excluded if n in ("vocab", "tokenizer")] + ["config", "meta"]
    try:
        return nlp.from_disk(path, exclude=parts)
    except PlaitError:
        raise
    except (OSError, ValueError, KeyError, TypeError, IndexError, UnicodeDecodeError) as e:
        # a custom component's own reader failed on damaged data
        raise FormatError(Errors.E375.format(path=path, file="a component's data", error=e)) from e


def _flat_overrides(overrides: dict | None) -> dict | None:
    """Accept {"nlp.batch_size": 10} and nested {"nlp": {"batch_size": 10}} overrides."""
    if not overrides:
        return None
    flat: dict[str, Any] = {}

    def walk(prefix: str, value: Any) -> None:
        if isinstance(value, dict) and value and not any(str(k).startswith("@") for k in value):
            for k, v in value.items():
                walk(f"{prefix}.{k}" if prefix else str(k), v)
        else:
            flat[prefix] = value

    for key, value in overrides.items():
        if "." in str(key):
            flat[str(key)] = value
        else:
            walk(str(key), value)
    return flat


def from_bytes(data: bytes, *, vocab: Vocab | bool = True) -> Language:
    """Rebuild a whole pipeline, config included, from `nlp.to_bytes()` output.

    Raises FormatError E376 for data that is not a saved pipeline. Custom factories must be
    registered (imported) first: the data names factories, it never imports code.
    """
    import msgpack

    from .config import load_config_from_str
    from .language import Language, get_lang_class

    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise FormatError(Errors.E376.format(reason=f"got {type(data).__name__}, not bytes"))
    try:
        parts = msgpack.unpackb(bytes(data), raw=False)
    except Exception as e:  # msgpack raises several unrelated types on damaged input
        raise FormatError(Errors.E376.format(reason=f"not valid msgpack ({e})")) from e
    if not isinstance(parts, dict) or not isinstance(parts.get("config"), bytes):
        raise FormatError(Errors.E376.format(reason="it has no config part"))
    try:
        text = parts["config"].decode("utf8")
    except UnicodeDecodeError as e:
        raise FormatError(Errors.E376.format(reason="the config is not UTF-8")) from e
    cfg = load_config_from_str(text)
    missing = _missing_factories(cfg)
    if missing:
        raise LookupFailed(_unknown_factory_error(Path("<bytes>"), {}, *missing[0]))
    lang = (cfg.get("nlp") or {}).get("lang")
    lang_cls = get_lang_class(lang) if lang else Language
    nlp = lang_cls.from_config(cfg, vocab=vocab)
    return nlp.from_bytes(bytes(data), exclude=["config"])
