"""The editor's style sheet: marks drawn with borders and text, colours from the palette (dark themes work)."""

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
"""
