"""`Eglish` (code `qaa`): English with a few extra stop words."""

from __future__ import annotations

from plait.lang.en import English, EnglishDefaults


class EglishDefaults(EnglishDefaults):
    """English language data plus the stop words "eh" and "innit"."""

    stop_words = EnglishDefaults.stop_words | {"eh", "innit"}


class Eglish(English):
    """The `qaa` language: `plait.blank("qaa")`."""

    lang = "qaa"
    Defaults = EglishDefaults
