"""A small OpenAI-compatible model server on 127.0.0.1, started inside a test: `/v1/models` and
`/v1/chat/completions`, answered from what the test sets, with a record of what it received."""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FIRST_SOURCE = re.compile(r"^\[1\] \([^)]*\) (.+)$", re.MULTILINE)


def first_source(prompt: str) -> str:
    """A reply that restates the prompt's best-ranked source sentence."""
    match = FIRST_SOURCE.search(prompt)
    return match.group(1) if match else ""


class _Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:  # type: ignore[no-untyped-def]
        # A client that gave up (a timeout test) makes the late answer fail with a broken pipe. The
        # default handler prints that traceback on whatever sys.stderr is then: under load, the next
        # command a test captures, which then "prints a traceback" it never raised.
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class FakeServer:
    def __init__(
        self,
        reply: str | Callable[[str], str] = first_source,
        models: tuple[str, ...] = ("test",),
        status: int = 200,  # of every chat answer
        delay: float = 0.0,  # seconds before each chat answer
        stop_after: int | None = None,  # chat requests taken before the server stops listening
        max_model_len: int | None = None,
        port: int = 0,  # 0: any free port
    ) -> None:
        self.reply, self.models, self.status, self.delay = reply, models, status, delay
        self.stop_after, self.max_model_len = stop_after, max_model_len
        self.chats: list[dict] = []  # request bodies, in arrival order
        self.keys: list[str] = []  # Authorization headers received
        self.answered = 0
        self.in_flight = self.most_in_flight = 0
        self.lock = threading.Lock()
        _Server.allow_reuse_address = True  # a restarted server takes its old port
        self.httpd = _Server(("127.0.0.1", port), _handler(self))
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    @property
    def prompts(self) -> list[str]:
        return [c["messages"][-1]["content"] for c in self.chats]

    def __enter__(self) -> FakeServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:  # type: ignore[no-untyped-def]
        self.stop()

    def stop(self) -> None:
        if self.thread.is_alive():
            self.httpd.shutdown()
        self.httpd.server_close()


def _handler(fake: FakeServer):  # type: ignore[no-untyped-def]
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # type: ignore[no-untyped-def]
            pass

        def _send(self, status: int, body: dict) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            if self.path.rstrip("/") != "/v1/models":
                return self._send(404, {"error": {"message": "no such route"}})
            extra = {"max_model_len": fake.max_model_len} if fake.max_model_len else {}
            data = [{"id": m, "object": "model", "created": 0, "owned_by": "test", **extra} for m in fake.models]
            self._send(200, {"object": "list", "data": data})

        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
            with fake.lock:
                if fake.stop_after is not None and len(fake.chats) >= fake.stop_after:
                    threading.Thread(target=fake.stop, daemon=True).start()
                    self.close_connection = True
                    return  # the server went away mid-run: the connection closes unanswered
                fake.chats.append(body)
                fake.keys.append(self.headers.get("Authorization", ""))
                fake.in_flight += 1
                fake.most_in_flight = max(fake.most_in_flight, fake.in_flight)
            try:
                time.sleep(fake.delay)
                if body.get("model") not in fake.models:
                    return self._send(404, {"error": {"message": f"model {body.get('model')} not found"}})
                if fake.status != 200:
                    return self._send(fake.status, {"error": {"message": "internal error"}})
                prompt = body["messages"][-1]["content"]
                content = fake.reply(prompt) if callable(fake.reply) else fake.reply
                self._send(
                    200,
                    {
                        "id": "chatcmpl-1",
                        "object": "chat.completion",
                        "created": 0,
                        "model": body["model"],
                        "choices": [
                            {"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": content}}
                        ],
                        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                    },
                )
                with fake.lock:
                    fake.answered += 1
            finally:
                with fake.lock:
                    fake.in_flight -= 1

    return Handler
