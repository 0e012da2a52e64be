// A steady frame of the whole dashboard (menu, filter bar, KPI strip, chart, project table,
// notices, detail, status line) when nothing changes, opened offscreen exactly as `indtrack
// screenshot` opens it (a Session, an EGL surfaceless GL context, 1600×900 UI pixels at scale 1,
// Chinese, dark theme, default filter), on the bundled data and on synthetic 1k / 10k / 100k
// projects, for each chart tab, with the pointer away and hovering the chart (a tooltip).
//
// Per frame, on the UI thread (CLOCK_THREAD_CPUTIME_ID), medians over the measured frames:
//   ui_ms       NewFrame → Dashboard::draw → ImGui::Render (layout and ImDrawList painting)
//   submit_ms   clear + ImGui_ImplOpenGL3_RenderDrawData (on llvmpipe this includes the driver's
//               vertex work and binning, which a real GPU's driver does not do on this thread)
//   frame_ms    ui_ms + submit_ms: the "steady frame, CPU"
//   raster_ms   CPU time of the process's other threads until glFinish returns: llvmpipe
//               rasterising (a GPU's work on a real machine)
// Google Benchmark's own columns: real time = one whole frame including glFinish; CPU time = the
// UI thread's CPU over that frame. Every measured frame must be steady: a frame that rebuilds the
// chart data, the timeline index, the scene, its paint list or the font atlas, or changes
// AppState's revision, fails the benchmark (caching is part of what is measured).
//
// Targets: issue 8 < 2 ms bundled, < 6 ms at 100k; issue 5 < 2 ms / < 8 ms (layout + paint).
#include <benchmark/benchmark.h>

#include <glad/gl.h>  // before any other GL header
#include <imgui.h>
#include <imgui_internal.h>  // the filter bar's header state (set_company_list_open)
#include <time.h>

#include <algorithm>
#include <cfloat>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bench_data.h"
#include "chart_kinds/chart_kinds.h"
#include "io/data_paths.h"
#include "ui/chart/chart_painter.h"
#include "ui/host/offscreen.h"
#include "ui/session.h"

using namespace indtrack;
using namespace indtrack::ui;

namespace {

constexpr int kMaxSettleFrames = 60;    // frames drawn before giving up on a steady state
constexpr int kSteadyFramesNeeded = 3;  // consecutive unchanged frames before measuring

double seconds_of(clockid_t clock) {
  timespec t{};
  clock_gettime(clock, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// One opened dashboard: the session and its offscreen renderer (an ImGui context of its own).
// Kept across the benchmarks of one dataset, as one running window switches tabs.
struct OpenDashboard {
  int projects = -1;  // 0: the bundled data
  std::unique_ptr<Session> session;
  std::unique_ptr<OffscreenRenderer> renderer;  // declared after `session`: destroyed first

  // What a frame may not change when nothing happens.
  struct Fingerprint {
    int data = 0, index = 0, scene = 0, paint_list = 0;
    std::uint64_t revision = 0;
    bool operator==(const Fingerprint&) const = default;
  };
  Fingerprint fingerprint() const {
    const ChartPanel::Rebuilds& r = session->charts.rebuilds();
    return {r.data, r.index, r.scene, r.paint_list, session->app.revision()};
  }

  struct Frame {
    bool steady = false;                    // drawn and kept, nothing rebuilt
    double ui = 0, submit = 0, raster = 0;  // seconds
    int vertices = 0, draw_calls = 0;       // of the frame's draw data
  };

  Frame draw_frame() {
    Frame f;
    const Fingerprint before = fingerprint();
    const bool atlas_rebuild = session->fonts.needs_rebuild(1.0f);
    const double thread0 = seconds_of(CLOCK_THREAD_CPUTIME_ID);
    const double process0 = seconds_of(CLOCK_PROCESS_CPUTIME_ID);
    const UiFonts& fonts = renderer->new_frame();
    session->dashboard.draw(1.0f, fonts);
    const bool kept = renderer->end_frame();
    const double thread1 = seconds_of(CLOCK_THREAD_CPUTIME_ID);
    if (kept) renderer->submit();
    const double thread2 = seconds_of(CLOCK_THREAD_CPUTIME_ID);
    glFinish();
    const double thread3 = seconds_of(CLOCK_THREAD_CPUTIME_ID);
    const double process3 = seconds_of(CLOCK_PROCESS_CPUTIME_ID);
    f.ui = thread1 - thread0;
    f.submit = thread2 - thread1;
    f.raster = (process3 - process0) - (thread3 - thread0);
    if (kept) {
      const ImDrawData* data = ImGui::GetDrawData();
      f.vertices = data->TotalVtxCount;
      for (int i = 0; i < data->CmdListsCount; ++i) f.draw_calls += data->CmdLists[i]->CmdBuffer.Size;
    }
    f.steady = kept && !atlas_rebuild && fingerprint() == before;
    return f;
  }

  // Draws until kSteadyFramesNeeded frames in a row change nothing; false if that never happens.
  bool settle() {
    int steady = 0;
    for (int i = 0; i < kMaxSettleFrames && steady < kSteadyFramesNeeded; ++i)
      steady = draw_frame().steady ? steady + 1 : 0;
    return steady >= kSteadyFramesNeeded;
  }
};

std::unique_ptr<OpenDashboard> g_dashboard;

// The dashboard on `projects` (0: bundled), opened as `indtrack screenshot` opens it; nullptr
// with `error` set when that fails.
OpenDashboard* open_dashboard(int projects, std::string& error) {
  if (g_dashboard && g_dashboard->projects == projects) return g_dashboard.get();
  g_dashboard.reset();  // one dataset in memory at a time (100k: ~1 GB)
  auto d = std::make_unique<OpenDashboard>();
  d->projects = projects;
  Settings settings;  // defaults, as the screenshot: Chinese, dark, no stored filter
  d->session = std::make_unique<Session>(settings);
  const std::string path = projects == 0 ? default_dataset_path() : bench::synthetic_file(projects);
  if (!d->session->open_initial_dataset(path)) {
    error = "cannot load " + path;
    return nullptr;
  }
  d->session->app.selected_project = -1;  // the first row, as the screenshot does
  d->session->app.refresh();
  OffscreenSpec spec;  // 1600 × 900 at scale 1, the screenshot's defaults
  spec.theme = settings.theme;
  d->renderer = std::make_unique<OffscreenRenderer>(spec, d->session->fonts);
  if (!d->renderer->error().empty()) {
    error = d->renderer->error();
    return nullptr;
  }
  g_dashboard = std::move(d);
  return g_dashboard.get();
}

// A point over a data element of the chart drawn last (screen coordinates): the hit nearest the
// plot's centre, scanning the plot every 4 px.
std::optional<ImVec2> hover_point(const ChartPanel& charts, ChartKind kind) {
  const chart::Scene* scene = charts.last_scene(kind);
  if (!scene) return std::nullopt;
  const chart::RectF& plot = scene->axes.plot;
  const float cx = (plot.x0 + plot.x1) / 2, cy = (plot.y0 + plot.y1) / 2;
  std::optional<ImVec2> best;
  float best_distance = FLT_MAX;
  for (float y = plot.y0 + 1; y < plot.y1; y += 4) {
    for (float x = plot.x0 + 1; x < plot.x1; x += 4) {
      const auto hit = chart::hit_test(*scene, x, y, 3);
      if (!hit || hit->id.kind == chart::HitKind::LegendEntry ||
          hit->id.kind == chart::HitKind::TimelineGroup)
        continue;
      const float distance = std::hypot(x - cx, y - cy);
      if (distance < best_distance) {
        best_distance = distance;
        best = ImVec2(charts.last_origin().x + x, charts.last_origin().y + y);
      }
    }
  }
  return best;
}

// Opens or closes the filter bar's company list (collapsed by default; a user opens it to pick
// companies) through the header's state in ImGui's storage, as a click on it would.
bool set_company_list_open(bool open) {
  for (ImGuiWindow* w : GImGui->Windows) {
    if (std::string_view(w->Name).find("/filter-bar_") == std::string_view::npos) continue;
    w->StateStorage.SetInt(w->GetID("###companies"), open ? 1 : 0);
    return true;
  }
  return false;
}

// What the user does while the frames are measured: nothing, hover the chart, or nothing with
// the company list open.
enum class Pose { Idle, Hover, CompanyList };

void steady_frame(benchmark::State& state, int projects, ChartKind kind, Pose pose) {
  std::string error;
  OpenDashboard* d = open_dashboard(projects, error);
  if (!d) {
    state.SkipWithError(error.c_str());
    return;
  }
  ImGuiIO& io = ImGui::GetIO();  // the renderer's context
  io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  d->session->charts.set_active(kind);
  if (!d->settle()) {
    state.SkipWithError("the dashboard never reached a steady frame (something is rebuilt every frame)");
    return;
  }
  if (pose == Pose::CompanyList) {
    if (!set_company_list_open(true) || !d->settle()) {
      state.SkipWithError("cannot open the company list to a steady frame");
      return;
    }
  }
  if (pose == Pose::Hover) {
    const std::optional<ImVec2> at = hover_point(d->session->charts, kind);
    if (!at) {
      state.SkipWithError("no chart element to hover");
      return;
    }
    io.MousePos = *at;
    if (!d->settle()) {
      state.SkipWithError("hovering the chart never reached a steady frame");
      return;
    }
  }

  std::vector<double> ui, submit, frame, raster;
  int vertices = 0, draw_calls = 0;
  for (auto _ : state) {
    const OpenDashboard::Frame f = d->draw_frame();
    if (!f.steady) {
      state.SkipWithError(
          "a steady frame rebuilt chart data, the timeline index, the scene, its paint list or the atlas");
      break;
    }
    ui.push_back(f.ui * 1e3);
    submit.push_back(f.submit * 1e3);
    frame.push_back((f.ui + f.submit) * 1e3);
    raster.push_back(f.raster * 1e3);
    vertices = f.vertices;
    draw_calls = f.draw_calls;
  }
  state.counters["frame_ms"] = median(frame);
  state.counters["ui_ms"] = median(ui);
  state.counters["submit_ms"] = median(submit);
  state.counters["raster_ms"] = median(raster);
  state.counters["vertices"] = vertices;
  state.counters["draw_calls"] = draw_calls;
  if (const chart::Scene* scene = d->session->charts.last_scene(kind)) {
    state.counters["primitives"] = static_cast<double>(scene->size());
    const ChartCanvas canvas{nullptr, d->session->charts.last_origin(), 1.0f};
    state.counters["painted"] = static_cast<double>(primitives_to_paint(*scene, canvas).size());
  }
  state.counters["projects"] = static_cast<double>(d->session->app.dataset->projects.size());
  io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  set_company_list_open(false);
}

// A filter change as the user makes it in the filter bar: the frame after it re-derives the
// table rows, KPIs, facet counts and plan-vs-actual (AppState::refresh) and the shown chart's
// data and scene. Alternates between everything and one status (under construction), so each
// measured frame is a real change; `state` times that whole frame, UI thread and wall.
void filter_change_frame(benchmark::State& state, int projects, ChartKind kind) {
  std::string error;
  OpenDashboard* d = open_dashboard(projects, error);
  if (!d) {
    state.SkipWithError(error.c_str());
    return;
  }
  ImGui::GetIO().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  d->session->charts.set_active(kind);
  AppState& app = d->session->app;
  const FilterSpec everything = app.filter();
  FilterSpec building = everything;
  building.statuses = {Status::Construction};
  if (!d->settle()) {
    state.SkipWithError("the dashboard never reached a steady frame");
    return;
  }
  std::vector<double> ui, wall;
  bool narrow = true;
  std::size_t rows = 0;
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    const double thread0 = seconds_of(CLOCK_THREAD_CPUTIME_ID);
    app.set_filter(narrow ? building : everything);
    const OpenDashboard::Frame f = d->draw_frame();
    ui.push_back((seconds_of(CLOCK_THREAD_CPUTIME_ID) - thread0) * 1e3);
    wall.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    if (f.steady) {
      state.SkipWithError("a filter change rebuilt nothing: the measurement is not of a change");
      break;
    }
    rows += app.visible().size();
    narrow = !narrow;
  }
  app.set_filter(everything);
  d->settle();
  state.counters["change_ui_ms"] = median(ui);
  state.counters["change_wall_ms"] = median(wall);
  state.counters["rows"] =
      static_cast<double>(rows) / static_cast<double>(std::max<std::size_t>(1, ui.size()));
}

void register_benchmarks() {
  std::vector<int> datasets = {0};
  for (int n : bench::bench_sizes()) datasets.push_back(n);
  for (int projects : datasets) {
    const std::string prefix =
        "SteadyFrame/" + (projects == 0 ? std::string("bundled") : std::to_string(projects)) + "/";
    auto add = [&](ChartKind kind, Pose pose, const char* suffix) {
      const std::string name = prefix + std::string(chart_kind_id(kind)) + suffix;
      benchmark::RegisterBenchmark(name.c_str(),
                                   [=](benchmark::State& s) { steady_frame(s, projects, kind, pose); })
          ->UseRealTime()
          ->Unit(benchmark::kMillisecond);
    };
    for (ChartKind kind : kAllChartKinds) {
      add(kind, Pose::Idle, "");
      add(kind, Pose::Hover, "/hover");
    }
    add(ChartKind::Capacity, Pose::CompanyList, "/company-list");
    for (ChartKind kind : {ChartKind::Capacity, ChartKind::Timeline}) {
      const std::string name = "FilterChange/" +
                               (projects == 0 ? std::string("bundled") : std::to_string(projects)) + "/" +
                               std::string(chart_kind_id(kind));
      benchmark::RegisterBenchmark(name.c_str(),
                                   [=](benchmark::State& s) { filter_change_frame(s, projects, kind); })
          ->UseRealTime()
          ->Iterations(6)
          ->Unit(benchmark::kMillisecond);
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  std::string error;
  const std::unique_ptr<OffscreenGlContext> gl = OffscreenGlContext::create(error);
  if (!gl) {
    std::fprintf(stderr, "frame_bench: cannot create an offscreen OpenGL context: %s\n", error.c_str());
    return 1;
  }
  register_benchmarks();
  benchmark::RunSpecifiedBenchmarks();
  g_dashboard.reset();  // its ImGui context and GL objects before the GL context
  benchmark::Shutdown();
  return 0;
}
