"""Edit distance for the Matcher's FUZZY predicates."""

from __future__ import annotations


def levenshtein(a: str, b: str, max_edits: int = -1) -> int:
    """Return the Levenshtein distance of `a` and `b` (insertions, deletions, substitutions).

    With `max_edits >= 0` the computation stops early: any distance above `max_edits` is
    reported as `max_edits + 1`.
    """
    if a == b:
        return 0
    if len(a) < len(b):
        a, b = b, a
    la, lb = len(a), len(b)
    bounded = max_edits >= 0
    if bounded and la - lb > max_edits:
        return max_edits + 1
    if lb == 0:
        return la if not bounded or la <= max_edits else max_edits + 1
    prev = list(range(lb + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        row_min = i
        for j, cb in enumerate(b, 1):
            cost = prev[j - 1] + (ca != cb)
            ins = cur[j - 1] + 1
            dele = prev[j] + 1
            best = min(ins, cost)
            best = min(best, dele)
            cur.append(best)
            row_min = min(row_min, best)
        if bounded and row_min > max_edits:
            return max_edits + 1
        prev = cur
    dist = prev[lb]
    return dist if not bounded or dist <= max_edits else max_edits + 1


def levenshtein_compare(input_text: str, pattern_text: str, fuzzy: int = -1) -> bool:
    """True when `input_text` is within the allowed edit distance of `pattern_text`.

    `fuzzy` is the number of edits allowed (`FUZZY1`..`FUZZY9`); with `fuzzy=-1` (plain
    `FUZZY`) the allowance is 30% of the pattern's length, and at least 2 (so that one
    transposition of two letters fits).
    """
    if fuzzy >= 0:
        allowed = fuzzy
    else:
        allowed = max(2, round(0.3 * len(pattern_text)))
    return levenshtein(input_text, pattern_text, allowed) <= allowed
