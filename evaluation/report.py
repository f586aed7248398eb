"""The evaluation table and the mismatch dump used for tuning."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from rich.console import Console
from rich.table import Table

from services.normalizer.timeml import Timex

from .phrases import PhraseRow
from .scoring import Counts, metrics


def evaluation_table(counts: Counts, documents: int, seconds: float) -> Table:
    figures = metrics(counts)
    table = Table(title=f"TempEval-3 TIMEX3 scores over {documents} documents")
    for column in ("measure", "precision", "recall", "F1"):
        table.add_column(column, justify="right" if column != "measure" else "left")
    for name in ("strict", "relaxed"):
        table.add_row(name, *(str(figures[f"{name}_{m}"]) for m in ("precision", "recall", "f1")))
    table.add_row("type", "", f"accuracy {figures['type_accuracy']}", str(figures["type_f1"]))
    table.add_row("value", "", f"accuracy {figures['value_accuracy']}", str(figures["value_f1"]))
    table.caption = (
        f"gold {counts.gold}, system {counts.system}, paired {counts.relaxed}, "
        f"strict {counts.strict}; {_per_document(seconds, documents)} ms per document"
    )
    return table


def phrase_table(rows: list[PhraseRow]) -> Table:
    table = Table(title="Phrases with the most wrong values (digits in values shown as 9)")
    for column in ("phrase", "wrong", "paired", "gold values", "our values"):
        table.add_column(column, justify="right" if column in {"wrong", "paired"} else "left")
    for row in rows:
        table.add_row(
            row.phrase, str(row.wrong), str(row.paired), _shapes(row.gold), _shapes(row.system)
        )
    return table


def _shapes(shapes: Counter[str]) -> str:
    return ", ".join(f"{shape} ×{count}" for shape, count in shapes.most_common(4))


def _per_document(seconds: float, documents: int) -> Decimal:
    return Decimal(repr(1000 * seconds / max(documents, 1))).quantize(Decimal("0.01"))


def print_table(table: Table) -> None:
    Console().print(table)


def _describe(timex: Timex | None) -> str:
    if timex is None:
        return "-"
    return f"{timex.text!r} {timex.type} {timex.value}"


def write_mismatches(named: Iterable[tuple[str, Counts]], path: Path) -> None:
    """One line per mismatch: file, gold, system, tab-separated."""
    lines = [
        f"{name}\t{_describe(gold)}\t{_describe(system)}"
        for name, counts in named
        for gold, system in counts.mismatches
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
