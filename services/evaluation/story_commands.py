"""`newstimeline eval-stories DIR`: story timelines scored as the field scores them."""

from __future__ import annotations

import argparse
from pathlib import Path

from services.cli import UsageError


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = subparsers.add_parser(
        "eval-stories", help="score story timelines on a Timeline17-style folder (tilse)"
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
    command.set_defaults(handler=run_eval_stories)


def run_eval_stories(args: argparse.Namespace) -> int:
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
