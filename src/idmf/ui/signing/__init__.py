"""Signatures in the app: File → Trusted signers… (your identity, the organisation's list, trusting one person
after comparing fingerprints side by side) and Review → Verify a signed-off Word file… (three outcomes)."""
