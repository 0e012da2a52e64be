// EGL surfaceless context, offscreen ImGui rendering into a framebuffer object, PNG writing.
#include "ui/offscreen.h"

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
#include "ui/theme.h"

namespace indtrack::ui {

namespace {

constexpr int kMaxImageSide = 16384;  // pixels; GL renderbuffers are limited to about this
constexpr int kMaxAtlasRetries = 4;   // frames redrawn because they brought new characters

GLADapiproc egl_proc(const char* name) {
  return reinterpret_cast<GLADapiproc>(eglGetProcAddress(name));
}

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
  const auto get_platform_display = reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(
      eglGetProcAddress("eglGetPlatformDisplayEXT"));
  if (!get_platform_display) {
    error = "EGL has no eglGetPlatformDisplayEXT (EGL_EXT_platform_base)";
    return nullptr;
  }
  EGLDisplay display =
      get_platform_display(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
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
  const EGLint config_attributes[] = {EGL_SURFACE_TYPE, 0, EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT,
                                      EGL_NONE};
  EGLConfig config = nullptr;
  EGLint configs = 0;
  if (!eglChooseConfig(display, config_attributes, &config, 1, &configs) || configs < 1)
    return fail("eglChooseConfig");
  const EGLint context_attributes[] = {EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 3,
                                       EGL_CONTEXT_OPENGL_PROFILE_MASK,
                                       EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, EGL_NONE};
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

std::optional<OffscreenImage> render_imgui_offscreen(
    const OffscreenSpec& spec, FontManager& fonts,
    const std::function<void(const OffscreenFrame&)>& draw, std::string& error) {
  const float scale = spec.scale;
  const int pixel_width = static_cast<int>(std::lround(spec.width * scale));
  const int pixel_height = static_cast<int>(std::lround(spec.height * scale));
  if (spec.width <= 0 || spec.height <= 0 || !(scale > 0) || pixel_width > kMaxImageSide ||
      pixel_height > kMaxImageSide) {
    error = "image size must be between 1 and " + std::to_string(kMaxImageSide) +
            " pixels per side (width × scale, height × scale)";
    return std::nullopt;
  }

  ImGuiContext* previous_context = ImGui::GetCurrentContext();
  const Palette previous_palette = palette();
  GLint previous_viewport[4] = {};
  glGetIntegerv(GL_VIEWPORT, previous_viewport);

  ImFontAtlas atlas;
  ImGuiContext* context = ImGui::CreateContext(&atlas);
  ImGui::SetCurrentContext(context);
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // the image must not depend on, or change, saved layouts
  io.LogFilename = nullptr;
  io.DisplaySize = ImVec2(static_cast<float>(spec.width), static_cast<float>(spec.height));
  io.DisplayFramebufferScale = ImVec2(scale, scale);
  io.DeltaTime = 1.0f / 60.0f;
  io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);  // no pointer: nothing hovered
  apply_theme(spec.theme, 1.0f);
  ImGui_ImplOpenGL3_Init("#version 330 core");

  std::optional<OffscreenImage> image;
  {
    Framebuffer framebuffer(pixel_width, pixel_height);
    if (!framebuffer.complete()) {
      error = "cannot create a " + std::to_string(pixel_width) + "×" + std::to_string(pixel_height) +
              " framebuffer";
    } else {
      FontBuildReport built;
      int drawn = 0, retries = 0;
      const int frames = std::max(1, spec.settle_frames);
      while (drawn < frames) {
        if (!built.fonts.body || fonts.needs_rebuild(scale)) {
          built = fonts.build(atlas, scale);  // glyphs rasterised at image resolution
          io.FontGlobalScale = 1.0f / scale;  // ... and laid out in UI pixels
          io.FontDefault = built.fonts.body;
          upload_font_texture();
        }
        ImGui_ImplOpenGL3_NewFrame();
        ImGui::NewFrame();
        draw(OffscreenFrame{built.fonts, drawn});
        if (fonts.needs_rebuild(scale) && retries < kMaxAtlasRetries) {
          ImGui::EndFrame();  // drew with characters the atlas lacks: redraw after the rebuild
          ++retries;
          continue;
        }
        ImGui::Render();
        framebuffer.bind();
        glViewport(0, 0, pixel_width, pixel_height);
        const ImVec4 bg = spec.clear_colour.value_or(ImGui::GetStyle().Colors[ImGuiCol_WindowBg]);
        glClearColor(bg.x, bg.y, bg.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        ++drawn;
      }
      OffscreenImage out;
      out.width = pixel_width;
      out.height = pixel_height;
      const std::size_t row = static_cast<std::size_t>(pixel_width) * 4;
      out.rgba.resize(row * static_cast<std::size_t>(pixel_height));
      glPixelStorei(GL_PACK_ALIGNMENT, 1);
      glReadPixels(0, 0, pixel_width, pixel_height, GL_RGBA, GL_UNSIGNED_BYTE, out.rgba.data());
      // GL's first row is the bottom one: flip in place (a second image-sized buffer costs more
      // in page faults than the copy).
      std::vector<unsigned char> swap_row(row);
      for (int y = 0; y < pixel_height / 2; ++y) {
        unsigned char* top = out.rgba.data() + static_cast<std::size_t>(y) * row;
        unsigned char* bottom = out.rgba.data() + static_cast<std::size_t>(pixel_height - 1 - y) * row;
        std::memcpy(swap_row.data(), top, row);
        std::memcpy(top, bottom, row);
        std::memcpy(bottom, swap_row.data(), row);
      }
      if (glGetError() == GL_NO_ERROR)
        image = std::move(out);
      else
        error = "reading the rendered pixels failed";
    }
  }

  ImGui_ImplOpenGL3_Shutdown();
  ImGui::DestroyContext(context);
  ImGui::SetCurrentContext(previous_context);
  set_palette(previous_palette);
  glViewport(previous_viewport[0], previous_viewport[1], previous_viewport[2], previous_viewport[3]);
  if (previous_context) fonts.invalidate_build();  // the caller's atlas has another scale or set
  return image;
}

std::string write_png(const std::string& path, const OffscreenImage& image) {
  if (image.width <= 0 || image.height <= 0 ||
      image.rgba.size() != static_cast<std::size_t>(image.width) * image.height * 4)
    return "no image to write";
  // io/png_writer.h: about ten times faster than stb_image_write's encoder, similar sizes.
  const std::string encoded = encode_png(image.rgba.data(), image.width, image.height);
  if (encoded.empty()) return "cannot encode the PNG image";
  const WriteFileResult written = write_file_atomically(path, encoded);
  return written.ok ? std::string() : written.error;
}

}  // namespace indtrack::ui
