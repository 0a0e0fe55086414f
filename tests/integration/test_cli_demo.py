"""``python -m bigcommerce``: the demo walk-through, the foreground sandbox, and usage errors, as subprocesses."""
from __future__ import annotations

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
from typing import IO

import pytest

from bigcommerce.api import BigcommerceApi

ROOT = Path(__file__).resolve().parents[2]
DEMO_TIMEOUT_S = 120
CLI_TIMEOUT_S = 30
STARTUP_TIMEOUT_S = 30


def run_cli(*args: str, timeout: float = CLI_TIMEOUT_S) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bigcommerce", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout, env={**os.environ, "PYTHONUNBUFFERED": "1"})


# -- the demo ---------------------------------------------------------------------------------------


def test_the_demo_exits_0_and_says_every_step_behaved_as_documented() -> None:
    done = subprocess.run([sys.executable, "-m", "bigcommerce", "demo"], cwd=ROOT, capture_output=True,
                          text=True, timeout=DEMO_TIMEOUT_S)

    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "All steps behaved as documented" in done.stdout
    assert "DEMO FAILED" not in done.stdout
    assert "Traceback" not in done.stderr
    assert re.search(r"Sandbox store running at http://127\.0\.0\.1:\d+", done.stdout)
    steps = re.findall(r"^(\d+)\. ", done.stdout, re.M)
    assert [int(n) for n in steps] == list(range(1, len(steps) + 1)) and len(steps) >= 10


# -- usage --------------------------------------------------------------------------------------------


def test_no_command_prints_the_usage_and_exits_2() -> None:
    done = run_cli()

    assert done.returncode == 2
    assert "usage: python -m bigcommerce COMMAND" in done.stdout + done.stderr


def test_an_unknown_command_is_named_and_exits_2() -> None:
    done = run_cli("frobnicate")

    assert done.returncode == 2
    assert "unknown command 'frobnicate'" in done.stderr
    assert "usage:" in done.stderr


@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_help_prints_the_usage_and_exits_0(flag: str) -> None:
    done = run_cli(flag)

    assert done.returncode == 0
    assert "demo" in done.stdout and "sandbox" in done.stdout


def test_a_bad_sandbox_option_exits_2_with_argparses_message() -> None:
    done = run_cli("sandbox", "--quota", "lots")

    assert done.returncode == 2
    assert "quota must look like 150/30s" in done.stderr


# -- the sandbox in the foreground, as the README starts it ---------------------------------------------


def readme_sandbox_command() -> list[str]:
    text = (ROOT / "README.rst").read_text(encoding="utf-8")
    line = next(line.strip() for line in text.splitlines() if line.strip().startswith("python -m bigcommerce sandbox"))
    return line.split()


def lines_of(stream: IO[str]) -> queue.Queue[str | None]:
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        for line in stream:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    return lines


@pytest.fixture
def foreground_sandbox() -> Iterator[tuple[subprocess.Popen[str], queue.Queue[str | None], str]]:
    command = readme_sandbox_command()
    assert command[:4] == ["python", "-m", "bigcommerce", "sandbox"]
    proc = subprocess.Popen([sys.executable, *command[1:], "--max-lifetime-s", "60"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    lines = lines_of(proc.stdout)  # type: ignore[arg-type]
    banner = ""
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    try:
        while "Press Ctrl-C to stop." not in banner:
            line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
            assert line is not None, f"the sandbox exited early: {proc.stderr.read()}"  # type: ignore[union-attr]
            banner += line
        yield proc, lines, banner
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=10)


def test_the_readme_sandbox_command_serves_the_printed_credentials_until_ctrl_c(
    foreground_sandbox: tuple[subprocess.Popen[str], queue.Queue[str | None], str],
) -> None:
    proc, lines, banner = foreground_sandbox
    oauth = re.search(r"BigcommerceApi\(host='([^']+)', client_id='([^']+)',\s+store_hash='([^']+)', "
                      r"access_token='([^']+)'\)", banner)
    basic = re.search(r"basic_auth=\('([^']+)', '([^']+)'\)", banner)
    assert oauth and basic, banner
    host, client_id, store_hash, access_token = oauth.groups()
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+", host)
    assert "rate limit : 150 requests / 30000 ms" in banner

    api = BigcommerceApi(host=host, client_id=client_id, store_hash=store_hash, access_token=access_token)
    basic_api = BigcommerceApi(host=host, basic_auth=basic.groups())

    assert api.Products.count() == 500
    assert basic_api.Products.count() == 500
    assert api.connection.rate_limit["requests_quota"] == 150

    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=15) == 0
    rest = ""
    while (line := lines.get(timeout=5)) is not None:
        rest += line
    assert "sandbox stopped" in rest
