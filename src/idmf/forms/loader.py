"""Read and validate form files, turning every failure into one plain-English message."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from idmf.errors import IdmfError
from idmf.forms import cache
from idmf.forms.schema import FormDefinition
from idmf.paths import forms_dir

DEFAULT_FORM_FILE = "idmf-part-b.yaml"


class _FormYamlLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 booleans: only true/false, so choice ids like `yes`, `no`, `on` stay text."""


def _mapping_without_duplicates(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: set[Any] = set()
    for key_node, _value in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"the key '{key}' is given twice", key_node.start_mark)
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


_FormYamlLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_without_duplicates)
_FormYamlLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_FormYamlLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


class FormError(IdmfError):
    """A form file that cannot be used; the message names the file, the item and the problem."""


def _locate(data: Any, loc: tuple[Any, ...]) -> str:
    """Describe a pydantic error location in the form's own terms (section and question ids)."""
    parts: list[str] = []
    node = data
    for key in loc:
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            parts.append(str(key))
            node = None
            continue
        if isinstance(key, int) and isinstance(node, dict) and "id" in node:
            parts.append(f"'{node['id']}'")
        elif not isinstance(key, int):
            parts.append(str(key))
    return " > ".join(parts) or "the top level"


def _explain(error: dict[str, Any], data: Any) -> str:
    where = _locate(data, tuple(error["loc"]))
    message = error["msg"].removeprefix("Value error, ")
    if error["type"] == "enum":
        allowed = error.get("ctx", {}).get("expected", "")
        message = f"unknown value {error.get('input')!r}; allowed: {allowed}"
    elif error["type"] == "extra_forbidden":
        message = "this key is not part of the form language (check its spelling)"
    return f"{where}: {message}"


def load_form_text(text: str, source: str = "<form>") -> FormDefinition:
    """Parse and validate form YAML text; raise FormError with a readable message."""
    try:
        data = yaml.load(text, Loader=_FormYamlLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or "it is not valid YAML"
        raise FormError(f"Form file {source} cannot be read{where}: {problem}.") from None
    if not isinstance(data, dict):
        raise FormError(f"Form file {source} does not describe a form (expected keys such as 'id' and 'sections').")
    try:
        return FormDefinition.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        # Pydantic also reports a tuple holding a broken item as "too short"; that echo only confuses.
        errors = [e for e in errors if not (e["type"] == "too_short" and any(
            o is not e and tuple(o["loc"][:len(e["loc"])]) == tuple(e["loc"]) for o in errors))] or errors
        problems = [_explain(e, data) for e in errors]
        shown = "; ".join(problems[:5]) + (f" (and {len(problems) - 5} more)" if len(problems) > 5 else "")
        raise FormError(f"Form file {source} has a problem: {shown}.") from None


def load_form(path: Path) -> FormDefinition:
    """Load one form file."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FormError(f"Form file {path} was not found.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise FormError(f"Form file {path} cannot be read: {exc}.") from None
    return cache.remembered(Path(path).stem, text, lambda: load_form_text(text, str(path)))


@lru_cache(maxsize=8)
def default_form() -> FormDefinition:
    """The bundled IDMF Part B form."""
    return load_form(forms_dir() / DEFAULT_FORM_FILE)


def known_forms() -> dict[str, FormDefinition]:
    """Every bundled form, keyed by '<id>@<version>' (older versions stay loadable for old assessments)."""
    forms: dict[str, FormDefinition] = {}
    for path in sorted(forms_dir().glob("*.yaml")):
        form = load_form(path)
        forms[form.key] = form
    return forms


class UnknownFormError(FormError):
    """An assessment or import refers to a form (or form version) this app does not have."""


class FormRegistry:
    """Every form this app can open, keyed by id and version."""

    def __init__(self, forms: dict[str, FormDefinition] | None = None) -> None:
        self._forms = dict(forms) if forms is not None else known_forms()

    @classmethod
    def of(cls, *forms: FormDefinition) -> "FormRegistry":
        """A registry holding exactly these forms (tests, custom deployments)."""
        return cls({f.key: f for f in forms})

    def get(self, form_id: str, version: str) -> FormDefinition:
        """The form for an assessment; UnknownFormError names what is missing."""
        try:
            return self._forms[f"{form_id}@{version}"]
        except KeyError:
            have = ", ".join(sorted(self._forms)) or "none"
            raise UnknownFormError(
                f"This assessment uses form '{form_id}' version {version}, which this version of IDMF Desktop "
                f"does not have (it has: {have}). Install the latest version of the app."
            ) from None

    def all(self) -> list[FormDefinition]:
        """Every installed form version."""
        return list(self._forms.values())

    def latest(self, form_id: str = "idmf-part-b") -> FormDefinition:
        """The newest version of a form (what new assessments are started on)."""
        matching = [f for f in self._forms.values() if f.id == form_id]
        if not matching:
            raise UnknownFormError(f"The form '{form_id}' is not installed. Reinstall IDMF Desktop.")
        return max(matching, key=lambda f: tuple(int(p) for p in f.version.split(".")))
