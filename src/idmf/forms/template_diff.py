"""Compare the Word document's fixed text with the IDMF Part B template, word for word.

    python -m idmf.forms.template_diff [PART_B_TEMPLATE.md] [FORM.yaml]

prints one line per difference and exits 1 when there are any (0 when the document prints the template's
words exactly). The template is ../shared/idmf/PART_B_TEMPLATE.md beside the source tree unless given. Three
kinds of difference are reported:

- `not in the template`: a line the document prints that the template's text does not contain verbatim
  (after joining lines and dropping Markdown markup); app-only questions are reported as `app-only`;
- `missing`: a passage the template quotes (its verbatim wording) that the document never prints;
- `HEAT mark`: a question whose HEAT asterisk differs from the template's "(HEAT)" marks.

docs/template-differences.md lists the differences that are deliberate, each with its reason.
"""

from __future__ import annotations

import difflib
import re
import sys
from pathlib import Path

from idmf.forms.loader import default_form, load_form
from idmf.forms.printed import printed_text
from idmf.forms.schema import FormDefinition

TEMPLATE_PARTS = ("shared", "idmf", "PART_B_TEMPLATE.md")
# Quoted words in the template file that explain the transcription rather than give the form's wording.
EXPLANATORY = frozenset({"verbatim", "How the document looks", "official statistics in development"})
_QUOTED = re.compile(r'"([^"]+)"')


def find_template(start: Path | None = None) -> Path | None:
    """../shared/idmf/PART_B_TEMPLATE.md beside the source tree (or beside the current folder)."""
    roots = [Path(__file__).resolve().parents[3], (start or Path.cwd()).resolve()]
    for root in roots:
        for folder in (root, *root.parents):
            candidate = folder.joinpath(*TEMPLATE_PARTS)
            if candidate.is_file():
                return candidate
    return None


def normalise(text: str) -> str:
    """Text as compared: Markdown escapes and bold marks dropped, every run of white space one space."""
    text = text.replace("\\*", "*").replace("**", "")
    return " ".join(text.split())


def _heat_marked(template: str) -> set[str]:
    """The template's questions marked HEAT: `"question" (HEAT)`, `"question" — long text. Help (HEAT)` (a
    question whose prompt comes from HEAT) and `**name\\***`."""
    flat = " ".join(template.split())
    marked = {normalise(m) for m in re.findall(r'"([^"]+)"\s*(?:\(HEAT\)|— long text\. Help \(HEAT\))', flat)}
    return marked | {normalise(m) for m in re.findall(r"\*\*([^*]+?)\\\*\*\*", flat)}


def _closest(text: str, corpus: str) -> str:
    """The template sentence nearest to a differing line (a hint for whoever edits the form)."""
    sentences = re.split(r'(?<=[.?!:"])\s+', corpus)
    match = difflib.get_close_matches(text, sentences, n=1, cutoff=0.5)
    return f' (nearest in the template: "{match[0].strip(chr(34))}")' if match else ""


def differences(form: FormDefinition, template: str) -> list[str]:
    """Every place where the document's fixed text differs from the template's text, one line each."""
    corpus = normalise(template)
    printed = printed_text(form)
    found: list[str] = []
    for item in printed:
        text = normalise(item.text)
        if text in corpus:
            continue
        kind = "app-only (printed only when answered)" if item.app_only else "not in the template"
        found.append(f'{kind}: {item.where}: "{text}"' + ("" if item.app_only else _closest(text, corpus)))
    everything = "\n".join(normalise(item.text) for item in printed)
    for quoted in dict.fromkeys(normalise(q) for q in _QUOTED.findall(" ".join(template.split()))):
        if quoted not in EXPLANATORY and quoted not in everything:
            found.append(f'missing: the template says "{quoted}"')
    marked = _heat_marked(template)
    for question in form.questions():
        label = normalise(question.label)
        if question.heat != (label in marked) and (question.heat or label in corpus):
            should = "has no HEAT mark" if question.heat else "should carry the HEAT mark (*)"
            found.append(f"HEAT mark: question '{question.id}' {should} in the template")
    return found


def main(argv: list[str] | None = None) -> int:
    """Print the differences; exit status 1 when there are any, 2 when the template cannot be found."""
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else find_template()
    if path is None or not path.is_file():
        print("The template text was not found: give the path to PART_B_TEMPLATE.md "
              "(usually ../shared/idmf/PART_B_TEMPLATE.md).", file=sys.stderr)
        return 2
    form = load_form(Path(args[1])) if len(args) > 1 else default_form()
    found = differences(form, path.read_text(encoding="utf-8"))
    for line in found:
        print(line)
    print(f"{len(found)} difference(s) between the Word document's fixed text and {path.name}.", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
