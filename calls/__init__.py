"""Call review: offline transcription of recorded sales calls and coaching feedback.

The package turns an audio file into a typed :class:`calls.models.CallReview`: audio probing and channel
split (``audio``), transcription behind a small engine interface (``transcribe``, ``whisper_models``), speaker
turns and talk metrics (``turns``, ``metrics``), checklist coverage against the stage playbooks of the
coaching library (``checklist``), objections linked to playbook entries (``objections``), the pipeline that
ties them together (``review``) and storing a review as a CRM activity (``store``). Heavy dependencies
(faster-whisper, PyAV, sentence-transformers) are imported lazily inside the adapters that need them.
"""
