"""Evaluations (datasets and runners that print figures) and, in `evals.bench`, speed benchmarks."""
