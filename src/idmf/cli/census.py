"""Sub-commands for ONS Census 2021 profiles: `idmf-cli census download|import|areas|profile|attach`."""

from __future__ import annotations

import argparse
import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from idmf.census.errors import UNCHANGED
from idmf.census.nomis import DEFAULT_BASE_URL, NomisSettings, configured_base_url
from idmf.census.profile import Profile
from idmf.cli.errors import CliError
from idmf.domain.evidence import DEPRIVATION_HEADINGS, DEPRIVATION_KEY, CensusTable
from idmf.services.census import CensusService
from idmf.cli.output import waiting
from idmf.services.context import open_app


def _tables(text: str) -> list[str]:
    return [code.strip().upper() for code in text.split(",") if code.strip()]


def register(commands: argparse._SubParsersAction) -> None:
    """Add `census` and its actions."""
    census = commands.add_parser("census", help="ONS Census 2021 profiles of an area (download, import, show)")
    actions = census.add_subparsers(dest="census_command", required=True, metavar="ACTION")
    dl = actions.add_parser("download", help="download every census table from Nomis into the app's cache")
    dl.add_argument("--base-url", default=None,
                    help=f"Nomis API address (default: $IDMF_NOMIS_BASE_URL, else {DEFAULT_BASE_URL})")
    dl.add_argument("--timeout", type=_seconds, default=None,
                    help="seconds to wait for each answer, from asking to its last byte (default: 60 for each "
                         "piece, 300 for a whole answer)")
    dl.add_argument("--tables", type=_tables, help="only these tables, e.g. TS002,TS039 (default: all)")
    dl.set_defaults(handler=cmd_download)
    imp = actions.add_parser("import", help="import ONS bulk census CSVs and LAD→ICB / district→county lookups")
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE")
    imp.set_defaults(handler=cmd_import)
    areas = actions.add_parser("areas", help="find areas by part of a name or a code")
    areas.add_argument("search")
    areas.add_argument("--json", action="store_true")
    areas.set_defaults(handler=cmd_areas)
    prof = actions.add_parser("profile", help="show an area's census profile compared with England")
    prof.add_argument("area", help="a code (E07000132) or a name (Hinckley)")
    prof.add_argument("--tables", type=_tables, help="only these tables, e.g. TS021,TS008")
    prof.add_argument("--json", action="store_true")
    prof.set_defaults(handler=cmd_profile)
    att = actions.add_parser("attach", help="add an area's census tables to an assessment's evidence base")
    att.add_argument("id", type=int)
    att.add_argument("area")
    att.add_argument("--tables", type=_tables, help="only these tables, e.g. TS021,TS008 (default: all)")
    att.set_defaults(handler=cmd_attach)


@contextmanager
def _census(args: argparse.Namespace) -> Iterator[CensusService]:
    """The census service on the chosen database, closed again when the block ends."""
    context = open_app(args.database, on_wait=waiting)
    try:
        yield context.census
    finally:
        context.close()


def _progress(done: int, total: int, label: str) -> None:
    print(f"[{done}/{total}] {label}", file=sys.stderr, flush=True)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not 0 < value <= 3600:  # NaN fails too
        raise argparse.ArgumentTypeError(f"'{text[:20]}' is not a number of seconds from 0 to 3600")
    return value


def cmd_download(args: argparse.Namespace) -> int:
    settings = NomisSettings(base_url=args.base_url or configured_base_url())
    if args.timeout is not None:
        settings.timeout = settings.deadline = args.timeout
    try:
        with _census(args) as service:
            result = service.download(settings, progress=_progress, tables=args.tables)
    except KeyboardInterrupt:  # Ctrl+C before anything is written: nothing was stored
        raise CliError(f"the census download was cancelled. {UNCHANGED}", status=130) from None
    print(result.summary)
    if result.failed:  # some tables kept their earlier figures: say how to fetch just those again
        print(f"Fetch the failed tables again with: idmf-cli census download --tables {','.join(result.failed)}",
              file=sys.stderr)
    return 1 if result.failed else 0


def cmd_import(args: argparse.Namespace) -> int:
    with _census(args) as service:
        lines = service.import_files(args.files)
    print("\n".join(lines))
    return 0


def cmd_areas(args: argparse.Namespace) -> int:
    with _census(args) as service:
        found = service.area_search(args.search)
    if args.json:
        print(json.dumps([{"code": a.code, "name": a.name, "kind": a.kind, "county": a.parent_code,
                           "nhs_code": a.short_code} for a in found], ensure_ascii=False, indent=2))
        return 0 if found else 1
    for area in found:
        print(f"{area.code}\t{area.name}\t{area.kind_label}")
    if not found:
        print(f"No area matches '{args.search}'.", file=sys.stderr)
    return 0 if found else 1


def _print_table(table: CensusTable) -> None:
    print(f"\n{table.title} ({table.table_code}) – {table.area_name}")
    print(f"  {'Total: ' + table.universe:<60} {table.total:>10,} {100:>6.1f}%")
    for row in table.rows:
        england = "" if row.england_percent is None else f"{row.england_percent:>6.1f}%  {row.difference:+5.1f} pts"
        mark = "  << higher than England" if row.over_represented else ""
        # A detailed group repeats its broad group ("Asian…: Indian"): indent it and keep only its own name.
        name = "    " + row.category.removeprefix(f"{row.parent}:").strip() if row.parent else row.category
        print(f"  {name[:60]:<60} {row.count:>10,} {row.percent:>6.1f}%  {england}{mark}")
    for text in [table.caveat, *table.notes, f"{table.source} ({table.dataset_id})", table.origin]:
        if text:
            print(f"  {text}")


def _print_deprivation(table: CensusTable | None) -> None:
    if table is None:
        return
    print(f"\n{table.title} – {table.area_name}")
    print("  " + " | ".join(DEPRIVATION_HEADINGS))
    for figure in table.deprivation:
        print("  " + " | ".join(figure.cells()))
    for text in [DEPRIVATION_KEY, table.caveat, *table.notes, table.source]:
        print(f"  {text}")


def _print_profile(result: Profile) -> None:
    area = result.area
    print(f"{area.name} ({area.code}), {area.kind_label}: census profile, England's % beside each figure")
    for table in result.tables:
        _print_table(table)
    _print_deprivation(result.deprivation)
    for line in result.missing:
        print(f"\nNot available: {line}")


def cmd_profile(args: argparse.Namespace) -> int:
    with _census(args) as service:
        result = service.profile(args.area, args.tables)
    if args.json:
        deprivation = result.deprivation.model_dump(mode="json") if result.deprivation else None
        print(json.dumps({"area": {"code": result.area.code, "name": result.area.name, "kind": result.area.kind},
                          "tables": [t.model_dump(mode="json") for t in result.tables],
                          "missing": result.missing, "deprivation": deprivation}, ensure_ascii=False, indent=2))
    else:
        _print_profile(result)
    return 0


def cmd_attach(args: argparse.Namespace) -> int:
    with _census(args) as service:
        result = service.profile(args.area, args.tables)
        tables = result.tables + ([result.deprivation] if result.deprivation and not args.tables else [])
        service.attach(args.id, tables)
    codes = ", ".join(t.table_code for t in tables)
    print(f"Attached {len(tables)} census table(s) for {result.area.name} to assessment {args.id}: {codes}.")
    for line in result.missing:
        print(f"Not attached: {line}", file=sys.stderr)
    return 0
