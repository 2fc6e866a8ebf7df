"""Regions of China with their provinces and cities, as the sales organisation splits the country.

Weights say how much business each region carries in the demo (East China is the largest market).
"""

from __future__ import annotations

REGIONS: tuple[tuple[str, str, str, float], ...] = (
    # code, name_zh, name_en, share of accounts
    ("east", "华东", "East China", 0.28),
    ("south", "华南", "South China", 0.17),
    ("north", "华北", "North China", 0.17),
    ("central", "华中", "Central China", 0.12),
    ("southwest", "西南", "Southwest China", 0.11),
    ("northwest", "西北", "Northwest China", 0.07),
    ("northeast", "东北", "Northeast China", 0.08),
)

PROVINCES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "east": (
        ("上海", ("上海",)),
        ("江苏", ("南京", "苏州", "无锡", "常州", "南通", "徐州")),
        ("浙江", ("杭州", "宁波", "温州", "绍兴", "嘉兴", "金华")),
        ("安徽", ("合肥", "芜湖", "蚌埠")),
        ("山东", ("济南", "青岛", "烟台", "潍坊", "临沂")),
        ("福建", ("福州", "厦门", "泉州")),
        ("江西", ("南昌", "赣州")),
    ),
    "south": (
        ("广东", ("广州", "深圳", "东莞", "佛山", "珠海", "汕头", "惠州")),
        ("广西", ("南宁", "柳州", "桂林")),
        ("海南", ("海口", "三亚")),
    ),
    "north": (
        ("北京", ("北京",)),
        ("天津", ("天津",)),
        ("河北", ("石家庄", "唐山", "保定", "廊坊")),
        ("山西", ("太原", "大同")),
        ("内蒙古", ("呼和浩特", "包头")),
    ),
    "central": (
        ("河南", ("郑州", "洛阳", "新乡", "南阳")),
        ("湖北", ("武汉", "宜昌", "襄阳")),
        ("湖南", ("长沙", "株洲", "衡阳", "岳阳")),
    ),
    "southwest": (
        ("四川", ("成都", "绵阳", "宜宾", "南充")),
        ("重庆", ("重庆",)),
        ("云南", ("昆明", "曲靖", "大理")),
        ("贵州", ("贵阳", "遵义")),
        ("西藏", ("拉萨",)),
    ),
    "northwest": (
        ("陕西", ("西安", "宝鸡", "咸阳")),
        ("甘肃", ("兰州", "天水")),
        ("青海", ("西宁",)),
        ("宁夏", ("银川",)),
        ("新疆", ("乌鲁木齐", "喀什")),
    ),
    "northeast": (
        ("辽宁", ("沈阳", "大连", "鞍山")),
        ("吉林", ("长春", "吉林")),
        ("黑龙江", ("哈尔滨", "大庆", "齐齐哈尔")),
    ),
}

# English (pinyin) names of provinces and cities, so English questions can name them ("hospitals in Hangzhou").
PLACE_EN: dict[str, str] = {
    "上海": "shanghai", "江苏": "jiangsu", "南京": "nanjing", "苏州": "suzhou", "无锡": "wuxi", "常州": "changzhou",
    "南通": "nantong", "徐州": "xuzhou", "浙江": "zhejiang", "杭州": "hangzhou", "宁波": "ningbo", "温州": "wenzhou",
    "绍兴": "shaoxing", "嘉兴": "jiaxing", "金华": "jinhua", "安徽": "anhui", "合肥": "hefei", "芜湖": "wuhu",
    "蚌埠": "bengbu", "山东": "shandong", "济南": "jinan", "青岛": "qingdao", "烟台": "yantai", "潍坊": "weifang",
    "临沂": "linyi", "福建": "fujian", "福州": "fuzhou", "厦门": "xiamen", "泉州": "quanzhou", "江西": "jiangxi",
    "南昌": "nanchang", "赣州": "ganzhou", "广东": "guangdong", "广州": "guangzhou", "深圳": "shenzhen",
    "东莞": "dongguan", "佛山": "foshan", "珠海": "zhuhai", "汕头": "shantou", "惠州": "huizhou", "广西": "guangxi",
    "南宁": "nanning", "柳州": "liuzhou", "桂林": "guilin", "海南": "hainan", "海口": "haikou", "三亚": "sanya",
    "北京": "beijing", "天津": "tianjin", "河北": "hebei", "石家庄": "shijiazhuang", "唐山": "tangshan",
    "保定": "baoding", "廊坊": "langfang", "山西": "shanxi", "太原": "taiyuan", "大同": "datong",
    "内蒙古": "inner mongolia", "呼和浩特": "hohhot", "包头": "baotou", "河南": "henan", "郑州": "zhengzhou",
    "洛阳": "luoyang", "新乡": "xinxiang", "南阳": "nanyang", "湖北": "hubei", "武汉": "wuhan", "宜昌": "yichang",
    "襄阳": "xiangyang", "湖南": "hunan", "长沙": "changsha", "株洲": "zhuzhou", "衡阳": "hengyang", "岳阳": "yueyang",
    "四川": "sichuan", "成都": "chengdu", "绵阳": "mianyang", "宜宾": "yibin", "南充": "nanchong", "重庆": "chongqing",
    "云南": "yunnan", "昆明": "kunming", "曲靖": "qujing", "大理": "dali", "贵州": "guizhou", "贵阳": "guiyang",
    "遵义": "zunyi", "西藏": "tibet", "拉萨": "lhasa", "陕西": "shaanxi", "西安": "xi'an", "宝鸡": "baoji",
    "咸阳": "xianyang", "甘肃": "gansu", "兰州": "lanzhou", "天水": "tianshui", "青海": "qinghai", "西宁": "xining",
    "宁夏": "ningxia", "银川": "yinchuan", "新疆": "xinjiang", "乌鲁木齐": "urumqi", "喀什": "kashgar",
    "辽宁": "liaoning", "沈阳": "shenyang", "大连": "dalian", "鞍山": "anshan", "吉林": "jilin", "长春": "changchun",
    "黑龙江": "heilongjiang", "哈尔滨": "harbin", "大庆": "daqing", "齐齐哈尔": "qiqihar",
}
