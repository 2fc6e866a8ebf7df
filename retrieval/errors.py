"""Errors of the retrieval package: one root, one subclass per stage.

Every error carries a bilingual ``user_message`` (Chinese first, then English) that the assistant or the CLI
shows as is, and ``details`` (file, field, sizes ...) for logs and JSON output. Creating an error does nothing
else: no logging, no I/O. The CLI layer turns these into a clean message and a non-zero exit.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from crm.errors import BilingualError


class RetrievalError(BilingualError):
    """Root of every error raised by ``retrieval``."""

    code = "retrieval_error"

    def __init__(self, zh: str, en: str, *, details: Mapping[str, Any] | None = None) -> None:
        super().__init__(zh, en, **dict(details or {}))

    def message(self, lang: str | None = "zh") -> str:
        """The user message in one language (``zh`` by default, or ``en``)."""
        return super().message(lang)


class LibraryError(RetrievalError):
    """The playbook library cannot be loaded at all (missing directory, no readable entry)."""

    code = "library_error"


class QueryError(RetrievalError):
    """The user's query is unusable: empty, too long, only symbols or emoji, unsupported language."""

    code = "bad_query"


class EmbedderError(RetrievalError):
    """An embedding model is not installed or cannot be loaded from the given directory."""

    code = "embedder_error"


class IndexBuildError(RetrievalError):
    """The vector index cannot be built, opened or updated."""

    code = "index_error"


class ContextError(RetrievalError):
    """The CRM context for composing an answer (account, opportunity) cannot be read."""

    code = "context_error"


class TemplateError(RetrievalError):
    """An answer template under prompts/coach is missing or failed to render."""

    code = "template_error"
