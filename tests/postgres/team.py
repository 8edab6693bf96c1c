"""A team database for tests: owner, logins, organisations and keys, set up the way an administrator would."""

from __future__ import annotations

import io
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from idmf.cli.main import main
from idmf.paths import data_dir
from idmf.signing.keystore import KeyStore

ORG_A, ORG_B = "Leicester ICB", "Norfolk Community Trust"
PASSWORD = "not-a-real-secret"
# (key in the test, role, organisation, name on the card)
PEOPLE = (("lead_a", "lead", ORG_A, "Asha Lead"), ("reviewer_a", "reviewer", ORG_A, "Rhys Reviewer"),
          ("committee_a", "committee", ORG_A, "Cara Committee"), ("lead_b", "lead", ORG_B, "Bo Lead"),
          ("admin_a", "admin", ORG_A, "Ada Admin"))


@dataclass
class Team:
    """The owner's URL, and each person's login and URL (connecting as that login with its password)."""

    owner_url: str
    logins: dict[str, str]
    urls: dict[str, str] = field(default_factory=dict)

    def cli(self, who: str, *args: str) -> int:
        """Run idmf-cli as `who` (a key of PEOPLE, or 'owner')."""
        url = self.owner_url if who == "owner" else self.urls[who]
        return main(["--database", url, *args])

    def engine(self, who: str):
        """An engine connecting as `who`, for raw SQL."""
        return create_engine(self.urls[who])

    def drop(self) -> None:
        admin = create_engine(make_url(self.owner_url).set(database="postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            for login in self.logins.values():  # membership lets the owner end the logins' open sessions
                conn.execute(text(f'GRANT "{login}" TO CURRENT_USER'))
            conn.execute(text(f'DROP DATABASE IF EXISTS "{make_url(self.owner_url).database}" WITH (FORCE)'))
            for login in self.logins.values():
                conn.execute(text(f'DROP ROLE IF EXISTS "{login}"'))
        admin.dispose()


def make_team(owner_url: str, folder: Path, monkeypatch) -> Team:
    """Run `team init`, then `team add-user` for each person with their card and a password on stdin."""
    suffix = uuid.uuid4().hex[:8]
    team = Team(owner_url, {key: f"{key}_{suffix}" for key, *_ in PEOPLE})
    assert team.cli("owner", "team", "init") == 0
    keys = KeyStore.for_data_folder(data_dir())
    for key, role, organisation, name in PEOPLE:
        card_args: list[str] = []
        if role != "admin":
            card = keys.create(name, role, organisation).card
            path = folder / f"{key}.idmf-card"
            path.write_text(card.to_json(), encoding="utf-8")
            card_args = ["--card", str(path)]
        monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
        assert team.cli("owner", "team", "add-user", team.logins[key], "--role", role, "--organisation",
                        organisation, *card_args, "--password-stdin") == 0
        team.urls[key] = make_url(owner_url).set(username=team.logins[key], password=PASSWORD) \
            .render_as_string(hide_password=False)
    return team
