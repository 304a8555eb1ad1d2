"""Running a pipeline on Dask (`pip install 'plait[dask]'`): bags, dataframes and files.

`pipe_bag(nlp, bag)` turns a bag of texts into a bag of `DocBin`s (one per partition),
`pipe_dataframe(nlp, df, text_column=, out_columns=)` adds annotation columns to a dask
dataframe, and `apply_files(nlp, paths, output_dir)` writes one DocBin per input file.

The pipeline reaches each worker once: a `Language` travels as its config and bytes (a
`PipelineSpec`, one node of the task graph), a path or package name is loaded by each
worker with `plait.load`; every worker process keeps the pipelines it built in a small
cache, so a pipeline is built once per worker, not once per partition. Works with any Dask
scheduler; with `distributed`, call it after creating a `Client`.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import CompatibilityError, Errors, InputError, InputTypeError, NotFound
from .shipping import PipelineSpec, build_or_report, make_spec

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas

    from ..language import Language
    from ..tokens import Doc, DocBin

#: pipelines a worker process keeps built (most recently used last)
CACHE_SIZE = 4
#: the suffix of the DocBin files `apply_files` writes (as `plait apply` reads them)
OUTPUT_SUFFIX = ".plaitdb"


def _require_dask() -> None:
    try:
        import dask.bag
        import dask.dataframe  # noqa: F401
    except ImportError as e:
        raise CompatibilityError(Errors.E754.format(error=e)) from e


# --- the pipeline, once per worker ----------------------------------------------------------

_PIPELINES: OrderedDict[str, Language] = OrderedDict()
_LOCK = threading.Lock()


class PipelineSource:
    """A picklable handle on a pipeline that a worker builds once and then reuses."""

    def __init__(self, key: str, spec: PipelineSpec | None = None, path: str | None = None,
                 ) -> None:
        self.key = key
        self.spec = spec
        self.path = path

    def load(self) -> Language:
        """The pipeline, built on first use in this process."""
        with _LOCK:
            nlp = _PIPELINES.get(self.key)
            if nlp is None:
                nlp = self._build()
                _PIPELINES[self.key] = nlp
                while len(_PIPELINES) > CACHE_SIZE:
                    _PIPELINES.popitem(last=False)
            _PIPELINES.move_to_end(self.key)
            return nlp

    def _build(self) -> Language:
        if self.spec is not None:
            return build_or_report(self.spec, "dask")
        from ..loading import load

        return load(self.path)


def pipeline_source(nlp: Language | str | Path, func: str = "pipe_bag") -> PipelineSource:
    """A `PipelineSource` for a Language, or for a saved pipeline's path or package name."""
    from ..language import Language

    if isinstance(nlp, Language):
        spec = make_spec(nlp, start_method=None)
        digest = hashlib.sha256()
        for part in (spec.config_text.encode("utf8"), spec.vocab_bytes, spec.data):
            digest.update(len(part).to_bytes(8, "little"))
            digest.update(part)
        return PipelineSource(f"bytes:{digest.hexdigest()}", spec=spec)
    if isinstance(nlp, (str, Path)):
        return PipelineSource(f"path:{nlp}", path=str(nlp))
    raise InputTypeError(Errors.E755.format(func=func, type=type(nlp).__name__))


def _graph_node(source: PipelineSource) -> Any:
    """The source as one node of the task graph (sent to each worker once, not per task)."""
    import dask

    return dask.delayed(source, pure=True, name=f"plait-pipeline-{source.key}")


def _settings(batch_size: int | None, disable: Iterable[str], component_cfg: dict | None,
              ) -> dict[str, Any]:
    if batch_size is not None and (not isinstance(batch_size, int) or batch_size < 1):
        raise InputError(Errors.E180.format(value=batch_size))
    return {"batch_size": batch_size, "disable": list(disable), "component_cfg": component_cfg}


# --- bags -----------------------------------------------------------------------------------


def _pipe_partition(texts: Iterable[Any], source: PipelineSource, settings: dict,
                    compression: str | None) -> list[DocBin]:
    from ..tokens import DocBin

    nlp = source.load()
    docs = nlp.pipe(list(texts), **settings)
    return [DocBin(store_user_data=True, docs=docs, compression=compression)]


def pipe_bag(
    nlp: Language | str | Path,
    bag: dask.bag.Bag,
    *,
    batch_size: int | None = None,
    disable: Iterable[str] = (),
    component_cfg: dict[str, dict[str, Any]] | None = None,
    compression: str | None = None,
) -> dask.bag.Bag:
    """A bag holding one DocBin per partition of `bag` (its texts' docs, in order).

    `nlp`: a Language (sent as bytes) or the path or package name of a saved pipeline that
    every worker can load. Lazy: nothing runs until the bag is computed. Merge the results
    with `DocBin.merge`, and read docs with `docbin.get_docs(nlp.vocab)`.
    """
    _require_dask()
    source = pipeline_source(nlp, "pipe_bag")
    settings = _settings(batch_size, disable, component_cfg)
    return bag.map_partitions(_pipe_partition, _graph_node(source), settings, compression)


# --- dataframes -----------------------------------------------------------------------------


def _ents(doc: Doc) -> list[tuple[str, str, int, int]]:
    return [(e.text, e.label_, e.start_char, e.end_char) for e in doc.ents]


#: name -> (what it holds, its pandas dtype, how to read it from a doc)
OUT_COLUMNS: dict[str, tuple[str, str, Callable[[Doc], Any]]] = {
    "tokens": ("token texts", "object", lambda doc: [t.text for t in doc]),
    "lemmas": ("token lemmas", "object", lambda doc: [t.lemma_ for t in doc]),
    "tags": ("fine-grained tags", "object", lambda doc: [t.tag_ for t in doc]),
    "pos": ("coarse part-of-speech tags", "object", lambda doc: [t.pos_ for t in doc]),
    "deps": ("dependency labels", "object", lambda doc: [t.dep_ for t in doc]),
    "heads": ("head token indices", "object", lambda doc: [t.head.i for t in doc]),
    "ents": ("entities as (text, label, start_char, end_char)", "object", _ents),
    "sents": ("sentence texts", "object", lambda doc: [s.text for s in doc.sents]),
    "cats": ("category scores", "object", lambda doc: dict(doc.cats)),
    "n_tokens": ("the number of tokens", "int64", len),
}


def _check_out_columns(out_columns: Sequence[str] | str) -> list[str]:
    names = [out_columns] if isinstance(out_columns, str) else list(out_columns)
    for name in names:
        if name not in OUT_COLUMNS:
            raise InputError(Errors.E757.format(column=name, options=sorted(OUT_COLUMNS)))
    return names


def _frame_partition(part: pandas.DataFrame, source: PipelineSource, text_column: str,
                     out_columns: list[str], settings: dict) -> pandas.DataFrame:
    import pandas as pd

    nlp = source.load()
    values: dict[str, list] = {name: [] for name in out_columns}
    readers = [(values[name], OUT_COLUMNS[name][2]) for name in out_columns]
    for doc in nlp.pipe(part[text_column].tolist(), **settings):
        for column, read in readers:
            column.append(read(doc))
    out = part.copy()
    for name in out_columns:
        out[name] = pd.Series(values[name], index=part.index, dtype=OUT_COLUMNS[name][1])
    return out


def pipe_dataframe(
    nlp: Language | str | Path,
    df: dask.dataframe.DataFrame,
    *,
    text_column: str = "text",
    out_columns: Sequence[str] | str = ("ents",),
    batch_size: int | None = None,
    disable: Iterable[str] = (),
    component_cfg: dict[str, dict[str, Any]] | None = None,
) -> dask.dataframe.DataFrame:
    """`df` with one more column per name in `out_columns` (see `OUT_COLUMNS`), row for row.

    Raises E756 when `text_column` is not a column of `df`, E757 for an unknown output
    column. Lazy: nothing runs until the dataframe is computed.
    """
    _require_dask()
    import pandas as pd

    if text_column not in df.columns:
        raise InputError(Errors.E756.format(column=text_column, columns=list(df.columns)))
    names = _check_out_columns(out_columns)
    source = pipeline_source(nlp, "pipe_dataframe")
    settings = _settings(batch_size, disable, component_cfg)
    meta = df._meta.copy()
    for name in names:
        meta[name] = pd.Series([], dtype=OUT_COLUMNS[name][1])
    return df.map_partitions(_frame_partition, _graph_node(source), text_column, names,
                             settings, meta=meta)


# --- files ----------------------------------------------------------------------------------


def output_path(path: str | Path, output_dir: str | Path) -> Path:
    """Where `apply_files` writes the docs of one input file."""
    return Path(output_dir) / (Path(path).stem + OUTPUT_SUFFIX)


def _apply_file(path: str, source: PipelineSource, output_dir: str, text_key: str,
                settings: dict, compression: str | None) -> str:
    from ..cli.inputs import stream_inputs
    from ..tokens import DocBin

    nlp = source.load()
    file = Path(path)
    if not file.is_file():
        raise NotFound(Errors.E758.format(action="read", path=file, error="no such file"))
    docbin = DocBin(store_user_data=True, compression=compression)
    for doc in nlp.pipe(stream_inputs([file], nlp.vocab, text_key), **settings):
        docbin.add(doc)
    out = output_path(file, output_dir)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        docbin.to_disk(out)
    except OSError as e:
        raise NotFound(Errors.E758.format(action="write", path=out, error=e)) from e
    return str(out)


def apply_files(
    nlp: Language | str | Path,
    paths: Iterable[str | Path],
    output_dir: str | Path,
    *,
    merge_into: str | Path | None = None,
    text_key: str = "text",
    batch_size: int | None = None,
    disable: Iterable[str] = (),
    component_cfg: dict[str, dict[str, Any]] | None = None,
    compression: str | None = None,
) -> list[Path]:
    """Annotate each input file as one Dask task, writing `output_dir/<stem>.plaitdb`.

    Inputs are read like `plait apply` reads them: `.txt` (one doc per file), `.jsonl`
    (one doc per line, text under `text_key`) and DocBin files. Returns the written paths in
    input order. With `merge_into`, the per-file DocBins are also joined with
    `DocBin.merge` into that one file. Runs now, on the current Dask scheduler (the
    `distributed` client, when one exists). Raises E758 for a file a worker cannot read or
    write, E759 when two inputs would write the same output.
    """
    _require_dask()
    import dask.bag as db

    files = [str(p) for p in paths]
    outputs = [output_path(p, output_dir) for p in files]
    seen: dict[Path, str] = {}
    for file, out in zip(files, outputs):
        if out in seen:
            raise InputError(Errors.E759.format(path=out))
        seen[out] = file
    if not files:
        written: list[str] = []
    else:
        source = pipeline_source(nlp, "apply_files")
        settings = _settings(batch_size, disable, component_cfg)
        bag = db.from_sequence(files, npartitions=len(files))
        written = bag.map(_apply_file, _graph_node(source), str(output_dir), text_key,
                          settings, compression).compute()
    result = [Path(p) for p in written]
    if merge_into is not None:
        merge_docbins(result, merge_into, compression=compression)
    return result


def merge_docbins(paths: Iterable[str | Path], output: str | Path, *,
                  compression: str | None = None) -> DocBin:
    """Join DocBin files with `DocBin.merge` into one file at `output`; return it."""
    from ..tokens import DocBin

    merged = DocBin(store_user_data=True, compression=compression)
    for path in paths:
        merged.merge(DocBin().from_disk(path))
    merged.to_disk(output)
    return merged
