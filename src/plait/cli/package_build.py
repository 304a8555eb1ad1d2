"""Build a pure-Python wheel and sdist with no build tool installed (no network, no `wheel`).

Pipeline packages hold only Python files and data, so a wheel is a zip of the package
folders plus a `.dist-info` folder (PEP 427: `METADATA`, `WHEEL`, `entry_points.txt`,
`top_level.txt`, `RECORD` with sha256 hashes). The sdist is a tar.gz of the project folder
with a `PKG-INFO`; its `pyproject.toml` (setuptools) lets pip build it again anywhere.
Archives are reproducible: fixed timestamps, sorted entries, no owner names.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import re
import tarfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..about import __version__
from ..errors import Errors, FormatError, SerializationError

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_SKIP_DIRS = {"__pycache__", "dist", "build", ".git"}


@dataclass
class ProjectSpec:
    """What goes into a distribution: its metadata and the package folders to ship."""

    name: str
    version: str
    root: Path
    packages_root: Path
    packages: list[str]
    summary: str = ""
    requires: list[str] = field(default_factory=list)
    requires_python: str | None = None
    entry_points: dict[str, dict[str, str]] = field(default_factory=dict)
    license: str = ""
    author: str = ""
    author_email: str = ""
    url: str = ""
    readme: str = ""

    @property
    def file_name(self) -> str:
        """The name as it appears in archive file names (`en_core_web_sm`)."""
        return re.sub(r"[-_.]+", "_", self.name).lower()

    @classmethod
    def from_pyproject(cls, root: str | Path) -> ProjectSpec:
        """Read a small project's `pyproject.toml` ([project] table; src/ or flat layout)."""
        root = Path(root)
        path = root / "pyproject.toml"
        try:
            import tomllib
        except ModuleNotFoundError:  # Python 3.10
            try:
                import tomli as tomllib  # type: ignore[no-redef]
            except ModuleNotFoundError as e:
                raise FormatError(Errors.E674.format(path=path, reason="needs tomli")) from e
        try:
            data = tomllib.loads(path.read_text(encoding="utf8"))
            project = data["project"]
            name, version = project["name"], project["version"]
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, TypeError) as e:
            raise FormatError(Errors.E674.format(path=path, reason=repr(e))) from e
        setuptools = data.get("tool", {}).get("setuptools", {})
        listed = setuptools.get("packages")
        if isinstance(listed, list):  # [tool.setuptools] packages = ["name"]
            packages_root, packages = root.resolve(), sorted(listed)
        else:
            find = listed.get("find", {}) if isinstance(listed, dict) else {}
            where = find.get("where", ["src" if (root / "src").is_dir() else "."])
            packages_root = (root / where[0]).resolve()
            packages = sorted(
                p.name for p in packages_root.iterdir()
                if p.is_dir() and (p / "__init__.py").exists()
            )
        readme_name = project.get("readme")
        readme = ""
        if isinstance(readme_name, str) and (root / readme_name).is_file():
            readme = (root / readme_name).read_text(encoding="utf8")
        authors = project.get("authors") or [{}]
        return cls(
            name=name, version=str(version), root=root, packages_root=packages_root,
            packages=packages, summary=project.get("description", ""),
            requires=list(project.get("dependencies", [])),
            requires_python=project.get("requires-python"),
            entry_points={g: dict(v) for g, v in project.get("entry-points", {}).items()},
            license=(project.get("license") or {}).get("text", ""),
            author=authors[0].get("name", ""), author_email=authors[0].get("email", ""),
            readme=readme,
        )


def metadata_text(spec: ProjectSpec) -> str:
    """The core metadata (`METADATA` in a wheel, `PKG-INFO` in an sdist)."""
    lines = ["Metadata-Version: 2.1", f"Name: {spec.name}", f"Version: {spec.version}"]
    if spec.summary:
        lines.append(f"Summary: {' '.join(spec.summary.split())}")
    for key, value in (("Home-page", spec.url), ("Author", spec.author),
                       ("Author-email", spec.author_email), ("License", spec.license)):
        if value:
            lines.append(f"{key}: {' '.join(str(value).split())}")
    if spec.requires_python:
        lines.append(f"Requires-Python: {spec.requires_python}")
    lines += [f"Requires-Dist: {req}" for req in spec.requires]
    if spec.readme:
        lines.append("Description-Content-Type: text/markdown")
        return "\n".join(lines) + "\n\n" + spec.readme
    return "\n".join(lines) + "\n"


def entry_points_text(entry_points: dict[str, dict[str, str]]) -> str:
    """`entry_points.txt`: one INI section per group."""
    blocks = []
    for group, entries in sorted(entry_points.items()):
        body = "".join(f"{name} = {value}\n" for name, value in sorted(entries.items()))
        blocks.append(f"[{group}]\n{body}")
    return "\n".join(blocks)


def _package_files(spec: ProjectSpec) -> list[tuple[str, Path]]:
    """(archive name, file) for every file of the shipped packages, sorted."""
    files = []
    for package in spec.packages:
        base = spec.packages_root / package
        for path in base.rglob("*"):
            rel = path.relative_to(spec.packages_root)
            if path.is_file() and not _SKIP_DIRS & set(rel.parts) and path.suffix != ".pyc":
                files.append((rel.as_posix(), path))
    return sorted(files)


def _record_hash(data: bytes) -> str:
    digest = hashlib.sha256(data).digest()
    return "sha256=" + base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def build_wheel(spec: ProjectSpec, dist_dir: str | Path) -> Path:
    """Write `{name}-{version}-py3-none-any.whl` into `dist_dir` and return its path."""
    dist_dir = Path(dist_dir)
    info_dir = f"{spec.file_name}-{spec.version}.dist-info"
    target = dist_dir / f"{spec.file_name}-{spec.version}-py3-none-any.whl"
    generated = {
        "METADATA": metadata_text(spec),
        "WHEEL": (
            f"Wheel-Version: 1.0\nGenerator: plait {__version__}\nRoot-Is-Purelib: true\n"
            "Tag: py3-none-any\n"
        ),
        "top_level.txt": "".join(f"{p}\n" for p in spec.packages),
    }
    if spec.entry_points:
        generated["entry_points.txt"] = entry_points_text(spec.entry_points)
    try:
        dist_dir.mkdir(parents=True, exist_ok=True)
        records = []
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:

            def add(name: str, data: bytes) -> None:
                info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, data)
                records.append(f"{name},{_record_hash(data)},{len(data)}")

            for name, path in _package_files(spec):
                add(name, path.read_bytes())
            for name, text in generated.items():
                add(f"{info_dir}/{name}", text.encode("utf8"))
            records.append(f"{info_dir}/RECORD,,")
            info = zipfile.ZipInfo(f"{info_dir}/RECORD", date_time=_ZIP_TIME)
            info.external_attr = 0o644 << 16
            archive.writestr(info, "\n".join(records) + "\n")
    except OSError as e:
        raise SerializationError(
            Errors.E672.format(kind="wheel", name=spec.name, error=e)
        ) from e
    return target


def _sdist_files(spec: ProjectSpec) -> list[tuple[str, Path]]:
    files = []
    for path in spec.root.rglob("*"):
        rel = path.relative_to(spec.root)
        if (
            path.is_file() and not _SKIP_DIRS & set(rel.parts) and path.suffix != ".pyc"
            and not any(part.endswith(".egg-info") for part in rel.parts)
        ):
            files.append((rel.as_posix(), path))
    return sorted(files)


def build_sdist(spec: ProjectSpec, dist_dir: str | Path) -> Path:
    """Write `{name}-{version}.tar.gz` (the project folder + PKG-INFO) and return its path."""
    dist_dir = Path(dist_dir)
    prefix = f"{spec.file_name}-{spec.version}"
    target = dist_dir / f"{prefix}.tar.gz"

    def add(archive: tarfile.TarFile, name: str, data: bytes) -> None:
        info = tarfile.TarInfo(f"{prefix}/{name}")
        info.size, info.mode, info.mtime = len(data), 0o644, 0
        archive.addfile(info, io.BytesIO(data))

    try:
        dist_dir.mkdir(parents=True, exist_ok=True)
        with (
            open(target, "wb") as raw,
            gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as compressed,
            tarfile.open(fileobj=compressed, mode="w", format=tarfile.PAX_FORMAT) as archive,
        ):
            add(archive, "PKG-INFO", metadata_text(spec).encode("utf8"))
            for name, path in _sdist_files(spec):
                add(archive, name, path.read_bytes())
    except OSError as e:
        raise SerializationError(
            Errors.E672.format(kind="sdist", name=spec.name, error=e)
        ) from e
    return target
