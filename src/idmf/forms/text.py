"""The template's fixed text as data: paragraphs, bold paragraphs and bullet lists.

A form file writes fixed text (an intro, a note) either as one string (one paragraph per line) or as a list
whose items are a string (a paragraph), `{bold: text}` (a bold paragraph) or `{bullets: [item, ...]}`
(a bulleted list). The Word export prints it verbatim; the editor shows it as plain text.
"""

from __future__ import annotations

from typing import Annotated, Any, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

BULLET = "•"


class Bold(BaseModel):
    """A paragraph printed in bold (the template's emphasised lines)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    bold: str = Field(min_length=1)

    @property
    def text(self) -> str:
        """The paragraph's words."""
        return self.bold


class Bullets(BaseModel):
    """A bulleted list (Word bullets in the document)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    bullets: tuple[str, ...] = Field(min_length=1)


TextBlock = Union[str, Bold, Bullets]


def _as_blocks(value: Any) -> Any:
    """A plain string is one paragraph per non-empty line; a list is kept for validation as blocks."""
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(line for line in value.split("\n") if line.strip())
    return value


FixedText = Annotated[tuple[TextBlock, ...], BeforeValidator(_as_blocks)]


def plain_lines(blocks: tuple[TextBlock, ...]) -> list[str]:
    """Fixed text as lines of plain text (bullets shown as '• item'), for the editor and for searching."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Bullets):
            lines += [f"{BULLET} {item}" for item in block.bullets]
        else:
            lines.append(block if isinstance(block, str) else block.text)
    return lines


def plain_text(blocks: tuple[TextBlock, ...]) -> str:
    """Fixed text as one plain string, one line per paragraph or bullet."""
    return "\n".join(plain_lines(blocks))


def phrases(blocks: tuple[TextBlock, ...]) -> list[str]:
    """Every paragraph and bullet of fixed text, without bullet marks (what the template-diff compares)."""
    found: list[str] = []
    for block in blocks:
        if isinstance(block, Bullets):
            found += list(block.bullets)
        else:
            found.append(block if isinstance(block, str) else block.text)
    return found
