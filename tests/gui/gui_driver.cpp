// GuiDriver (gui_driver.h).
#include "gui_driver.h"

#include <catch2/catch_test_macros.hpp>

#include <GLFW/glfw3.h>  // key codes: the window's backend indexes keys by them
#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cstring>
#include <unordered_map>

#include "core/text.h"
#include "io/png_writer.h"
#include "ui/host/theme.h"

namespace indtrack::test {

namespace {

// ImGui's named keys as the GLFW backend maps them (imgui_impl_glfw.cpp), so shortcuts read
// through ImGui::GetKeyIndex and GLFW codes ('S') both work as in the window.
void map_keys_like_glfw(ImGuiIO& io) {
  io.KeyMap[ImGuiKey_Tab] = GLFW_KEY_TAB;
  io.KeyMap[ImGuiKey_LeftArrow] = GLFW_KEY_LEFT;
  io.KeyMap[ImGuiKey_RightArrow] = GLFW_KEY_RIGHT;
  io.KeyMap[ImGuiKey_UpArrow] = GLFW_KEY_UP;
  io.KeyMap[ImGuiKey_DownArrow] = GLFW_KEY_DOWN;
  io.KeyMap[ImGuiKey_PageUp] = GLFW_KEY_PAGE_UP;
  io.KeyMap[ImGuiKey_PageDown] = GLFW_KEY_PAGE_DOWN;
  io.KeyMap[ImGuiKey_Home] = GLFW_KEY_HOME;
  io.KeyMap[ImGuiKey_End] = GLFW_KEY_END;
  io.KeyMap[ImGuiKey_Insert] = GLFW_KEY_INSERT;
  io.KeyMap[ImGuiKey_Delete] = GLFW_KEY_DELETE;
  io.KeyMap[ImGuiKey_Backspace] = GLFW_KEY_BACKSPACE;
  io.KeyMap[ImGuiKey_Space] = GLFW_KEY_SPACE;
  io.KeyMap[ImGuiKey_Enter] = GLFW_KEY_ENTER;
  io.KeyMap[ImGuiKey_Escape] = GLFW_KEY_ESCAPE;
  io.KeyMap[ImGuiKey_KeyPadEnter] = GLFW_KEY_KP_ENTER;
  io.KeyMap[ImGuiKey_A] = GLFW_KEY_A;
  io.KeyMap[ImGuiKey_C] = GLFW_KEY_C;
  io.KeyMap[ImGuiKey_V] = GLFW_KEY_V;
  io.KeyMap[ImGuiKey_X] = GLFW_KEY_X;
  io.KeyMap[ImGuiKey_Y] = GLFW_KEY_Y;
  io.KeyMap[ImGuiKey_Z] = GLFW_KEY_Z;
}

// One glyph the last frame drew: its character and where it is visible.
struct DrawnGlyph {
  char32_t cp = 0;
  ScreenRect rect;  // the glyph's quad, clipped to its draw command's clip rectangle
  int list = 0;     // the draw list (window) it belongs to
};

struct UvKey {
  float u0, v0, u1, v1;
  bool operator==(const UvKey& o) const {
    return std::memcmp(this, &o, sizeof(UvKey)) == 0;  // exact: vertices copy the glyph's floats
  }
};
struct UvHash {
  std::size_t operator()(const UvKey& k) const {
    std::uint32_t bits[4];
    std::memcpy(bits, &k, sizeof bits);
    std::size_t h = 1469598103934665603ull;
    for (std::uint32_t b : bits) h = (h ^ b) * 1099511628211ull;
    return h;
  }
};

// Every glyph in the current draw data, in drawing order. A glyph is a quad (indices a, a+1,
// a+2, a, a+2, a+3 as ImFont::RenderText writes them) whose corner texture coordinates are
// exactly those of a glyph of one of the atlas's fonts; rectangles and lines use the atlas's
// white pixel and never match.
std::vector<DrawnGlyph> drawn_glyphs() {
  std::vector<DrawnGlyph> out;
  const ImDrawData* data = ImGui::GetDrawData();
  if (!data || !data->Valid) return out;
  std::unordered_map<UvKey, char32_t, UvHash> by_uv;
  for (const ImFont* font : ImGui::GetIO().Fonts->Fonts)
    for (const ImFontGlyph& g : font->Glyphs)
      if (g.Visible) by_uv.emplace(UvKey{g.U0, g.V0, g.U1, g.V1}, static_cast<char32_t>(g.Codepoint));
  for (int n = 0; n < data->CmdListsCount; ++n) {
    const ImDrawList* list = data->CmdLists[n];
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback) continue;
      const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset;
      for (unsigned i = 0; i + 6 <= cmd.ElemCount;) {
        const unsigned a = idx[i];
        const bool quad = idx[i + 1] == a + 1 && idx[i + 2] == a + 2 && idx[i + 3] == a &&
                          idx[i + 4] == a + 2 && idx[i + 5] == a + 3;
        if (!quad) {
          i += 3;  // every primitive is made of whole triangles
          continue;
        }
        i += 6;
        const ImDrawVert& tl = list->VtxBuffer[static_cast<int>(cmd.VtxOffset + a)];
        const ImDrawVert& br = list->VtxBuffer[static_cast<int>(cmd.VtxOffset + a + 2)];
        const auto found = by_uv.find(UvKey{tl.uv.x, tl.uv.y, br.uv.x, br.uv.y});
        if (found == by_uv.end()) continue;
        DrawnGlyph g;
        g.cp = found->second;
        g.list = n;
        g.rect.min = ImVec2(std::max(tl.pos.x, cmd.ClipRect.x), std::max(tl.pos.y, cmd.ClipRect.y));
        g.rect.max = ImVec2(std::min(br.pos.x, cmd.ClipRect.z), std::min(br.pos.y, cmd.ClipRect.w));
        if (!g.rect.empty()) out.push_back(g);
      }
    }
  }
  return out;
}

bool same_line(const DrawnGlyph& a, const DrawnGlyph& b) {
  return a.list == b.list && b.rect.min.x >= a.rect.min.x && b.rect.min.y < a.rect.max.y &&
         a.rect.min.y < b.rect.max.y;
}

std::vector<char32_t> visible_code_points(std::string_view text) {
  std::vector<char32_t> out;
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t cp = next_code_point(text, pos);
    if (!is_space_code_point(cp)) out.push_back(cp);
  }
  return out;
}

bool inside(const ScreenRect& r, const std::optional<ScreenRect>& within) {
  return !within || within->contains(r.center());
}

}  // namespace

GuiDriver::GuiDriver(Options options) : options_(std::move(options)) {
  std::string error;
  gl_ = ui::OffscreenGlContext::create(error);
  INFO(error);
  REQUIRE(gl_);
  ui::Settings settings;  // defaults, as `indtrack screenshot`: not this user's settings
  settings.language = options_.language;
  settings.theme = options_.theme;
  session_ = std::make_unique<ui::Session>(settings);
  editing().set_options(options_.session);
  if (!options_.dataset.empty()) session_->open_initial_dataset(options_.dataset);
  ui::OffscreenSpec spec;
  spec.width = options_.width;
  spec.height = options_.height;
  spec.theme = options_.theme;
  renderer_ = std::make_unique<ui::OffscreenRenderer>(spec, session_->fonts);
  INFO(renderer_->error());
  REQUIRE(renderer_->error().empty());
  map_keys_like_glfw(ImGui::GetIO());
  frame();
}

GuiDriver::~GuiDriver() {
  renderer_.reset();  // restores the ImGui context before the session's fonts go
  session_.reset();
}

void GuiDriver::step() {
  ui::EditSession& edits = editing();
  // What the window's loop does between frames (gui_main.cpp).
  edits.poll_load();
  if (session_->dashboard.quit_requested) {
    session_->dashboard.quit_requested = false;
    edits.request_quit();
  }
  if (session_->dashboard.restyle_requested) {
    session_->dashboard.restyle_requested = false;
    ui::apply_theme(app().settings.theme, 1.0f);
  }
  for (;;) {
    const ui::UiFonts& fonts = renderer_->new_frame();
    try {
      session_->dashboard.draw(1.0f, fonts);
    } catch (...) {
      // Let the test report what was thrown (a std::length_error from a freed string ...), not
      // ImGui's assertion about a frame left open.
      ImGui::ErrorCheckEndFrameRecover(nullptr);
      ImGui::EndFrame();
      throw;
    }
    if (renderer_->end_frame()) break;  // else: new characters; drawn again with the new atlas
  }
  ++frame_count_;
}

void GuiDriver::frame() { step(); }

void GuiDriver::frames(int n) {
  for (int i = 0; i < n; ++i) step();
}

void GuiDriver::move_to(ImVec2 at) {
  mouse_ = at;
  ImGui::GetIO().MousePos = at;
  step();
}

void GuiDriver::press(int button) {
  ImGui::GetIO().MouseDown[button] = true;
  step();
}

void GuiDriver::release(int button) {
  ImGui::GetIO().MouseDown[button] = false;
  step();
}

void GuiDriver::click(ImVec2 at, int button) {
  move_to(at);
  press(button);
  release(button);
}

void GuiDriver::double_click(ImVec2 at) {
  click(at);
  press();  // within io.MouseDoubleClickTime of the first (frames are 1/60 s)
  release();
}

void GuiDriver::type(std::string_view utf8) {
  const std::string text(utf8);
  ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
  step();
}

void GuiDriver::key(int glfw_key, unsigned mods) {
  ImGuiIO& io = ImGui::GetIO();
  io.KeyCtrl = (mods & kCtrl) != 0;
  io.KeyShift = (mods & kShift) != 0;
  io.KeyAlt = (mods & kAlt) != 0;
  io.KeysDown[glfw_key] = true;
  step();
  io.KeysDown[glfw_key] = false;
  step();
  io.KeyCtrl = io.KeyShift = io.KeyAlt = false;
}

void GuiDriver::scroll(float wheel_y) {
  ImGui::GetIO().MouseWheel = wheel_y;  // ImGui clears it at the end of the frame
  step();
}

std::vector<ScreenRect> GuiDriver::find_all_text(std::string_view text,
                                                 std::optional<ScreenRect> within) const {
  std::vector<ScreenRect> found;
  const std::vector<char32_t> needle = visible_code_points(text);
  if (needle.empty()) return found;
  const std::vector<DrawnGlyph> glyphs = drawn_glyphs();
  for (std::size_t i = 0; i + needle.size() <= glyphs.size(); ++i) {
    std::size_t j = 0;
    while (j < needle.size() && glyphs[i + j].cp == needle[j] &&
           (j == 0 || same_line(glyphs[i + j - 1], glyphs[i + j])))
      ++j;
    if (j < needle.size()) continue;
    ScreenRect r{glyphs[i].rect.min, glyphs[i].rect.max};
    for (std::size_t k = 1; k < needle.size(); ++k) {
      const ScreenRect& g = glyphs[i + k].rect;
      r.min = ImVec2(std::min(r.min.x, g.min.x), std::min(r.min.y, g.min.y));
      r.max = ImVec2(std::max(r.max.x, g.max.x), std::max(r.max.y, g.max.y));
    }
    if (inside(r, within)) found.push_back(r);
  }
  return found;
}

std::optional<ScreenRect> GuiDriver::find_text(std::string_view text, std::optional<ScreenRect> within,
                                               std::size_t nth) const {
  const std::vector<ScreenRect> all = find_all_text(text, within);
  if (nth >= all.size()) return std::nullopt;
  return all[nth];
}

std::string GuiDriver::visible_text(std::optional<ScreenRect> within) const {
  std::string out;
  const DrawnGlyph* previous = nullptr;
  for (const DrawnGlyph& g : drawn_glyphs()) {
    if (!inside(g.rect, within)) continue;
    if (previous) {
      if (!same_line(*previous, g))
        out += '\n';
      else if (g.rect.min.x - previous->rect.max.x > (g.rect.max.y - g.rect.min.y) * 0.3f)
        out += ' ';
    }
    append_utf8(out, g.cp);
    previous = &g;
  }
  return out;
}

std::optional<ScreenRect> GuiDriver::window(std::string_view name) const {
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  for (const ImGuiWindow* w : g.Windows) {
    if (!w->Active || w->Hidden) continue;
    const std::string_view full = w->Name;
    const std::size_t slash = full.rfind('/');
    const std::string_view last = slash == std::string_view::npos ? full : full.substr(slash + 1);
    // A child is "<parent>/<name>_<id hex>"; a top-level window is named by its title.
    const bool child = slash != std::string_view::npos && last.size() > name.size() &&
                       last.substr(0, name.size()) == name && last[name.size()] == '_';
    const bool top = slash == std::string_view::npos && full.substr(0, name.size()) == name;
    if (child || top) return ScreenRect{w->Pos, ImVec2(w->Pos.x + w->Size.x, w->Pos.y + w->Size.y)};
  }
  return std::nullopt;
}

ScreenRect GuiDriver::panel(std::string_view name) const {
  const std::optional<ScreenRect> r = window(name);
  INFO("no window or panel named " << name);
  REQUIRE(r);
  return *r;
}

ScreenRect GuiDriver::status_line() const {
  return {ImVec2(0, panel("detail").max.y),
          ImVec2(static_cast<float>(options_.width), static_cast<float>(options_.height))};
}

ImVec2 GuiDriver::right_of(std::string_view text, std::optional<ScreenRect> within) const {
  const std::optional<ScreenRect> r = find_text(text, within);
  INFO("looking for \"" << text << "\" in:\n" << visible_text(within));
  REQUIRE(r);
  const float right = within ? within->max.x : static_cast<float>(options_.width);
  return ImVec2((r->max.x + right) / 2, r->center().y);
}

void GuiDriver::click_text(std::string_view text, std::optional<ScreenRect> within, std::size_t nth) {
  const std::optional<ScreenRect> r = find_text(text, within, nth);
  INFO("looking for \"" << text << "\" (occurrence " << nth << ") in:\n" << visible_text(within));
  REQUIRE(r);
  click(r->center());
}

std::optional<ui::OffscreenImage> GuiDriver::pixels(std::string& error) {
  renderer_->submit();
  return renderer_->read_pixels(error);
}

void GuiDriver::save_png(const std::string& path) {
  std::string error;
  const std::optional<ui::OffscreenImage> image = pixels(error);
  INFO(error);
  REQUIRE(image);
  const std::string written = write_png(path, *image);
  INFO(written);
  REQUIRE(written.empty());
}

}  // namespace indtrack::test
