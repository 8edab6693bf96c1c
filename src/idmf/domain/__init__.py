"""Domain model of an assessment (pydantic, no storage, no Qt)."""

from idmf.domain.answers import (
    AnswerError,
    GroupImpact,
    ImpactAnswer,
    is_blank,
    parse_answer,
)
from idmf.domain.assessment import ActionRow, Assessment, Status

__all__ = [
    "ActionRow",
    "AnswerError",
    "Assessment",
    "GroupImpact",
    "ImpactAnswer",
    "Status",
    "is_blank",
    "parse_answer",
]
