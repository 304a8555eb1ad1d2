"""Config overrides given on the command line: `--paths.train ./x.plait --nlp.batch_size 128`."""

from __future__ import annotations

import json
import os
import shlex
from typing import Any

from ..errors import ConfigError, Errors

ENV_VAR = "PLAIT_CONFIG_OVERRIDES"


def _parse_value(text: str) -> Any:
    """JSON when it parses (128, true, null, [1, 2], "x"), else the text itself."""
    try:
        return json.loads(text)
    except ValueError:
        return text


def parse_config_overrides(args: list[str], env_var: str | None = ENV_VAR) -> dict[str, Any]:
    """Turn extra command-line arguments into `{"section.key": value}` overrides.

    Also reads the same syntax from the environment variable `PLAIT_CONFIG_OVERRIDES`
    (command-line values win). A malformed argument is `ConfigError` E664.
    """
    env_text = os.environ.get(env_var, "") if env_var else ""
    result = _parse(shlex.split(env_text)) if env_text.strip() else {}
    result.update(_parse(list(args)))
    return result


def _parse(args: list[str]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    while args:
        arg = args.pop(0)
        if not arg.startswith("--"):
            raise ConfigError(Errors.E664.format(arg=arg, reason="it does not start with --"))
        key = arg[2:]
        if "=" in key:
            key, value = key.split("=", 1)
        elif args and not args[0].startswith("--"):
            value = args.pop(0)
        else:
            value = "true"  # a flag without a value
        key = key.replace("-", "_")
        if "." not in key or key.startswith(".") or key.endswith(".") or ".." in key:
            raise ConfigError(
                Errors.E664.format(arg=arg, reason="the name is not a dotted section.key path")
            )
        result[key] = _parse_value(value)
    return result
