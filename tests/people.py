"""Signing identities for tests: a per-test in-memory credential store, and people enrolled on an
organisation's trusted-signers list signed by a test admin key."""

from __future__ import annotations

from pathlib import Path

from keyring.backend import KeyringBackend

from idmf.signing.cards import Card
from idmf.signing.identity import Identity
from idmf.signing.trustlist import make_trust_list

ORGANISATION = "Test NHS Trust"
STAFF = (("Lead Person", "lead"), ("Reviewer Person", "reviewer"), ("Committee Person", "committee"))


class MemoryKeyring(KeyringBackend):
    """A credential store that lives and dies with one test (never the user's real one)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


def admin_identity() -> Identity:
    """The organisation's admin key, as the EDI team would hold it."""
    return Identity.new("EDI Team Admin", "admin", ORGANISATION)


def publish(folder: Path, admin: Identity, people: list[tuple[Card, str]], name: str = "trusted.idmf-trust",
            **kwargs) -> Path:
    """Write a trusted-signers list signed by `admin` giving each card its role."""
    path = Path(folder) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(make_trust_list(admin, ORGANISATION, people, **kwargs), encoding="utf-8")
    return path


def enrol(context, folder: Path, staff=STAFF, admin: Identity | None = None) -> dict[str, Card]:
    """Make each (name, role) an identity in the context's key store, trusted through a list it imports."""
    admin = admin or admin_identity()
    cards = {name: context.signing.create_identity(name, role, ORGANISATION) for name, role in staff}
    path = publish(folder, admin, [(cards[name], role) for name, role in staff])
    context.signing.import_list(path, admin.fingerprint)
    return cards


def second_person(folder: Path, name: str, role: str, file_fallback: bool = False):
    """Another person's app: their own data folder, database and key store (an in-memory credential store, or
    the file fallback in their folder); returns (context, their card)."""
    from idmf.services.context import open_app
    from idmf.signing.keystore import KeyStore

    keys = KeyStore(Path(folder) / "signing", backend=None if file_fallback else MemoryKeyring(),
                    file_only=file_fallback)
    context = open_app(f"sqlite:///{Path(folder) / 'idmf.sqlite3'}", keys=keys)
    return context, context.signing.create_identity(name, role, ORGANISATION)


def sign_off_example(context, committee: str = "ICB Board"):
    """The bundled example imported (a Draft), taken through review by Lead Person and Reviewer Person and signed
    off by Committee Person on its meeting date, 13/01/2026 (needs `enrol`)."""
    from tools.signed_example import sign_off_example as sign_off

    return sign_off(context, "Lead Person", "Reviewer Person", "Committee Person", committee)
