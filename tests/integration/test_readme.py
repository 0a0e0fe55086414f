"""README.rst as a specification: its commands, its snippets, and that the integration tests exercise every call.

Most of the README is exercised by the other integration modules; this one
checks that it stays so. Each call shown in a Python block (or as an inline
literal) must appear, called the same way, in another ``tests/integration``
module; the self-contained snippets are run as they are written.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest

import bigcommerce

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
README = (ROOT / "README.rst").read_text(encoding="utf-8")

DOCUMENTED_COMMANDS = [
    "pip install . && python -m bigcommerce demo",
    "pip install '.[test]' && python -m pytest",
]
# Receivers that are only the README's variable names; a call on them is checked by method name.
# ``api``, ``conn`` and ``gql`` stay: the tests name their clients the same way.
PLACEHOLDER_NAMES = frozenset({"p", "product", "customer", "sb", "bc_api", "bc_sandbox", "bigcommerce", "e"})
BUILTINS = frozenset({"sum", "len", "str", "repr", "format", "__len__", "print", "f"})


def code_blocks(language: str | None = None) -> list[tuple[str, str]]:
    """``(language, source)`` of every ``.. code-block::`` in README order, dedented."""
    blocks = []
    for match in re.finditer(r"^\.\. code-block:: (\w+)\n\n((?:(?: {4}.*)?\n)+)", README, re.M):
        source = "\n".join(line[4:] for line in match.group(2).split("\n")).strip("\n") + "\n"
        if language is None or match.group(1) == language:
            blocks.append((match.group(1), source))
    return blocks


def shell_commands(source: str) -> list[str]:
    commands = []
    for line in source.splitlines():
        command = line.split("#", 1)[0].strip()
        if command:
            commands.append(command)
    return commands


def dotted(node: ast.AST) -> list[str]:
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    parts.append(node.id if isinstance(node, ast.Name) else "<result>")
    return parts[::-1]


def needle(parts: list[str]) -> str | None:
    """The text a test must contain to make the same call, or None for a builtin."""
    last = parts[-1]
    if last in BUILTINS:
        return None
    if last[:1].isupper():
        return last + "("
    if len(parts) >= 2 and parts[-2] not in PLACEHOLDER_NAMES and parts[-2] != "<result>":
        return f"{parts[-2]}.{last}("
    return f".{last}("


def calls_in(source: str) -> list[tuple[str, str]]:
    """``(needle, call as written)`` for every call of a Python snippet."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            wanted = needle(dotted(node.func))
            if wanted is not None:
                found.append((wanted, ast.unparse(node)))
    return found


def inline_calls() -> list[tuple[str, str]]:
    """Calls written as inline literals in the prose, e.g. ````api.ProductImages.all(5)````."""
    found = []
    for literal in re.findall(r"``([^`]+\([^`]*\))``", README):
        try:
            found.extend(calls_in(literal.replace("...", "None")))
        except SyntaxError:
            continue  # ".make_request(method, path, ...)" and the like: covered by the blocks
    return found


def documented_calls() -> dict[str, str]:
    calls: dict[str, str] = {}
    for _, source in code_blocks("python"):
        for wanted, written in calls_in(source):
            calls.setdefault(wanted, written)
    for wanted, written in inline_calls():
        calls.setdefault(wanted, written)
    return calls


CALLS = documented_calls()


def other_sources() -> str:
    """Every other integration module's source, where the README's calls must appear."""
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted(HERE.rglob("test_*.py"))
                     if path.name != Path(__file__).name)


# -- commands --------------------------------------------------------------------------------------


def test_the_first_code_block_holds_exactly_the_two_documented_commands() -> None:
    language, source = code_blocks()[0]

    assert language == "bash"
    assert shell_commands(source) == DOCUMENTED_COMMANDS


def test_the_running_the_tests_section_shows_the_same_test_command() -> None:
    section = README[README.index("Running the tests\n-----------------"):]
    block = next(source for language, source in code_blocks("bash") if source.strip() in section)

    assert shell_commands(block) == [DOCUMENTED_COMMANDS[1]]


def test_the_test_extra_and_the_ci_script_match_the_test_command() -> None:
    setup = (ROOT / "setup.py").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")

    assert re.search(r'"test":\s*\[', setup)
    assert "'.[test]'" in ci and "python -m pytest" in ci


def test_the_demo_command_is_the_one_the_cli_test_runs() -> None:
    cli_test = (HERE / "test_cli_demo.py").read_text(encoding="utf-8")

    assert DOCUMENTED_COMMANDS[0].endswith("python -m bigcommerce demo")
    assert '"-m", "bigcommerce", "demo"' in cli_test


# -- Python snippets -----------------------------------------------------------------------------------


def test_every_python_block_of_the_readme_is_valid_python() -> None:
    blocks = code_blocks("python")

    assert len(blocks) >= 10
    for source in blocks:
        ast.parse(source[1])


def test_the_readme_shows_the_calls_this_check_expects() -> None:
    for expected in ("Products.iterall(", "ProductOptions.get(", "Connection(", "conn.fetch_token(",
                     "CustomerLoginTokens.create_url(", "gql.query(", "connection.get(", "ProductImages.delete_all("):
        assert expected in CALLS


@pytest.mark.parametrize("wanted", sorted(CALLS))
def test_each_call_the_readme_shows_is_made_by_an_integration_test(wanted: str) -> None:
    assert wanted in other_sources(), f"no integration test calls {CALLS[wanted]!r} (looked for {wanted!r})"


def test_the_sandbox_snippet_runs_as_written() -> None:
    source = next(source for _, source in code_blocks("python") if "with Sandbox(" in source)
    namespace: dict[str, Any] = {}

    exec(compile(source, "README.rst", "exec"), namespace)

    assert namespace["sb"].running is False  # the with block stopped it
    assert isinstance(namespace["api"], bigcommerce.BigcommerceApi)


@pytest.mark.bc_sandbox(products=20)
def test_the_pytest_plugin_snippet_passes_with_the_plugins_fixtures(bc_api: Any, bc_sandbox: Any) -> None:
    source = next(source for _, source in code_blocks("python") if "def test_my_sync" in source)
    namespace: dict[str, Any] = {}
    exec(compile(source, "README.rst", "exec"), namespace)

    namespace["test_my_sync"](bc_api, bc_sandbox)

    assert bc_api.Products.count() == 20


def test_the_exception_tree_drawn_in_the_readme_is_the_class_hierarchy() -> None:
    block = next(source for language, source in code_blocks("text") if "BigcommerceError" in source)
    stack: list[tuple[int, str]] = []
    checked = 0
    for line in block.splitlines():
        match = re.search(r"[A-Z][A-Za-z]+", line)
        if match is None:
            continue
        depth, name = match.start(), match.group(0)
        while stack and stack[-1][0] >= depth:
            stack.pop()
        cls = getattr(bigcommerce, name)
        if stack:
            assert issubclass(cls, getattr(bigcommerce, stack[-1][1])), f"{name} under {stack[-1][1]}"
            checked += 1
        stack.append((depth, name))

    assert checked == 16
