"""Benchmarks: scripts that print timings. Not tests; run them by hand and copy the figures into the README."""
