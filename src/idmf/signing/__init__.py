"""Signatures by people: signing identities, trusted signers, and signed statements (no Qt, no SQL).

    keys, cards, identity   Ed25519 keys; a person's card (name, role, organisation, public key) and its
                            short fingerprint to read aloud; an identity = card + private key
    keystore.KeyStore       private keys in the OS credential store (keyring), or an owner-only file
    envelope                signed statements: seal(identity, kind, payload) / open_signed(data, kind)
    trustlist               an organisation's trusted-signers list, signed by its admin key
    signoff, verification   the committee's sign-off over the assessment and the visible text; the three
                            outcomes of checking one (Verified 0, Signed by someone you do not trust yet 3,
                            Not verified 1)
    review                  what a review file's author signs (request and reply ids, content and comments)

What is trusted is kept by idmf.storage (signer records); idmf.services joins the two.
"""
