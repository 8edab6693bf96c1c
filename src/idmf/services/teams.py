"""The team service: set a PostgreSQL database up for a team, add people, and say who you are there.

`init`, `add_user`, `grant`, `revoke` and `members` are the owner's (the login that ran `team init`); `whoami`
is everyone's. Passwords are handed to the server once and never kept by the app: people connect with
libpq's own means (a pgpass file, PGPASSWORD for scripts, Kerberos) as the README's "Teams" section says.
"""

from __future__ import annotations

from dataclasses import dataclass

from idmf.domain.assessment import Status
from idmf.domain.times import utcnow
from idmf.review.workflow import ACTION_LABELS, COMMENT, REVIEW_DATE, WORKFLOW
from idmf.services.changes import ChangeNotifier, Changes
from idmf.signing.cards import Card, role_label
from idmf.storage import team_sql
from idmf.storage.store import Store
from idmf.storage.teams import Member, TeamError, check_login

TEAM_ROLES = tuple(team_sql.GROUPS)  # lead, reviewer, committee, admin


@dataclass(frozen=True)
class WhoAmI:
    """Who the app takes you to be: in team mode from your login, else the single-user set-up."""

    team: bool
    login: str | None = None
    member: Member | None = None

    @property
    def message(self) -> str:
        if not self.team:
            return "Single-user mode: this database has no team set-up; roles come from your signing key."
        if self.member is None:
            return (f"You are logged in as {self.login}, who is not a member of this team: ask your IDMF "
                    "administrator to add you.")
        orgs = ", ".join(self.member.organisations) or "no organisation yet"
        return (f"You are {self.member.name} (login {self.login}), {role_label(self.member.role)}, "
                f"seeing: {orgs}.")


def workflow_rules() -> team_sql.Rules:
    """The workflow table (idmf.review.workflow.WORKFLOW) as the rows the database checks."""
    transitions, edits = [], []
    for status, roles in WORKFLOW.items():
        for role, permission in roles.items():
            for action, go in permission.actions.items():
                clears = tuple(c for c in go.clears if c != REVIEW_DATE)
                transitions.append((status.value, role.value, action.value, go.to.value, COMMENT in go.when, clears))
            edits.extend((status.value, role.value, question) for question in sorted(permission.edit))
    return team_sql.Rules(tuple(transitions), tuple(edits), {s.value: s.label for s in Status},
                          {a.value: label for a, label in ACTION_LABELS.items()})


class TeamService:
    """Team set-up and membership; the database enforces what it grants."""

    def __init__(self, store: Store, changes: ChangeNotifier) -> None:
        self.store = store
        self.changes = changes

    def whoami(self) -> WhoAmI:
        """Who you are here (team mode: from the connection's login, never from a name typed)."""
        found = self.store.team_identity()
        return WhoAmI(False) if found is None else WhoAmI(True, *found)

    def _require_postgres(self) -> None:
        if self.store.database.is_sqlite:
            raise TeamError("Teams need a shared PostgreSQL database: give its address with --database or "
                            "IDMF_DATABASE_URL (see the README's “Teams” section). Nothing was changed.")

    def _require_team(self) -> None:
        self._require_postgres()
        if not self.store.teams.is_team_database():
            raise TeamError("This database is not set up for a team yet: run `idmf-cli team init` first, as its "
                            "owner. Nothing was changed.")

    def init(self) -> str:
        """Install roles, privileges, policies and functions (again after an upgrade); returns the owner."""
        self._require_postgres()
        with self.store.transaction() as conn:
            owner = self.store.teams.install(workflow_rules(), conn)
        self.store._team = (False, None)  # ask the database again who is connected
        return owner

    def add_user(self, login: str, role: str, organisations: list[str], card: Card | None = None,
                 password: str | None = None, name: str | None = None) -> Member:
        """Make (or update) a login with one role, let it see `organisations`, and register its signing key."""
        self._require_team()
        login, organisations = check_login(login), [o.strip() for o in organisations if o.strip()]
        if role not in TEAM_ROLES:
            raise TeamError(f"The role must be one of: {', '.join(TEAM_ROLES)}.")
        if not organisations:
            raise TeamError("Say which organisation this person works for (--organisation).")
        if card is None and role != "admin":
            raise TeamError(f"A {role_label(role)} signs each step with their own key: register it with --card "
                            "(the card file they made with `idmf-cli identity card`). Nothing was changed.")
        if password is not None and not password:
            raise TeamError("The password given is empty. Nothing was changed.")
        with self.store.transaction() as conn:
            owner = conn.exec_driver_sql("SELECT current_user").scalar()
            self.store.teams.ensure_login(conn, login, role, password)
            self.store.teams.put_member(conn, login=login, role=role, name=(name or (card.name if card else login)),
                                        key_id=card.key_id if card else None, added_at=utcnow(), added_by=owner)
            for organisation in organisations:
                self.store.teams.grant(conn, login, organisation)
            if card is not None:
                self._register_key(conn, card, role, owner)
        self.changes.publish(Changes(signers=True))
        return self.store.teams.member(login)  # type: ignore[return-value]

    def _register_key(self, conn, card: Card, role: str, owner: str) -> None:
        self.store.signers.remember(conn, key_id=card.key_id, public_key=card.public_key, name=card.name,
                                    role=card.role, organisation=card.organisation, first_seen_at=utcnow())
        self.store.signers.vouch(card.key_id, conn, vouched_role=role, vouched_by=f"team administrator {owner}",
                                 vouched_at=utcnow())

    def grant(self, login: str, organisation: str) -> bool:
        """Let a member see one more organisation; False when they already could."""
        self._require_member(login)
        with self.store.transaction() as conn:
            return self.store.teams.grant(conn, login, organisation.strip())

    def revoke(self, login: str, organisation: str) -> bool:
        """Stop a member seeing an organisation; False when they could not anyway."""
        self._require_member(login)
        with self.store.transaction() as conn:
            return self.store.teams.revoke(conn, login, organisation.strip())

    def _require_member(self, login: str) -> Member:
        self._require_team()
        found = self.store.teams.member(check_login(login))
        if found is None:
            raise TeamError(f"{login} is not a member of this team: add them with `idmf-cli team add-user`.")
        return found

    def members(self) -> list[Member]:
        """Everyone on the team, by login."""
        self._require_team()
        return self.store.teams.members()
