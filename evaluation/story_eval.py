"""The evaluation run behind `eval-stories`: normalize each topic, build, score, report."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from rich.console import Console
from rich.progress import Progress

from services.platform.errors import EnvironmentProblemError
from services.timeline.story import StoryMethod

from .story_report import ABLATIONS, ablation_table, topic_table
from .timeline17 import Topic, add_article, read_articles, read_references, topic_folders
from .tls_scoring import Rouge, TimelineScore, evaluator, score, system_timeline

__all__ = ["evaluate", "topic_folders"]


def check_perl_rouge() -> None:
    """ROUGE-1.5.5 needs Perl with XML::DOM (Debian: libxml-dom-perl)."""
    perl = shutil.which("perl")
    if perl is None or subprocess.run([perl, "-MXML::DOM", "-e1"], check=False).returncode:
        msg = (
            "ROUGE-1.5.5 needs perl and XML::DOM (apt-get install libxml-dom-perl), "
            "or use --rouge python"
        )
        raise EnvironmentProblemError(msg)


def load_topics(root: Path, progress: Progress) -> list[Topic]:
    """Every topic of `root`, its articles normalized in-process."""
    topics = []
    for folder in topic_folders(root):
        records = list(read_articles(folder / "articles.jsonl"))
        topic = Topic(folder.name, references=read_references(folder / "timelines.jsonl"))
        task = progress.add_task(f"normalizing {folder.name}", total=len(records))
        for record in records:
            add_article(topic, record)
            progress.advance(task)
        topics.append(topic)
    return topics


def score_topics(
    topics: list[Topic], method: StoryMethod, rouge: Rouge, progress: Progress, label: str
) -> dict[str, list[TimelineScore]]:
    scorer = evaluator(rouge)
    task = progress.add_task(label, total=sum(len(t.references) for t in topics))
    scores: dict[str, list[TimelineScore]] = {}
    for topic in topics:
        for reference in topic.references:
            found = system_timeline(topic, reference, method)
            scores.setdefault(topic.name, []).append(score(found, reference, scorer))
            progress.advance(task)
    return scores


def evaluate(root: Path, *, rouge: Rouge, ablation: bool, console: Console | None = None) -> None:
    """Print the per-topic table (and with `ablation` the table of the method's parts)."""
    if rouge == "perl":
        check_perl_rouge()
    console = console or Console()
    with Progress(console=console, transient=True) as progress:
        topics = load_topics(root, progress)
        scores = score_topics(topics, StoryMethod(), rouge, progress, "scoring")
        steps = ABLATIONS if ablation else ()
        runs = {name: score_topics(topics, m, rouge, progress, name) for name, m in steps}
    console.print(topic_table(scores, rouge))
    if runs:
        console.print(ablation_table(runs, rouge))
