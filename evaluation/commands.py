"""`python -m evaluation timeml|stories|histories`: the normalizer and the story timelines scored
against gold data. Measurement, not product: not installed, not in the image."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from services.platform.errors import EnvironmentProblemError, UsageError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m evaluation", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    command = commands.add_parser("timeml", help="TempEval-3 scores against a gold folder")
    command.add_argument("gold_dir", type=Path)
    command.add_argument("--errors", type=Path, help="write mismatches to this file")
    command.add_argument(
        "--phrases",
        type=int,
        default=0,
        metavar="N",
        help="also list the N phrases with the most wrong values, with gold and our value forms",
    )
    command.set_defaults(handler=run_timeml)
    command = commands.add_parser(
        "stories", help="score story timelines on a Timeline17-style folder (tilse)"
    )
    command.add_argument("data_dir", type=Path, help="folder of TOPIC/{articles,timelines}.jsonl")
    command.add_argument(
        "--rouge",
        choices=("perl", "python"),
        default="perl",
        help="perl: ROUGE-1.5.5 as news-tls scores (default); python: tilse's approximate "
        "reimplementation, much faster, for tuning",
    )
    command.add_argument(
        "--ablation",
        action="store_true",
        help="also score the method without each of its parts, every variant tuned "
        "leaving each topic out (Python ROUGE)",
    )
    command.add_argument(
        "--cache",
        type=Path,
        default=Path(".cache/eval-stories"),
        help="folder keeping each topic's normalized incidents between runs",
    )
    command.add_argument(
        "--no-cache", action="store_true", help="normalize every topic afresh, keep nothing"
    )
    command.set_defaults(handler=run_stories)
    command = commands.add_parser(
        "histories", help="value scores on our ten held-out histories (en, fr, de)"
    )
    command.add_argument("file", type=Path, nargs="?", help="JSON Lines of histories")
    command.set_defaults(handler=run_histories)
    return parser


def run_histories(args: argparse.Namespace) -> int:
    from .histories import HISTORIES, report, score

    path = args.file or HISTORIES
    if not path.is_file():
        msg = f"{path} is not a file"
        raise UsageError(msg)
    sys.stdout.write(report(score(path)) + "\n")
    return 0


def run_timeml(args: argparse.Namespace) -> int:
    from services.normalizer.annotate import annotate_corpus

    from .phrases import phrase_rows
    from .report import evaluation_table, phrase_table, print_table, write_mismatches
    from .scoring import Counts

    if not args.gold_dir.is_dir():
        msg = f"{args.gold_dir} is not a folder"
        raise UsageError(msg)
    total, seconds, named = Counts(), 0.0, []
    for result in annotate_corpus(args.gold_dir):
        counts = Counts()
        counts.add(result.document.text, result.document.timexes, result.system)
        total.add(result.document.text, result.document.timexes, result.system)
        named.append((result.document.name, counts))
        seconds += result.seconds
    print_table(evaluation_table(total, len(named), seconds))
    if args.phrases > 0:
        print_table(phrase_table(phrase_rows(total.pairs, args.phrases)))
    if args.errors:
        write_mismatches(named, args.errors)
    return 0


def run_stories(args: argparse.Namespace) -> int:
    from .story_eval import evaluate, topic_folders

    if not args.data_dir.is_dir():
        msg = f"{args.data_dir} is not a folder"
        raise UsageError(msg)
    if not topic_folders(args.data_dir):
        msg = f"{args.data_dir} has no TOPIC/articles.jsonl with TOPIC/timelines.jsonl"
        raise UsageError(msg)
    cache = None if args.no_cache else args.cache
    evaluate(args.data_dir, rouge=args.rouge, ablation=args.ablation, cache=cache)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        status: int = args.handler(args)
    except (UsageError, EnvironmentProblemError) as exc:
        sys.stderr.write(f"evaluation {args.command}: {exc}\n")
        return 2 if isinstance(exc, UsageError) else 1
    return status
