"""The one place where errors become what the user sees: a bilingual message and an exit code, no traceback."""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)


def render_error(exc: BaseException) -> tuple[str, int]:
    """Message and exit code for an error that reached the entry point."""
    user_message = getattr(exc, "user_message", None)
    if isinstance(user_message, str):
        details = getattr(exc, "details", None) or {}
        extra = "".join(f"\n  {k}: {v}" for k, v in details.items() if k not in ("path",) and v not in (None, ""))
        rejects = getattr(exc, "rejects", None)
        if rejects:
            shown = "\n".join(f"  {r}" for r in rejects[:50])
            more = f"\n  ... {len(rejects) - 50} more / 另有 {len(rejects) - 50} 行" if len(rejects) > 50 else ""
            extra += f"\n{shown}{more}"
        return f"错误 / error: {user_message}{extra}", 2
    log.debug("unexpected error", exc_info=exc)
    return (f"内部错误 / internal error: {type(exc).__name__}: {exc}\n"
            "请重试或联系管理员 / please retry or contact your administrator"), 1
