"""A feed server for tests: files of a folder over HTTP on 127.0.0.1 (a free port), with
ETag and Last-Modified, answering 304 to a request that repeats them."""

from __future__ import annotations

import contextlib
import hashlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

LAST_MODIFIED = "Mon, 15 Dec 2025 12:00:00 GMT"


@dataclass
class FeedServer:
    folder: Path
    base: str = ""
    requests: list[tuple[str, int]] = field(default_factory=list)  # (path, status answered)

    def url(self, name: str) -> str:
        return f"{self.base}/{name}"


def etag_of(content: bytes) -> str:
    return '"' + hashlib.sha256(content).hexdigest()[:16] + '"'


def handler_for(server: FeedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = server.folder / self.path.lstrip("/")
            if not path.is_file():
                self._answer(404)
                return
            content = path.read_bytes()
            tag = etag_of(content)
            if self.headers.get("If-None-Match") == tag or (
                self.headers.get("If-Modified-Since") == LAST_MODIFIED
                and "If-None-Match" not in self.headers
            ):
                self._answer(304, etag=tag)
                return
            self._answer(200, content, etag=tag)

        def _answer(self, status: int, body: bytes = b"", etag: str | None = None) -> None:
            server.requests.append((self.path, status))
            self.send_response(status)
            if etag:
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", LAST_MODIFIED)
            if status == 200:
                self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: the tests read `requests` instead."""

    return Handler


@contextlib.contextmanager
def serving(folder: Path) -> Iterator[FeedServer]:
    feeds = FeedServer(folder)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(feeds))
    feeds.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield feeds
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)
