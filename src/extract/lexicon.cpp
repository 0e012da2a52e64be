#include "extract/lexicon.h"

#include <array>

namespace indtrack {

std::span<const ProductWord> builtin_products() {
  // Spellings seen in the trade press, typos included ("BOD"); the longest spelling wins at a
  // position, so "锂电池负极材料" is one product and not "锂电池".
  static constexpr std::array kWords = std::to_array<ProductWord>({
      {"BDO", "BDO"},
      {"BOD", "BDO"},
      {"1,4-丁二醇", "BDO"},
      {"1,4丁二醇", "BDO"},
      {"1,4-BDO", "BDO"},
      {"丁二醇", "BDO"},
      {"PTMEG", "PTMEG"},
      {"PTMG", "PTMEG"},
      {"聚四亚甲基醚二醇", "PTMEG"},
      {"聚四氢呋喃", "PTMEG"},
      {"PBAT", "PBAT"},
      {"聚己二酸/对苯二甲酸丁二醇酯", "PBAT"},
      {"PBS", "PBS"},
      {"聚丁二酸丁二醇酯", "PBS"},
      {"PBT", "PBT"},
      {"聚对苯二甲酸丁二醇酯", "PBT"},
      {"PLA", "PLA"},
      {"聚乳酸", "PLA"},
      {"PGA", "PGA"},
      {"聚乙醇酸", "PGA"},
      {"γ-丁内酯", "γ-丁内酯"},
      {"γ丁内酯", "γ-丁内酯"},
      {"GBL", "γ-丁内酯"},
      {"丁内酯", "γ-丁内酯"},
      {"NMP", "NMP"},
      {"N-甲基吡咯烷酮", "NMP"},
      {"四氢呋喃", "四氢呋喃"},
      {"THF", "四氢呋喃"},
      {"可降解塑料", "可降解塑料", true},
      {"可降解材料", "可降解塑料", true},
      {"可降解聚酯", "可降解塑料", true},
      {"生物降解塑料", "可降解塑料", true},
      {"负极材料", "负极材料"},
      {"锂电池负极材料", "负极材料"},
      {"锂电负极材料", "负极材料"},
      {"石墨负极", "负极材料"},
      {"人造石墨", "负极材料"},
      {"负极", "负极材料"},
      {"石墨负极材料", "负极材料"},
      {"锂离子电池负极材料", "负极材料"},
      {"硅碳负极", "硅碳负极"},
      {"硅碳负极材料", "硅碳负极"},
      {"硅基负极", "硅基负极"},
      {"硅基负极材料", "硅基负极"},
      {"多孔碳", "多孔碳"},
      {"导电剂", "导电剂"},
      {"六氟磷酸锂", "六氟磷酸锂"},
      {"碳酸锂", "碳酸锂"},
      {"氢氧化锂", "氢氧化锂"},
      {"三元材料", "三元材料"},
      {"铜箔", "铜箔"},
      {"正极材料", "正极材料"},
      {"磷酸铁锂", "磷酸铁锂"},
      {"电解液", "电解液"},
      {"隔膜", "隔膜"},
      {"石墨化", "石墨化"},
      {"针状焦", "针状焦"},
      {"多晶硅", "多晶硅"},
      {"丙烷脱氢", "丙烯"},
      {"高纯晶硅", "多晶硅"},
      {"单晶硅", "单晶硅"},
      {"工业硅", "工业硅"},
      {"金属硅", "工业硅"},
      {"有机硅", "有机硅"},
      {"硅片", "硅片"},
      {"电池片", "电池片"},
      {"光伏组件", "光伏组件"},
      {"组件", "光伏组件"},
      {"光伏", "光伏"},
      {"单晶硅片", "硅片"},
      {"切片", "硅片"},
      {"拉晶", "单晶硅"},
      {"拉棒", "单晶硅"},
      {"单晶硅棒", "单晶硅"},
      {"电池", "电池片"},
      {"太阳能电池", "电池片"},
      {"光伏电池", "电池片"},
      {"锂电池", "锂电池"},
      {"锂离子电池", "锂电池"},
      {"动力电池", "锂电池"},
      {"光伏玻璃", "光伏玻璃"},
      {"风电", "风电"},
      {"氢气", "氢气"},
      {"制氢", "氢气"},
      {"绿氢", "氢气"},
      {"液氢", "氢气"},
      {"氢能", "氢气"},
      {"焦炭", "焦炭"},
      {"焦化", "焦炭"},
      {"煤焦化", "焦炭"},
      {"兰炭", "兰炭"},
      {"煤炭", "煤炭"},
      {"原煤", "煤炭"},
      {"煤焦油", "煤焦油"},
      {"粗苯", "粗苯"},
      {"甲醇", "甲醇"},
      {"甲醛", "甲醛"},
      {"乙二醇", "乙二醇"},
      {"合成氨", "合成氨"},
      {"尿素", "尿素"},
      {"醋酸", "醋酸"},
      {"乙炔", "乙炔"},
      {"电石", "电石"},
      {"碳化钙", "电石"},
      {"聚氯乙烯", "PVC"},
      {"PVC", "PVC"},
      {"烧碱", "烧碱"},
      {"液氯", "液氯"},
      {"LNG", "LNG"},
      {"液化天然气", "LNG"},
      {"碳纤维", "碳纤维"},
      {"炭黑", "炭黑"},
      {"生铁", "生铁"},
      {"铁合金", "铁合金"},
      {"硅铁", "硅铁"},
      {"水泥", "水泥"},
      {"钢", "钢"},
      {"粗钢", "钢"},
      {"钢铁", "钢"},
      {"钢材", "钢材"},
      {"不锈钢", "不锈钢"},
      {"烯烃", "烯烃"},
      {"乙烯", "乙烯"},
      {"丙烯", "丙烯"},
      {"聚乙烯", "聚乙烯"},
      {"聚丙烯", "聚丙烯"},
      {"聚甲醛", "聚甲醛"},
      {"芳烃", "芳烃"},
      {"苯乙烯", "苯乙烯"},
      {"环氧丙烷", "环氧丙烷"},
      {"己二酸", "己二酸"},
      {"纯碱", "纯碱"},
      {"二甲醚", "二甲醚"},
      {"褐煤", "褐煤"},
      {"褐煤提质", "褐煤"},
      {"洗煤", "洗煤"},
      {"选煤", "洗煤"},
      {"火电", "火电"},
      {"煤电", "火电"},
      {"煤发电", "火电"},
      {"燃煤发电", "火电"},
      {"余热发电", "余热发电"},
      {"余热", "余热发电"},
      {"包装材料", "包装材料"},
      {"包装新材料", "包装材料"},
  });
  return kWords;
}

std::span<const EventWord> event_words() {
  using K = MilestoneKind;
  static constexpr std::array kWords = std::to_array<EventWord>({
      {"签约", K::Signed},
      {"签订", K::Signed},
      {"签署", K::Signed},
      {"开工", K::ConstructionStart},
      {"开工建设", K::ConstructionStart},
      {"动工", K::ConstructionStart},
      {"动工建设", K::ConstructionStart},
      {"破土动工", K::ConstructionStart},
      {"开建", K::ConstructionStart},
      {"奠基", K::ConstructionStart},
      {"机械竣工", K::MechanicalCompletion},
      {"中交", K::MechanicalCompletion},
      {"工程中交", K::MechanicalCompletion},
      {"主体完工", K::MechanicalCompletion},
      {"主体工程完工", K::MechanicalCompletion},
      {"具备试生产条件", K::MechanicalCompletion},
      {"具备试车条件", K::MechanicalCompletion},
      {"具备投产条件", K::MechanicalCompletion},
      {"具备调试条件", K::MechanicalCompletion},
      {"具备开车条件", K::MechanicalCompletion},
      {"试生产", K::TrialProduction},
      {"试车", K::TrialProduction},
      {"投料开车", K::TrialProduction},
      {"投料试车", K::TrialProduction},
      {"开车成功", K::TrialProduction},
      {"调试", K::TrialProduction},
      {"试运行", K::TrialProduction},
      {"联动试车", K::TrialProduction},
      {"投料试生产", K::TrialProduction},
      {"投产", K::Commissioning},
      {"建成投产", K::Commissioning},
      {"投入生产", K::Commissioning},
      {"投运", K::Commissioning},
      {"投入运营", K::Commissioning},
      {"投入运行", K::Commissioning},
      {"投入使用", K::Commissioning},
      {"投用", K::Commissioning},
      {"建成投用", K::Commissioning},
      {"并网", K::Commissioning},
      {"并网发电", K::Commissioning},
      {"竣工投产", K::Commissioning},
      {"建成运营", K::Commissioning},
      {"产品下线", K::TrialProduction},
      {"下线", K::TrialProduction},
      {"建成中交", K::MechanicalCompletion},
      {"全面中交", K::MechanicalCompletion},
      {"高质量中交", K::MechanicalCompletion},
      {"达产", K::FullProduction},
      {"满负荷", K::FullProduction},
      {"满负荷生产", K::FullProduction},
      {"满产", K::FullProduction},
      {"达产达效", K::FullProduction},
      {"建成", K::Completion},
      {"完工", K::Completion},
      {"竣工", K::Completion},
      {"建设完成", K::Completion},
      {"建设完工", K::Completion},
      {"竣工验收", K::Completion},
  });
  return kWords;
}

std::span<const RelativeDateWord> relative_date_words() {
  static constexpr std::array kWords = std::to_array<RelativeDateWord>({
      {"今年", 0, true, 0},
      {"本年", 0, true, 0},
      {"当年", 0, true, 0},
      {"明年", 1, true, 0},
      {"去年", -1, true, 0},
      {"前年", -2, true, 0},
      {"今年底", 0, true, 12},
      {"明年底", 1, true, 12},
      {"去年底", -1, true, 12},
      {"年内", 0, true, 0},
      {"本年度", 0, true, 0},
      {"年底", 0, false, 12},
      {"年末", 0, false, 12},
      {"上半年", 0, false, 6},
      {"下半年", 0, false, 12},
      // Quarters alone take their year from the sentence or the article: "今年2月开工、第四季度建成".
      {"一季度", 0, false, 3},
      {"二季度", 0, false, 6},
      {"三季度", 0, false, 9},
      {"四季度", 0, false, 12},
      {"第一季度", 0, false, 3},
      {"第二季度", 0, false, 6},
      {"第三季度", 0, false, 9},
      {"第四季度", 0, false, 12},
      // The day of the latest full date before it ("新华社…4月16日 …当日…奠基开工").
      {"当日", 0, false, 0, true},
      {"当天", 0, false, 0, true},
  });
  return kWords;
}

std::span<const YearPartWord> year_part_words() {
  static constexpr std::array kWords = std::to_array<YearPartWord>({
      {"底", 12},      {"末", 12},       {"年底", 12},   {"年末", 12},    {"上半年", 6},   {"下半年", 12},
      {"一季度", 3},   {"二季度", 6},    {"三季度", 9},  {"四季度", 12},  {"第一季度", 3}, {"第二季度", 6},
      {"第三季度", 9}, {"第四季度", 12}, {"1季度", 3},   {"2季度", 6},    {"3季度", 9},    {"4季度", 12},
      {"第1季度", 3},  {"第2季度", 6},   {"第3季度", 9}, {"第4季度", 12},
  });
  return kWords;
}

std::span<const PlaceWord> builtin_parks() {
  static constexpr std::array kWords = std::to_array<PlaceWord>({
      {"乌达产业园", "乌达产业园"},
      {"海勃湾产业园", "海勃湾产业园"},
      {"千里山工业园区", "海勃湾产业园"},
      {"千里山工业园", "海勃湾产业园"},
      {"海南产业园", "海南产业园"},
      {"低碳产业园", "低碳产业园"},
      {"乌海高新技术产业开发区", "乌海高新技术产业开发区"},
      {"乌海高新区", "乌海高新技术产业开发区"},
  });
  return kWords;
}

std::span<const PlaceWord> builtin_districts() {
  static constexpr std::array kWords = std::to_array<PlaceWord>({
      {"海勃湾区", "海勃湾区"},
      {"乌达区", "乌达区"},
      {"海南区", "海南区"},
  });
  return kWords;
}

std::span<const std::string_view> expected_cues() {
  static constexpr std::array<std::string_view, 17> kWords = {
      "预计", "力争", "将",   "计划", "拟",   "确保", "争取",   "有望",  "预期",
      "目标", "预定", "即将", "可望", "将于", "将在", "计划于", "预计于"};
  return kWords;
}

std::span<const std::string_view> weak_expected_cues() {
  static constexpr std::array<std::string_view, 8> kWords = {"推动", "推进", "加快",     "力促",
                                                             "促进", "规划", "规划建设", "有序推进"};
  return kWords;
}

std::span<const std::string_view> actual_cues() {
  static constexpr std::array<std::string_view, 8> kWords = {"已",   "已经", "顺利", "成功",
                                                             "先后", "相继", "已于", "业已"};
  return kWords;
}

std::span<const std::string_view> blocker_words() {
  // Longer words that would otherwise be read as a cue or an event inside them.
  static constexpr std::array<std::string_view, 14> kWords = {
      "将近",     "将军",   "主要", "重要",   "需要",   "开工率", "建成区",
      "计划生育", "规划局", "已知", "推动力", "投产率", "而已",   "将来"};
  return kWords;
}

std::span<const std::string_view> region_prefixes() {
  static constexpr std::array<std::string_view, 43> kWords = {
      "内蒙古", "乌海市", "乌海", "鄂尔多斯市", "鄂尔多斯", "阿拉善", "包头市", "包头", "呼和浩特",
      "宁夏",   "北京",   "上海", "天津",       "重庆",     "河北",   "山西",   "辽宁", "吉林",
      "黑龙江", "江苏",   "浙江", "安徽",       "福建",     "江西",   "山东",   "河南", "湖北",
      "湖南",   "广东",   "广西", "海南省",     "四川",     "贵州",   "云南",   "陕西", "甘肃",
      "青海",   "新疆",   "深圳", "广州",       "杭州",     "苏州",   "中国"};  // a company ("中国石化…")
                                                                                // starts with 中国
  return kWords;
}

std::span<const std::string_view> aggregate_scope_words() {
  static constexpr std::array<std::string_view, 17> kWords = {
      "全市", "全区",   "全省", "全国", "全球", "全县",   "全盟", "全旗",  "全州",
      "我国", "区域内", "区域", "地区", "周边", "全行业", "行业", "园区内"};
  return kWords;
}

std::span<const std::string_view> plural_project_words() {
  static constexpr std::array<std::string_view, 8> kWords = {"签约项目", "落地项目", "开工项目", "续建项目",
                                                             "新建项目", "重点项目", "重大项目", "项目库"};
  return kWords;
}

std::span<const std::string_view> partial_investment_words() {
  static constexpr std::array<std::string_view, 15> kWords = {"基础设施", "年度", "年内", "全年", "当年",
                                                              "今年",     "本年", "明年", "季度", "环保",
                                                              "环境保护", "安全", "研发", "当月", "本月"};
  return kWords;
}

std::span<const std::string_view> equipment_words() {
  static constexpr std::array<std::string_view, 11> kWords = {
      "风机", "叶片", "电动机", "变压器", "锅炉", "电解槽", "逆变器", "单机", "单台", "主变", "风电机组"};
  return kWords;
}

std::span<const std::string_view> goal_words() {
  static constexpr std::array<std::string_view, 7> kWords = {"集群", "产业基地", "体系", "示范区",
                                                             "高地", "强市",     "强区"};
  return kWords;
}

std::span<const std::string_view> reporting_words() {
  static constexpr std::array<std::string_view, 9> kWords = {"据",     "获悉",   "消息", "发布公告", "公告称",
                                                             "了解到", "记者从", "报道", "发布会"};
  return kWords;
}

std::span<const std::string_view> campaign_words() {
  static constexpr std::array<std::string_view, 7> kWords = {"活动", "仪式", "大会", "动员会",
                                                             "誓师", "观摩", "现场"};
  return kWords;
}

std::span<const std::string_view> company_suffixes() {
  static constexpr std::array<std::string_view, 7> kWords = {
      "有限公司", "有限责任公司", "股份有限公司", "集团有限公司", "集团股份有限公司", "集团", "股份公司"};
  return kWords;
}

std::span<const UnitWord> unit_words() {
  using C = UnitClass;
  static constexpr std::array kWords = std::to_array<UnitWord>({
      {"吨/年", C::MassPerYear, "吨/年"},
      {"吨每年", C::MassPerYear, "吨/年"},
      {"t/a", C::MassPerYear, "t/a"},
      {"吨", C::Mass, "吨/年"},
      {"千瓦", C::Power, "kW"},
      {"kW", C::Power, "kW"},
      {"KW", C::Power, "kW"},
      {"kw", C::Power, "kW"},
      {"MW", C::Power, "MW"},
      {"MW/年", C::Power, "MW"},
      {"GW/年", C::Power, "GW"},
      {"GW", C::Power, "GW"},
      {"兆瓦", C::Power, "MW"},
      {"千瓦时", C::Energy, "kWh/a"},
      {"kWh", C::Energy, "kWh/a"},
      {"KWh", C::Energy, "kWh/a"},
      {"kwh", C::Energy, "kWh/a"},
      {"度电", C::Energy, "kWh/a"},
      {"标立方米/小时", C::GasFlow, "标立方米/小时"},
      {"标准立方米/小时", C::GasFlow, "标立方米/小时"},
      {"标方/小时", C::GasFlow, "标立方米/小时"},
      {"Nm3/h", C::GasFlow, "Nm3/h"},
      {"立方米/小时", C::GasFlow, "标立方米/小时"},
      {"Nm3/小时", C::GasFlow, "Nm3/h"},
      {"元", C::Money, "元"},
  });
  return kWords;
}

}  // namespace indtrack
