"""Training loggers (registry `loggers`): the console progress table."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import IO, Any

from ..registry import registry


@registry.loggers("plait.ConsoleLogger.v1")
def console_logger(progress_bar: bool = False, console_output: bool = True,
                   output_file: str | None = None) -> Callable:
    """A table on stdout: epoch, step, each component's loss, the scores, the speed."""

    def setup(nlp: Any, stdout: IO = sys.stdout, stderr: IO = sys.stderr
              ) -> tuple[Callable[[dict | None], None], Callable[[], None]]:
        state: dict[str, Any] = {"header": None}
        out = open(output_file, "a", encoding="utf8") if output_file else None  # noqa: SIM115

        def write(line: str) -> None:
            if console_output:
                stdout.write(line + "\n")
                stdout.flush()
            if out is not None:
                out.write(line + "\n")

        def log_step(info: dict | None) -> None:
            if info is None:
                return
            losses = info.get("losses", {})
            scores = {k: v for k, v in info.get("other_scores", {}).items()
                      if k in info.get("score_keys", ()) and isinstance(v, (int, float))}
            if state["header"] is None:
                cols = ["E", "#"] + [f"LOSS {n.upper()[:10]}" for n in losses]
                cols += [k.upper()[:12] for k in scores] + ["SCORE", "WPS"]
                state["header"] = cols
                write("  ".join(f"{c:>12}" if i > 1 else f"{c:>4}" for i, c in enumerate(cols)))
                write("  ".join("-" * (12 if i > 1 else 4) for i in range(len(cols))))
            row = [str(info["epoch"]), str(info["step"])]
            row += [f"{v:.2f}" for v in losses.values()]
            row += [f"{100 * v:.2f}" for v in scores.values()]
            row += [f"{100 * (info.get('score') or 0.0):.2f}", f"{info.get('wps', 0.0):.0f}"]
            write("  ".join(f"{c:>12}" if i > 1 else f"{c:>4}" for i, c in enumerate(row)))

        def finalize() -> None:
            if out is not None:
                out.close()

        return log_step, finalize

    return setup


registry.loggers.register("spacy.ConsoleLogger.v1", func=console_logger)
