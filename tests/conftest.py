"""Suite-wide test settings.

In CI (the `CI` environment variable is set) hypothesis runs derandomized: the same examples on every
run, so a submission's CI result does not depend on the draw. Locally it explores new examples each
run, which is where new failures are found (then pinned with `@example`).
"""

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
