"""`make preview`: serve the book on http://127.0.0.1:8000, rebuild it when a source changes, reload the browser.

Each rebuild is the same all-or-nothing build as `make book` (notorious/build/state.py), in its own folder
(``_build/preview``) and without the PDF: while it runs, the last good site is served; when it succeeds, every open
page reloads; when it fails, every page shows the build's error instead of a stale page, until a rebuild succeeds.

The reload is a small snippet (``policy.PREVIEW_RELOAD``) the server adds to each page it serves. It asks
``/_preview/state`` every 0.7 s and reloads when the answer changes. Preview builds allow it in their
Content-Security-Policy; `make book` never does, so it cannot run on the published site.
"""

from __future__ import annotations

import argparse
import html
import http.server
import importlib.util
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..paths import ROOT
from ..site.policy import META, POLICY, PREVIEW_RELOAD, sha256

BUILD_DIR = ROOT / "_build" / "preview"
FLAGS = ["-W", "-n", "--keep-going"]
SNIPPET = f"<script>{PREVIEW_RELOAD}</script>"
ERROR_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
{policy}
<meta charset="utf-8">
<title>{title}</title>
<style>body {{ font: 16px/1.5 system-ui, sans-serif; margin: 2rem; }} pre {{ white-space: pre-wrap; }}</style>
</head>
<body>
<h1>{title}</h1>
<p>{lead}</p>
<pre>{output}</pre>
{snippet}
</body>
</html>
"""


def _buildstate():
    """notorious/build/state.py, which is a script (it imports nothing of the package)."""
    spec = importlib.util.spec_from_file_location("notorious_buildstate", Path(__file__).with_name("state.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class State:
    """What the server tells the browser: the site's generation, and the error of the last build if it failed."""

    generation: int = 0
    error: str | None = None
    building: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)

    def token(self) -> str:
        with self.lock:
            return f"{self.generation}:{'failed' if self.error else 'ok'}"

    def succeeded(self) -> None:
        with self.lock:
            self.generation += 1
            self.error = None

    def failed(self, error: str) -> None:
        with self.lock:
            self.generation += 1
            self.error = error


def error_page(title: str, lead: str, output: str) -> bytes:
    policy = META.format(policy=POLICY.format(hashes=sha256(PREVIEW_RELOAD)))
    page = ERROR_PAGE.format(
        policy=policy, title=html.escape(title), lead=html.escape(lead), output=html.escape(output), snippet=SNIPPET
    )
    return page.encode("utf-8")


def site_folder(build_dir: Path) -> Path | None:
    """The site to serve: the published one, or the one set aside for the moment a new one takes its place."""
    for folder in (build_dir / "html", build_dir / "aside" / "html"):
        if folder.is_dir():
            return folder
    return None


def handler_for(state: State, build_dir: Path):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def translate_path(self, path):
            folder = site_folder(build_dir)
            self.directory = str(folder) if folder else str(build_dir)
            return super().translate_path(path)

        def end_headers(self):
            self.send_header("Cache-Control", "no-store")
            super().end_headers()

        def do_GET(self):
            path = self.path.split("?", 1)[0].split("#", 1)[0]
            if path == "/_preview/state":
                return self._send(200, state.token().encode(), "text/plain; charset=utf-8")
            page = path.endswith((".html", "/"))
            if page and state.error:
                body = error_page(
                    "The book did not build",
                    "The last rebuild failed; this page reloads when a rebuild succeeds. What the build said:",
                    state.error,
                )
                return self._send(500, body, "text/html; charset=utf-8")
            folder = site_folder(build_dir)
            if folder is None:
                body = error_page("Building the book", "The first build is running; this page reloads when done.", "")
                return self._send(503, body, "text/html; charset=utf-8")
            target = Path(self.translate_path(path))
            if target.is_dir():
                target = target / "index.html"
            if page and target.is_file():
                text = target.read_text(encoding="utf-8")
                text = text.replace("</body>", SNIPPET + "\n</body>", 1) if "</body>" in text else text + SNIPPET
                return self._send(200, text.encode("utf-8"), "text/html; charset=utf-8")
            return super().do_GET()

        def _send(self, status: int, body: bytes, kind: str):
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


def serve(state: State, build_dir: Path, port: int) -> http.server.ThreadingHTTPServer:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler_for(state, build_dir))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def rebuild(state: State, build_dir: Path, buildstate, flags: list[str]) -> None:
    """One preview build; its failure, with what the build printed, becomes the state's error."""
    state.building = True
    try:
        output: list[str] = []
        buildstate.build(build_dir, flags, pdf=False, preview=True, output=output)
        state.succeeded()
    except buildstate.BuildFailed as failure:
        state.failed(f"{failure}\n\n" + "".join(output[-300:]))
    finally:
        state.building = False


def watch(state: State, build_dir: Path, interval: float = 0.7) -> None:
    """Build, then build again whenever an input's content changes."""
    buildstate = _buildstate()
    built = None
    while True:
        current = buildstate.snapshot()
        if current != built:
            built = current
            print("--- building the preview", flush=True)
            rebuild(state, build_dir, buildstate, FLAGS)
            print(f"--- {'failed: ' + state.error.splitlines()[0] if state.error else 'ready'}", flush=True)
        time.sleep(interval)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    state = State()
    serve(state, BUILD_DIR, args.port)
    print(f"serving the book on http://127.0.0.1:{args.port}/ (rebuilt when a source changes; Ctrl-C stops)")
    try:
        watch(state, BUILD_DIR)
    except KeyboardInterrupt:
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
