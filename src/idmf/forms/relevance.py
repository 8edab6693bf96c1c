"""Conditional questions: a tiny, safe expression language in the spirit of XLSForm's `relevant`.

Grammar (a subset of Python expressions, parsed with `ast` and never evaluated by Python):
    expr   := expr 'or' expr | expr 'and' expr | 'not' expr | '(' expr ')' | test
    test   := name ('==' | '!=') literal | name ('in' | 'not in') '[' literal, ... ']' | name
    literal:= 'text' | true | false
A bare name is true when the question has any non-empty answer. For a multiple-choice
answer, `name == 'x'` is true when 'x' is among the chosen values.
"""

from __future__ import annotations

import ast
from functools import lru_cache
from typing import Any, Callable


class RelevanceError(ValueError):
    """A relevance expression that the language does not accept."""


_ALLOWED = (ast.Expression, ast.BoolOp, ast.And, ast.Or, ast.UnaryOp, ast.Not, ast.Compare,
            ast.Eq, ast.NotEq, ast.In, ast.NotIn, ast.Name, ast.Load, ast.Constant, ast.List, ast.Tuple)


_LITERALS = {"true": True, "false": False}


@lru_cache(maxsize=512)
def parse_relevance(text: str) -> ast.Expression:
    """Parse and check an expression; raise RelevanceError naming what is not allowed."""
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError as exc:
        raise RelevanceError(f"cannot read '{text}' ({exc.msg})") from None
    for node in ast.walk(tree):
        if not isinstance(node, _ALLOWED):
            raise RelevanceError(f"'{text}' uses {type(node).__name__}, which conditions do not support")
        if isinstance(node, ast.Constant) and not isinstance(node.value, (str, bool)):
            raise RelevanceError(f"'{text}': only quoted text, true and false can be compared")
        if isinstance(node, ast.Compare):
            if not isinstance(node.left, ast.Name) or len(node.ops) != 1:
                raise RelevanceError(f"'{text}': write comparisons as question_id == 'value'")
            right = node.comparators[0]
            if isinstance(right, ast.Name) and right.id not in _LITERALS:
                raise RelevanceError(f"'{text}': compare a question with quoted text, not with another question")
    return tree


def names_in(text: str) -> set[str]:
    """The question ids an expression refers to."""
    return {n.id for n in ast.walk(parse_relevance(text)) if isinstance(n, ast.Name) and n.id not in _LITERALS}


def _has_value(value: Any) -> bool:
    return value not in (None, "", [], {}, ())


def _equals(answer: Any, literal: Any) -> bool:
    if isinstance(answer, (list, tuple, set)):
        return literal in answer
    return answer == literal


def _eval(node: ast.AST, lookup: Callable[[str], Any]) -> Any:
    if isinstance(node, ast.Expression):
        return _eval(node.body, lookup)
    if isinstance(node, ast.BoolOp):
        values = (_eval(v, lookup) for v in node.values)
        return all(values) if isinstance(node.op, ast.And) else any(values)
    if isinstance(node, ast.UnaryOp):
        return not _eval(node.operand, lookup)
    if isinstance(node, ast.Name):
        return _LITERALS[node.id] if node.id in _LITERALS else _has_value(lookup(node.id))
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, (ast.List, ast.Tuple)):
        return [_eval(e, lookup) for e in node.elts]
    if isinstance(node, ast.Compare):
        answer = lookup(node.left.id)  # type: ignore[attr-defined]
        right = _eval(node.comparators[0], lookup)
        op = node.ops[0]
        if isinstance(op, (ast.In, ast.NotIn)):
            options = right if isinstance(right, list) else [right]
            hit = any(_equals(answer, o) for o in options)
            return hit if isinstance(op, ast.In) else not hit
        hit = _equals(answer, right)
        return hit if isinstance(op, ast.Eq) else not hit
    raise RelevanceError(f"unsupported expression element {type(node).__name__}")


def is_relevant(expression: str | None, lookup: Callable[[str], Any]) -> bool:
    """Evaluate a relevance expression against answers (lookup returns a plain answer value)."""
    if not expression:
        return True
    return bool(_eval(parse_relevance(expression), lookup))


def compared_values(text: str) -> list[tuple[str, str]]:
    """(question id, quoted value) pairs the expression compares, to check values against choices."""
    pairs = []
    for node in ast.walk(parse_relevance(text)):
        if isinstance(node, ast.Compare):
            right = node.comparators[0]
            literals = right.elts if isinstance(right, (ast.List, ast.Tuple)) else [right]
            pairs += [(node.left.id, lit.value) for lit in literals  # type: ignore[attr-defined]
                      if isinstance(lit, ast.Constant) and isinstance(lit.value, str)]
    return pairs
