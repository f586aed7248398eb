"""English: its tables by TimeML type."""

from __future__ import annotations

from ..engine import Tables
from .en_date import CALENDAR
from .en_date_relative import RELATIVE
from .en_duration import DURATION
from .en_set import SET
from .en_time import TIME
from .numeric import NUMERIC

ENGLISH_TABLES = Tables(
    date=(*CALENDAR, *NUMERIC, *RELATIVE), time=TIME, duration=DURATION, set=SET
)
