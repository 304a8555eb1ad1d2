"""Pseudo-projective parsing: lift non-projective arcs for training, restore them after.

`projectivize(heads, labels)` repeatedly re-attaches the shortest non-projective arc to the
head's head, and marks the lifted token's label as `"label||original head's label"`;
`deprojectivize(heads, labels)` undoes that, searching under the new head for a token
with the recorded label. Heads are absolute token indices; a root is its own head.
"""

from __future__ import annotations

from collections.abc import Sequence

DELIMITER = "||"


def _dominated(k: int, head: int, heads: Sequence[int]) -> bool:
    """True when `head` is an ancestor of token `k`."""
    seen = 0
    while k != head:
        nxt = heads[k]
        if nxt is None or nxt == k or seen > len(heads):
            return False
        k = nxt
        seen += 1
    return True


def is_nonproj_arc(child: int, heads: Sequence[int]) -> bool:
    """True when the arc into `child` crosses a token its head does not dominate."""
    head = heads[child]
    if head is None or head == child:
        return False
    lo, hi = (head + 1, child) if head < child else (child + 1, head)
    return any(not _dominated(k, head, heads) for k in range(lo, hi))


def is_nonproj_tree(heads: Sequence[int]) -> bool:
    """True when any arc of the tree is non-projective."""
    return any(is_nonproj_arc(i, heads) for i in range(len(heads)))


def _smallest_nonproj_arc(heads: Sequence[int]) -> int | None:
    best, best_len = None, None
    for i, head in enumerate(heads):
        if head is None or head == i:
            continue
        length = abs(head - i)
        if (best_len is None or length < best_len) and is_nonproj_arc(i, heads):
            best, best_len = i, length
    return best


def projectivize(heads: Sequence[int], labels: Sequence[str]) -> tuple[list[int], list[str]]:
    """Projective heads and decorated labels for a (possibly non-projective) tree."""
    proj = list(heads)
    lifted = False
    for _ in range(len(heads) * len(heads) + 1):
        child = _smallest_nonproj_arc(proj)
        if child is None:
            break
        grand = proj[proj[child]]
        if grand is None:
            break
        proj[child] = grand
        lifted = True
    if not lifted:
        return list(heads), list(labels)
    out_labels = [
        f"{labels[i]}{DELIMITER}{labels[heads[i]]}" if proj[i] != heads[i] else labels[i]
        for i in range(len(heads))
    ]
    return proj, out_labels


def deprojectivize(heads: Sequence[int], labels: Sequence[str]) -> tuple[list[int], list[str]]:
    """Undo `projectivize`: re-attach decorated tokens and strip the decoration."""
    heads = list(heads)
    labels = list(labels)
    for i, label in enumerate(labels):
        if DELIMITER not in label:
            continue
        base, _, head_label = label.partition(DELIMITER)
        labels[i] = base
        start = heads[i]
        queue = [k for k in range(len(heads)) if heads[k] == start and k not in (i, start)]
        while queue:
            k = queue.pop(0)
            if labels[k].partition(DELIMITER)[0] == head_label:
                heads[i] = k
                break
            queue.extend(j for j in range(len(heads)) if heads[j] == k and j != k)
    return heads, labels
