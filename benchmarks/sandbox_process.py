"""A sandbox store in its own process, so the client under test does not share its GIL.

Run as ``python benchmarks/sandbox_process.py '{"products": 20000, ...}'``: prints
one JSON line with the base URL and credentials, then serves until its standard
input closes (the benchmark exits) or ``max_lifetime_s`` passes.
"""
from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

CREDENTIALS = {
    "store_hash": "bench",
    "client_id": "bench-client",
    "access_token": "bench-token",
    "username": "bench",
    "api_token": "bench-api-token",
}
DEFAULT_LIFETIME_S = 1800.0


def serve(options: dict[str, Any]) -> None:
    from bigcommerce.sandbox import Sandbox

    options.setdefault("max_lifetime_s", DEFAULT_LIFETIME_S)
    options.setdefault("customers", 0)
    options.setdefault("orders", 0)
    with Sandbox(**options, **CREDENTIALS) as sb:
        print(json.dumps({"base_url": sb.base_url, **CREDENTIALS}), flush=True)
        sys.stdin.read()  # returns when the parent closes the pipe or exits


class SandboxProcess:
    """Starts ``serve`` in a child process; ``with SandboxProcess(products=...) as info:``."""

    def __init__(self, **options: Any) -> None:
        self.options = options
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> dict[str, Any]:
        self.process = subprocess.Popen(
            [sys.executable, __file__, json.dumps(self.options)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError("the sandbox process did not start")
        return json.loads(line)

    def __exit__(self, *exc: object) -> None:
        assert self.process is not None
        if self.process.stdin:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


if __name__ == "__main__":
    serve(json.loads(sys.argv[1]))
