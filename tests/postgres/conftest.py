"""PostgreSQL runs: each test gets a fresh database on the server named by IDMF_TEST_POSTGRES_URL.

`.ci/run` starts a local PostgreSQL and sets the variable; without it these tests are skipped with the reason.
"""

from __future__ import annotations

import os
import uuid

import pytest

URL_VARIABLE = "IDMF_TEST_POSTGRES_URL"


def _server_url() -> str:
    url = os.environ.get(URL_VARIABLE)
    if not url:
        pytest.skip(f"no PostgreSQL server to test against: set {URL_VARIABLE} "
                    "(e.g. postgresql+psycopg://idmf:idmf@localhost/postgres); .ci/run does")
    pytest.importorskip("psycopg", reason="psycopg is not installed (pip install '.[postgres]')")
    return url


@pytest.fixture
def postgres_url(monkeypatch: pytest.MonkeyPatch):
    """A new, empty database for this test, dropped afterwards; IDMF_DATABASE_URL points at it."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    server = make_url(_server_url())
    name = f"idmf_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = server.set(database=name).render_as_string(hide_password=False)
    monkeypatch.setenv("IDMF_DATABASE_URL", url)
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def context(postgres_url):
    from idmf.services.context import open_app

    ctx = open_app(postgres_url)
    yield ctx
    ctx.close()


@pytest.fixture
def team(postgres_url, tmp_path, monkeypatch):
    """A team database (idmf-cli team init) with four logins in two organisations and an admin, each added with
    `team add-user`, their signing keys on this computer; dropped (database, then logins) afterwards."""
    from tests.postgres.team import make_team

    made = make_team(postgres_url, tmp_path, monkeypatch)
    yield made
    made.drop()
