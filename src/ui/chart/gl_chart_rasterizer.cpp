// Exported charts painted by the ImDrawList painter through OpenGL (gl_chart_rasterizer.h).
#include "ui/chart/gl_chart_rasterizer.h"

#include "export/chart_export.h"
#include "ui/chart/chart_painter.h"
#include "ui/host/offscreen.h"

namespace indtrack::ui {

namespace {

class GlChartRasterizer final : public ChartRasterizer {
 public:
  GlChartRasterizer(const chart::FontSources& fonts, std::unique_ptr<OffscreenGlContext> context)
      : context_(std::move(context)), fonts_(fonts) {}

  std::optional<RgbaImage> rasterize(const PreparedChart& chart, std::string& error) override {
    request_scene_text(chart.scene, fonts_, chart.scale);
    OffscreenSpec spec;
    spec.width = chart.width;
    spec.height = chart.height;
    spec.scale = chart.scale;
    spec.settle_frames = 1;  // a scene has no widgets to settle
    spec.theme = chart.dark ? Theme::Dark : Theme::Light;
    const chart::Rgba bg = chart.scene.background;
    spec.clear_colour =
        ImVec4(bg.r / 255.0f, bg.g / 255.0f, bg.b / 255.0f, 1.0f);  // the scene's, not painted again
    return render_imgui_offscreen(
        spec, fonts_,
        [&](const OffscreenFrame& frame) {
          paint_scene(
              {ImGui::GetBackgroundDrawList(), ImVec2(0, 0), ImGui::GetIO().DisplayFramebufferScale.x, true},
              chart.scene, frame.fonts, fonts_);
        },
        error);
  }

 private:
  std::unique_ptr<OffscreenGlContext> context_;  // null: the caller's context is current
  FontManager fonts_;                            // chart text only
};

}  // namespace

std::unique_ptr<ChartRasterizer> make_gl_chart_rasterizer(const chart::FontSources& fonts, std::string&) {
  return std::make_unique<GlChartRasterizer>(fonts, nullptr);
}

std::unique_ptr<ChartRasterizer> make_offscreen_chart_rasterizer(const chart::FontSources& fonts,
                                                                 std::string& error) {
  std::unique_ptr<OffscreenGlContext> context = OffscreenGlContext::create(error);
  if (!context) {
    error = "cannot create an offscreen OpenGL context: " + error;
    return nullptr;
  }
  return std::make_unique<GlChartRasterizer>(fonts, std::move(context));
}

}  // namespace indtrack::ui
