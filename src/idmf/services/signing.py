"""The signing service: your signing identities, the signers this database trusts, and the authority an
action needs.

Authority: every workflow step is signed by the key of the person taking it. A project lead's steps need
only the person's own key (made on first use). An EDI reviewer's or a committee's step needs a key this
database trusts for that role: through the organisation's trusted-signers list (signed by its admin key),
or trusted one by one after comparing fingerprints. Nobody can vouch for their own key: claiming a role
(`--as committee`) grants nothing by itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection

from idmf.domain.times import aware, utcnow
from idmf.files import atomic_write_text
from idmf.review.errors import WorkflowError
from idmf.review.workflow import Role, default_person
from idmf.services.changes import ChangeNotifier, Changes
from idmf.signing.cards import SIGNING_ROLES, Card, read_card, role_label
from idmf.signing.errors import SigningError
from idmf.signing.identity import Identity
from idmf.signing.keys import same_fingerprint, verify
from idmf.signing.keystore import KeyStore
from idmf.signing.trustlist import TrustList, read_trust_list
from idmf.storage.store import Store

MAX_FILE_BYTES = 5 * 1024 * 1024  # a card is a few hundred bytes; a list of 10,000 people about 3 MB


class AuthorityError(SigningError, WorkflowError):
    """An action refused because the person's key is not trusted for the role it needs."""


@dataclass(frozen=True)
class SignerView:
    """A signer as the Trusted signers window lists them."""

    card: Card
    list_role: str | None
    vouched_role: str | None
    vouched_by: str | None
    vouched_at: dt.datetime | None
    mine: bool  # one of the identities on this computer

    @property
    def trusted_roles(self) -> set[str]:
        return {r for r in (self.list_role, self.vouched_role) if r}


@dataclass(frozen=True)
class ListSummary:
    """The trusted-signers list in force."""

    organisation: str
    issued_at: dt.datetime
    admin_name: str
    admin_key_id: str
    imported_at: dt.datetime
    imported_by: str


def _card(row) -> Card:
    return Card(name=row.name, role=row.role, organisation=row.organisation, public_key=row.public_key)


def read_text(path: Path, what: str) -> str:
    """A small text file (a card or a list); SigningError in words when it cannot be one."""
    path = Path(path)
    if not path.is_file():
        raise SigningError(f"The file {path} was not found.")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise SigningError(f"{path.name} is far too large to be {what}.")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise SigningError(f"{path.name} is not {what} (it is not text).") from None


class SigningService:
    """Identities on this computer (private keys in its key store) and trust kept in the database."""

    def __init__(self, store: Store, keys: KeyStore, changes: ChangeNotifier) -> None:
        self.store = store
        self.keys = keys
        self.changes = changes

    # --- your identities -------------------------------------------------------------------------------------
    def my_cards(self) -> list[Card]:
        """Your signing identities on this computer, the default first."""
        return self.keys.identities()

    def create_identity(self, name: str, role: str, organisation: str = "") -> Card:
        """Make a key pair for a person; the private key goes to this computer's key store."""
        identity = self.keys.create(name, role, organisation)
        self.remember(identity.card)
        return identity.card

    def identity(self, person: str | None = None, create: bool = False) -> Identity:
        """Your identity (named by `person`, else the default), with its private key; on first use, when
        `create`, a new one in your login name."""
        card = self.keys.find(person) if person else self.keys.default_card()
        if card is None and create and not self.keys.identities():
            return self.keys.load(self.create_identity(person or default_person(), Role.LEAD.value).key_id)
        if card is None:
            mine = ", ".join(c.name for c in self.keys.identities()) or "none yet"
            who = f"“{person}”" if person else "you"
            raise SigningError(f"There is no signing key for {who} on this computer (identities here: {mine}). "
                               "Make one with File → Trusted signers… → Your signing identity, or "
                               "`idmf-cli identity create`.")
        return self.keys.load(card.key_id)

    def export_card(self, out: Path, person: str | None = None) -> Path:
        """Write your card (public) to a file to send to your EDI team or a colleague."""
        card = self.identity(person).card
        return atomic_write_text(Path(out), card.to_json())

    # --- whom this database trusts ---------------------------------------------------------------------------
    def remember(self, card: Card, conn: Connection | None = None) -> None:
        """Note a key and its holder's card (no trust is given)."""
        self.store.signers.remember(conn, key_id=card.key_id, public_key=card.public_key, name=card.name,
                                    role=card.role, organisation=card.organisation, first_seen_at=utcnow())

    def card(self, key_id: str) -> Card | None:
        """The card of a key this database knows (None for an unknown key)."""
        row = self.store.signers.get(key_id)
        return None if row is None else _card(row)

    def trusted_roles(self, key_id: str) -> set[str]:
        """The roles this database trusts a key for (empty when it trusts it for nothing)."""
        row = self.store.signers.get(key_id)
        return {r for r in (row.list_role, row.vouched_role) if r} if row else set()

    def signers(self) -> list[SignerView]:
        """Every signer this database knows, with the trust it gives them."""
        mine = {c.key_id for c in self.keys.identities()}
        return [SignerView(_card(r), r.list_role, r.vouched_role, r.vouched_by, aware(r.vouched_at), r.key_id in mine)
                for r in self.store.signers.all()]

    def check_signature(self, key_id: str, data: bytes, signature: str) -> str | None:
        """The name of the key's holder when a key this database knows made `signature` over `data` (audit
        entries); None otherwise."""
        row = self.store.signers.get(key_id)
        return row.name if row is not None and verify(row.public_key, data, signature) else None

    def read_card(self, path: Path) -> Card:
        """A card from a file (nothing is trusted yet)."""
        return read_card(read_text(path, "a signer's card"), Path(path).name)

    def trust(self, card: Card, role: str, fingerprint: str, person: str | None = None) -> SignerView:
        """Trust one person's key for a role, once the fingerprint they read out (`fingerprint`) matches."""
        if role not in SIGNING_ROLES:
            raise SigningError(f"A signer can be trusted as {', '.join(role_label(r) for r in SIGNING_ROLES)}.")
        if not same_fingerprint(fingerprint, card.key_id):
            raise SigningError(f"The fingerprint you compared ({fingerprint.strip() or 'none'}) is not the one on "
                               f"{card.name}'s card ({card.fingerprint}): do not trust this card. Ask them to send "
                               "it again, and read the fingerprints to each other.")
        if role != Role.LEAD.value and card.key_id in {c.key_id for c in self.keys.identities()}:
            raise SigningError("You cannot vouch for your own key: only your organisation's trusted-signers list can "
                               f"make you a trusted {role_label(role)}.")
        voucher = self.identity(person, create=True).name
        with self.store.transaction() as conn:
            self.remember(card, conn)
            self.store.signers.vouch(card.key_id, conn, vouched_role=role, vouched_by=voucher, vouched_at=utcnow())
        self.changes.publish(Changes(signers=True))
        return next(s for s in self.signers() if s.card.key_id == card.key_id)

    def untrust(self, key_id: str) -> None:
        """Take back the trust you gave one by one (a list's trust stays until a newer list drops it)."""
        self.store.signers.vouch(key_id, vouched_role=None, vouched_by=None, vouched_at=None)
        self.changes.publish(Changes(signers=True))

    # --- the organisation's list -----------------------------------------------------------------------------
    def current_list(self) -> ListSummary | None:
        """The trusted-signers list in force, if one was imported."""
        row = self.store.signers.current_list()
        return None if row is None else ListSummary(row.organisation, aware(row.issued_at), row.admin_name,
                                                    row.admin_key_id, aware(row.imported_at), row.imported_by)

    def read_list(self, path: Path) -> TrustList:
        """A trusted-signers list from a file, its admin signature checked (nothing imported yet)."""
        return read_trust_list(read_text(path, "a trusted-signers list"), Path(path).name)

    def needs_admin_check(self, found: TrustList) -> bool:
        """Whether importing this list needs the admin key's fingerprint compared (a first or a new admin key)."""
        current = self.current_list()
        return current is None or current.admin_key_id != found.admin.key_id

    def import_list(self, path: Path, admin_fingerprint: str = "", person: str | None = None) -> TrustList:
        """Make a list the one in force. The first list (or one from a new admin key) needs the admin key's
        fingerprint as the EDI team publishes it; a list older than the one in force is refused."""
        found, current = self.read_list(path), self.current_list()
        if self.needs_admin_check(found) and not same_fingerprint(admin_fingerprint, found.admin.key_id):
            change = "" if current is None else f" (your current list is signed by {current.admin_name}'s key)"
            raise SigningError(f"{Path(path).name} is signed by the admin key {found.admin.fingerprint}{change}. Compare "
                               "that fingerprint with the one your EDI team publishes, then confirm it to import the "
                               "list. Nothing was imported.")
        if current is not None and found.issued_at <= current.issued_at:
            raise SigningError(f"{Path(path).name} was issued on {found.issued_at:%d/%m/%Y %H:%M}, not after the list "
                               f"you have (issued {current.issued_at:%d/%m/%Y %H:%M}), so it is not imported.")
        who = self.identity(person, create=True).name
        with self.store.transaction() as conn:
            for card in found.signers:
                self.remember(card, conn)
            self.store.signers.set_list_roles({c.key_id: c.role for c in found.signers}, conn)
            self.store.signers.add_list(conn, organisation=found.organisation, admin_key_id=found.admin.key_id,
                                        admin_name=found.admin.name, issued_at=found.issued_at,
                                        list_json=found.statement.to_json(), imported_at=utcnow(), imported_by=who)
        self.changes.publish(Changes(signers=True))
        return found

    # --- authority -------------------------------------------------------------------------------------------
    def acting_role(self, role: Role | str) -> Role:
        """The role you act in: in team mode your login's (whatever was named), else the one named."""
        team = self.store.team_identity()
        member = team[1] if team else None
        return Role(member.role) if member is not None and member.role in set(Role) else Role(role)

    def _team_actor(self, role: Role, login: str, member) -> Identity:
        """Your identity in team mode: the key registered for your login (names typed are ignored)."""
        if member is None:
            raise AuthorityError(f"Your login {login} is not a member of this team database: ask your IDMF "
                                 "administrator to add you (idmf-cli team add-user). Nothing was changed.")
        if member.role != role.value:
            raise AuthorityError(f"Acting as {role_label(role.value)} needs a login with that role; your login "
                                 f"{login} has the role {role_label(member.role)}. Nothing was changed.")
        if member.key_id not in {c.key_id for c in self.keys.identities()}:
            raise AuthorityError(f"The signing key registered for your login {login} is not on this computer. "
                                 "Use the computer that holds it, or ask your IDMF administrator to register "
                                 "your new card (idmf-cli team add-user … --card). Nothing was changed.")
        return self.keys.load(member.key_id)

    def actor(self, role: Role | str, person: str | None = None) -> Identity:
        """The identity that may act in `role`: your own key, trusted for that role unless it is the lead's (in
        team mode: the key registered for your login, whose role the database holds; `person` is ignored)."""
        role = Role(role)
        team = self.store.team_identity()
        if team is not None:
            return self._team_actor(role, *team)
        identity = self.identity(person, create=role == Role.LEAD)
        self.remember(identity.card)
        if role != Role.LEAD and role.value not in self.trusted_roles(identity.key_id):
            held = self.trusted_roles(identity.key_id)
            standing = (f"trusted here as {', '.join(role_label(r) for r in sorted(held))}" if held
                        else "not trusted here for any role")
            raise AuthorityError(f"Acting as {role_label(role.value)} needs a key this database trusts for that role. "
                                 f"The key of {identity.card.describe()} is {standing}. Ask your EDI team to put you "
                                 "on the organisation's trusted-signers list as "
                                 f"{role_label(role.value)}, then import the new list.")
        return identity
