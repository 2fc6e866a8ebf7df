"""Prompt and answer templates as data files (Jinja2), loaded with importlib.resources."""
