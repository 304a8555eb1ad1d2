"""Installed pipeline packages: finding them by name, their meta, version checks, loading.

A pipeline package (made by `plait package`) is an ordinary Python distribution holding one
module `{lang}_{name}` with a `load(**overrides)` function, a `meta.json` and the saved
pipeline in `{lang}_{name}/{lang}_{name}-{version}/`. It announces itself through the
`plait_pipelines` entry-point group, and declares the plait versions it was made for in
`meta["plait_version"]` (a range such as `>=0.1.0,<0.2.0`), which loading checks.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import json
import platform
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .about import __version__
from .errors import CompatibilityError, Errors, FormatError, InputError, NotFound

if TYPE_CHECKING:
    from confection import Config

    from .language import Language
    from .vocab import Vocab

PIPELINES_ENTRY_POINT_GROUP = "plait_pipelines"
# meta fields that `info` leaves out unless asked for (they are long)
INFO_EXCLUDE = ("labels", "accuracy", "speed", "performance", "sources", "checksums")

_VERSION_RE = re.compile(
    r"^(?P<release>\d+(?:\.\d+)*)(?:(?P<phase>a|b|rc)(?P<pre>\d+))?"
    r"(?:\.post(?P<post>\d+))?(?:\.dev(?P<dev>\d+))?$"
)
_SPEC_RE = re.compile(r"^\s*(~=|==|!=|<=|>=|<|>)\s*([0-9][0-9a-z.*]*)\s*$")
_PHASES = {"a": 0, "b": 1, "rc": 2, None: 3}


# --- versions ----------------------------------------------------------------------------


def is_valid_version(version: str) -> bool:
    """True when `version` is a release version plait understands (`1.0.0`, `1.0.0a1`)."""
    return isinstance(version, str) and _VERSION_RE.match(version) is not None


def _version_key(version: str, width: int = 6) -> tuple:
    match = _VERSION_RE.match(version)
    if match is None:
        raise InputError(Errors.E651.format(version=version))
    release = tuple(int(p) for p in match["release"].split("."))
    release = release + (0,) * (width - len(release))
    dev = int(match["dev"]) if match["dev"] is not None else None
    # a .devN sorts before the same version's pre-releases and the release itself
    phase = (-1, 0) if dev is not None and match["phase"] is None and match["post"] is None else (
        _PHASES[match["phase"]], int(match["pre"] or 0)
    )
    post = int(match["post"]) if match["post"] is not None else -1
    return (release, phase, post, dev if dev is not None else sys.maxsize)


def _matches(version: str, op: str, target: str) -> bool:
    if target.endswith(".*"):  # ==1.2.* / !=1.2.*: compare the release prefix
        prefix = target[:-2]
        if op not in ("==", "!=") or not is_valid_version(prefix):
            raise ValueError(target)
        head = version.split(".")[: len(prefix.split("."))]
        same = [int(re.match(r"\d+", p)[0]) for p in head] == [int(p) for p in prefix.split(".")]
        return same if op == "==" else not same
    have, want = _version_key(version), _version_key(target)
    if op == "~=":
        parts = target.split(".")
        if len(parts) < 2:
            raise ValueError(target)
        upper = [int(p) for p in parts[:-2]] + [int(parts[-2]) + 1]
        return have >= want and have < _version_key(".".join(map(str, upper)))
    return {
        "==": have == want, "!=": have != want, ">=": have >= want, "<=": have <= want,
        ">": have > want, "<": have < want,
    }[op]


def version_in_range(version: str, constraint: str, *, source: str = "the meta") -> bool:
    """True when `version` meets every comma-separated specifier of `constraint`.

    A bare version (`0.1.0`) means `==0.1.0`. An unreadable constraint is `InputError` E663.
    """
    if not isinstance(constraint, str) or not constraint.strip():
        raise InputError(Errors.E663.format(range=constraint, source=source))
    if constraint[0].isdigit():
        constraint = f"=={constraint}"
    try:
        specs = [_SPEC_RE.match(part) for part in constraint.split(",")]
        if any(spec is None for spec in specs):
            raise ValueError(constraint)
        return all(_matches(version, spec[1], spec[2]) for spec in specs)
    except (ValueError, InputError) as e:
        raise InputError(Errors.E663.format(range=constraint, source=source)) from e


def is_compatible_version(version: str, constraint: str) -> bool | None:
    """Like spaCy's `util.is_compatible_version`: True/False, or None for a bad constraint."""
    try:
        return version_in_range(version, constraint)
    except InputError:
        return None


def check_plait_version(meta: dict[str, Any], *, name: str) -> None:
    """Raise `CompatibilityError` E662 when the running plait is outside the meta's range."""
    constraint = meta.get("plait_version")
    if not constraint:
        return
    if not version_in_range(__version__, constraint, source=f"the meta of {name!r}"):
        raise CompatibilityError(
            Errors.E662.format(
                name=name, package_version=meta.get("version", "?"), range=constraint,
                version=__version__,
            )
        )


# --- finding packages --------------------------------------------------------------------


def is_package(name: str) -> bool:
    """True when an installed distribution has this name (`-`, `_` and `.` are alike)."""
    if not isinstance(name, str) or not name or "/" in name or "\\" in name:
        return False
    try:
        importlib.metadata.distribution(name)
    except (importlib.metadata.PackageNotFoundError, ValueError):
        return False
    return True


def get_package_version(name: str) -> str | None:
    """The installed version of a distribution, or None when it is not installed."""
    try:
        return importlib.metadata.version(name)
    except (importlib.metadata.PackageNotFoundError, ValueError):
        return None


def _import_package(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as e:
        if e.name != name:
            raise
        installed = ", ".join(get_installed_pipelines()) or "none"
        raise NotFound(Errors.E659.format(name=name, installed=installed)) from e


def get_package_path(name: str) -> Path:
    """The folder of an installed package's module (where its `meta.json` lives)."""
    module = _import_package(name)
    file = getattr(module, "__file__", None)
    if not file:
        raise NotFound(Errors.E660.format(name=name, reason="its module has no files"))
    return Path(file).parent


def get_installed_pipelines() -> dict[str, str]:
    """Installed pipeline packages (`plait_pipelines` entry points): name -> version."""
    found: dict[str, str] = {}
    for entry_point in importlib.metadata.entry_points(group=PIPELINES_ENTRY_POINT_GROUP):
        dist = entry_point.dist
        found[entry_point.name] = dist.version if dist is not None else "?"
    return dict(sorted(found.items()))


def get_installed_models() -> list[str]:
    """Names of the installed pipeline packages (spaCy's `util.get_installed_models`)."""
    return list(get_installed_pipelines())


# --- meta and loading --------------------------------------------------------------------


def get_model_meta(path: str | Path) -> dict[str, Any]:
    """Read and check the `meta.json` of a saved pipeline or package folder."""
    path = Path(path)
    meta_path = path / "meta.json"
    if not meta_path.is_file():
        raise NotFound(Errors.E371.format(path=path, missing="meta.json"))
    try:
        meta = json.loads(meta_path.read_text(encoding="utf8"))
    except (OSError, UnicodeDecodeError, ValueError) as e:
        raise FormatError(Errors.E378.format(path=path, reason=e)) from e
    if not isinstance(meta, dict):
        raise FormatError(Errors.E378.format(path=path, reason="it is not a JSON object"))
    for field in ("lang", "name", "version"):
        if not isinstance(meta.get(field), str) or not meta[field]:
            raise FormatError(
                Errors.E658.format(source=meta_path, field=field, value=meta.get(field))
            )
    return meta


def package_data_dir(meta: dict[str, Any]) -> str:
    """Name of the data folder inside a package: `{lang}_{name}-{version}`."""
    return f"{meta['lang']}_{meta['name']}-{meta['version']}"


def _load_path(path: Path, **kwargs: Any) -> Language:
    from .loading import load_from_dir

    return load_from_dir(path, **kwargs)


def load_model_from_init_py(
    init_file: str | Path, *, vocab: Vocab | bool = True, disable: Iterable[str] = (),
    enable: Iterable[str] = (), exclude: Iterable[str] = (),
    config: dict | Config | None = None,
) -> Language:
    """Load the pipeline of a package from its `__init__.py` (what the package's `load` calls).

    Checks the package's plait range first (`CompatibilityError` E662); a missing data folder
    is `NotFound` E661.
    """
    package_dir = Path(init_file).parent
    meta = get_model_meta(package_dir)
    check_plait_version(meta, name=f"{meta['lang']}_{meta['name']}")
    data_dir = package_dir / package_data_dir(meta)
    if not data_dir.is_dir():
        raise NotFound(Errors.E661.format(path=package_dir, data_dir=data_dir.name))
    kwargs: dict[str, Any] = {"vocab": vocab, "disable": disable, "enable": enable,
                              "exclude": exclude}
    if config:
        kwargs["config"] = config
    return _load_path(data_dir, **kwargs)


def load_model_from_package(
    name: str, *, vocab: Vocab | bool = True, disable: Iterable[str] = (),
    enable: Iterable[str] = (), exclude: Iterable[str] = (),
    config: dict | Config | None = None,
) -> Language:
    """Import an installed pipeline package and call its `load()`."""
    module = _import_package(name)
    load = getattr(module, "load", None)
    file = getattr(module, "__file__", None)
    if not file or not (Path(file).parent / "meta.json").is_file():
        raise NotFound(Errors.E660.format(name=name, reason="it has no meta.json"))
    if not callable(load):
        raise NotFound(Errors.E660.format(name=name, reason="it has no load() function"))
    kwargs: dict[str, Any] = {"vocab": vocab, "disable": disable, "enable": enable,
                              "exclude": exclude}
    if config:
        kwargs["config"] = config
    return load(**kwargs)


def installed_pipeline_status() -> list[dict[str, Any]]:
    """Each installed pipeline package with its version, plait range and compatibility."""
    rows = []
    for name, version in get_installed_pipelines().items():
        row: dict[str, Any] = {"name": name, "version": version, "plait_version": None,
                               "compatible": None, "problem": None}
        try:
            meta = get_model_meta(get_package_path(name))
            row["plait_version"] = meta.get("plait_version")
            row["compatible"] = is_compatible_version(__version__, meta.get("plait_version", "")) \
                if meta.get("plait_version") else True
        except Exception as e:  # noqa: BLE001 - a broken package is reported, not raised
            row["compatible"] = False
            row["problem"] = str(e)
        rows.append(row)
    return rows


# --- info --------------------------------------------------------------------------------


def _pipeline_info(model: str, exclude: Iterable[str]) -> dict[str, Any]:
    from .loading import builtin_pipeline_path

    path = Path(model)
    if not path.exists() and is_package(model):
        path = get_package_path(model)
    elif not path.exists() and builtin_pipeline_path(model) is not None:
        path = builtin_pipeline_path(model)  # shipped with plait
    elif not path.exists():
        installed = ", ".join(get_installed_pipelines()) or "none"
        raise NotFound(Errors.E659.format(name=model, installed=installed))
    meta = get_model_meta(path)
    meta["source"] = str(path.resolve())
    skip = set(exclude)
    return {key: value for key, value in meta.items() if key not in skip}


def _render(data: dict[str, Any], title: str, markdown: bool) -> str:
    if markdown:
        lines = [f"## {title}", ""]
        lines += [f"* **{key}:** {value}" for key, value in data.items()]
        return "\n".join(lines) + "\n"
    width = max((len(str(k)) for k in data), default=0)
    lines = [title, "=" * len(title)]
    lines += [f"{str(key).ljust(width)}  {value}" for key, value in data.items()]
    return "\n".join(lines) + "\n"


def _flat(data: dict[str, Any]) -> dict[str, str]:
    out = {}
    for key, value in data.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k} ({v})" for k, v in value.items()) or "-"
        elif isinstance(value, list):
            value = ", ".join(str(v) for v in value) or "-"
        out[key] = str(value)
    return out


def info(
    model: str | None = None, *, markdown: bool = False, silent: bool = True,
    exclude: Iterable[str] | None = None,
) -> dict[str, Any] | str:
    """About plait (no `model`) or about a pipeline (a package name or a path).

    Returns the data as a dict, or as Markdown text with `markdown=True`; prints it unless
    `silent`. Unknown names are `NotFound` E659.
    """
    if model:
        data = _pipeline_info(model, INFO_EXCLUDE if exclude is None else exclude)
        title = f"Info about pipeline '{model}'"
    else:
        data = {
            "plait version": __version__,
            "Location": str(Path(__file__).parent),
            "Platform": platform.platform(),
            "Python version": platform.python_version(),
            "Pipelines": get_installed_pipelines(),
        }
        title = "Info about plait"
    if markdown:
        text = _render(_flat(data), title, markdown=True)
        if not silent:
            print(text)
        return text
    if not silent:
        print(_render(_flat(data), title, markdown=False))
    return data
