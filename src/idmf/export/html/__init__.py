"""Accessible web pages (one self-contained HTML file each) of an assessment and of its easy-read summary."""
