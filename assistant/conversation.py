"""A conversation: the last understood plan, kept in a JSON file per session id so follow-ups work across calls.

Session ids are restricted to a safe alphabet; files live under the settings' session folder.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

from sql.plan import Filter, FollowUp, LeadOrigin, QueryPlan, TimeWindow

SESSION_ID = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")


class Conversation:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.last_plan: QueryPlan | None = None
        self.history: list[str] = []
        if path is not None and path.exists():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                self.history = list(data.get("history", []))
                self.last_plan = _plan_from(data["plan"]) if data.get("plan") else None
            except (ValueError, KeyError, TypeError):
                self.last_plan = None  # a damaged session file starts a new conversation

    @classmethod
    def open(cls, session_dir: Path, session_id: str) -> Conversation:
        if not SESSION_ID.match(session_id):
            raise ValueError("session id may use letters, digits, '.', '_' and '-' (at most 64)")
        session_dir.mkdir(parents=True, exist_ok=True)
        return cls(session_dir / f"{session_id}.json")

    def remember(self, question: str, plan: QueryPlan) -> None:
        self.last_plan = plan
        self.history = (self.history + [question])[-20:]
        if self.path is not None:
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(json.dumps({"history": self.history, "plan": _plan_to(plan)}, ensure_ascii=False,
                                      default=str), encoding="utf-8")
            tmp.replace(self.path)


def _plan_to(plan: QueryPlan) -> dict:
    return asdict(plan)


def _window(d: dict | None) -> TimeWindow | None:
    if d is None:
        return None
    parse = lambda v: datetime.fromisoformat(v) if v else None  # noqa: E731
    return TimeWindow(parse(d["start"]), parse(d["end"]), d["label"], parse(d.get("period_end")),
                      bool(d.get("past_year")), bool(d.get("per_month")), bool(d.get("per_quarter")),
                      bool(d.get("per_year")), bool(d.get("per_week")), bool(d.get("rolling")))


def _filter(d: dict) -> Filter:
    value = d["value"]
    if d["dimension"] == "from_lead" and isinstance(value, dict):  # the lead's source and, when said, its period
        return Filter(d["dimension"], d["op"], LeadOrigin(value["source"], _window(value.get("window"))))
    return Filter(d["dimension"], d["op"], tuple(value) if isinstance(value, list) else value)


def _follow_up(d: dict) -> FollowUp:
    window = _window(d["window"])
    assert window is not None  # a related-records condition always has a window ("从来" when none was said)
    count = d.get("count")
    return FollowUp(window, d["done"], tuple(d.get("kinds", ())), d.get("target", "activity"), d.get("by"),
                    _filter(d["product"]) if d.get("product") else None,
                    (count[0], count[1]) if count else None, _filter(d["amount"]) if d.get("amount") else None,
                    d.get("on"))


def _plan_from(d: dict) -> QueryPlan:
    """The whole plan back, every condition included: a follow-up in a later call must refine exactly what was
    answered, never a plan that silently lost a condition."""
    fu = d.get("follow_up")
    return QueryPlan(
        entity=d["entity"], measure=d.get("measure"), group_by=tuple(d.get("group_by", ())),
        filters=tuple(_filter(f) for f in d.get("filters", ())),
        follow_up=_follow_up(fu) if fu else None,
        more_related=tuple(_follow_up(x) for x in d.get("more_related", ())),
        share_of=tuple(_filter(f) for f in d.get("share_of", ())), share_follow_up=bool(d.get("share_follow_up")),
        window=_window(d.get("window")), time_field=d.get("time_field"), order=d.get("order"),
        top_n=d.get("top_n"), rank=d.get("rank"), limit=d.get("limit"), sort=d.get("sort"), also=tuple(d.get("also", ())),
        having=_filter(d["having"]) if d.get("having") else None, count_groups=bool(d.get("count_groups")),
        notes=tuple(d.get("notes", ())), show=tuple(d.get("show", ())),
        of_records=_plan_from(d["of_records"]) if d.get("of_records") else None)
