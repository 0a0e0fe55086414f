"""A minimal GraphQL Admin endpoint: enough grammar to run ``system { time }`` and ``store { ... }``.

The parser reads operations, fields, aliases and directives and skips arguments;
fragments, mutations and subscriptions are refused with a GraphQL error. The executor
resolves ``store`` from the ``GET /store`` body (camelCase or snake_case field names)
and counts one unit of complexity per selected field, like the header the real API sends.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Callable, Optional


def payload_problem(payload: object) -> str | None:
    """What is wrong with a GraphQL request body, or None when it has a query."""
    if not isinstance(payload, dict):
        return "The body must be a JSON object with a query."
    if not isinstance(payload.get("query"), str) or not payload["query"].strip():
        return "The body has no query string."
    if "variables" in payload and not isinstance(payload["variables"], dict):
        return "variables must be an object (send {} when there are none)."
    return None


_GQL_TOKEN = re.compile(
    r"""
    (?P<skip>[\s,\ufeff]+|\#[^\n]*)
  | (?P<name>[_A-Za-z][_0-9A-Za-z]*)
  | (?P<punct>\.\.\.|[{}()\[\]:!$=@|&])
  | (?P<string>"(?:[^"\\\n]|\\.)*")
  | (?P<number>-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)
    """,
    re.VERBOSE,
)


class GraphQLError(Exception):
    """A query the sandbox cannot run, with where it went wrong (1-based line and column)."""

    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


@dataclass
class _Token:
    kind: str
    text: str
    line: int
    column: int


@dataclass
class _Field:
    name: str
    alias: str
    line: int
    column: int
    selections: list[_Field] | None = None


# (operation type, operation name, selections)
Operation = tuple[str, Optional[str], list[_Field]]


def _tokenize(source: str) -> list[_Token]:
    tokens: list[_Token] = []
    pos, line, line_start = 0, 1, 0
    while pos < len(source):
        match = _GQL_TOKEN.match(source, pos)
        if match is None:
            raise GraphQLError(f"Syntax error: unexpected character {source[pos]!r}.", line, pos - line_start + 1)
        kind = match.lastgroup or "skip"
        text = match.group()
        if kind != "skip":
            tokens.append(_Token(kind, text, line, pos - line_start + 1))
        newlines = text.count("\n")
        if newlines:
            line += newlines
            line_start = pos + text.rindex("\n") + 1
        pos = match.end()
    return tokens


class _Parser:
    """Just enough of the GraphQL grammar: operations, fields, aliases; arguments are skipped."""

    def __init__(self, source: str) -> None:
        self.tokens = _tokenize(source)
        self.pos = 0

    def peek(self) -> _Token | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def at(self, text: str) -> bool:
        token = self.peek()
        return token is not None and token.text == text

    def at_kind(self, kind: str) -> bool:
        token = self.peek()
        return token is not None and token.kind == kind

    def next(self) -> _Token:
        token = self.peek()
        if token is None:
            last = self.tokens[-1] if self.tokens else _Token("", "", 1, 1)
            raise GraphQLError("Syntax error: unexpected end of document.", last.line, last.column)
        self.pos += 1
        return token

    def expect(self, text: str) -> _Token:
        token = self.next()
        if token.text != text:
            raise GraphQLError(f"Syntax error: expected {text!r}, found {token.text!r}.", token.line, token.column)
        return token

    def operations(self) -> list[Operation]:
        found: list[Operation] = []
        while self.peek() is not None:
            token = self.peek()
            assert token is not None
            if token.text == "{":
                found.append(("query", None, self.selection_set()))
                continue
            if token.kind == "name" and token.text in ("query", "mutation", "subscription"):
                self.next()
                name = self.next().text if self.at_kind("name") else None
                if self.at("("):
                    self.skip_balanced("(", ")")
                found.append((token.text, name, self.selection_set()))
                continue
            if token.text == "fragment":
                raise GraphQLError("Fragments are not supported by the sandbox.", token.line, token.column)
            raise GraphQLError(f"Syntax error: unexpected {token.text!r}.", token.line, token.column)
        if not found:
            raise GraphQLError("The document has no operation.")
        return found

    def selection_set(self) -> list[_Field]:
        self.expect("{")
        fields: list[_Field] = []
        while True:
            token = self.next()
            if token.text == "}":
                break
            if token.text == "...":
                raise GraphQLError("Fragments are not supported by the sandbox.", token.line, token.column)
            if token.kind != "name":
                raise GraphQLError(f"Syntax error: unexpected {token.text!r}.", token.line, token.column)
            alias = name = token.text
            following = self.peek()
            if following is not None and following.text == ":":
                self.next()
                name = self.next().text
            following = self.peek()
            if following is not None and following.text == "(":
                self.skip_balanced("(", ")")
            while self.at("@"):  # directives are read and ignored
                self.next()
                self.next()
                if self.at("("):
                    self.skip_balanced("(", ")")
            selections = None
            following = self.peek()
            if following is not None and following.text == "{":
                selections = self.selection_set()
            fields.append(_Field(name, alias, token.line, token.column, selections))
        if not fields:
            raise GraphQLError("Syntax error: empty selection set.")
        return fields

    def skip_balanced(self, opening: str, closing: str) -> None:
        depth = 0
        while True:
            token = self.next()
            if token.text == opening:
                depth += 1
            elif token.text == closing:
                depth -= 1
                if depth == 0:
                    return


def _snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()


class GraphQLExecutor:
    """Resolves ``system { time }`` and ``store { <any GET /store field> }``."""

    def __init__(self, *, clock: Callable[[], float], store_info: Callable[[], Mapping[str, Any]]) -> None:
        self.clock = clock
        self.store_info = store_info
        self.complexity = 0

    def run(self, query: str, operation_name: str | None) -> tuple[dict[str, object], int, str]:
        """(response body, complexity, operation type) for one request."""
        try:
            operations = _Parser(query).operations()
            kind, _, selections = self._choose(operations, operation_name)
            if kind != "query":
                raise GraphQLError(f"The sandbox does not support {kind} operations.")
            data = self._object("Query", selections, self._root(), [])
        except GraphQLError as exc:
            error = {"message": str(exc), "locations": [{"line": exc.line, "column": exc.column}]}
            return {"errors": [error]}, self.complexity, "query"
        return {"data": data}, self.complexity, kind

    @staticmethod
    def _choose(operations: list[Operation], operation_name: str | None) -> Operation:
        if operation_name:
            for operation in operations:
                if operation[1] == operation_name:
                    return operation
            raise GraphQLError(f"Unknown operation named {operation_name!r}.")
        if len(operations) > 1:
            raise GraphQLError("Several operations were sent: name one with operationName.")
        return operations[0]

    def _root(self) -> dict[str, Callable[[], object]]:
        return {
            "system": lambda: {"time": int(self.clock())},
            "store": self.store_info,
        }

    def _object(
        self, type_name: str, selections: list[_Field], source: Mapping[str, Any], path: list[str]
    ) -> dict[str, object]:
        result: dict[str, object] = {}
        for selected in selections:
            self.complexity += 1
            where = [*path, selected.alias]
            if selected.name == "__typename":
                result[selected.alias] = type_name
                continue
            value = self._lookup(source, selected, type_name)
            if isinstance(value, dict):
                if selected.selections is None:
                    raise GraphQLError(
                        f"Field '{selected.name}' of type '{selected.name.title()}' "
                        "must have a selection of subfields.",
                        selected.line,
                        selected.column,
                    )
                result[selected.alias] = self._object(selected.name.title(), selected.selections, value, where)
            elif selected.selections is not None:
                raise GraphQLError(
                    f"Field '{selected.name}' is a scalar and cannot have a selection.",
                    selected.line,
                    selected.column,
                )
            else:
                result[selected.alias] = value
        return result

    @staticmethod
    def _lookup(source: Mapping[str, Any], selected: _Field, type_name: str) -> object:
        for key in (selected.name, _snake(selected.name)):
            if key in source:
                value = source[key]
                return value() if callable(value) else value
        raise GraphQLError(
            f"Field '{selected.name}' doesn't exist on type '{type_name}'.", selected.line, selected.column
        )
