"""``python -m bigcommerce demo | sandbox ...``: the walk-through, or a local store in the foreground."""
from __future__ import annotations

import sys

USAGE = """usage: python -m bigcommerce COMMAND [options]

commands:
  demo       start a sandbox store in-process and walk through the client's main uses
  sandbox    run a sandbox store in the foreground (see: python -m bigcommerce sandbox --help)
"""


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] in ("-h", "--help"):
        print(USAGE, end="")
        return 0 if args else 2
    command, rest = args[0], args[1:]
    if command == "demo":
        from .demo import run

        return run()
    if command == "sandbox":
        from .sandbox.cli import main as sandbox_main

        return sandbox_main(rest)
    print(f"unknown command {command!r}\n\n{USAGE}", end="", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
