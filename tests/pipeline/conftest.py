"""Shared fixtures for the component tests: a blank English pipeline and a round-trip helper."""

import pytest

import plait
from plait.util import load_model_from_path


@pytest.fixture
def nlp():
    return plait.blank("en")


def _load(path):
    return plait.load(path) if hasattr(plait, "load") else load_model_from_path(path)


@pytest.fixture
def disk_round_trip(tmp_path):
    """disk_round_trip(nlp) -> the pipeline saved with nlp.to_disk and loaded back."""

    def run(nlp):
        path = tmp_path / "pipeline"
        nlp.to_disk(path)
        return _load(path)

    return run
