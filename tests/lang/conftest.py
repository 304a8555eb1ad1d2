"""Shared fixtures for the language tests."""

import pytest

import plait


@pytest.fixture(scope="module")
def nlp(request):
    """A blank pipeline for the test module's language, named by its `LANG`."""
    return plait.blank(request.module.LANG)
