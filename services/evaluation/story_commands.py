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
        "--ablation", action="store_true", help="also score each part of the method added in turn"
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
    evaluate(args.data_dir, rouge=args.rouge, ablation=args.ablation)
    return 0
