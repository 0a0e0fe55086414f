"""The pytest plugin users get: ``bc_sandbox``, ``bc_api`` and the ``bc_sandbox`` marker.

Each case runs a small pytest session in a subprocess with entry-point plugins
off and ``-p bigcommerce.pytest_plugin``, so the result does not depend on
whether the package was pip-installed here.
"""
from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUN_TIMEOUT_S = 60

needs_real_store = pytest.mark.skipif(
    importlib.util.find_spec("bigcommerce.sandbox.store") is None,
    reason="bigcommerce.sandbox.store is not written yet",
)


def run_pytest(directory: Path, test_source: str, *args: str) -> subprocess.CompletedProcess:
    (directory / "test_user.py").write_text(test_source, encoding="utf-8")
    env = {
        **os.environ,
        "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    command = [sys.executable, "-m", "pytest", "-p", "bigcommerce.pytest_plugin", "-q", "-p", "no:cacheprovider", *args]
    return subprocess.run(
        command, cwd=directory, env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT_S
    )


def test_importing_the_plugin_loads_no_sandbox_or_client_module() -> None:
    code = (
        "import sys, bigcommerce.pytest_plugin as p; "
        "print(sorted(m for m in sys.modules if m.startswith('bigcommerce.sandbox')))"
    )
    # bigcommerce/__init__ is the lead's: only the plugin's own imports are checked here.
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=RUN_TIMEOUT_S,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


@needs_real_store
def test_bc_sandbox_fixture_runs_a_store_and_stops_it_after_the_test(tmp_path: Path) -> None:
    source = '''
import pytest, requests

SEEN = []

@pytest.mark.bc_sandbox(products=7, quota=50)
def test_uses_the_sandbox(bc_sandbox):
    SEEN.append(bc_sandbox)
    assert bc_sandbox.running and bc_sandbox.base_url.startswith("http://127.0.0.1:")
    assert bc_sandbox.max_lifetime_s == 123.0
    r = requests.get(bc_sandbox.api_url + "/products/count",
                     headers={"X-Auth-Token": bc_sandbox.access_token}, timeout=5)
    assert r.json() == {"count": 7}
    assert r.headers["X-Rate-Limit-Requests-Quota"] == "50"

def test_the_previous_sandbox_was_stopped(bc_sandbox):
    assert not SEEN[0].running
    assert bc_sandbox is not SEEN[0] and bc_sandbox.running
'''
    (tmp_path / "pytest.ini").write_text("[pytest]\nbc_sandbox_max_lifetime_s = 123\nbc_sandbox_products = 2\n")
    result = run_pytest(tmp_path, source)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout


@needs_real_store
def test_marker_on_the_test_wins_over_the_module_marker(tmp_path: Path) -> None:
    source = '''
import pytest
pytestmark = pytest.mark.bc_sandbox(products=3, latency_ms=5)

@pytest.mark.bc_sandbox(products=1)
def test_closest_marker_wins(bc_sandbox):
    assert len(bc_sandbox.store.dump()["products"]) == 1
    assert bc_sandbox.app.latency_ms == 5
'''
    result = run_pytest(tmp_path, source)
    assert result.returncode == 0, result.stdout + result.stderr


def test_marker_is_registered_for_strict_markers(tmp_path: Path) -> None:
    source = '''
import pytest

@pytest.mark.bc_sandbox(products=1)
def test_nothing():
    pass
'''
    result = run_pytest(tmp_path, source, "--strict-markers")
    assert result.returncode == 0, result.stdout + result.stderr


@needs_real_store
def test_bc_api_is_a_client_bound_to_the_sandbox(tmp_path: Path) -> None:
    source = '''
def test_client(bc_api, bc_sandbox):
    from bigcommerce.api import BigcommerceApi
    assert isinstance(bc_api, BigcommerceApi)
    assert bc_api.Products.count() == bc_sandbox.store.dump()["products"].__len__()
'''
    result = run_pytest(tmp_path, source)
    assert result.returncode == 0, result.stdout + result.stderr
