"""A request id for every HTTP request: the client's X-Request-ID when it sends a usable
one, else a new one; echoed in the response and stamped on every log line of the request."""

from __future__ import annotations

import re
import uuid

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from services.platform.logs import request_id

HEADER = "x-request-id"
# Ids from clients end up in log lines: keep them short and free of odd characters.
USABLE = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


def incoming_id(scope: Scope) -> str:
    for name, value in scope.get("headers", []):
        if name == HEADER.encode():
            text = bytes(value).decode("latin-1")
            if USABLE.match(text):
                return text
    return uuid.uuid4().hex


class RequestIds:
    """Pure ASGI middleware, so streamed responses (SSE) pass through untouched."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        current = incoming_id(scope)
        token = request_id.set(current)

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message)[HEADER] = current
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            request_id.reset(token)
