"""One QuestionWidget class per field type of the form language (see idmf.ui.editor.builder)."""

from idmf.ui.editor.fields.base import QuestionWidget, describe
from idmf.ui.editor.fields.choice import GridField, MultipleChoiceField, SingleChoiceField, YesNoField
from idmf.ui.editor.fields.date import DateField
from idmf.ui.editor.fields.groups import GroupCatalogueField
from idmf.ui.editor.fields.impact import ImpactField
from idmf.ui.editor.fields.table import RowsTableModel, TableField
from idmf.ui.editor.fields.text import ChoiceTextField, LineField, LongTextField

__all__ = [
    "ChoiceTextField", "DateField", "GridField", "GroupCatalogueField", "ImpactField", "LineField",
    "LongTextField", "MultipleChoiceField", "QuestionWidget", "RowsTableModel", "SingleChoiceField",
    "TableField", "YesNoField", "describe",
]
