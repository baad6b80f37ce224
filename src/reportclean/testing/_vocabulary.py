"""The generator's vocabulary: places, topics, clauses, quantities, headings and noise material.

Generator material, not cleaning rules: the steps never read it. Canonical forms only
(Arabic digits with measure words, Chinese punctuation, no spaces), and protected
expressions exactly as the numbers issue lists them.
"""

from __future__ import annotations

import re

__all__ = [
    "AREA_ITEMS",
    "CLAUSES",
    "COUNT_ITEMS",
    "COUNT_UNITS",
    "EXTRAS",
    "FULLWIDTH",
    "HANZI",
    "HEADINGS",
    "LEADS",
    "MEETINGS",
    "MONEY_ITEMS",
    "ORDINALS",
    "PAGE_NUMBERS",
    "PLACES",
    "PROVINCES",
    "SHOPS",
    "SITES",
    "TOPICS",
    "TRADITIONAL",
    "UNITS",
    "WS",
]

PLACES = ("东湖", "柏泉", "慈惠", "新沟", "西山", "南岗", "城关", "青山", "龙泉", "金桥")
UNITS = ("街道", "镇", "街道办事处")
TOPICS = (
    "坚持以习近平新时代中国特色社会主义思想为指导",
    "深入学习贯彻党的十九大和十九届五中全会精神",
    "认真落实“十四五”规划各项任务",
    "推动“十三五”规划圆满收官",
    "牢固树立“四个意识”，坚定“四个自信”，做到“两个维护”",
    "严格落实“三会一课”制度",
    "认真执行“三重一大”决策制度",
    "全面落实“一岗双责”",
    "积极融入“一带一路”建设",
    "统筹推进“五位一体”总体布局",
    "大力发展“一村一品”特色产业",
    "扎实做好“三农”工作",
    "对违纪违法行为保持零容忍",
    "及时传达学习全国两会精神",
    "组织党员干部下沉一线",
    "第一时间回应群众诉求",
    "坚持问题导向和目标导向相统一",
    "主要负责同志切实履行一把手职责",
)
CLAUSES = (
    "确保各项工作落到实处",
    "群众满意度持续提升",
    "有效维护了社会和谐稳定",
    "营商环境持续优化",
    "基层治理能力不断增强",
    "党建引领作用充分发挥",
    "辖区环境面貌明显改善",
    "为经济社会发展提供了坚强保障",
    "形成了上下联动的工作格局",
    "各项指标与预期目标基本一致",
    "目前已完成整改",
    "相关问题线索已立案查处",
    "年度重点任务已经全部完成",
)
LEADS = ("全年", "截至目前", "今年以来", "全街道", "辖区内", "我街道", "本年度")
COUNT_ITEMS = (
    ("开展专题学习", "次"),
    ("召开党委中心组学习会", "次"),
    ("走访慰问困难群众", "户"),
    ("新增市场主体", "家"),
    ("组织志愿服务活动", "场"),
    ("排查整改安全隐患", "处"),
    ("办理群众来信来访", "件"),
    ("实施重点项目", "个"),
    ("帮助辖区居民就业", "人"),
    ("发放宣传资料", "份"),
    ("化解矛盾纠纷", "起"),
    ("改造老旧小区", "个"),
    ("发展新党员", "名"),
    ("解决群众急难愁盼问题", "件"),
)
COUNT_UNITS = frozenset(unit for _, unit in COUNT_ITEMS)
MONEY_ITEMS = (
    ("完成固定资产投资", "亿元"),
    ("实现招商引资到位资金", "亿元"),
    ("实现社会消费品零售总额", "亿元"),
    ("争取上级专项资金", "万元"),
    ("发放各类救助金", "万元"),
    ("完成税收收入", "万元"),
    ("实现外贸出口", "万美元"),
)
AREA_ITEMS = (
    ("完成征收土地", "亩"),
    ("新增绿化面积", "m²"),
    ("拆除违法建筑", "m²"),
    ("新建污水管网", "km"),
)
HEADINGS = (
    "坚持党建引领",
    "统筹疫情防控和经济社会发展",
    "聚焦民生保障",
    "持续优化营商环境",
    "加强基层社会治理",
    "推进城市精细化管理",
    "全力抓好安全生产",
    "存在的问题和不足",
    "下一步工作打算",
)
MEETINGS = ("召开工作推进会", "召开党工委扩大会议", "召开安全生产专题会")
ORDINALS = "一二三四五六七八九十"
# Spellings that cleaning does not make canonical: only in report_texts(canonical=False).
EXTRAS = (
    "建成4#-7#楼安置房",
    "接待群众1200-1500人",
    "二〇二三年",
    "增幅达到百分之八",
    "建成5G基站",
    "推进IPv6改造",
    "推行“1+2+N”工作法",
    "新建绿道13KM",
    "完成2019--2020年度考核",
    "年收入租金15万",
    "新增绿地5万平方米",
    "完成拆违23960.1 m²",
    "实现利用外资1617 万美元",
)
# Traditional → simplified, one to one in OpenCC.
TRADITIONAL = dict(zip("经济区会务实设进项动开现专题导发", "經濟區會務實設進項動開現專題導發", strict=True))

# Noise material.
SITES = ("百度文库", "道客巴巴", "豆丁网", "原创力文档", "人人文库", "淘文库", "360docs")
SHOPS = ("笔杆子文苑", "公文写作帮", "材料之家", "范文精选", "文秘资料库")
PROVINCES = ("鄂", "京", "粤", "苏", "浙", "川")
# A bare "3/10" is removed only when another page says the same total, and a lone
# number line only in a run of them (the boilerplate step is precision first):
# "{n}/{m}" is injected at least twice, and lone numbers are not injected.
PAGE_NUMBERS = ("- {n} -", "第{n}页 共{m}页", "第 {n} 页 共 {m} 页", "第{n}页 / 共{m}页", "{n}/{m}")
FULLWIDTH = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}

HANZI = re.compile(r"[\u3400-\u9fff]")
WS = re.compile(r"\s+")
