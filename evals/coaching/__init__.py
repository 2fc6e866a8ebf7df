"""Coaching eval: objection queries and the runner that scores retrieval on them (see README.md)."""
