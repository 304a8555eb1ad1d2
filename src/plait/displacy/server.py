"""A tiny local web server for the visualizer (standard library only)."""

from __future__ import annotations

import http.server
from collections.abc import Mapping
from typing import Any

from ..errors import Errors, InputError

MAX_PORT_TRIES = 50


def make_server(
    markup: str, port: int = 5000, host: str = "127.0.0.1", auto_select_port: bool = False
) -> http.server.HTTPServer:
    """A server answering every GET with `markup` (not started: call `serve_forever()`).

    Raises E506 when the port is taken (with `auto_select_port=True`, the next free port
    is used; `server.server_address` says which).
    """
    body = markup.encode("utf8")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            return

    tries = MAX_PORT_TRIES if auto_select_port else 1
    error: OSError | None = None
    for candidate in range(port, port + tries):
        try:
            return http.server.HTTPServer((host, candidate), Handler)
        except OSError as e:
            error = e
    raise InputError(Errors.E506.format(host=host, port=port, error=error)) from error


def serve(
    docs: Any,
    style: str = "dep",
    page: bool = True,
    minify: bool = False,
    options: Mapping[str, Any] | None = None,
    manual: bool = False,
    port: int = 5000,
    host: str = "127.0.0.1",
    auto_select_port: bool = False,
) -> None:
    """Render `docs` and show them at http://host:port until interrupted (Ctrl-C)."""
    from . import render  # the function; imported here as the package imports this module

    markup = render(docs, style=style, page=page, minify=minify, options=options, manual=manual)
    server = make_server(markup, port=port, host=host, auto_select_port=auto_select_port)
    address, used_port = server.server_address[:2]
    print(f"Serving the '{style}' visualization on http://{address}:{used_port} (Ctrl-C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print(f"Shutting down the server on port {used_port}.")
    finally:
        server.server_close()
