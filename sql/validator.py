"""The one gate every SQL statement passes before it runs, whichever path produced it.

Checks run on the sqlglot tree, never on the text: exactly one statement; a SELECT (or a set operation of
SELECTs) at the root; no write, DDL, command, PRAGMA, ATTACH or locking node anywhere; no comments; only known
tables (no schema-qualified or system tables) and known columns; only allow-listed functions. Then the
caller's row-level security is rewritten into the tree — every reference to a protected table, in joins,
subqueries and CTEs alike, becomes a filtered derived table — a row limit is forced, and string literals in
predicates become bound parameters. The checks are listed in order in `CHECKS`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import sqlglot
from sqlglot import exp
from sqlglot.errors import OptimizeError, ParseError, SqlglotError
from sqlglot.optimizer.qualify import qualify
from sqlglot.schema import MappingSchema

from crm.models import TABLES
from sql.compiler import SQLGLOT_DIALECT
from sql.errors import ValidationError

QUERYABLE = {t.name for t in TABLES} - {"audit_log", "app_meta"}
SCHEMA: dict[str, object] = {t.name: {c.name: "TEXT" for c in t.columns}
          for t in TABLES if t.name in QUERYABLE}


@lru_cache(maxsize=8)
def _schema(dialect: str) -> MappingSchema:
    """Normalising the schema costs milliseconds; do it once per dialect."""
    return MappingSchema(SCHEMA, dialect=dialect)
FORBIDDEN_NODES = tuple(getattr(exp, n) for n in (
    "Insert", "Update", "Delete", "Drop", "Create", "Alter", "AlterTable", "Command", "Merge", "TruncateTable",
    "Pragma", "Attach", "Detach", "Set", "Transaction", "Commit", "Rollback", "Use", "Copy", "LoadData", "Into",
    "Lock", "Grant", "Revoke", "Analyze", "Kill", "Describe", "Show", "Cache", "Uncache", "Refresh")
    if hasattr(exp, n))
ALLOWED_FUNCTIONS = {
    # aggregates
    "count", "sum", "avg", "min", "max",
    # scalar
    "coalesce", "nullif", "round", "abs", "lower", "upper", "length", "substring", "substr", "trim", "concat",
    "cast", "trycast", "case", "if", "greatest", "least", "floor", "ceil", "ifnull", "nvl",
    # dates (the semantic layer's snippets per dialect)
    "julianday", "strftime", "timetostr", "tochar", "dateformat", "extract", "timestampdiff", "datediff",
    "date", "datetime", "timestamptrunc", "datetrunc", "currentdate", "currenttimestamp", "strtotime", "tsordstodate",
    "todatetime", "formatdatetime", "timestrtotime", "tsordstotimestamp", "unixtotime", "datestrtodate",
    "year", "month", "quarter", "datesub",
    "anonymous",
}
ALLOWED_ANONYMOUS = {"julianday", "strftime", "to_char", "date_format", "timestampdiff", "date_diff", "datediff",
                     "todatetime", "formatdatetime", "weekday", "tomonday"}


@dataclass(frozen=True)
class Caller:
    """Who asks: decides row-level security. `team_id` is the manager's team."""

    id: int | None
    role: str  # rep, manager, director, trainer, admin
    team_id: int | None = None
    email: str | None = None

    @classmethod
    def admin(cls) -> Caller:
        return cls(None, "admin")


@dataclass(frozen=True)
class ValidatedQuery:
    """A statement that passed every check: `sql` for display, `exec_sql` + `params` to execute."""

    sql: str
    exec_sql: str
    params: dict[str, object]
    dialect: str
    limit: int
    tables: tuple[str, ...] = field(default_factory=tuple)


@dataclass
class _State:
    sql: str
    dialect: str
    caller: Caller
    max_rows: int
    tree: exp.Expr | None = None
    ctes: set[str] = field(default_factory=set)
    tables: set[str] = field(default_factory=set)
    limit: int = 0


def _fail(code: str, zh: str, en: str, **details: object) -> ValidationError:
    return ValidationError(code, zh, en, **details)


def _parse(st: _State) -> None:
    if not st.sql or not st.sql.strip():
        raise _fail("empty", "SQL 为空", "empty SQL")
    try:
        statements = [s for s in sqlglot.parse(st.sql, read=st.dialect) if s is not None]
    except (ParseError, SqlglotError) as exc:
        raise _fail("parse", "SQL 无法解析", f"SQL cannot be parsed: {exc}", sql=st.sql) from None
    if len(statements) != 1:
        raise _fail("multiple_statements", "只允许一条查询语句", "exactly one statement is allowed", sql=st.sql)
    st.tree = statements[0]


def _no_comments(st: _State) -> None:
    assert st.tree is not None
    outside = _outside_strings(st.sql)
    if "--" in outside or "/*" in outside or any(node.comments for node in st.tree.walk()):
        raise _fail("comment", "查询中不允许注释", "comments are not allowed in queries", sql=st.sql)


def _outside_strings(sql: str) -> str:
    out, quote = [], None
    for ch in sql:
        if quote:
            if ch == quote:
                quote = None
        elif ch in ("'", '"', "`"):
            quote = ch
        else:
            out.append(ch)
    return "".join(out)


def _select_only(st: _State) -> None:
    tree = st.tree
    assert tree is not None
    if not isinstance(tree, exp.Select | exp.Union | exp.Intersect | exp.Except):
        raise _fail("not_select", "只允许只读查询 (SELECT)", "only read-only SELECT queries are allowed",
                    statement=type(tree).__name__)
    for node in tree.walk():
        if isinstance(node, FORBIDDEN_NODES):
            raise _fail("forbidden", "查询包含不允许的操作", f"the query contains a forbidden operation "
                        f"({type(node).__name__})", statement=type(node).__name__)
        if isinstance(node, exp.Select) and node.args.get("locks"):
            raise _fail("forbidden", "不允许加锁查询", "locking reads are not allowed")


def _known_tables(st: _State) -> None:
    assert st.tree is not None
    st.ctes = {c.alias_or_name.lower() for c in st.tree.find_all(exp.CTE)}
    for t in st.tree.find_all(exp.Table):
        name = t.name.lower()
        if t.args.get("db") or t.args.get("catalog"):
            raise _fail("unknown_table", "不允许访问其他库或系统表", f"qualified table names are not allowed: {t.sql()}",
                        table=t.sql())
        if name in st.ctes:
            continue
        if name not in QUERYABLE:
            raise _fail("unknown_table", f"未知的表: {t.name}", f"unknown table: {t.name}", table=t.name)
        st.tables.add(name)


def _known_columns(st: _State) -> None:
    # qualify rewrites the tree it is given, so it gets a tree of its own: parsed again from the same text, which
    # costs less than copying the first one (sqlglot copies node by node in Python; its parser is compiled).
    try:
        qualify(sqlglot.parse_one(st.sql, read=st.dialect), schema=_schema(st.dialect), dialect=st.dialect,
                validate_qualify_columns=True, quote_identifiers=False)
    except (OptimizeError, SqlglotError) as exc:
        raise _fail("unknown_column", "查询引用了未知的字段", f"unknown column or ambiguous reference: {exc}",
                    sql=st.sql) from None


def _allowed_functions(st: _State) -> None:
    assert st.tree is not None
    for fn in st.tree.find_all(exp.Func):
        if isinstance(fn, exp.Anonymous):
            name = str(fn.this).lower()
            if name not in ALLOWED_ANONYMOUS:
                raise _fail("function", f"不允许的函数: {name}", f"function not allowed: {name}", function=name)
            continue
        if isinstance(fn, exp.Connector | exp.Binary | exp.Unary | exp.Predicate):
            continue  # operators (AND, =, NOT, EXISTS ...) are Func subclasses in sqlglot
        name = type(fn).__name__.lower()
        if name not in ALLOWED_FUNCTIONS and not isinstance(fn, exp.Cast | exp.Case | exp.If | exp.Extract):
            raise _fail("function", f"不允许的函数: {fn.sql_name()}", f"function not allowed: {fn.sql_name()}",
                        function=fn.sql_name())


def _rls_predicate(table: str, caller: Caller) -> str | None:
    """SQL condition (on the bare table) restricting `table` to the caller's rows; None = unrestricted."""
    if caller.role in ("director", "admin"):
        return None
    if caller.role == "manager" and caller.team_id is not None:
        owners = f"SELECT id FROM sales_rep WHERE team_id = {int(caller.team_id)}"
        team = f"id = {int(caller.team_id)}"
        reps = f"team_id = {int(caller.team_id)}"
    elif caller.id is not None:
        owners = f"SELECT id FROM sales_rep WHERE id = {int(caller.id)}"
        team = f"id IN (SELECT team_id FROM sales_rep WHERE id = {int(caller.id)})"
        reps = f"id = {int(caller.id)}"
    else:
        return "1 = 0"  # an unknown caller sees nothing
    if caller.role not in ("rep", "manager"):
        owners, reps = "SELECT id FROM sales_rep WHERE 1 = 0", "1 = 0"  # trainers own no customer rows
    by_owner = f"owner_id IN ({owners})"
    return {
        "account": by_owner, "opportunity": by_owner, "lead": by_owner, "activity": by_owner, "contract": by_owner,
        "payment": f"contract_id IN (SELECT id FROM contract WHERE {by_owner})",
        "contact": f"account_id IN (SELECT id FROM account WHERE {by_owner})",
        "opportunity_line": f"opportunity_id IN (SELECT id FROM opportunity WHERE {by_owner})",
        "opportunity_stage_history": f"opportunity_id IN (SELECT id FROM opportunity WHERE {by_owner})",
        "quote": f"opportunity_id IN (SELECT id FROM opportunity WHERE {by_owner})",
        "sales_rep": reps, "team": team,
    }.get(table)


def _row_level_security(st: _State) -> None:
    assert st.tree is not None
    targets = [t for t in st.tree.find_all(exp.Table) if t.name.lower() not in st.ctes]
    for t in targets:
        pred = _rls_predicate(t.name.lower(), st.caller)
        if pred is None:
            continue
        alias = t.alias_or_name
        inner = sqlglot.parse_one(f"SELECT * FROM {t.name.lower()} WHERE {pred}", read="sqlite")
        derived = exp.Subquery(this=inner, alias=exp.TableAlias(this=exp.to_identifier(alias)))
        if t.args.get("alias") and t.args["alias"].columns:
            derived.set("alias", t.args["alias"].copy())
        t.replace(derived)


def _limit(st: _State) -> None:
    tree = st.tree
    assert tree is not None
    existing = tree.args.get("limit")
    value = None
    if existing is not None:
        lit = existing.expression if isinstance(existing, exp.Limit) else existing
        if isinstance(lit, exp.Literal) and lit.is_int:
            value = int(lit.this)
        else:
            raise _fail("limit", "LIMIT 必须是整数", "LIMIT must be a whole number")
    if value is not None and value <= st.max_rows:
        st.limit = value
        return
    st.limit = st.max_rows
    # One row more than allowed tells the caller the answer was cut.
    if isinstance(tree, exp.Select):
        st.tree = tree.limit(st.max_rows + 1, copy=False)
    else:
        st.tree = exp.select("*").from_(exp.Subquery(this=tree, alias=exp.TableAlias(
            this=exp.to_identifier("capped")))).limit(st.max_rows + 1)


CHECKS: tuple[Callable[[_State], None], ...] = (
    _parse, _no_comments, _select_only, _known_tables, _known_columns, _allowed_functions, _row_level_security,
    _limit,
)


def validate(sql: str, *, dialect: str, caller: Caller, max_rows: int = 1000) -> ValidatedQuery:
    """Run every check in order; raises ValidationError naming the rule that failed."""
    st = _State(sql, SQLGLOT_DIALECT.get(dialect, dialect), caller, max_rows)
    for check in CHECKS:
        check(st)
    assert st.tree is not None
    shown = st.tree.sql(dialect=st.dialect, copy=False)  # the tree is ours: no defensive copies, ...
    exec_tree, params = _parametrize(st.tree)  # ... and once shown, it becomes the statement to execute
    # SQLAlchemy's text() takes :name placeholders on every driver; sqlglot writes %(name)s for PostgreSQL.
    exec_sql = re.sub(r"%\((p\d+)\)s", r":\1", exec_tree.sql(dialect=st.dialect, copy=False))
    return ValidatedQuery(shown, exec_sql, params, st.dialect, st.limit,
                          tuple(sorted(st.tables)))


def _parametrize(tree: exp.Expr) -> tuple[exp.Expr, dict[str, object]]:
    """String literals compared with columns become named parameters; the driver binds them."""
    params: dict[str, object] = {}
    for lit in list(tree.find_all(exp.Literal)):
        parent = lit.parent
        if not lit.is_string or not isinstance(parent, exp.Binary | exp.In) or isinstance(parent, exp.Dot):
            continue
        if isinstance(parent, exp.Binary) and not isinstance(parent, exp.EQ | exp.NEQ | exp.GT | exp.GTE | exp.LT |
                                                             exp.LTE | exp.Like | exp.ILike):
            continue
        name = f"p{len(params) + 1}"
        params[name] = lit.this
        lit.replace(exp.Placeholder(this=name))
    return tree, params
