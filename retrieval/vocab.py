"""Controlled vocabularies of the playbook library: categories, industries and stages with their labels.

These are data, not logic: the loader validates entries against them, the coach shows the labels, and the
answer templates use the industry names. Chinese label first, English second.
"""

from __future__ import annotations

from typing import NamedTuple


class Label(NamedTuple):
    """A bilingual label."""

    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


CATEGORIES: dict[str, Label] = {
    "price": Label("价格", "Price"),
    "competitor": Label("竞品", "Competitor"),
    "budget": Label("预算", "Budget"),
    "authority": Label("决策权", "Authority"),
    "timing": Label("时机", "Timing"),
    "trust": Label("信任", "Trust"),
    "service": Label("售后服务", "Service"),
    "delivery": Label("交付与货期", "Delivery"),
    "contract_terms": Label("合同条款", "Contract terms"),
    "payment_terms": Label("付款与账期", "Payment terms"),
    "product_fit": Label("产品匹配", "Product fit"),
    "trial_results": Label("试用结果", "Trial results"),
}

INDUSTRIES: dict[str, Label] = {
    "medical": Label("医疗器械/IVD", "medical devices / IVD"),
    "fmcg": Label("快消品分销", "FMCG distribution"),
    "manufacturing": Label("制造业", "manufacturing"),
    "saas": Label("SaaS软件", "SaaS"),
    "education": Label("教育", "education"),
    "retail": Label("零售", "retail"),
}

# Opportunity stages plus the trial follow-up pseudo-stage used by device/reagent trials.
STAGES: dict[str, Label] = {
    "initial_contact": Label("初步接洽", "Initial contact"),
    "needs_analysis": Label("需求分析", "Needs analysis"),
    "proposal": Label("方案报价", "Proposal"),
    "negotiation": Label("商务谈判", "Negotiation"),
    "trial_follow_up": Label("试用跟进", "Trial follow-up"),
    "closed_won": Label("赢单", "Closed won"),
    "closed_lost": Label("输单", "Closed lost"),
}

# Stages a playbook entry may name (closed stages have no objections to handle).
PLAYBOOK_STAGES = ("initial_contact", "needs_analysis", "proposal", "negotiation", "trial_follow_up")

# Placeholders responses may use; filled from the CRM context by retrieval.compose.
PLACEHOLDERS = ("customer", "competitor", "product", "industry_zh", "industry_en")
