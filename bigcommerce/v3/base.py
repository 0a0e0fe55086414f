"""v3 resource classes are declarations; the verbs behind them live here, once.

A class names its path template (``catalog/products/{product_id}/variants``)
and what differs between endpoints: paging, batch limit, how a lone item is
read or deleted. Capability mixins give it exactly the operations the API
documents. Parent ids come first, positionally, outermost first; only the
``*_many`` verbs take their items (or ids) first. ``connection=`` is filled
in by ``api.v3``.
"""
from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, ClassVar, TypeVar, cast

from .. import urls
from ..exception import HttpException, ResourceNotFound
from ..mapping import Mapping
from .batch import BatchResult, body_of, chunked, run_chunks, split_answer
from .connection import V3Connection, unwrap
from .paging import CURSOR, OFFSET, Page, Paging, fetch_page, walk

__all__ = [
    "BODY",
    "QUERY",
    "BatchCreateableV3",
    "BatchDeleteableV3",
    "BatchUpdateableV3",
    "CountableV3",
    "CreateableV3",
    "DeleteForm",
    "DeleteableV3",
    "GettableV3",
    "ListableV3",
    "SingletonV3",
    "UpdateableSingletonV3",
    "UpdateableV3",
    "V3List",
    "V3Resource",
    "subresource",
]

R = TypeVar("R", bound="V3Resource")
T = TypeVar("T")
_PARAMETER = re.compile(r"\{(\w[\w-]*)\}")


class DeleteForm(enum.Enum):
    """How a bulk DELETE names its items: a query filter, or a JSON array of ids in the body."""

    QUERY = "query"
    BODY = "body"


QUERY = DeleteForm.QUERY
BODY = DeleteForm.BODY


class V3List(list[T]):
    """One page of objects, with the page's ``meta`` ({} when the answer had none)."""

    def __init__(self, items: Iterable[T] = (), meta: dict[str, Any] | None = None) -> None:
        super().__init__(items)
        self.meta: dict[str, Any] = meta or {}


class V3Resource(Mapping):
    """One v3 object; the class says where it lives and how its endpoint behaves."""

    #: The path template served, without the leading slash.
    path: ClassVar[str] = ""
    #: A store-wide path for the lists and batches of a subresource (``catalog/products/metafields``).
    collection_path: ClassVar[str] = ""
    paging: ClassVar[Paging] = OFFSET
    #: The paging of ``collection_path`` when it differs (batch metafield lists page by cursor).
    collection_paging: ClassVar[Paging | None] = None
    #: The endpoint's largest ``limit``; also the default page size.
    max_limit: ClassVar[int] = 250
    #: Items per batch request (None: the API states no limit; one request).
    batch_limit: ClassVar[int | None] = None
    #: The PUT's limit where it differs from the POST's (price records: POST 100, PUT 1000).
    update_batch_limit: ClassVar[int | None] = None
    #: Query parameters the API's writes take beside the body (``channel_id`` of a settings PUT,
    #: ``include`` of a cart POST): given as keyword arguments, they go in the query, not the body.
    write_params: ClassVar[tuple[str, ...]] = ()
    #: Ids per bulk DELETE.
    delete_limit: ClassVar[int | None] = 250
    delete_form: ClassVar[DeleteForm] = QUERY
    #: The field that holds an object's id, and the filter that selects by it
    #: (empty: the bulk DELETE takes filters only, never a list of ids).
    id_field: ClassVar[str] = "id"
    id_filter: ClassVar[str] = "id:in"
    #: Whether ``{path}/{id}`` exists; without it one object is read, written and deleted through the batch.
    item_path: ClassVar[bool] = True
    #: The fields that make up an object's key in its path, when more than ``id_field``
    #: (price records: ``("variant_id", "currency")`` for ``…/records/{variant_id}/{currency_code}``).
    item_fields: ClassVar[tuple[str, ...]] = ()
    #: The method of a batch create: POST, or PUT where the API's PUT creates (channel assignments).
    create_many_method: ClassVar[str] = "POST"
    #: Writes take arrays only: ``create`` and ``update`` send a one-item batch.
    array_writes: ClassVar[bool] = False
    #: Fields that tell a saved object's item in a batch answer.
    batch_key: ClassVar[tuple[str, ...]] = ("id",)
    #: Batches live only on ``collection_path`` and name each item's parent in this field
    #: (metafields: ``resource_id``); a parent id given to a ``*_many`` verb fills it in.
    owner_field: ClassVar[str] = ""

    def __init__(
        self, mapping: dict[str, Any] | None = None, _connection: V3Connection | None = None,
        _parents: tuple[urls.ResourceId, ...] = (), **fields: Any,
    ) -> None:
        dict.__init__(self, mapping or (), **fields)
        object.__setattr__(self, "_connection", _connection)
        object.__setattr__(self, "_parents", _parents)

    # -- declarations read ------------------------------------------------------

    @classmethod
    def parent_keys(cls) -> tuple[str, ...]:
        """The path parameters before the object's own id, outermost first."""
        return tuple(_PARAMETER.findall(cls.path))

    @classmethod
    def _fill(cls, template: str, values: Sequence[Any]) -> str:
        names = _PARAMETER.findall(template)
        if len(values) != len(names):
            wanted = ", ".join(names) or "no parent id"
            raise TypeError(f"{cls.__name__} takes {wanted}; got {len(values)} id(s)")
        parts = iter(values)
        return _PARAMETER.sub(lambda m: urls.check_id(next(parts), m.group(1)), template)

    @classmethod
    def _list_path(cls, parents: Sequence[Any]) -> str:
        """The parent's list, or, without parent ids, the store-wide collection where there is one."""
        if not parents and cls.collection_path and cls.parent_keys():
            return cls._fill(cls.collection_path, ())
        return cls._fill(cls.path, parents)

    @classmethod
    def _key_fields(cls) -> tuple[str, ...]:
        return cls.item_fields or (cls.id_field,)

    @classmethod
    def _item(cls, parents: Sequence[Any], key: Sequence[urls.ResourceId]) -> str:
        fields = cls._key_fields()
        if len(key) != len(fields):
            raise TypeError(f"{cls.__name__} objects are keyed by {', '.join(fields)}; got {len(key)} value(s)")
        tail = "/".join(urls.check_id(value, name) for value, name in zip(key, fields))
        return cls._fill(cls.path, parents) + "/" + tail

    @classmethod
    def _split_ids(cls, ids: Sequence[urls.ResourceId]) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
        """``get(*ids)``: the parent ids, then the object's own key."""
        parents = len(cls.parent_keys())
        if len(ids) != parents + len(cls._key_fields()):
            wanted = ", ".join((*cls.parent_keys(), *cls._key_fields()))
            raise TypeError(f"{cls.__name__}.get takes {wanted}; got {len(ids)} id(s)")
        return tuple(ids[:parents]), tuple(ids[parents:])

    @classmethod
    def _paging_for(cls, parents: Sequence[Any]) -> Paging:
        if not parents and cls.collection_path and cls.parent_keys():
            return cls.collection_paging or cls.paging
        return cls.paging

    @staticmethod
    def _require(connection: V3Connection | None) -> V3Connection:
        if connection is None:
            raise TypeError("no connection: call through api.v3 (api.v3.Products.all()) or pass connection=")
        return connection

    @classmethod
    def _split_params(cls, fields: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any] | None]:
        """A write's keyword arguments as (body, query): ``write_params`` go in the query."""
        if not cls.write_params:
            return fields, None
        query = {name: fields.pop(name) for name in cls.write_params if name in fields}
        return fields, (_query(query) or None)

    @classmethod
    def _wrap(cls: type[R], data: Any, connection: V3Connection, parents: tuple[Any, ...]) -> R:
        return cls(data, connection, parents) if isinstance(data, dict) else cast(R, data)

    @classmethod
    def _wrap_all(cls: type[R], items: Iterable[Any], connection: V3Connection, parents: tuple[Any, ...]) -> list[R]:
        return [cls._wrap(item, connection, parents) for item in items]

    @classmethod
    def _key(cls, item: Any) -> Any:
        if not isinstance(item, dict):
            return item  # an id in a delete batch
        values = tuple(item.get(name) for name in cls.batch_key)
        return None if None in values else values

    # -- an object's own address ---------------------------------------------------

    def _id(self) -> urls.ResourceId:
        if self.id_field not in self:
            raise ValueError(f"this {type(self).__name__} object has no {self.id_field!r} field")
        rid: urls.ResourceId = dict.__getitem__(self, self.id_field)
        urls.check_id(rid, self.id_field)
        return rid

    def _own_key(self) -> tuple[urls.ResourceId, ...]:
        """The values that address this object under its parents (its id, or its composite key)."""
        if not self.item_fields:
            return (self._id(),)
        missing = [name for name in self.item_fields if dict.get(self, name) is None]
        if missing:
            raise ValueError(f"this {type(self).__name__} object has no {', '.join(missing)}")
        return tuple(dict.__getitem__(self, name) for name in self.item_fields)

    def parent_ids(self) -> tuple[urls.ResourceId, ...]:
        """The parent ids of this object: those it was fetched under, else its own fields (``product_id``)."""
        keys = self.parent_keys()
        remembered: tuple[Any, ...] = self.__dict__.get("_parents", ())
        if len(remembered) == len(keys):
            return remembered
        missing = [key for key in keys if dict.get(self, key) is None]
        if missing:
            raise ValueError(f"this {type(self).__name__} object does not know its {', '.join(missing)}")
        return tuple(dict.__getitem__(self, key) for key in keys)

    @property
    def update(self) -> Any:
        """Absent unless the API can update this resource: ``obj.update(...)`` never edits only a local copy."""
        raise AttributeError(f"{type(self).__name__} objects cannot be updated through the BigCommerce API")


def _items_of(body: Any) -> list[Any]:
    return Page(body).items


# -- lists ---------------------------------------------------------------------------------


class ListableV3(V3Resource):
    @classmethod
    def all(
        cls: type[R], *parents: urls.ResourceId, connection: V3Connection | None = None, **filters: Any
    ) -> V3List[R]:
        """One GET of the list (``limit`` up to the endpoint's maximum): a list with the page's ``.meta``."""
        conn = cls._require(connection)
        page = fetch_page(conn, cls._list_path(parents), _query(filters), cls.max_limit)
        return V3List(cls._wrap_all(page.items, conn, parents), page.meta)

    @classmethod
    def iterall(
        cls: type[R], *parents: urls.ResourceId, connection: V3Connection | None = None, concurrency: int = 1,
        **filters: Any,
    ) -> Iterator[R]:
        """Every object, page after page, with the paging this endpoint uses (``concurrency=N`` on offset lists)."""
        conn = cls._require(connection)
        items = walk(conn, cls._list_path(parents), _query(filters), cls._paging_for(parents), cls.max_limit,
                     concurrency, cls.id_field)
        for item in items:
            yield cls._wrap(item, conn, parents)


class CountableV3(V3Resource):
    @classmethod
    def count(cls, *parents: urls.ResourceId, connection: V3Connection | None = None, **filters: Any) -> int:
        """How many objects match: ``meta.pagination.total`` of a one-item page."""
        conn = cls._require(connection)
        page = fetch_page(conn, cls._list_path(parents), {**_query(filters), "limit": 1}, cls.max_limit)
        pagination = page.meta.get("pagination")
        total = pagination.get("total") if isinstance(pagination, dict) else page.meta.get("total_items")
        if isinstance(total, int) and not isinstance(total, bool):
            return total
        raise ValueError(f"{cls.__name__}: the list answered without a total in its meta")


# -- one object ---------------------------------------------------------------------------------


class GettableV3(V3Resource):
    @classmethod
    def get(  # type: ignore[override]
        cls: type[R], *ids: urls.ResourceId, connection: V3Connection | None = None, **params: Any
    ) -> R:
        """``GET {path}/{id}``; where the API has no per-id path, the list filtered to that id."""
        conn = cls._require(connection)
        parents, key = cls._split_ids(ids)
        if cls.item_path:
            body = conn.request("GET", cls._item(parents, key), params=_query(params))
            return cls._wrap(unwrap(body), conn, parents)
        (rid,) = key
        urls.check_id(rid, cls.id_field)
        page = fetch_page(conn, cls._fill(cls.path, parents), {**_query(params), cls.id_filter: rid}, cls.max_limit)
        for item in page.items:
            if isinstance(item, dict) and str(item.get(cls.id_field)) == str(rid):
                return cls._wrap(item, conn, parents)
        raise ResourceNotFound(f"GET /{cls._fill(cls.path, parents)}?{cls.id_filter}={rid}: no such {cls.__name__}")


class CreateableV3(V3Resource):
    @classmethod
    def create(cls: type[R], *parents: urls.ResourceId, connection: V3Connection | None = None, **fields: Any) -> R:
        """``POST {path}``: the created object (a one-item batch where the API only takes arrays)."""
        conn = cls._require(connection)
        path = cls._fill(cls.path, parents)
        fields, query = cls._split_params(fields)
        if cls.array_writes:
            answer = conn.request("POST", path, json=[fields], params=query)
            return cls._wrap(_only(answer, cls.__name__), conn, parents)
        return cls._wrap(unwrap(conn.request("POST", path, json=fields, params=query)), conn, parents)


class UpdateableV3(V3Resource):
    def update(self: R, **fields: Any) -> R:  # type: ignore[override]
        """``PUT {path}/{id}`` with the changed fields (a one-item batch where there is no per-id path)."""
        conn = self._require(self._connection)
        parents = self.parent_ids()
        fields, query = self._split_params(fields)
        if self.item_path:
            body = conn.request("PUT", self._item(parents, self._own_key()), json=fields, params=query)
            return self._wrap(unwrap(body), conn, parents)
        item = {self.id_field: self._id(), **fields}
        return self._wrap(_only(conn.request("PUT", self._fill(self.path, parents), json=[item], params=query),
                                type(self).__name__), conn, parents)


class DeleteableV3(V3Resource):
    def delete(self, **params: Any) -> None:
        """``DELETE {path}/{id}`` (the bulk delete for this one id where there is no per-id path);
        ``params`` go in the query (``template.delete(channel_id=2)``)."""
        conn = self._require(self._connection)
        parents = self.parent_ids()
        query = _query(params) or None
        if self.item_path:
            conn.request("DELETE", self._item(parents, self._own_key()), params=query)
        elif self.delete_form is BODY:
            conn.request("DELETE", self._fill(self.path, parents), json=[self._id()], params=query)
        else:
            path = self._fill(self.path, parents)
            conn.request("DELETE", path, params={**(query or {}), self.id_filter: [self._id()]})


# -- batches ------------------------------------------------------------------------------------


def _batch(
    cls: type[R], method: str, items: Sequence[Any], parents: tuple[Any, ...], connection: V3Connection | None,
    concurrency: int,
) -> BatchResult[R]:
    """Send ``items`` in chunks of the class's batch limit and split every answer."""
    conn = cls._require(connection)
    path = cls._list_path(parents)
    if parents and cls.owner_field:
        # The per-parent path takes one object; the batch is the store-wide path, each item naming its owner.
        path = cls._fill(cls.collection_path, ())
        owner = parents[-1]
        items = [item if item.get(cls.owner_field) is not None else {**item, cls.owner_field: owner}
                 for item in items]

    def send(chunk: list[Any]) -> tuple[list[Any], list[Any]]:
        try:
            body, response = conn._request(method, path, json=chunk)
        except HttpException as error:
            saved, failed = split_answer(chunk, body_of(error), cls._key, error)
        else:
            saved, failed = split_answer(chunk, body, cls._key, None, response)
        return cls._wrap_all(saved, conn, parents), failed

    limit = cls.update_batch_limit if method == "PUT" and cls.update_batch_limit else cls.batch_limit
    succeeded, failed = run_chunks(chunked(items, limit), send, concurrency)
    return BatchResult(succeeded, failed)


class BatchCreateableV3(V3Resource):
    @classmethod
    def create_many(
        cls: type[R], items: Sequence[dict[str, Any]], *parents: urls.ResourceId,
        connection: V3Connection | None = None, concurrency: int = 1,
    ) -> BatchResult[R]:
        """POST the items in chunks of the endpoint's batch limit; what saved and what failed."""
        _check_items(items, cls.__name__)
        return _batch(cls, cls.create_many_method, items, parents, connection, concurrency)


class BatchUpdateableV3(V3Resource):
    #: The PUT also creates items without an id (an upsert: redirects, price records, variants).
    upsert: ClassVar[bool] = False

    @classmethod
    def update_many(
        cls: type[R], items: Sequence[dict[str, Any]], *parents: urls.ResourceId,
        connection: V3Connection | None = None, concurrency: int = 1,
    ) -> BatchResult[R]:
        """PUT the items in chunks of the endpoint's batch limit; each needs its id unless the PUT upserts."""
        _check_items(items, cls.__name__)
        if not getattr(cls, "upsert", False):
            for index, item in enumerate(items):
                if item.get(cls.id_field) is None:
                    raise ValueError(f"{cls.__name__}.update_many: item {index} has no {cls.id_field!r}")
        return _batch(cls, "PUT", items, parents, connection, concurrency)


class BatchDeleteableV3(V3Resource):
    @classmethod
    def delete_many(
        cls, ids: Sequence[urls.ResourceId] | None = None, *parents: urls.ResourceId,
        connection: V3Connection | None = None, concurrency: int = 1, **filters: Any,
    ) -> BatchResult[urls.ResourceId]:
        """DELETE by ids (``id:in``, or a JSON body of ids), chunked; or by a filter. Never the whole collection."""
        conn = cls._require(connection)
        path = cls._fill(cls.collection_path, ()) if parents and cls.owner_field else cls._list_path(parents)
        query = _query(filters)
        if ids is not None and (isinstance(ids, (str, bytes)) or not isinstance(ids, Sequence)):
            raise TypeError(f"{cls.__name__}.delete_many takes a list of ids")
        if ids is not None and not cls.id_filter and cls.delete_form is QUERY:
            raise TypeError(f"{cls.__name__}.delete_many takes filters, not ids: the API has no id filter here")
        id_list = list(ids or ())
        for rid in id_list:
            urls.check_id(rid, cls.id_field)
        if not id_list and not any(value not in (None, "", [], ()) for value in query.values()):
            raise ValueError(
                f"{cls.__name__}.delete_many needs ids or a filter: without one it would delete the whole collection"
            )
        if not id_list:
            conn.request("DELETE", path, params=query)
            return BatchResult()

        def send(chunk: list[Any]) -> tuple[list[Any], list[Any]]:
            if cls.delete_form is BODY:
                conn.request("DELETE", path, json=chunk, params=query or None)
            else:
                conn.request("DELETE", path, params={**query, cls.id_filter: chunk})
            return chunk, []

        succeeded, failed = run_chunks(chunked(id_list, cls.delete_limit), send, concurrency)
        return BatchResult(succeeded, failed)


class MetafieldsV3(
    ListableV3, GettableV3, CreateableV3, UpdateableV3, DeleteableV3, BatchCreateableV3, BatchUpdateableV3,
    BatchDeleteableV3,
):
    """The metafields of one owner (a product, a customer, ...): one pattern, ten families.

    Each owner has CRUD under ``…/{owner_id}/metafields`` and a store-wide batch
    collection (``collection_path``) that pages by cursor, deletes a JSON array
    of ids, and names each item's owner in ``resource_id``.
    """

    paging = CURSOR
    delete_form = BODY
    batch_key = ("resource_id", "namespace", "key")  # a saved metafield is told by owner, namespace and key
    owner_field = "resource_id"


# -- singletons ------------------------------------------------------------------------------------


class SingletonV3(V3Resource):
    @classmethod
    def get(  # type: ignore[override]
        cls: type[R], *parents: urls.ResourceId, connection: V3Connection | None = None, **params: Any
    ) -> R:
        """``GET {path}``: the one object (settings, summaries)."""
        conn = cls._require(connection)
        return cls._wrap(unwrap(conn.request("GET", cls._fill(cls.path, parents), params=_query(params))),
                         conn, parents)


class TextV3(V3Resource):
    """A GET that answers text, not JSON: a CSV export, an event stream read to its end."""

    @classmethod
    def get(  # type: ignore[override]
        cls, *parents: urls.ResourceId, connection: V3Connection | None = None, **params: Any
    ) -> str:
        """``GET {path}``: the body as text."""
        return cls._require(connection).request_text("GET", cls._fill(cls.path, parents), params=_query(params))


class PutOnlySingletonV3(V3Resource):
    """A singleton the API writes but does not read back on its own (``…/site/checkout-url``)."""

    @classmethod
    def update(  # type: ignore[override]
        cls: type[R], *parents: urls.ResourceId, connection: V3Connection | None = None, **fields: Any
    ) -> R:
        """``PUT {path}``: the object as the API answers it (``write_params`` such as ``channel_id`` in the query)."""
        conn = cls._require(connection)
        fields, query = cls._split_params(fields)
        answer = conn.request("PUT", cls._fill(cls.path, parents), json=fields, params=query)
        return cls._wrap(unwrap(answer), conn, parents)


class UpdateableSingletonV3(SingletonV3, PutOnlySingletonV3):
    """A singleton read with ``get()`` and written with ``update(**fields)`` (settings)."""


class DeleteableSingletonV3(V3Resource):
    @classmethod
    def delete(cls, *parents: urls.ResourceId, connection: V3Connection | None = None) -> None:
        """``DELETE {path}``: the one object (a brand's image, a channel's site)."""
        cls._require(connection).request("DELETE", cls._fill(cls.path, parents))


# -- helpers -----------------------------------------------------------------------------------------


def _query(params: dict[str, Any]) -> dict[str, Any]:
    """Filters as the API spells them: ``id__in`` is ``id:in``; ``include`` lists comma-joined."""
    return {key.replace("__", ":"): value for key, value in params.items()}


def _only(body: Any, name: str) -> Any:
    """The one object a one-item batch answered with."""
    items = _items_of(body)
    if len(items) != 1:
        raise ValueError(f"{name}: a one-item batch answered with {len(items)} objects")
    return items[0]


def _check_items(items: object, name: str) -> None:
    if isinstance(items, (str, bytes, dict)) or not isinstance(items, Sequence):
        raise TypeError(f"{name}: the items must be a list of dicts")
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise TypeError(f"{name}: item {index} is a {type(item).__name__}, not a dict")


class subresource:
    """Declares a parent helper: ``variants = subresource(ProductVariants)``."""

    #: ``api.v3.Products.variants`` is the child class with the connection filled in.
    declares_subresource = True

    def __init__(self, child: type[V3Resource]) -> None:
        self.child = child

    def __get__(self, obj: Any, owner: type) -> Any:
        if obj is None:
            return self.child
        return BoundV3Subresource(self.child, (*obj.parent_ids(), obj._id()), obj._connection)


class BoundV3Subresource:
    """``product.variants()`` lists, ``product.variants(7)`` gets one; ``.iterall``, ``.create``, ``.count`` ..."""

    HELPERS = frozenset({"all", "iterall", "count", "create", "create_many", "update_many", "delete_many"})
    ITEMS_FIRST = frozenset({"create_many", "update_many", "delete_many"})

    def __init__(self, child: type[V3Resource], parents: tuple[Any, ...], connection: V3Connection | None) -> None:
        self._child = child
        self._parents = parents
        self._connection = connection

    def __call__(self, id: urls.ResourceId | None = None, **params: Any) -> Any:
        child: Any = self._child
        if id is not None:
            return child.get(*self._parents, id, connection=self._connection, **params)
        return child.all(*self._parents, connection=self._connection, **params)

    def __getattr__(self, name: str) -> Any:
        if name not in self.HELPERS or not hasattr(self._child, name):
            raise AttributeError(f"{self._child.__name__} of a parent has no {name!r}")
        method = getattr(self._child, name)
        parents, connection = self._parents, self._connection

        def bound(*args: Any, **kwargs: Any) -> Any:
            if name in self.ITEMS_FIRST:
                first, *rest = args
                return method(first, *parents, *rest, connection=connection, **kwargs)
            return method(*parents, *args, connection=connection, **kwargs)

        bound.__name__ = name
        bound.__doc__ = method.__doc__
        return bound

    def __repr__(self) -> str:
        return f"<{self._child.__name__} of {self._parents!r}>"
