// The whole dashboard in its own ImGui context, drawn frame by frame without a GPU (ImGui builds
// its draw lists; nothing is rendered) at a chosen window size, language and theme, with mouse
// input through ImGui's IO as the window's backend gives it. What a user sees is read back from
// ImGui's windows and draw lists: window sizes, item rectangles, glyphs drawn.
#pragma once

#include <imgui.h>
#include <imgui_internal.h>
#include <catch2/catch_test_macros.hpp>

#include <string>

#include "ui/host/theme.h"
#include "ui/session.h"

namespace indtrack::test {

class DashboardFrames {
 public:
  DashboardFrames(float width, float height, Language language = Language::Chinese,
                  ui::Theme theme = ui::Theme::Dark)
      : session(settings_for(language, theme)) {
    context_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(width, height);
    io.DeltaTime = 1.0f / 60.0f;
    ui::apply_theme(theme, 1.0f);
    REQUIRE(session.open_initial_dataset(std::string(INDTRACK_SOURCE_DIR) + "/data/wuhai.json"));
    FilterSpec f;
    f.as_of = parse_date("2024-10-31").date;
    session.app.set_filter(f);
    for (int i = 0; i < 3; ++i) frame();  // fonts, table sizing, first scene
  }
  ~DashboardFrames() { ImGui::DestroyContext(context_); }
  DashboardFrames(const DashboardFrames&) = delete;
  DashboardFrames& operator=(const DashboardFrames&) = delete;

  // One frame as the window loop makes it: the theme re-applied when the menu asked, the atlas
  // rebuilt when new characters arrived (then the frame is drawn again, as the next one would).
  void frame() {
    ImGuiIO& io = ImGui::GetIO();
    if (session.dashboard.restyle_requested) {
      session.dashboard.restyle_requested = false;
      ui::apply_theme(session.app.settings.theme, 1.0f);
    }
    for (int attempt = 0; attempt < 4; ++attempt) {
      if (session.fonts.needs_rebuild(1.0f)) io.FontDefault = session.fonts.build(*io.Fonts, 1.0f).fonts.body;
      ImGui::NewFrame();
      session.dashboard.draw(1.0f, session.fonts.last_build().fonts);
      ImGui::Render();
      io.MouseWheel = 0;
      if (!session.fonts.needs_rebuild(1.0f)) break;
    }
  }
  void frames(int n) {
    for (int i = 0; i < n; ++i) frame();
  }
  void move(ImVec2 p) {
    ImGui::GetIO().MousePos = p;
    frame();
  }
  void press(int button = 0) {
    ImGui::GetIO().MouseDown[button] = true;
    frame();
  }
  void release(int button = 0) {
    ImGui::GetIO().MouseDown[button] = false;
    frame();
  }
  void click(ImVec2 p, int button = 0) {
    move(p);
    press(button);
    release(button);
  }
  void wheel(float notches) {
    ImGui::GetIO().MouseWheel = notches;
    frame();
  }
  void show(ChartKind kind) {
    session.charts.set_active(kind);
    frames(2);
  }
  // Screen position of a point of the chart canvas.
  ImVec2 at(float x, float y) const {
    const ImVec2 o = session.charts.last_origin();
    return ImVec2(o.x + x, o.y + y);
  }
  const chart::Scene& scene(ChartKind kind) const {
    const chart::Scene* s = session.charts.last_scene(kind);
    REQUIRE(s);
    return *s;
  }

  // How many glyphs drawn in the last frame are a font's fallback (the "�" of a character the
  // atlas lacks).
  static int fallback_glyphs_drawn() {
    const ImDrawData* data = ImGui::GetDrawData();
    REQUIRE(data);
    int n = 0;
    for (const ImFont* font : ImGui::GetIO().Fonts->Fonts) {
      const ImFontGlyph* g = font->FallbackGlyph;
      if (!g || g->U0 == g->U1) continue;
      for (int l = 0; l < data->CmdListsCount; ++l) {
        const ImVector<ImDrawVert>& v = data->CmdLists[l]->VtxBuffer;
        for (int i = 0; i + 2 < v.Size; ++i)  // a glyph quad: top-left, top-right, bottom-right
          n += v[i].uv.x == g->U0 && v[i].uv.y == g->V0 && v[i + 1].uv.x == g->U1 && v[i + 2].uv.y == g->V1;
      }
    }
    return n;
  }

  ui::Session session;

 private:
  static ui::Settings settings_for(Language language, ui::Theme theme) {
    ui::Settings s;
    s.language = language;
    s.theme = theme;
    return s;
  }
  ImGuiContext* context_ = nullptr;
};

}  // namespace indtrack::test
