"""The portfolio view: charts and tables across every assessment you can see, with CSV and Excel export."""

from idmf.ui.portfolio.dialog import PortfolioDialog
from idmf.ui.portfolio.model import COL_FIRST, PortfolioTableModel

__all__ = ["COL_FIRST", "PortfolioDialog", "PortfolioTableModel"]
