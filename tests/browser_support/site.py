"""Build the bundled example (or any project) into a folder, and serve a folder on 127.0.0.1."""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]

#: The example's history reads the same on any day from this date until the next version takes effect.
EXAMPLE_AS_OF = "2026-12-01"


def build_site(project: Path, target: Path, *, as_of: str = EXAMPLE_AS_OF) -> Path:
    """Run ``statement build`` for ``project`` into ``target`` (committed text only) and return ``target``."""
    command = [
        sys.executable, "-c", "from generator.cli import main; main()",
        "build", "--as-of", as_of, "--committed-only", "--quiet", "--site-dir", str(target),
    ]
    result = subprocess.run(command, cwd=project, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"statement build failed:\n{result.stdout}\n{result.stderr}")
    return target


class _Handler(http.server.SimpleHTTPRequestHandler):
    # A static host: Markdown sources are text in UTF-8, like on GitHub Pages or Netlify.
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".md": "text/markdown; charset=utf-8"}

    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        pass


class QuietHTTPServer(http.server.ThreadingHTTPServer):
    """A threading HTTP server that lets the browser hang up without printing a traceback (it
    closes connections it no longer needs); any other error in a handler is reported as usual."""

    def handle_error(self, request: object, client_address: object) -> None:
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError, ConnectionAbortedError)):
            return
        super().handle_error(request, client_address)


@dataclass
class StaticServer:
    """A folder served over HTTP on 127.0.0.1 on a free port, in a background thread."""

    root: Path
    httpd: http.server.ThreadingHTTPServer
    thread: threading.Thread

    @property
    def url(self) -> str:
        """Base URL with a trailing slash."""
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}/"

    def stop(self) -> None:
        """Shut the server down and wait for its thread."""
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


def serve(root: Path) -> StaticServer:
    """Start serving ``root``; call ``stop()`` when done."""
    handler = functools.partial(_Handler, directory=str(root))
    httpd = QuietHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, name="static-site", daemon=True)
    thread.start()
    return StaticServer(root, httpd, thread)
