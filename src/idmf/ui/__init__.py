"""The PySide6 front end. The only package allowed to import Qt."""
