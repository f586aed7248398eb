"""Failures a person can act on, reported by the commands in one line: bad input (exit
status 2) and a missing or down environment (exit status 1)."""

from __future__ import annotations


class EnvironmentProblemError(RuntimeError):
    """Something outside the project is missing or down (a broker, Java, Maven)."""


class UsageError(Exception):
    """Bad input from the command line: reported in one line with exit status 2."""
