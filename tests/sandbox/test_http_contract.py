"""The sandbox's HTTP contract, checked with plain ``requests`` over loopback."""
from __future__ import annotations

import base64
import json
import socket
import threading
import time
from typing import Callable

import pytest
import requests

from bigcommerce.sandbox import Sandbox

RATE_HEADERS = (
    "X-Rate-Limit-Time-Window-Ms",
    "X-Rate-Limit-Time-Reset-Ms",
    "X-Rate-Limit-Requests-Quota",
    "X-Rate-Limit-Requests-Left",
)
TIMEOUT_S = 5
MakeSandbox = Callable[..., Sandbox]


def token_headers(sb: Sandbox) -> dict[str, str]:
    return {"X-Auth-Token": sb.access_token, "X-Auth-Client": sb.client_id, "Accept": "application/json"}


def get(sb: Sandbox, path: str, **kwargs: object) -> requests.Response:
    return requests.get(f"{sb.api_url}/{path}", headers=token_headers(sb), timeout=TIMEOUT_S, **kwargs)


def fake(sb: Sandbox):  # type: ignore[no-untyped-def]
    """The conftest's FakeStore behind this sandbox (it records every call)."""
    return sb.store


def raw_exchange(sb: Sandbox, data: bytes) -> bytes:
    """Send raw bytes, read until the server closes the connection."""
    with socket.create_connection(("127.0.0.1", sb.port), timeout=TIMEOUT_S) as sock:
        sock.sendall(data)
        chunks = []
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)


# -- URL forms and auth ---------------------------------------------------------
def test_oauth_url_form_with_token_lists_products(clean_sandbox: Sandbox) -> None:
    response = get(clean_sandbox, "products", params={"limit": 5})
    assert response.status_code == 200
    assert [p["id"] for p in response.json()] == [1, 2, 3, 4, 5]
    assert response.headers["Content-Type"] == "application/json"


def test_basic_auth_url_form_counts_products(clean_sandbox: Sandbox) -> None:
    sb = clean_sandbox
    response = requests.get(f"{sb.basic_api_url}/products/count", auth=(sb.username, sb.api_token), timeout=TIMEOUT_S)
    assert response.status_code == 200
    assert response.json() == {"count": 30}


def test_x_auth_client_is_optional(clean_sandbox: Sandbox) -> None:
    sb = clean_sandbox
    response = requests.get(f"{sb.api_url}/products/count", headers={"X-Auth-Token": sb.access_token},
                            timeout=TIMEOUT_S)
    assert response.status_code == 200


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"X-Auth-Token": "not-the-token"},
        {"X-Auth-Token": "TOKEN", "X-Auth-Client": "another-client"},
    ],
    ids=["missing-token", "wrong-token", "wrong-client-id"],
)
def test_bad_token_credentials_are_401_with_v2_error_body(clean_sandbox: Sandbox, headers: dict) -> None:
    sb = clean_sandbox
    headers = {k: (sb.access_token if v == "TOKEN" else v) for k, v in headers.items()}
    response = requests.get(f"{sb.api_url}/products", headers=headers, timeout=TIMEOUT_S)
    assert response.status_code == 401
    body = response.json()
    assert isinstance(body, list) and body[0]["status"] == 401 and body[0]["message"]
    assert fake(sb).calls == []


@pytest.mark.parametrize("auth", [None, ("USER", "wrong"), ("someone", "TOKEN")], ids=["none", "bad-token", "bad-user"])
def test_bad_basic_credentials_are_401_with_www_authenticate(clean_sandbox: Sandbox, auth: tuple | None) -> None:
    sb = clean_sandbox
    if auth is not None:
        auth = tuple(sb.username if v == "USER" else sb.api_token if v == "TOKEN" else v for v in auth)
    response = requests.get(f"{sb.basic_api_url}/products", auth=auth, timeout=TIMEOUT_S)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith('Basic realm="')
    assert response.json()[0]["status"] == 401


def test_malformed_basic_header_is_401(clean_sandbox: Sandbox) -> None:
    response = requests.get(
        f"{clean_sandbox.basic_api_url}/products", headers={"Authorization": "Basic %%%"}, timeout=TIMEOUT_S
    )
    assert response.status_code == 401


def test_basic_credentials_do_not_open_the_oauth_form(clean_sandbox: Sandbox) -> None:
    sb = clean_sandbox
    response = requests.get(f"{sb.api_url}/products", auth=(sb.username, sb.api_token), timeout=TIMEOUT_S)
    assert response.status_code == 401


def test_unknown_store_hash_is_404(clean_sandbox: Sandbox) -> None:
    sb = clean_sandbox
    url = f"{sb.base_url}/stores/nosuchstore/v2/products"
    response = requests.get(url, headers=token_headers(sb), timeout=TIMEOUT_S)
    assert response.status_code == 404
    assert response.json()[0]["status"] == 404


def test_unknown_top_level_path_is_404(clean_sandbox: Sandbox) -> None:
    response = requests.get(f"{clean_sandbox.base_url}/nothing/here", timeout=TIMEOUT_S)
    assert response.status_code == 404


def test_json_suffix_is_stripped_and_last_query_value_wins(clean_sandbox: Sandbox) -> None:
    sb = clean_sandbox
    response = requests.get(
        f"{sb.api_url}/products.json?limit=3&limit=4&name=a%20b", headers=token_headers(sb), timeout=TIMEOUT_S
    )
    assert response.status_code == 200
    assert fake(sb).calls[-1] == ("GET", "products", {"limit": "4", "name": "a b"}, None)


def test_subresource_path_reaches_the_store_whole(clean_sandbox: Sandbox) -> None:
    get(clean_sandbox, "products/5/images/2.json")
    assert fake(clean_sandbox).calls[-1][:2] == ("GET", "products/5/images/2")


# -- bodies --------------------------------------------------------------------
def test_post_json_creates_with_201_and_location(sandbox: Sandbox) -> None:
    response = requests.post(
        f"{sandbox.api_url}/products", json={"name": "Mug"}, headers=token_headers(sandbox), timeout=TIMEOUT_S
    )
    assert response.status_code == 201
    assert response.json()["name"] == "Mug"
    assert response.headers["Location"].startswith(sandbox.base_url)
    assert fake(sandbox).calls[-1] == ("POST", "products", {}, {"name": "Mug"})


@pytest.mark.parametrize("content_type", [None, "text/plain", "application/x-www-form-urlencoded"])
def test_body_without_json_content_type_is_415(clean_sandbox: Sandbox, content_type: str | None) -> None:
    sb = clean_sandbox
    headers = token_headers(sb)
    if content_type:
        headers["Content-Type"] = content_type
    response = requests.post(f"{sb.api_url}/products", data=b'{"name": "x"}', headers=headers, timeout=TIMEOUT_S)
    assert response.status_code == 415
    assert response.json()[0]["status"] == 415
    assert fake(sb).calls == []


def test_json_content_type_with_charset_is_accepted(sandbox: Sandbox) -> None:
    headers = {**token_headers(sandbox), "Content-Type": "application/json; charset=utf-8"}
    response = requests.post(f"{sandbox.api_url}/products", data=b'{"name": "x"}', headers=headers, timeout=TIMEOUT_S)
    assert response.status_code == 201


@pytest.mark.parametrize("method", ["POST", "PUT"])
def test_invalid_json_body_is_400(clean_sandbox: Sandbox, method: str) -> None:
    sb = clean_sandbox
    headers = {**token_headers(sb), "Content-Type": "application/json"}
    response = requests.request(method, f"{sb.api_url}/products/1", data=b'{"name": ', headers=headers,
                                timeout=TIMEOUT_S)
    assert response.status_code == 400
    assert response.json()[0]["status"] == 400
    assert fake(sb).calls == []


def test_delete_may_carry_a_json_body(clean_sandbox: Sandbox) -> None:
    sb = clean_sandbox
    body = {"carrier_id": "endicia"}
    requests.delete(f"{sb.api_url}/shipping/carrier/connection", json=body, headers=token_headers(sb),
                    timeout=TIMEOUT_S)
    assert fake(sb).calls[-1] == ("DELETE", "shipping/carrier/connection", {}, body)


def test_empty_post_reaches_the_store_with_no_body(clean_sandbox: Sandbox) -> None:
    requests.post(f"{clean_sandbox.api_url}/products", headers=token_headers(clean_sandbox), timeout=TIMEOUT_S)
    assert fake(clean_sandbox).calls[-1] == ("POST", "products", {}, None)


def test_chunked_request_body_is_read(sandbox: Sandbox) -> None:
    chunks = iter([b'{"name": ', b'"Chunky"}'])
    headers = {**token_headers(sandbox), "Content-Type": "application/json"}
    response = requests.post(f"{sandbox.api_url}/products", data=chunks, headers=headers, timeout=TIMEOUT_S)
    assert response.status_code == 201
    assert response.json()["name"] == "Chunky"


def test_expect_100_continue_gets_an_interim_answer(sandbox: Sandbox) -> None:
    body = b'{"name": "Patient"}'
    head = (
        f"POST /stores/{sandbox.store_hash}/v2/products HTTP/1.1\r\nHost: x\r\n"
        f"X-Auth-Token: {sandbox.access_token}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n"
    ).encode()
    with socket.create_connection(("127.0.0.1", sandbox.port), timeout=TIMEOUT_S) as sock:
        sock.sendall(head)
        assert sock.recv(1024).startswith(b"HTTP/1.1 100 Continue")
        sock.sendall(body)
        reply = b""
        while chunk := sock.recv(65536):
            reply += chunk
    assert reply.startswith(b"HTTP/1.1 201 Created")


def test_unsupported_method_is_501(clean_sandbox: Sandbox) -> None:
    response = requests.patch(f"{clean_sandbox.api_url}/products/1", json={}, headers=token_headers(clean_sandbox),
                              timeout=TIMEOUT_S)
    assert response.status_code == 501


def test_malformed_request_line_is_400_and_closes(clean_sandbox: Sandbox) -> None:
    reply = raw_exchange(clean_sandbox, b"NONSENSE\r\n\r\n")
    assert reply.startswith(b"HTTP/1.1 400 ")
    assert b"Connection: close" in reply


# -- response headers ----------------------------------------------------------
def test_every_response_carries_date_length_and_rate_limit_headers(clean_sandbox: Sandbox) -> None:
    sb = clean_sandbox
    responses = [
        get(sb, "products"),                                    # 200
        get(sb, "products", params={"page": 99}),               # 204
        requests.get(f"{sb.api_url}/products", timeout=TIMEOUT_S),  # 401
        requests.get(f"{sb.base_url}/stores/x/v2/products", timeout=TIMEOUT_S),  # 404
        requests.post(f"{sb.api_url}/products", data=b"{}", headers=token_headers(sb), timeout=TIMEOUT_S),  # 415
        requests.post(sb.token_url, data={}, timeout=TIMEOUT_S),  # OAuth 400
    ]
    assert [r.status_code for r in responses] == [200, 204, 401, 404, 415, 400]
    for response in responses:
        for name in (*RATE_HEADERS, "Date"):
            assert name in response.headers, (response.status_code, name)
        if response.status_code != 204:
            assert int(response.headers["Content-Length"]) == len(response.content)


def test_204_has_no_body_and_no_content_type(clean_sandbox: Sandbox) -> None:
    response = get(clean_sandbox, "products", params={"page": 99})
    assert response.status_code == 204
    assert response.content == b""
    assert "Content-Type" not in response.headers


def test_unlimited_quota_still_counts_down_honestly(clean_sandbox: Sandbox) -> None:
    lefts = [int(get(clean_sandbox, "products/count").headers["X-Rate-Limit-Requests-Left"]) for _ in range(3)]
    assert lefts[0] - lefts[2] == 2
    assert int(get(clean_sandbox, "time").headers["X-Rate-Limit-Requests-Quota"]) >= 1_000_000


# -- connections ---------------------------------------------------------------
def test_keep_alive_serves_several_requests_over_one_connection(clean_sandbox: Sandbox) -> None:
    sb = clean_sandbox
    with requests.Session() as session:
        session.headers.update(token_headers(sb))
        statuses = [session.get(f"{sb.api_url}/products/{i}", timeout=TIMEOUT_S).status_code for i in range(1, 6)]
    assert statuses == [200] * 5
    assert sb.stats.connections == 1
    assert sb.stats.total == 5


def test_connection_close_is_honoured(clean_sandbox: Sandbox) -> None:
    sb = clean_sandbox
    request = (
        f"GET /stores/{sb.store_hash}/v2/products/1 HTTP/1.1\r\nHost: x\r\n"
        f"X-Auth-Token: {sb.access_token}\r\nConnection: close\r\n\r\n"
    ).encode()
    reply = raw_exchange(sb, request)  # returns only because the server closed
    head, _, body = reply.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200 OK") and b"Connection: close" in head
    assert json.loads(body)["id"] == 1


def test_two_pipelined_requests_on_one_connection_both_answered(clean_sandbox: Sandbox) -> None:
    sb = clean_sandbox
    one = f"GET /stores/{sb.store_hash}/v2/products/1 HTTP/1.1\r\nHost: x\r\nX-Auth-Token: {sb.access_token}\r\n\r\n"
    two = one.replace("/products/1 ", "/products/2 ").replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n")
    reply = raw_exchange(sb, (one + two).encode())
    assert reply.count(b"HTTP/1.1 200 OK") == 2
    assert sb.stats.connections == 1


def test_many_concurrent_keep_alive_clients_are_all_served(clean_sandbox: Sandbox) -> None:
    sb = clean_sandbox
    clients, each = 16, 10
    statuses: list[int] = []
    lock = threading.Lock()

    def client(n: int) -> None:
        with requests.Session() as session:
            session.headers.update(token_headers(sb))
            got = [session.get(f"{sb.api_url}/products/{(n + i) % 30 + 1}", timeout=TIMEOUT_S).status_code
                   for i in range(each)]
        with lock:
            statuses.extend(got)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT_S * 2)
    assert statuses == [200] * (clients * each)
    assert sb.stats.connections == clients
    assert sb.stats.total == clients * each


def test_empty_v2_path_is_404(clean_sandbox: Sandbox) -> None:
    assert get(clean_sandbox, ".json").status_code == 404
    assert fake(clean_sandbox).calls == []


def test_stop_is_prompt_with_an_open_keep_alive_connection(make_sandbox: MakeSandbox) -> None:
    sb = make_sandbox(products=3)
    session = requests.Session()
    try:
        assert session.get(f"{sb.api_url}/products/1", headers=token_headers(sb), timeout=TIMEOUT_S).ok
        started = time.monotonic()
        sb.stop()
        assert time.monotonic() - started < 1.5
        assert not sb.running
        with pytest.raises(requests.ConnectionError):
            session.get(f"{sb.api_url}/products/1", headers=token_headers(sb), timeout=TIMEOUT_S)
    finally:
        session.close()
        sb.stop()


def test_max_lifetime_stops_the_server_by_itself(make_sandbox: MakeSandbox) -> None:
    sb = make_sandbox(max_lifetime_s=0.3)
    try:
        assert sb.wait(5.0), "the lifetime timer did not stop the sandbox"
        assert not sb.running
        with pytest.raises(requests.ConnectionError):
            requests.get(f"{sb.api_url}/time", timeout=1)
    finally:
        sb.stop()


def test_a_stopped_sandbox_refuses_to_restart(make_sandbox: MakeSandbox) -> None:
    sb = make_sandbox()
    sb.stop()
    sb.stop()  # idempotent
    with pytest.raises(RuntimeError):
        sb.start()


def test_latency_is_applied_to_each_request(clean_sandbox: Sandbox) -> None:
    clean_sandbox.set_latency(150)
    started = time.monotonic()
    assert get(clean_sandbox, "products/1").ok
    assert time.monotonic() - started >= 0.15


# -- stats ---------------------------------------------------------------------
def test_stats_count_routes_statuses_and_reset(clean_sandbox: Sandbox) -> None:
    sb = clean_sandbox
    get(sb, "products/1")
    get(sb, "products/1")
    get(sb, "products/999")
    requests.get(f"{sb.api_url}/products", timeout=TIMEOUT_S)
    stats = sb.stats
    assert stats.total == 4
    assert stats.count("GET", "products/1") == 2
    assert stats.count(path="products") == 1
    assert stats.by_status[200] == 2 and stats.by_status[404] == 1 and stats.by_status[401] == 1
    assert len(stats.api_times) == 3  # the 401 was not an API request
    stats.reset()
    assert stats.total == 0 and stats.count() == 0 and stats.api_times == []


def test_peak_in_flight_counts_concurrent_slow_requests(clean_sandbox: Sandbox) -> None:
    sb = clean_sandbox
    sb.set_latency(400)
    clients = 4
    barrier = threading.Barrier(clients)
    statuses: list[int] = []

    def call() -> None:
        with requests.Session() as session:
            barrier.wait()
            response = session.get(f"{sb.api_url}/products/1", headers=token_headers(sb), timeout=TIMEOUT_S)
            statuses.append(response.status_code)

    threads = [threading.Thread(target=call) for _ in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT_S)
    elapsed = time.monotonic() - started
    assert statuses == [200] * clients
    assert elapsed < 0.4 * clients * 0.75, "latency was not applied concurrently"
    assert sb.stats.peak_in_flight >= clients - 1
    assert sb.stats.in_flight == 0


def test_max_in_window_finds_the_busiest_span() -> None:
    from bigcommerce.sandbox.stats import RequestStats

    now = [0.0]
    stats = RequestStats(clock=lambda: now[0])
    for moment in (0.0, 0.1, 0.2, 1.5, 1.6, 1.7, 1.8, 5.0):
        now[0] = moment
        stats.api_request()
    assert stats.max_in_window(1000) == 4
    assert stats.max_in_window(300) == 3
    assert stats.max_in_window(10_000) == 8


def test_api_times_allow_counting_requests_per_window(clean_sandbox: Sandbox) -> None:
    for _ in range(5):
        get(clean_sandbox, "time")
    assert clean_sandbox.stats.max_in_window(30_000) == 5


# -- GraphQL -------------------------------------------------------------------
def graphql(sb: Sandbox, payload: object, headers: dict | None = None) -> requests.Response:
    return requests.post(sb.graphql_url, json=payload, headers=headers or token_headers(sb), timeout=TIMEOUT_S)


def test_graphql_answers_system_time_and_store_name(clean_sandbox: Sandbox) -> None:
    before = int(time.time())
    response = graphql(clean_sandbox, {"query": "query Info { system { time } shop: store { name } }", "variables": {}})
    assert response.status_code == 200
    data = response.json()["data"]
    assert before <= data["system"]["time"] <= int(time.time()) + 1
    assert data["shop"] == {"name": "Fake Store"}
    assert int(response.headers["x-bc-graphql-complexity"]) == 4
    for name in RATE_HEADERS:
        assert name in response.headers


def test_graphql_unknown_field_is_200_with_errors(clean_sandbox: Sandbox) -> None:
    response = graphql(clean_sandbox, {"query": "{ store { name color } }", "variables": {}})
    assert response.status_code == 200
    body = response.json()
    assert "data" not in body
    assert "color" in body["errors"][0]["message"]


def test_graphql_syntax_error_is_reported_as_errors(clean_sandbox: Sandbox) -> None:
    response = graphql(clean_sandbox, {"query": "{ store { name }", "variables": {}})
    assert response.status_code == 200
    assert response.json()["errors"]


@pytest.mark.parametrize(
    "payload",
    [{"query": "{ system { time } }", "variables": None}, {"variables": {}}, {"query": ""}, ["not", "an", "object"]],
    ids=["null-variables", "no-query", "empty-query", "array"],
)
def test_graphql_bad_payloads_are_400(clean_sandbox: Sandbox, payload: object) -> None:
    assert graphql(clean_sandbox, payload).status_code == 400


def test_graphql_without_variables_is_fine(clean_sandbox: Sandbox) -> None:
    assert graphql(clean_sandbox, {"query": "{ system { time } }"}).json()["data"]["system"]["time"] > 0


def test_graphql_needs_the_token(clean_sandbox: Sandbox) -> None:
    assert graphql(clean_sandbox, {"query": "{ system { time } }"}, headers={"X-Auth-Token": "nope"}).status_code == 401


def test_graphql_mutations_are_refused_with_errors(clean_sandbox: Sandbox) -> None:
    body = graphql(clean_sandbox, {"query": "mutation { doIt { id } }", "variables": {}}).json()
    assert body["errors"] and "data" not in body


# -- OAuth token exchange ------------------------------------------------------
def test_form_encoded_token_exchange_issues_a_working_token(clean_sandbox: Sandbox) -> None:
    sb = clean_sandbox
    response = requests.post(sb.token_url, data=sb.token_request(scope="store_v2_products"), timeout=TIMEOUT_S)
    assert response.status_code == 200
    body = response.json()
    assert body["context"] == f"stores/{sb.store_hash}"
    assert body["scope"] == "store_v2_products"
    assert set(body["user"]) >= {"id", "username", "email"} and set(body["owner"]) >= {"id", "email"}
    assert body["account_uuid"]
    token = body["access_token"]
    assert token != sb.access_token
    answer = requests.get(f"{sb.api_url}/products/count", headers={"X-Auth-Token": token}, timeout=TIMEOUT_S)
    assert answer.status_code == 200


def test_json_token_exchange_works_too(clean_sandbox: Sandbox) -> None:
    response = requests.post(clean_sandbox.token_url, json=clean_sandbox.token_request(), timeout=TIMEOUT_S)
    assert response.status_code == 200 and response.json()["access_token"]


@pytest.mark.parametrize(
    "field, value, status",
    [
        ("client_id", "other", 400),
        ("client_secret", "other", 400),
        ("code", "other", 400),
        ("grant_type", "password", 400),
        ("context", "stores/elsewhere", 403),
    ],
)
def test_token_exchange_with_a_wrong_value_is_refused(clean_sandbox: Sandbox, field: str, value: str,
                                                      status: int) -> None:
    fields = {**clean_sandbox.token_request(), field: value}
    response = requests.post(clean_sandbox.token_url, data=fields, timeout=TIMEOUT_S)
    assert response.status_code == status
    assert response.json()["error"]


def test_token_exchange_checks_a_configured_redirect_uri(make_sandbox: MakeSandbox) -> None:
    sb = make_sandbox(redirect_uri="https://app.example.com/bc/auth")
    try:
        good = requests.post(sb.token_url, data=sb.token_request(), timeout=TIMEOUT_S)
        bad = requests.post(sb.token_url, data={**sb.token_request(), "redirect_uri": "https://evil.example.com"},
                            timeout=TIMEOUT_S)
        assert good.status_code == 200
        assert bad.status_code == 400 and bad.json()["error"] == "redirect_uri_mismatch"
    finally:
        sb.stop()


def test_token_endpoint_only_takes_post(clean_sandbox: Sandbox) -> None:
    assert requests.get(clean_sandbox.token_url, timeout=TIMEOUT_S).status_code == 405


# -- the Sandbox object --------------------------------------------------------
def test_repr_and_kwargs_show_no_secret_in_repr(clean_sandbox: Sandbox) -> None:
    sb = clean_sandbox
    shown = repr(sb) + repr(sb.credentials)
    for secret in (sb.access_token, sb.client_secret, sb.api_token, sb.auth_code):
        assert secret not in shown
    assert sb.oauth_kwargs() == {
        "host": sb.base_url,
        "client_id": sb.client_id,
        "store_hash": sb.store_hash,
        "access_token": sb.access_token,
    }
    assert sb.basic_kwargs() == {"host": sb.base_url, "basic_auth": (sb.username, sb.api_token)}


def test_credentials_are_random_unless_given(make_sandbox: MakeSandbox) -> None:
    one, two = make_sandbox(start=False), make_sandbox(start=False, access_token="fixed", store_hash="abc123")
    assert one.access_token != two.access_token and len(one.access_token) >= 32
    assert two.access_token == "fixed" and two.store_hash == "abc123"


def test_binds_loopback_only_by_default(clean_sandbox: Sandbox) -> None:
    assert clean_sandbox.base_url.startswith("http://127.0.0.1:")
    assert clean_sandbox.port > 0


def test_basic_header_is_plain_base64_of_user_and_token(clean_sandbox: Sandbox) -> None:
    sb = clean_sandbox
    encoded = base64.b64encode(f"{sb.username}:{sb.api_token}".encode()).decode()
    response = requests.get(f"{sb.basic_api_url}/time", headers={"Authorization": f"Basic {encoded}"},
                            timeout=TIMEOUT_S)
    assert response.status_code == 404  # authenticated: the fake store has no /time


# -- against the real Store ----------------------------------------------------
def test_real_store_pages_and_links_use_the_base_url(real_sandbox: Sandbox) -> None:
    sb = real_sandbox
    page = get(sb, "products", params={"limit": 250})
    assert page.status_code == 200 and len(page.json()) == 20
    assert get(sb, "products/count").json()["count"] == 20
    assert get(sb, "products", params={"page": 2, "limit": 250}).status_code == 204
    assert sb.base_url in page.text
    assert get(sb, "store").json()["name"]


def test_real_store_refuses_limits_above_250(real_sandbox: Sandbox) -> None:
    assert get(real_sandbox, "products", params={"limit": 251}).status_code == 413


def test_real_store_graphql_reads_the_store_name(real_sandbox: Sandbox) -> None:
    response = graphql(real_sandbox, {"query": "{ store { name } }", "variables": {}})
    assert response.json()["data"]["store"]["name"] == real_sandbox.store.store_info()["name"]
