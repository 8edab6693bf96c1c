"""Where each person's private key lives: the operating system's credential store, through `keyring`
(Windows Credential Manager, macOS Keychain, Secret Service on Linux), or, where no store exists (CI, some
Linux desktops), the file `signing/PRIVATE-signing-keys-keep-secret.json` in the data folder, readable by its
owner only. The cards of the identities on this computer (public) are kept beside it in `identities.json`.

`IDMF_KEY_STORE=file` uses the file even when a credential store exists (a portable install, tests).
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

from idmf.files import atomic_write_text
from idmf.signing.cards import Card, card_from
from idmf.signing.errors import KeyStoreError
from idmf.signing.identity import Identity
from idmf.signing.keys import private_key_from, private_key_text, public_key_text, same_fingerprint

log = logging.getLogger(__name__)

SERVICE = "IDMF Desktop signing key"  # the credential store's service name; the user name is the key id
FOLDER = "signing"
IDENTITIES = "identities.json"
FALLBACK = "PRIVATE-signing-keys-keep-secret.json"
IN_STORE, IN_FILE = "credential-store", "file"


def _card(entry: dict[str, Any]) -> Card:
    return card_from({k: v for k, v in entry.items() if k != "kept_in"}, "A stored signing identity")


def _usable(backend: Any) -> bool:
    from keyring.backends import fail, null

    try:
        return backend is not None and not isinstance(backend, (fail.Keyring, null.Keyring)) and backend.priority > 0
    except Exception:  # noqa: BLE001 - a backend that cannot even say its priority is not usable
        return False


class KeyStore:
    """The signing identities of the person (or people) using this computer."""

    def __init__(self, folder: Path, backend: Any = None, file_only: bool = False) -> None:
        self.folder = Path(folder)
        self._backend = backend
        self.file_only = file_only

    @classmethod
    def for_data_folder(cls, data: Path) -> "KeyStore":
        """The key store of a data folder: the system's credential store unless IDMF_KEY_STORE=file."""
        return cls(Path(data) / FOLDER, file_only=os.environ.get("IDMF_KEY_STORE", "").lower() == "file")

    # --- where -----------------------------------------------------------------------------------------------
    def backend(self) -> Any:
        """The credential store in use, or None when private keys go to the fallback file."""
        if self.file_only:
            return None
        if self._backend is None:
            import keyring

            self._backend = keyring.get_keyring()
        return self._backend if _usable(self._backend) else None

    def where(self) -> str:
        """Where new private keys are kept, in words."""
        backend = self.backend()
        if backend is None:
            return f"the file {self.folder / FALLBACK} (only you can read it)"
        return f"your system's credential store ({getattr(backend, 'name', type(backend).__name__)})"

    # --- cards -----------------------------------------------------------------------------------------------
    def _index(self) -> dict[str, Any]:
        path = self.folder / IDENTITIES
        if not path.is_file():
            return {"default": None, "identities": []}
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise KeyStoreError(f"The list of your signing identities ({path}) cannot be read ({exc}). Restore "
                                "it from a backup of your data folder.") from None
        return data if isinstance(data, dict) and isinstance(data.get("identities"), list) else \
            {"default": None, "identities": []}

    def _save_index(self, index: dict[str, Any]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        atomic_write_text(self.folder / IDENTITIES, json.dumps(index, ensure_ascii=False, indent=2) + "\n")

    def identities(self) -> list[Card]:
        """The cards of every identity whose private key this computer holds, the default first."""
        index = self._index()
        cards = [_card(e) for e in index["identities"]]
        return sorted(cards, key=lambda c: c.key_id != index.get("default"))

    def default_card(self) -> Card | None:
        """The identity used unless another is named (the first one made, or the one chosen)."""
        cards = self.identities()
        return cards[0] if cards else None

    def find(self, person: str) -> Card | None:
        """A local identity by its name (any case) or its fingerprint."""
        wanted = " ".join((person or "").split()).casefold()
        for card in self.identities():
            if card.name.casefold() == wanted or same_fingerprint(person, card.key_id):
                return card
        return None

    def set_default(self, key_id: str) -> None:
        """Use this identity unless another is named."""
        index = self._index()
        if not any(_card(e).key_id == key_id for e in index["identities"]):
            raise KeyStoreError("There is no such signing identity on this computer.")
        index["default"] = key_id
        self._save_index(index)

    # --- private keys ----------------------------------------------------------------------------------------
    def create(self, name: str, role: str, organisation: str = "") -> Identity:
        """Make a key pair, keep its private key safe, and remember its card."""
        identity = Identity.new(name, role, organisation)
        existing = self.find(identity.name)
        if existing is not None:
            raise KeyStoreError(f"There is already a signing identity named “{existing.name}” on this computer.")
        kept_in = self._keep(identity)
        index = self._index()
        index["identities"].append({**identity.card.model_dump(), "kept_in": kept_in})
        index["default"] = index.get("default") or identity.key_id
        self._save_index(index)
        log.info("Signing identity made (key %s, private key kept in %s)", identity.fingerprint, kept_in)
        return identity

    def _keep(self, identity: Identity) -> str:
        secret = private_key_text(identity.private_key)
        backend = self.backend()
        if backend is not None:
            try:
                backend.set_password(SERVICE, identity.key_id, secret)
                return IN_STORE
            except Exception as exc:  # noqa: BLE001 - any store failure (locked, no D-Bus): use the file instead
                log.warning("Credential store refused the key (%s); using the file fallback", type(exc).__name__)
        keys = self._file_keys()
        keys[identity.key_id] = secret
        self._write_file_keys(keys)
        return IN_FILE

    def load(self, key_id: str) -> Identity:
        """The identity with its private key; KeyStoreError when the key is not on this computer."""
        entry = next((e for e in self._index()["identities"] if _card(e).key_id == key_id), None)
        if entry is None:
            raise KeyStoreError("There is no such signing identity on this computer.")
        card = _card(entry)
        secret = self._secret(key_id, entry.get("kept_in"))
        if secret is None:
            raise KeyStoreError(f"The private key of {card.name} (key {card.fingerprint}) is missing from "
                                f"{self.where()}. If it is lost, make a new identity and ask your EDI team to "
                                "replace your key on the trusted-signers list.")
        key = private_key_from(secret)
        if public_key_text(key) != card.public_key:
            raise KeyStoreError(f"The private key kept for {card.name} does not match their card: the key store "
                                "was changed. Make a new identity.")
        return Identity(card, key)

    def _secret(self, key_id: str, kept_in: str | None) -> str | None:
        if kept_in == IN_STORE:
            backend = self.backend()
            try:
                return backend.get_password(SERVICE, key_id) if backend is not None else None
            except Exception:  # noqa: BLE001 - a locked or missing store: say the key is not available
                log.warning("Credential store could not be read", exc_info=True)
                return None
        return self._file_keys().get(key_id)

    def _file_keys(self) -> dict[str, str]:
        path = self.folder / FALLBACK
        if not path.is_file():
            return {}
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise KeyStoreError(f"The private key file {path} cannot be read ({exc}).") from None
        return {str(k): str(v) for k, v in data.get("keys", {}).items()} if isinstance(data, dict) else {}

    def _write_file_keys(self, keys: dict[str, str]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = self.folder / FALLBACK
        if not path.exists():  # made owner-only first: atomic_write keeps an existing file's permissions
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        note = ("Private signing keys of IDMF Desktop. Anyone who copies this file can sign in your name: "
                "never send it, never put it on a shared drive.")
        atomic_write_text(path, json.dumps({"warning": note, "keys": keys}, indent=2) + "\n")
