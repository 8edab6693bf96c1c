"""The validated form, kept as JSON in the user's cache folder so later starts skip parsing its YAML.

Measured on the bundled form: YAML parse and validate 30 ms; the JSON of the validated model validated again
0.5 ms. JSON rather than pickle: a cache file is read from the user's profile, and reading it must never run
code. The cache is keyed by the YAML text's hash, the app's version and the form schema's source, and is
still validated by the schema when read; a missing, damaged, truncated or foreign file is ignored and
rewritten from the YAML.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Callable

from pydantic import ValidationError

from idmf.forms import schema
from idmf.forms.schema import FormDefinition
from idmf.paths import cache_dir

log = logging.getLogger(__name__)

FOLDER = "forms"


def cache_key(yaml_text: str) -> str:
    """What a cached form must have been made from: this YAML text, this app version, this schema."""
    from idmf import __version__

    try:
        schema_source = Path(schema.__file__).read_bytes()
    except OSError:  # a bundle without sources: the app version alone says when the schema changed
        schema_source = b""
    digest = hashlib.sha256()
    for part in (yaml_text.encode("utf-8"), __version__.encode("utf-8"), schema_source):
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


def cache_file(name: str) -> Path:
    """Where the validated form made from the YAML file `name` (its stem) is kept."""
    return cache_dir() / FOLDER / f"{name}.json"


def _read(path: Path, key: str) -> FormDefinition | None:
    try:
        stored = json.loads(path.read_bytes())
        if not isinstance(stored, dict) or stored.get("key") != key:
            return None
        return FormDefinition.model_validate(stored.get("form"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, ValidationError, RecursionError):  # damaged, truncated or foreign
        log.info("Ignored an unusable cached form %s", path.name)
        return None


def _write(path: Path, key: str, form: FormDefinition) -> None:
    """Write whole or not at all (a crash mid-write leaves the old file or none, never half of one)."""
    text = f'{{"key": {json.dumps(key)}, "form": {form.model_dump_json()}}}'
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except OSError:  # a read-only or full cache folder: the form still loads, only slower next time
        log.info("Could not cache the form %s", path.name, exc_info=True)


def remembered(name: str, yaml_text: str, validate: Callable[[], FormDefinition]) -> FormDefinition:
    """The form the YAML text describes: from the cache when it was made from this very text, else `validate()`
    (which raises FormError for a bad form; nothing is cached then)."""
    key = cache_key(yaml_text)
    path = cache_file(name)
    form = _read(path, key)
    if form is None:
        form = validate()
        _write(path, key, form)
    return form
