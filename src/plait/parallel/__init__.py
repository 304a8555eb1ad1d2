"""Running a pipeline in worker processes (`nlp.pipe(texts, n_process=N)`)."""

from .workers import multiprocessing_pipe

__all__ = ["multiprocessing_pipe"]
