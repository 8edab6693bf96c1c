"""The census cache in the app database (tables made by migration 0003): counts, areas and the ICB lookup.

Every download or import is written by `CensusCache.write` in ONE transaction, so a failure part-way (or a
cancel before the write) leaves the figures the user had before.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Iterator

from sqlalchemy import Connection, bindparam, delete, func, insert, select, update

from idmf.domain.census import Area, Batch, IcbMember
from idmf.storage.tables import CensusAreaRow, CensusIcbMemberRow, CensusValueRow
from idmf.storage.unit import Repository

_CHUNK = 500  # bound the number of SQL parameters per statement (SQLite's limit is much higher)


@dataclass(frozen=True)
class CachedValue:
    """A count read back with where it came from."""

    category: str
    count: int
    position: int
    source: str
    dataset_id: str
    retrieved: dt.date


_INSERT_ROWS = 5000  # census values per INSERT: a fill never holds every row dict at once


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start:start + _CHUNK]


def _area(row) -> Area:
    return Area(row.code, row.name, row.kind, row.parent_code, row.short_code)


class CensusCache(Repository):
    """Reads and writes the cached census figures, areas and ICB lookup."""

    def write(self, *batches: Batch, conn: Connection | None = None, then: Iterable[Batch] = ()) -> None:
        """Store a whole download, or several imported files, at once; on any error nothing is changed.

        `then`: batches of figures only (no areas or lookups), made and stored one at a time in the same
        transaction, so a large fill never holds every figure in memory at once.
        """
        parents = {lad: county for batch in batches for lad, county in batch.parents.items()}
        lookups = [batch.icb_members for batch in batches if batch.icb_members is not None]
        with self._write(conn) as c:
            self._upsert_areas(c, [area for batch in batches for area in batch.areas])
            for batch in batches:
                self._replace_values(c, batch)
            for batch in then:
                self._replace_values(c, batch)
            if parents:
                c.execute(update(CensusAreaRow).where(CensusAreaRow.code == bindparam("lad")),
                          [{"lad": lad, "parent_code": county} for lad, county in parents.items()])
            if lookups:  # a lookup replaces the whole ICB membership (the last one wins)
                c.execute(delete(CensusIcbMemberRow))
                if lookups[-1]:
                    c.execute(insert(CensusIcbMemberRow), [vars(m) for m in lookups[-1]])

    @staticmethod
    def _upsert_areas(conn, areas: list[Area]) -> None:
        merged: dict[str, Area] = {}
        for area in areas:
            # A later source may not know the county or NHS code; never forget what an earlier one said.
            old = merged.get(area.code)
            merged[area.code] = area if old is None else Area(
                area.code, area.name, area.kind, area.parent_code or old.parent_code, area.short_code or old.short_code)
        existing = {}
        for chunk in _chunks(list(merged)):
            existing.update({r.code: r for r in conn.execute(
                select(CensusAreaRow).where(CensusAreaRow.code.in_(chunk)))})
        new = [vars(a) for code, a in merged.items() if code not in existing]
        if new:
            conn.execute(insert(CensusAreaRow), new)
        changed = []
        for code, area in merged.items():
            if code in existing:
                keep = existing[code]
                now = {"name": area.name, "kind": area.kind, "parent_code": area.parent_code or keep.parent_code,
                       "short_code": area.short_code or keep.short_code}
                if any(getattr(keep, column) != value for column, value in now.items()):
                    changed.append({"b_code": code, **now})
        if changed:  # only what differs: re-importing the same files rewrites no area
            conn.execute(update(CensusAreaRow).where(CensusAreaRow.code == bindparam("b_code")), changed)

    @staticmethod
    def _replace_values(conn, batch: Batch) -> None:
        # Replace only the (table, area) pairs this batch brings: importing the region file of a table
        # must not wipe the districts of the same table imported earlier.
        areas_by_table: dict[str, set[str]] = defaultdict(set)
        for value in batch.values:
            areas_by_table[value.table_code].add(value.area_code)
        for table, codes in areas_by_table.items():
            for chunk in _chunks(sorted(codes)):
                conn.execute(delete(CensusValueRow).where(
                    CensusValueRow.table_code == table, CensusValueRow.area_code.in_(chunk)))
        # Keyed, because one area can come twice in a batch (Nomis lists Wales as a region and a country).
        values = list({(v.table_code, v.area_code, v.category): v for v in batch.values}.values())
        for start in range(0, len(values), _INSERT_ROWS):  # a few thousand row dicts in memory at a time
            conn.execute(insert(CensusValueRow), [{
                "table_code": v.table_code, "area_code": v.area_code, "category": v.category, "position": v.position,
                "count": v.count, "source": batch.source, "dataset_id": batch.dataset_ids.get(v.table_code, ""),
                "retrieved": batch.retrieved} for v in values[start:start + _INSERT_ROWS]])

    def values(self, tables: Iterable[str], areas: Iterable[str]) -> dict[tuple[str, str], list[CachedValue]]:
        """Cached counts keyed by (table code, area code), each list in the source's category order."""
        out: dict[tuple[str, str], list[CachedValue]] = defaultdict(list)
        tables, areas = list(tables), sorted(set(areas))
        with self._read() as conn:
            for chunk in _chunks(areas):
                v = CensusValueRow
                query = (select(v.table_code, v.area_code, v.category, v.count, v.position, v.source, v.dataset_id,
                                v.retrieved).where(v.table_code.in_(tables), v.area_code.in_(chunk))
                         .order_by(v.position))
                for table, area, *rest in conn.execute(query):
                    out[(table, area)].append(CachedValue(*rest))
        return dict(out)

    def summed(self, tables: Iterable[str], areas: Iterable[str]) -> dict[str, tuple[int, list[CachedValue]]]:
        """Per table, the number of the given areas that have it and its counts added up over them (in SQL,
        so England can be summed from its 309 authorities without reading their 20,000 figures)."""
        v = CensusValueRow
        areas = sorted(set(areas))
        if len(areas) > _CHUNK * 2:  # SQLite allows 32,766 parameters; England has 309 authorities
            raise ValueError("too many areas to add up at once")
        query = (select(v.table_code, v.category, func.sum(v.count), func.min(v.position), func.count(v.area_code),
                        func.min(v.source), func.min(v.dataset_id), func.min(v.retrieved))
                 .where(v.table_code.in_(list(tables)), v.area_code.in_(areas))
                 .group_by(v.table_code, v.category).order_by(v.table_code, func.min(v.position)))
        out: dict[str, tuple[int, list[CachedValue]]] = {}
        with self._read() as conn:
            for table, category, total, position, n, source, dataset, when in conn.execute(query):
                seen, values = out.get(table, (0, []))
                values.append(CachedValue(category, int(total), position, source, dataset, when))
                out[table] = (max(seen, n), values)
        return out

    def areas(self) -> list[Area]:
        """Every known area."""
        with self._read() as conn:
            return [_area(r) for r in conn.execute(select(CensusAreaRow))]

    def area(self, code: str) -> Area | None:
        """One area by its code."""
        with self._read() as conn:
            row = conn.execute(select(CensusAreaRow).where(CensusAreaRow.code == code.upper())).first()
        return _area(row) if row else None

    def names(self, codes: Iterable[str]) -> dict[str, str]:
        """Area names by code, for the given codes only."""
        out: dict[str, str] = {}
        with self._read() as conn:
            for chunk in _chunks(sorted(set(codes))):
                rows = conn.execute(select(CensusAreaRow.code, CensusAreaRow.name)
                                    .where(CensusAreaRow.code.in_(chunk)))
                out.update({code: name for code, name in rows})
        return out

    def children(self, county_code: str) -> list[Area]:
        """The districts of a county (from the LTLA → UTLA lookup)."""
        with self._read() as conn:
            rows = conn.execute(select(CensusAreaRow).where(CensusAreaRow.parent_code == county_code,
                                                            CensusAreaRow.code != county_code))
            return [_area(r) for r in rows]

    def icb_links(self, icb_code: str) -> list[IcbMember]:
        """Every lookup row touching the ICB's authorities, including their links to other ICBs."""
        with self._read() as conn:
            lads = select(CensusIcbMemberRow.lad_code).where(CensusIcbMemberRow.icb_code == icb_code)
            rows = conn.execute(select(CensusIcbMemberRow).where(CensusIcbMemberRow.lad_code.in_(lads)))
            return [IcbMember(r.icb_code, r.lad_code, r.share, r.best_fit) for r in rows]

    def table_dates(self, tables: Iterable[str]) -> dict[str, tuple[str, dt.date]]:
        """For each cached table: where its figures came from and the date of the newest of them."""
        v = CensusValueRow
        with self._read() as conn:
            rows = conn.execute(select(v.table_code, v.source, func.max(v.retrieved))
                                .where(v.table_code.in_(list(tables))).group_by(v.table_code, v.source))
            out: dict[str, tuple[str, dt.date]] = {}
            for table, source, when in rows:
                if table not in out or when > out[table][1]:
                    out[table] = (source, when)
            return out

    def has_icb_lookup(self) -> bool:
        """Whether an LAD → ICB lookup has been stored."""
        with self._read() as conn:
            return conn.execute(select(CensusIcbMemberRow.lad_code).limit(1)).first() is not None

    def counts(self) -> dict[str, int]:
        """How many figures are cached per table (for status lines)."""
        with self._read() as conn:
            rows = conn.execute(select(CensusValueRow.table_code, func.count())
                                .group_by(CensusValueRow.table_code))
            return {code: n for code, n in rows}

    def snapshot(self) -> list[tuple]:
        """Every cached row, sorted (tests use it to prove a failure changed nothing)."""
        with self._read() as conn:
            out = []
            for model in (CensusValueRow, CensusAreaRow, CensusIcbMemberRow):
                out += sorted((tuple(r) for r in conn.execute(select(model.__table__))), key=repr)
            return out
