"""How the worker handles a batch of article records: decide each, send every output, wait
for the broker to acknowledge all of them together, and only then count the records handled.

A queued send is not a delivery. A queued timeline lost when the broker went away was once
taken for published: its revision went into the table (so the replacement skipped the
article as already published) and the offset guard let the commit move past it, since
Faust's flush before a commit does not fail for a failed batch. So a record counts as
handled (its revision written, its offset reported to the guard) only once the broker has
acknowledged its timeline or dead letter. Awaiting each acknowledgement before deciding the
next record made the worker wait one broker round trip per article. A batch is now decided in
parts of up to 30 ms of work; each part's outputs are sent together and acknowledged in one
round trip, and then its records are counted handled.

Nothing is skipped without a dead letter: whatever fails for one record (a timeline too
large to publish, an error nobody foresaw) sends that record to the DLQ with its cause, and
the others go on. A failure of the broker itself (any other KafkaError) raises before any
record of the batch is counted handled, so all of them are handled again.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import ChainMap
from collections.abc import Awaitable, Callable, MutableMapping, Sequence
from dataclasses import dataclass
from typing import Any

from aiokafka.errors import KafkaError, MessageSizeTooLargeError

from services.normalizer.dead_letters import Origin, dead_letter_headers
from services.normalizer.metrics import WorkerMetrics
from services.normalizer.processing import DeadLetter, Outcome, Publish, Skip, decide, event_type
from services.platform.logs import article_id

log = logging.getLogger(__name__)
# How long a batch decides records before it sends their outputs and waits for the broker:
# a record waits this long at most for the others of its part, and a part shares one
# broker round trip.
PART_DECIDE_S = 0.03
OUTCOMES = {Publish: "published", Skip: "skipped", DeadLetter: "dead_letter"}


def _headers(message: Any) -> list[tuple[str, bytes]]:
    raw = message.headers or []
    items = raw.items() if isinstance(raw, dict) else raw
    return [(str(k), bytes(v)) for k, v in items]


def _key_text(key: bytes | None) -> str | None:
    return key.decode(errors="replace") if key else None


@dataclass
class Step:
    """One record of a batch: its outcome, the acknowledgement its output waits for, and
    the error that sends it to the dead letters (if any)."""

    message: Any
    outcome: Outcome | None = None
    delivery: Awaitable[Any] | None = None
    error: BaseException | None = None


@dataclass
class RecordHandler:
    """Moves article records' bytes where `decide` says, and counts what it did."""

    timelines: Any
    dead_letters: Any
    revisions: MutableMapping[str, str]
    metrics: WorkerMetrics
    max_record_bytes: int
    # Told when a record's handling starts and when it is done (the offset guard).
    on_started: Callable[[Any], None] = lambda _message: None
    on_handled: Callable[[Any], None] = lambda _message: None

    async def safely(self, message: Any) -> None:
        """Handle one record (healing reads them one at a time)."""
        await self.batch([message])

    async def batch(
        self, messages: Sequence[Any], enter: Callable[[int], None] = lambda _index: None
    ) -> None:
        """Handle `messages` in their order; `enter(i)` makes the i-th the current record
        before its revision is written (the table sends its change to that record's
        partition of the changelog)."""
        for message in messages:
            self.on_started(message)
        # Revisions published earlier in this batch count as published for the later
        # records: a revision submitted twice in one batch is still published once.
        published: dict[str, str] = {}
        seen = ChainMap(published, self.revisions)
        done = 0
        while done < len(messages):
            steps = await self._decide_part(messages[done:], seen, published)
            await self._acknowledged(steps)
            await self._set_aside([s for s in steps if s.error is not None])
            for index, step in enumerate(steps, start=done):
                enter(index)
                self._finish(step)
            done += len(steps)

    async def _decide_part(
        self, messages: Sequence[Any], seen: ChainMap[str, str], published: dict[str, str]
    ) -> list[Step]:
        """Decide records from the start of `messages` (at least one) for up to
        PART_DECIDE_S, queueing their outputs. A record's output leaves only once its part
        is decided: on a loaded box, deciding a whole batch first held its first timelines
        back for hundreds of milliseconds."""
        began = time.perf_counter()
        steps = [await self._begin(messages[0], seen, published)]
        for message in messages[1:]:
            if time.perf_counter() - began >= PART_DECIDE_S:
                break
            steps.append(await self._begin(message, seen, published))
        return steps

    async def _begin(
        self, message: Any, seen: ChainMap[str, str], published: dict[str, str]
    ) -> Step:
        """Decide one record and queue its output."""
        step = Step(message)
        token = article_id.set(_key_text(message.key))
        try:
            step.outcome = outcome = self._timed_decision(message, seen)
            if isinstance(outcome, Publish):
                step.delivery = await self.timelines.send(
                    key=outcome.key, value=outcome.value, headers=outcome.headers
                )
                published[outcome.article_id] = outcome.marker
            elif isinstance(outcome, DeadLetter):
                step.error = outcome.error
        except MessageSizeTooLargeError as exc:
            step.error = exc
        except KafkaError:
            raise  # the broker's trouble, not the record's: the batch is handled again
        except Exception as exc:
            # One record's unforeseen failure must not stop the others.
            log.exception("record failed; sending it to the dead letters")
            step.error = exc
        finally:
            article_id.reset(token)
        return step

    def _timed_decision(self, message: Any, seen: ChainMap[str, str]) -> Outcome:
        began = time.perf_counter()
        try:
            kind = event_type(_headers(message))
            return decide(message.value, seen, kind, self.max_record_bytes)
        finally:
            self.metrics.normalize_seconds.observe(time.perf_counter() - began)

    async def _acknowledged(self, steps: list[Step]) -> None:
        """Wait for every queued output of the batch; a broker failure raises (after all
        have settled, so none is left unobserved)."""
        waiting = [(s, s.delivery) for s in steps if s.delivery is not None]
        results = await asyncio.gather(*(d for _, d in waiting), return_exceptions=True)
        for (step, _), result in zip(waiting, results, strict=True):
            if isinstance(result, MessageSizeTooLargeError):
                step.error = result
            elif isinstance(result, KafkaError):
                raise result
            elif isinstance(result, Exception):
                log.error("timeline of %s failed: %r; sending the record to the dead letters",
                          _key_text(step.message.key), result)  # fmt: skip
                step.error = result
            elif isinstance(result, BaseException):
                raise result

    async def _set_aside(self, steps: list[Step]) -> None:
        """Send these records to the dead letters with their cause, and wait until the
        broker has every one of them."""
        sends = []
        for step in steps:
            message, error = step.message, step.error
            assert error is not None
            origin = Origin(message.topic, message.partition, message.offset)
            headers = dead_letter_headers(origin, error, _headers(message))
            sends.append(
                await self.dead_letters.send(key=message.key, value=message.value, headers=headers)
            )
            self.metrics.dead_letters.labels(type(error).__name__).inc()
            log.warning("dead letter %s: %s: %s", origin, type(error).__name__, str(error)[:200])
        for pending in sends:
            await pending  # a KafkaError here: the batch is handled again

    def _finish(self, step: Step) -> None:
        """The record's output is acknowledged: write its revision and count it handled."""
        message, outcome = step.message, step.outcome
        token = article_id.set(_key_text(message.key))
        if step.error is None and isinstance(outcome, Publish):
            self.revisions[outcome.article_id] = outcome.marker
            log.info("timeline published", extra={"marker": outcome.marker})
        elif step.error is None and isinstance(outcome, Skip):
            log.info("revision %s already published", outcome.revision)
        if outcome is not None and (step.error is None or isinstance(outcome, DeadLetter)):
            self.metrics.records.labels(OUTCOMES[type(outcome)]).inc()
        self.metrics.progress.done(message.topic, message.partition, message.offset)
        article_id.reset(token)
        self.on_handled(message)
