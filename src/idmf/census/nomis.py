"""Download the census tables from the Nomis API (ONS's official statistics service).

NHS networks sit behind proxies with their own certificate authorities, so the client reads the system proxy
settings (HTTPS_PROXY, NO_PROXY) and verifies certificates against the operating system's store (truststore).
Every failure becomes one CensusDownloadError saying what happened and what to do; nothing is written here —
`download()` returns a Batch that the caller stores in one transaction.
"""

from __future__ import annotations

import email.utils
import ssl
import threading
import time
from dataclasses import dataclass
from typing import Callable

import httpx

from idmf import __version__
from idmf.census.errors import UNCHANGED, CensusCancelled, CensusDownloadError
from idmf.census.nomis_csv import NomisAnswerError, Parsed, parse_csv, to_observations
from idmf.domain.census import Area, Batch, kind_from_code
from idmf.domain.limits import MAX_NOMIS_BYTES, mb
from idmf.census.tables import PROFILE_TABLES, CensusTableSpec
# The settings live apart so that opening the editor does not import httpx (about 11 MiB) before a download.
from idmf.census.nomis_settings import (BASE_URL_VARIABLE, DEFAULT_BASE_URL, NomisSettings,  # noqa: F401
                                        ProgressFn, configured_base_url)

@dataclass(frozen=True)
class Geography:
    """One Nomis geography type fetched for every table."""

    selector: str  # Nomis geography type, e.g. "TYPE154"
    plural: str  # how the progress line names its areas
    kind: str  # the area kind used when a code's prefix does not say
    optional: bool = False  # if Nomis refuses it, carry on without it (see GEOGRAPHIES)


# Nomis geography types (NOMIS_API.md §3). TYPE154 (local authority districts), TYPE480 (regions) and TYPE499
# (countries) are used by public code with Census 2021 tables. TYPE155 for counties (upper-tier authorities) is
# NOT confirmed, so it is optional: if Nomis refuses it or answers with something other than counties, the
# download carries on without it, and counties are summed from their districts once the district → county
# lookup (ltla21_utla21.csv) is imported. Unitary authorities are both tiers and come with the districts.
GEOGRAPHIES = (Geography("TYPE154", "local authorities", "ltla"),
               Geography("TYPE155", "counties", "utla", optional=True),
               Geography("TYPE480", "regions", "region"), Geography("TYPE499", "countries", "country"))
NO_COUNTIES = ("Nomis did not supply county figures, so counties are added up from their districts: import the "
               "district-to-county lookup (ltla21_utla21.csv) to profile a county.")
RETRY_STATUSES = {429, 500, 502, 503, 504}


class NomisRefusedError(CensusDownloadError):
    """Nomis answered that it will not serve the request (an HTTP 4xx other than 429); retrying cannot help."""


class NomisRedirectError(CensusDownloadError):
    """The address sent the app on to another site, or from https to http; never followed."""


class AnswerTooSlow(httpx.TimeoutException):
    """A whole answer took longer than the deadline (however steadily its bytes trickled in)."""


def _ssl_context() -> ssl.SSLContext:
    import truststore  # imported here so the rest of the app never pays for it

    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


def retry_after_seconds(value: str | None) -> float | None:
    """Retry-After as seconds: either a number or an HTTP date (None when absent or unreadable)."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _status_message(status: int, label: str, base_url: str) -> str:
    if status == 429:
        return (f"The Nomis census service is busy and asked the app to slow down while fetching {label}. "
                f"Wait a few minutes and try again. {UNCHANGED}")
    if status >= 500:
        return (f"The Nomis census service had a problem at its end (error {status}) while sending {label}. "
                f"Try again later, or import the ONS bulk files instead. {UNCHANGED}")
    if status in (401, 403, 407):
        return (f"Access to the Nomis census service was refused (error {status}). If your organisation uses a "
                f"proxy, ask IT to allow {base_url}, or import the ONS bulk files instead. {UNCHANGED}")
    return (f"The Nomis census service did not accept the request for {label} (error {status}). Check the "
            f"address {base_url}; Nomis may have changed its tables. {UNCHANGED}")


def _transport_message(exc: httpx.TransportError, label: str, settings: NomisSettings) -> str:
    if isinstance(exc, AnswerTooSlow):
        return (f"The Nomis census service took longer than {settings.deadline:g} seconds to send {label}, so the "
                f"app stopped waiting. Check your internet connection or proxy and try again. {UNCHANGED}")
    if isinstance(exc, httpx.TimeoutException):
        return (f"The Nomis census service did not answer within {settings.timeout:g} seconds while sending "
                f"{label}. Check your internet connection or proxy and try again. {UNCHANGED}")
    if isinstance(exc, httpx.RemoteProtocolError):
        return (f"The download of {label} was cut off before it finished. Try again; if it keeps happening, "
                f"your network may be interrupting large downloads. {UNCHANGED}")
    if "CERTIFICATE_VERIFY_FAILED" in str(exc):
        return (f"The app could not check the security certificate of {settings.base_url}. Ask IT to make sure "
                f"your organisation's certificate is installed on this computer. {UNCHANGED}")
    return (f"The app could not reach the Nomis census service at {settings.base_url}. Check your internet "
            f"connection and proxy settings (HTTPS_PROXY), or import the ONS bulk files instead. {UNCHANGED}")


def _check(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise CensusCancelled()


class NomisClient:
    """A small, patient Nomis client: timeouts, bounded retries with backoff, Retry-After, cancel."""

    def __init__(self, settings: NomisSettings | None = None) -> None:
        self.settings = settings or NomisSettings()
        self._base = httpx.URL(self.settings.base_url.rstrip("/"))
        self._http = httpx.Client(
            base_url=self._base, trust_env=True, verify=_ssl_context(),
            timeout=httpx.Timeout(min(self.settings.timeout, self.settings.deadline),
                                  connect=self.settings.connect_timeout),
            follow_redirects=True, event_hooks={"request": [self._check_destination]},
            headers={"User-Agent": f"IDMF-Desktop/{__version__}"})

    def _check_destination(self, request: httpx.Request) -> None:
        """Every request, redirects included, stays on the configured host, and never drops from https to http."""
        url, base = request.url, self._base
        if base.scheme == "https" and url.scheme != "https":
            raise NomisRedirectError(f"The census address {base} tried to send the app to an insecure (http) "
                                     f"address, so the download was stopped. Check the address, or ask IT about "
                                     f"your network. {UNCHANGED}")
        if (url.host, url.port, url.scheme) != (base.host, base.port, base.scheme) and \
                (url.host, url.scheme) != (base.host, "https"):
            raise NomisRedirectError(f"The census address {base} sent the app on to another site ({url.host[:80]}); "
                                     f"the app only takes census figures from the address it was given, so the "
                                     f"download was stopped. Check the address (IDMF_NOMIS_BASE_URL or "
                                     f"--base-url). {UNCHANGED}")

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> "NomisClient":
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def fetch_csv(self, spec: CensusTableSpec, geography: str, label: str,
                  cancel: threading.Event | None = None) -> str:
        """The table for every area of one geography type, as Nomis's CSV text."""
        dim = spec.dimension
        params = {"date": "latest", "geography": geography, "measures": "20100",
                  "select": f"geography_code,geography_name,{dim}_name,{dim},obs_value"}
        return self._get(f"/dataset/{spec.dataset_id}.data.csv", params, label, cancel)

    def _get(self, path: str, params: dict, label: str, cancel: threading.Event | None) -> str:
        s = self.settings
        for attempt in range(s.retries + 1):
            _check(cancel)
            wait = s.backoff * 2 ** attempt
            try:
                status, retry_after, body = self._once(path, params, cancel)
            except httpx.TransportError as exc:
                failure = _transport_message(exc, label, s)
                if "CERTIFICATE_VERIFY_FAILED" in str(exc) or isinstance(exc, AnswerTooSlow):
                    raise CensusDownloadError(failure) from None  # a certificate or a whole deadline: not again
            else:
                if status == 200:
                    return _decode(body, label)
                failure = _status_message(status, label, s.base_url)
                if status not in RETRY_STATUSES:
                    raise NomisRefusedError(failure)
                wait = retry_after if retry_after is not None else wait
                if wait > s.max_wait:
                    raise CensusDownloadError(f"{failure} (Nomis asked for a wait of {wait / 60:.0f} minutes.)")
            if attempt == s.retries:
                break
            if cancel is not None and cancel.wait(wait):
                raise CensusCancelled()
            if cancel is None:
                time.sleep(wait)
        raise CensusDownloadError(failure)

    def _once(self, path: str, params: dict, cancel: threading.Event | None) -> tuple[int, float | None, bytes]:
        """One request, given at most `deadline` seconds in all: the worker reading it is abandoned after that
        (it stops at its next piece), so a server trickling bytes or headers cannot keep the app waiting."""
        outcome: dict[str, object] = {}
        stop = threading.Event()

        def work() -> None:
            try:
                outcome["answer"] = self._receive(path, params, cancel, stop)
            except BaseException as exc:  # noqa: BLE001 - handed to the waiting thread, which raises it
                outcome["error"] = exc

        worker = threading.Thread(target=work, name="nomis-download", daemon=True)
        worker.start()
        worker.join(self.settings.deadline)
        if worker.is_alive():
            stop.set()
            raise AnswerTooSlow(f"no complete answer within {self.settings.deadline:g} seconds")
        if "error" in outcome:
            raise outcome["error"]  # type: ignore[misc]
        return outcome["answer"]  # type: ignore[return-value]

    def _receive(self, path: str, params: dict, cancel: threading.Event | None,
                 stop: threading.Event) -> tuple[int, float | None, bytes]:
        # Streamed so that cancel works mid-download, a cut-off body is noticed (httpx checks the length), and
        # the decompressed size is counted as it arrives (a gzip bomb stops at the limit).
        with self._http.stream("GET", path, params=params) as response:
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > MAX_NOMIS_BYTES:
                raise _too_large(self.settings.base_url)
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                _check(cancel)
                if stop.is_set():
                    return 0, None, b""  # the waiting thread has given up on this answer
                size += len(chunk)
                if size > MAX_NOMIS_BYTES:
                    raise _too_large(self.settings.base_url)
                chunks.append(chunk)
            return response.status_code, retry_after_seconds(response.headers.get("Retry-After")), b"".join(chunks)


def _too_large(base_url: str) -> CensusDownloadError:
    return CensusDownloadError(f"The census address {base_url} sent more than {mb(MAX_NOMIS_BYTES)} for one table, far "
                            f"more than any census table, so the download was stopped. Check the address. "
                            f"{UNCHANGED}")


def _decode(body: bytes, label: str) -> str:
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise NomisAnswerError(f"The Nomis census service sent {label} in a form the app cannot read. "
                                  f"Try again later, or import the ONS bulk files instead. {UNCHANGED}") from None


def _fetch(client: NomisClient, spec: CensusTableSpec, geography: Geography,
           cancel: threading.Event | None) -> tuple[Parsed, dict[str, Area]] | None:
    """One table for one geography type and its areas; None when Nomis refuses an optional type."""
    label = f"{spec.title} ({spec.code}) for {geography.plural}"
    try:
        parsed = parse_csv(client.fetch_csv(spec, geography.selector, label, cancel), spec, label)
    except (NomisRefusedError, NomisAnswerError):
        if geography.optional:
            return None  # not cancels, time-outs or server failures: those would hit every request
        raise
    areas = {}
    for code, name in parsed.names.items():
        found = kind_from_code(code)
        areas[code] = Area(code, name, found if found != "other" else geography.kind)
    if geography.optional:
        # Keep only areas of the kind asked for: an unconfirmed type might hold other areas as well.
        areas = {code: area for code, area in areas.items() if kind_from_code(code) == geography.kind}
        if not areas:
            return None
        parsed.counts = {code: cells for code, cells in parsed.counts.items() if code in areas}
    return parsed, areas


@dataclass
class TableResult:
    """One table's download: its batch when it arrived whole, else why not (in a few words)."""

    spec: CensusTableSpec
    batch: Batch | None = None
    reason: str = ""  # "no figures from Nomis", "refused, because …"
    message: str = ""  # the full plain-English message of the failure


def _fetch_table(client: NomisClient, spec: CensusTableSpec, cancel: threading.Event | None,
                 step: Callable[[str], None], skipped: set[Geography]) -> Batch:
    """One table for every geography type, checked; CensusDownloadError when any part of it fails."""
    batch = Batch(source="Nomis API", dataset_ids={spec.code: spec.dataset_id})
    areas: dict[str, Area] = {}
    for geography in GEOGRAPHIES:
        if geography in skipped:
            continue
        step(f"Downloading {spec.title} ({spec.code}) for {geography.plural}")
        found = _fetch(client, spec, geography, cancel)
        if found is None:
            skipped.add(geography)  # asked once: later tables would be refused the same way
            continue
        values, left_out = to_observations(found[0], spec, f"{spec.title} ({spec.code}) for {geography.plural}")
        batch.values += values
        batch.notes += [name for name in left_out if name not in batch.notes]
        areas.update(found[1])
    batch.areas = list(areas.values())
    if batch.notes:  # categories left out because they add up others shown: said, never silent
        listed = "; ".join(f"\u201c{name}\u201d" for name in batch.notes)
        batch.notes = [f"{spec.title} ({spec.code}): left out {listed}, because they add up categories already "
                       "shown and would count the same people twice."]
    return batch


def download(client: NomisClient, specs: tuple[CensusTableSpec, ...] = PROFILE_TABLES,
             cancel: threading.Event | None = None, progress: ProgressFn | None = None) -> list[TableResult]:
    """Every table for every local authority, county, region and country: 4 requests per table (3 when Nomis
    does not offer counties). Nothing is stored here. A table Nomis answers wrongly (empty, unreadable, not
    adding up, refused) fails alone; a failure of the service or the network stops the rest of the download."""
    skipped: set[Geography] = set()
    total, done = len(specs) * len(GEOGRAPHIES), 0
    results: list[TableResult] = []

    def step(label: str) -> None:
        nonlocal done
        if progress:
            progress(done, total, label)
        done += 1

    for at, spec in enumerate(specs):
        before = done
        try:
            results.append(TableResult(spec, _fetch_table(client, spec, cancel, step, skipped)))
        except CensusCancelled:
            raise
        except (NomisAnswerError, NomisRefusedError) as exc:
            results.append(TableResult(spec, None, getattr(exc, "reason", "") or _short(exc), str(exc)))
        except CensusDownloadError as exc:  # the service or the network: every later table would fail too
            reason = f"not downloaded: {_short(exc)}"
            results += [TableResult(s, None, reason, str(exc)) for s in specs[at:]]
            break
        done = before + len(GEOGRAPHIES)
    _check(cancel)
    if progress:
        progress(total, total, "Downloaded every table")
    if any(g.kind == "utla" for g in skipped) and any(r.batch for r in results):
        next(r.batch for r in results if r.batch).notes.append(NO_COUNTIES)
    return results


def _short(exc: Exception) -> str:
    """A failure's message without the closing 'nothing changed' sentence, as one clause."""
    text = str(exc).replace(UNCHANGED, "").strip()
    return text[0].lower() + text[1:].rstrip(".") if text else "it failed"
