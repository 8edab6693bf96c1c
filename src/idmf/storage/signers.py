"""Signers this database knows (`signer`) and the trusted-signers lists it imported (`trust_list`)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Row, insert, select, update

from idmf.storage.tables import SignerRow, TrustListRow
from idmf.storage.unit import Repository


class SignerRepository(Repository):
    """Public keys with their holders' cards, and the trust this database gives each."""

    def get(self, key_id: str, conn: Connection | None = None) -> Row | None:
        """One signer by key id (None when this database has never seen the key)."""
        with self._read(conn) as c:
            return c.execute(select(SignerRow).where(SignerRow.key_id == key_id)).first()

    def all(self, conn: Connection | None = None) -> list[Row]:
        """Every signer, by name."""
        with self._read(conn) as c:
            return c.execute(select(SignerRow).order_by(SignerRow.name, SignerRow.key_id)).all()

    def remember(self, conn: Connection | None = None, **card: Any) -> None:
        """Note a key with its holder's card (the newest card a key signed replaces its older one)."""
        with self._write(conn) as c:
            fields = {k: card[k] for k in ("name", "role", "organisation")}
            if c.execute(select(SignerRow.key_id).where(SignerRow.key_id == card["key_id"])).first() is None:
                c.execute(insert(SignerRow).values(**card))
            else:
                c.execute(update(SignerRow).where(SignerRow.key_id == card["key_id"]).values(**fields))

    def vouch(self, key_id: str, conn: Connection | None = None, **values: Any) -> None:
        """Set (or clear, with None) the role a user gave a key one by one."""
        with self._write(conn) as c:
            c.execute(update(SignerRow).where(SignerRow.key_id == key_id).values(**values))

    def set_list_roles(self, roles: dict[str, str], conn: Connection | None = None) -> None:
        """Make `roles` (key id -> role) the list's roles: keys no longer listed lose their list role."""
        with self._write(conn) as c:
            c.execute(update(SignerRow).where(SignerRow.list_role.is_not(None)).values(list_role=None))
            for key_id, role in roles.items():
                c.execute(update(SignerRow).where(SignerRow.key_id == key_id).values(list_role=role))

    def current_list(self, conn: Connection | None = None) -> Row | None:
        """The trusted-signers list in force (the last one imported), None when there is none."""
        with self._read(conn) as c:
            return c.execute(select(TrustListRow).order_by(TrustListRow.id.desc()).limit(1)).first()

    def add_list(self, conn: Connection | None = None, **values: Any) -> None:
        """Record an imported trusted-signers list."""
        with self._write(conn) as c:
            c.execute(insert(TrustListRow).values(**values))
