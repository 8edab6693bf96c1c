"""View → Portfolio…: opens the portfolio; a row clicked opens its assessment in the window at its step."""

from __future__ import annotations

from PySide6.QtGui import QAction

from idmf.ui.portfolio.dialog import PortfolioDialog


def show_portfolio(window) -> PortfolioDialog:
    """Open (or bring forward) the portfolio of the window's database."""
    dialog = getattr(window, "portfolio_dialog", None)
    if dialog is None:
        dialog = window.portfolio_dialog = PortfolioDialog(window.context, window)
        dialog.sig_open_requested.connect(lambda aid, section: window.open_assessment(aid, section or None))
    else:
        dialog.refresh()
    dialog.show()
    dialog.raise_()
    return dialog


def install_portfolio_action(window) -> QAction:
    """Add Portfolio… to the View menu."""
    action = QAction("&Portfolio…", window)
    action.triggered.connect(lambda: show_portfolio(window))
    window.menus["view"].addAction(action)
    window.portfolio_action = action
    return action
