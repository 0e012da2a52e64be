// EGL surfaceless context, offscreen ImGui rendering into a framebuffer object, PNG writing.
#include "ui/host/offscreen.h"

#include <glad/gl.h>  // before any other GL header

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "io/file_io.h"
#include "io/png_writer.h"
#include "ui/host/theme.h"

namespace indtrack::ui {

namespace {

constexpr int kMaxAtlasRetries = 4;  // frames redrawn because they brought new characters

GLADapiproc egl_proc(const char* name) { return reinterpret_cast<GLADapiproc>(eglGetProcAddress(name)); }

std::string egl_error(const char* what) {
  char buffer[96];
  std::snprintf(buffer, sizeof buffer, "%s failed (EGL error 0x%04X)", what,
                static_cast<unsigned>(eglGetError()));
  return buffer;
}

// A framebuffer object with one RGBA8 colour renderbuffer; restores the previous binding when done.
class Framebuffer {
 public:
  Framebuffer(int width, int height) {
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous_);
    glGenFramebuffers(1, &fbo_);
    glGenRenderbuffers(1, &color_);
    glBindRenderbuffer(GL_RENDERBUFFER, color_);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color_);
    complete_ = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
  }
  ~Framebuffer() {
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous_));
    glDeleteRenderbuffers(1, &color_);
    glDeleteFramebuffers(1, &fbo_);
  }
  Framebuffer(const Framebuffer&) = delete;
  Framebuffer& operator=(const Framebuffer&) = delete;
  bool complete() const { return complete_; }
  void bind() const { glBindFramebuffer(GL_FRAMEBUFFER, fbo_); }

 private:
  GLint previous_ = 0;
  GLuint fbo_ = 0, color_ = 0;
  bool complete_ = false;
};

void upload_font_texture() {
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
}

}  // namespace

std::unique_ptr<OffscreenGlContext> OffscreenGlContext::create(std::string& error) {
  // eglGetPlatformDisplayEXT works with EGL 1.4 and 1.5 libraries alike.
  const auto get_platform_display =
      reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(eglGetProcAddress("eglGetPlatformDisplayEXT"));
  if (!get_platform_display) {
    error = "EGL has no eglGetPlatformDisplayEXT (EGL_EXT_platform_base)";
    return nullptr;
  }
  EGLDisplay display = get_platform_display(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
  EGLint major = 0, minor = 0;
  if (display == EGL_NO_DISPLAY || !eglInitialize(display, &major, &minor)) {
    error = egl_error("opening the surfaceless Mesa EGL display");
    return nullptr;
  }
  auto fail = [&](const char* what) {
    error = egl_error(what);
    eglTerminate(display);
    return nullptr;
  };
  if (!eglBindAPI(EGL_OPENGL_API)) return fail("eglBindAPI(OpenGL)");
  // EGL_SURFACE_TYPE defaults to EGL_WINDOW_BIT, which a surfaceless display never offers.
  const EGLint config_attributes[] = {EGL_SURFACE_TYPE, 0, EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_NONE};
  EGLConfig config = nullptr;
  EGLint configs = 0;
  if (!eglChooseConfig(display, config_attributes, &config, 1, &configs) || configs < 1)
    return fail("eglChooseConfig");
  const EGLint context_attributes[] = {EGL_CONTEXT_MAJOR_VERSION,
                                       3,
                                       EGL_CONTEXT_MINOR_VERSION,
                                       3,
                                       EGL_CONTEXT_OPENGL_PROFILE_MASK,
                                       EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
                                       EGL_NONE};
  EGLContext context = eglCreateContext(display, config, EGL_NO_CONTEXT, context_attributes);
  if (context == EGL_NO_CONTEXT) return fail("eglCreateContext(OpenGL 3.3 core)");
  if (!eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context)) {
    eglDestroyContext(display, context);
    return fail("eglMakeCurrent without a surface");
  }
  if (!gladLoadGL(egl_proc)) {
    eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    eglDestroyContext(display, context);
    eglTerminate(display);
    error = "cannot load OpenGL 3.3 functions through EGL";
    return nullptr;
  }
  std::unique_ptr<OffscreenGlContext> out(new OffscreenGlContext());
  out->display_ = display;
  out->context_ = context;
  return out;
}

OffscreenGlContext::~OffscreenGlContext() {
  eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
  eglDestroyContext(display_, context_);
  eglTerminate(display_);
}

struct OffscreenRenderer::State {
  explicit State(FontManager& f) : fonts(f) {}
  FontManager& fonts;
  float scale = 1;
  int pixel_width = 0, pixel_height = 0;
  std::optional<ImVec4> clear_colour;
  ImGuiContext* previous_context = nullptr;
  Palette previous_palette;
  GLint previous_viewport[4] = {};
  ImFontAtlas atlas;  // outlives `context`, which points to it
  ImGuiContext* context = nullptr;
  std::unique_ptr<Framebuffer> framebuffer;
  FontBuildReport built;
  int retries = 0;  // frames dropped for new characters
};

OffscreenRenderer::OffscreenRenderer(const OffscreenSpec& spec, FontManager& fonts) {
  const float scale = spec.scale;
  const int pixel_width = static_cast<int>(std::lround(spec.width * scale));
  const int pixel_height = static_cast<int>(std::lround(spec.height * scale));
  if (spec.width <= 0 || spec.height <= 0 || !(scale > 0) || pixel_width > kMaxImageSide ||
      pixel_height > kMaxImageSide) {
    error_ = "image size must be between 1 and " + std::to_string(kMaxImageSide) +
             " pixels per side (width × scale, height × scale)";
    return;
  }
  state_ = std::make_unique<State>(fonts);
  State& s = *state_;
  s.scale = scale;
  s.pixel_width = pixel_width;
  s.pixel_height = pixel_height;
  s.clear_colour = spec.clear_colour;
  s.previous_context = ImGui::GetCurrentContext();
  s.previous_palette = palette();
  glGetIntegerv(GL_VIEWPORT, s.previous_viewport);

  s.context = ImGui::CreateContext(&s.atlas);
  ImGui::SetCurrentContext(s.context);
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // the image must not depend on, or change, saved layouts
  io.LogFilename = nullptr;
  io.DisplaySize = ImVec2(static_cast<float>(spec.width), static_cast<float>(spec.height));
  io.DisplayFramebufferScale = ImVec2(scale, scale);
  io.DeltaTime = 1.0f / 60.0f;
  io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);  // no pointer: nothing hovered
  apply_theme(spec.theme, 1.0f);
  ImGui_ImplOpenGL3_Init("#version 330 core");
  s.framebuffer = std::make_unique<Framebuffer>(pixel_width, pixel_height);
  if (!s.framebuffer->complete())
    error_ = "cannot create a " + std::to_string(pixel_width) + "×" + std::to_string(pixel_height) +
             " framebuffer";
}

OffscreenRenderer::~OffscreenRenderer() {
  if (!state_) return;
  State& s = *state_;
  s.framebuffer.reset();  // rebinds the caller's framebuffer
  ImGui_ImplOpenGL3_Shutdown();
  ImGui::DestroyContext(s.context);
  ImGui::SetCurrentContext(s.previous_context);
  set_palette(s.previous_palette);
  glViewport(s.previous_viewport[0], s.previous_viewport[1], s.previous_viewport[2], s.previous_viewport[3]);
  if (s.previous_context) s.fonts.invalidate_build();  // the caller's atlas has another scale or set
}

const UiFonts& OffscreenRenderer::new_frame() {
  State& s = *state_;
  if (!s.built.fonts.body || s.fonts.needs_rebuild(s.scale)) {
    s.built = s.fonts.build(s.atlas, s.scale);  // glyphs rasterised at image resolution
    ImGuiIO& io = ImGui::GetIO();
    io.FontGlobalScale = 1.0f / s.scale;  // ... and laid out in UI pixels
    io.FontDefault = s.built.fonts.body;
    upload_font_texture();
  }
  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
  return s.built.fonts;
}

bool OffscreenRenderer::end_frame() {
  State& s = *state_;
  if (s.fonts.needs_rebuild(s.scale) && s.retries < kMaxAtlasRetries) {
    ImGui::EndFrame();  // drew with characters the atlas lacks: redraw after the rebuild
    ++s.retries;
    return false;
  }
  ImGui::Render();
  return true;
}

void OffscreenRenderer::submit() {
  State& s = *state_;
  s.framebuffer->bind();
  glViewport(0, 0, s.pixel_width, s.pixel_height);
  const ImVec4 bg = s.clear_colour.value_or(ImGui::GetStyle().Colors[ImGuiCol_WindowBg]);
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

std::optional<OffscreenImage> OffscreenRenderer::read_pixels(std::string& error) {
  State& s = *state_;
  OffscreenImage out;
  out.width = s.pixel_width;
  out.height = s.pixel_height;
  const std::size_t row = static_cast<std::size_t>(s.pixel_width) * 4;
  out.rgba.resize(row * static_cast<std::size_t>(s.pixel_height));
  s.framebuffer->bind();
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, s.pixel_width, s.pixel_height, GL_RGBA, GL_UNSIGNED_BYTE, out.rgba.data());
  // GL's first row is the bottom one: flip in place (a second image-sized buffer costs more
  // in page faults than the copy).
  std::vector<unsigned char> swap_row(row);
  for (int y = 0; y < s.pixel_height / 2; ++y) {
    unsigned char* top = out.rgba.data() + static_cast<std::size_t>(y) * row;
    unsigned char* bottom = out.rgba.data() + static_cast<std::size_t>(s.pixel_height - 1 - y) * row;
    std::memcpy(swap_row.data(), top, row);
    std::memcpy(top, bottom, row);
    std::memcpy(bottom, swap_row.data(), row);
  }
  if (glGetError() != GL_NO_ERROR) {
    error = "reading the rendered pixels failed";
    return std::nullopt;
  }
  return out;
}

std::optional<OffscreenImage> render_imgui_offscreen(const OffscreenSpec& spec, FontManager& fonts,
                                                     const std::function<void(const OffscreenFrame&)>& draw,
                                                     std::string& error) {
  OffscreenRenderer renderer(spec, fonts);
  if (!renderer.error().empty()) {
    error = renderer.error();
    return std::nullopt;
  }
  const int frames = std::max(1, spec.settle_frames);
  for (int drawn = 0; drawn < frames;) {
    const UiFonts& built = renderer.new_frame();
    draw(OffscreenFrame{built, drawn});
    if (!renderer.end_frame()) continue;
    renderer.submit();
    ++drawn;
  }
  return renderer.read_pixels(error);
}

}  // namespace indtrack::ui
