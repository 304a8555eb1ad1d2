"""Rule-based matching: token patterns, phrase lists and dependency patterns.

`Matcher`, `PhraseMatcher` and `DependencyMatcher` keep spaCy's names, signatures and
results (`from plait.matcher import Matcher`). See docs/matcher.md.
"""

from .dependencymatcher import DependencyMatcher
from .levenshtein import levenshtein_compare
from .matcher import Matcher
from .phrasematcher import PhraseMatcher

__all__ = ["DependencyMatcher", "Matcher", "PhraseMatcher", "levenshtein_compare"]
