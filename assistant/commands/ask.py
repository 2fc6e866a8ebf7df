"""`sales-assistant ask`: one question (optionally as JSON), or an interactive prompt."""

from __future__ import annotations

import json
import sys
from datetime import date

from rich.console import Console
from rich.table import Table

from assistant.ask import Answer, ask, resolve_caller
from assistant.conversation import Conversation
from assistant.settings import Settings
from crm.db import has_schema, make_engine
from crm.errors import DatabaseError

out = Console()


def ask_command(question: str | None, *, as_email: str | None, today: date, url: str, as_json: bool,
                session_id: str | None, limit: int, settings: Settings) -> None:
    engine = make_engine(url)
    if not has_schema(engine):
        raise DatabaseError("数据库为空：先运行 `sales-assistant db init --demo default`",
                            "empty database: run `sales-assistant db init --demo default` first")
    caller = resolve_caller(engine, as_email)
    conversation = Conversation.open(settings.session_dir, session_id) if session_id else Conversation()
    if question is None:
        _interactive(engine, caller, today, conversation, limit, settings)
        return
    answer = ask(question, engine=engine, caller=caller, today=today, conversation=conversation, limit=limit,
                 timeout_ms=settings.statement_timeout_ms)
    if as_json:
        sys.stdout.write(json.dumps(answer.to_json(), ensure_ascii=False) + "\n")
    else:
        show(answer)
    if answer.status == "error":
        raise SystemExit(1)


def _interactive(engine, caller, today, conversation, limit, settings) -> None:
    out.print("[bold]销售助手[/bold] Sales Assistant — 用中文或英文提问，空行退出 / ask in Chinese or English, "
              "empty line to quit")
    while True:
        try:
            question = out.input("[cyan]问 ›[/cyan] ")
        except (EOFError, KeyboardInterrupt):
            break
        if not question.strip():
            break
        show(ask(question, engine=engine, caller=caller, today=today, conversation=conversation, limit=limit,
                 timeout_ms=settings.statement_timeout_ms))


def show(answer: Answer) -> None:
    if answer.status == "clarify" and answer.clarification:
        out.print(f"[yellow]?[/yellow] {answer.clarification['question']}")
        for i, option in enumerate(answer.clarification["options"], start=1):
            out.print(f"  {i}. {option}")
        return
    if answer.status in ("refused", "error"):
        out.print(f"[red]{answer.error}[/red]")
        return
    out.print(f"[dim]{answer.interpretation}[/dim]")
    table = Table(*answer.columns)
    for row in answer.rows[:50]:
        table.add_row(*[_cell(v) for v in row])
    out.print(table)
    more = f"（共 {answer.row_count} 行，显示前 50 行）" if answer.row_count > 50 else f"（{answer.row_count} 行）"
    out.print(more + (" [yellow]结果已截断 / truncated[/yellow]" if answer.truncated else ""))
    out.print(f"[dim]SQL: {answer.sql}[/dim]")


def _cell(v: object) -> str:
    if isinstance(v, float):
        return f"{v:,.4f}" if abs(v) < 1 else f"{v:,.2f}"
    if isinstance(v, int) and not isinstance(v, bool):
        return f"{v:,}"
    return "" if v is None else str(v)
