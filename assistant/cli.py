"""The `sales-assistant` command line: one Typer app; errors become clean messages and a non-zero exit.

Settings are read once here and passed down as plain arguments.
"""

from __future__ import annotations

import logging
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Annotated

import typer

from assistant.errors import render_error
from assistant.settings import SettingsError, load_settings

app = typer.Typer(help="销售助手 Sales Assistant: ask the CRM, coach on objections, review calls.",
                  no_args_is_help=True, pretty_exceptions_enable=False, add_completion=False)
db_app = typer.Typer(help="Database: schema, demo data, import, statistics / 数据库", no_args_is_help=True)
eval_app = typer.Typer(help="Run evaluations and print their figures / 评测", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(eval_app, name="eval")

UrlOpt = Annotated[str | None, typer.Option("--url", help="Database URL (default: SALES_ASSISTANT_DB_URL or "
                                                           "data/crm.sqlite3)")]
TodayOpt = Annotated[str | None, typer.Option("--today", help="Reference date YYYY-MM-DD (default: today)")]


def _url(url: str | None) -> str:
    return url or load_settings().db_url


def _today(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise typer.BadParameter(f"expected YYYY-MM-DD, got {value!r}", param_hint="--today") from None


@db_app.command("init")
def db_init(url: UrlOpt = None,
            demo: Annotated[str | None, typer.Option(help="Fill with demo data: small | default | large")] = None,
            seed: Annotated[int, typer.Option(help="Demo data seed")] = 7,
            today: TodayOpt = None,
            reset: Annotated[bool, typer.Option("--reset", help="Drop all CRM tables first")] = False) -> None:
    """Create or upgrade the schema; optionally build demo data. / 建库并可生成演示数据"""
    from assistant.commands import db

    db.init(_url(url), demo, seed, _today(today), reset)


@db_app.command("import")
def db_import(file: Path,
              entity: Annotated[str, typer.Option(help="account | contact | lead | opportunity | activity")],
              url: UrlOpt = None,
              skip_invalid: Annotated[bool, typer.Option("--skip-invalid", help="Write the valid rows, report the "
                                                                                "rest")] = False,
              report: Annotated[Path | None, typer.Option(help="Where to write rejected rows (CSV)")] = None,
              encoding: Annotated[str | None, typer.Option(help="CSV encoding if not UTF-8, e.g. gbk")] = None) -> None:
    """Import a CSV or Excel file with Chinese or English headers, all or nothing. / 导入 CSV 或 Excel"""
    from assistant.commands import db

    db.import_(_url(url), file, entity, skip_invalid, report, encoding)


@db_app.command("export")
def db_export(entity: Annotated[str, typer.Option(help="account | contact | lead | opportunity | activity")],
              out: Annotated[Path, typer.Option("--out", help="Excel file to write")],
              url: UrlOpt = None) -> None:
    """Export rows to Excel with the importer's Chinese headers. / 导出到 Excel"""
    from assistant.commands import db

    db.export(_url(url), entity, out)


@db_app.command("stats")
def db_stats(url: UrlOpt = None) -> None:
    """Row counts per table and the demo's seed, size and reference date. / 数据统计"""
    from assistant.commands import db

    db.stats(_url(url))


@app.command("ask")
def ask_cmd(question: Annotated[str | None, typer.Argument(help="The question; none opens an interactive prompt")] = None,
            as_: Annotated[str | None, typer.Option("--as", help="Ask as this user (email); default: admin")] = None,
            today: TodayOpt = None,
            url: UrlOpt = None,
            json_: Annotated[bool, typer.Option("--json", help="Print one JSON object")] = False,
            session: Annotated[str | None, typer.Option(help="Conversation id: follow-ups refine its last "
                                                              "question")] = None,
            limit: Annotated[int | None, typer.Option(help="Maximum rows returned (default 1000)")] = None) -> None:
    """Ask the CRM a question in Chinese or English. / 用中文或英文提问"""
    from assistant.commands import ask

    settings = load_settings()
    ask.ask_command(question, as_email=as_, today=_today(today) or date.today(), url=_url(url), as_json=json_,
                    session_id=session, limit=limit or settings.max_rows, settings=settings)


@eval_app.command("nl2sql")
def eval_nl2sql(split: Annotated[str, typer.Option(help="dev | dev2 ... dev7 | dev-all | test | all (test is held out)")] = "test",
                url: Annotated[str | None, typer.Option(help="Answer on this database (gold runs on the SQLite "
                                                             "evaluation database)")] = None,
                report: Annotated[Path, typer.Option(help="Markdown report file")] = Path("evals/nl2sql/report.md"),
                ) -> None:
    """Execution accuracy of questions -> SQL, overall and per category. / 问数评测"""
    from evals.nl2sql.run import format_summary, run

    typer.echo(format_summary(run(split, url, report)))
    typer.echo(f"report: {report}")


@app.command("coach")
def coach(objection: Annotated[str, typer.Argument(help='What the customer said, or "reindex" to rebuild the '
                                                        'index / 客户原话，或 reindex 重建索引')],
          account: Annotated[int | None, typer.Option("--account", help="Fit the answer to this account")] = None,
          opportunity: Annotated[int | None, typer.Option("--opportunity", help="Fit the answer to this "
                                                                                "opportunity")] = None,
          lang: Annotated[str | None, typer.Option("--lang", help="zh | en (default: detected)")] = None,
          as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object")] = False,
          url: UrlOpt = None) -> None:
    """Best playbook answers to a customer objection, fitted to the account and stage. / 异议应对"""
    from assistant.commands.coach import coach_command, reindex_command

    s = load_settings()
    model_dir = Path(s.embedding_model) if s.embedding_model else None
    if objection == "reindex" and account is None and opportunity is None:
        raise typer.Exit(reindex_command(s.index_dir, model_dir))
    raise typer.Exit(coach_command(objection, account, opportunity, lang, as_json, _url(url), s.index_dir, model_dir))


@eval_app.command("coaching")
def eval_coaching(split: Annotated[str, typer.Option(help="dev | test (test is held out)")] = "test",
                  compare: Annotated[bool, typer.Option("--compare", help="Also score MiniLM variants")] = False,
                  misses: Annotated[bool, typer.Option("--misses", help="List the queries ranked wrong")] = False
                  ) -> None:
    """Recall@1/@3, MRR and no-match precision of objection retrieval, fused vs dense vs lexical. / 异议检索评测"""
    from assistant.commands.coach import eval_coaching_command

    raise typer.Exit(eval_coaching_command(split, load_settings().index_dir, compare, misses))


@app.command("review-call")
def review_call(file: Path,
                stage: Annotated[str | None, typer.Option(help="initial_contact | needs_analysis | proposal | "
                                                               "negotiation | trial_follow_up (default: the "
                                                               "opportunity's stage)")] = None,
                opportunity: Annotated[int | None, typer.Option("--opportunity", help="Store the review as an "
                                                                                  "activity on this opportunity")] = None,
                lang: Annotated[str | None, typer.Option("--lang", help="zh | en (default: detected)")] = None,
                as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object")] = False,
                model: Annotated[str | None, typer.Option("--model", help="Local faster-whisper model "
                                                                          "directory")] = None,
                url: UrlOpt = None) -> None:
    """Transcribe a recorded call offline and review it against the stage checklist. / 通话复盘"""
    from assistant.commands.review_call import review_call_command

    s = load_settings()
    raise typer.Exit(review_call_command(file, stage, opportunity, lang, as_json, model or s.whisper_model,
                                         url or s.db_url, data_dir=s.data_dir, embedding_model=s.embedding_model))


@eval_app.command("calls")
def eval_calls(calibrate: Annotated[bool, typer.Option(help="Refit weights and thresholds on the dev split")] = False,
               write: Annotated[bool, typer.Option(help="With --calibrate: save the calibration")] = False,
               no_asr: Annotated[bool, typer.Option("--no-asr", help="Skip WER/CER on real recordings")] = False
               ) -> None:
    """Missed-point precision/recall/F1 per item (dev and test), objections, WER/CER. / 通话复盘评测"""
    from evals.calls.run import main as run_eval

    raise typer.Exit(run_eval([*(["--calibrate"] if calibrate else []), *(["--write"] if write else []),
                               *(["--no-asr"] if no_asr else [])]))


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        load_settings()
        app()
    except SettingsError as exc:
        typer.echo(f"配置错误 / configuration error: {exc}", err=True)
        sys.exit(2)
    except Exception as exc:  # noqa: BLE001 - the one place errors become what the user sees
        message, code = render_error(exc)
        typer.echo(message, err=True)
        sys.exit(code)


if __name__ == "__main__":
    main()
