"""The `newstimeline` command: one module per command group in this package, each a thin
layer over the service code it drives and exposing ``register(subparsers)``; this module
only wires them together, so that adding a command never touches another.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from importlib import import_module

from services.platform.errors import EnvironmentProblemError, UsageError

# The command groups, in the order --help lists them: services.cli.<name>. Each imports
# only argparse at the top (what a handler drives is imported inside it), so building the
# parser loads no heavy library. A module missing here is an error, never a shorter --help.
COMMAND_MODULES: tuple[str, ...] = (
    "kafka",
    "topics",
    "run",
    "reset",
    "normalize",
    "annotate_timeml",
    "ingest",
    "feeds",
    "worker",
    "dlq",
    "audit",
    "query",
    "projector",
    "status",
    "replay",
)

Handler = Callable[[argparse.Namespace], int]
DISTRIBUTION = "news-timeline"


def installed_version() -> str:
    """The version in the installed package's metadata (pyproject.toml is its one source)."""
    # Read only when asked: importing importlib.metadata and scanning the installed
    # distributions would slow every command's start.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        return "(not installed: run `make setup`)"


class VersionAction(argparse.Action):
    """--version, with the version looked up only when the option is given."""

    def __init__(self, option_strings: Sequence[str], dest: str, **_: object) -> None:
        super().__init__(
            option_strings, dest, nargs=0, default=argparse.SUPPRESS, help="show the version"
        )

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        sys.stdout.write(f"{parser.prog} {installed_version()}\n")  # where argparse puts it
        parser.exit()


def build_parser(modules: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser of the commands of `modules` (COMMAND_MODULES unless told)."""
    parser = argparse.ArgumentParser(
        prog="newstimeline", description="Turn news articles into ordered timelines."
    )
    parser.add_argument("--version", action=VersionAction)
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES if modules is None else modules:
        import_module(f"{__name__}.{name}").register(subparsers)
    return parser


def parser_for(argv: Sequence[str]) -> argparse.ArgumentParser:
    """The parser of the one command `argv` names when the module of the same name holds
    it, the whole parser otherwise (options first, a misspelt command, --help). Importing
    all fifteen modules would be a fifth of `newstimeline normalize`'s start-up, and the
    command parses and reports errors the same either way."""
    module = argv[0].replace("-", "_") if argv else ""
    if module in COMMAND_MODULES:
        parser = build_parser((module,))
        if argv[0] in command_names(parser):
            return parser
    return build_parser()


def command_names(parser: argparse.ArgumentParser) -> set[str]:
    # argparse shows a parser's subcommands through no public attribute.
    return {
        name
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
        for name in action.choices
    }


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = parser_for(argv)
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except UsageError as exc:
        sys.stderr.write(f"newstimeline {args.command}: {exc}\n")
        return 2
    except EnvironmentProblemError as exc:
        sys.stderr.write(f"newstimeline {args.command}: {exc}\n")
        return 1
    except KeyboardInterrupt:
        return 130
