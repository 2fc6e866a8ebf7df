"""Vocabulary for demo data: person names with pinyin, organisation name parts, titles, products, summaries."""

from __future__ import annotations

SURNAMES: tuple[tuple[str, str], ...] = (
    ("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"), ("杨", "yang"), ("赵", "zhao"),
    ("黄", "huang"), ("周", "zhou"), ("吴", "wu"), ("徐", "xu"), ("孙", "sun"), ("胡", "hu"), ("朱", "zhu"),
    ("高", "gao"), ("林", "lin"), ("何", "he"), ("郭", "guo"), ("马", "ma"), ("罗", "luo"), ("梁", "liang"),
    ("宋", "song"), ("郑", "zheng"), ("谢", "xie"), ("韩", "han"), ("唐", "tang"), ("冯", "feng"), ("于", "yu"),
    ("董", "dong"), ("萧", "xiao"), ("程", "cheng"), ("曹", "cao"), ("袁", "yuan"), ("邓", "deng"), ("许", "xu"),
    ("傅", "fu"), ("沈", "shen"), ("曾", "zeng"), ("彭", "peng"), ("吕", "lv"), ("苏", "su"), ("卢", "lu"),
    ("蒋", "jiang"), ("蔡", "cai"), ("贾", "jia"), ("丁", "ding"), ("魏", "wei"), ("薛", "xue"), ("叶", "ye"),
    ("阎", "yan"), ("潘", "pan"), ("杜", "du"), ("戴", "dai"), ("夏", "xia"), ("钟", "zhong"), ("汪", "wang"),
)

GIVEN: tuple[tuple[str, str], ...] = (
    ("伟", "wei"), ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"), ("丽", "li"), ("强", "qiang"),
    ("磊", "lei"), ("军", "jun"), ("洋", "yang"), ("勇", "yong"), ("艳", "yan"), ("杰", "jie"), ("娟", "juan"),
    ("涛", "tao"), ("明", "ming"), ("超", "chao"), ("秀英", "xiuying"), ("霞", "xia"), ("平", "ping"),
    ("刚", "gang"), ("桂英", "guiying"), ("建华", "jianhua"), ("晓东", "xiaodong"), ("海燕", "haiyan"),
    ("志强", "zhiqiang"), ("永刚", "yonggang"), ("丹", "dan"), ("鹏", "peng"), ("浩", "hao"), ("宇", "yu"),
    ("欣怡", "xinyi"), ("子涵", "zihan"), ("思远", "siyuan"), ("雨桐", "yutong"), ("俊杰", "junjie"),
    ("文博", "wenbo"), ("佳琪", "jiaqi"), ("国庆", "guoqing"), ("红梅", "hongmei"), ("立新", "lixin"),
    ("春燕", "chunyan"), ("凯", "kai"), ("琳", "lin"), ("颖", "ying"), ("斌", "bin"), ("倩", "qian"), ("玮", "wei"),
)

HOSPITAL_PATTERNS: dict[str, tuple[str, ...]] = {
    "3A": ("{province}省人民医院", "{city}市第一人民医院", "{city}大学附属第一医院", "{city}市中心医院",
           "{province}省肿瘤医院", "{city}医科大学附属医院", "{province}省中医院"),
    "3B": ("{city}市第二人民医院", "{city}市中医院", "{city}市妇幼保健院", "{city}市第三人民医院"),
    "2A": ("{city}市第四人民医院", "{city}市{district}区人民医院", "{city}市骨科医院", "{city}市{district}区中医院"),
    "2B": ("{city}市{district}区第二医院", "{city}市{district}区妇幼保健院", "{city}市康复医院"),
    "1": ("{city}市{district}区社区卫生服务中心", "{city}市{district}街道卫生院", "{city}市{district}镇卫生院"),
}
DISTRICTS = ("东城", "西城", "高新", "经开", "滨江", "城南", "城北", "新区", "江北", "河西", "临港", "开发")

BRANDS = ("华润", "康达", "瑞丰", "恒信", "鼎盛", "金桥", "同济", "百川", "永辉", "联华", "海信", "宏图", "天成",
          "博远", "嘉禾", "盛世", "安康", "中联", "新希望", "万达", "佳美", "润泽", "立信", "汇通", "鑫源", "明德")
SUFFIX_BY_TYPE: dict[tuple[str, str], tuple[str, ...]] = {
    ("medical", "lab"): ("医学检验实验室", "临床检验中心", "第三方医学检验所"),
    ("medical", "distributor"): ("医疗器械有限公司", "医药贸易有限公司", "医疗科技有限公司"),
    ("fmcg", "store"): ("连锁超市", "便利店", "购物广场", "生活超市"),
    ("fmcg", "distributor"): ("商贸有限公司", "食品经销有限公司", "供应链有限公司"),
    ("manufacturing", "enterprise"): ("精密制造有限公司", "机械股份有限公司", "电子科技有限公司", "新材料有限公司"),
    ("saas", "enterprise"): ("信息技术有限公司", "软件有限公司", "网络科技有限公司", "数字科技有限公司"),
    ("education", "school"): ("实验中学", "职业技术学院", "外国语学校", "第一中学", "理工学院"),
    ("retail", "store"): ("百货", "家居广场", "母婴连锁", "药房连锁", "电器商城"),
}

TITLES: dict[str, tuple[tuple[str, str, bool], ...]] = {
    # account_type: (title, department, is_decision_maker)
    "hospital": (("院长", "院办", True), ("副院长", "院办", True), ("设备科主任", "设备科", True),
                 ("检验科主任", "检验科", False), ("采购专员", "采购中心", False), ("科室主任", "影像科", False)),
    "lab": (("实验室主任", "实验室", True), ("质量负责人", "质量部", False), ("采购经理", "采购部", False)),
    "distributor": (("总经理", "总经办", True), ("采购经理", "采购部", False), ("销售总监", "销售部", False)),
    "store": (("店长", "门店", True), ("采购主管", "采购部", False), ("品类经理", "商品部", False)),
    "enterprise": (("总经理", "总经办", True), ("IT总监", "信息部", True), ("采购经理", "采购部", False),
                   ("生产总监", "生产部", False)),
    "school": (("校长", "校办", True), ("信息中心主任", "信息中心", False), ("后勤处长", "后勤处", False)),
}

# sku, name, product line, list price (yuan), unit cost, industries it is sold into
PRODUCTS: tuple[tuple[str, str, str, int, int, tuple[str, ...]], ...] = (
    ("IVD-A100", "全自动生化分析仪 A100", "体外诊断设备", 680000, 390000, ("medical",)),
    ("IVD-C300", "化学发光免疫分析仪 C300", "体外诊断设备", 950000, 560000, ("medical",)),
    ("IVD-R01", "肝功能检测试剂盒", "诊断试剂", 1800, 620, ("medical",)),
    ("IVD-R02", "肿瘤标志物检测试剂盒", "诊断试剂", 3200, 1100, ("medical",)),
    ("IVD-R03", "血糖检测试剂盒", "诊断试剂", 900, 300, ("medical",)),
    ("US-X5", "彩色多普勒超声诊断系统 X5", "医学影像", 1250000, 760000, ("medical",)),
    ("US-P2", "便携式超声 P2", "医学影像", 320000, 180000, ("medical",)),
    ("MON-M8", "多参数监护仪 M8", "生命监护", 68000, 35000, ("medical",)),
    ("INF-S1", "输液泵 S1", "生命监护", 12000, 5600, ("medical",)),
    ("BEV-TEA", "无糖茶饮料(箱)", "饮料", 96, 52, ("fmcg", "retail")),
    ("BEV-WTR", "天然矿泉水(箱)", "饮料", 48, 22, ("fmcg", "retail")),
    ("SNK-NUT", "每日坚果礼盒", "休闲食品", 168, 90, ("fmcg", "retail")),
    ("SNK-BIS", "粗粮饼干(箱)", "休闲食品", 120, 58, ("fmcg", "retail")),
    ("DRY-MLK", "高钙奶粉(箱)", "乳制品", 420, 260, ("fmcg", "retail")),
    ("HOM-CLN", "家用清洁套装", "日化", 89, 41, ("fmcg", "retail")),
    ("MFG-CNC", "五轴数控加工中心", "工业设备", 1600000, 1050000, ("manufacturing",)),
    ("MFG-ROB", "协作机器人 CR6", "工业设备", 260000, 150000, ("manufacturing",)),
    ("MFG-SNS", "工业传感器套件", "工业配件", 8600, 3900, ("manufacturing",)),
    ("SAAS-CRM", "销售云 CRM 年费(席位)", "企业软件", 3600, 600, ("saas", "retail", "manufacturing")),
    ("SAAS-ERP", "云 ERP 年费(企业版)", "企业软件", 180000, 40000, ("saas", "manufacturing")),
    ("SAAS-BI", "数据分析平台(私有化)", "企业软件", 450000, 120000, ("saas", "education")),
    ("EDU-SMART", "智慧教室整体方案", "教育信息化", 380000, 210000, ("education",)),
    ("EDU-LAB", "理化生实验室套装", "教育装备", 150000, 88000, ("education",)),
    ("RTL-POS", "智能收银终端", "零售设备", 6800, 3600, ("retail", "fmcg")),
)

COMPETITORS = ("罗氏", "迈瑞", "西门子", "雅培", "贝克曼", "希森美康", "康师傅", "统一", "用友", "金蝶", "发那科")

ACTIVITY_SUMMARIES: dict[str, tuple[str, ...]] = {
    "visit": ("拜访{title}，介绍{product}，客户关注价格和售后", "上门拜访，了解{product}使用需求",
              "拜访客户，对方提到正在比较{competitor}", "现场拜访，确认采购流程和预算"),
    "call": ("电话沟通{product}报价，客户要求再优惠", "电话跟进上次方案，客户需内部讨论",
             "电话回访，客户对交付周期有顾虑", "电话确认下次拜访时间"),
    "wechat": ("微信发送{product}资料和案例", "微信沟通回款进度", "微信提醒客户确认合同条款"),
    "email": ("邮件发送正式报价单", "邮件回复技术参数问题", "邮件发送竞品对比资料"),
    "meeting": ("与{title}开会讨论方案细节", "参加客户内部评审会", "商务谈判会议，讨论付款条件"),
    "demo": ("为客户演示{product}", "安排{product}试用，客户反馈良好", "现场演示并收集试用反馈"),
}
