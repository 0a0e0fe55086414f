"""``Sandbox``: a running fake store that users, the demo and our tests hold.

It ties together the Store (data, served as v2 and v3), the HTTP server, the
rate-limit window, the fault plan and the statistics, and hands out ready-made
client arguments::

    with Sandbox(products=50) as sb:
        api = BigcommerceApi(**sb.oauth_kwargs())
"""
from __future__ import annotations

import json
import os
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Union

from bigcommerce.sandbox.app import SandboxApp
from bigcommerce.sandbox.auth import Credentials
from bigcommerce.sandbox.faults import FaultInjector
from bigcommerce.sandbox.quota import DEFAULT_WINDOW_MS, RateWindow
from bigcommerce.sandbox.server import DEFAULT_HOST, SERVE_POLL_S, STOP_JOIN_TIMEOUT_S, SandboxHTTPServer
from bigcommerce.sandbox.stats import RequestStats
from bigcommerce.sandbox.store import Store

SeedSource = Union[str, "os.PathLike[str]", Mapping[str, Any]]


class Sandbox:
    """A BigCommerce-compatible store on loopback, with scripted misbehaviour.

    Credentials are random per instance unless given. ``max_lifetime_s`` stops
    the server by itself, so a forgotten sandbox cannot outlive a test run.
    A sandbox starts once; after ``stop()`` make a new one.
    """

    def __init__(
        self,
        *,
        products: int = 500,
        customers: int = 50,
        orders: int = 100,
        seed: int = 0,
        seed_file: SeedSource | None = None,
        port: int = 0,
        host: str = DEFAULT_HOST,
        quota: int | None = None,
        window_ms: int = DEFAULT_WINDOW_MS,
        latency_ms: float = 0.0,
        fault_rate: float = 0.0,
        drop_rate: float = 0.0,
        max_lifetime_s: float | None = None,
        store: Store | None = None,
        store_hash: str | None = None,
        client_id: str | None = None,
        client_secret: str | None = None,
        access_token: str | None = None,
        username: str | None = None,
        api_token: str | None = None,
        auth_code: str | None = None,
        redirect_uri: str | None = None,
    ) -> None:
        self.credentials = Credentials.generate(
            store_hash=store_hash,
            client_id=client_id,
            client_secret=client_secret,
            access_token=access_token,
            username=username,
            api_token=api_token,
            auth_code=auth_code,
            redirect_uri=redirect_uri,
        )
        self.host = host
        self._requested_port = port
        self._initial_seed = {"products": products, "customers": customers, "orders": orders, "seed": seed}
        self._seed_file = seed_file
        self.max_lifetime_s = max_lifetime_s
        self.store: Store = store if store is not None else Store(store_hash=self.credentials.store_hash)
        self.quota = RateWindow(quota, window_ms)
        self.faults = FaultInjector(fault_rate=fault_rate, drop_rate=drop_rate, seed=seed)
        self.stats = RequestStats()
        self.app = SandboxApp(
            self.store,
            self.credentials,
            quota=self.quota,
            faults=self.faults,
            stats=self.stats,
            latency_ms=latency_ms,
        )
        self._lock = threading.Lock()
        self._server: SandboxHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._timer: threading.Timer | None = None
        self._stopped = threading.Event()
        self._state = "new"

    # -- lifecycle -----------------------------------------------------------
    def start(self) -> Sandbox:
        """Bind, fill the store, serve in a background thread; returns self."""
        with self._lock:
            if self._state == "running":
                return self
            if self._state == "stopped":
                raise RuntimeError("a stopped Sandbox cannot be restarted; create a new one")
            server = SandboxHTTPServer((self.host, self._requested_port), self.app)
            self._server = server
            self.store.base_url = self.base_url
            try:
                self._fill_store()
            except BaseException:
                server.server_close()
                raise
            self._thread = threading.Thread(
                target=server.serve_forever,
                kwargs={"poll_interval": SERVE_POLL_S},
                name=f"sandbox-{self.port}",
                daemon=True,
            )
            self._thread.start()
            if self.max_lifetime_s is not None:
                self._timer = threading.Timer(self.max_lifetime_s, self.stop)
                self._timer.daemon = True
                self._timer.start()
            self._state = "running"
        return self

    def stop(self) -> None:
        """Close the listener and every open connection, release hung requests; bounded."""
        with self._lock:
            previous, self._state = self._state, "stopped"
            if previous == "new":
                self._stopped.set()
            if previous != "running":
                self._stopped.wait(2 * STOP_JOIN_TIMEOUT_S)  # another thread may be stopping it
                return
        server, thread, timer = self._server, self._thread, self._timer
        if timer is not None:
            timer.cancel()
        self.app.stopping.set()
        if server is not None:
            server.shutdown()
            server.server_close()
            server.close_all(STOP_JOIN_TIMEOUT_S)
        if thread is not None:
            thread.join(STOP_JOIN_TIMEOUT_S)
        self._stopped.set()

    def wait(self, timeout_s: float | None = None) -> bool:
        """Block until the sandbox stops (Ctrl-C, lifetime, another thread); True if it did."""
        return self._stopped.wait(timeout_s)

    @property
    def running(self) -> bool:
        return self._state == "running"

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # -- addresses and credentials ---------------------------------------------
    @property
    def port(self) -> int:
        """The bound port (the real one when 0 was asked for); 0 before start."""
        return self._server.port if self._server is not None else 0

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT``: the ``host`` to give the client."""
        if self._server is None:
            return ""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def api_url(self) -> str:
        """The OAuth v2 base: ``{base_url}/stores/{store_hash}/v2``."""
        return f"{self.base_url}/stores/{self.store_hash}/v2"

    @property
    def v3_api_url(self) -> str:
        """The OAuth v3 base: ``{base_url}/stores/{store_hash}/v3`` (same store, same quota as v2)."""
        return f"{self.base_url}/stores/{self.store_hash}/v3"

    @property
    def v3_base_url(self) -> str:
        """``v3_api_url`` with a trailing slash, ready for ``urljoin`` (``.../v3/``)."""
        return f"{self.v3_api_url}/"

    @property
    def basic_api_url(self) -> str:
        """The basic-auth v2 base: ``{base_url}/api/v2``."""
        return f"{self.base_url}/api/v2"

    @property
    def graphql_url(self) -> str:
        return f"{self.base_url}/stores/{self.store_hash}/graphql"

    @property
    def token_url(self) -> str:
        """Where an app exchanges ``auth_code`` for a token: ``{base_url}/oauth2/token``."""
        return f"{self.base_url}/oauth2/token"

    @property
    def store_hash(self) -> str:
        return self.credentials.store_hash

    @property
    def client_id(self) -> str:
        return self.credentials.client_id

    @property
    def client_secret(self) -> str:
        return self.credentials.client_secret

    @property
    def access_token(self) -> str:
        return self.credentials.access_token

    @property
    def username(self) -> str:
        return self.credentials.username

    @property
    def api_token(self) -> str:
        return self.credentials.api_token

    @property
    def auth_code(self) -> str:
        return self.credentials.auth_code

    @property
    def redirect_uri(self) -> str | None:
        return self.credentials.redirect_uri

    @property
    def context(self) -> str:
        return self.credentials.context

    def oauth_kwargs(self) -> dict[str, str]:
        """Arguments for ``BigcommerceApi(**...)`` over OAuth."""
        return {
            "host": self.base_url,
            "client_id": self.client_id,
            "store_hash": self.store_hash,
            "access_token": self.access_token,
        }

    def basic_kwargs(self) -> dict[str, object]:
        """Arguments for ``BigcommerceApi(**...)`` over legacy basic auth."""
        return {"host": self.base_url, "basic_auth": (self.username, self.api_token)}

    def token_request(self, scope: str = "") -> dict[str, str]:
        """The fields of a valid ``POST /oauth2/token`` (the app-install exchange)."""
        fields = {
            "client_id": self.client_id,
            "client_secret": self.client_secret,
            "code": self.auth_code,
            "scope": scope,
            "grant_type": "authorization_code",
            "redirect_uri": self.redirect_uri or "https://app.example.com/auth",
            "context": self.context,
        }
        return fields

    # -- data and behaviour ----------------------------------------------------
    def seed(self, *, products: int = 0, customers: int = 0, orders: int = 0, seed: int = 0) -> None:
        """Add a deterministic generated catalog to the store."""
        self.store.seed(products=products, customers=customers, orders=orders, seed=seed)

    def load(self, source: SeedSource) -> None:
        """Load a seed: a JSON file's path, or its already-parsed content."""
        if isinstance(source, Mapping):
            data = dict(source)
        else:
            data = json.loads(Path(source).read_text(encoding="utf-8"))
        self.store.load(data)

    def set_quota(self, quota: int | None, window_ms: int = DEFAULT_WINDOW_MS) -> None:
        """Limit API requests to ``quota`` per ``window_ms`` (None: unlimited); opens a fresh window."""
        self.quota.configure(quota, window_ms)

    def set_latency(self, latency_ms: float) -> None:
        """Delay every request by ``latency_ms`` (each in its own thread, so concurrently)."""
        if latency_ms < 0:
            raise ValueError("latency_ms must be >= 0")
        self.app.latency_ms = latency_ms

    def _fill_store(self) -> None:
        if self._seed_file is not None:
            self.load(self._seed_file)
            return
        counts = self._initial_seed
        if counts["products"] or counts["customers"] or counts["orders"]:
            self.store.seed(**counts)

    def __repr__(self) -> str:
        where = self.base_url or "unbound"
        return f"<Sandbox {where} store_hash={self.store_hash} {self._state}>"
