// The KPI strip at the top of the chart area, for the projects the filter passes at the as-of
// date: projects by status, the main products' capacity by category (the capacity chart's),
// total investment, and plan versus actual (share on time, median delay). Figures come from
// AppState::kpis() (recomputed on change, not per frame).
#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

#include <imgui_internal.h>

#include "app_model/notice.h"
#include "chart/text_layout.h"
#include "core/units.h"
#include "ui/host/theme.h"
#include "ui/host/widgets.h"
#include "ui/panels.h"

namespace indtrack::ui {

namespace {

KpiStripReport g_report;

constexpr int kMaxProductCards = 3;   // the products with the largest design capacity
constexpr float kMinCardWidth = 144;  // unscaled px: "1,330.4" in the large font and "kt/a"

// Statuses in the order the bar and the legend show them (most advanced first).
constexpr Status kStatusOrder[] = {Status::Operating, Status::Trial,   Status::Construction, Status::Signed,
                                   Status::Announced, Status::Shelved, Status::Cancelled};

struct Card {
  ImVec2 min, max;
  float pad;
  std::string cut_texts;  // captions shortened to fit, shown whole in the card's tooltip
};

Card begin_card(float width, float height, float scale) {
  ++g_report.cards;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const ImVec2 q(p.x + width, p.y + height);
  dl->AddRectFilled(p, q, to_u32(palette().panel), 5 * scale);
  dl->AddRect(p, q, to_u32(palette().panel_border), 5 * scale);
  ImGui::Dummy(ImVec2(width, height));
  return {p, q, 10 * scale, {}};
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
    const std::string shown = fit_to_width(unit, card.max.x - card.pad * 0.5f - unit_x, cut);
    if (cut) card.cut_texts += (card.cut_texts.empty() ? "" : "\n") + value + " " + unit;
    g_report.units_cut += cut;
    dl->AddText(ImVec2(unit_x, at.y + big_size - ImGui::GetFontSize() - 2 * c.scale),
                to_u32(palette().text_dim), shown.c_str());
  }
  return at.y + big_size;
}

void caption(PanelContext& c, Card& card, float y, const ImVec4& color, const std::string& s) {
  c.fonts.request_text(s);
  c.fonts.request_text("…");
  bool cut = false;
  const std::string shown = fit_to_width(s, card.max.x - card.pad * 0.5f - (card.min.x + card.pad), cut);
  if (cut) card.cut_texts += (card.cut_texts.empty() ? "" : "\n") + s;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(card.min, ImVec2(card.max.x - card.pad * 0.5f, card.max.y), true);
  dl->AddText(ImVec2(card.min.x + card.pad, y), to_u32(color), shown.c_str());
  dl->PopClipRect();
}

DisplayAmount amount(double canonical, Dimension d) {
  return frame_language() == Language::English ? english_text_amount(canonical, d)
                                               : display_amount(canonical, d);
}

std::string amount_value(double canonical, Dimension d) {
  // A card's figure is read at a glance: four significant figures at most ("1072", "107.2",
  // "69.20"), so a figure and its unit fit a card on a 1024 px window; the table and the charts
  // give the exact values.
  const double v = amount(canonical, d).value;
  const double magnitude = std::fabs(v);
  return format_number(v, magnitude >= 1000 ? 0 : magnitude >= 100 ? 1 : 2);
}

std::string amount_unit(double canonical, Dimension d, bool english) {
  const DisplayAmount a = amount(canonical, d);
  return std::string(english ? a.unit_en : a.unit);
}

// How many lines the status legend takes in `width` pixels (projects_card wraps it the same way).
int status_legend_lines(const KpiSummary& k, float width, float scale) {
  const Language language = frame_language();
  const float gap = 8 * scale, swatch = ImGui::GetTextLineHeight() * 0.45f;
  int lines = 1;
  float x = 0;
  for (Status s : kStatusOrder) {
    const int n = k.by_status[static_cast<std::size_t>(s)];
    if (n <= 0) continue;
    const std::string item = std::string(label(s, language)) + ' ' + std::to_string(n);
    const float w = swatch + 4 * scale + ImGui::CalcTextSize(item.c_str()).x;
    if (x > 0 && x + w > width) {
      ++lines;
      x = 0;
    }
    x += w + gap;
  }
  return lines;
}

// The cards in `avail` px: how many product cards, the width unit, the height. The projects card
// is wider (it carries the status legend), the plan-vs-actual card too; the others share one
// width. Cards keep a width their figures read at: on a narrow panel the product cards give way
// first (the capacity chart shows every product).
struct CardsGeometry {
  int products = 0;
  float unit = 0, height = 0;
};
CardsGeometry cards_geometry(const KpiSummary& k, float avail, float scale) {
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float min_unit = kMinCardWidth * scale;
  auto unit_for = [&](int products) {
    const int cards = 3 + products;
    return (avail - spacing * static_cast<float>(cards - 1)) / (static_cast<float>(cards) + 1.2f);
  };
  CardsGeometry g;
  g.products = std::min<int>(kMaxProductCards, static_cast<int>(k.products.size()));
  while (g.products > 0 && unit_for(g.products) < min_unit) --g.products;
  g.unit = unit_for(g.products);
  // Tall enough for every status of the legend, however many lines it wraps onto.
  const float lines = static_cast<float>(status_legend_lines(k, g.unit * 1.8f - 20 * scale, scale));
  g.height = std::max(94 * scale, 62 * scale + ImGui::GetTextLineHeight() * lines);
  return g;
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
    if (x > bar_x0)  // a separator in the card's colour, so neighbouring statuses never merge
      dl->AddRectFilled(ImVec2(x, y), ImVec2(x + std::max(1.0f, c.scale), y + bar_h),
                        to_u32(palette().panel));
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
    ++g_report.statuses;
    g_report.statuses_shown += y + ImGui::GetTextLineHeight() <= card.max.y + 0.5f;
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
  const float y = figure(c, card, amount_value(p.operating(), d), amount_unit(p.operating(), d, english));
  const std::string& product = name_of(data.products[static_cast<std::size_t>(p.product)], frame_language());
  caption(c, card, y + 2 * c.scale, palette().text_dim, fill(tr(Str::KpiOperatingFmt), {product}));
  // The other categories the capacity chart's column shows (same unit as the figure above, so
  // only the numbers), then the design total; the tooltip lists them all with the unit.
  std::string more, all;
  for (const CapacityCategory cat : kCapacityCategories) {
    if (p.at(cat) <= 0) continue;
    const std::string label(capacity_category_label(cat, english));
    if (cat != CapacityCategory::Operating) more += label + " " + amount_value(p.at(cat), d) + " · ";
    all += label + " " + amount_value(p.at(cat), d) + " " + amount_unit(p.at(cat), d, english) + "\n";
  }
  more += fill(tr(Str::KpiDesignFmt), {amount_value(p.designed, d)});
  all +=
      fill(tr(Str::KpiDesignFmt), {amount_value(p.designed, d) + " " + amount_unit(p.designed, d, english)});
  caption(c, card, y + 4 * c.scale + ImGui::GetTextLineHeight(), palette().text_dim, more);
  card_tooltip(card, all);
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

// ▾ / ▸ before the title: folds the cards to one line or opens them; true when clicked.
bool fold_toggle(bool open) {
  ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
  const float size = ImGui::GetFontSize();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  g_report.fold_toggle_centre = ImVec2(at.x + size * 0.5f, at.y + size * 0.5f);
  const bool clicked = ImGui::ArrowButtonEx("##kpi-fold", open ? ImGuiDir_Down : ImGuiDir_Right,
                                            ImVec2(size, size), ImGuiButtonFlags_None);
  ImGui::PopStyleColor();
  tooltip(tr(open ? Str::KpiFoldTip : Str::KpiOpenTip));
  return clicked;
}

// The folded cards: after the title, the figures a glance needs on the title's line (projects,
// total investment, plan versus actual); the tooltip has what the cards would show.
void folded_figures(PanelContext& c, const KpiSummary& k, const std::string& title,
                    const std::string& sources) {
  g_report.folded = true;
  const bool english = frame_language() == Language::English;
  const Dimension money = Dimension::Money;
  const std::string projects = fill(tr(Str::KpiFoldedProjectsFmt), {std::to_string(k.projects)});
  const std::string invested =
      amount_value(k.total_investment, money) + " " + amount_unit(k.total_investment, money, english);
  std::string figures = projects;
  if (k.total_investment > 0) figures += "  ·  " + fill(tr(Str::KpiFoldedInvestmentFmt), {invested});
  if (!k.slip_on_time.empty()) figures += "  ·  " + k.slip_on_time;
  c.fonts.request_text(figures);
  c.fonts.request_text("…");
  text_colored(palette().accent, title);
  ImGui::SameLine();
  bool cut = false;
  g_report.figures_shown = fit_to_width(figures, ImGui::GetContentRegionAvail().x, cut);
  text_colored(palette().text, g_report.figures_shown);
  if (!ImGui::IsItemHovered()) return;  // the hover's text, made only while it shows
  std::string details = title + "  " + sources + "\n\n" + projects;
  for (Status s : kStatusOrder) {
    const int n = k.by_status[static_cast<std::size_t>(s)];
    if (n > 0) details += "\n  " + std::string(label(s, frame_language())) + " " + std::to_string(n);
  }
  details += "\n\n" + std::string(tr(Str::KpiInvestment)) + " " + invested + "\n" +
             fill(tr(Str::KpiInvestmentCountFmt), {std::to_string(k.projects_with_investment)});
  details += "\n\n" + std::string(tr(Str::KpiSlippage)) + "\n" +
             (k.slip_on_time.empty() ? std::string(tr(Str::KpiSlippageNone)) : k.slip_on_time);
  if (!k.slip_median_delay.empty()) details += "\n" + k.slip_median_delay;
  tooltip_now(details);
}

}  // namespace

const KpiStripReport& last_kpi_strip() { return g_report; }

float kpi_cards_height(PanelContext& c, float width) {
  c.app.refresh();
  if (!c.app.dataset) return 0;
  return cards_geometry(c.app.kpis(), width, c.scale).height + ImGui::GetStyle().ItemSpacing.y;
}

void draw_kpi_strip(PanelContext& c, bool open) {
  g_report = {};
  AppState& app = c.app;
  app.refresh();
  if (!app.dataset) return;
  const KpiSummary& k = app.kpis();
  const Date as_of = app.filter().as_of ? *app.filter().as_of : today();
  const bool published = app.filter().clock == Clock::PublishedBy;
  const std::string title = fill(tr(published ? Str::AsPublishedByFmt : Str::AsOfFmt), {as_of.to_string()});
  const std::string sources =
      fill(tr(Str::KpiSourcesFmt), {std::to_string(k.sources), std::to_string(k.articles)});

  const CardsGeometry cards = cards_geometry(k, ImGui::GetContentRegionAvail().x, c.scale);
  if (fold_toggle(open)) app.settings.layout.kpi_cards_open = !open;
  ImGui::SameLine();
  if (!open) {
    folded_figures(c, k, title, sources);
    return;
  }
  panel_title(title, sources);

  const float height = std::max(ImGui::GetContentRegionAvail().y - ImGui::GetStyle().WindowPadding.y * 0.5f,
                                ImGui::GetTextLineHeight() * 3);
  const float card_h = std::min(height, cards.height);
  g_report.cards_height = cards.height + ImGui::GetStyle().ItemSpacing.y;
  const float unit = cards.unit;
  projects_card(c, k, unit * 1.8f, card_h);
  for (int i = 0; i < cards.products; ++i) {
    ImGui::SameLine();
    product_card(c, *app.shown(), k.products[static_cast<std::size_t>(i)], unit, card_h);
  }
  ImGui::SameLine();
  investment_card(c, k, unit, card_h);
  ImGui::SameLine();
  slippage_card(c, k, unit * 1.4f, card_h);
}

}  // namespace indtrack::ui
