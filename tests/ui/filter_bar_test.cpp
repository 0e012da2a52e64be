// The filter bar's option lists at scale: a list of thousands of companies draws only the rows
// on screen (ImGuiListClipper), and the window still scrolls over every option. Frames are built, not
// rendered (no GPU).
#include <catch2/catch_test_macros.hpp>

#include <string>

#include "ui/filter_bar.h"
#include "ui/host/theme.h"
#include "ui/session.h"

using namespace indtrack;
using namespace indtrack::ui;

namespace {

const std::string kBundledData = std::string(INDTRACK_SOURCE_DIR) + "/data/wuhai.json";

// A filter bar in a 300 × 800 window of its own ImGui context.
class FilterBarHarness {
 public:
  explicit FilterBarHarness(float width = 300) : session(Settings{}), width_(width) {
    context_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1600, 900);
    io.DeltaTime = 1.0f / 60.0f;
    apply_theme(Theme::Dark, 1.0f);
    REQUIRE(session.open_initial_dataset(kBundledData));
  }
  ~FilterBarHarness() { ImGui::DestroyContext(context_); }
  FilterBarHarness(const FilterBarHarness&) = delete;
  FilterBarHarness& operator=(const FilterBarHarness&) = delete;

  // One frame; `scroll_to_end` scrolls the window to its bottom first.
  void frame(bool scroll_to_end = false) {
    ImGuiIO& io = ImGui::GetIO();
    if (session.fonts.needs_rebuild(1.0f)) io.FontDefault = session.fonts.build(*io.Fonts, 1.0f).fonts.body;
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(width_, 800));
    ImGui::Begin("filters", nullptr, ImGuiWindowFlags_NoSavedSettings);
    ImGui::GetStateStorage()->SetInt(ImGui::GetID("###companies"), 1);  // the company list is open
    if (scroll_to_end) ImGui::SetScrollY(1e9f);
    PanelContext c{session.app, session.fonts, 1.0f, session.fonts.last_build().fonts, nullptr};
    bar.draw(c);
    scroll_max = ImGui::GetScrollMaxY();
    date_text_w = ImGui::CalcTextSize("2026-12-03").x;
    ImGui::End();
    ImGui::Render();
  }

  Session session;
  FilterBar bar;
  float scroll_max = 0;   // of the window, after the last frame
  float date_text_w = 0;  // a date in the body font

 private:
  ImGuiContext* context_ = nullptr;
  float width_;
};

}  // namespace

TEST_CASE("a list of thousands of companies draws only the rows on screen", "[filter][performance]") {
  FilterBarHarness h;
  for (int i = 0; i < 3; ++i) h.frame();
  const int bundled_rows = h.bar.option_rows_drawn();
  const std::size_t bundled_companies = h.session.app.dataset->companies.size();
  REQUIRE(bundled_rows > 0);

  // 5,000 more companies (no projects: each listed with 0).
  Dataset& data = *h.session.app.dataset;
  for (int i = 0; i < 5000; ++i) {
    Company company;
    company.id = "synthetic-" + std::to_string(i);
    company.name = "合成公司" + std::to_string(i);
    data.companies.push_back(company);
  }
  h.session.app.dataset_changed();
  for (int i = 0; i < 3; ++i) h.frame();
  // About a screenful (800 px of ~20 px rows), not 5,000 more.
  CHECK(h.bar.option_rows_drawn() <= bundled_rows + 50);
  CHECK(h.bar.option_rows_drawn() < 120);

  // Every option stays reachable: the window scrolls over all of them (rows are over 18 px), and
  // scrolled to the end it draws the last screenful.
  REQUIRE(h.session.app.facets().companies.size() == bundled_companies + 5000);
  CHECK(h.scroll_max > 5000 * 18);
  h.frame(true);
  h.frame();
  CHECK(h.bar.option_rows_drawn() > 10);
  CHECK(h.bar.option_rows_drawn() < 120);
}

TEST_CASE("the as-of field holds a whole date however narrow the filter bar", "[ui][filters][layout]") {
  // 180 px is the filter bar of a 1024 px window; there 今天 goes under the field.
  for (const float width : {180.0f, 300.0f}) {
    INFO(width);
    FilterBarHarness h(width);
    h.frame();
    h.frame();
    CHECK(h.bar.as_of_field_width() >= h.date_text_w);
  }
}
