"""Render score rows as an aligned terminal table (Korean counts double width) or Markdown."""

from __future__ import annotations

import unicodedata


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, size: int, right: bool = False) -> str:
    fill = " " * (size - width(text))
    return fill + text if right else text + fill


def render_text(header: list[str], rows: list[list[str]], footer: list[list[str]]) -> str:
    """Left-align the first two columns, right-align the numbers."""
    everything = [header, *rows, *footer]
    sizes = [max(width(row[i]) for row in everything) for i in range(len(header))]

    def line(row: list[str]) -> str:
        return "  ".join(pad(cell, sizes[i], right=i >= 2) for i, cell in enumerate(row)).rstrip()

    rule = "-" * (sum(sizes) + 2 * (len(sizes) - 1))
    out = [line(header), rule, *map(line, rows)]
    if footer:
        out += [rule, *map(line, footer)]
    return "\n".join(out)


def render_markdown(header: list[str], rows: list[list[str]], footer: list[list[str]]) -> str:
    def line(row: list[str]) -> str:
        return "| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |"

    align = ["---", "---", *["---:"] * (len(header) - 2)]
    bold_footer = [[f"**{cell}**" if cell else "" for cell in row] for row in footer]
    return "\n".join([line(header), line(align), *map(line, rows), *map(line, bold_footer)])
