"""Geography lookups: which ICB each local authority belongs to, and which county each district sits in.

Local authorities do not nest perfectly in ICBs: a few are split between two (or three) ICBs. The ONS lookup
assigns each authority to its best-fit ICB; an ICB profile sums its best-fit authorities in full and says so,
naming the split authorities (see `split_note`). The counts of a split authority are never shared out,
because the census gives no figures for the pieces.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from idmf.census.bulk import Rows, bad_file
from idmf.domain.census import Area, Batch, IcbMember, kind_from_code
from idmf.domain.limits import share

_LAD = re.compile(r"lad\d\dcd")
_ICB = re.compile(r"icb\d\dcd")


def _find(header: list[str], pattern: str) -> int | None:
    rx = re.compile(pattern, re.IGNORECASE)
    return next((i for i, h in enumerate(header) if rx.fullmatch(h.strip())), None)


def is_icb_lookup(header: list[str]) -> bool:
    """LADnnCD and ICBnnCD columns, as in the ONS LAD → ICB lookups."""
    return _find(header, _LAD.pattern) is not None and _find(header, _ICB.pattern) is not None


def is_county_lookup(header: list[str]) -> bool:
    """ltlann_code and utlann_code columns, as in the LTLA → UTLA lookups."""
    return _find(header, r"ltla\d\d_code") is not None and _find(header, r"utla\d\d_code") is not None


def _truthy(text: str) -> bool:
    return text.strip().lower() in {"true", "1", "yes", "y", "t"}


def read_icb_lookup(path: Path, header: list[str], rows: list[list[str]]) -> Batch:
    """LAD → ICB lookup; replaces the whole ICB membership when stored."""
    at = {key: _find(header, pattern) for key, pattern in {
        "lad": _LAD.pattern, "lad_name": r"lad\d\dnm", "icb": _ICB.pattern, "icb_name": r"icb\d\dnm",
        "icb_short": r"icb\d\dcdh", "share": r"share\w*", "best": r"is_best_fit|best_fit"}.items()}
    if at["icb_name"] is None:
        raise bad_file(path, "it has no ICB name column (ICBnnNM)")
    batch = Batch(source="ONS lookup", icb_members=[])
    areas: dict[str, Area] = {}
    for line, row in enumerate(rows, start=2):
        if len(row) != len(header):
            raise bad_file(path, f"line {line} has {len(row)} values instead of {len(header)}")
        cell = {key: (row[i].strip() if i is not None else "") for key, i in at.items()}
        share = _share(path, line, cell["share"]) if at["share"] is not None else None
        best = _truthy(cell["best"]) if at["best"] is not None else True
        batch.icb_members.append(IcbMember(cell["icb"], cell["lad"], share, best))
        areas[cell["icb"]] = Area(cell["icb"], cell["icb_name"], "icb", short_code=cell["icb_short"] or None)
        if at["lad_name"] is not None:
            areas[cell["lad"]] = Area(cell["lad"], cell["lad_name"], kind_from_code(cell["lad"]))
    batch.icb_members = _merge_repeats(batch.icb_members, shares_given=at["share"] is not None)
    if at["best"] is None:
        batch.icb_members = _best_fit_by_share(batch.icb_members)
    batch.areas = list(areas.values())
    return batch


def _merge_repeats(members: list[IcbMember], shares_given: bool) -> list[IcbMember]:
    """One link per (ICB, authority). ONS's small-area lookups (LSOA → Sub-ICB → ICB → LAD) list a pair once per
    neighbourhood: then each pair's share of its authority's rows is the LSOA-count share, the same measure as
    the derived LAD → ICB files (SOURCES.md)."""
    rows: dict[tuple[str, str], list[IcbMember]] = defaultdict(list)
    for m in members:
        rows[(m.icb_code, m.lad_code)].append(m)
    if all(len(found) == 1 for found in rows.values()):
        return members
    per_lad: dict[str, int] = defaultdict(int)
    for (_, lad), found in rows.items():
        per_lad[lad] += len(found)
    return [IcbMember(icb, lad, found[0].share if shares_given else len(found) / per_lad[lad],
                      any(m.best_fit for m in found)) for (icb, lad), found in rows.items()]


def _share(path: Path, line: int, text: str) -> float:
    value = share(text)
    if value is None:
        raise bad_file(path, f"line {line} has '{text[:20]}' where a share (a number from 0 to 1) should be")
    return value


def _best_fit_by_share(members: list[IcbMember]) -> list[IcbMember]:
    # Without a best-fit column, an authority listed twice goes to the ICB holding the larger share.
    by_lad: dict[str, list[IcbMember]] = defaultdict(list)
    for m in members:
        by_lad[m.lad_code].append(m)
    out = []
    for links in by_lad.values():
        top = max((m.share or 0.0) for m in links)
        out += [IcbMember(m.icb_code, m.lad_code, m.share, len(links) == 1 or (m.share or 0.0) == top)
                for m in links]
    return out


def read_county_lookup(path: Path, header: list[str], rows: list[list[str]]) -> Batch:
    """LTLA → UTLA lookup: links each district to its county, so a county can be summed from its districts."""
    at = {key: _find(header, pattern) for key, pattern in {
        "ltla": r"ltla\d\d_code", "ltla_name": r"ltla\d\d_name", "utla": r"utla\d\d_code",
        "utla_name": r"utla\d\d_name"}.items()}
    batch = Batch(source="ONS lookup")
    areas: dict[str, Area] = {}
    seen = Rows(path)
    for line, row in enumerate(rows, start=2):
        if len(row) != len(header):
            raise bad_file(path, f"line {line} has {len(row)} values instead of {len(header)}")
        cell = {key: (row[i].strip() if i is not None else "") for key, i in at.items()}
        county = cell["utla"] if cell["utla"] != cell["ltla"] else None  # a unitary authority is its own county
        if not seen.is_new(cell["ltla"], line, list(cell.values())):
            continue
        batch.parents[cell["ltla"]] = county
        if cell["ltla_name"]:
            areas[cell["ltla"]] = Area(cell["ltla"], cell["ltla_name"], kind_from_code(cell["ltla"]), county)
        if county and cell["utla_name"]:
            areas[county] = Area(county, cell["utla_name"], kind_from_code(county))
    batch.areas = list(areas.values())
    return batch


def icb_members(links: list[IcbMember], icb_code: str) -> list[str]:
    """The authorities summed for an ICB: those whose best fit it is (in lookup order)."""
    return [m.lad_code for m in links if m.icb_code == icb_code and m.best_fit]


def split_authorities(links: list[IcbMember], icb_code: str) -> tuple[list[IcbMember], list[IcbMember]]:
    """(included in full though partly elsewhere, left out though partly here) for one ICB."""
    lads_split = {m.lad_code for m in links if m.share is not None and m.share < 1.0}
    lads_split |= {lad for lad, n in _link_counts(links).items() if n > 1}
    mine = [m for m in links if m.icb_code == icb_code and m.lad_code in lads_split]
    return [m for m in mine if m.best_fit], [m for m in mine if not m.best_fit]


def _link_counts(links: list[IcbMember]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for m in links:
        counts[m.lad_code] += 1
    return counts


def _share_text(member: IcbMember) -> str:
    return "" if member.share is None else f" ({member.share:.0%} of its neighbourhoods (LSOAs) are in this ICB)"


def split_note(links: list[IcbMember], icb_code: str, names: dict[str, str]) -> str:
    """The plain-English note naming the split authorities of an ICB ('' when none are split)."""
    included, left_out = split_authorities(links, icb_code)
    if not included and not left_out:
        return ""
    parts = ["Built from best-fit local authorities: an authority split between ICBs is counted in full in the "
             "ICB that holds most of it."]
    if included:
        parts.append("Counted in full although partly in another ICB: " + "; ".join(
            f"{names.get(m.lad_code, m.lad_code)}{_share_text(m)}" for m in included) + ".")
    if left_out:
        parts.append("Left out although partly in this ICB: " + "; ".join(
            f"{names.get(m.lad_code, m.lad_code)}{_share_text(m)}" for m in left_out) + ".")
    return " ".join(parts)
