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
