"""A conversation's plan survives the session file whole: a follow-up in a later call must refine exactly the plan
that was answered. Every golden question's plan, and plans with every kind of condition, go through the file and come
back equal."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import TODAY
from sqlalchemy import Engine

from assistant.conversation import Conversation
from sql.parser import parse
from sql.pipeline import name_index
from sql.plan import QueryPlan

GOLDEN = [e["question"] for e in yaml.safe_load(
    (Path(__file__).parent / "sql" / "golden_nl2sql.yaml").read_text(encoding="utf-8"))]
RICH = [
    "华北区签了合同、但到现在一分钱都没回款的客户",  # two conditions on related records
    "上季度赢过单、这季度却一单没赢的业务员",  # two periods
    "A类客户里签过合同的比例",  # a share whose part is a related condition
    "今年赢单金额过千万的业务员有几个",  # having, counting the groups
    "买过彩超X5的医院",  # a related condition with a product
    "合同现在是什么状态，是谁在负责",  # shown columns
    "本季度跟上季度的赢单金额对比",  # quarters side by side
    "只跟进过一次的在跟商机",  # a count of related records
    "近30天展会线索转化来的客户",  # the source and the period of the leads the accounts came from
    "有超过100万的在跟商机的客户",  # a related condition with an amount
]


@pytest.mark.parametrize("question", GOLDEN + RICH)
def test_plan_survives_the_session_file(question: str, small_engine: Engine, tmp_path: Path) -> None:
    plan = parse(question, today=TODAY, names=name_index(small_engine))
    if question in GOLDEN and not isinstance(plan, QueryPlan):
        return  # a golden clarification or refusal: nothing is remembered
    assert isinstance(plan, QueryPlan), plan
    Conversation.open(tmp_path, "s1").remember(question, plan)
    assert Conversation.open(tmp_path, "s1").last_plan == plan


def test_accounts_of_earlier_records_survive_the_session_file(small_engine: Engine, tmp_path: Path) -> None:
    names = name_index(small_engine)
    first = parse("今年各区域的赢单金额", today=TODAY, names=names)
    assert isinstance(first, QueryPlan)
    plan = parse("是哪几家医院", today=TODAY, names=names, previous=first)
    assert isinstance(plan, QueryPlan) and plan.of_records is not None
    Conversation.open(tmp_path, "s1").remember("是哪几家医院", plan)
    assert Conversation.open(tmp_path, "s1").last_plan == plan
