"""The publishing tests' fixtures: the example stored as a draft, and signed off."""

from tests.publishing.conftest import example_id, signed_example  # noqa: F401 - fixtures used by name
