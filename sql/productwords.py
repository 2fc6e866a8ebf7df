"""How people name products: the English and short Chinese words for the terms inside product names.

Product names are the CRM's data ("全自动生化分析仪 A100"), but questions say "the A100 chemistry analyzer",
"彩超X5" or "milk powder". A term applies to every product whose name contains it: a term found in one product's
name names that product; found in several ("analyzer": A100 and C300) it is ambiguous on its own, and only tells
which product a model code beside it means ("the C300 analyzer"). Sales ops extend these tables for their catalogue.
"""

from __future__ import annotations

# term inside product names -> what questions call it (English phrases and Chinese short forms)
TERMS: dict[str, tuple[str, ...]] = {
    # medical devices and diagnostics
    "分析仪": ("analyzer", "analyser", "分析仪"),
    "生化分析仪": ("chemistry analyzer", "chemistry analyser", "biochemistry analyzer", "biochemical analyzer",
                 "生化仪", "生化分析仪"),
    "化学发光": ("chemiluminescence analyzer", "chemiluminescence", "immunoassay analyzer", "clia analyzer",
                 "化学发光", "发光仪"),
    "免疫分析仪": ("immunoassay analyzer", "immunoassay analyser", "免疫分析仪"),
    "试剂盒": ("test kit", "reagent kit", "试剂盒"),
    "肝功能": ("liver function test kits", "liver function test kit", "liver function kits", "liver function kit",
               "liver function reagents", "liver function", "肝功能试剂", "肝功试剂", "肝功能"),
    "肿瘤标志物": ("tumor marker kits", "tumor marker kit", "tumour marker kits", "tumour marker kit",
                   "tumor marker reagents", "tumor markers", "tumor marker", "tumour markers", "tumour marker",
                   "肿标试剂", "肿瘤标志物试剂", "肿标"),
    "血糖": ("blood glucose test kits", "blood glucose test kit", "blood glucose kits", "blood glucose kit",
             "glucose test kits", "glucose test kit", "glucose kits", "glucose kit", "glucose reagents", "血糖试剂"),
    "彩色多普勒超声": ("color doppler ultrasound", "colour doppler ultrasound", "color doppler", "colour doppler",
                       "彩色多普勒超声", "彩色多普勒", "彩超"),
    "便携式超声": ("portable ultrasound", "portable ultrasounds", "便携超声", "便携彩超", "便携式超声"),
    "超声": ("ultrasound systems", "ultrasound system", "ultrasounds", "ultrasound", "超声"),
    "监护仪": ("patient monitors", "patient monitor", "multi-parameter monitor", "multiparameter monitor",
               "vital signs monitor", "监护仪"),
    "输液泵": ("infusion pumps", "infusion pump", "输液泵"),
    # FMCG
    "无糖茶": ("sugar-free tea", "sugar free tea", "unsweetened tea", "无糖茶"),
    "矿泉水": ("mineral water", "spring water", "矿泉水"),
    "坚果": ("daily nuts", "nut gift boxes", "nut gift box", "mixed nuts", "nuts", "坚果礼盒", "坚果"),
    "饼干": ("whole grain biscuits", "whole-grain biscuits", "multigrain biscuits", "whole grain crackers",
             "biscuits", "crackers", "cookies", "粗粮饼干", "饼干"),
    "奶粉": ("high-calcium milk powder", "high calcium milk powder", "milk powder", "powdered milk", "奶粉"),
    "清洁套装": ("household cleaning kits", "household cleaning kit", "cleaning kits", "cleaning kit", "cleaning set",
                 "清洁套装"),
    # industrial, software, education, retail
    "数控加工中心": ("five-axis cnc machining centers", "five-axis cnc machining center", "5-axis cnc machining center",
                     "cnc machining centers", "cnc machining center", "machining center", "cnc machines",
                     "cnc machine", "数控加工中心", "加工中心", "数控机床"),
    "机器人": ("collaborative robots", "collaborative robot", "cobots", "cobot", "robots", "robot", "机器人"),
    "传感器": ("industrial sensor kits", "industrial sensor kit", "sensor kits", "sensor kit", "sensors", "传感器套件",
               "传感器"),
    "crm": ("crm seats", "crm seat", "crm licenses", "crm licences", "crm subscriptions", "crm subscription", "crm席位",
            "crm年费", "crm的席位"),
    "席位": ("seats", "seat", "席位"),
    "erp": ("cloud erp", "erp subscriptions", "erp subscription", "云erp", "erp年费"),
    "数据分析平台": ("data analytics platform", "analytics platform", "bi platform", "数据分析平台", "bi平台"),
    "智慧教室": ("smart classroom solutions", "smart classroom solution", "smart classrooms", "smart classroom",
                 "智慧教室方案", "智慧教室"),
    "实验室套装": ("science lab kits", "science lab kit", "lab kits", "lab kit", "laboratory kits", "laboratory kit",
                   "实验室套装"),
    "收银终端": ("smart pos terminals", "smart pos terminal", "pos terminals", "pos terminal", "收银终端", "收银机"),
}

# generic words that belong to a product named beside them: "the M8 monitor", "the C300 unit", "A100 machine"
BESIDE = ("monitor", "machine", "device", "system", "model", "kit", "pump", "analyzer", "analyser",
          "型号", "设备", "仪器")

# product line -> what questions call it in English
LINES: dict[str, tuple[str, ...]] = {
    "体外诊断设备": ("ivd equipment", "ivd instruments", "ivd devices", "in-vitro diagnostic equipment",
                     "diagnostic equipment", "diagnostic instruments", "ivd设备", "ivd仪器"),
    "诊断试剂": ("diagnostic reagents", "reagents", "reagent", "试剂"),
    "医学影像": ("medical imaging", "imaging", "影像设备", "影像类", "影像"),
    "生命监护": ("patient monitoring", "life support and monitoring", "monitoring"),
    "饮料": ("beverages", "beverage", "drinks"),
    "休闲食品": ("snack foods", "snacks", "snack"),
    "乳制品": ("dairy products", "dairy"),
    "日化": ("household chemicals", "daily chemicals", "home care"),
    "工业设备": ("industrial equipment", "industrial machinery"),
    "工业配件": ("industrial parts", "industrial components", "industrial accessories"),
    "企业软件": ("enterprise software", "software"),
    "教育信息化": ("education it", "edtech", "ed-tech"),
    "教育装备": ("education equipment", "school equipment"),
    "零售设备": ("retail equipment", "retail devices"),
}

# words that name several lines at once: "医疗产品" is every medical line, "FMCG products" every consumer-goods line
LINE_GROUPS: dict[tuple[str, ...], tuple[str, ...]] = {
    ("体外诊断设备", "诊断试剂", "医学影像", "生命监护"): (
        "医疗产品线", "医疗产品", "医疗类产品", "医疗器械产品", "医疗的产品线", "医疗这几条产品线", "医疗几条线", "医疗线",
        "medical product lines", "medical line-up", "medical lineup", "medical range", "medical products", "medical lines", "medical product line", "medical product"),
    ("饮料", "休闲食品", "乳制品", "日化"): ("快消产品线", "快消产品", "快消类产品", "快消线", "fmcg product lines", "fmcg line-up", "fmcg lineup", "fmcg range",
                                      "fmcg products", "fmcg lines", "consumer products", "fmcg product line", "fmcg product", "快消的产品线"),
    ("工业设备", "工业配件"): ("工业产品线", "工业产品", "工业类产品", "industrial products", "industrial line-up", "industrial lineup", "industrial lines"),
    ("教育信息化", "教育装备"): ("教育产品线", "教育产品", "教育类产品", "education products", "education line-up", "education lineup", "education lines"),
}

