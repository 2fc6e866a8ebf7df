"""A key-account manager's wording about the people at customers: job titles and departments (the CRM's own values,
and English for them), decision makers said of accounts ("有决策人的医院") or of follow-ups ("跟决策人的跟进"),
a contact's follow-ups (the activities with its contact_id), and how many contacts an account has.

Each answer is checked against SQL written by hand for the same question on the small database.
"""

from __future__ import annotations

import pytest
from conftest import TODAY
from sqlalchemy import Engine
from tests_support import assert_answer_matches

DM_ACCOUNT = "EXISTS (SELECT 1 FROM contact d WHERE d.account_id = a.id AND d.is_decision_maker = 1)"

HAND_WRITTEN = [
    ("华东区三甲医院的院长有哪些", "SELECT ct.name FROM contact ct JOIN account a ON a.id = ct.account_id JOIN region r ON "
     "r.id = a.region_id WHERE r.code = 'east' AND a.hospital_grade = '3A' AND a.account_type = 'hospital' AND "
     "ct.title = '院长'"),
    ("职位是设备科主任的联系人有几个", "SELECT COUNT(*) FROM contact ct WHERE ct.title = '设备科主任'"),
    ("list the IT directors at our enterprise accounts", "SELECT ct.name FROM contact ct JOIN account a ON "
     "a.id = ct.account_id WHERE ct.title = 'IT总监' AND a.account_type = 'enterprise'"),
    ("school principals in North China?", "SELECT ct.name FROM contact ct JOIN account a ON a.id = ct.account_id JOIN "
     "region r ON r.id = a.region_id WHERE r.code = 'north' AND a.account_type = 'school' AND ct.title = '校长'"),
    # 总经理 is a title, not the role 经理 of a rep
    ("经销商那边的总经理都有谁", "SELECT ct.name FROM contact ct JOIN account a ON a.id = ct.account_id WHERE "
     "a.account_type = 'distributor' AND ct.title = '总经理'"),
    ("按职位统计一下联系人数", "SELECT ct.title, COUNT(*) FROM contact ct GROUP BY ct.title"),
    # decision makers said of accounts
    ("有决策人的医院有多少家", f"SELECT COUNT(*) FROM account a WHERE a.account_type = 'hospital' AND {DM_ACCOUNT}"),
    ("how many accounts have at least one decision maker?", f"SELECT COUNT(*) FROM account a WHERE {DM_ACCOUNT}"),
    ("医院客户里有决策人的比例", f"SELECT 1.0 * SUM(CASE WHEN {DM_ACCOUNT} THEN 1 ELSE 0 END) / COUNT(*) FROM account a "
     "WHERE a.account_type = 'hospital'"),
    # ... and of follow-ups: the activity's own contact
    ("本月每个销售跟决策人的跟进次数", "SELECT s.name, COUNT(*) FROM activity x JOIN sales_rep s ON s.id = x.owner_id "
     "JOIN contact ct ON ct.id = x.contact_id WHERE ct.is_decision_maker = 1 AND x.occurred_at >= '2026-11-01 00:00:00' "
     "GROUP BY s.id, s.name"),
    # a contact's follow-ups carry its contact_id
    ("近30天一次都没跟进过的决策人有多少", "SELECT COUNT(*) FROM contact ct WHERE ct.is_decision_maker = 1 AND NOT EXISTS ("
     "SELECT 1 FROM activity x WHERE x.contact_id = ct.id AND x.occurred_at >= '2026-10-19 00:00:00')"),
    # how many contacts an account has, none included
    ("只有一个联系人的医院", "SELECT a.name FROM account a WHERE a.account_type = 'hospital' AND (SELECT COUNT(*) FROM "
     "contact ct WHERE ct.account_id = a.id) = 1"),
    ("hospitals that only have one contact on file", "SELECT a.name FROM account a WHERE a.account_type = 'hospital' "
     "AND (SELECT COUNT(*) FROM contact ct WHERE ct.account_id = a.id) = 1"),
    ("How many contacts have never been part of any activity?", "SELECT COUNT(*) FROM contact ct WHERE NOT EXISTS ("
     "SELECT 1 FROM activity x WHERE x.contact_id = ct.id)"),
    ("没录联系人的客户有几家", "SELECT COUNT(*) FROM account a WHERE NOT EXISTS (SELECT 1 FROM contact ct WHERE "
     "ct.account_id = a.id)"),
]


@pytest.mark.parametrize(("question", "sql"), HAND_WRITTEN, ids=lambda v: str(v)[:24])
def test_answer_matches_hand_written_sql(question: str, sql: str, small_engine: Engine) -> None:
    assert_answer_matches(question, sql, small_engine, TODAY)
