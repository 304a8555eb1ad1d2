"""Transition systems and the greedy parsing loop behind `parser` and `ner`.

- `arc_eager.py`: dependency parsing moves (SHIFT, REDUCE, LEFT-x, RIGHT-x), dynamic oracle;
- `biluo.py`: entity moves (O, B-x, I-x, L-x, U-x) that keep preset entities, dynamic oracle;
- `component.py`: `TransitionComponent`, the trainable pipe that runs a system over a batch
  of docs with `plait.ml.parser_model`.
"""

from __future__ import annotations

from . import arc_eager, biluo

N_FEATURES = {"parser": arc_eager.N_FEATURES, "ner": biluo.N_FEATURES}
"""The number of state tokens the model sees, per `state_type`."""

__all__ = ["N_FEATURES", "arc_eager", "biluo"]
