"""Failures an operator can act on: reported by the CLI in one line, exit status 1."""

from __future__ import annotations


class EnvironmentProblemError(RuntimeError):
    """Something outside the project is missing or down (a broker, Java, Maven)."""
