// The KPI strip at the top of the chart area, for the projects the filter passes at the as-of
// date: projects by status, operating and under-construction capacity of the main products,
// total investment, and plan versus actual (share on time, median delay). Figures come from
// AppState::kpis() (recomputed on change, not per frame).
#include <algorithm>
#include <string>

#include "app_model/notice.h"
#include "chart/text_layout.h"
#include "core/units.h"
#include "ui/host/theme.h"
#include "ui/host/widgets.h"
#include "ui/panels.h"

namespace indtrack::ui {

namespace {

constexpr int kMaxProductCards = 3;  // the products with the largest design capacity

// Statuses in the order the bar and the legend show them (most advanced first).
constexpr Status kStatusOrder[] = {Status::Operating, Status::Trial,   Status::Construction, Status::Signed,
                                   Status::Announced, Status::Shelved, Status::Cancelled};

struct Card {
  ImVec2 min, max;
  float pad;
  std::string cut_texts;  // captions shortened to fit, shown whole in the card's tooltip
};

Card begin_card(float width, float height, float scale) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const ImVec2 q(p.x + width, p.y + height);
  dl->AddRectFilled(p, q, to_u32(palette().panel), 5 * scale);
  dl->AddRect(p, q, to_u32(palette().panel_border), 5 * scale);
  ImGui::Dummy(ImVec2(width, height));
  return {p, q, 10 * scale, {}};
}

// ImGui's widths in the current font, so chart::fit_text can shorten captions as drawn.
struct CurrentFontMeasure final : chart::TextMeasure {
  float width(std::string_view utf8, float size_px) const override {
    return ImGui::GetFont()->CalcTextSizeA(size_px, FLT_MAX, 0, utf8.data(), utf8.data() + utf8.size()).x;
  }
};

// `s` shortened with "…" to at most `max_width` pixels in the current font; `cut` says whether it was.
std::string fit_width(const std::string& s, float max_width, bool& cut) {
  std::string shown = chart::fit_text(CurrentFontMeasure{}, s, ImGui::GetFontSize(), max_width);
  cut = shown != s;
  return shown;
}

// The card's tooltip: `extra` (an explanation) and any caption that had to be shortened.
void card_tooltip(const Card& card, std::string_view extra = {}) {
  std::string text(extra);
  if (!card.cut_texts.empty()) text += (text.empty() ? "" : "\n\n") + card.cut_texts;
  tooltip(text);
}

// A large figure with a small unit after it, on the card's first line; returns the line's bottom.
float figure(PanelContext& c, Card& card, const std::string& value, const std::string& unit) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  c.fonts.request_large_text(value);
  ImFont* big = c.font.large ? c.font.large : ImGui::GetFont();
  const float big_size = big->FontSize * ImGui::GetIO().FontGlobalScale;
  const ImVec2 at(card.min.x + card.pad, card.min.y + card.pad * 0.5f);
  dl->AddText(big, big_size, at, to_u32(palette().text), value.c_str());
  const float value_width = big->CalcTextSizeA(big_size, FLT_MAX, 0, value.c_str()).x;
  c.fonts.request_text(unit);
  if (!unit.empty()) {
    const float unit_x = at.x + value_width + 4 * c.scale;
    bool cut = false;
    const std::string shown = fit_width(unit, card.max.x - card.pad * 0.5f - unit_x, cut);
    if (cut) card.cut_texts += (card.cut_texts.empty() ? "" : "\n") + value + " " + unit;
    dl->AddText(ImVec2(unit_x, at.y + big_size - ImGui::GetFontSize() - 2 * c.scale),
                to_u32(palette().text_dim), shown.c_str());
  }
  return at.y + big_size;
}

void caption(PanelContext& c, Card& card, float y, const ImVec4& color, const std::string& s) {
  c.fonts.request_text(s);
  c.fonts.request_text("…");
  bool cut = false;
  const std::string shown = fit_width(s, card.max.x - card.pad * 0.5f - (card.min.x + card.pad), cut);
  if (cut) card.cut_texts += (card.cut_texts.empty() ? "" : "\n") + s;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(card.min, ImVec2(card.max.x - card.pad * 0.5f, card.max.y), true);
  dl->AddText(ImVec2(card.min.x + card.pad, y), to_u32(color), shown.c_str());
  dl->PopClipRect();
}

std::string amount_value(double canonical, Dimension d) {
  return format_number(display_amount(canonical, d).value, 2);
}

std::string amount_unit(double canonical, Dimension d, bool english) {
  const DisplayAmount a = display_amount(canonical, d);
  return std::string(english ? a.unit_en : a.unit);
}

void projects_card(PanelContext& c, const KpiSummary& k, float width, float height) {
  const Language language = frame_language();
  Card card = begin_card(width, height, c.scale);
  float y = figure(c, card, std::to_string(k.projects), tr(Str::KpiProjects));
  // Status mix: a stacked bar, then the counts.
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float bar_x0 = card.min.x + card.pad, bar_x1 = card.max.x - card.pad;
  const float bar_h = 6 * c.scale;
  y += 4 * c.scale;
  float x = bar_x0;
  for (Status s : kStatusOrder) {
    const int n = k.by_status[static_cast<std::size_t>(s)];
    if (n <= 0 || k.projects <= 0) continue;
    const float w = (bar_x1 - bar_x0) * static_cast<float>(n) / static_cast<float>(k.projects);
    dl->AddRectFilled(ImVec2(x, y), ImVec2(x + w, y + bar_h), to_u32(status_color(s)));
    x += w;
  }
  if (k.projects == 0)
    dl->AddRectFilled(ImVec2(bar_x0, y), ImVec2(bar_x1, y + bar_h), to_u32(palette().panel_border));
  y += bar_h + 3 * c.scale;
  // The legend, wrapped onto a second line when the card is narrow.
  float lx = bar_x0;
  const float gap = 8 * c.scale;
  dl->PushClipRect(card.min, ImVec2(card.max.x - card.pad * 0.5f, card.max.y), true);
  for (Status s : kStatusOrder) {
    const int n = k.by_status[static_cast<std::size_t>(s)];
    if (n <= 0) continue;
    std::string item(label(s, language));
    item += ' ';
    item += std::to_string(n);
    const float swatch = ImGui::GetTextLineHeight() * 0.45f;
    const float w = swatch + 4 * c.scale + ImGui::CalcTextSize(item.c_str()).x;
    if (lx > bar_x0 && lx + w > bar_x1) {
      lx = bar_x0;
      y += ImGui::GetTextLineHeight();
    }
    const float sy = y + (ImGui::GetTextLineHeight() - swatch) * 0.5f;
    dl->AddRectFilled(ImVec2(lx, sy), ImVec2(lx + swatch, sy + swatch), to_u32(status_color(s)));
    dl->AddText(ImVec2(lx + swatch + 4 * c.scale, y), to_u32(palette().text_dim), item.c_str());
    lx += w + gap;
  }
  dl->PopClipRect();
}

void product_card(PanelContext& c, const Dataset& data, const KpiSummary::ProductCapacity& p, float width,
                  float height) {
  const bool english = frame_language() == Language::English;
  Card card = begin_card(width, height, c.scale);
  const Dimension d = Dimension::MassPerYear;
  const float y = figure(c, card, amount_value(p.operating, d), amount_unit(p.operating, d, english));
  const std::string& product = name_of(data.products[static_cast<std::size_t>(p.product)], frame_language());
  caption(c, card, y + 2 * c.scale, palette().text_dim, fill(tr(Str::KpiOperatingFmt), {product}));
  // Same unit as the figure above, so only the numbers.
  const std::string more = fill(tr(Str::KpiConstructionFmt), {amount_value(p.construction, d)}) + " · " +
                           fill(tr(Str::KpiDesignFmt), {amount_value(p.designed, d)});
  caption(c, card, y + 4 * c.scale + ImGui::GetTextLineHeight(), palette().text_dim, more);
  card_tooltip(card);
}

// Plan versus actual: the share of due milestones done by their first announced date (a range:
// undetermined ones could go either way) and the median delay.
void slippage_card(PanelContext& c, const KpiSummary& k, float width, float height) {
  Card card = begin_card(width, height, c.scale);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  c.fonts.request_text(tr(Str::KpiSlippage));
  dl->AddText(ImVec2(card.min.x + card.pad, card.min.y + card.pad * 0.5f), to_u32(palette().text),
              tr(Str::KpiSlippage));
  const float line = ImGui::GetTextLineHeight();
  const float y = card.min.y + card.pad * 0.5f + line + 4 * c.scale;
  caption(c, card, y, palette().warning, k.slip_on_time.empty() ? tr(Str::KpiSlippageNone) : k.slip_on_time);
  if (!k.slip_median_delay.empty())
    caption(c, card, y + line + 2 * c.scale, palette().text_dim, k.slip_median_delay);
  card_tooltip(card, tr(Str::KpiSlippageTip));
}

void investment_card(PanelContext& c, const KpiSummary& k, float width, float height) {
  const bool english = frame_language() == Language::English;
  Card card = begin_card(width, height, c.scale);
  const Dimension d = Dimension::Money;
  const float y =
      figure(c, card, amount_value(k.total_investment, d), amount_unit(k.total_investment, d, english));
  caption(c, card, y + 2 * c.scale, palette().text_dim, tr(Str::KpiInvestment));
  caption(c, card, y + 4 * c.scale + ImGui::GetTextLineHeight(), palette().text_dim,
          fill(tr(Str::KpiInvestmentCountFmt), {std::to_string(k.projects_with_investment)}));
  card_tooltip(card);
}

}  // namespace

void draw_kpi_strip(PanelContext& c) {
  AppState& app = c.app;
  app.refresh();
  if (!app.dataset) return;
  const KpiSummary& k = app.kpis();
  const Date as_of = app.filter().as_of ? *app.filter().as_of : today();
  panel_title(fill(tr(Str::AsOfFmt), {as_of.to_string()}),
              fill(tr(Str::KpiSourcesFmt), {std::to_string(k.sources), std::to_string(k.articles)}));

  const int products = std::min<int>(kMaxProductCards, static_cast<int>(k.products.size()));
  const int cards = 3 + products;
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float avail = ImGui::GetContentRegionAvail().x;
  // The projects card is wider: it carries the status legend.
  const float unit = (avail - spacing * static_cast<float>(cards - 1)) / (static_cast<float>(cards) + 1.2f);
  const float height = std::max(ImGui::GetContentRegionAvail().y - ImGui::GetStyle().WindowPadding.y * 0.5f,
                                ImGui::GetTextLineHeight() * 3);
  const float card_h = std::min(height, 94 * c.scale);
  projects_card(c, k, unit * 1.8f, card_h);
  for (int i = 0; i < products; ++i) {
    ImGui::SameLine();
    product_card(c, *app.dataset, k.products[static_cast<std::size_t>(i)], unit, card_h);
  }
  ImGui::SameLine();
  investment_card(c, k, unit, card_h);
  ImGui::SameLine();
  slippage_card(c, k, unit * 1.4f, card_h);
}

}  // namespace indtrack::ui
