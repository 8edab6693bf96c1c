"""The census figures shipped with the app: built from the ONS files in ../shared/census, loaded on first use.

Build (from the repository root): `python -m idmf.census.bundle ../shared/census resources/census/census2021.json.gz`.
The bundle is gzip-compressed JSON holding, per table, its ONS id, source files and licence line, its categories
and each area's counts (local authorities, counties, regions, countries), plus the LAD → ICB and district →
county lookups and the IMD 2019 local authority summaries. Every file is read by the same readers as
`idmf-cli census import`, and every area's categories are checked against its total before anything is written.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

from idmf.census.deprivation import IMD_LICENCE, read_imd_file
from idmf.census.errors import CensusImportError
from idmf.census.importing import read_file
from idmf.census.tables import table_spec
from idmf.domain.census import Area, Batch, IcbMember, Observation
from idmf.paths import resources_dir

FORMAT = 1
BUNDLE_NAME = "census2021.json.gz"
# Where a different bundle is (a path), or "none" to start with an empty census cache (tests, IT-managed installs).
BUNDLE_VARIABLE = "IDMF_CENSUS_BUNDLE"
SHIPPED_SOURCE = "ONS Census 2021, shipped with IDMF Desktop (bulk files)"
CENSUS_LICENCE = "Source: Office for National Statistics licensed under the Open Government Licence v.3.0"
LOOKUP_LICENCE = ("Source: Office for National Statistics licensed under the Open Government Licence v.3.0; "
                  "contains OS data \u00a9 Crown copyright and database right")
# Paths relative to the census folder. Names are taken from the later files (the lookups use ONS's full names).
CENSUS_FILES = (
    "ts008_sex/TS008_sex_ltla21_ons_api.csv",
    "ts030_religion/TS030-2021-3.csv", "ts030_religion/ts030_ctry_england_wales_nomis_bulk_long.csv",
    "ts070_gender_identity/TS070_gender_identity_8cat_ltla21_ons_api.csv",
    "ts077_sexual_orientation/healthyr_sexual_orientation_21_ltla21_long.csv",
    "ts038_disability/healthyr_disability_21_ltla21_long.csv",
    "ts002_legal_partnership/healthyr_legal_partnership_21_ltla21_long.csv",
    "ts021_ethnic_group/ethnicity21_ltla21_wide_counts.csv",
    "ts021_ethnic_group/ts021_ctry_england_wales_nomis_bulk_long.csv",
    "ts007_age_single_year/census2021-ts007-ltla.csv", "ts007_age_single_year/census2021-ts007-utla.csv",
    "ts007_age_single_year/census2021-ts007-rgn.csv", "ts007_age_single_year/census2021-ts007-ctry.csv",
)
LOOKUP_FILES = ("lookups/LAD22_to_ICB22_derived_from_LSOA11_SICBL22_ICB22_LAD22.csv", "lookups/ltla21_utla21.csv")
IMD_FILE = "imd2019/imd2019_england_ltla19.csv"
# The tables the bundle holds (checked when it is built), so a start-up with all of them cached never opens it.
SHIPPED_TABLES = ("TS002", "TS007", "TS008", "TS021", "TS030", "TS038", "TS070", "TS077")


def bundle_path() -> Path | None:
    """The shipped bundle (or IDMF_CENSUS_BUNDLE's); None when switched off with IDMF_CENSUS_BUNDLE=none."""
    override = os.environ.get(BUNDLE_VARIABLE, "").strip()
    if override.lower() == "none":
        return None
    return Path(override) if override else resources_dir() / "census" / BUNDLE_NAME


def _add_table(tables: dict, batch: Batch, relative: str) -> None:
    for code in batch.dataset_ids:
        spec = table_spec(code)
        entry = tables.setdefault(code, {"ons_table": code, "title": spec.title, "files": [],
                                         "licence": CENSUS_LICENCE, "categories": [], "areas": {}})
        entry["files"].append(relative)
        by_area: dict[str, dict[str, int]] = defaultdict(dict)
        for value in batch.values:
            if value.category not in entry["categories"]:
                entry["categories"].append(value.category)
            by_area[value.area_code][value.category] = value.count
        for area, counts in by_area.items():
            entry["areas"][area] = [counts.get(c) for c in entry["categories"]]


def build(folder: Path) -> dict:
    """Read every shipped file from the census folder into the bundle's structure."""
    tables: dict[str, dict] = {}
    areas: dict[str, Area] = {}
    lookups = {"files": list(LOOKUP_FILES), "licence": LOOKUP_LICENCE, "icb_members": [], "parents": {}}
    for relative in CENSUS_FILES + LOOKUP_FILES:
        batch = read_file(folder / relative)  # refuses a file whose categories do not add up to their totals
        _add_table(tables, batch, relative)
        areas.update({a.code: a for a in batch.areas})
        if batch.icb_members is not None:
            lookups["icb_members"] = [[m.icb_code, m.lad_code, m.share, m.best_fit] for m in batch.icb_members]
        lookups["parents"].update(batch.parents)
    for entry in tables.values():  # pad areas read before a later file added categories
        entry["areas"] = {a: row + [None] * (len(entry["categories"]) - len(row)) for a, row in entry["areas"].items()}
    return {"format": FORMAT, "built": dt.date.today().isoformat(), "source": SHIPPED_SOURCE, "tables": tables,
            "areas": [[a.code, a.name, a.kind, a.parent_code, a.short_code] for a in areas.values()],
            "lookups": lookups,
            "deprivation": {"files": [IMD_FILE], "licence": IMD_LICENCE, "areas": read_imd_file(folder / IMD_FILE)}}


def write(bundle: dict, out: Path) -> None:
    """Write the bundle compactly (gzip level 9, no spaces, fixed timestamp so rebuilds are byte-identical)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(bundle, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
    with open(out, "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", compresslevel=9, mtime=0) as stream:
        stream.write(data)


def read(path: Path) -> dict:
    """The bundle's structure; CensusImportError when it is missing or damaged."""
    try:
        with gzip.open(path, "rb") as stream:
            bundle = json.loads(stream.read().decode("utf-8"))
    except (OSError, EOFError, ValueError) as exc:
        raise CensusImportError(f"The census figures shipped with the app ({path.name}) could not be read ({exc}). "
                                "Reinstall IDMF Desktop, or download the figures from Nomis.") from None
    if bundle.get("format") != FORMAT:
        raise CensusImportError(f"The census figures shipped with the app ({path.name}) are in a format this "
                                "version does not read. Reinstall IDMF Desktop.")
    return bundle


def table_batch(bundle: dict, code: str) -> Batch:
    """One shipped table, ready for the cache."""
    entry = bundle["tables"][code]
    batch = Batch(source=bundle["source"], dataset_ids={code: ", ".join(Path(f).name for f in entry["files"])},
                  retrieved=dt.date.fromisoformat(bundle["built"]))
    for area, counts in entry["areas"].items():
        batch.values += [Observation(code, area, category, n, position)
                         for position, (category, n) in enumerate(zip(entry["categories"], counts)) if n is not None]
    return batch


def lookup_batch(bundle: dict, with_icbs: bool, with_parents: bool) -> Batch:
    """The shipped areas, and, when asked, the district → county links and the LAD → ICB lookup (never over a
    lookup the user imported)."""
    lookups = bundle["lookups"]
    areas = [Area(code, name, kind, parent if with_parents else None, short)
             for code, name, kind, parent, short in bundle["areas"]]
    return Batch(source=bundle["source"], areas=areas,
                 parents=dict(lookups["parents"]) if with_parents else {},
                 icb_members=[IcbMember(*row) for row in lookups["icb_members"]] if with_icbs else None)


def main(argv: list[str] | None = None) -> int:
    """`python -m idmf.census.bundle CENSUS_FOLDER OUT_FILE`."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m idmf.census.bundle CENSUS_FOLDER OUT_FILE", file=sys.stderr)
        return 2
    try:
        bundle = build(Path(args[0]))
    except CensusImportError as exc:
        print(exc, file=sys.stderr)
        return 1
    write(bundle, Path(args[1]))
    areas = {a for entry in bundle["tables"].values() for a in entry["areas"]}
    print(f"Wrote {args[1]}: {len(bundle['tables'])} tables ({', '.join(sorted(bundle['tables']))}) for "
          f"{len(areas)} areas, {len(bundle['lookups']['icb_members'])} LAD→ICB links, "
          f"{len(bundle['deprivation']['areas'])} IMD 2019 areas; {Path(args[1]).stat().st_size:,} bytes.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
