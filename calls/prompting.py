"""Build the whisper initial prompt from templates and vocabulary kept in ``prompts/calls``.

The prompt seeds domain terms (product and competitor names, 三甲, 回款 …) so whisper spells them as the
CRM does; for Chinese it starts with a simplified-Chinese sentence, which keeps whisper's output in
simplified characters. Templates are Jinja2 with StrictUndefined, loaded with importlib.resources.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import yaml
from jinja2 import Environment, StrictUndefined

from calls.resources import read_prompt_file

# Whisper keeps at most 223 prompt tokens; a Chinese character is often two tokens, so stay well below.
MAX_PROMPT_CHARS = {"zh": 110, "en": 400}


@functools.cache
def default_vocabulary() -> dict[str, tuple[str, ...]]:
    """The built-in domain terms per language from ``prompts/calls/vocabulary.yaml``."""
    data = yaml.safe_load(read_prompt_file("vocabulary.yaml")) or {}
    return {lang: tuple(str(t) for t in terms or ()) for lang, terms in data.items()}


@functools.cache
def _template():  # type: ignore[no-untyped-def]
    env = Environment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False)
    return env.from_string(read_prompt_file("initial_prompt.j2"))


def initial_prompt(language: str, extra_terms: Iterable[str] = ()) -> str:
    """Render the initial prompt for ``language``: CRM terms first (product names), then built-in ones."""
    builtin = default_vocabulary()
    candidates = [*extra_terms, *builtin.get(language, ())]
    limit = MAX_PROMPT_CHARS.get(language, 300)
    terms: list[str] = []
    seen: set[str] = set()
    for term in (t.strip() for t in candidates):
        if not term or term.lower() in seen:
            continue
        if sum(len(t) + 1 for t in terms) + len(term) > limit:
            break
        seen.add(term.lower())
        terms.append(term)
    return _template().render(language=language, terms=terms).strip()
