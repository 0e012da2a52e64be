// The article a citation opens (article_window.h).
#include "ui/article_window.h"

#include <imgui.h>

#include <algorithm>

#include "app_model/format.h"
#include "ui/host/theme.h"
#include "ui/host/widgets.h"

namespace indtrack::ui {

void ArticleWindow::draw(PanelContext& c) {
  ArticleView& view = c.app.article;
  const Dataset* data = c.app.shown();
  if (!view.open() || !data || view.source >= static_cast<int>(data->sources.size())) {
    drawn_ = {};
    return;
  }
  const Source& s = data->sources[static_cast<std::size_t>(view.source)];
  ImGui::SetNextWindowSize(ImVec2(640 * c.scale, 520 * c.scale), ImGuiCond_FirstUseEver);
  const std::string title = std::string(tr(Str::ArticleTitle)) + " · " + s.title + "###article";
  c.fonts.request_text(title);
  bool open = true;
  if (ImGui::Begin(title.c_str(), &open)) {
    close_on_escape(open);
    const bool english = c.app.language() == Language::English;
    text_wrapped_colored(palette().text_dim, publisher_text(s, english) + " · " + s.date.to_string());
    if (!s.url.empty()) {
      ImGui::AlignTextToFramePadding();
      text_colored(palette().text_dim, std::string(tr(Str::Address)) + ":");
      ImGui::SameLine();
      if (ImGui::SmallButton(tr(Str::CopyAddress))) {
        ImGui::SetClipboardText(s.url.c_str());
        copied_ = s.url;
      }
      if (copied_ == s.url) {
        ImGui::SameLine();
        text_colored(palette().actual, tr(Str::Copied));
      }
      text_wrapped_colored(palette().accent, s.url);
    }
    if (!view.quote.empty()) {
      if (view.span || s.text.empty())
        text_wrapped_colored(palette().quote,
                             std::string(tr(Str::ArticleQuoteLabel)) + ": " + format_quote(view.quote));
      else
        text_wrapped_colored(palette().warning, tr(Str::ArticleQuoteNotFound));
    }
    ImGui::Separator();
    if (s.text.empty()) {
      text_wrapped_colored(palette().warning, tr(Str::ArticleNoText));
      drawn_ = {};
    } else {
      ImGui::BeginChild("##article-text", ImVec2(0, 0), false);
      draw_text(c, s.text);
      ImGui::EndChild();
    }
  }
  ImGui::End();
  if (!open) view.source = -1;
}

void ArticleWindow::draw_text(PanelContext& c, const std::string& text) {
  const ArticleView& view = c.app.article;
  ImFont* font = ImGui::GetFont();
  const float font_size = ImGui::GetFontSize();
  const float width = std::max(ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize, 1.0f);
  const float line_h = ImGui::GetTextLineHeightWithSpacing() + 2 * c.scale;
  const Key key{view.source, text.size(), width, font_size, generation_};
  if (!(key_ == key)) {
    key_ = key;
    // Characters new to the atlas have their widths only after the next frame's rebuild: lay
    // out again then, or the highlight drifts off its glyphs.
    if (c.fonts.request_text(text)) ++generation_;
    const float to_pixels = font_size / font->FontSize;
    layout_ = layout_text(text, width, line_h, line_h * 0.5f, [&](char32_t cp) {
      return font->GetCharAdvance(static_cast<ImWchar>(cp <= 0xFFFF ? cp : 0xFFFD)) * to_pixels;
    });
  }
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const std::optional<ByteSpan> span = view.span;
  auto in_span = [&](const LaidGlyph& g) { return span && g.byte >= span->begin && g.byte < span->end; };
  if (span && scrolled_serial_ != view.serial && key_.generation == generation_) {
    scrolled_serial_ = view.serial;
    for (const LaidLine& line : layout_.lines) {
      if (line.first < line.end && layout_.glyphs[line.end - 1].byte >= span->begin) {
        ImGui::SetScrollY(std::max(0.0f, ImGui::GetCursorPosY() + line.y - ImGui::GetWindowHeight() * 0.3f));
        break;
      }
    }
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 clip_min = dl->GetClipRectMin(), clip_max = dl->GetClipRectMax();
  const float text_y = (line_h - font_size) * 0.5f;
  drawn_ = {};
  ImVec4 mark = palette().accent;
  mark.w = 0.35f;
  for (const LaidLine& line : layout_.lines) {
    const float y = origin.y + line.y;
    if (y + line_h < clip_min.y || y > clip_max.y || line.first == line.end) continue;
    // The sentence's background, one rectangle per line it covers.
    std::size_t g = line.first;
    while (g < line.end && !in_span(layout_.glyphs[g])) ++g;
    if (g < line.end) {
      std::size_t e = g;
      while (e < line.end && in_span(layout_.glyphs[e])) ++e;
      const float x0 = origin.x + layout_.glyphs[g].x;
      const float x1 = origin.x + layout_.glyphs[e - 1].x + layout_.glyphs[e - 1].width;
      dl->AddRectFilled(ImVec2(x0, y), ImVec2(x1, y + line_h - 1), to_u32(mark), 2 * c.scale);
      if (!drawn_.highlight_visible) drawn_.top = y;
      drawn_.highlight_visible = true;
      drawn_.bottom = y + line_h;
    }
    draw_laid_line(dl, font, font_size, layout_, line, ImVec2(origin.x, y + text_y), text,
                   to_u32(palette().text));
  }
  ImGui::Dummy(ImVec2(std::max(layout_.width, 1.0f), std::max(layout_.height, 1.0f)));
}

}  // namespace indtrack::ui
