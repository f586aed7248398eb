"""Benchmarks: measurement code kept apart from the product packages under services/.

Run from the repository root (`make bench-normalizer`, `make bench-api`,
`make bench-pipeline`); nothing in services/ imports from here.
"""
