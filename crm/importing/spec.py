"""What each importable entity's columns are called in files (Chinese or English headers) and how values parse.

A `Field` names the model attribute, the header spellings accepted, whether it is required, and the kind of value:
a plain type, an enumeration from `crm.labels`, or a reference resolved against the database (owner, region,
account, opportunity, contact). The first Chinese header is the one exports write.
"""

from __future__ import annotations

from dataclasses import dataclass

from crm import labels


@dataclass(frozen=True)
class Field:
    """One importable column."""

    attr: str  # model attribute, or the reference name for kind "ref"
    headers: tuple[str, ...]
    kind: str  # str, int, money, bool, date, datetime, enum, ref
    required: bool = False
    enum: labels.Labels | None = None
    max_len: int | None = None


NAME_HEADERS = ("客户名称", "客户", "客户名", "公司名称", "单位名称", "account", "account name", "customer", "customer name")
OWNER_HEADERS = ("负责人", "客户负责人", "销售", "业务员", "owner", "sales rep", "rep")
REGION_HEADERS = ("所属区域", "区域", "大区", "region")
CREATED_HEADERS = ("创建时间", "创建日期", "created at", "created")

ENTITIES: dict[str, tuple[Field, ...]] = {
    "account": (
        Field("name", ("客户名称", "客户", "客户名", "公司名称", "单位名称", "name", "account name", "account",
                       "customer"), "str", True, max_len=128),
        Field("industry", ("行业", "所属行业", "industry"), "enum", True, labels.INDUSTRY),
        Field("account_type", ("客户类型", "类型", "account type", "type"), "enum", True, labels.ACCOUNT_TYPE),
        Field("hospital_grade", ("医院等级", "等级", "hospital grade", "grade"), "enum", False, labels.HOSPITAL_GRADE),
        Field("customer_class", ("客户分级", "客户级别", "客户等级", "customer class", "class"), "enum", False,
              labels.CUSTOMER_CLASS),
        Field("province", ("省份", "省", "province"), "str", True, max_len=16),
        Field("city", ("城市", "市", "city"), "str", True, max_len=32),
        Field("region", REGION_HEADERS, "ref", True),
        Field("owner", OWNER_HEADERS, "ref"),
        Field("status", ("状态", "客户状态", "status"), "enum", False, labels.ACCOUNT_STATUS),
        Field("annual_revenue", ("年营业额", "年收入", "年销售额", "annual revenue", "revenue"), "money"),
        Field("created_at", CREATED_HEADERS, "datetime"),
    ),
    "contact": (
        Field("account", NAME_HEADERS + ("所属客户",), "ref", True),
        Field("name", ("姓名", "联系人", "联系人姓名", "name", "contact", "contact name"), "str", True, max_len=32),
        Field("title", ("职务", "职位", "title"), "str", max_len=64),
        Field("department", ("部门", "科室", "department"), "str", max_len=64),
        Field("phone", ("电话", "手机", "手机号", "phone", "mobile"), "str", max_len=32),
        Field("email", ("邮箱", "电子邮箱", "email"), "str", max_len=128),
        Field("is_decision_maker", ("是否决策人", "决策人", "decision maker", "is decision maker"), "bool"),
        Field("created_at", CREATED_HEADERS, "datetime"),
    ),
    "lead": (
        Field("company_name", ("公司名称", "单位名称", "线索名称", "company", "company name"), "str", True, max_len=128),
        Field("contact_name", ("联系人", "联系人姓名", "contact", "contact name"), "str", max_len=32),
        Field("phone", ("电话", "手机", "phone", "mobile"), "str", max_len=32),
        Field("source", ("来源", "线索来源", "source"), "enum", True, labels.LEAD_SOURCE),
        Field("industry", ("行业", "industry"), "enum", False, labels.INDUSTRY),
        Field("region", REGION_HEADERS, "ref"),
        Field("budget", ("预算", "budget"), "money"),
        Field("status", ("状态", "线索状态", "status"), "enum", False, labels.LEAD_STATUS),
        Field("owner", OWNER_HEADERS, "ref"),
        Field("created_at", CREATED_HEADERS, "datetime"),
        Field("assigned_at", ("分配时间", "assigned at"), "datetime"),
        Field("first_contact_at", ("首次联系时间", "首次跟进时间", "first contact at", "first contact"), "datetime"),
    ),
    "opportunity": (
        Field("name", ("商机名称", "商机", "opportunity", "opportunity name", "name"), "str", True, max_len=160),
        Field("account", NAME_HEADERS, "ref", True),
        Field("owner", OWNER_HEADERS, "ref"),
        Field("stage", ("阶段", "商机阶段", "销售阶段", "stage"), "enum", True, labels.STAGE),
        Field("amount", ("金额", "商机金额", "预计金额", "amount"), "money", True),
        Field("probability", ("赢率", "成交概率", "probability"), "int"),
        Field("expected_close_date", ("预计成交日期", "预计签约日期", "expected close date", "expected close"), "date"),
        Field("created_at", CREATED_HEADERS, "datetime"),
        Field("closed_at", ("关闭时间", "成交日期", "closed at", "close date"), "datetime"),
        Field("loss_reason", ("输单原因", "丢单原因", "loss reason"), "enum", False, labels.LOSS_REASON),
    ),
    "activity": (
        Field("account", NAME_HEADERS, "ref", True),
        Field("owner", ("跟进人",) + OWNER_HEADERS, "ref"),
        Field("type", ("跟进方式", "跟进类型", "类型", "type", "activity type"), "enum", True, labels.ACTIVITY_TYPE),
        Field("occurred_at", ("跟进时间", "时间", "日期", "occurred at", "date", "time"), "datetime", True),
        Field("duration_min", ("时长(分钟)", "时长", "duration", "duration (min)"), "int"),
        Field("summary", ("跟进内容", "内容", "摘要", "summary", "notes"), "str"),
        Field("opportunity", ("商机名称", "商机", "opportunity"), "ref"),
        Field("contact", ("联系人", "contact"), "ref"),
    ),
}


def export_header(field: Field) -> str:
    """The header exports write: the field's first (Chinese) spelling."""
    return field.headers[0]
