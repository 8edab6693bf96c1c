"""Where the Nomis census service is and how patient to be with it: read by the census panel and the CLI
without importing the HTTP client (idmf.census.nomis), which only a download needs."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Callable

from idmf.domain.limits import NOMIS_DEADLINE

DEFAULT_BASE_URL = "https://www.nomisweb.co.uk/api/v01"
# IT departments that mirror Nomis behind their own gateway point the app (GUI and CLI) at it with this.
BASE_URL_VARIABLE = "IDMF_NOMIS_BASE_URL"


def configured_base_url() -> str:
    """The Nomis address: IDMF_NOMIS_BASE_URL when set, else the public service."""
    return os.environ.get(BASE_URL_VARIABLE, "").strip() or DEFAULT_BASE_URL


ProgressFn = Callable[[int, int, str], None]


@dataclass
class NomisSettings:
    """Where Nomis is and how patient to be with it."""

    base_url: str = field(default_factory=configured_base_url)
    timeout: float = 60.0  # seconds to wait for each piece of an answer
    deadline: float = NOMIS_DEADLINE  # seconds for a whole answer, from asking to its last byte
    connect_timeout: float = 15.0
    retries: int = 3  # further attempts after the first
    backoff: float = 2.0  # seconds before the first retry, doubled for each one after
    max_wait: float = 300.0  # longest Retry-After the app sits through before giving up
