"""The GraphQL Admin API connection against the sandbox's ``/stores/{hash}/graphql`` endpoint."""
from __future__ import annotations

import pytest

import bigcommerce
from bigcommerce.connection import GraphQLConnection
from bigcommerce.exception import ResourceNotFound, ServerException, Unauthorised
from bigcommerce.retry import RetryPolicy
from bigcommerce.sandbox import FaultRule, Sandbox


@pytest.fixture
def gql(sandbox: Sandbox) -> GraphQLConnection:
    return bigcommerce.GraphQLConnection(sandbox.client_id, sandbox.store_hash, sandbox.access_token,
                                         host=sandbox.base_url)


def test_query_posts_to_the_stores_graphql_path_and_returns_the_answer(
    gql: GraphQLConnection, sandbox: Sandbox
) -> None:
    answer = gql.query("query { store { name } }", variables=None)

    assert answer == {"data": {"store": {"name": "Sandbox Store"}}}
    assert sandbox.stats.count("POST", "graphql") == 1
    assert sandbox.stats.total == 1


def test_variables_are_sent_as_an_empty_object_when_omitted(gql: GraphQLConnection) -> None:
    # The sandbox, like BigCommerce, answers 400 to "variables": null.
    assert gql.query("query { store { secureUrl } }")["data"]["store"]["secureUrl"]


def test_variables_given_are_sent_along(gql: GraphQLConnection) -> None:
    answer = gql.query("query Clock($unused: Int) { system { time } }", variables={"unused": 1})

    assert isinstance(answer["data"]["system"]["time"], int)


def test_the_system_time_is_the_stores_clock(gql: GraphQLConnection, sandbox: Sandbox) -> None:
    before = sandbox.store.now()

    answer = gql.query("query { system { time } }")

    assert before <= answer["data"]["system"]["time"] <= sandbox.store.now()


def test_aliases_and_typename_come_back_as_graphql_sends_them(gql: GraphQLConnection, sandbox: Sandbox) -> None:
    answer = gql.query("query { shop: store { __typename hash: id country } }")

    assert answer["data"]["shop"] == {"__typename": "Store", "hash": sandbox.store_hash, "country": "United States"}


def test_graphql_errors_come_back_in_the_answer_not_as_an_exception(gql: GraphQLConnection) -> None:
    answer = gql.query("query { store { noSuchField } }")

    assert "data" not in answer
    assert "noSuchField" in answer["errors"][0]["message"]


def test_a_wrong_token_raises_unauthorised_without_the_token(sandbox: Sandbox) -> None:
    wrong = "wrong-" + sandbox.access_token
    gql = GraphQLConnection(sandbox.client_id, sandbox.store_hash, wrong, host=sandbox.base_url)

    with pytest.raises(Unauthorised) as caught:
        gql.query("query { store { name } }")

    assert wrong not in str(caught.value) and sandbox.access_token not in str(caught.value)


def test_a_wrong_store_hash_raises_resource_not_found(sandbox: Sandbox) -> None:
    gql = GraphQLConnection(sandbox.client_id, "otherstore", sandbox.access_token, host=sandbox.base_url)

    with pytest.raises(ResourceNotFound):
        gql.query("query { store { name } }")


def test_a_server_error_raises_server_exception(sandbox: Sandbox) -> None:
    sandbox.faults.add(FaultRule(kind="status", status=503, path="graphql"))
    gql = GraphQLConnection(sandbox.client_id, sandbox.store_hash, sandbox.access_token, host=sandbox.base_url,
                            retry=RetryPolicy.none())

    with pytest.raises(ServerException) as caught:
        gql.query("query { store { name } }")

    assert caught.value.status_code == 503


@pytest.mark.parametrize(("query", "variables", "error"), [
    ("", None, ValueError), ("   ", None, ValueError), ("query { store { name } }", [1], TypeError),
])
def test_a_bad_query_or_variables_raise_before_any_request(
    gql: GraphQLConnection, sandbox: Sandbox, query: str, variables: object, error: type
) -> None:
    with pytest.raises(error):
        gql.query(query, variables=variables)  # type: ignore[arg-type]

    assert sandbox.stats.total == 0


def test_the_graphql_connection_never_shows_its_token(gql: GraphQLConnection, sandbox: Sandbox) -> None:
    assert sandbox.access_token not in repr(gql)
    assert repr(gql).endswith(f"client_id={sandbox.client_id!r}>")
