"""Domain model of an assessment (pydantic, no storage, no Qt).

The names below are loaded on first use: the first screen imports light modules of this package (status,
summary, times) and must not pay for pydantic on the way.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from idmf.domain.answers import AnswerError, GroupImpact, ImpactAnswer, is_blank, parse_answer
    from idmf.domain.assessment import ActionRow, Assessment
    from idmf.domain.status import Status

_HOME = {
    "ActionRow": "assessment", "Assessment": "assessment", "Status": "status", "AnswerError": "answers",
    "GroupImpact": "answers", "ImpactAnswer": "answers", "is_blank": "answers", "parse_answer": "answers",
}

__all__ = [
    "ActionRow", "AnswerError", "Assessment", "GroupImpact", "ImpactAnswer", "Status", "is_blank", "parse_answer",
]


def __getattr__(name: str) -> Any:
    """`from idmf.domain import Assessment` still works: the module is imported when the name is asked for."""
    if name not in _HOME:
        raise AttributeError(f"module 'idmf.domain' has no attribute {name!r}")
    return getattr(import_module(f"idmf.domain.{_HOME[name]}"), name)
