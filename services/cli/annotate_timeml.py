"""`newstimeline annotate-timeml IN OUT`: our TIMEX3 tags written into .tml files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from services.platform.errors import UsageError

# What the handlers drive is imported inside them, so that building the parser
# stays cheap for every command (`newstimeline --help` loads no heavy library).


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = subparsers.add_parser("annotate-timeml", help="write our TIMEX3 tags into .tml files")
    command.add_argument("in_dir", type=Path)
    command.add_argument("out_dir", type=Path)
    command.set_defaults(handler=run_annotate)


def run_annotate(args: argparse.Namespace) -> int:
    from services.normalizer.annotate import annotate_folder

    if not args.in_dir.is_dir():
        msg = f"{args.in_dir} is not a folder"
        raise UsageError(msg)
    count = annotate_folder(args.in_dir, args.out_dir)
    sys.stderr.write(f"annotated {count} files into {args.out_dir}\n")
    return 0
