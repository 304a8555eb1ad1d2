"""Package metadata."""

__title__ = "plait"
__version__ = "0.1.0"
