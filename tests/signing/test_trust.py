"""Trust: the organisation's trusted-signers list, signed by its admin key (compared once, by fingerprint),
replaces the one before (so a key left off loses its trust); and one person trusted at a time after comparing
fingerprints. All of it from the command line too."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from idmf.cli.main import main
from idmf.signing.envelope import seal
from idmf.signing.errors import SigningError
from idmf.signing.identity import Identity
from tests.people import ORGANISATION, admin_identity, publish



def later() -> dt.datetime:
    """A moment after any list a test has just published (worked out when the test runs, not when collected)."""
    return dt.datetime.now(dt.timezone.utc) + dt.timedelta(minutes=5)


@pytest.fixture
def esi():
    return Identity.new("Esi Mensah", "reviewer", ORGANISATION)


def test_the_first_list_needs_the_admin_fingerprint_compared(context, esi, admin, tmp_path):
    path = publish(tmp_path, admin, [(esi.card, "reviewer")])
    for typed in ("", "AAAA BBBB CCCC DDDD EEEE"):
        with pytest.raises(SigningError, match=f"is signed by the admin key {admin.fingerprint}. Compare that "
                                               "fingerprint with the one your EDI team publishes.*Nothing was "
                                               "imported"):
            context.signing.import_list(path, typed)
    assert context.signing.trusted_roles(esi.key_id) == set() and context.signing.current_list() is None
    found = context.signing.import_list(path, admin.fingerprint.lower())
    assert found.organisation == ORGANISATION and context.signing.trusted_roles(esi.key_id) == {"reviewer"}


def test_a_newer_list_replaces_the_old_one_and_an_older_one_is_refused(context, esi, admin, tmp_path):
    chair = Identity.new("Dr Chair", "committee", ORGANISATION)
    context.signing.import_list(publish(tmp_path, admin, [(esi.card, "reviewer")], "first.idmf-trust"),
                                admin.fingerprint)
    when = later()
    newer = publish(tmp_path, admin, [(chair.card, "committee")], "second.idmf-trust", issued_at=when)
    context.signing.import_list(newer)  # the same admin key: nothing to compare again
    assert context.signing.trusted_roles(esi.key_id) == set()  # left off the newer list: no longer trusted
    assert context.signing.trusted_roles(chair.key_id) == {"committee"}
    replayed = publish(tmp_path, admin, [(esi.card, "committee")], "old.idmf-trust",
                       issued_at=when - dt.timedelta(days=1))
    with pytest.raises(SigningError, match="not after the list you have"):
        context.signing.import_list(replayed)


def test_a_list_from_another_admin_key_needs_its_fingerprint_compared(context, esi, admin, tmp_path):
    context.signing.import_list(publish(tmp_path, admin, [(esi.card, "reviewer")], "first.idmf-trust"),
                                admin.fingerprint)
    rogue = admin_identity()
    path = publish(tmp_path, rogue, [(esi.card, "committee")], "rogue.idmf-trust", issued_at=later())
    with pytest.raises(SigningError, match="your current list is signed by EDI Team Admin's key"):
        context.signing.import_list(path)
    assert context.signing.trusted_roles(esi.key_id) == {"reviewer"}


def test_a_list_changed_after_signing_or_signed_by_a_non_admin_is_refused(context, esi, admin, tmp_path):
    path = publish(tmp_path, admin, [(esi.card, "reviewer")])
    changed = json.loads(path.read_text(encoding="utf-8"))
    changed["payload"]["signers"][0]["role"] = "committee"
    path.write_text(json.dumps(changed), encoding="utf-8")
    with pytest.raises(SigningError, match="does not match its contents"):
        context.signing.import_list(path, admin.fingerprint)
    lead = Identity.new("Jo Lead", "lead")
    forged = seal(lead, "trusted-signers", {"organisation": ORGANISATION, "issued_at": later().isoformat(),
                                             "signers": [esi.card.model_dump()]})
    path.write_text(forged.to_json(), encoding="utf-8")
    with pytest.raises(SigningError, match="which is not an admin key"):
        context.signing.import_list(path, lead.fingerprint)


def test_one_person_is_trusted_only_with_the_fingerprint_they_read_out(context, esi, people):
    with pytest.raises(SigningError, match="is not the one on Esi Mensah's card .*do not trust this card"):
        context.signing.trust(esi.card, "reviewer", "7KQ2 M4XD 9PWA 3RTE H6NB")
    view = context.signing.trust(esi.card, "reviewer", esi.fingerprint.replace(" ", "-").lower())
    assert (view.vouched_role, view.vouched_by, view.trusted_roles) == ("reviewer", "Lead Person", {"reviewer"})
    context.signing.untrust(esi.key_id)
    assert context.signing.trusted_roles(esi.key_id) == set()


def test_the_whole_trust_set_up_through_the_cli(capsys, context, tmp_path):
    run = lambda *args: main(list(map(str, args)))  # noqa: E731
    assert run("identity", "create", "--name", "EDI Admin", "--role", "admin") == 0
    assert run("identity", "create", "--name", "Esi Mensah", "--role", "reviewer") == 0
    assert run("identity", "card", "--person", "Esi Mensah", "--out", tmp_path / "esi.idmf-card.json") == 0
    capsys.readouterr()
    assert run("trust", "publish", "--organisation", ORGANISATION, "--admin", "EDI Admin", "--card",
               f"{tmp_path / 'esi.idmf-card.json'}=reviewer", "--out", tmp_path / "list.idmf-trust") == 0
    admin_fingerprint = context.signing.identity("EDI Admin").fingerprint
    assert f"Publish the admin key's fingerprint ({admin_fingerprint})" in capsys.readouterr().out
    assert run("trust", "import", tmp_path / "list.idmf-trust") == 2
    assert "Compare that fingerprint" in capsys.readouterr().err
    assert run("trust", "import", tmp_path / "list.idmf-trust", "--admin-fingerprint", admin_fingerprint) == 0
    assert run("trust", "list") == 0
    listed = capsys.readouterr().out
    assert f"Trusted-signers list of {ORGANISATION}" in listed and "Esi Mensah" in listed and "EDI reviewer (list)" \
        in listed
    stranger = Identity.new("Sam Stranger", "reviewer")
    (tmp_path / "sam.idmf-card.json").write_text(stranger.card.to_json(), encoding="utf-8")
    assert run("trust", "add", tmp_path / "sam.idmf-card.json", "--role", "reviewer", "--fingerprint",
               stranger.fingerprint) == 0
    assert context.signing.trusted_roles(stranger.key_id) == {"reviewer"}
    assert run("trust", "remove", stranger.fingerprint) == 0
    assert context.signing.trusted_roles(stranger.key_id) == set()
