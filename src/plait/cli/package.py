"""`plait package INPUT_DIR OUTPUT_DIR`: an installable Python package around a saved pipeline.

The package folder `OUTPUT_DIR/{lang}_{name}-{version}/` holds `pyproject.toml`,
`MANIFEST.in`, `README.md`, `meta.json` and the module `{lang}_{name}/` with `__init__.py`
(a `load(**overrides)` function), `meta.json`, the `--code` files and the pipeline in
`{lang}_{name}-{version}/`. Its dependencies are the plait range and the distributions that
provide the pipeline's factories and language (found through their modules and the
`plait_factories` / `plait_languages` entry points). The sdist and wheel go to `dist/`.
"""

from __future__ import annotations

import importlib.metadata
import json
import re
import shutil
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import (
    Errors,
    FormatError,
    InputError,
    NotFound,
    PipelineError,
    Warnings,
    warn,
)
from . import app
from .loading import import_code
from .package_build import ProjectSpec, build_sdist, build_wheel
from .package_templates import MANIFEST_IN, init_py, pyproject_toml, readme
from .reporting import good, note, reports_errors

_NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
BUILDS = ("sdist", "wheel")


def parse_builds(value: str) -> list[str]:
    """`"sdist,wheel"` -> `["sdist", "wheel"]`; `"none"` -> `[]`; anything else is E657."""
    kinds = [part.strip() for part in value.split(",") if part.strip()]
    if kinds == ["none"]:
        return []
    if not kinds or any(kind not in BUILDS for kind in kinds):
        raise InputError(Errors.E657.format(value=value))
    return [kind for kind in BUILDS if kind in kinds]


def _read_json(path: Path, *, code: str) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf8"))
    except (OSError, UnicodeDecodeError, ValueError) as e:
        raise FormatError(getattr(Errors, code).format(path=path, reason=e)) from e
    if not isinstance(data, dict):
        raise FormatError(getattr(Errors, code).format(path=path, reason="not a JSON object"))
    return data


def package_meta(
    input_dir: Path, meta_path: Path | None, name: str | None, version: str | None,
) -> dict[str, Any]:
    """The package's meta: the saved meta.json, updated by --meta-path, --name, --version."""
    from ..config import load_config
    from ..language_meta import minor_version_range
    from ..packages import is_valid_version

    meta = _read_json(input_dir / "meta.json", code="E378")
    if meta_path is not None:
        meta.update(_read_json(meta_path, code="E655"))
    if name:
        meta["name"] = name
    if version:
        meta["version"] = version
    if not meta.get("lang"):
        meta["lang"] = load_config(input_dir / "config.cfg")["nlp"].get("lang")
    lang = meta.get("lang")
    if not isinstance(lang, str) or not lang:
        raise FormatError(Errors.E658.format(source=input_dir, field="lang", value=lang))
    base = meta.get("name")
    if not isinstance(base, str) or not base:
        raise InputError(Errors.E650.format(name=base, reason="the name is empty"))
    if base.startswith(f"{lang}_"):  # `--name en_core` means the package en_core
        base = base[len(lang) + 1:]
    if not _NAME_RE.match(base):
        raise InputError(
            Errors.E650.format(name=base, reason="it has characters other than a-z, 0-9 and _")
        )
    meta["name"] = base
    if not is_valid_version(str(meta.get("version", ""))):
        raise InputError(Errors.E651.format(version=meta.get("version")))
    meta.setdefault("plait_version", minor_version_range())
    return meta


def _entry_point_dist(group: str, name: str) -> importlib.metadata.Distribution | None:
    for entry_point in importlib.metadata.entry_points(group=group):
        if entry_point.name == name and entry_point.dist is not None:
            return entry_point.dist
    return None


def _module_dist(module: str) -> importlib.metadata.Distribution | None:
    names = importlib.metadata.packages_distributions().get(module.split(".")[0], [])
    for dist_name in names:
        try:
            return importlib.metadata.distribution(dist_name)
        except importlib.metadata.PackageNotFoundError:
            continue
    return None


def _requirement(dist: importlib.metadata.Distribution) -> tuple[str, str]:
    name = dist.metadata["Name"]
    return name.lower(), f"{name}>={dist.version}"


def third_party_requirements(config: dict, lang: str, code_modules: set[str]) -> list[str]:
    """Distributions that provide the pipeline's factories and language, as requirements."""
    from ..language import _builtin_language_codes, get_lang_class

    found: dict[str, str] = {}
    if lang not in _builtin_language_codes():
        dist = _entry_point_dist("plait_languages", lang)
        if dist is not None and dist.metadata["Name"].lower() != "plait":
            key, req = _requirement(dist)
            found[key] = req
    lang_cls = get_lang_class(lang)
    for comp_name, block in (config.get("components") or {}).items():
        factory = block.get("factory") if isinstance(block, dict) else None
        if factory is None:
            continue
        if not lang_cls.has_factory(factory):
            raise PipelineError(Errors.E673.format(factory=factory, name=comp_name))
        module = lang_cls.get_factory_meta(factory).module or ""
        top = module.split(".")[0]
        if top == "plait" or top in code_modules:
            continue
        dist = _entry_point_dist("plait_factories", factory) or _module_dist(module)
        if dist is None:
            warn(Warnings.W081.format(factory=factory, name=comp_name, module=module))
        elif dist.metadata["Name"].lower() != "plait":
            key, req = _requirement(dist)
            found[key] = req
    return [found[key] for key in sorted(found)]


def _write_meta(path: Path, meta: dict[str, Any]) -> None:
    path.write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf8")


def package(
    input_dir: str | Path, output_dir: str | Path, *, meta_path: str | Path | None = None,
    code_paths: list[str | Path] = (), name: str | None = None, version: str | None = None,
    build: str = "sdist", force: bool = False, silent: bool = True,
) -> Path:
    """Write a pipeline package for the saved pipeline `input_dir`; return its folder.

    Coded errors: not a saved pipeline (E652), missing output folder (E653), existing package
    without `force` (E654), bad meta file (E655), code file (E656), build kind (E657), name
    (E650), version (E651), a factory nobody provides (E673).
    """
    input_dir, output_dir = Path(input_dir), Path(output_dir)
    builds = parse_builds(build)
    for required in ("config.cfg", "meta.json"):
        if not (input_dir / required).is_file():
            raise NotFound(Errors.E652.format(path=input_dir, missing=required))
    if not output_dir.is_dir():
        raise NotFound(Errors.E653.format(path=output_dir))
    code = import_code([Path(p) for p in code_paths])
    meta = package_meta(input_dir, Path(meta_path) if meta_path else None, name, version)
    from ..config import load_config

    config = load_config(input_dir / "config.cfg")
    lang = meta["lang"]
    requirements = [f"plait{meta['plait_version']}"]
    requirements += third_party_requirements(config, lang, set(code))
    requirements += [r for r in meta.get("requirements", []) if r not in requirements
                     and not r.startswith("plait")]
    meta["requirements"] = requirements
    pkg = f"{lang}_{meta['name']}"
    version = meta["version"]
    package_dir = output_dir / f"{pkg}-{version}"
    if package_dir.exists():
        if not force:
            raise InputError(Errors.E654.format(path=package_dir))
        shutil.rmtree(package_dir)
    module_dir = package_dir / pkg
    data_dir = module_dir / f"{pkg}-{version}"
    shutil.copytree(input_dir, data_dir, ignore=shutil.ignore_patterns("__pycache__"))
    _write_meta(data_dir / "meta.json", {**_read_json(data_dir / "meta.json", code="E378"),
                                         **meta})
    for module, path in code.items():
        shutil.copyfile(path, module_dir / f"{module}.py")
    (module_dir / "__init__.py").write_text(init_py(pkg, sorted(code)), encoding="utf8")
    outer_meta = {key: value for key, value in meta.items() if key != "checksums"}
    _write_meta(module_dir / "meta.json", outer_meta)
    _write_meta(package_dir / "meta.json", outer_meta)
    entry_points = {"plait_pipelines": {pkg: pkg}}
    for factory in _code_factories(config, lang, set(code)):
        entry_points.setdefault("plait_factories", {})[factory[0]] = f"{pkg}.{factory[1]}"
    (package_dir / "pyproject.toml").write_text(
        pyproject_toml(pkg, meta, requirements, entry_points), encoding="utf8"
    )
    (package_dir / "MANIFEST.in").write_text(MANIFEST_IN.format(package=pkg), encoding="utf8")
    readme_text = readme(pkg, meta, requirements)
    (package_dir / "README.md").write_text(readme_text, encoding="utf8")
    if not silent:
        good(f"Package folder written: {package_dir}")
    spec = ProjectSpec(
        name=pkg, version=version, root=package_dir, packages_root=package_dir, packages=[pkg],
        summary=meta.get("description", ""), requires=requirements, requires_python=">=3.10",
        entry_points=entry_points, license=meta.get("license", ""),
        author=meta.get("author", ""), author_email=meta.get("email", ""),
        url=meta.get("url", ""), readme=readme_text,
    )
    builders = {"sdist": build_sdist, "wheel": build_wheel}
    for kind in builds:
        built = builders[kind](spec, package_dir / "dist")
        if not silent:
            good(f"Built the {kind}: {built}")
    return package_dir


def _code_factories(config: dict, lang: str, code_modules: set[str]) -> list[tuple[str, str]]:
    """(factory, module) for the pipeline's factories that the --code files define."""
    from ..language import get_lang_class

    lang_cls = get_lang_class(lang)
    found = []
    for block in (config.get("components") or {}).values():
        factory = block.get("factory") if isinstance(block, dict) else None
        if factory and lang_cls.has_factory(factory):
            module = lang_cls.get_factory_meta(factory).module or ""
            if module in code_modules:
                found.append((factory, module))
    return sorted(set(found))


@app.command("package")
@reports_errors
def package_cli(
    input_dir: Annotated[Path, typer.Argument(help="A pipeline saved with nlp.to_disk().")],
    output_dir: Annotated[Path, typer.Argument(help="Where to write the package folder.")],
    code: Annotated[
        str, typer.Option("--code", "-c", help="Comma-separated .py files to ship.")
    ] = "",
    meta_path: Annotated[
        Path | None,
        typer.Option("--meta-path", "--meta", "-m", help="A JSON file of meta fields to set."),
    ] = None,
    name: Annotated[
        str | None, typer.Option("--name", "-n", help="Package name (without the lang).")
    ] = None,
    version: Annotated[
        str | None, typer.Option("--version", "-v", help="Package version.")
    ] = None,
    build: Annotated[
        str, typer.Option("--build", "-b", help="sdist, wheel, 'sdist,wheel' or none.")
    ] = "sdist",
    force: Annotated[
        bool, typer.Option("--force", "-f", help="Replace an existing package folder.")
    ] = False,
) -> None:
    """Make an installable Python package (sdist and/or wheel) from a saved pipeline."""
    code_paths = [part.strip() for part in code.split(",") if part.strip()]
    package_dir = package(
        input_dir, output_dir, meta_path=meta_path, code_paths=code_paths, name=name,
        version=version, build=build, force=force, silent=False,
    )
    note(f"Install it with: pip install {package_dir / 'dist'}/*.whl (or the .tar.gz)")
