"""DependencyMatcher: match subtrees of the dependency parse (spaCy's `DependencyMatcher`).

A pattern is a list of nodes. The first (the anchor) has `RIGHT_ID` and `RIGHT_ATTRS`;
each later node names an earlier node (`LEFT_ID`), a relation (`REL_OP`) and its own
`RIGHT_ID` and `RIGHT_ATTRS` (a token description, as in Matcher patterns). A match is
one token per node such that every relation holds; matches are returned as
`(match_id, [token index of each node, in pattern order])`.

How it runs: every node's token description becomes a one-token Matcher pattern, so one
Matcher call finds the candidate tokens of all nodes. Candidates are grouped by the root
of their tree; within a tree, nodes are assigned in pattern order with backtracking, and
each relation is checked as soon as both of its ends are assigned. The results and their
order are those of spaCy, which enumerates the product of all candidates.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..errors import Errors, InputError
from ..vocab import Vocab
from . import doclike as D
from .matcher import KeyedRules, Matcher

OnMatch = Callable[[Any, Any, int, list], Any]

_NODE_KEYS = {"RIGHT_ID", "RIGHT_ATTRS", "LEFT_ID", "REL_OP"}


class _Tree:
    """The parse of one doc, as plain lists: heads, children, subtree edges."""

    def __init__(self, doc: Any) -> None:
        n = len(doc)
        self.n = n
        head = D.heads(doc) if n else []
        for i, h in enumerate(head):  # guard against damaged heads
            if not 0 <= h < n:
                head[i] = i
        self.head = head
        children: list[list[int]] = [[] for _ in range(n)]
        for i, h in enumerate(head):
            if h != i:
                children[h].append(i)
        self.children = children
        self._roots: dict[int, int] = {}
        self._edges: dict[int, tuple[int, int]] = {}

    def ancestors(self, i: int) -> list[int]:
        out = []
        seen = {i}
        h = self.head[i]
        while h not in seen:
            out.append(h)
            seen.add(h)
            h = self.head[h]
        return out

    def root(self, i: int) -> int:
        found = self._roots.get(i)
        if found is None:
            up = self.ancestors(i)
            found = self._roots[i] = up[-1] if up else i
        return found

    def descendants(self, i: int) -> list[int]:
        out: list[int] = []
        stack = list(self.children[i])
        seen = {i}
        while stack:
            j = stack.pop()
            if j in seen:
                continue
            seen.add(j)
            out.append(j)
            stack.extend(self.children[j])
        return sorted(out)

    def sent(self, i: int) -> tuple[int, int]:
        """The token range of the tree `i` is in: its root's left edge to right edge."""
        root = self.root(i)
        edges = self._edges.get(root)
        if edges is None:
            sub = self.descendants(root)
            edges = self._edges[root] = (min(sub + [root]), max(sub + [root]) + 1)
        return edges


def _children_of_head(tree: _Tree, i: int) -> list[int]:
    return tree.children[tree.head[i]]


# REL_OP -> tokens that can be the right node, given the left node's token
_OPS: dict[str, Callable[[_Tree, int], list[int]]] = {
    "<": lambda t, i: [] if t.head[i] == i else [t.head[i]],
    ">": lambda t, i: list(t.children[i]),
    "<<": lambda t, i: t.ancestors(i),
    ">>": lambda t, i: t.descendants(i),
    ".": lambda t, i: [i + 1] if i + 1 < t.sent(i)[1] else [],
    ".*": lambda t, i: list(range(i + 1, t.sent(i)[1])),
    ";": lambda t, i: [i - 1] if i - 1 >= t.sent(i)[0] else [],
    ";*": lambda t, i: list(range(t.sent(i)[0], i)),
    "$+": lambda t, i: [c for c in _children_of_head(t, i) if c == i + 1],
    "$-": lambda t, i: [c for c in _children_of_head(t, i) if c == i - 1],
    "$++": lambda t, i: [c for c in _children_of_head(t, i) if c > i],
    "$--": lambda t, i: [c for c in _children_of_head(t, i) if c < i],
    ">+": lambda t, i: [c for c in t.children[i] if c == i + 1],
    ">-": lambda t, i: [c for c in t.children[i] if c == i - 1],
    ">++": lambda t, i: [c for c in t.children[i] if c > i],
    ">--": lambda t, i: [c for c in t.children[i] if c < i],
    "<+": lambda t, i: [t.head[i]] if t.head[i] == i + 1 else [],
    "<-": lambda t, i: [t.head[i]] if t.head[i] == i - 1 else [],
    "<++": lambda t, i: [t.head[i]] if t.head[i] > i else [],
    "<--": lambda t, i: [t.head[i]] if t.head[i] < i else [],
}
REL_OPS = tuple(_OPS)


class _Pattern:
    """One dependency pattern: the internal Matcher key of each node, and its relations."""

    __slots__ = ("checks", "node_keys")

    def __init__(self, node_keys: list[int], checks: list[list[tuple[int, str, bool]]]) -> None:
        self.node_keys = node_keys
        # checks[k]: relations to test when node k is assigned, as
        # (other node, REL_OP, True if node k is the right side)
        self.checks = checks


class DependencyMatcher(KeyedRules):
    """Match patterns over the dependency parse (heads and relations between tokens).

    `DependencyMatcher(vocab, *, validate=False)`; `validate` is passed to the Matcher
    that checks each node's RIGHT_ATTRS. Malformed patterns raise coded `InputError`s.
    """

    def __init__(self, vocab: Vocab, *, validate: bool = False) -> None:
        self.vocab = vocab
        self._matcher = Matcher(vocab, validate=validate)
        self._patterns: dict[Any, list] = {}  # raw patterns, as added
        self._compiled: dict[Any, list[_Pattern]] = {}
        self._callbacks: dict[Any, OnMatch | None] = {}

    def __reduce__(self):
        return (_unpickle_dependency_matcher, (self.vocab, self._patterns, self._callbacks))

    # --- rules ---------------------------------------------------------------------------

    def add(
        self, key: str | int, patterns: list[list[dict]], *, on_match: OnMatch | None = None
    ) -> None:
        """Add dependency patterns under `key` (appended if the key exists)."""
        if on_match is not None and not callable(on_match):
            raise InputError(Errors.E450.format(key=key, type=type(on_match).__name__))
        if not isinstance(patterns, list):
            raise InputError(Errors.E451.format(key=key, type=type(patterns).__name__))
        for i, pattern in enumerate(patterns):
            self._validate(pattern, key, i)
        match_id = self._normalize_key(key)
        offset = len(self._compiled.get(match_id, []))
        compiled = []
        added_keys = []
        try:
            for i, pattern in enumerate(patterns, start=offset):
                node_keys = []
                for j, node in enumerate(pattern):
                    node_key = self._normalize_key(f"{key}||{i}||{j}")
                    self._matcher.add(node_key, [[node["RIGHT_ATTRS"]]])
                    added_keys.append(node_key)
                    node_keys.append(node_key)
                compiled.append(_Pattern(node_keys, _relation_checks(pattern)))
        except InputError:
            for node_key in added_keys:
                self._matcher.remove(node_key)
            raise
        self._patterns.setdefault(match_id, []).extend(patterns)
        self._compiled.setdefault(match_id, []).extend(compiled)
        self._callbacks[match_id] = on_match

    def _validate(self, pattern: object, key: object, index: int) -> None:
        if not isinstance(pattern, list):
            raise InputError(Errors.E454.format(key=key, index=index, type=type(pattern).__name__))
        if not pattern:
            raise InputError(Errors.E453.format(key=key, index=index))
        seen: list[str] = []
        for j, node in enumerate(pattern):
            where = {"key": key, "index": index, "node": j}
            if not isinstance(node, dict):
                raise InputError(Errors.E469.format(type=type(node).__name__, **where))
            required = {"RIGHT_ID", "RIGHT_ATTRS"} if j == 0 else _NODE_KEYS
            if j == 0 and ("LEFT_ID" in node or "REL_OP" in node):
                raise InputError(Errors.E471.format(key=key, index=index))
            missing = sorted(required - set(node))
            if missing:
                raise InputError(Errors.E470.format(missing=", ".join(missing), **where))
            unknown = sorted(str(k) for k in set(node) - _NODE_KEYS)
            if unknown:
                raise InputError(Errors.E476.format(names=", ".join(unknown), **where))
            attrs_ = node["RIGHT_ATTRS"]
            if not isinstance(attrs_, dict):
                raise InputError(Errors.E455.format(key=key, index=index, token=j, type=type(attrs_).__name__))  # fmt: skip
            if node["RIGHT_ID"] in seen:
                raise InputError(Errors.E472.format(name=node["RIGHT_ID"], **where))
            if j > 0:
                if node["LEFT_ID"] not in seen:
                    raise InputError(Errors.E473.format(name=node["LEFT_ID"], known=seen, **where))
                if node["REL_OP"] not in _OPS:
                    raise InputError(Errors.E474.format(op=node["REL_OP"], options=" ".join(REL_OPS), **where))  # fmt: skip
            for name, value in attrs_.items():
                if isinstance(name, str) and name.upper() == "OP" and value in ("?", "*", "+"):
                    raise InputError(Errors.E475.format(op=value, **where))
            seen.append(node["RIGHT_ID"])

    def remove(self, key: str | int) -> None:
        """Remove the rule for `key`; a key that is not there is a coded error."""
        match_id = self._normalize_key(key)
        if match_id not in self._compiled:
            raise InputError(Errors.E461.format(key=key))
        for pattern in self._compiled.pop(match_id):
            for node_key in pattern.node_keys:
                if node_key in self._matcher:
                    self._matcher.remove(node_key)
        del self._patterns[match_id]
        del self._callbacks[match_id]

    # --- matching ------------------------------------------------------------------------

    def __call__(self, doclike: Any) -> list[tuple[int, list[int]]]:
        """Find all matches in a Doc (or a Span, matched as its own Doc)."""
        doc, start, end = D.resolve(doclike)
        if start != 0 or end != len(doc):
            try:
                doc = doclike.as_doc(copy_user_data=True)
            except TypeError:  # an as_doc without copy_user_data
                doc = doclike.as_doc()
        results: list[tuple[int, list[int]]] = []
        if not self._compiled or len(doc) == 0:
            return results
        tree = _Tree(doc)
        # root -> node key -> candidate tokens, roots in the order their first token matched
        by_root: dict[int, dict[int, list[int]]] = {}
        for node_key, s, _e in self._matcher(doc):
            by_root.setdefault(tree.root(s), {}).setdefault(node_key, []).append(s)
        cache: dict[tuple[int, str], set[int]] = {}

        def related(i: int, op: str) -> set[int]:
            found = cache.get((i, op))
            if found is None:
                found = cache[(i, op)] = set(_OPS[op](tree, i))
            return found

        for match_id, patterns in self._compiled.items():
            for pattern in patterns:
                for candidates in by_root.values():
                    pools = [candidates.get(k) for k in pattern.node_keys]
                    if all(pools):
                        for found in _assign(pools, pattern.checks, related):  # type: ignore[arg-type]
                            results.append((match_id, found))
        for i, (match_id, _) in enumerate(results):
            on_match = self._callbacks.get(match_id)
            if on_match is not None:
                on_match(self, doc, i, results)
        return results


def _relation_checks(pattern: list[dict]) -> list[list[tuple[int, str, bool]]]:
    """For each node k, the relations to check once nodes 0..k are assigned."""
    position = {node["RIGHT_ID"]: j for j, node in enumerate(pattern)}
    checks: list[list[tuple[int, str, bool]]] = [[] for _ in pattern]
    for right, node in enumerate(pattern):
        if right == 0:
            continue
        left = position[node["LEFT_ID"]]
        later, other, is_right = (right, left, True) if right > left else (left, right, False)
        checks[later].append((other, node["REL_OP"], is_right))
    return checks


def _assign(pools: list[list[int]], checks: list, related: Callable[[int, str], set[int]]):
    """Yield token assignments (one per node, pools in order) satisfying all relations."""
    n = len(pools)
    chosen = [0] * n

    def extend(k: int):
        for token in pools[k]:
            ok = True
            for other, op, is_right in checks[k]:
                if is_right:
                    ok = token in related(chosen[other], op)
                else:
                    ok = chosen[other] in related(token, op)
                if not ok:
                    break
            if not ok:
                continue
            chosen[k] = token
            if k + 1 == n:
                yield list(chosen)
            else:
                yield from extend(k + 1)

    yield from extend(0)


def _unpickle_dependency_matcher(vocab, patterns, callbacks) -> DependencyMatcher:
    matcher = DependencyMatcher(vocab)
    for key, key_patterns in patterns.items():
        matcher.add(key, key_patterns, on_match=callbacks.get(key))
    return matcher
