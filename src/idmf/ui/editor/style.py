"""The editor's style sheet: marks drawn with borders and text, colours from the palette (dark themes work).

Focus is always visible: a tick box or radio button without text of its own (its wording is a separate label,
so it wraps) would otherwise show no focus rectangle at all."""

STYLE_SHEET = """
QLabel#help {
    border: 0px;  /* Qt draws a one-sided border only once the whole border is set */
    border-left: 3px solid palette(dark);
    padding-left: 0.6em;
}
QLabel#heat_badge {
    border: 1px solid palette(dark);
    border-radius: 3px;
    padding: 0 0.3em;
    font-weight: bold;
}
QLabel#warning {
    border: 2px solid palette(dark);
    padding: 0.4em;
    font-weight: bold;
}
QCheckBox, QRadioButton {
    border: 2px solid transparent;  /* the same size with and without focus: nothing moves */
    border-radius: 3px;
}
QCheckBox:focus, QRadioButton:focus {
    border: 2px solid palette(highlight);
}
QLabel#date_problem {
    border: 0px;
    border-left: 3px solid palette(dark);
    padding-left: 0.6em;
    font-weight: bold;
}
"""
