"""`newstimeline reset --yes`: stop what runs and delete its state."""

from __future__ import annotations

import argparse
import sys

from services.platform.errors import UsageError

# What the handlers drive is imported inside them, so that building the parser
# stays cheap for every command (`newstimeline --help` loads no heavy library).


def reset(args: argparse.Namespace) -> int:
    from services.platform.ops.reset import reset as reset_everything
    from services.platform.settings import Settings

    if not args.yes:
        msg = "refusing to delete broker data, read model and worker state without --yes"
        raise UsageError(msg)
    for line in reset_everything(Settings()):
        sys.stdout.write(f"{line}\n")
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    wipe = subparsers.add_parser(
        "reset", help="stop what runs and delete broker data, read model and worker state"
    )
    wipe.add_argument("--yes", action="store_true", help="really delete (nothing is asked)")
    wipe.set_defaults(handler=reset)
