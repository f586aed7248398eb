"""`newstimeline worker` keeps a Faust worker running across broker outages.

Faust stops for good when the broker vanishes at the wrong moment (while it starts, or
during a rebalance). So the command runs Faust in a child process and, while nobody asked
it to stop, waits for the broker (a log line per attempt) and starts a new child with a
bounded backoff. SIGTERM or SIGINT goes to the child, and the whole stays within the
service's shutdown deadline.
"""

from __future__ import annotations

import logging
import signal
import subprocess
import time
from types import FrameType

from services.platform.kafka.broker_address import backoff_delays, wait_for_broker
from services.platform.settings import Settings
from services.platform.shutdown import arm_exit_deadline

log = logging.getLogger(__name__)


class Supervisor:
    def __init__(self, command: list[str], settings: Settings) -> None:
        self.command = command
        self.settings = settings
        self.child: subprocess.Popen[bytes] | None = None
        self.stopping = False

    def on_signal(self, signum: int, _frame: FrameType | None) -> None:
        self.stopping = True
        # The child has its own deadline; this one is a second later, as a backstop.
        arm_exit_deadline(self.settings.shutdown_deadline_s + 1)
        if self.child is None or self.child.poll() is not None:
            raise SystemExit(0)  # between children: nothing to wait for
        self.child.send_signal(signum)

    def run(self) -> int:
        signal.signal(signal.SIGTERM, self.on_signal)
        signal.signal(signal.SIGINT, self.on_signal)
        next_delay = backoff_delays(self.settings.broker_retry_max_s)
        while True:
            wait_for_broker(self.settings)
            self.child = subprocess.Popen(self.command)
            code = self.child.wait()
            if self.stopping or code == 0:
                return code
            pause = next_delay()
            log.warning("the Faust worker exited with status %d; starting a new one in %.0f s",
                        code, pause)  # fmt: skip
            time.sleep(pause)
