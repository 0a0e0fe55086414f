"""Batches: items chunked by the endpoint's limit, each answer split into what saved and what failed.

A chunk's answer is read the same way whatever the endpoint: the objects in
``data`` are the ones saved; an item not among them failed, with the
exception its chunk raised, or one made from the 207's ``errors``. Items are
matched to saved objects by the class's ``batch_key`` fields (``id`` for
updates, ``email`` for new customers, ...); when a partial answer cannot be
matched, every unmatched item is reported failed rather than guessed saved.
Nothing is dropped and nothing is sent twice: a chunk is one request, with
the connection's retry rules (a POST is never repeated).
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Callable, Generic, TypeVar

from ..exception import BatchItemFailed, BigcommerceError, HttpException
from ..mapping import parse_json
from ..pages import check_concurrency

__all__ = ["BatchResult", "chunked", "run_chunks"]

T = TypeVar("T")


@dataclass
class BatchResult(Generic[T]):
    """What a batch call did: ``succeeded`` (the API's saved objects), ``failed`` ((item, error) pairs)."""

    succeeded: list[T] = field(default_factory=list)
    failed: list[tuple[Any, BigcommerceError]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no item failed."""
        return not self.failed

    def __iter__(self) -> Iterator[T]:
        return iter(self.succeeded)

    def __len__(self) -> int:
        return len(self.succeeded)

    def raise_for_failures(self) -> None:
        """Raise the first failure's error (the others stay in ``failed``)."""
        if self.failed:
            raise self.failed[0][1]

    def __repr__(self) -> str:
        return f"<BatchResult {len(self.succeeded)} succeeded, {len(self.failed)} failed>"


def chunked(items: Sequence[T], size: int | None) -> list[list[T]]:
    """``items`` in runs of ``size`` (one run when the endpoint states no limit)."""
    if not size:
        return [list(items)] if items else []
    return [list(items[start:start + size]) for start in range(0, len(items), size)]


# One chunk -> (the saved objects, the (item, error) failures).
ChunkOutcome = tuple[list[Any], list[tuple[Any, BigcommerceError]]]


def run_chunks(
    chunks: list[list[Any]], send: Callable[[list[Any]], ChunkOutcome], concurrency: int
) -> tuple[list[Any], list[tuple[Any, BigcommerceError]]]:
    """Every chunk sent once (``concurrency`` at a time), outcomes gathered in chunk order."""
    workers = min(check_concurrency(concurrency), max(1, len(chunks)))

    def guarded(chunk: list[Any]) -> ChunkOutcome:
        try:
            return send(chunk)
        except BigcommerceError as error:  # the whole chunk failed: every item, with its error
            return [], [(item, error) for item in chunk]

    if workers == 1:
        outcomes = [guarded(chunk) for chunk in chunks]
    else:
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="bigcommerce-batch") as pool:
            outcomes = list(pool.map(guarded, chunks))
    succeeded: list[Any] = []
    failed: list[tuple[Any, BigcommerceError]] = []
    for saved, lost in outcomes:
        succeeded.extend(saved)
        failed.extend(lost)
    return succeeded, failed


def split_answer(
    chunk: list[Any], body: Any, key: Callable[[Any], Any], error: BigcommerceError | None,
    response: Any = None,
) -> ChunkOutcome:
    """A chunk's answer (a 2xx body, or the body a failed chunk's exception carries) as saved and failed.

    ``error`` is the exception of a failed chunk. A 2xx answer fails items
    too: those its ``errors`` name (207, or 200 with errors), and those it
    leaves out of ``data``.
    """
    data = body.get("data") if isinstance(body, dict) else body if isinstance(body, list) else None
    if error is None and not isinstance(data, list):
        return list(chunk), []  # 204, or an answer without objects: the request as a whole succeeded
    saved = [obj for obj in data if isinstance(obj, dict)] if isinstance(data, list) else []
    if error is None:
        if isinstance(body, dict) and body.get("errors"):
            error = BatchItemFailed("the batch was partly saved: " + _summary(body), response)
        elif len(saved) >= len(chunk):
            return saved, []
        else:
            error = BatchItemFailed(
                f"the answer holds {len(saved)} of the {len(chunk)} items sent; the others were not saved",
                response,
            )
    if not saved:
        return [], [(item, error) for item in chunk]
    saved_keys = {key(obj) for obj in saved}
    if None in saved_keys or any(key(item) is None for item in chunk):
        # Saved objects we cannot match to the items sent: every item is reported, none guessed saved.
        return saved, [(item, error) for item in chunk]
    return saved, [(item, error) for item in chunk if key(item) not in saved_keys]


def _summary(body: dict[str, Any]) -> str:
    errors = body.get("errors")
    if isinstance(errors, dict):
        title = errors.get("title")
        return str(title) if title else str(errors)[:200]
    return str(errors)[:200]


def body_of(error: HttpException) -> Any:
    """The parsed JSON an HttpException carries, or None."""
    try:
        return parse_json(error.content) if error.content else None
    except ValueError:
        return None
