"""`sales-assistant coach ...`: answer an objection, rebuild the playbook index, run the coaching eval.

The functions take plain arguments (the CLI in ``assistant/cli.py`` wires options to them) and return the exit
code: 0 for an answer (``ok`` or ``no_match``), 2 for an error the user can fix. With ``--json`` every outcome,
errors included, is one JSON object on stdout following the contract
``{"status", "query", "hits": [{"id", "title", "category", "score", "responses", "follow_up_questions",
"proof_points"}], "error"}`` plus ``suggested_categories`` (the closest categories on ``no_match``).
A missing index is built on first use with a progress bar on stderr.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape

from assistant.errors import render_error

log = logging.getLogger(__name__)

err = Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)

_QUERY_ECHO_MAX = 200


class _IndexProgress:
    """A rich progress bar on stderr, shown only when the index actually has documents to embed."""

    def __init__(self, label: str) -> None:
        self.label = label
        self._progress: Any = None
        self._task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if total <= 0:
            return
        if self._progress is None:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._progress = Progress(
                TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                console=err, transient=False,
            )
            self._progress.start()
            self._task = self._progress.add_task(self.label, total=total)
        self._progress.update(self._task, completed=done, total=total)

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None


def _open_coach(index_dir: Path, model_dir: Path | None, library_root: Path | None) -> Any:
    from retrieval.coach import Coach
    from retrieval.embedders import default_embedder
    from retrieval.library import load_library

    library = load_library(library_root)
    for problem in library.problems:
        err.print(f"[yellow]话术文件有误，已跳过 / playbook file skipped:[/yellow] {escape(str(problem))}")
    progress = _IndexProgress("构建话术索引 / building playbook index")
    try:
        return Coach.open(index_dir=index_dir, library=library, embedder=default_embedder(model_dir), progress=progress)
    finally:
        progress.close()


def _write(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def _echo(objection: str | None) -> str:
    text = objection or ""
    return text if len(text) <= _QUERY_ECHO_MAX else text[:_QUERY_ECHO_MAX] + "…"


def result_to_json(result: Any) -> dict[str, Any]:
    """The JSON contract for a :class:`retrieval.coach.SearchResult`."""
    return {
        "status": result.status,
        "query": result.query,
        "hits": [
            {
                "id": h.id,
                "title": h.title,
                "category": h.category,
                "score": h.score,
                "responses": list(h.responses),
                "follow_up_questions": list(h.follow_up_questions),
                "proof_points": list(h.proof_points),
            }
            for h in result.hits
        ],
        "error": None,
        "suggested_categories": list(result.suggested_categories),
    }


def error_to_json(query: str | None, exc: BaseException, lang: str | None) -> dict[str, Any]:
    # One language when the user chose it; otherwise Chinese first, English always.
    message = exc.message(lang) if lang and hasattr(exc, "message") else getattr(exc, "user_message", str(exc))
    return {"status": "error", "query": _echo(query), "hits": [], "error": message, "suggested_categories": []}


def render_text(result: Any) -> str:
    """The human answer, rendered from prompts/coach/answer.<lang>.j2."""
    from importlib import resources

    import yaml

    from retrieval.compose import category_label, context_labels, render

    tips = yaml.safe_load(resources.files("prompts").joinpath("coach", "stage_tips.yaml").read_text(encoding="utf-8"))
    return render(
        f"answer.{result.lang}.j2",
        query=result.query,
        context=context_labels(result.context, result.lang),
        hits=[
            {
                "title": h.title,
                "category_label": h.category_label,
                "score": h.score,
                "responses": h.responses,
                "follow_up_questions": h.follow_up_questions,
                "proof_points": h.proof_points,
                "avoid": h.avoid,
            }
            for h in result.hits
        ],
        suggested_categories=[category_label(c, result.lang) for c in result.suggested_categories],
        stage_tips=tips.get(result.lang, {}),
    )


def coach_command(
    objection: str | None,
    account_id: int | None,
    opportunity_id: int | None,
    lang: str | None,
    as_json: bool,
    db_url: str | None,
    index_dir: Path,
    model_dir: Path | None = None,
    k: int = 3,
    library_root: Path | None = None,
) -> int:
    """Answer one objection; returns the exit code (0 answered, 2 error).

    ``model_dir``: a local sentence-transformers model instead of the bundled default; ``library_root``: another
    playbook library (tests, a team's own library).
    """
    from crm.errors import CrmError
    from retrieval.errors import RetrievalError
    from retrieval.query import check_query

    try:
        check_query(objection, lang=lang)  # fail fast, before any model or database is touched
        context = None
        if account_id is not None or opportunity_id is not None:
            from crm.db import make_engine
            from retrieval.context import load_context

            engine = make_engine(db_url)
            try:
                context = load_context(engine, account_id=account_id, opportunity_id=opportunity_id)
            finally:
                engine.dispose()
        coach = _open_coach(index_dir, model_dir, library_root)
        result = coach.search(objection or "", lang=lang, k=k, context=context)
    except (RetrievalError, CrmError) as exc:
        if as_json:
            _write(json.dumps(error_to_json(objection, exc, lang), ensure_ascii=False, indent=2) + "\n")
        else:
            message, _code = render_error(exc)
            err.print(message, markup=False)
        return 2
    if as_json:
        _write(json.dumps(result_to_json(result), ensure_ascii=False, indent=2) + "\n")
    else:
        _write(render_text(result))
    return 0


def reindex_command(index_dir: Path, model_dir: Path | None = None, library_root: Path | None = None) -> int:
    """Rebuild the playbook index from scratch; returns 1 when some playbook files were skipped."""
    from retrieval.embedders import default_embedder
    from retrieval.errors import RetrievalError
    from retrieval.index import PlaybookIndex
    from retrieval.library import load_library

    progress = _IndexProgress("重建话术索引 / rebuilding playbook index")
    try:
        library = load_library(library_root)
        index = PlaybookIndex(index_dir, default_embedder(model_dir))
        report = index.rebuild(library, progress=progress)
    except RetrievalError as exc:
        progress.close()
        message, _code = render_error(exc)
        err.print(message, markup=False)
        return 2
    progress.close()
    for problem in library.problems:
        err.print(f"话术文件有误，已跳过 / playbook file skipped: {problem}", markup=False)
    _write(
        f"索引已重建 / index rebuilt: {len(library.objections)} 条异议 entries, "
        f"{report.documents_embedded} 条文本 texts, {report.seconds:.1f}s "
        f"({index.collection_name} in {index_dir})\n"
    )
    return 1 if library.problems else 0


def eval_coaching_command(
    split: str = "test", index_dir: Path | None = None, compare: bool = False, misses: bool = False
) -> int:
    """Run the coaching eval on ``split`` and print its figures; returns 2 when the dataset is unusable.

    ``compare`` adds the bundled MiniLM model (slower: it embeds the library once more); ``index_dir`` lets the
    eval reuse the application's index (one collection per embedder) instead of a temporary one.
    """
    from evals.coaching.run import DEFAULT_EMBEDDER, EvalDataError, format_report, run
    from retrieval.errors import RetrievalError

    embedders = (DEFAULT_EMBEDDER, "minilm") if compare else (DEFAULT_EMBEDDER,)
    try:
        report = run(split=split, index_dir=index_dir, embedders=embedders)
    except EvalDataError as exc:
        err.print(f"错误 / error: {exc}", markup=False)
        return 2
    except RetrievalError as exc:
        message, _code = render_error(exc)
        err.print(message, markup=False)
        return 2
    _write(format_report(report, misses=misses))
    return 0
