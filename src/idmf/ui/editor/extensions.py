"""Features that add panels to the editor (census profile in Step 2, review checklist and comments).

Each entry names a function taking the AssessmentEditor; it adds its widgets through the editor's
`page(section_id).add_panel(...)` and `add_side_tab(...)` and listens to `sig_assessment_changed`.
Keeping the list here keeps the editor free of imports from the feature folders.
"""

from __future__ import annotations

import importlib
import logging

log = logging.getLogger(__name__)

# "module:function", attached in this order.
EXTENSIONS: list[str] = ["idmf.ui.review.panel:attach", "idmf.ui.census.panel:attach"]


def attach_extensions(editor) -> None:
    """Attach every feature panel; one that fails is logged and left out, never stopping the editor opening."""
    for entry in EXTENSIONS:
        module_name, _, function_name = entry.partition(":")
        try:
            getattr(importlib.import_module(module_name), function_name)(editor)
        except Exception:  # noqa: BLE001 - a broken panel must not stop the user reaching their answers
            log.exception("Could not add the editor panel %s", entry)
