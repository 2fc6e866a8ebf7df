"""Render the semantic layer as the published glossary (docs/glossary.md): `python -m sql.glossary > docs/glossary.md`.

A test compares the file with this output, so the glossary cannot drift from what the parser understands.
"""

from __future__ import annotations

from sql.contactwords import DEPARTMENT_GROUPS, DEPARTMENTS, TITLES
from sql.productwords import LINE_GROUPS, LINES, TERMS
from sql.semantic import DIMENSIONS, ENTITIES, FLAGS, MEASURES, TIME_DIMENSIONS

MEANINGS = """\
## Meanings

- `today` is a parameter (`--today`, default the real date). 上周/last week is the previous calendar week, Monday
  00:00 to Monday 00:00. 本周/this week, 本月/this month, 上月/last month, 本季度/this quarter, 今年/this year are
  calendar periods (up to now; for date-only columns such as due dates, the whole period); 近N天/过去N天/last N days
  is the rolling window [today - N days, now]. Windows are half-open [start, end).
- 跟进/follow-up is an `activity`. "X未跟进" / "not followed up in X" means no activity on the account (for an
  opportunity: carrying its `opportunity_id`; for a contact: with its `contact_id`) in window X. 从来/never means
  ever.
- 销售额/业绩/赢单金额/revenue/won amount = SUM(opportunity.amount) with stage `closed_won`, dated by `closed_at`.
  回款/collected = SUM(payment.amount_paid) dated by `paid_at`. 逾期/overdue = a payment with `due_date < today` and
  `amount_paid < amount_due`; the overdue amount is SUM(amount_due - amount_paid).
- 赢单率/win rate = won / (won + lost) among opportunities closed in the window.
- 停滞商机/stale opportunity = an open opportunity with no activity in the last 7 days unless a number is given.
- 线索响应时长 = first_contact_at - created_at (hours); 4小时响应率 = share of leads created in the window whose
  first contact came within 4 hours (never contacted counts as not within).
- 线索转化率/lead conversion rate = share of the leads created in the window whose status is `converted`
  (a lead has no conversion date); 无效率/disqualification rate likewise with `disqualified`.
- 客户 means account; 医院 means account_type `hospital`; 未分配 lead = `owner_id IS NULL`.
- The region of an opportunity, contact, activity, contract or payment is its account's region; a rep's own
  region is meant only when the question says so (华东团队, reps in East China).
- Amounts are in yuan; 万 and 亿 (and w, k, M) are multipliers; rates are fractions between 0 and 1.
- Conditions on other records can be combined: 有逾期款、这个月没人拜访的客户; 签了合同但一分钱都没回款的客户;
  accounts that signed a contract this year but have no open deals. The question's one time window belongs to
  the condition written nearest to it; the others hold at any time.
- An account that 买过/bought a product has a won opportunity with a line for it; 在跟/open deal for a product:
  an open one; 没买过: no won one. 线索转化来的客户/accounts that came from leads: some lead's
  `converted_account_id` is the account (of the source named: 展会线索转化来的).
- Deals per product / 各产品、各产品线的赢单金额、赢单率: a deal counts, whole, for every product on its lines and once
  for every product line, so the groups add up to more than the total. Units sold and line revenue count lines.
  标价/list price is the product's `list_price` (最贵的三个产品, average list price per product line).
- 超过N小时才联系上的线索 / first contact took more than N hours: contacted leads whose first contact came more
  than N hours after creation.
- 占比/比例/share of: the fraction of the records asked about that also meet the part named after 里/中 (in
  English after that/which), or the condition said last; counted by records, never by amounts.
- 已到期/come due: `due_date < today`, paid or not; 未到期/not yet due: `due_date >= today`. 下周要成交/closing before
  the end of the month: open deals by `expected_close_date`.
- A name two reps share is asked back, unless a region or team beside it says which (华北的张伟, the East China
  Zhang Wei). A name that is both a city and a province (吉林) is asked back unless 市 or 省 follows; the four
  municipalities (北京, 上海, 天津, 重庆) are both at once.
- Asked back, not guessed: 最近/lately with no length (近7天? 本月?), and 大客户/best customers with no measure.
- Remarks around a question (早上好, 今天去催一下, heading there this afternoon) are skipped only when they name
  nothing the rest of the question does not; the answer's interpretation says what was skipped.
- Row-level security: a `rep` sees rows they own, a `manager` their team's, a `director`/`admin` everything,
  a `trainer` no customer rows; it applies to every table a query reads, in joins and subqueries alike.
"""


def render() -> str:
    out = ["# Glossary / 术语表", "",
           "Generated from `sql/semantic.py` by `python -m sql.glossary`; edit the semantic layer, not this file.",
           "", MEANINGS, "## Entities / 对象", "", "| entity | 中文 | words in questions |", "|---|---|---|"]
    out += [f"| {e.code} | {e.label_zh} | {', '.join(e.words)} |" for e in ENTITIES.values()]
    out += ["", "## Measures / 指标", "", "| measure | 中文 | English | words | dated by |", "|---|---|---|---|---|"]
    out += [f"| {m.code} | {m.label_zh} | {m.label_en} | {', '.join(m.words)} | {m.time or ''} |"
            for m in MEASURES.values()]
    out += ["", "## Dimensions and values / 维度与取值", "", "| dimension | 中文 | values (code: 中文 / English / synonyms) |",
            "|---|---|---|"]
    for d in DIMENSIONS.values():
        values = "; ".join(f"`{code}`: {zh} / {en}" + (f" / {', '.join(syn)}" if syn else "")
                           for code, (zh, en, syn) in (d.values or {}).items())
        out.append(f"| {d.code} | {d.label_zh} | {values} |")
    out += ["", "## Conditions / 条件词", "", "| condition | 中文 | English | words |", "|---|---|---|---|"]
    out += [f"| {code} | {zh} | {en} | {', '.join(words)} |" for code, (_c, zh, en, words) in FLAGS.items()]
    out += ["", "## Product words / 产品用语", "",
            "Products are found by name, SKU, model code (A100) or a term of their name. A term that every product of "
            "one line shares, and no other product, means the line (试剂盒 → 诊断试剂); any other term shared by several products is asked back.",
            "", "| term in product names | words in questions |", "|---|---|"]
    out += [f"| {term} | {', '.join(words)} |" for term, words in TERMS.items()]
    out += ["", "| product line | English words |", "|---|---|"]
    out += [f"| {line} | {', '.join(words)} |" for line, words in LINES.items()]
    out += ["", "| several product lines | words in questions |", "|---|---|"]
    out += [f"| {', '.join(lines)} | {', '.join(words)} |" for lines, words in LINE_GROUPS.items()]
    out += ["", "## Contact titles and departments / 联系人职位与部门", "",
            "A contact's title and department are the CRM's own values, found in questions as written (院长, 采购部). "
            "These are the other words for them; a word naming several values means any of them.",
            "", "| title or department | other words |", "|---|---|"]
    out += [f"| {value} | {', '.join(words)} |" for value, words in (*TITLES.items(), *DEPARTMENTS.items())]
    out += [f"| {', '.join(values)} | {', '.join(words)} |" for values, words in DEPARTMENT_GROUPS.items()]
    out += ["", "## Time dimensions / 时间字段", "", "| column | 中文 | English |", "|---|---|---|"]
    out += [f"| {t.column} | {t.label_zh} | {t.label_en} |" for t in TIME_DIMENSIONS.values()]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    print(render(), end="")
