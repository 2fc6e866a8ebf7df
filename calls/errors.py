"""Errors of the call-review package: one root, one subclass per stage.

Every error carries a ``user_message`` in Chinese and English and a ``details`` mapping (file, limits,
codes). Creating an error does nothing else; the CLI and the assistant decide how to show it.
"""

from __future__ import annotations

from typing import Any

from crm.errors import BilingualError


class CallsError(BilingualError):
    """Root of every error raised by ``calls``; ``code`` is a stable machine-readable name."""

    code = "calls_error"

    @property
    def message_zh(self) -> str:
        return self.user_message_zh

    @property
    def message_en(self) -> str:
        return self.user_message_en

    def to_dict(self) -> dict[str, Any]:
        """The ``error`` object of the review JSON contract."""
        return {
            "code": self.code,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
            "details": {k: (v if isinstance(v, (int, float, bool)) or v is None else str(v))
                        for k, v in self.details.items()},
        }


class AudioError(CallsError):
    """The input file cannot be used as a recording (missing, not audio, empty, corrupt, too long)."""

    code = "audio_error"


class ModelError(CallsError):
    """No usable transcription model (missing package, bad directory, failed assembly)."""

    code = "model_error"


class TranscriptionError(CallsError):
    """The engine failed while transcribing."""

    code = "transcription_error"


class StageError(CallsError):
    """The requested stage has no checklist in the playbook library."""

    code = "unknown_stage"


class CoachingUnavailableError(CallsError):
    """The playbook library or the embedder could not be loaded."""

    code = "coaching_unavailable"


class StoreError(CallsError):
    """The review could not be stored against the opportunity (nothing was written)."""

    code = "store_error"
