"""British-English spell checking of text answers: the checker (Hunspell with the bundled en_GB dictionary
and the user's own words), the underline in text boxes and the suggestions menu."""

from idmf.ui.editor.spelling.checker import SpellChecker, forget_shared_checker, shared_checker, spelling_loaded

__all__ = ["SpellChecker", "forget_shared_checker", "shared_checker", "spelling_loaded"]
