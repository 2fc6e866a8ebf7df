"""Adapt playbook text to the rep's situation: fill placeholders and render answers from ``prompts/coach``.

Responses may use ``{customer}``, ``{competitor}``, ``{product}``, ``{industry_zh}`` and ``{industry_en}``;
each is filled from the :class:`CoachContext` (CRM account/opportunity plus the competitor named in the
objection) or, when unknown, with a neutral fallback that reads well (贵司 / your team ...). The full answer
shown to the rep (context line, stage tip, responses, questions, proof points, what to avoid) is a Jinja2
template under ``prompts/coach/``, loaded with importlib.resources and rendered with StrictUndefined.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from typing import Any

from retrieval.competitors import Competitor, detect_competitor
from retrieval.errors import TemplateError
from retrieval.vocab import CATEGORIES, INDUSTRIES, STAGES

__all__ = ["CoachContext", "Competitor", "detect_competitor", "fill", "placeholder_values", "render"]

_PLACEHOLDER = re.compile(r"\{(customer|competitor|product|industry_zh|industry_en)\}")

FALLBACKS: dict[str, dict[str, str]] = {
    "zh": {"customer": "贵司", "competitor": "竞品", "product": "我们的方案", "industry_zh": "同行业", "industry_en": "同行业"},
    "en": {
        "customer": "your team",
        "competitor": "the other vendor",
        "product": "our solution",
        "industry_zh": "your industry",
        "industry_en": "your industry",
    },
}


@dataclass(frozen=True)
class CoachContext:
    """What is known about the rep's situation; every field is optional."""

    customer: str | None = None
    industry: str | None = None
    stage: str | None = None
    amount: Decimal | None = None
    products: tuple[str, ...] = ()
    competitor: Competitor | None = None
    account_id: int | None = None
    opportunity_id: int | None = None


def placeholder_values(context: CoachContext, lang: str) -> dict[str, str]:
    """Placeholder values for ``lang``, with the neutral fallbacks for whatever is unknown."""
    values = dict(FALLBACKS["en" if lang == "en" else "zh"])
    if context.customer:
        values["customer"] = context.customer
    if context.competitor:
        values["competitor"] = context.competitor.en if lang == "en" else context.competitor.zh
    if context.products:
        values["product"] = context.products[0]
    if context.industry in INDUSTRIES:
        label = INDUSTRIES[context.industry]
        values["industry_zh"] = label.zh
        values["industry_en"] = label.en
    return values


def fill(text: str, values: dict[str, str]) -> str:
    """Replace the known placeholders in ``text``; anything else is left as written."""
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], text)


def _environment() -> Any:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(_template_source),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["yuan"] = _yuan
    return env


def _template_source(name: str) -> str:
    try:
        return resources.files("prompts").joinpath("coach", name).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError) as exc:
        raise TemplateError(
            f"找不到回答模板 prompts/coach/{name}",
            f"Answer template prompts/coach/{name} not found",
            details={"template": name},
        ) from exc


def _yuan(value: Any) -> str:
    return f"¥{Decimal(value):,.0f}"


@lru_cache(maxsize=1)
def _env() -> Any:
    return _environment()


def render(name: str, **variables: Any) -> str:
    """Render ``prompts/coach/<name>`` with StrictUndefined; failures become :class:`TemplateError`."""
    import jinja2

    try:
        return str(_env().get_template(name).render(**variables)).strip() + "\n"
    except jinja2.TemplateError as exc:
        raise TemplateError(
            f"回答模板 {name} 渲染失败：{exc}",
            f"Answer template {name} failed to render: {exc}",
            details={"template": name, "error": str(exc)},
        ) from exc


def context_labels(context: CoachContext, lang: str) -> dict[str, Any]:
    """Display values of the context for the templates (labels in ``lang``, None when unknown)."""
    industry = INDUSTRIES.get(context.industry or "")
    stage = STAGES.get(context.stage or "")
    return {
        "customer": context.customer,
        "industry": industry.get(lang) if industry else None,
        "stage": context.stage,
        "stage_label": stage.get(lang) if stage else None,
        "amount": context.amount,
        "products": list(context.products),
        "competitor": (context.competitor.en if lang == "en" else context.competitor.zh) if context.competitor else None,
    }


def category_label(code: str, lang: str) -> str:
    label = CATEGORIES.get(code)
    return label.get(lang) if label else code
