"""Chinese and English labels of every enumerated CRM value: one table, used by import, answers and the glossary.

Each entry maps a stored code to (Chinese label, English label, extra synonyms). Import files and questions may use
any of them; answers show the Chinese label first.
"""

from __future__ import annotations

Labels = dict[str, tuple[str, str, tuple[str, ...]]]

INDUSTRY: Labels = {
    "medical": ("医疗", "Medical", ("医疗器械", "医疗行业", "医院行业", "IVD", "medical device", "healthcare")),
    "fmcg": ("快消", "FMCG", ("快速消费品", "快消品", "consumer goods")),
    "manufacturing": ("制造业", "Manufacturing", ("制造", "工业", "工厂", "manufacturer")),
    "saas": ("软件", "SaaS", ("SaaS", "软件服务", "互联网", "software")),
    "education": ("教育", "Education", ("学校", "教育行业", "school")),
    "retail": ("零售", "Retail", ("零售业", "连锁零售", "retailer")),
}
ACCOUNT_TYPE: Labels = {
    "hospital": ("医院", "Hospital", ("hospitals",)),
    "lab": ("检验实验室", "Lab", ("实验室", "第三方检验所", "检验所", "第三方检验", "检验中心", "laboratory", "labs")),
    "distributor": ("经销商", "Distributor", ("代理商", "分销商", "经销", "distributors", "dealer")),
    "store": ("门店", "Store", ("商超", "超市", "终端", "stores", "shop", "shops", "supermarkets", "supermarket")),
    "enterprise": ("企业", "Enterprise", ("企业客户", "enterprises")),
    "school": ("学校", "School", ("院校", "schools")),
}
HOSPITAL_GRADE: Labels = {
    "3A": ("三甲", "Grade 3A", ("三级甲等", "3甲", "tier-3", "tier 3", "grade 3a", "3a")),
    "3B": ("三乙", "Grade 3B", ("三级乙等", "grade 3b", "3b")),
    "2A": ("二甲", "Grade 2A", ("二级甲等", "grade 2a", "2a")),
    "2B": ("二乙", "Grade 2B", ("二级乙等", "grade 2b", "2b")),
    "1": ("一级", "Grade 1", ("一级医院", "grade 1", "tier-1")),
}
CUSTOMER_CLASS: Labels = {
    "A": ("A类", "Class A", ("A", "A级", "重点客户", "key account")),
    "B": ("B类", "Class B", ("B", "B级")),
    "C": ("C类", "Class C", ("C", "C级")),
}
ACCOUNT_STATUS: Labels = {
    "prospect": ("潜在", "Prospect", ("潜在客户", "意向", "prospects")),
    "active": ("合作中", "Active", ("处于合作状态", "合作状态", "活跃", "在合作", "成交客户", "active customer")),
    "churned": ("已流失", "Churned", ("流失掉", "流失", "流失客户", "lost customer")),
}
LEAD_SOURCE: Labels = {
    "website": ("官网", "Website", ("网站", "官方网站", "web")),
    "trade_show": ("展会", "Trade show", ("会展", "展览会", "exhibition", "trade fair", "trade-show", "trade shows", "exhibitions")),
    "phone": ("电话", "Phone", ("来电", "电话咨询", "call-in", "call-ins", "phone-in", "phone inquiry", "phone inquiries",
                                      "inbound call", "inbound calls")),
    "referral": ("转介绍", "Referral", ("引荐", "介绍", "推荐", "referrals")),
    "wechat": ("微信", "WeChat", ("公众号", "企业微信", "wechat")),
    "ad": ("广告", "Ads", ("投放", "广告投放", "advertising", "ad", "ads", "paid ads")),
}
LEAD_STATUS: Labels = {
    "new": ("未处理", "Unworked", ("新线索", "待处理", "没处理", "still new", "status new", "status of new", "new status", "状态为新建", "新建状态")),
    "assigned": ("已分配", "Assigned", ("待联系",)),
    "contacted": ("已联系", "Contacted", ("已跟进",)),
    "qualified": ("已确认", "Qualified", ("合格", "有效线索", "qualified")),
    "converted": ("已转化", "Converted", ("转化成客户", "转成客户", "转化", "已成交")),
    "disqualified": ("无效", "Disqualified", ("无效线索", "不合格")),
}
STAGE: Labels = {
    "initial_contact": ("初步接洽", "Initial contact", ("初步接触", "接洽", "初次接触")),
    "needs_analysis": ("需求分析", "Needs analysis", ("需求确认", "需求调研")),
    "proposal": ("方案报价", "Proposal", ("报价", "方案", "quote stage")),
    "negotiation": ("商务谈判", "Negotiation", ("谈判", "议价")),
    "closed_won": ("赢单", "Closed won", ("已成交", "成交", "签单", "卖出去", "卖出", "搞定了", "搞定", "拿下", "赢下", "赢了", "won",
                                          "win", "sold")),
    "closed_lost": ("输单", "Closed lost", ("丢单", "输掉", "输了", "输的", "丢了", "丢的", "丢掉", "lost", "loss", "lose")),
}
LOSS_REASON: Labels = {
    "price": ("价格", "Price", ("价格太高", "太贵", "价格原因", "因为价格", "因价格", "输在价格",
                              "on price", "over price", "because of price", "due to price", "went down on price", "lost on price")),
    "competitor": ("竞品", "Competitor", ("输给竞争对手", "输给竞品", "竞争对手", "被竞品抢走", "被竞争对手抢走",
                                          "竞品抢走", "丢给竞品", "丢给竞争对手", "输给了竞品", "lost to competitors",
                                          "lose to competitors", "to competitors", "competitors", "to a competitor",
                                          "to the competition", "competitor")),
    "no_budget": ("无预算", "No budget", ("没预算", "预算不足", "没有预算")),
    "no_decision": ("未决策", "No decision", ("无决策", "迟迟不决策")),
    "product_fit": ("产品不匹配", "Product fit", ("需求不匹配", "功能不满足")),
    "timing": ("时机", "Timing", ("时机不对", "项目延期")),
    "relationship": ("客户关系", "Relationship", ("关系", "关系不到位")),
    "other": ("其他", "Other", ("其它",)),
}
ACTIVITY_TYPE: Labels = {
    "visit": ("拜访", "Visit", ("上门", "面访", "visits")),
    "call": ("电话", "Call", ("打电话", "电话沟通", "calls", "phone call")),
    "wechat": ("微信", "WeChat", ("微信沟通",)),
    "email": ("邮件", "Email", ("电邮", "emails")),
    "meeting": ("会议", "Meeting", ("开会", "meetings")),
    "demo": ("演示", "Demo", ("产品演示", "试用演示", "demos")),
}
ROLE: Labels = {
    "rep": ("销售代表", "Sales rep", ()),
    "manager": ("销售经理", "Manager", ("经理", "主管", "sales manager")),
    "director": ("销售总监", "Director", ("总监",)),
    "trainer": ("培训师", "Trainer", ("培训",)),
    "admin": ("管理员", "Admin", ("系统管理员",)),
}


def lookup(labels: Labels, text: str) -> str | None:
    """The code whose code, label or synonym equals `text` (case-insensitive), else None."""
    t = text.strip().lower()
    for code, (zh, en, syn) in labels.items():
        if t in (code.lower(), zh.lower(), en.lower()) or t in (s.lower() for s in syn):
            return code
    return None
