"""Operator tools: status, reset, progress, the processes of `newstimeline run`."""
