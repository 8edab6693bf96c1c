"""English Indices of Deprivation 2019 (IMD 2019) for local authorities, shown beside "People experiencing
deprivation" (Step 4) and in the evidence base.

The figures are MHCLG's "File 10 – Local Authority District Summaries" (read from the shipped bundle): the average
IMD score and the proportion of the authority's small areas (LSOAs) in England's most deprived 10 %. The summary
has no rank column, so the rank is worked out here the way MHCLG ranks the average score: 1 is the most deprived
of the 317 authorities of 2019. It uses 2019 boundaries, so authorities created since (e.g. Buckinghamshire
2020, North and West Northamptonshire 2021) have no figures of their own.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from idmf.census.bulk import bad_file, read_table
from idmf.domain.limits import share

IMD_TITLE = "Index of Multiple Deprivation 2019"
IMD_SOURCE = ("Source: Ministry of Housing, Communities and Local Government, English Indices of Deprivation 2019 "
              "(File 10, local authority district summaries)")
IMD_LICENCE = ("Contains data from the Ministry of Housing, Communities and Local Government (English Indices of "
               "Deprivation 2019), Open Government Licence v3.0")
IMD_CAVEAT = ("IMD 2019 uses 2019 local authority boundaries and mostly 2015–2016 data, four to five years before the "
              "2021 Census; it ranks areas against each other and does not measure how many people are deprived.")
NO_TWENTY = ("The published summary gives the share of small areas in England's most deprived 10 %, not 20 %, so "
             "the 10 % share is shown.")


@dataclass(frozen=True)
class Deprivation:
    """IMD 2019 for one local authority."""

    area_code: str
    area_name: str
    score: float  # IMD average score (higher is more deprived)
    rank: int  # 1 = most deprived of `of`
    of: int
    most_deprived_10: float  # share (0–1) of its small areas in England's most deprived 10 %

    @property
    def decile(self) -> int:
        """1 = among the most deprived tenth of authorities, 10 = the least deprived tenth."""
        return min(10, math.ceil(10 * self.rank / self.of))

    def as_dict(self) -> dict:
        """For JSON output (figures as shown, rounded as MHCLG publishes them)."""
        return {"area_code": self.area_code, "area_name": self.area_name, "average_score": self.score,
                "rank": self.rank, "of": self.of, "decile": self.decile,
                "share_of_small_areas_in_most_deprived_10_percent": round(self.most_deprived_10, 4)}


def read_imd_file(path: Path) -> dict[str, list[float]]:
    """The IMD 2019 local authority summary: {code: [average score, share in most deprived 10 %]}."""
    header, rows = read_table(path)
    lower = [h.lower() for h in header]
    if not lower or not lower[0].startswith("ltla") or "score" not in lower or "proportion" not in lower:
        raise bad_file(path, "it is not the IMD 2019 local authority summary (ltla19_code, Score, Proportion)")
    at_score, at_share = lower.index("score"), lower.index("proportion")
    out: dict[str, list[float]] = {}
    for line, row in enumerate(rows, start=2):
        score, part = _number(row[at_score]), share(row[at_share])
        if score is None or part is None or not row[0].strip():
            raise bad_file(path, f"line {line} does not hold an area code, a score and a share")
        out[row[0].strip()] = [score, part]
    return out


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) and 0 <= value <= 100 else None


def ranked(figures: dict[str, list[float]], names: dict[str, str]) -> dict[str, Deprivation]:
    """Every authority's IMD figures with its rank by average score (ties share the better rank)."""
    scores = sorted((values[0] for values in figures.values()), reverse=True)
    first = {}
    for position, score in enumerate(scores, start=1):
        first.setdefault(score, position)
    return {code: Deprivation(code, names.get(code, code), score, first[score], len(scores), part)
            for code, (score, part) in figures.items()}
