"""GraphQL Admin API: one POST to /stores/{store_hash}/graphql carrying the query and its variables."""
from __future__ import annotations

import re
from typing import Any

import pytest

from bigcommerce.connection import GraphQLConnection
from bigcommerce.exception import Unauthorised
from tests.conftest import checked, replay

TOKEN = "test-access-token"
CHANNEL_LOCALES = (
    'query { store { locales(input: {channelId: "bc/store/channel/1"}) '
    "{ edges { node { code status isDefault } } } } }"
)
CHANNEL_LOCALES_BY_VARIABLE = (
    "query ($channelId: ID!) { store { locales(input: {channelId: $channelId}) "
    "{ edges { node { code status isDefault } } } } }"
)


@pytest.fixture
def graphql() -> GraphQLConnection:
    return GraphQLConnection("test-client-id", "abc123", TOKEN)


def test_query_posts_the_query_with_empty_variables_and_returns_the_answer(graphql: GraphQLConnection) -> None:
    with checked.use_cassette("graphql/channel_locales.yaml") as cassette:
        answer = graphql.query(CHANNEL_LOCALES)

    edges = answer["data"]["store"]["locales"]["edges"]
    assert [edge["node"]["code"] for edge in edges] == ["en", "fr"]
    assert edges[0]["node"]["isDefault"] is True
    assert cassette.play_count == 1


def test_variables_none_is_sent_as_an_empty_object_not_null(graphql: GraphQLConnection) -> None:
    with checked.use_cassette("graphql/channel_locales.yaml") as cassette:
        graphql.query(CHANNEL_LOCALES, variables=None)

    assert cassette.play_count == 1


def test_query_sends_the_variables_given(graphql: GraphQLConnection) -> None:
    with checked.use_cassette("graphql/channel_locales_with_variables.yaml") as cassette:
        answer = graphql.query(CHANNEL_LOCALES_BY_VARIABLE, {"channelId": "bc/store/channel/1"})

    assert answer["data"]["store"]["locales"]["edges"][0]["node"]["code"] == "en"
    assert cassette.play_count == 1


def test_graphql_errors_come_back_in_the_answer_as_sent(graphql: GraphQLConnection) -> None:
    with replay.use_cassette("graphql/query_errors.yaml"):
        answer = graphql.query("query { store { nosuchfield } }")

    assert answer["data"] is None
    assert answer["errors"][0]["message"] == "Field 'nosuchfield' in type 'Store' is undefined"


def test_a_refused_token_raises_unauthorised_without_the_token() -> None:
    secret_token = "tok-SECRET-5c2a91e7"
    graphql = GraphQLConnection("test-client-id", "abc123", secret_token)
    query = 'query { store { locales(input: {channelId: "bc/store/channel/1"}) { edges { node { code } } } } }'

    with replay.use_cassette("graphql/unauthorised.yaml"):
        with pytest.raises(Unauthorised) as caught:
            graphql.query(query)

    assert caught.value.status_code == 401
    assert "-> 401 Unauthorized" in str(caught.value)
    assert secret_token not in str(caught.value)
    assert secret_token not in repr(caught.value)
    assert secret_token not in repr(graphql)


def test_a_graphql_error_message_names_the_graphql_path(graphql: GraphQLConnection) -> None:
    query = 'query { store { locales(input: {channelId: "bc/store/channel/1"}) { edges { node { code } } } } }'

    with replay.use_cassette("graphql/unauthorised.yaml"):
        with pytest.raises(Unauthorised) as caught:
            graphql.query(query)

    assert re.search(r"POST /\S*graphql -> 401 Unauthorized", str(caught.value))


@pytest.mark.parametrize(
    "query, variables",
    [(None, None), ("", None), ("   \n", None), (5, None), (b"query { store { name } }", None),
     ("query { store { name } }", []), ("query { store { name } }", "channelId=1"),
     ("query { store { name } }", 5)],
    ids=repr,
)
def test_bad_arguments_raise_before_any_request(graphql: GraphQLConnection, query: Any, variables: Any) -> None:
    with checked.use_cassette("connection/empty.yaml") as cassette:
        with pytest.raises((ValueError, TypeError)):
            graphql.query(query, variables)

    assert cassette.play_count == 0


def test_the_endpoint_is_the_store_graphql_path() -> None:
    graphql = GraphQLConnection("test-client-id", "abc123", TOKEN)

    assert "https://api.bigcommerce.com/stores/abc123/graphql" in repr(graphql)
    assert TOKEN not in repr(graphql)
