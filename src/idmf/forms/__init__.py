"""Form definitions: the IDMF Part B template described as data (forms/*.yaml)."""

from idmf.forms.loader import (
    FormError,
    FormRegistry,
    UnknownFormError,
    default_form,
    load_form,
    load_form_text,
)
from idmf.forms.schema import FieldType, FormDefinition, Question, Section

__all__ = [
    "FieldType",
    "FormDefinition",
    "FormError",
    "FormRegistry",
    "UnknownFormError",
    "Question",
    "Section",
    "default_form",
    "load_form",
    "load_form_text",
]
