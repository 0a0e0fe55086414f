"""RateLimiter on a fake clock: booking, window refills, 429 holds, the wait cap, callbacks, threads. No HTTP."""
from __future__ import annotations

import threading
import time
from typing import Any

import pytest

from bigcommerce.exception import RateLimitingException
from bigcommerce.rate_limit import (
    HEADERLESS_429_BACKOFF_S,
    MAX_HEADERLESS_429_BACKOFF_S,
    RateLimiter,
    read_headers,
)


class FakeClock:
    """A monotonic clock that moves only when told to, or when the limiter sleeps."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []
        self._lock = threading.Lock()

    def __call__(self) -> float:
        with self._lock:
            return self.now

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.sleeps.append(seconds)
            self.now += seconds

    def advance(self, seconds: float) -> None:
        with self._lock:
            self.now += seconds


def limits(left: int, *, quota: int = 10, reset_ms: int = 1000, window_ms: int = 1000) -> dict[str, str]:
    return {
        "X-Rate-Limit-Requests-Quota": str(quota),
        "X-Rate-Limit-Requests-Left": str(left),
        "X-Rate-Limit-Time-Reset-Ms": str(reset_ms),
        "X-Rate-Limit-Time-Window-Ms": str(window_ms),
    }


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def limiter_on(clock: FakeClock, **options: Any) -> RateLimiter:
    return RateLimiter(clock=clock, sleep=clock.sleep, **options)


def answered(clock: FakeClock, **options: Any) -> RateLimiter:
    """A limiter whose first answer came without rate-limit headers (as a bare 429 does)."""
    limiter = limiter_on(clock, **options)
    limiter.acquire()
    limiter.update({})
    return limiter


def known(clock: FakeClock, left: int = 10, **options: Any) -> RateLimiter:
    """A limiter that has sent its first request and read the quota from the answer."""
    limiter = limiter_on(clock, **options)
    limiter.acquire()
    limiter.update(limits(left))
    return limiter


# -- reading headers --------------------------------------------------------------


def test_read_headers_reads_the_four_values_case_insensitively() -> None:
    headers = {k.lower(): v for k, v in limits(7, quota=150, reset_ms=1200, window_ms=30000).items()}

    assert read_headers(headers) == {"quota": 150, "left": 7, "reset_ms": 1200, "window_ms": 30000}


@pytest.mark.parametrize("broken", ["X-Rate-Limit-Requests-Left", "X-Rate-Limit-Time-Window-Ms"])
def test_read_headers_gives_none_when_a_value_is_missing_or_not_a_number(broken: str) -> None:
    missing = limits(3)
    del missing[broken]
    garbled = {**limits(3), broken: "soon"}

    assert read_headers(missing) is None
    assert read_headers(garbled) is None


# -- the first request ------------------------------------------------------------


def test_the_first_request_goes_out_alone_until_its_answer_reveals_the_quota(clock: FakeClock) -> None:
    limiter = limiter_on(clock)
    limiter.acquire()  # the probe
    second_booked = threading.Event()

    def second() -> None:
        limiter.acquire()
        second_booked.set()

    thread = threading.Thread(target=second, daemon=True)
    thread.start()
    assert not second_booked.wait(0.2)

    limiter.update(limits(9))
    assert second_booked.wait(2)
    thread.join(2)


def test_a_probe_without_an_answer_lets_the_next_request_probe_again(clock: FakeClock) -> None:
    limiter = limiter_on(clock)
    limiter.acquire()
    limiter.update(None)  # connection failed

    done = threading.Event()
    thread = threading.Thread(target=lambda: (limiter.acquire(), done.set()), daemon=True)
    thread.start()
    assert done.wait(2)
    thread.join(2)


def test_a_store_that_sends_no_rate_limit_headers_is_not_limited(clock: FakeClock) -> None:
    limiter = limiter_on(clock)
    limiter.acquire()
    limiter.update({"Content-Type": "application/json"})

    for _ in range(1000):
        limiter.acquire()

    assert clock.sleeps == []
    assert limiter.rate_limit == {}


# -- booking inside a window --------------------------------------------------------


def test_books_one_unit_per_request_and_sleeps_until_the_reset_when_spent(clock: FakeClock) -> None:
    limiter = known(clock, left=3)

    for _ in range(3):
        limiter.acquire()
    assert clock.sleeps == []

    limiter.acquire()
    assert clock.sleeps == [pytest.approx(1.0)]


def test_after_the_reset_a_whole_quota_is_booked_again(clock: FakeClock) -> None:
    limiter = known(clock, left=0)

    for _ in range(10):
        limiter.acquire()

    assert clock.sleeps == [pytest.approx(1.0)]
    limiter.acquire()
    assert len(clock.sleeps) == 2


def test_the_remaining_count_never_rises_on_a_stale_answer_within_the_window(clock: FakeClock) -> None:
    limiter = known(clock, left=5)
    for _ in range(4):
        limiter.acquire()  # one unit left by our own count
    clock.advance(0.1)
    limiter.update(limits(4, reset_ms=900))  # an answer to an earlier request

    limiter.acquire()
    assert clock.sleeps == []
    limiter.acquire()
    assert len(clock.sleeps) == 1


def test_an_answer_showing_fewer_left_than_booked_lowers_the_count(clock: FakeClock) -> None:
    limiter = known(clock, left=9)
    clock.advance(0.1)
    limiter.update(limits(1, reset_ms=900))  # another app spent the quota

    limiter.acquire()
    assert clock.sleeps == []
    limiter.acquire()
    assert clock.sleeps == [pytest.approx(0.9)]


def test_an_answer_from_a_new_window_is_recognised_and_refills_the_count(clock: FakeClock) -> None:
    limiter = known(clock, left=0)
    clock.advance(1.2)  # the store's window reset meanwhile
    limiter.update(limits(9, reset_ms=950))

    for _ in range(9):
        limiter.acquire()
    assert clock.sleeps == []


def test_the_reserve_is_left_unused_in_each_window(clock: FakeClock) -> None:
    limiter = known(clock, left=5, reserve=2)

    for _ in range(3):
        limiter.acquire()
    assert clock.sleeps == []
    limiter.acquire()
    assert clock.sleeps == [pytest.approx(1.0)]


def test_wait_false_never_sleeps_ahead_of_time(clock: FakeClock) -> None:
    limiter = known(clock, left=1, wait=False, reserve=3)

    for _ in range(20):
        limiter.acquire()

    assert clock.sleeps == []


def test_rate_limit_shows_the_last_answer_under_the_old_keys(clock: FakeClock) -> None:
    limiter = limiter_on(clock)
    limiter.acquire()
    limiter.update(limits(7, quota=150, reset_ms=1234, window_ms=30000))

    assert limiter.rate_limit == {
        "ms_until_reset": 1234, "window_size_ms": 30000, "requests_remaining": 7, "requests_quota": 150,
    }
    limiter.rate_limit["requests_remaining"] = 0
    assert limiter.rate_limit["requests_remaining"] == 7  # a copy


# -- 429 --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "expected_s"),
    [
        ({"X-Rate-Limit-Time-Reset-Ms": "1500"}, 1.5),
        ({"x-rate-limit-time-reset-ms": "250"}, 0.25),
        ({"X-Retry-After": "2"}, 2.0),
        ({"X-Rate-Limit-Time-Reset-Ms": "300", "X-Retry-After": "9"}, 0.3),
        ({"X-Rate-Limit-Time-Reset-Ms": "soon", "X-Retry-After": "4"}, 4.0),
    ],
)
def test_a_429_holds_every_request_for_the_stated_time(
    clock: FakeClock, headers: dict[str, str], expected_s: float
) -> None:
    limiter = answered(clock)

    assert limiter.on_429(headers) == pytest.approx(expected_s)
    limiter.acquire()
    assert clock.sleeps == [pytest.approx(expected_s)]


def test_a_429_without_headers_backs_off_exponentially_up_to_a_cap(clock: FakeClock) -> None:
    limiter = answered(clock, max_wait_s=1000)

    waits = [limiter.on_429({}) for _ in range(8)]

    assert waits[0] == HEADERLESS_429_BACKOFF_S
    assert waits[:5] == [HEADERLESS_429_BACKOFF_S * 2 ** n for n in range(5)]
    assert max(waits) == MAX_HEADERLESS_429_BACKOFF_S
    assert waits == sorted(waits)


def test_an_answer_with_headers_resets_the_headerless_backoff(clock: FakeClock) -> None:
    limiter = answered(clock)
    limiter.on_429({})
    limiter.on_429({})
    limiter.update(limits(5))

    assert limiter.on_429({}) == HEADERLESS_429_BACKOFF_S


def test_a_429_hold_is_not_shortened_by_a_shorter_later_one(clock: FakeClock) -> None:
    limiter = answered(clock)
    limiter.on_429({"X-Rate-Limit-Time-Reset-Ms": "2000"})
    limiter.on_429({"X-Rate-Limit-Time-Reset-Ms": "100"})

    limiter.acquire()
    assert clock.sleeps == [pytest.approx(2.0)]


def test_a_429_in_a_known_window_spends_what_is_left(clock: FakeClock) -> None:
    limiter = known(clock, left=8)
    limiter.on_429({"X-Rate-Limit-Time-Reset-Ms": "1000"})

    limiter.acquire()
    assert clock.sleeps == [pytest.approx(1.0)]


def test_a_429_with_a_short_reset_in_a_long_known_window_costs_only_the_stated_reset(clock: FakeClock) -> None:
    limiter = limiter_on(clock)
    limiter.acquire()
    limiter.update(limits(149, quota=150, reset_ms=30000, window_ms=30000))
    clock.advance(31)
    limiter.acquire()  # the window has passed: a new one is booked locally, ending at t=61 by our guess
    limiter.update(limits(148, quota=150, reset_ms=20000, window_ms=30000))  # the store's ends at t=51
    clock.advance(0.1)

    assert limiter.on_429({"X-Rate-Limit-Time-Reset-Ms": "50"}) == pytest.approx(0.05)
    limiter.acquire()

    assert sum(clock.sleeps) == pytest.approx(0.05)


def test_a_spent_quota_is_waited_out_to_the_stores_reset_not_a_later_local_guess(clock: FakeClock) -> None:
    limiter = limiter_on(clock)
    limiter.update(limits(9, reset_ms=1000), limiter.acquire())
    clock.advance(1.5)
    booking = limiter.acquire()  # local window booked: ends at 2.5 by our guess
    limiter.update(limits(0, reset_ms=200), booking)  # the store: spent, refills at 1.7

    limiter.acquire()

    assert clock.sleeps == [pytest.approx(0.2)]


def test_a_late_answer_from_an_earlier_window_does_not_move_the_current_one(clock: FakeClock) -> None:
    limiter = limiter_on(clock)
    limiter.update(limits(9, reset_ms=1000), limiter.acquire())
    early = limiter.acquire()
    clock.advance(1.5)
    for _ in range(9):
        limiter.acquire()  # a new window, ours to end at 2.5
    limiter.update(limits(0, reset_ms=100), early)  # overtaken: it speaks of the window ending at 1.0 (+0.6 late)

    limiter.acquire()  # the tenth of this window
    assert clock.sleeps == []
    limiter.acquire()
    assert clock.sleeps == [pytest.approx(1.0)]


def test_within_a_window_the_earliest_reset_heard_wins(clock: FakeClock) -> None:
    limiter = limiter_on(clock)
    limiter.update(limits(10, reset_ms=1000), limiter.acquire())
    for _ in range(9):
        booking = limiter.acquire()
    clock.advance(0.3)
    limiter.update(limits(1, reset_ms=600), booking)  # this answer took 0.1 s less to reach us

    limiter.acquire()
    limiter.acquire()

    assert clock.sleeps == [pytest.approx(0.6)]


def test_a_guessed_window_gives_way_to_a_later_reset_from_the_store(clock: FakeClock) -> None:
    limiter = known(clock, left=0)
    limiter.acquire()  # waits 1.0 s, then opens a window it guesses ends at 2.0
    booking = limiter.acquire()
    clock.advance(0.05)
    limiter.update(limits(8, reset_ms=1000), booking)  # the store's window opened 0.05 s later: 2.05

    for _ in range(8):
        limiter.acquire()
    limiter.acquire()

    assert clock.sleeps == [pytest.approx(1.0), pytest.approx(1.0)]


def test_an_answer_slower_than_half_a_window_is_not_taken_for_a_new_window(clock: FakeClock) -> None:
    limiter = limiter_on(clock)
    limiter.update(limits(8, reset_ms=1000), limiter.acquire())  # the window ends at 1.0
    for _ in range(8):
        booking = limiter.acquire()
    clock.advance(0.7)  # a slow page: counted by the store at 0.0, answered at 0.7
    limiter.update(limits(2, reset_ms=980), booking)

    limiter.acquire()

    assert clock.sleeps == [pytest.approx(0.3)]


def test_a_late_answer_booked_before_a_guessed_window_does_not_set_its_reset(clock: FakeClock) -> None:
    limiter = known(clock, left=2)
    early = limiter.acquire()
    limiter.acquire()
    limiter.acquire()  # waits 1.0 s, then opens a window it guesses ends at 2.0
    clock.advance(0.05)
    limiter.update(limits(0, reset_ms=900), early)  # the old window, seen 0.85 s late: "1.95"
    booking = limiter.acquire()  # its count is heeded: wait for the guessed reset, not 1.95
    assert clock.sleeps == [pytest.approx(1.0), pytest.approx(0.95)]
    clock.advance(0.01)
    limiter.update(limits(9, reset_ms=1000), booking)  # the store's first word on the window

    for _ in range(9):
        limiter.acquire()
    assert clock.sleeps == [pytest.approx(1.0), pytest.approx(0.95)]
    limiter.acquire()
    assert clock.sleeps[-1] == pytest.approx(1.0)


# -- the cap on waiting ---------------------------------------------------------------


def test_a_429_longer_than_max_wait_is_reported_and_does_not_hold_anyone(clock: FakeClock) -> None:
    limiter = answered(clock, max_wait_s=5)

    assert limiter.on_429({"X-Rate-Limit-Time-Reset-Ms": "10000"}) == pytest.approx(10.0)
    limiter.acquire()
    assert clock.sleeps == []


def test_a_spent_quota_refilling_later_than_max_wait_raises_with_retry_after(clock: FakeClock) -> None:
    limiter = limiter_on(clock, max_wait_s=5)
    limiter.acquire()
    limiter.update(limits(0, reset_ms=30000, window_ms=30000))

    with pytest.raises(RateLimitingException) as caught:
        limiter.acquire()

    assert caught.value.retry_after == pytest.approx(30.0)
    assert "max_rate_limit_wait" in str(caught.value)
    assert clock.sleeps == []


def test_a_wait_exactly_at_max_wait_is_still_waited(clock: FakeClock) -> None:
    limiter = limiter_on(clock, max_wait_s=1.0)
    limiter.acquire()
    limiter.update(limits(0, reset_ms=1000))

    limiter.acquire()
    assert clock.sleeps == [pytest.approx(1.0)]


# -- the old callback -----------------------------------------------------------------


def test_the_callback_fires_with_its_args_when_the_remaining_count_reaches_the_reserve(clock: FakeClock) -> None:
    calls: list[Any] = []
    args = {"who": "me"}
    limiter = limiter_on(clock, reserve=2, callback=calls.append, callback_args=args)
    limiter.acquire()

    limiter.update(limits(3, reset_ms=1000))
    assert calls == []
    limiter.update(limits(2, reset_ms=1000))
    assert calls == [args] and calls[0] is args


def test_the_callback_without_args_is_called_with_none(clock: FakeClock) -> None:
    calls: list[str] = []
    limiter = limiter_on(clock, reserve=1, callback=lambda: calls.append("called"))
    limiter.acquire()

    limiter.update(limits(1))
    assert calls == ["called"]


def test_the_callback_fires_once_per_window_and_again_in_the_next(clock: FakeClock) -> None:
    calls: list[int] = []
    limiter = limiter_on(clock, reserve=3, callback=lambda: calls.append(1))
    limiter.acquire()

    limiter.update(limits(3, reset_ms=1000))
    limiter.update(limits(3, reset_ms=1000))
    assert len(calls) == 1
    clock.advance(1.1)
    limiter.update(limits(2, reset_ms=900))
    assert len(calls) == 2


def test_the_callback_fires_once_per_window_even_when_reset_ms_rounding_drifts(clock: FakeClock) -> None:
    calls: list[int] = []
    limiter = limiter_on(clock, reserve=2, wait=False, callback=lambda: calls.append(1))
    limiter.acquire()

    limiter.update(limits(2, reset_ms=1000))
    clock.advance(0.0104)
    limiter.update(limits(1, reset_ms=990))  # the store rounded 989.6 ms up
    clock.advance(0.0102)
    limiter.update(limits(0, reset_ms=980))

    assert len(calls) == 1


def test_no_callback_and_no_reserve_by_default(clock: FakeClock) -> None:
    limiter = known(clock, left=0)
    assert limiter.reserve == 0 and limiter.callback is None and limiter.wait is True


# -- the old dict -----------------------------------------------------------------------


def test_from_management_reads_the_old_dict() -> None:
    def callback(args: Any) -> None:
        pass

    limiter = RateLimiter.from_management({
        "min_requests_remaining": 4, "wait": False, "callback_function": callback, "callback_args": (1, 2),
    }, max_wait_s=7)

    assert (limiter.reserve, limiter.wait, limiter.callback, limiter.callback_args, limiter.max_wait_s) == (
        4, False, callback, (1, 2), 7)


@pytest.mark.parametrize("management", [None, {}])
def test_from_management_without_a_dict_gives_the_defaults(management: dict | None) -> None:
    limiter = RateLimiter.from_management(management)
    assert (limiter.reserve, limiter.wait, limiter.callback) == (0, True, None)


@pytest.mark.parametrize(
    ("management", "error"),
    [
        ({"min_request_remaining": 3}, ValueError),
        ({"callback_function": "not callable"}, TypeError),
        ({"min_requests_remaining": -1}, ValueError),
        ([("wait", True)], TypeError),
    ],
)
def test_from_management_refuses_a_malformed_dict(management: Any, error: type[Exception]) -> None:
    with pytest.raises(error):
        RateLimiter.from_management(management)


# -- threads ----------------------------------------------------------------------------


def test_threads_sharing_a_limiter_never_book_more_than_the_quota_in_a_window(clock: FakeClock) -> None:
    """Eight real threads, a fake clock the test moves one window at a time."""
    quota, threads_n, per_thread = 10, 8, 5
    limiter = RateLimiter(clock=clock, sleep=lambda s: None)  # replaced below
    limiter.acquire()
    limiter.update(limits(quota, quota=quota, reset_ms=1000))

    gate = threading.Condition()
    state = {"generation": 0, "booked": 0, "done": 0}
    asleep: dict[int, int] = {}

    def sleep(seconds: float) -> None:
        me = threading.get_ident()
        with gate:
            generation = state["generation"]
            asleep[me] = generation
            gate.notify_all()
            gate.wait_for(lambda: state["generation"] != generation, timeout=10)
            asleep.pop(me, None)

    limiter._sleep = sleep  # the hook a test owns: the limiter's injectable sleep

    def worker() -> None:
        for _ in range(per_thread):
            limiter.acquire()
            with gate:
                state["booked"] += 1
        with gate:
            state["done"] += 1
            gate.notify_all()

    workers = [threading.Thread(target=worker, daemon=True) for _ in range(threads_n)]
    for thread in workers:
        thread.start()

    booked_per_window = []
    for _ in range(threads_n * per_thread // quota):
        with gate:
            settled = gate.wait_for(
                lambda: state["done"] + sum(1 for g in asleep.values() if g == state["generation"]) == threads_n,
                timeout=10,
            )
            assert settled, "the threads never settled"
            booked_per_window.append(state["booked"] - sum(booked_per_window))
            clock.now += 1.0  # the window resets
            state["generation"] += 1
            gate.notify_all()
    for thread in workers:
        thread.join(10)

    assert booked_per_window == [quota] * (threads_n * per_thread // quota)
    assert state["booked"] == threads_n * per_thread and state["done"] == threads_n


def test_many_threads_booking_and_learning_at_once_lose_no_request(clock: FakeClock) -> None:
    limiter = limiter_on(clock)
    limiter.acquire()
    limiter.update(limits(100_000, quota=100_000, reset_ms=60_000, window_ms=60_000))
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            for i in range(500):
                limiter.acquire()
                if i % 10 == 0:
                    limiter.update(limits(100_000 - i, quota=100_000, reset_ms=60_000, window_ms=60_000))
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(8)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)

    assert errors == []
    assert not any(thread.is_alive() for thread in threads)
    assert clock.sleeps == []
    assert time.monotonic() - started < 20
