"""Suite-wide test settings.

In CI (the `CI` environment variable is set) hypothesis runs derandomized: the same examples on every
run, so a submission's CI result does not depend on the draw. Locally it explores new examples each
run, which is where new failures are found (then pinned with `@example`).
"""

import os

import pytest
from hypothesis import settings

settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture
def make_example():
    """`make_example(nlp, text, pred, gold)`: an Example whose predicted tokens carry `pred`."""

    def make(nlp, text, pred, gold):
        from plait.training.example import Example

        eg = Example.from_dict(nlp.make_doc(text), gold)
        for key, values in pred.items():
            for token, value in zip(eg.predicted, values):
                setattr(token, key, value)
        return eg

    return make


@pytest.fixture
def fresh_python():
    """`fresh_python(code)`: what `code` prints in a new Python process (stripped); fails if it fails.

    For what only a fresh process shows: which modules an import or a load pulls in.
    """
    import subprocess
    import sys

    def run(code: str) -> str:
        return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              check=True).stdout.strip()

    return run
