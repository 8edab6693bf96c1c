"""Area search and the census profile of an area, compared with England, built from the cache.

Areas without their own figures are summed from their parts: an ICB from its best-fit local authorities (the
profile names any split authority), a county from its districts. Nothing here touches the network.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from idmf.census.bundle import SHIPPED_SOURCE
from idmf.census.errors import CensusDataError
from idmf.census.lookups import icb_members, split_note
from idmf.census.records import group_of
from idmf.census.tables import PROFILE_TABLES, TOTAL, CensusTableSpec, substitute_note, table_spec
from idmf.domain.census import ENGLAND, Area, kind_from_code
from idmf.domain.evidence import CensusRow, CensusTable
from idmf.storage.census_cache import CachedValue, CensusCache

HIGHLIGHT_MIN_POINTS = 1.0  # an over-representation must be at least this many percentage points
HIGHLIGHT_TOP = 2  # and among the largest few of its table, so the eye goes to what matters
_KIND_ORDER = {"ltla": 0, "utla": 1, "icb": 2, "region": 3, "country": 4}
NO_ENGLAND = ("England's figures for this table are not in the cache, so there is no comparison; download the "
              "tables from Nomis to add them.")
ENGLAND_SUMMED = ("England's figures are the sum of its {n} local authorities, because this source has no England "
                  "row; ONS adjusts each area separately, so the sum can differ from the published England total by "
                  "a few people.")


def _norm(text: str) -> str:
    # People write "ICB" where the lookup says "NHS … Integrated Care Board"; compare the short forms.
    text = re.sub(r"integrated care board", "icb", text.lower())
    text = re.sub(r"[^\w\s]", " ", text)
    return re.sub(r"^nhs\s+", "", " ".join(text.split()))


def _rank(area: Area, query: str, norm: str) -> int | None:
    words = norm.split()
    name = _norm(area.name)
    if query.upper() in {area.code, (area.short_code or "").upper()}:
        return 0
    if name == norm:
        return 1
    if name.startswith(norm):
        return 2
    if all(word in name for word in words) or area.code.startswith(query.upper()):
        return 3
    return None


def area_search(cache: CensusCache, text: str, limit: int = 20) -> list[Area]:
    """Areas matching part of a name or a code, best match first (exact code, exact name, start, anywhere)."""
    query = text.strip()
    norm = _norm(query)
    if not norm:
        return []
    found = [(rank, area) for area in cache.areas() if (rank := _rank(area, query, norm)) is not None]
    found.sort(key=lambda pair: (pair[0], _KIND_ORDER.get(pair[1].kind, 9), pair[1].name))
    return [area for _, area in found[:limit]]


def resolve_area(cache: CensusCache, text: str) -> Area:
    """The one area a user means by a code or a name; a plain message when none or several match."""
    by_code = cache.area(text.strip())  # the common case (the picker passes codes): no search needed
    if by_code is not None:
        return by_code
    matches = area_search(cache, text, limit=50)
    norm = _norm(text)
    exact = [a for a in matches if text.strip().upper() == a.code or _norm(a.name) == norm]
    if len(exact) == 1 or len(matches) == 1:
        return exact[0] if exact else matches[0]
    if not matches:
        raise CensusDataError(f"No area matches '{text}'. Try part of its name or its code (e.g. E07000132); if "
                              "the census figures have not been loaded yet, download or import them first.")
    listed = "; ".join(f"{a.name} ({a.code})" for a in matches[:5])
    raise CensusDataError(f"'{text}' matches {len(matches)} areas: {listed}. Use the code to choose one.")


@dataclass
class Profile:
    """An area's census tables, and a line for each table that could not be built."""

    area: Area
    tables: list[CensusTable] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    deprivation: CensusTable | None = None  # IMD 2019 for the area (or its authorities), when published


@dataclass
class _Counts:
    total: int
    rows: list[tuple[str, int]]
    sources: list[CachedValue]


def _members(cache: CensusCache, area: Area) -> tuple[list[str], str]:
    """The areas to sum when an area has no figures of its own, and the note saying how it was built."""
    if area.kind == "icb":
        links = cache.icb_links(area.code)
        names = cache.names(m.lad_code for m in links)
        return icb_members(links, area.code), split_note(links, area.code, names)
    if area.kind == "utla":
        return [a.code for a in cache.children(area.code)], ""
    return [], ""


def _sum(parts: list[list[CachedValue]]) -> _Counts:
    totals: dict[str, int] = {}
    for part in parts:
        for value in part:  # categories keep the order of their first appearance
            totals[value.category] = totals.get(value.category, 0) + value.count
    total = totals.pop(TOTAL, 0)
    return _Counts(total, list(totals.items()), [v for part in parts for v in part])


def _counts(code: str, area: Area, members: list[str], values: dict) -> tuple[_Counts | None, bool]:
    """The area's own counts, else the sum over its members when every member has them; and whether summed."""
    own = values.get((code, area.code))
    if own:
        return _sum([own]), False
    if members and all((code, m) in values for m in members):
        return _sum([values[(code, m)] for m in members]), True
    return None, False


def _rows(counts: _Counts, england: _Counts | None) -> list[CensusRow]:
    names = {name for name, _ in counts.rows}
    share = dict(england.rows) if england and england.total else {}
    rows = [CensusRow(category=name, count=n, percent=round(100 * n / counts.total, 1) if counts.total else 0.0,
                      england_percent=round(100 * share[name] / england.total, 1) if name in share else None,
                      parent=group_of(name, names)) for name, n in counts.rows]
    ahead = sorted((r for r in rows if (r.difference or 0) >= HIGHLIGHT_MIN_POINTS),
                   key=lambda r: r.difference, reverse=True)
    for row in ahead[:HIGHLIGHT_TOP]:
        row.over_represented = True
    return rows


def _england(code: str, values: dict, summed: dict, authorities: list[str]) -> tuple[_Counts | None, str]:
    """England's own figures, else the sum of every English authority when the source has them all."""
    own = values.get((code, ENGLAND))
    if own:
        return _sum([own]), ""
    having, parts = summed.get(code, (0, []))
    if authorities and having == len(authorities):
        return _sum([parts]), ENGLAND_SUMMED.format(n=having)
    return None, NO_ENGLAND


def origin(sources: list[CachedValue]) -> str:
    """Where a table's figures came from, in words: shipped with the app, downloaded or imported on a date."""
    phrases = []
    for source, when in sorted({(v.source, v.retrieved) for v in sources}):
        if source == SHIPPED_SOURCE:
            phrases.append(source)
        elif source.startswith("Nomis"):
            phrases.append(f"ONS Census 2021, downloaded from Nomis on {when:%d/%m/%Y}")
        else:
            phrases.append(f"ONS Census 2021, imported from {source.removeprefix('ONS ')}s on {when:%d/%m/%Y}")
    return "; ".join(dict.fromkeys(phrases))


def _notes(spec: CensusTableSpec, used: CensusTableSpec, members: list[str], note: str, summed: bool,
           england_note: str, counts: _Counts) -> list[str]:
    how = (note or f"Summed from the figures of its {len(members)} local authorities.") if summed else ""
    swap = substitute_note(spec, used) if used is not spec else ""
    gap = used.shipped_gap if any(v.source == SHIPPED_SOURCE for v in counts.sources) else ""
    return [text for text in (how, swap, gap, england_note) if text]


def _table(spec: CensusTableSpec, area: Area, members: list[str], note: str, values: dict,
           england_sums: tuple[dict, list[str]]) -> CensusTable | None:
    for code in (spec.code, *spec.substitutes):
        counts, summed = _counts(code, area, members, values)
        if counts is None:
            continue
        used = table_spec(code)
        england, england_note = _england(code, values, *england_sums)
        return CensusTable(
            table_code=used.code, title=spec.title, characteristic=spec.characteristic, area_code=area.code,
            area_name=area.name, universe=used.universe, total=counts.total, rows=_rows(counts, england),
            caveat=used.caveat, source=used.source_line,
            notes=_notes(spec, used, members, note, summed, england_note, counts),
            dataset_id=", ".join(sorted({v.dataset_id for v in counts.sources})),
            built_from_best_fit=summed and bool(note), retrieved=min(v.retrieved for v in counts.sources),
            origin=origin(counts.sources))
    return None


def _missing(spec: CensusTableSpec, area: Area, members: list[str], values: dict, names: dict) -> str:
    codes = (spec.code, *spec.substitutes)
    lacking = [m for m in members if not any((c, m) in values for c in codes)]
    if members and len(lacking) < len(members):
        listed = ", ".join(names.get(m, m) for m in lacking[:5])
        return (f"{spec.title} ({spec.code}): no figures for {listed}, so {area.name} cannot be added up. If the ICB "
                "lookup uses newer council codes than the 2021 Census, import the 2022 lookup instead.")
    return f"{spec.title} ({spec.code}): no figures for {area.name} in the cache yet."


def english_authorities(cache: CensusCache) -> list[str]:
    """Every English local authority (district or unitary) the cache knows, to sum England when needed."""
    return [a.code for a in cache.areas() if a.kind == "ltla" and kind_from_code(a.code) == "ltla"
            and a.code.startswith("E")]


def build_profile(cache: CensusCache, area: Area, tables: list[str] | None = None) -> Profile:
    """Every requested table (default: all nine) for the area, with England's shares beside it."""
    specs = [table_spec(code) for code in tables] if tables else list(PROFILE_TABLES)
    members, note = _members(cache, area)
    codes = {code for spec in specs for code in (spec.code, *spec.substitutes)}
    values = cache.values(codes, [area.code, ENGLAND, *members])
    lacking = {code for code in codes if (code, ENGLAND) not in values}
    authorities = english_authorities(cache) if lacking else []
    summed = cache.summed(lacking, authorities) if lacking else {}  # England added up from its authorities
    result = Profile(area)
    names = cache.names(members) if members else {}
    for spec in specs:
        table = _table(spec, area, members, note, values, (summed, authorities))
        if table is None:
            result.missing.append(_missing(spec, area, members, values, names))
        else:
            result.tables.append(table)
    return result


def profile(cache: CensusCache, area: str | Area, tables: list[str] | None = None) -> list[CensusTable]:
    """The census tables of an area given by code, name or Area; a plain message when there are none."""
    place = area if isinstance(area, Area) else resolve_area(cache, area)
    result = build_profile(cache, place, tables)
    if not result.tables:
        raise CensusDataError(f"There are no census figures for {place.name} ({place.code}) in the cache yet. "
                              "Download them from Nomis or import the ONS bulk files first.")
    return result.tables
