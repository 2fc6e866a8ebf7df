"""How people name contacts' job titles and departments: the words questions use besides the stored values.

Titles and departments are the CRM's data ("院长", "设备科主任", "采购部"), loaded from the contact table; a question
naming one exactly is understood without these tables. They add what the stored value does not say: English
("school principals", "purchasing managers") and common Chinese variants ("检验科长"). A word may name several
stored values ("procurement": 采购部 and hospitals' 采购中心). Sales ops extend these tables for their own titles.
"""

from __future__ import annotations

# stored title -> other ways to say it
TITLES: dict[str, tuple[str, ...]] = {
    "院长": ("hospital presidents", "hospital president", "hospital heads", "hospital head"),
    "副院长": ("vice presidents", "vice president", "deputy hospital directors", "deputy director", "deputy directors"),
    "设备科主任": ("设备科长", "设备处主任", "heads of equipment", "head of equipment", "equipment department heads",
                   "equipment department head", "equipment directors", "equipment director"),
    "检验科主任": ("检验科长", "heads of the clinical lab", "head of the clinical lab", "clinical lab directors",
                   "clinical lab director", "lab department heads", "lab department head"),
    "信息中心主任": ("信息科主任", "信息中心负责人", "heads of the information center", "head of the information center",
                     "information center directors", "information center director"),
    "后勤处长": ("后勤处处长", "后勤主任", "heads of logistics", "head of logistics", "logistics directors",
                 "logistics director"),
    "科室主任": ("department heads", "department head", "heads of department", "head of department"),
    "实验室主任": ("lab directors", "lab director", "laboratory directors", "laboratory director", "lab heads",
                   "lab head", "lab managers", "lab manager"),
    "校长": ("school principals", "school principal", "principals", "principal", "headmasters", "headmaster"),
    "总经理": ("general managers", "general manager", "gms"),
    "店长": ("store managers", "store manager", "shop managers", "shop manager"),
    "品类经理": ("category managers", "category manager"),
    "采购经理": ("purchasing managers", "purchasing manager", "procurement managers", "procurement manager"),
    "采购主管": ("purchasing supervisors", "purchasing supervisor", "procurement supervisors", "procurement supervisor"),
    "采购专员": ("purchasing specialists", "purchasing specialist", "procurement specialists",
                 "procurement specialist", "buyers"),
    "IT总监": ("it directors", "it director", "heads of it", "head of it", "cios", "cio"),
    "生产总监": ("production directors", "production director", "heads of production", "head of production"),
    "销售总监": ("sales director contacts", "sales directors at", "sales director at"),
    "质量负责人": ("质量经理", "quality managers", "quality manager", "heads of quality", "head of quality"),
}

# stored department -> other ways to say it
DEPARTMENTS: dict[str, tuple[str, ...]] = {
    "信息部": ("it department", "it departments", "it dept"),
    "信息中心": ("information center", "information centre"),
    "设备科": ("equipment department", "equipment departments"),
    "检验科": ("clinical lab department", "clinical laboratory", "laboratory department"),
    "影像科": ("imaging department", "radiology department", "radiology"),
    "后勤处": ("logistics department",),
    "生产部": ("production department",),
    "质量部": ("quality department", "qa department"),
    "商品部": ("merchandising department", "merchandising"),
    "销售部": ("sales department",),
    "总经办": ("general manager's office", "gm office"),
    "院办": ("hospital office", "president's office"),
    "校办": ("school office", "principal's office"),
}

# words that name several departments at once
DEPARTMENT_GROUPS: dict[tuple[str, ...], tuple[str, ...]] = {
    ("采购部", "采购中心"): ("采购口", "采购那边的人", "procurement contacts", "purchasing contacts", "procurement people",
                       "procurement", "purchasing"),
}
