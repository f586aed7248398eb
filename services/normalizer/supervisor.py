"""`newstimeline worker` keeps a Faust worker running across broker outages.

Faust stops for good when the broker vanishes at the wrong moment (while it starts, or
during a rebalance). So the command runs Faust in a child process and, while nobody asked
it to stop, waits for the broker (a log line per attempt) and starts a new child with a
bounded backoff. SIGTERM or SIGINT goes to the child, and the whole stays within the
service's shutdown deadline. The supervisor also holds the worker's slot (slots.py), which
names its static group membership.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import time
from types import FrameType
from typing import IO

from services.normalizer.slots import claim_slot, instance_id
from services.platform.broker_address import backoff_delays, wait_for_broker
from services.platform.settings import Settings
from services.platform.shutdown import arm_exit_deadline

log = logging.getLogger(__name__)


class Supervisor:
    def __init__(self, command: list[str], settings: Settings) -> None:
        self.command = command
        self.settings = settings
        self.child: subprocess.Popen[bytes] | None = None
        self.stopping = False
        self._slot_lock: IO[str] | None = None  # held while this worker runs

    def on_signal(self, signum: int, _frame: FrameType | None) -> None:
        self.stopping = True
        # The child has its own deadline; this one is a second later, as a backstop.
        arm_exit_deadline(self.settings.shutdown_deadline_s + 1)
        if self.child is None or self.child.poll() is not None:
            raise SystemExit(0)  # between children: nothing to wait for
        self.child.send_signal(signum)

    def child_env(self) -> dict[str, str] | None:
        """The environment of the Faust process: with a static membership id of this
        worker's slot, unless one is configured."""
        if self.settings.worker_instance_id:
            return None
        data_dir = self.settings.worker_data_dir
        slot, self._slot_lock = claim_slot(data_dir)
        member = instance_id(data_dir, slot)
        log.info("worker slot %d: group member %s", slot, member)
        return {**os.environ, "NEWSTIMELINE_WORKER_INSTANCE_ID": member}

    def run(self) -> int:
        signal.signal(signal.SIGTERM, self.on_signal)
        signal.signal(signal.SIGINT, self.on_signal)
        next_delay = backoff_delays(self.settings.broker_retry_max_s)
        env = self.child_env()
        while True:
            wait_for_broker(self.settings)
            self.child = subprocess.Popen(self.command, env=env)
            code = self.child.wait()
            if self.stopping or code == 0:
                return code
            pause = next_delay()
            log.warning("the Faust worker exited with status %d; starting a new one in %.0f s",
                        code, pause)  # fmt: skip
            time.sleep(pause)
