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
from pathlib import Path

from idmf.census.bulk import bad_file, read_table
from idmf.domain.census import Area
from idmf.domain.evidence import CensusTable, DeprivationFigure
from idmf.domain.limits import share
from idmf.domain.questions import IH_DEPRIVATION

IMD_CODE = "IMD2019"  # the evidence table's code, beside the census tables' TS codes
IMD_TITLE = "Index of Multiple Deprivation 2019"
IMD_SOURCE = ("Source: Ministry of Housing, Communities and Local Government, English Indices of Deprivation 2019 "
              "(File 10, local authority district summaries)")
IMD_LICENCE = ("Contains data from the Ministry of Housing, Communities and Local Government (English Indices of "
               "Deprivation 2019), Open Government Licence v3.0")
IMD_CAVEAT = ("IMD 2019 uses 2019 local authority boundaries and mostly 2015–2016 data, four to five years before the "
              "2021 Census; it ranks areas against each other and does not measure how many people are deprived.")
NO_TWENTY = ("The published summary gives the share of small areas in England's most deprived 10 %, not 20 %, so "
             "the 10 % share is shown.")


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


def ranked(figures: dict[str, list[float]], names: dict[str, str]) -> dict[str, DeprivationFigure]:
    """Every authority's IMD figures with its rank by average score (ties share the better rank)."""
    scores = sorted((values[0] for values in figures.values()), reverse=True)
    first: dict[float, int] = {}
    for position, score in enumerate(scores, start=1):
        first.setdefault(score, position)
    of = len(scores)
    return {code: DeprivationFigure(area_code=code, area_name=names.get(code, code), score=score, rank=first[score],
                                    of=of, decile=min(10, math.ceil(10 * first[score] / of)),
                                    most_deprived_10=round(100 * part, 1))
            for code, (score, part) in figures.items()}


def deprivation_table(area: Area, figures: list[DeprivationFigure], note: str) -> CensusTable | None:
    """The evidence table of an area's deprivation figures (None when there are none)."""
    if not figures:
        return None
    return CensusTable(table_code=IMD_CODE, title="Deprivation (IMD 2019)", characteristic=IH_DEPRIVATION,
                       area_code=area.code, area_name=area.name, universe="local authorities ranked by IMD 2019",
                       total=len(figures), note="", caveat=IMD_CAVEAT, source=IMD_SOURCE,
                       notes=[text for text in (NO_TWENTY, note, IMD_LICENCE) if text],
                       origin="MHCLG English Indices of Deprivation 2019, shipped with IDMF Desktop",
                       deprivation=figures)
