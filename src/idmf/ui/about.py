"""Help → About IDMF Desktop."""

from __future__ import annotations

from typing import TYPE_CHECKING

import html

from PySide6.QtWidgets import QMessageBox, QWidget

from idmf import __version__

if TYPE_CHECKING:
    from idmf.services.context import AppContext


def about_text(context: AppContext | None = None) -> str:
    """The About box's rich text: version, purpose and where the data is."""
    where = ""
    if context is not None:
        place = context.data_location or "a database server"
        where = f"<p>Your assessments are stored in {html.escape(str(place))}.</p>"
    return (
        f"<h3>IDMF Desktop {html.escape(__version__)}</h3>"
        "<p>Complete, review and sign off equality impact assessments under the NHS Inclusive "
        "Decision-Making Framework (IDMF) Part B template.</p>"
        f"{where}"
        "<p>For help with an assessment, contact your Equality, Diversity and Inclusion team.</p>"
    )


def show_about(parent: QWidget | None, context: AppContext | None = None) -> None:
    """Show the About box."""
    QMessageBox.about(parent, "About IDMF Desktop", about_text(context))
