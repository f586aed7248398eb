"""Error replies shared by the services: short 422s and honest 503s.

A 422 names the field and the reason and quotes at most a short excerpt of what was sent
(FastAPI's default echoes the whole input back, a 50 MB body included). A 503 says what
to do and when, never which broker or which exception: those go to the log.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

EXCERPT_CHARS = 80


def printable(text: str) -> str:
    """Text that has a UTF-8 form: a lone surrogate sent as JSON ("\\ud800") becomes '?'
    instead of failing the reply that quotes it."""
    return text if text.isascii() else text.encode("utf-8", "replace").decode()


def excerpt(value: Any) -> Any:
    """Scalars as they are, strings cut to EXCERPT_CHARS, containers by their kind only
    (quoting them could mean quoting megabytes, or recursing a thousand levels)."""
    if isinstance(value, str):
        cut = value if len(value) <= EXCERPT_CHARS else value[:EXCERPT_CHARS] + "…"
        return printable(cut)
    if value is None or isinstance(value, bool | int | float):
        return value
    return f"({type(value).__name__})"


def short_error(error: dict[str, Any]) -> dict[str, Any]:
    loc = [printable(part) if isinstance(part, str) else part for part in error["loc"]]
    out = {"type": error["type"], "loc": loc, "msg": printable(str(error["msg"]))}
    if "input" in error:
        out["input"] = excerpt(error["input"])
    return out


async def validation_problem(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return JSONResponse({"detail": [short_error(e) for e in exc.errors()]}, status_code=422)


async def unreadable_body(request: Request, exc: Exception) -> Response:
    """FastAPI answers a body it cannot decode (not UTF-8) with a bare 400; say which
    part of the request is wrong and why, as every other refusal does."""
    assert isinstance(exc, HTTPException)
    if exc.status_code == 400 and isinstance(exc.__cause__, UnicodeDecodeError):
        return field_problem(["body"], "is not valid UTF-8 JSON")
    return await http_exception_handler(request, exc)


def install_error_replies(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, validation_problem)
    app.add_exception_handler(HTTPException, unreadable_body)


def field_problem(loc: list[str], msg: str, status_code: int = 422) -> JSONResponse:
    """A 4xx in the same shape as FastAPI's validation errors."""
    detail = [{"type": "value_error", "loc": loc, "msg": msg}]
    return JSONResponse({"detail": detail}, status_code=status_code)


def retry_later(detail: str, retry_after_s: int) -> JSONResponse:
    return JSONResponse(
        {"detail": detail},
        status_code=503,
        headers={"Retry-After": str(retry_after_s)},
    )
