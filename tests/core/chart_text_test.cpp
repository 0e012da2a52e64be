// Text measuring, fitting and wrapping for chart layouts (ApproxTextMeasure: CJK 1 em, ASCII 0.55 em).
#include <catch2/catch_test_macros.hpp>

#include "chart/text_layout.h"

using namespace indtrack::chart;

TEST_CASE("the approximate measure gives CJK one em and ASCII 0.55 em", "[chart][text]") {
  const ApproxTextMeasure m;
  CHECK(m.width("BDO", 10) == 16.5f);
  CHECK(m.width("华恒", 10) == 20);
  CHECK(m.width("γ", 10) == 6);
  CHECK(m.width("◆", 10) == 10);
  CHECK(m.width("10.4万吨/年", 10) == 57.5f);
  CHECK(m.width("", 10) == 0);
}

TEST_CASE("text boxes follow the alignment", "[chart][text]") {
  const ApproxTextMeasure m;
  const TextPrim centred =
      make_text(m, "BDO", 100, 50, HAlign::Center, VAlign::Middle, {10, FontWeight::Regular, {}});
  CHECK(centred.box == RectF{91.75f, 45, 108.25f, 55});
  CHECK(centred.baseline_y == 53.8f);
  const TextPrim right =
      make_text(m, "华恒", 100, 50, HAlign::Right, VAlign::Baseline, {10, FontWeight::Regular, {}});
  CHECK(right.box.x0 == 80);
  CHECK(right.box.x1 == 100);
  CHECK(right.baseline_y == 50);
  const TextPrim bold = make_text(m, "华恒", 0, 0, HAlign::Left, VAlign::Top, {10, FontWeight::Bold, {}});
  CHECK(bold.box.x1 == 20 * kBoldWidthFactor);
}

TEST_CASE("fit_text shortens with an ellipsis, never splitting a character", "[chart][text]") {
  const ApproxTextMeasure m;
  CHECK(fit_text(m, "乌海市BDO产能", 10, 100) == "乌海市BDO产能");
  CHECK(fit_text(m, "乌海市BDO产能", 10, 50) == "乌海市BD…");
  CHECK(fit_text(m, "乌海市BDO产能", 10, 12) == "…");
  CHECK(fit_text(m, "乌海市BDO产能", 10, 5).empty());
}

TEST_CASE("wrap_text breaks between CJK characters and at spaces, keeping punctuation attached",
          "[chart][text]") {
  const ApproxTextMeasure m;
  const std::string footer = "数据来源：乌海日报 2023-01-26、内蒙古日报 2023-08-18。";
  CHECK(wrap_text(m, footer, 10, 100, 3) ==
        std::vector<std::string>{"数据来源：乌海日报", "2023-01-26、内蒙古", "日报 2023-08-18。"});
  CHECK(wrap_text(m, footer, 10, 100, 2) ==
        std::vector<std::string>{"数据来源：乌海日报", "2023-01-26、内蒙…"});
  CHECK(wrap_text(m, footer, 10, 1000, 3) == std::vector<std::string>{footer});
  CHECK(wrap_text(m, "", 10, 100, 3).empty());
}

TEST_CASE("wrap_text never splits a unit at its slash", "[chart][text]") {
  const ApproxTextMeasure m;
  const std::string headline = "乌海BDO已投产产能69.2万吨/年，距目标差180.8万吨/年";
  for (float width = 40; width <= 300; width += 5) {
    INFO(width);
    for (const std::string& line : wrap_text(m, headline, 10, width, 20)) {
      CHECK(line.front() != '/');
      CHECK(line.back() != '/');
      if (line.find("/年") != std::string::npos) CHECK(line.find("吨/年") != std::string::npos);
    }
  }
}

TEST_CASE("a word wider than the line is cut by characters", "[chart][text]") {
  const ApproxTextMeasure m;
  CHECK(wrap_text(m, "ABCDEFGHIJ", 10, 20, 10) == std::vector<std::string>{"ABC", "DEF", "GHI", "J"});
  CHECK(wrap_text(m, "ABCDEFGHIJ", 10, 20, 2) == std::vector<std::string>{"ABC", "DE…"});
}
