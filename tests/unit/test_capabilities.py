"""Each capability mixin, once, on resource classes that exist only in these tests.

``Widgets`` is a top-level collection with every capability, ``WidgetParts``
its subresource; the cassettes under ``cassettes/capabilities/`` say which
requests each call must send. A call that must send nothing runs against an
empty cassette: any request would fail to match, and ``play_count`` stays 0.
"""
from __future__ import annotations

import datetime

import pytest

from bigcommerce.api import BigcommerceApi
from bigcommerce.exception import ResourceNotFound, UnsupportedOperation
from bigcommerce.resources import (
    CollectionDeleteableApiResource,
    CollectionDeleteableApiSubResource,
    CountableApiResource,
    CountableApiSubResource,
    CreateableApiResource,
    CreateableApiSubResource,
    DeleteableApiResource,
    DeleteableApiSubResource,
    GettableApiResource,
    GettableApiSubResource,
    ListableApiResource,
    ListableApiSubResource,
    UpdateableApiResource,
    UpdateableApiSubResource,
    subresource,
)
from tests.conftest import replay

NO_REQUESTS = "capabilities/no_requests.yaml"


class WidgetParts(
    ListableApiSubResource, GettableApiSubResource, CreateableApiSubResource,
    UpdateableApiSubResource, DeleteableApiSubResource, CollectionDeleteableApiSubResource,
    CountableApiSubResource,
):
    resource_name = "parts"
    parent_resource = "widgets"
    parent_key = "widget_id"
    count_resource = "widgets/parts"


class WidgetNotes(ListableApiSubResource, CountableApiSubResource):
    """No get by id, no store-wide count."""
    resource_name = "notes"
    parent_resource = "widgets"
    parent_key = "widget_id"


class WidgetLabels(ListableApiSubResource, UpdateableApiSubResource):
    """A store-wide list at widgets/labels besides each widget's own."""
    resource_name = "labels"
    parent_resource = "widgets"
    parent_key = "widget_id"
    list_resource = "widgets/labels"


class WidgetTags(ListableApiSubResource, CountableApiSubResource):
    """Only a store-wide count."""
    resource_name = "tags"
    parent_resource = "widgets"
    parent_key = "widget_id"
    count_resource = "widgets/tags"
    count_per_parent = False


class Widgets(
    ListableApiResource, GettableApiResource, CreateableApiResource, UpdateableApiResource,
    DeleteableApiResource, CollectionDeleteableApiResource, CountableApiResource,
):
    resource_name = "widgets"
    parts = subresource(WidgetParts)
    notes = subresource(WidgetNotes)


class Gadgets(ListableApiResource):
    """A collection that ignores ``page``, like order_statuses."""
    resource_name = "gadgets"
    paginated = False


@pytest.fixture
def conn(api: BigcommerceApi):
    return api.connection


# -- list: all() ------------------------------------------------------------------


def test_all_returns_one_page_of_widget_objects(conn) -> None:
    with replay.use_cassette("capabilities/all_one_page.yaml") as cassette:
        widgets = Widgets.all(connection=conn)
    assert cassette.all_played
    assert [w.id for w in widgets] == [1, 2, 3]
    assert all(type(w) is Widgets for w in widgets)
    assert widgets[0].name == widgets[0]["name"] == "Widget 1"


def test_all_keeps_link_objects_as_data_beside_the_helper(conn) -> None:
    with replay.use_cassette("capabilities/all_one_page.yaml"):
        widget = Widgets.all(connection=conn)[0]
    assert widget["parts"]["resource"] == "/widgets/1/parts"
    assert callable(widget.parts)
    assert widget.parts is not widget["parts"]


def test_all_returns_an_empty_list_when_the_api_answers_204(conn) -> None:
    with replay.use_cassette("capabilities/all_past_the_end.yaml") as cassette:
        widgets = Widgets.all(page=9, connection=conn)
    assert cassette.all_played
    assert widgets == []


def test_all_sends_page_limit_and_filters_in_the_api_format(conn) -> None:
    modified = datetime.datetime(2018, 4, 10, 18, 59, 5, tzinfo=datetime.timezone.utc)
    with replay.use_cassette("capabilities/all_with_paging_and_filters.yaml") as cassette:
        widgets = Widgets.all(
            page=2, limit=10, connection=conn,
            **{"id:in": [3, 5, 8]}, is_visible=True, is_featured=False,
            min_date_modified=modified, name="Desk Lamp", sku=None,
        )
    assert cassette.all_played
    assert [w.name for w in widgets] == ["Desk Lamp"]


def test_all_without_a_connection_raises_type_error() -> None:
    with pytest.raises(TypeError, match="connection"):
        Widgets.all()


@pytest.mark.parametrize("paging", [{"limit": 251}, {"limit": 0}, {"page": 0}, {"page": -1},
                                    {"page": "2"}, {"limit": True}, {"limit": 2.5}])
def test_all_with_paging_out_of_range_raises_before_any_request(conn, paging) -> None:
    with replay.use_cassette(NO_REQUESTS) as cassette:
        with pytest.raises(ValueError):
            Widgets.all(connection=conn, **paging)
    assert cassette.play_count == 0


@pytest.mark.parametrize("paging", [{"limit": 251}, {"page": 0}])
def test_iterall_with_paging_out_of_range_raises_before_any_request(conn, paging) -> None:
    with replay.use_cassette(NO_REQUESTS) as cassette:
        with pytest.raises(ValueError):
            list(Widgets.iterall(connection=conn, **paging))
    assert cassette.play_count == 0


@pytest.mark.parametrize("name", ["Products", "Orders", "ProductImages"])
def test_limit_251_through_the_api_raises_before_any_request(api, name) -> None:
    resource = getattr(api, name)
    args = (5,) if name == "ProductImages" else ()
    with replay.use_cassette(NO_REQUESTS) as cassette:
        with pytest.raises(ValueError, match="250"):
            resource.all(*args, limit=251)
    assert cassette.play_count == 0


# -- list: iterall() ------------------------------------------------------------------


def test_iterall_walks_pages_of_250_until_a_short_page(conn) -> None:
    with replay.use_cassette("capabilities/iterall_until_short_page.yaml") as cassette:
        ids = [w.id for w in Widgets.iterall(connection=conn)]
    assert cassette.all_played and cassette.play_count == 2
    assert ids == list(range(1, 254))


def test_iterall_stops_at_a_204(conn) -> None:
    with replay.use_cassette("capabilities/iterall_until_no_content.yaml") as cassette:
        widgets = list(Widgets.iterall(connection=conn))
    assert cassette.all_played and cassette.play_count == 2
    assert len(widgets) == 250
    assert all(isinstance(w, Widgets) for w in widgets)


def test_iterall_stops_at_an_empty_page(conn) -> None:
    with replay.use_cassette("capabilities/iterall_until_empty_page.yaml") as cassette:
        widgets = list(Widgets.iterall(connection=conn))
    assert cassette.all_played and cassette.play_count == 2
    assert widgets[-1].id == 250


def test_iterall_with_a_caller_limit_walks_pages_of_that_size_keeping_filters(conn) -> None:
    with replay.use_cassette("capabilities/iterall_with_limit.yaml") as cassette:
        ids = [w.id for w in Widgets.iterall(limit=2, is_visible=True, connection=conn)]
    assert cassette.all_played and cassette.play_count == 3
    assert ids == [1, 2, 3, 4, 5]


def test_iterall_is_lazy_and_sends_nothing_until_iterated(conn) -> None:
    with replay.use_cassette(NO_REQUESTS) as cassette:
        Widgets.iterall(connection=conn)
    assert cassette.play_count == 0


def test_iterall_stops_when_the_api_ignores_page(conn) -> None:
    with replay.use_cassette("capabilities/iterall_page_ignored.yaml") as cassette:
        ids = [w.id for w in Widgets.iterall(limit=2, connection=conn)]
    assert cassette.all_played and cassette.play_count == 2
    assert ids == [1, 2]


def test_iterall_on_an_unpaginated_class_makes_exactly_one_request(conn) -> None:
    with replay.use_cassette("capabilities/iterall_unpaginated.yaml") as cassette:
        gadgets = list(Gadgets.iterall(connection=conn))
    assert cassette.play_count == 1
    assert [g.name for g in gadgets] == ["Incomplete", "Pending", "Shipped"]
    assert all(isinstance(g, Gadgets) for g in gadgets)


def test_iterall_on_a_subresource_walks_the_parents_pages(conn) -> None:
    with replay.use_cassette("capabilities/iterall_subresource.yaml") as cassette:
        parts = list(WidgetParts.iterall(5, connection=conn))
    assert cassette.all_played and cassette.play_count == 1
    assert [p.id for p in parts] == [9, 10]
    assert all(isinstance(p, WidgetParts) for p in parts)


def test_iterall_on_a_subresource_remembers_the_parent_for_update(conn) -> None:
    with replay.use_cassette("capabilities/iterall_subresource_then_update.yaml") as cassette:
        part = next(WidgetParts.iterall(5, connection=conn))
        updated = part.update(name="Hinge")
    assert cassette.all_played
    assert updated.name == "Hinge"


def test_subresource_list_without_a_parent_raises_before_any_request(conn) -> None:
    with replay.use_cassette(NO_REQUESTS) as cassette:
        with pytest.raises(TypeError, match="widget_id"):
            WidgetParts.all(connection=conn)
        with pytest.raises(TypeError, match="widget_id"):
            list(WidgetParts.iterall(connection=conn))
    assert cassette.play_count == 0


def test_a_subresource_with_a_store_wide_list_uses_it_without_a_parent(conn) -> None:
    """CountryStates.all() is GET /countries/states, as in the old client."""
    with replay.use_cassette("capabilities/list_store_wide.yaml") as cassette:
        first_page = WidgetLabels.all(limit=2, connection=conn)
        every = list(WidgetLabels.iterall(connection=conn))
        navy = every[1].update(text="navy")
    assert cassette.all_played
    assert [label.parent_id() for label in first_page] == [5, 6] == [label.parent_id() for label in every]
    assert navy.text == "navy" and navy.parent_id() == 6


def test_parent_id_is_the_objects_own_parent_key_field() -> None:
    assert WidgetParts({"id": 2, "widget_id": 1}).parent_id() == 1
    assert WidgetParts({"id": 2, "widget_id": "abc"}).parent_id() == "abc"


def test_parent_id_falls_back_to_the_parent_the_object_was_fetched_under(conn) -> None:
    with replay.use_cassette("capabilities/iterall_subresource.yaml"):
        part = next(WidgetParts.iterall(5, connection=conn))
    assert "widget_id" not in part
    assert part.parent_id() == 5


def test_parent_id_of_an_object_that_does_not_know_it_raises_value_error() -> None:
    with pytest.raises(ValueError, match="widget_id"):
        WidgetParts({"id": 2}).parent_id()


# -- get, create, update, delete --------------------------------------------------------


def test_get_fetches_one_widget_by_id(conn) -> None:
    with replay.use_cassette("capabilities/get.yaml") as cassette:
        widget = Widgets.get(7, connection=conn)
    assert cassette.all_played
    assert isinstance(widget, Widgets)
    assert widget.id == 7 and widget.price == "17.9900"
    assert widget.date_created == "Tue, 10 Apr 2018 18:59:05 +0000"


def test_get_of_a_missing_id_raises_resource_not_found_with_the_api_message(conn) -> None:
    with replay.use_cassette("capabilities/get_missing.yaml"):
        with pytest.raises(ResourceNotFound) as caught:
            Widgets.get(404, connection=conn)
    assert caught.value.status_code == 404
    assert "The requested resource was not found." in str(caught.value)


def test_create_posts_the_fields_as_json_and_returns_the_new_widget(conn) -> None:
    with replay.use_cassette("capabilities/create.yaml") as cassette:
        widget = Widgets.create(
            name="Desk Lamp", price="19.9900", categories=[3, 5], is_visible=True, connection=conn
        )
    assert cassette.all_played
    assert isinstance(widget, Widgets)
    assert widget.id == 8 and widget.categories == [3, 5]


def test_update_puts_the_changes_to_the_widget_path_and_returns_the_new_state(conn) -> None:
    with replay.use_cassette("capabilities/update.yaml") as cassette:
        widget = Widgets.get(7, connection=conn)
        updated = widget.update(name="Desk Lamp XL", price="24.9900")
    assert cassette.all_played
    assert isinstance(updated, Widgets)
    assert updated.name == "Desk Lamp XL"
    assert widget.name == "Widget 7"


def test_delete_sends_delete_to_the_widget_path_and_returns_none(conn) -> None:
    with replay.use_cassette("capabilities/delete.yaml") as cassette:
        widget = Widgets.get(7, connection=conn)
        assert widget.delete() is None
    assert cassette.all_played


def test_delete_with_id_zero_hits_that_id_never_the_collection(conn) -> None:
    with replay.use_cassette("capabilities/delete_id_zero.yaml") as cassette:
        widget = Widgets.get(0, connection=conn)
        widget.delete()
    assert cassette.all_played
    assert cassette.requests[-1].path.endswith("/widgets/0")


def test_delete_all_sends_delete_to_the_collection(conn) -> None:
    with replay.use_cassette("capabilities/delete_all.yaml") as cassette:
        assert Widgets.delete_all(connection=conn) is None
    assert cassette.all_played


def test_delete_of_an_object_without_id_raises_before_any_request(conn) -> None:
    widget = Widgets({"name": "Unsaved"}, conn)
    with replay.use_cassette(NO_REQUESTS) as cassette:
        with pytest.raises(ValueError, match="id"):
            widget.delete()
    assert cassette.play_count == 0


# -- unsafe ids ------------------------------------------------------------------------

UNSAFE_IDS = [
    pytest.param("1/../x", ValueError, id="dot-dot"),
    pytest.param("1?x=y", ValueError, id="query"),
    pytest.param("", ValueError, id="empty"),
    pytest.param("5 ", ValueError, id="space"),
    pytest.param("5\n", ValueError, id="newline"),
    pytest.param(-1, ValueError, id="negative"),
    pytest.param(None, TypeError, id="none"),
    pytest.param(1.5, TypeError, id="float"),
    pytest.param(True, TypeError, id="bool"),
    pytest.param([1], TypeError, id="list"),
]


@pytest.mark.parametrize("bad, error", UNSAFE_IDS)
def test_get_with_an_unsafe_id_raises_before_any_request(conn, bad, error) -> None:
    with replay.use_cassette(NO_REQUESTS) as cassette:
        with pytest.raises(error):
            Widgets.get(bad, connection=conn)
    assert cassette.play_count == 0


@pytest.mark.parametrize("bad, error", UNSAFE_IDS)
def test_update_and_delete_of_an_object_with_an_unsafe_id_raise_before_any_request(conn, bad, error) -> None:
    widget = Widgets({"id": bad, "name": "Evil"}, conn)
    with replay.use_cassette(NO_REQUESTS) as cassette:
        with pytest.raises(error):
            widget.delete()
        with pytest.raises(error):
            widget.update(name="x")
    assert cassette.play_count == 0


@pytest.mark.parametrize("bad, error", UNSAFE_IDS)
def test_subresource_calls_with_an_unsafe_parent_or_id_raise_before_any_request(conn, bad, error) -> None:
    with replay.use_cassette(NO_REQUESTS) as cassette:
        if bad is not None:  # None as the child id means "list", and as the parent "store-wide"
            with pytest.raises(error):
                WidgetParts.get(5, bad, connection=conn)
            with pytest.raises(error):
                WidgetParts.count(bad, connection=conn)
        with pytest.raises(error):
            WidgetParts.get(bad, 9, connection=conn)
        with pytest.raises(error):
            WidgetParts.create(bad, name="x", connection=conn)
        with pytest.raises(error):
            WidgetParts.delete_all(bad, connection=conn)
        # a None parent field reads as "unknown parent"
        with pytest.raises(ValueError if bad is None else error):
            WidgetParts({"id": 9, "widget_id": bad}, conn).delete()
    assert cassette.play_count == 0


# -- count --------------------------------------------------------------------------------


def test_count_sends_filters_to_the_count_path_and_returns_an_int(conn) -> None:
    with replay.use_cassette("capabilities/count_with_filters.yaml") as cassette:
        count = Widgets.count(is_visible=True, **{"id:in": [1, 2]}, connection=conn)
    assert cassette.all_played
    assert count == 2 and type(count) is int


def test_count_answered_without_an_integer_raises_value_error(conn) -> None:
    with replay.use_cassette("capabilities/count_without_integer.yaml"):
        with pytest.raises(ValueError, match="count"):
            Widgets.count(connection=conn)


def test_subresource_count_with_a_parent_id_counts_that_parents_objects(conn) -> None:
    with replay.use_cassette("capabilities/count_per_parent.yaml") as cassette:
        assert WidgetParts.count(5, connection=conn) == 4
    assert cassette.all_played


def test_subresource_count_without_a_parent_uses_the_store_wide_count_resource(conn) -> None:
    with replay.use_cassette("capabilities/count_store_wide.yaml") as cassette:
        assert WidgetParts.count(connection=conn) == 17
    assert cassette.all_played


def test_subresource_count_without_parent_or_count_resource_raises_type_error(conn) -> None:
    with replay.use_cassette(NO_REQUESTS) as cassette:
        with pytest.raises(TypeError, match="widget_id"):
            WidgetNotes.count(connection=conn)
    assert cassette.play_count == 0


def test_subresource_count_per_parent_where_the_api_has_none_raises_type_error(conn) -> None:
    with replay.use_cassette(NO_REQUESTS) as cassette:
        with pytest.raises(TypeError, match="per-parent"):
            WidgetTags.count(5, connection=conn)
    assert cassette.play_count == 0


# -- subresource get, create, update, delete ----------------------------------------------


def test_subresource_get_with_only_the_parent_id_lists_the_parents_objects(conn) -> None:
    with replay.use_cassette("capabilities/part_get_with_parent_only.yaml") as cassette:
        parts = WidgetParts.get(5, connection=conn)
    assert cassette.all_played
    assert [p.id for p in parts] == [9, 10]
    assert all(isinstance(p, WidgetParts) for p in parts)


def test_subresource_get_with_parent_and_id_fetches_one(conn) -> None:
    with replay.use_cassette("capabilities/part_get.yaml") as cassette:
        part = WidgetParts.get(5, 9, connection=conn)
    assert cassette.all_played
    assert isinstance(part, WidgetParts)
    assert part.widget_id == 5 and part.name == "Part 9"


def test_subresource_all_takes_the_parent_id_and_paging(conn) -> None:
    with replay.use_cassette("capabilities/part_list.yaml") as cassette:
        parts = WidgetParts.all(5, limit=1, connection=conn)
    assert cassette.all_played
    assert [p.id for p in parts] == [9]


def test_subresource_create_posts_under_the_parent(conn) -> None:
    with replay.use_cassette("capabilities/part_create.yaml") as cassette:
        part = WidgetParts.create(5, name="Spring", sort_order=2, connection=conn)
    assert cassette.all_played
    assert isinstance(part, WidgetParts)
    assert part.id == 12 and part.widget_id == 5


def test_subresource_update_takes_the_parent_id_from_the_parent_key_field(conn) -> None:
    part = WidgetParts({"id": 9, "widget_id": 5, "name": "Part 9"}, conn)
    with replay.use_cassette("capabilities/part_update_from_parent_key.yaml") as cassette:
        updated = part.update(name="Hinge")
    assert cassette.all_played
    assert isinstance(updated, WidgetParts)
    assert updated.name == "Hinge"


def test_subresource_update_of_a_fetched_object_puts_to_its_parents_path(conn) -> None:
    with replay.use_cassette("capabilities/part_update_fetched.yaml") as cassette:
        part = WidgetParts.get(5, 9, connection=conn)
        updated = part.update(name="Hinge")
    assert cassette.all_played
    assert updated.name == "Hinge"


def test_subresource_delete_uses_the_parent_id_remembered_from_the_list_call(conn) -> None:
    with replay.use_cassette("capabilities/part_delete_remembered_parent.yaml") as cassette:
        (part,) = WidgetParts.all(5, connection=conn)
        assert "widget_id" not in part
        part.delete()
    assert cassette.all_played


def test_subresource_delete_of_an_object_that_does_not_know_its_parent_raises(conn) -> None:
    part = WidgetParts({"id": 9}, conn)
    with replay.use_cassette(NO_REQUESTS) as cassette:
        with pytest.raises(ValueError, match="widget_id"):
            part.delete()
    assert cassette.play_count == 0


def test_subresource_delete_all_deletes_the_parents_collection(conn) -> None:
    with replay.use_cassette("capabilities/part_delete_all.yaml") as cassette:
        assert WidgetParts.delete_all(5, connection=conn) is None
    assert cassette.all_played


# -- the parent's helper ----------------------------------------------------------------


def test_parent_helper_called_without_arguments_lists_the_parents_objects(conn) -> None:
    with replay.use_cassette("capabilities/helper_list.yaml") as cassette:
        widget = Widgets.get(5, connection=conn)
        parts = widget.parts()
    assert cassette.all_played
    assert [p.id for p in parts] == [9, 10]
    assert all(isinstance(p, WidgetParts) for p in parts)


def test_parent_helper_called_with_an_id_gets_one(conn) -> None:
    with replay.use_cassette("capabilities/helper_get.yaml") as cassette:
        part = Widgets.get(5, connection=conn).parts(3)
    assert cassette.all_played
    assert isinstance(part, WidgetParts) and part.id == 3


def test_parent_helper_passes_paging_through(conn) -> None:
    with replay.use_cassette("capabilities/helper_page.yaml") as cassette:
        parts = Widgets.get(5, connection=conn).parts(page=2)
    assert cassette.all_played
    assert [p.id for p in parts] == [13]


def test_parent_helper_iterall_walks_the_parents_pages(conn) -> None:
    with replay.use_cassette("capabilities/helper_iterall.yaml") as cassette:
        ids = [p.id for p in Widgets.get(5, connection=conn).parts.iterall()]
    assert cassette.all_played
    assert ids == [9, 10]


def test_parent_helper_count_counts_the_parents_objects(conn) -> None:
    with replay.use_cassette("capabilities/helper_count.yaml") as cassette:
        assert Widgets.get(5, connection=conn).parts.count() == 4
    assert cassette.all_played


def test_parent_helper_create_posts_under_the_parent(conn) -> None:
    with replay.use_cassette("capabilities/helper_create.yaml") as cassette:
        part = Widgets.get(5, connection=conn).parts.create(name="Spring")
    assert cassette.all_played
    assert part.id == 12 and part.widget_id == 5


def test_parent_helper_delete_all_deletes_the_parents_objects(conn) -> None:
    with replay.use_cassette("capabilities/helper_delete_all.yaml") as cassette:
        Widgets.get(5, connection=conn).parts.delete_all()
    assert cassette.all_played


def test_parent_helper_has_no_operations_outside_its_helpers(conn) -> None:
    widget = Widgets({"id": 5}, conn)
    with pytest.raises(AttributeError):
        widget.parts.update
    with pytest.raises(AttributeError):
        widget.notes.create


def test_parent_helper_with_an_id_for_a_child_without_get_raises_before_any_request(conn) -> None:
    widget = Widgets({"id": 5}, conn)
    with replay.use_cassette(NO_REQUESTS) as cassette:
        with pytest.raises(TypeError, match="no get by id"):
            widget.notes(3)
    assert cassette.play_count == 0


def test_parent_helper_on_the_class_is_the_subresource_class() -> None:
    assert Widgets.parts is WidgetParts


# -- operations a class does not have ----------------------------------------------------


@pytest.mark.parametrize(
    "resource, operation",
    [
        ("PaymentMethods", "get"),
        ("OrderStatuses", "create"),
        ("ProductConfigurableFields", "create"),
        ("Pages", "count"),
        ("ProductReviews", "count"),
        ("Pages", "delete_all"),
        ("Banners", "nonexistent"),
        ("TaxClasses", "create"),
        ("ShippingZones", "count"),
        ("Currencies", "count"),
        ("Webhooks", "delete_all"),
        ("BlogTags", "get"),
        ("States", "get"),
    ],
)
def test_an_operation_absent_from_a_class_raises_attribute_error(api, resource, operation) -> None:
    wrapper = getattr(api, resource)
    with pytest.raises(AttributeError, match=operation):
        getattr(wrapper, operation)


def test_an_instance_method_through_the_class_wrapper_explains_itself(api) -> None:
    with pytest.raises(AttributeError, match="works on an object"):
        api.Products.update


def test_an_unknown_resource_name_raises_attribute_error(api) -> None:
    with pytest.raises(AttributeError, match="Widgets"):
        api.Widgets


@pytest.mark.parametrize("resource", ["Products", "Customers", "CustomerGroups", "OptionSets"])
def test_sunset_delete_all_raises_unsupported_operation_before_any_request(api, resource) -> None:
    with replay.use_cassette(NO_REQUESTS) as cassette:
        with pytest.raises(UnsupportedOperation, match="sunset") as caught:
            getattr(api, resource).delete_all()
    assert cassette.play_count == 0
    assert isinstance(caught.value, NotImplementedError)
