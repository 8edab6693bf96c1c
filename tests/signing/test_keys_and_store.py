"""Keys, cards and the key store: the private key lives in the credential store (or an owner-only file where
there is none), never in the data folder's public files; fingerprints are read aloud and compared forgivingly."""

from __future__ import annotations

import json
import os
import re
import stat
import sys

import pytest

from idmf.signing.cards import read_card
from idmf.signing.envelope import open_signed, seal
from idmf.signing.errors import KeyStoreError, SigningError
from idmf.signing.identity import Identity
from idmf.signing.keys import private_key_text, same_fingerprint, short_fingerprint
from idmf.signing.keystore import FALLBACK, IDENTITIES, SERVICE, KeyStore
from tests.people import MemoryKeyring


def test_the_short_fingerprint_is_five_groups_people_can_read_aloud():
    card = Identity.new("Esi Mensah", "reviewer").card
    groups = card.fingerprint.split(" ")
    assert len(groups) == 5 and all(len(g) == 4 for g in groups)
    assert not set(card.fingerprint) & set("ILOU")  # nothing to mishear
    assert short_fingerprint(card.key_id) == card.fingerprint and len(card.key_id) == 64
    typed = card.fingerprint.lower().replace(" ", "-").replace("0", "o").replace("1", "l")
    assert same_fingerprint(typed, card.key_id) and same_fingerprint(card.key_id.upper(), card.key_id)
    assert not same_fingerprint(card.fingerprint[:-1] + ("A" if card.fingerprint[-1] != "A" else "B"), card.key_id)


def test_the_private_key_goes_to_the_credential_store_never_the_data_folder(tmp_path):
    backend = MemoryKeyring()
    keys = KeyStore(tmp_path / "signing", backend=backend)
    made = keys.create("Esi Mensah", "reviewer", "Leicester NHS Trust")
    assert (SERVICE, made.key_id) in backend.secrets
    assert not (tmp_path / "signing" / FALLBACK).exists()
    index = (tmp_path / "signing" / IDENTITIES).read_text(encoding="utf-8")
    assert backend.secrets[(SERVICE, made.key_id)] not in index and "credential-store" in index
    loaded = keys.load(made.key_id)
    assert loaded.sign(b"x") == made.sign(b"x") and keys.default_card() == made.card
    assert "your system's credential store" in keys.where()


def test_without_a_credential_store_the_key_goes_to_an_owner_only_file(tmp_path):
    keys = KeyStore(tmp_path / "signing", file_only=True)
    made = keys.create("Jo Lead", "lead")
    path = tmp_path / "signing" / FALLBACK
    content = json.loads(path.read_text(encoding="utf-8"))
    assert made.key_id in content["keys"] and "never send it" in content["warning"]
    if sys.platform != "win32":
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert keys.load(made.key_id).sign(b"x") == made.sign(b"x")
    assert str(path) in keys.where() and "only you can read it" in keys.where()


def test_a_credential_store_that_refuses_the_key_falls_back_to_the_file(tmp_path):
    class Locked(MemoryKeyring):
        def set_password(self, service, username, password):
            raise RuntimeError("the keyring is locked")

    keys = KeyStore(tmp_path / "signing", backend=Locked())
    made = keys.create("Jo Lead", "lead")
    assert (tmp_path / "signing" / FALLBACK).is_file() and keys.load(made.key_id).card == made.card


def test_the_data_folder_key_store_can_be_told_to_use_the_file(tmp_path, monkeypatch):
    monkeypatch.setenv("IDMF_KEY_STORE", "file")
    keys = KeyStore.for_data_folder(tmp_path)
    keys.create("Jo Lead", "lead")
    assert (tmp_path / "signing" / FALLBACK).is_file()


def test_a_lost_or_swapped_private_key_is_said_plainly(tmp_path):
    backend = MemoryKeyring()
    keys = KeyStore(tmp_path / "signing", backend=backend)
    made = keys.create("Jo Lead", "lead")
    backend.secrets[(SERVICE, made.key_id)] = private_key_text(Identity.new("Someone", "lead").private_key)
    with pytest.raises(KeyStoreError, match="The private key kept for Jo Lead does not match their card"):
        keys.load(made.key_id)
    del backend.secrets[(SERVICE, made.key_id)]
    with pytest.raises(KeyStoreError, match="The private key of Jo Lead .* is missing from your system's credential "
                                            "store .* make a new identity and ask your EDI team to replace your key"):
        keys.load(made.key_id)


def test_two_identities_cannot_share_a_name(tmp_path):
    keys = KeyStore(tmp_path / "signing", backend=MemoryKeyring())
    keys.create("Jo Lead", "lead")
    with pytest.raises(KeyStoreError, match="already a signing identity named “Jo Lead”"):
        keys.create("jo  lead", "committee")


def test_a_signed_statement_is_refused_when_changed_or_used_for_another_purpose():
    esi = Identity.new("Esi Mensah", "reviewer")
    statement = seal(esi, "review-file", {"verdict": "changes_requested"})
    assert open_signed(statement.to_json(), "review-file", "the file").payload == {"verdict": "changes_requested"}
    changed = json.loads(statement.to_json())
    changed["payload"]["verdict"] = "assured"
    with pytest.raises(SigningError, match="does not match its contents: they were changed after they were signed"):
        open_signed(changed, "review-file", "the file")
    renamed = json.loads(statement.to_json())
    renamed["signer"]["name"] = "Prof. Committee Chair"
    with pytest.raises(SigningError, match="changed after they were signed"):
        open_signed(renamed, "review-file", "the file")
    with pytest.raises(SigningError, match="is for something else"):
        open_signed(statement.to_json(), "signoff", "the file")


@pytest.mark.parametrize("text, says", [
    ("not json", "is not a signer's card (it is not JSON)"),
    ('{"format": "other"}', "is not a signer's card made by IDMF Desktop"),
    ('{"format": "idmf-card", "name": "X", "role": "king", "public_key": "AAAA"}', "is not valid (role"),
    ('{"format": "idmf-card", "name": "X", "role": "lead", "public_key": "AAAA"}',
     "is not valid (public_key: The public key is not valid (it has 3 bytes instead of 32).)"),
])
def test_a_bad_card_file_is_refused_in_words(text, says):
    with pytest.raises(SigningError, match=re.escape(says)):
        read_card(text, "esi.idmf-card.json")
