// The two themes (theme.h). Colours chosen for contrast on screen (dark) and on paper (light).
#include "ui/host/theme.h"

#include "chart/palette.h"

namespace indtrack::ui {

namespace {

ImVec4 rgb(int r, int g, int b, float a = 1.0f) {
  return ImVec4(static_cast<float>(r) / 255.0f, static_cast<float>(g) / 255.0f,
                static_cast<float>(b) / 255.0f, a);
}

const Palette kDarkPalette = {
    rgb(230, 233, 237), rgb(150, 160, 172), rgb(88, 156, 255),  rgb(88, 156, 255, 0.22f), rgb(255, 107, 107),
    rgb(245, 190, 80),  rgb(120, 180, 255), rgb(110, 200, 140), rgb(245, 190, 80),        rgb(190, 160, 255),
    rgb(255, 140, 105), rgb(214, 206, 186), rgb(36, 41, 49),    rgb(56, 63, 74),          true,
};

const Palette kLightPalette = {
    rgb(31, 35, 40),  rgb(95, 103, 114), rgb(23, 98, 214),   rgb(23, 98, 214, 0.12f), rgb(196, 40, 40),
    rgb(170, 110, 0), rgb(30, 100, 200), rgb(26, 127, 55),   rgb(170, 110, 0),        rgb(120, 70, 200),
    rgb(200, 80, 30), rgb(70, 62, 44),   rgb(246, 248, 250), rgb(208, 215, 222),      false,
};

Palette g_palette = kDarkPalette;

void dark_colors(ImVec4* c) {
  ImGui::StyleColorsDark();
  c[ImGuiCol_Text] = kDarkPalette.text;
  c[ImGuiCol_TextDisabled] = kDarkPalette.text_dim;
  c[ImGuiCol_WindowBg] = rgb(24, 27, 32);
  c[ImGuiCol_ChildBg] = rgb(24, 27, 32);
  c[ImGuiCol_PopupBg] = rgb(32, 36, 43);
  c[ImGuiCol_Border] = rgb(52, 58, 68);
  c[ImGuiCol_FrameBg] = rgb(38, 43, 51);
  c[ImGuiCol_FrameBgHovered] = rgb(48, 55, 66);
  c[ImGuiCol_FrameBgActive] = rgb(56, 64, 77);
  c[ImGuiCol_TitleBg] = rgb(30, 34, 40);
  c[ImGuiCol_TitleBgActive] = rgb(30, 34, 40);
  c[ImGuiCol_MenuBarBg] = rgb(30, 34, 40);
  c[ImGuiCol_Header] = rgb(88, 156, 255, 0.28f);
  c[ImGuiCol_HeaderHovered] = rgb(88, 156, 255, 0.38f);
  c[ImGuiCol_HeaderActive] = rgb(88, 156, 255, 0.50f);
  c[ImGuiCol_Button] = rgb(46, 52, 62);
  c[ImGuiCol_ButtonHovered] = rgb(60, 70, 84);
  c[ImGuiCol_ButtonActive] = rgb(72, 84, 100);
  c[ImGuiCol_TableHeaderBg] = rgb(34, 38, 45);
  c[ImGuiCol_TableBorderStrong] = rgb(52, 58, 68);
  c[ImGuiCol_TableBorderLight] = rgb(42, 47, 55);
  c[ImGuiCol_TableRowBg] = rgb(0, 0, 0, 0.0f);
  c[ImGuiCol_TableRowBgAlt] = rgb(255, 255, 255, 0.025f);
  c[ImGuiCol_Separator] = rgb(52, 58, 68);
  c[ImGuiCol_SeparatorHovered] = rgb(88, 156, 255, 0.6f);
  c[ImGuiCol_SeparatorActive] = rgb(88, 156, 255);
  c[ImGuiCol_ScrollbarBg] = rgb(24, 27, 32);
  c[ImGuiCol_CheckMark] = kDarkPalette.accent;
  c[ImGuiCol_SliderGrab] = kDarkPalette.accent;
}

void light_colors(ImVec4* c) {
  ImGui::StyleColorsLight();
  c[ImGuiCol_Text] = kLightPalette.text;
  c[ImGuiCol_TextDisabled] = kLightPalette.text_dim;
  c[ImGuiCol_WindowBg] = rgb(255, 255, 255);
  c[ImGuiCol_ChildBg] = rgb(255, 255, 255);
  c[ImGuiCol_PopupBg] = rgb(255, 255, 255);
  c[ImGuiCol_Border] = rgb(208, 215, 222);
  c[ImGuiCol_FrameBg] = rgb(246, 248, 250);
  c[ImGuiCol_FrameBgHovered] = rgb(234, 238, 242);
  c[ImGuiCol_FrameBgActive] = rgb(222, 228, 234);
  c[ImGuiCol_TitleBg] = rgb(246, 248, 250);
  c[ImGuiCol_TitleBgActive] = rgb(246, 248, 250);
  c[ImGuiCol_MenuBarBg] = rgb(246, 248, 250);
  c[ImGuiCol_Header] = rgb(23, 98, 214, 0.14f);
  c[ImGuiCol_HeaderHovered] = rgb(23, 98, 214, 0.22f);
  c[ImGuiCol_HeaderActive] = rgb(23, 98, 214, 0.32f);
  c[ImGuiCol_Button] = rgb(240, 243, 246);
  c[ImGuiCol_ButtonHovered] = rgb(225, 231, 237);
  c[ImGuiCol_ButtonActive] = rgb(208, 215, 222);
  c[ImGuiCol_TableHeaderBg] = rgb(240, 243, 246);
  c[ImGuiCol_TableBorderStrong] = rgb(208, 215, 222);
  c[ImGuiCol_TableBorderLight] = rgb(228, 232, 236);
  c[ImGuiCol_TableRowBg] = rgb(0, 0, 0, 0.0f);
  c[ImGuiCol_TableRowBgAlt] = rgb(0, 0, 0, 0.025f);
  c[ImGuiCol_Separator] = rgb(208, 215, 222);
  c[ImGuiCol_SeparatorHovered] = rgb(23, 98, 214, 0.6f);
  c[ImGuiCol_SeparatorActive] = rgb(23, 98, 214);
  c[ImGuiCol_ScrollbarBg] = rgb(250, 251, 252);
  c[ImGuiCol_CheckMark] = kLightPalette.accent;
  c[ImGuiCol_SliderGrab] = kLightPalette.accent;
}

}  // namespace

void apply_theme(Theme theme, float layout_scale) {
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();  // sizes from scratch, so repeated scale changes do not compound
  if (theme == Theme::Light) {
    light_colors(style.Colors);
    g_palette = kLightPalette;
  } else {
    dark_colors(style.Colors);
    g_palette = kDarkPalette;
  }
  style.WindowRounding = 0;
  style.ChildRounding = 4;
  style.FrameRounding = 3;
  style.PopupRounding = 4;
  style.ScrollbarRounding = 6;
  style.GrabRounding = 3;
  style.TabRounding = 3;
  style.WindowBorderSize = 0;
  style.ChildBorderSize = 1;
  style.FrameBorderSize = 0;
  style.WindowPadding = ImVec2(10, 8);
  style.FramePadding = ImVec2(8, 4);
  style.CellPadding = ImVec2(6, 4);
  style.ItemSpacing = ImVec2(8, 6);
  style.ScrollbarSize = 12;
  style.ScaleAllSizes(layout_scale);
}

const Palette& palette() { return g_palette; }
void set_palette(const Palette& p) { g_palette = p; }

ImVec4 status_color(Status s) {
  // The charts' colours, so a status looks alike everywhere.
  const chart::Rgba c = chart::status_colour(s, g_palette.dark ? chart::dark_theme() : chart::light_theme());
  return rgb(c.r, c.g, c.b);
}

}  // namespace indtrack::ui
