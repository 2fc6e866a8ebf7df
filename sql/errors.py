"""Errors of the sql package: one root, one subclass per stage; each carries a bilingual user message."""

from __future__ import annotations

from crm.errors import BilingualError


class SqlError(BilingualError):
    """Root of the errors the sql package raises on purpose."""


class CompileError(SqlError):
    """A plan cannot be turned into SQL (a combination the semantic layer does not support)."""


class ValidationError(SqlError):
    """A statement was refused by the validator. `code` names the rule (stable, for tests)."""

    def __init__(self, code: str, user_message_zh: str, user_message_en: str, **details: object) -> None:
        super().__init__(user_message_zh, user_message_en, **details)
        self.code = code


class ExecutionError(SqlError):
    """A validated statement failed or timed out while running."""
