"""Scripted and random faults: what a client's retry logic will be tested against."""
from __future__ import annotations

import re
import socket
import threading
import time
from typing import Callable

import pytest
import requests

from bigcommerce.sandbox import FaultInjector, FaultRule, Sandbox

TIMEOUT_S = 5
MakeSandbox = Callable[..., Sandbox]


def headers(sb: Sandbox) -> dict[str, str]:
    return {"X-Auth-Token": sb.access_token}


def get(sb: Sandbox, path: str, session: requests.Session | None = None, **kwargs: object) -> requests.Response:
    kwargs.setdefault("timeout", TIMEOUT_S)
    return (session or requests).get(f"{sb.api_url}/{path}", headers=headers(sb), **kwargs)  # type: ignore[arg-type]


# -- matching (no server) --------------------------------------------------------
def test_path_is_a_segment_prefix_of_the_v2_path() -> None:
    rule = FaultRule(path="/products.json")
    assert rule.matches("GET", "products", {})
    assert rule.matches("GET", "products/5/images", {})
    assert not rule.matches("GET", "product_reviews", {})
    assert not rule.matches("GET", "orders/1/products", {})


def test_a_compiled_pattern_is_searched_in_the_path() -> None:
    rule = FaultRule(path=re.compile(r"^products/\d+$"))
    assert rule.matches("GET", "products/12", {})
    assert not rule.matches("GET", "products/12/skus", {})


def test_method_and_query_must_match() -> None:
    rule = FaultRule(method="post", query={"page": 3})
    assert rule.matches("POST", "x", {"page": "3", "limit": "250"})
    assert not rule.matches("GET", "x", {"page": "3"})
    assert not rule.matches("POST", "x", {"page": "4"})
    assert not rule.matches("POST", "x", {})


def test_skip_lets_the_first_matches_through_then_times_limits() -> None:
    faults = FaultInjector()
    rule = faults.add(FaultRule(status=500, skip=2, times=2))
    picked = [faults.pick("GET", "products", {}) for _ in range(6)]
    assert [p is rule for p in picked] == [False, False, True, True, False, False]
    assert rule.fired == 2 and faults.rules == []


def test_times_none_fires_forever_and_clear_removes_it() -> None:
    faults = FaultInjector()
    rule = faults.add(FaultRule(kind="drop", times=None))
    assert all(faults.pick("GET", "p", {}) is rule for _ in range(50))
    faults.clear()
    assert faults.pick("GET", "p", {}) is None


def test_rules_are_checked_in_order_and_first_match_wins() -> None:
    faults = FaultInjector()
    narrow = faults.add(FaultRule(status=502, path="products/1"))
    broad = faults.add(FaultRule(status=503))
    assert faults.pick("GET", "products/1", {}) is narrow
    assert faults.pick("GET", "products/1", {}) is broad


def test_rules_are_consumed_exactly_once_under_concurrency() -> None:
    faults = FaultInjector()
    rule = faults.add(FaultRule(status=503, times=25))
    hits: list[FaultRule | None] = []
    lock = threading.Lock()

    def worker() -> None:
        for _ in range(20):
            picked = faults.pick("GET", "products", {})
            with lock:
                hits.append(picked)

    threads = [threading.Thread(target=worker) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(1 for h in hits if h is rule) == 25 and rule.fired == 25


@pytest.mark.parametrize(
    "options",
    [{"kind": "explode"}, {"kind": "redirect"}, {"times": -1}, {"skip": -1}],
)
def test_invalid_rules_are_refused(options: dict) -> None:
    with pytest.raises(ValueError):
        FaultRule(**options)


# -- each kind over HTTP ---------------------------------------------------------
def test_status_fault_answers_once_then_the_store_serves(sandbox: Sandbox) -> None:
    sandbox.faults.add(FaultRule(kind="status", status=503, method="GET", path="products", times=1))
    first, second = get(sandbox, "products/1"), get(sandbox, "products/1")
    assert first.status_code == 503
    assert first.json() == [{"status": 503, "message": "Service Unavailable"}]
    assert "X-Rate-Limit-Requests-Left" in first.headers
    assert second.status_code == 200
    assert len(sandbox.store.calls) == 1  # the faulted request never reached the store


def test_status_fault_with_an_html_body(sandbox: Sandbox) -> None:
    sandbox.faults.add(FaultRule(status=502, body=b"<html>Bad gateway</html>", content_type="text/html"))
    response = get(sandbox, "products")
    assert response.status_code == 502
    assert response.headers["Content-Type"] == "text/html"
    assert response.text == "<html>Bad gateway</html>"


def test_scripted_429_carries_the_given_reset_and_a_retry_after(sandbox: Sandbox) -> None:
    sandbox.faults.add(FaultRule(status=429, headers={"X-Rate-Limit-Time-Reset-Ms": "50"}, times=3))
    responses = [get(sandbox, "products") for _ in range(4)]
    assert [r.status_code for r in responses] == [429, 429, 429, 200]
    assert responses[0].headers["X-Rate-Limit-Time-Reset-Ms"] == "50"
    assert responses[0].headers["X-Retry-After"] == "1"


def test_bare_fault_has_no_rate_limit_headers(sandbox: Sandbox) -> None:
    sandbox.faults.add(FaultRule(status=429, bare=True))
    response = get(sandbox, "products")
    assert response.status_code == 429
    assert not any(name.startswith("X-Rate-Limit") for name in response.headers)


def test_drop_closes_without_processing_only_the_matching_page(sandbox: Sandbox) -> None:
    sandbox.faults.add(FaultRule(kind="drop", path="products", query={"page": "3"}, times=1))
    with requests.Session() as session:
        assert get(sandbox, "products", session, params={"page": 2, "limit": 5}).status_code == 200
        with pytest.raises(requests.ConnectionError):
            get(sandbox, "products", session, params={"page": 3, "limit": 5})
        assert get(sandbox, "products", session, params={"page": 3, "limit": 5}).status_code == 200
    assert [call[2].get("page") for call in sandbox.store.calls] == ["2", "3"]
    assert sandbox.stats.by_status[0] == 1


def test_drop_after_processes_the_create_then_closes(sandbox: Sandbox) -> None:
    sandbox.faults.add(FaultRule(kind="drop_after", method="POST", path="products", times=1))
    before = len(sandbox.store.products)
    with pytest.raises(requests.ConnectionError):
        requests.post(f"{sandbox.api_url}/products", json={"name": "Ghost"}, headers=headers(sandbox),
                      timeout=TIMEOUT_S)
    assert len(sandbox.store.products) == before + 1
    assert any(p["name"] == "Ghost" for p in sandbox.store.products.values())


def test_hang_answers_nothing_until_the_client_times_out(sandbox: Sandbox) -> None:
    sandbox.faults.add(FaultRule(kind="hang", times=1))
    started = time.monotonic()
    with pytest.raises(requests.ReadTimeout):
        get(sandbox, "products", timeout=0.4)
    assert 0.35 <= time.monotonic() - started < 2
    assert get(sandbox, "products").status_code == 200  # the next request is served
    assert sandbox.store.calls[0][1] == "products" and len(sandbox.store.calls) == 1


def test_hang_is_released_by_its_bound(sandbox: Sandbox) -> None:
    sandbox.faults.add(FaultRule(kind="hang", hang_s=0.2))
    with pytest.raises(requests.ConnectionError):
        get(sandbox, "products", timeout=3)


def test_stop_releases_a_hung_request_promptly(make_sandbox: MakeSandbox) -> None:
    sb = make_sandbox(products=1)
    sb.faults.add(FaultRule(kind="hang"))
    outcome: list[BaseException] = []

    def call() -> None:
        try:
            get(sb, "products", timeout=10)
        except requests.RequestException as exc:
            outcome.append(exc)

    thread = threading.Thread(target=call)
    thread.start()
    deadline = time.monotonic() + 3
    while sb.stats.in_flight == 0 and time.monotonic() < deadline:
        time.sleep(0.01)
    started = time.monotonic()
    sb.stop()
    thread.join(5)
    assert time.monotonic() - started < 1.5
    assert outcome and isinstance(outcome[0], requests.ConnectionError)


def read_until_close(sb: Sandbox, path: str) -> tuple[bytes, bytes]:
    """(head, body) of one raw request, read until the server closes the connection."""
    request = f"GET /stores/{sb.store_hash}/v2/{path} HTTP/1.1\r\nHost: x\r\nX-Auth-Token: {sb.access_token}\r\n\r\n"
    with socket.create_connection(("127.0.0.1", sb.port), timeout=TIMEOUT_S) as sock:
        sock.sendall(request.encode())
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    return head, body


def content_length(head: bytes) -> int:
    return int(re.search(rb"Content-Length: (\d+)", head).group(1))  # type: ignore[union-attr]


def test_truncate_sends_half_the_body_under_the_full_length(sandbox: Sandbox) -> None:
    sandbox.faults.add(FaultRule(kind="truncate", times=1))
    head, body = read_until_close(sandbox, "products?limit=20")
    assert head.startswith(b"HTTP/1.1 200 ")
    assert len(body) == content_length(head) // 2 > 0
    assert len(sandbox.store.calls) == 1  # processed by the store
    assert get(sandbox, "products").status_code == 200


def test_truncate_of_an_empty_answer_still_cuts_a_body(sandbox: Sandbox) -> None:
    sandbox.faults.add(FaultRule(kind="truncate"))
    head, body = read_until_close(sandbox, "products?page=99")
    assert len(body) == content_length(head) // 2 > 0


def test_requests_sees_a_truncated_answer_as_an_error_or_short_body(sandbox: Sandbox) -> None:
    sandbox.faults.add(FaultRule(kind="truncate"))
    try:
        response = get(sandbox, "products", params={"limit": 20})
    except (requests.exceptions.ChunkedEncodingError, requests.ConnectionError):
        return  # urllib3 2 enforces Content-Length
    # urllib3 1.26 hands over the short body as it is.
    assert len(response.content) < int(response.headers["Content-Length"])
    with pytest.raises(ValueError):
        response.json()


def test_invalid_json_is_200_with_a_body_that_does_not_parse(sandbox: Sandbox) -> None:
    sandbox.faults.add(FaultRule(kind="invalid_json"))
    response = get(sandbox, "products")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/json"
    with pytest.raises(ValueError):
        response.json()


def test_redirect_points_elsewhere(sandbox: Sandbox) -> None:
    sandbox.faults.add(FaultRule(kind="redirect", location="http://127.0.0.1:9/elsewhere", status=302))
    response = get(sandbox, "products", allow_redirects=False)
    assert response.status_code == 302
    assert response.headers["Location"] == "http://127.0.0.1:9/elsewhere"
    assert response.content == b""


def test_an_unauthenticated_request_gets_401_not_the_fault(sandbox: Sandbox) -> None:
    rule = sandbox.faults.add(FaultRule(status=503))
    response = requests.get(f"{sandbox.api_url}/products", timeout=TIMEOUT_S)
    assert response.status_code == 401
    assert rule.fired == 0 and sandbox.faults.rules == [rule]


def test_faults_apply_to_graphql_by_its_path(sandbox: Sandbox) -> None:
    sandbox.faults.add(FaultRule(status=504, path="graphql"))
    response = requests.post(
        sandbox.graphql_url, json={"query": "{ system { time } }", "variables": {}}, headers=headers(sandbox),
        timeout=TIMEOUT_S,
    )
    assert response.status_code == 504


def test_a_faulted_request_uses_no_quota(make_sandbox: MakeSandbox) -> None:
    sb = make_sandbox(products=3, quota=2, window_ms=30_000)
    sb.faults.add(FaultRule(status=500, times=3))
    assert [get(sb, "products").status_code for _ in range(3)] == [500, 500, 500]
    assert [get(sb, "products").status_code for _ in range(3)] == [200, 200, 429]


def test_drop_after_counts_against_the_quota(make_sandbox: MakeSandbox) -> None:
    sb = make_sandbox(products=3, quota=1, window_ms=30_000)
    sb.faults.add(FaultRule(kind="drop_after", times=1))
    with pytest.raises(requests.ConnectionError):
        get(sb, "products")
    assert get(sb, "products").status_code == 429


# -- random faults ---------------------------------------------------------------
def statuses_with_random_faults(make_sandbox: MakeSandbox, seed: int, n: int = 60) -> list[int]:
    sb = make_sandbox(products=2, fault_rate=0.3, drop_rate=0.1, seed=seed)
    result = []
    for _ in range(n):
        try:
            result.append(get(sb, "products/1").status_code)
        except requests.ConnectionError:
            result.append(0)
    return result


def test_random_faults_follow_the_seed(make_sandbox: MakeSandbox) -> None:
    first = statuses_with_random_faults(make_sandbox, seed=7)
    again = statuses_with_random_faults(make_sandbox, seed=7)
    other = statuses_with_random_faults(make_sandbox, seed=8)
    assert first == again
    assert first != other
    assert set(first) <= {0, 200, 500, 502, 503, 504}
    faulted = sum(1 for s in first if s >= 500)
    dropped = first.count(0)
    assert 5 <= faulted <= 35 and 1 <= dropped <= 15 and first.count(200) >= 20


def test_random_rates_can_be_changed_and_switched_off(make_sandbox: MakeSandbox) -> None:
    sb = make_sandbox(products=1)
    sb.faults.set_random(fault_rate=1.0)
    assert get(sb, "products/1").status_code in (500, 502, 503, 504)
    sb.faults.set_random(fault_rate=0.0)
    assert get(sb, "products/1").status_code == 200
    with pytest.raises(ValueError):
        sb.faults.set_random(drop_rate=1.5)
