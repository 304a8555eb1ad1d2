"""An example plait extension package: a component, a language and displaCy colours."""

__version__ = "1.0.0"
