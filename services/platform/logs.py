"""One log format for every service: JSON lines (python-json-logger) naming the service,
and the request id and article_id when the line is about one.

The request id and the article being handled live in context variables, set where a request
or a record starts; a filter copies them onto every log record made inside, so no call site
has to pass them along.
"""

from __future__ import annotations

import logging
import sys
from contextvars import ContextVar
from pathlib import Path
from typing import IO

from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.json import JsonFormatter
from rich.logging import RichHandler

request_id: ContextVar[str | None] = ContextVar("request_id", default=None)
article_id: ContextVar[str | None] = ContextVar("article_id", default=None)

# Fields every line has, in this order; extras (partition, offset...) follow them.
FIELDS = ("levelname", "name", "message")
RENAMED = {"levelname": "level", "name": "logger"}
# Python 3.12 adds taskName to every record; it says nothing a reader needs.
RESERVED = ("taskName",)


class ContextFields(logging.Filter):
    """Copies the current request id and article_id onto the record, when there are."""

    def filter(self, record: logging.LogRecord) -> bool:
        for name, var in (("request_id", request_id), ("article_id", article_id)):
            value = var.get()
            if value is not None and not hasattr(record, name):
                setattr(record, name, value)
        return True


def json_formatter(service: str) -> JsonFormatter:
    return JsonFormatter(
        list(FIELDS),
        rename_fields=RENAMED,
        static_fields={"service": service},
        reserved_attrs=[*RESERVED_ATTRS, *RESERVED],
        timestamp="time",
        json_ensure_ascii=False,
    )


def json_handler(service: str, stream: IO[str] | None = None) -> logging.Handler:
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(json_formatter(service))
    handler.addFilter(ContextFields())
    return handler


def _install(level: str, *handlers: logging.Handler) -> None:
    root = logging.getLogger()
    for replaced in set(root.handlers) - set(handlers):
        if isinstance(replaced, logging.FileHandler):
            replaced.close()  # configured twice in one process: the old file stays open
    root.handlers[:] = list(handlers)
    root.setLevel(level)
    # Library warnings (DeprecationWarning and the like) become log lines, not stray text.
    logging.captureWarnings(capture=True)


def configure_logging(service: str, level: str = "INFO") -> None:
    """Every logger's records as JSON lines on stderr, stamped with `service`."""
    _install(level, json_handler(service))


def configure_console_logging(service: str, level: str, log_file: Path) -> None:
    """For commands a person watches: JSON lines go to `log_file`; only warnings and errors
    reach the console, as readable text."""
    log_file.parent.mkdir(parents=True, exist_ok=True)
    to_file = logging.FileHandler(log_file, encoding="utf-8")
    to_file.setFormatter(json_formatter(service))
    to_file.addFilter(ContextFields())
    console = RichHandler(level=logging.WARNING, show_path=False, markup=False)
    _install(level, to_file, console)
