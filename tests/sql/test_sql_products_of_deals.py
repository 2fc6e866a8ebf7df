"""A product-line manager's wording: products listed by the deals that carry them ("海南省人民医院买过哪些产品",
"products on the open deals at X", "华东区今年卖出过哪些生命监护线的产品"), and words that name several product
lines at once ("医疗产品", "FMCG products"), and units bought or sold ("广东的客户今年买了几台X5", "how many A100s did we
sell", "A100和C300今年各卖了几台"), and line revenue (明细金额: quantity x unit price less the line's discount).

Each answer is checked against SQL written by hand for the same question on the small database.
"""

from __future__ import annotations

import pytest
from conftest import TODAY
from sqlalchemy import Engine
from tests_support import assert_answer_matches

OPEN = "o.stage IN ('initial_contact', 'needs_analysis', 'proposal', 'negotiation')"
MEDICAL = "('体外诊断设备', '诊断试剂', '医学影像', '生命监护')"
PRODUCTS_OF = ("SELECT pr.name FROM product pr WHERE pr.id IN (SELECT ol.product_id FROM opportunity_line ol JOIN "
               "opportunity o ON o.id = ol.opportunity_id JOIN account a ON a.id = o.account_id {} WHERE {})")

UNITS = ("SELECT SUM(ol.quantity) FROM opportunity_line ol JOIN opportunity o ON o.id = ol.opportunity_id JOIN product pr "
         "ON pr.id = ol.product_id {} WHERE o.stage = 'closed_won' AND {}")

HAND_WRITTEN = [
    ("海南省人民医院都从我们这儿买过哪些产品", PRODUCTS_OF.format("", "a.name = '海南省人民医院' AND o.stage = 'closed_won'")),
    ("What has 海南省人民医院 bought from us?", PRODUCTS_OF.format("", "a.name = '海南省人民医院' AND o.stage = 'closed_won'")),
    ("海南省人民医院都买过啥", PRODUCTS_OF.format("", "a.name = '海南省人民医院' AND o.stage = 'closed_won'")),
    ("What has 海南省人民医院 bought from us? product names please",
     PRODUCTS_OF.format("", "a.name = '海南省人民医院' AND o.stage = 'closed_won'")),
    ("山东省肿瘤医院在跟的单子都涉及哪些产品", PRODUCTS_OF.format("", f"a.name = '山东省肿瘤医院' AND {OPEN}")),
    ("which products did we sell to hospitals in East China this year", PRODUCTS_OF.format(
        "JOIN region r ON r.id = a.region_id", "r.code = 'east' AND a.account_type = 'hospital' AND o.stage = "
        "'closed_won' AND o.closed_at >= '2026-01-01 00:00:00'")),
    # the product's own conditions stay on the product: a list price is not a deal amount
    ("active products with a list price over 300k", "SELECT pr.name FROM product pr WHERE pr.is_active = TRUE AND "
     "pr.list_price > 300000"),
    # 医疗产品: the four medical lines, and the products are what is listed
    ("哪些医疗产品上周一单都没卖出去", f"SELECT pr.name FROM product pr WHERE pr.product_line IN {MEDICAL} AND NOT EXISTS ("
     "SELECT 1 FROM opportunity_line ol JOIN opportunity o ON o.id = ol.opportunity_id WHERE ol.product_id = pr.id "
     "AND o.stage = 'closed_won' AND o.closed_at >= '2026-11-09 00:00:00' AND o.closed_at < '2026-11-16 00:00:00')"),
    # "X里有几个…": the records before 里 are counted
    ("上周新建的商机里有几个涉及医疗产品", "SELECT COUNT(*) FROM opportunity o WHERE o.created_at >= '2026-11-09 00:00:00' "
     "AND o.created_at < '2026-11-16 00:00:00' AND EXISTS (SELECT 1 FROM opportunity_line ol JOIN product pr ON pr.id "
     f"= ol.product_id WHERE ol.opportunity_id = o.id AND pr.product_line IN {MEDICAL})"),
    # 医疗线索 are medical leads, not a product line
    ("医疗线索一共几条", "SELECT COUNT(*) FROM lead l WHERE l.industry = 'medical'"),
    # units bought or sold, whoever says the verb; "卖了几单" counts won deals
    ("广东的客户今年买了几台X5", UNITS.format("JOIN account a ON a.id = o.account_id", "a.province = '广东' AND "
                                       "pr.name LIKE '%X5' AND o.closed_at >= '2026-01-01 00:00:00'")),
    ("How many patient monitors did East China buy this year?", UNITS.format(
        "JOIN account a ON a.id = o.account_id JOIN region r ON r.id = a.region_id", "r.code = 'east' AND pr.name LIKE "
        "'%M8' AND o.closed_at >= '2026-01-01 00:00:00'")),
    ("how many A100s did we sell", UNITS.format("", "pr.name LIKE '%A100'")),
    ("今年卖了几单", "SELECT COUNT(*) FROM opportunity o WHERE o.stage = 'closed_won' AND o.closed_at >= '2026-01-01 00:00:00'"),
]
UNITS_EACH = ("SELECT pr.name, SUM(ol.quantity) FROM opportunity_line ol JOIN opportunity o ON o.id = ol.opportunity_id "
              "JOIN product pr ON pr.id = ol.product_id WHERE o.stage = 'closed_won' AND o.closed_at >= '2026-01-01 "
              "00:00:00' AND (pr.name LIKE '%A100' OR pr.name LIKE '%C300') GROUP BY pr.name")
LINE_REVENUE = ("SELECT pr.name, SUM(ol.quantity * ol.unit_price * (1 - ol.discount_pct / 100.0)) FROM opportunity_line ol "
                "JOIN opportunity o ON o.id = ol.opportunity_id JOIN product pr ON pr.id = ol.product_id WHERE o.stage = "
                "'closed_won' AND o.closed_at >= '2026-01-01 00:00:00' {}")
HAND_WRITTEN.append(("今年按产品明细金额排,前五的产品是哪些", LINE_REVENUE.format("GROUP BY pr.name ORDER BY 2 DESC LIMIT 5")))
HAND_WRITTEN.append(("输液泵S1今年的明细金额合计", LINE_REVENUE.replace("pr.name, SUM", "SUM").format("AND pr.name LIKE '%S1'")))
HAND_WRITTEN.append(("今年明细金额过一千万的产品", LINE_REVENUE.format("GROUP BY pr.name HAVING SUM(ol.quantity * ol.unit_price "
                                                                "* (1 - ol.discount_pct / 100.0)) > 10000000")))
HAND_WRITTEN.append(("A100和C300今年各卖了几台", UNITS_EACH))
HAND_WRITTEN.append(("A100 vs C300 units sold this year", UNITS_EACH))


@pytest.mark.parametrize(("question", "sql"), HAND_WRITTEN, ids=lambda v: str(v)[:24])
def test_answer_matches_hand_written_sql(question: str, sql: str, small_engine: Engine) -> None:
    assert_answer_matches(question, sql, small_engine, TODAY)
