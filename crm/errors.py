"""Errors of the crm package: one root, one subclass per stage, each carrying a bilingual user message."""

from __future__ import annotations

from typing import Any


class BilingualError(Exception):
    """Base of every package's error root: a Chinese and an English user message, and details for logs.

    Lives in crm, the lowest layer, so that sql, retrieval and calls share it without importing upward.
    """

    code = "error"

    def __init__(self, user_message_zh: str, user_message_en: str, **details: Any) -> None:
        super().__init__(user_message_en)
        self.user_message_zh = user_message_zh
        self.user_message_en = user_message_en
        self.details: dict[str, Any] = dict(details)

    @property
    def user_message(self) -> str:
        """Chinese first, English always."""
        return f"{self.user_message_zh} / {self.user_message_en}"

    def message(self, lang: str | None = None) -> str:
        """The message in one language (zh, en) or both."""
        return {"zh": self.user_message_zh, "en": self.user_message_en}.get(lang or "", self.user_message)


class CrmError(BilingualError):
    """Root of every error the crm package raises on purpose."""


class DatabaseError(CrmError):
    """The database cannot be reached, created or upgraded."""


class DemoError(CrmError):
    """Demo data cannot be built (bad size, seed or date)."""


class ImportFileError(CrmError):
    """An import file cannot be read at all (format, encoding, size, empty)."""


class ImportValidationError(CrmError):
    """An import file was read but some rows are invalid; `rejects` lists them."""

    def __init__(self, rejects: list, path: str) -> None:
        n = len(rejects)
        super().__init__(
            f"{path}: {n} 行无效，未写入任何数据",
            f"{path}: {n} invalid row(s); nothing was written",
            path=path,
        )
        self.rejects = rejects
