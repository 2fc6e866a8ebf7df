"""Accounts named the way people type them, and related records with an amount of their own, found in development
sets about non-hospital accounts, keyword-style typing and a finance controller: "明德电器商城" (the name without
its city), "三亚宏图" (city and brand of a name with no legal form), "有超过100万的在跟商机的客户", "今年赢过500万以上
单子的业务员", "accounts that signed contracts over 3M this year", "输单原因 分布 今年" (spaces between Chinese
words), "各类客户" (by account type), "有逾期款的医院有哪些" (the hospitals) and "how much does each of them owe?"
after their overdue amounts (still the overdue amount).

Each answer is checked against SQL written by hand for the same question on the small database.
"""

from __future__ import annotations

import pytest
from conftest import TODAY
from sqlalchemy import Engine, text
from tests_support import assert_answer_matches

from sql.names import NameIndex
from sql.pipeline import answer
from sql.validator import Caller

HAND_WRITTEN = [
    ("有超过300万的在跟商机的客户", "SELECT a.name FROM account a WHERE EXISTS (SELECT 1 FROM opportunity o WHERE "
     "o.account_id = a.id AND o.stage IN ('initial_contact', 'needs_analysis', 'proposal', 'negotiation') AND "
     "o.amount > 3000000)"),
    ("有超过300万的在跟商机的医院有几家", "SELECT COUNT(*) FROM account a WHERE a.account_type = 'hospital' AND EXISTS "
     "(SELECT 1 FROM opportunity o WHERE o.account_id = a.id AND o.stage IN ('initial_contact', 'needs_analysis', "
     "'proposal', 'negotiation') AND o.amount > 3000000)"),
    ("今年赢过300万以上单子的业务员", "SELECT s.name FROM sales_rep s WHERE s.role = 'rep' AND EXISTS (SELECT 1 FROM "
     "opportunity o WHERE o.owner_id = s.id AND o.stage = 'closed_won' AND o.closed_at >= '2026-01-01 00:00:00' AND "
     "o.amount >= 3000000)"),
    ("Which accounts in East China signed contracts over 2M this year?", "SELECT a.name FROM account a JOIN region r ON "
     "r.id = a.region_id WHERE r.code = 'east' AND EXISTS (SELECT 1 FROM contract c WHERE c.account_id = a.id AND "
     "c.signed_at >= '2026-01-01 00:00:00' AND c.amount > 2000000)"),
    ("输单原因 分布 今年", "SELECT o.loss_reason FROM opportunity o WHERE o.stage = 'closed_lost' AND o.closed_at >= "
     "'2026-01-01 00:00:00' GROUP BY o.loss_reason"),
    ("近7天 新建商机 数", "SELECT COUNT(*) FROM opportunity o WHERE o.created_at >= '2026-11-11 00:00:00'"),
    # "供应链" is a name, not "供 … 对比" (for comparison), which is dropped as a purpose clause
    ("重庆中联医疗科技和天津恒信供应链的合同金额对比一下", "SELECT a.name FROM contract c JOIN account a ON a.id = "
     "c.account_id WHERE a.name IN ('重庆中联医疗科技有限公司', '天津恒信供应链有限公司') GROUP BY a.name"),
    ("Break down 重庆中联医疗科技's installments by payment status", "SELECT p.status FROM payment p JOIN contract c ON "
     "c.id = p.contract_id JOIN account a ON a.id = c.account_id WHERE a.name = '重庆中联医疗科技有限公司' GROUP BY p.status"),
    ("华东区除了医院以外，各类客户今年的赢单金额", "SELECT a.account_type FROM opportunity o JOIN account a ON a.id = "
     "o.account_id JOIN region r ON r.id = a.region_id WHERE r.code = 'east' AND a.account_type != 'hospital' AND "
     "o.stage = 'closed_won' AND o.closed_at >= '2026-01-01 00:00:00' GROUP BY a.account_type"),
    ("华北区有逾期款的医院有哪些", "SELECT a.name FROM account a JOIN region r ON r.id = a.region_id WHERE r.code = 'north' "
     "AND a.account_type = 'hospital' AND EXISTS (SELECT 1 FROM payment p JOIN contract c ON c.id = p.contract_id WHERE "
     "c.account_id = a.id AND p.due_date < '2026-11-18' AND p.amount_paid < p.amount_due)"),
    ("Which hospitals in East China won over 2M this year?", "SELECT a.name FROM opportunity o JOIN account a ON a.id = "
     "o.account_id JOIN region r ON r.id = a.region_id WHERE r.code = 'east' AND a.account_type = 'hospital' AND "
     "o.stage = 'closed_won' AND o.closed_at >= '2026-01-01 00:00:00' GROUP BY a.id, a.name HAVING SUM(o.amount) > "
     "2000000"),
]


@pytest.mark.parametrize(("question", "sql"), HAND_WRITTEN, ids=lambda v: str(v)[:24])
def test_answer_matches_hand_written_sql(question: str, sql: str, small_engine: Engine) -> None:
    assert_answer_matches(question, sql, small_engine, TODAY)


def _typed_forms(engine: Engine) -> list[tuple[str, str]]:
    """(how a person types it, the full name) for the small database's stores and schools whose short form is unique."""
    with engine.connect() as conn:
        rows = [(str(n), str(c)) for n, c in conn.execute(text(
            "SELECT name, city FROM account WHERE account_type IN ('store', 'school', 'lab') ORDER BY id"))]
    names = [n for n, _c in rows]
    out = []
    for name, city in rows:
        own = name[len(city):].lstrip("市省") if name.startswith(city) else ""
        if len(own) >= 4 and sum(own in other for other in names) == 1:
            out.append((own, name))
    return out


def test_a_name_without_its_city_is_found(small_engine: Engine) -> None:
    typed = _typed_forms(small_engine)
    assert typed, "no unique short form on the small database: the test would prove nothing"
    index = NameIndex.load(small_engine)
    for own, name in typed[:5]:
        hits = [h for h in index.find(f"{own}签的合同一共多少钱") if h.kind == "account"]
        assert [h.name for h in hits] == [name]


def test_a_short_form_shared_by_two_accounts_is_not_one_of_them(small_engine: Engine) -> None:
    index = NameIndex.load(small_engine)
    with small_engine.connect() as conn:
        rows = [(str(n), str(c)) for n, c in conn.execute(text("SELECT name, city FROM account"))]
    owns: dict[str, list[str]] = {}
    for name, city in rows:
        if name.startswith(city) and len(own := name[len(city):].lstrip("市省")) >= 4:
            owns.setdefault(own, []).append(name)
    shared = [own for own, names in owns.items() if len(names) > 1]
    assert shared
    assert all(own not in index.short_accounts for own in shared)



def test_what_each_owes_after_their_overdue_stays_overdue(small_engine: Engine) -> None:
    first = answer("Which accounts in East China have overdue payments?", engine=small_engine, caller=Caller.admin(),
                   today=TODAY)
    assert first.plan is not None
    owed = answer("How much does each of them owe?", engine=small_engine, caller=Caller.admin(), today=TODAY,
                  previous=first.plan)
    assert owed.plan is not None and owed.plan.measure == "overdue_amount"
