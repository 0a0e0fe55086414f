"""``python -m bigcommerce sandbox``: options, the banner, and a clean Ctrl-C."""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Callable

import pytest
import requests

from bigcommerce.sandbox import Sandbox
from bigcommerce.sandbox.cli import build_parser, describe, parse_quota

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 20.0
EXIT_TIMEOUT_S = 10.0
MakeSandbox = Callable[..., Sandbox]

needs_real_store = pytest.mark.skipif(
    importlib.util.find_spec("bigcommerce.sandbox.store") is None,
    reason="bigcommerce.sandbox.store is not written yet",
)


@pytest.mark.parametrize(
    "text, expected",
    [("150/30s", (150, 30_000)), ("150/30000ms", (150, 30_000)), ("10/2s", (10, 2_000)), ("5/1500", (5, 1_500)),
     ("1/0.5s", (1, 500))],
)
def test_quota_option_accepts_seconds_and_milliseconds(text: str, expected: tuple[int, int]) -> None:
    assert parse_quota(text) == expected


@pytest.mark.parametrize("text", ["", "abc", "10/", "/30s", "10/0s", "10/30m", "-1/30s"])
def test_quota_option_refuses_nonsense(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError):
        parse_quota(text)


def test_defaults_bind_loopback_on_a_free_port() -> None:
    args = build_parser().parse_args([])
    assert (args.host, args.port, args.products, args.quota, args.latency_ms) == ("127.0.0.1", 0, 500, None, 0.0)


def test_banner_gives_paste_ready_credentials(make_sandbox: MakeSandbox) -> None:
    sb = make_sandbox(quota=150, window_ms=30_000)
    banner = describe(sb)
    assert sb.base_url in banner
    assert f"access_token={sb.access_token!r}" in banner and f"client_id={sb.client_id!r}" in banner
    assert f"basic_auth=({sb.username!r}, {sb.api_token!r})" in banner
    assert "150 requests / 30000 ms" in banner


# -- the real thing, in a subprocess ------------------------------------------------
def cli_command(*args: str) -> list[str]:
    """``python -m bigcommerce sandbox`` once the package has a __main__, else the module itself."""
    if (ROOT / "bigcommerce" / "__main__.py").exists():
        return [sys.executable, "-m", "bigcommerce", "sandbox", *args]
    return [sys.executable, "-m", "bigcommerce.sandbox.cli", *args]


class RunningCli:
    """A sandbox CLI subprocess whose output is read in the background, with bounded waits."""

    def __init__(self, *args: str) -> None:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
        self.process = subprocess.Popen(
            cli_command(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.stdout: list[str] = []
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)

    def banner(self) -> str:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                if self.process.poll() is not None:
                    break
                continue
            self.stdout.append(line)
            if "Ctrl-C" in line:
                return "".join(self.stdout)
        self.kill()
        raise AssertionError(f"no banner; stderr: {self.process.stderr.read() if self.process.stderr else ''}")

    def stop(self, sig: int) -> tuple[int, str]:
        self.process.send_signal(sig)
        try:
            _, stderr = self.process.communicate(timeout=EXIT_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            self.kill()
            raise AssertionError("the CLI did not exit after the signal") from None
        return self.process.returncode, stderr

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(EXIT_TIMEOUT_S)


@pytest.fixture
def run_cli() -> Iterator[Callable[..., RunningCli]]:
    started: list[RunningCli] = []

    def launch(*args: str) -> RunningCli:
        cli = RunningCli(*args, "--max-lifetime-s", "60")
        started.append(cli)
        return cli

    yield launch
    for cli in started:
        cli.kill()


def pasted_oauth(banner: str) -> dict[str, str]:
    """The OAuth arguments as printed in the banner."""
    found = dict(re.findall(r"(host|client_id|store_hash|access_token)='([^']*)'", banner))
    assert set(found) == {"host", "client_id", "store_hash", "access_token"}, banner
    return found


@needs_real_store
def test_cli_serves_until_ctrl_c_and_exits_cleanly(run_cli: Callable[..., RunningCli]) -> None:
    cli = run_cli("--products", "3", "--customers", "0", "--orders", "0", "--quota", "10/2s", "--verbose")
    creds = pasted_oauth(cli.banner())
    assert creds["host"].startswith("http://127.0.0.1:")
    response = requests.get(
        f"{creds['host']}/stores/{creds['store_hash']}/v2/products/count",
        headers={"X-Auth-Token": creds["access_token"], "X-Auth-Client": creds["client_id"]},
        timeout=5,
    )
    assert response.status_code == 200 and response.json()["count"] == 3
    assert response.headers["X-Rate-Limit-Requests-Quota"] == "10"
    assert response.headers["X-Rate-Limit-Time-Window-Ms"] == "2000"
    code, stderr = cli.stop(signal.SIGINT)
    assert code == 0
    assert "Traceback" not in stderr
    assert "GET /stores/" in stderr and "-> 200" in stderr  # --verbose logs each request


@needs_real_store
def test_cli_stops_cleanly_on_sigterm_too(run_cli: Callable[..., RunningCli]) -> None:
    cli = run_cli("--products", "0", "--customers", "0", "--orders", "0")
    cli.banner()
    code, stderr = cli.stop(signal.SIGTERM)
    assert code == 0 and "Traceback" not in stderr


@needs_real_store
def test_cli_loads_a_seed_file(run_cli: Callable[..., RunningCli], tmp_path: Path) -> None:
    seed = tmp_path / "seed.json"
    with Sandbox(products=4, customers=0, orders=0, max_lifetime_s=30) as source:
        seed.write_text(json.dumps(source.store.dump()), encoding="utf-8")
    cli = run_cli("--seed", str(seed))
    creds = pasted_oauth(cli.banner())
    response = requests.get(
        f"{creds['host']}/stores/{creds['store_hash']}/v2/products/count",
        headers={"X-Auth-Token": creds["access_token"]},
        timeout=5,
    )
    assert response.json()["count"] == 4
    assert cli.stop(signal.SIGINT)[0] == 0
