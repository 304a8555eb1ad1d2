"""Registries of named functions (on catalogue), filled by decorators and entry points.

`registry.factories`, `registry.languages`, ... map names used in configs to code. Each
registry also reads the matching entry-point group (`plait_factories`,
`plait_languages`, ...), so an installed package's functions work without an import.
"""

from __future__ import annotations

import catalogue
import confection


class registry(confection.registry):
    """All of plait's registries. `registry.get(name, func_name)` resolves one entry."""

    languages = catalogue.create("plait", "languages", entry_points=True)
    factories = catalogue.create("plait", "factories", entry_points=True)
    architectures = catalogue.create("plait", "architectures", entry_points=True)
    tokenizers = catalogue.create("plait", "tokenizers", entry_points=True)
    lookups = catalogue.create("plait", "lookups", entry_points=True)
    displacy_colors = catalogue.create("plait", "displacy_colors", entry_points=True)
    misc = catalogue.create("plait", "misc", entry_points=True)
    callbacks = catalogue.create("plait", "callbacks", entry_points=True)
    readers = catalogue.create("plait", "readers", entry_points=True)
    scorers = catalogue.create("plait", "scorers", entry_points=True)
    loggers = catalogue.create("plait", "loggers", entry_points=True)
    batchers = catalogue.create("plait", "batchers", entry_points=True)
    optimizers = catalogue.create("plait", "optimizers", entry_points=True)
