// The built-in vocabulary of the extractor: the words that make a phrase a capacity, an
// investment or a milestone, the products of the tracked industries, Wuhai's parks and districts
// and the shapes of company names. Plain tables; matching lives in keyword_trie, rules elsewhere.
// Nothing here is specific to one article: these are the domain's words.
#pragma once

#include <span>
#include <string_view>

#include "model/vocabulary.h"

namespace indtrack {

enum class WordCategory : unsigned char {
  Product,          // BDO, 1,4-丁二醇, 负极材料 ...
  Company,          // a company name from the dataset
  Project,          // a project name from the dataset
  Park,             // 低碳产业园
  District,         // 海勃湾区
  RegionPrefix,     // 内蒙古, 乌海市: where legal company names start
  CompanySuffix,    // 有限公司, 集团: where legal company names end
  Event,            // 开工建设, 投产 ...: a milestone kind
  ExpectedCue,      // 预计, 力争, 将 ...: the event is a plan
  WeakExpectedCue,  // 推动, 加快 ...: a plan unless 已/顺利 says it happened
  ActualCue,        // 已, 顺利 ...: the event happened
  RelativeDate,     // 今年, 年底, 上半年 ...
  Blocker,          // words that contain a cue or event but are neither: 主要, 将近, 开工率
};

struct ProductWord {
  std::string_view word;
  std::string_view product;  // canonical display name; equal for every spelling of one product
  bool category = false;     // a class of products ("可降解材料"): a specific one named before it wins
};
std::span<const ProductWord> builtin_products();

struct EventWord {
  std::string_view word;
  MilestoneKind kind;
};
std::span<const EventWord> event_words();

// Relative date words. `year_offset` is relative to the article year; month 0 = year precision.
struct RelativeDateWord {
  std::string_view word;
  int year_offset;
  bool has_year;          // false: 年底/上半年 alone name a part of a year given elsewhere
  int month;              // 12 for 年底, 6 for 上半年, 0 for none
  bool same_day = false;  // 当日/当天: the day of the latest full date written before it
};
std::span<const RelativeDateWord> relative_date_words();

// Parts of a year written after "2023年" or "今年": 底, 上半年, 一季度 ... -> the month they end in.
struct YearPartWord {
  std::string_view word;
  int month;
};
std::span<const YearPartWord> year_part_words();

struct PlaceWord {
  std::string_view word;
  std::string_view name;  // canonical name (a former name maps to the current one)
};
std::span<const PlaceWord> builtin_parks();
std::span<const PlaceWord> builtin_districts();

std::span<const std::string_view> expected_cues();
std::span<const std::string_view> weak_expected_cues();
std::span<const std::string_view> actual_cues();
std::span<const std::string_view> blocker_words();
std::span<const std::string_view> region_prefixes();

// Words that make a figure something other than one plant's fact (docs/extraction.md, "Not facts"):
// a scope over many plants right before a capacity or investment ("区域内…产能3200万吨", "全市…总投资");
std::span<const std::string_view> aggregate_scope_words();
// right before 总投资: projects in the plural ("新签约项目总投资", "园区落地项目总投资");
std::span<const std::string_view> plural_project_words();
// right before 投资: a year's share or a side part of an investment ("年度投资", "环保投资");
std::span<const std::string_view> partial_investment_words();
// right after a power figure or right before it: equipment ratings ("2.0MW风机叶片", "单机容量");
std::span<const std::string_view> equipment_words();
// after a completion in its clause: a goal that is not a plant ("建成万亿级产业集群");
std::span<const std::string_view> goal_words();
// after a date in its clause or the next: the date is the news release's ("12月1日,据…消息");
std::span<const std::string_view> reporting_words();
// after a date and an event word: the date names a campaign ("2022年第三季度重点项目集中开工活动").
std::span<const std::string_view> campaign_words();
std::span<const std::string_view> company_suffixes();

// Units written after a number, mapped to the unit names of core/units.h.
enum class UnitClass : unsigned char {
  MassPerYear,  // 吨/年, t/a
  Mass,         // 吨: a capacity only with 年产/产能 or a product right after it
  Power,        // 千瓦, kW, MW, GW
  Energy,       // 千瓦时, kWh: per year only after 年发电量
  GasFlow,      // 标立方米/小时, Nm3/h
  Money,        // 元
};
struct UnitWord {
  std::string_view word;
  UnitClass unit_class;
  std::string_view unit_name;  // in core/units.h (the per-year name for Mass and Energy)
};
std::span<const UnitWord> unit_words();

}  // namespace indtrack
