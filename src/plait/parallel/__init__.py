"""Processing at scale: worker processes for `nlp.pipe(texts, n_process=N)`, and Dask.

`plait.parallel.dask` (the optional extra `plait[dask]`) has `pipe_bag`, `pipe_dataframe`
and `apply_files`; it is imported only when used. See docs/parallel.md.
"""

from .shipping import PipelineSpec, make_spec
from .workers import multiprocessing_pipe

__all__ = ["PipelineSpec", "make_spec", "multiprocessing_pipe"]
