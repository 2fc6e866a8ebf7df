"""Answering a data question for a person: the pipeline's outcome as an `Answer`, within a conversation.

`sql.pipeline` does the work; here the conversation remembers the last understood plan (so follow-ups refine
it) and the outcome becomes the reply contract the CLI prints with --json.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy import Engine

from assistant.conversation import Conversation
from sql.pipeline import Outcome, answer, name_index, resolve_caller
from sql.validator import Caller

__all__ = ["Answer", "ask", "name_index", "resolve_caller"]


@dataclass(frozen=True)
class Answer:
    """The reply to one question; `to_json()` is the CLI's --json contract."""

    status: str  # answered | clarify | refused | error
    question: str
    interpretation: str = ""
    sql: str | None = None
    columns: tuple[str, ...] = ()
    rows: tuple[tuple[object, ...], ...] = ()
    row_count: int = 0
    truncated: bool = False
    clarification: dict | None = None
    error: str | None = None

    def to_json(self) -> dict:
        d = asdict(self)
        d["columns"] = list(self.columns)
        d["rows"] = [list(r) for r in self.rows]
        return d

    @classmethod
    def from_outcome(cls, question: str, o: Outcome) -> Answer:
        clar = ({"question": o.clarification.question, "options": list(o.clarification.options)}
                if o.clarification else None)
        rows = o.result.rows if o.result else ()
        return cls(o.status, question, o.interpretation, o.query.sql if o.query else None,
                   o.result.columns if o.result else (), rows, len(rows), bool(o.result and o.result.truncated),
                   clar, o.message if o.status in ("refused", "error") else None)


def ask(question: str, *, engine: Engine, caller: Caller, today: date, conversation: Conversation | None = None,
        limit: int = 1000, timeout_ms: int = 5000) -> Answer:
    previous = conversation.last_plan if conversation else None
    outcome = answer(question, engine=engine, caller=caller, today=today, previous=previous, limit=limit,
                     timeout_ms=timeout_ms)
    if outcome.status == "answered" and outcome.plan is not None and conversation is not None:
        conversation.remember(question, outcome.plan)
    return Answer.from_outcome(question, outcome)
