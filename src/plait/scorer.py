"""spaCy-compatible path for the scorer: `from plait.scorer import Scorer` (lives in plait.training)."""

from .training.scorer import Scorer

__all__ = ["Scorer"]
