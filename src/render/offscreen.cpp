#include "render/offscreen.hpp"

#include "core/error.hpp"

#include <EGL/egl.h>
#include <EGL/eglext.h>

#include <algorithm>
#include <cstring>

#if defined(__SANITIZE_ADDRESS__)
#include <dlfcn.h>
#include <link.h>
#endif

namespace sitmap::render {

HeadlessContext::HeadlessContext() {
    // Mesa's surfaceless platform needs neither X nor /dev/dri (llvmpipe software rendering).
    auto get_platform_display =
        reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(eglGetProcAddress("eglGetPlatformDisplayEXT"));
    EGLDisplay dpy = EGL_NO_DISPLAY;
    if (get_platform_display) dpy = get_platform_display(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
    if (dpy == EGL_NO_DISPLAY) dpy = eglGetDisplay(EGL_DEFAULT_DISPLAY);
    EGLint major = 0, minor = 0;
    if (dpy == EGL_NO_DISPLAY || !eglInitialize(dpy, &major, &minor))
        throw Error("headless rendering needs EGL (Mesa's libegl-mesa0 and libgl1-mesa-dri): no EGL display");
    display_ = dpy;
    if (!eglBindAPI(EGL_OPENGL_API)) {
        eglTerminate(dpy);
        throw Error("headless rendering: EGL cannot bind the OpenGL API");
    }
    // EGL_SURFACE_TYPE defaults to EGL_WINDOW_BIT, which the surfaceless platform never offers.
    const EGLint config_attribs[] = {EGL_SURFACE_TYPE,
                                     EGL_PBUFFER_BIT,
                                     EGL_RENDERABLE_TYPE,
                                     EGL_OPENGL_BIT,
                                     EGL_RED_SIZE,
                                     8,
                                     EGL_GREEN_SIZE,
                                     8,
                                     EGL_BLUE_SIZE,
                                     8,
                                     EGL_ALPHA_SIZE,
                                     8,
                                     EGL_NONE};
    EGLConfig config = nullptr;
    EGLint n = 0;
    if (!eglChooseConfig(dpy, config_attribs, &config, 1, &n) || n < 1) {
        eglTerminate(dpy);
        throw Error("headless rendering: no EGL configuration with OpenGL and RGBA8");
    }
    const EGLint ctx_attribs[] = {
        EGL_CONTEXT_MAJOR_VERSION,           3,       EGL_CONTEXT_MINOR_VERSION, 3, EGL_CONTEXT_OPENGL_PROFILE_MASK,
        EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, EGL_NONE};
    EGLContext ctx = eglCreateContext(dpy, config, EGL_NO_CONTEXT, ctx_attribs);
    if (ctx == EGL_NO_CONTEXT) {
        eglTerminate(dpy);
        throw Error(
            "sitmap needs OpenGL 3.3 core profile, which this system's EGL driver does not provide "
            "(check `MESA_GL_VERSION_OVERRIDE` and that libgl1-mesa-dri is installed)");
    }
    context_ = ctx;
    if (!eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, ctx)) {
        eglDestroyContext(dpy, ctx);
        eglTerminate(dpy);
        throw Error("headless rendering: cannot make the EGL context current (EGL_KHR_surfaceless_context missing)");
    }
    require_gl33();
    keep_gl_driver_loaded();
}

HeadlessContext::~HeadlessContext() {
    auto dpy = static_cast<EGLDisplay>(display_);
    eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    eglDestroyContext(dpy, static_cast<EGLContext>(context_));
    eglTerminate(dpy);
}

std::string HeadlessContext::description() const {
    const auto* version = reinterpret_cast<const char*>(glGetString(GL_VERSION));
    const auto* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    return std::string(version ? version : "?") + ", " + (renderer ? renderer : "?");
}

#if defined(__SANITIZE_ADDRESS__)
namespace {
int pin_driver(dl_phdr_info* info, std::size_t, void*) {
    if (info->dlpi_name && std::strstr(info->dlpi_name, "_dri.so"))
        ::dlopen(info->dlpi_name, RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);  // the handle is kept on purpose
    return 0;
}
}  // namespace
void keep_gl_driver_loaded() {
    ::dl_iterate_phdr(pin_driver, nullptr);
}
#else
void keep_gl_driver_loaded() {}
#endif

void require_gl33() {
    GLint major = 0, minor = 0;
    glGetIntegerv(GL_MAJOR_VERSION, &major);
    glGetIntegerv(GL_MINOR_VERSION, &minor);
    if (major * 10 + minor < 33) {
        const auto* version = reinterpret_cast<const char*>(glGetString(GL_VERSION));
        throw fmt_error("sitmap needs OpenGL 3.3 core profile; this system offers '{}'", version ? version : "none");
    }
}

int OffscreenTarget::max_size() {
    GLint rb = 0, vp[2] = {0, 0};
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &rb);
    glGetIntegerv(GL_MAX_VIEWPORT_DIMS, vp);
    return std::min({rb, vp[0], vp[1]});
}

OffscreenTarget::OffscreenTarget(int width, int height) : width_(width), height_(height) {
    const int limit = max_size();
    if (width < 1 || height < 1 || width > limit || height > limit)
        throw fmt_error("cannot render {}x{} pixels in one piece: this OpenGL allows 1..{} per side", width, height,
                        limit);
    fbo_ = gl::make_framebuffer();
    color_ = gl::make_renderbuffer();
    stencil_ = gl::make_renderbuffer();
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_.id());
    glBindRenderbuffer(GL_RENDERBUFFER, color_.id());
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color_.id());
    glBindRenderbuffer(GL_RENDERBUFFER, stencil_.id());
    glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH24_STENCIL8, width, height);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, stencil_.id());
    const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    if (status != GL_FRAMEBUFFER_COMPLETE)
        throw fmt_error("offscreen framebuffer {}x{} incomplete (status 0x{:04x}; likely out of memory)", width, height,
                        static_cast<unsigned>(status));
}

void OffscreenTarget::bind() const {
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_.id());
}

void OffscreenTarget::unbind() {
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void OffscreenTarget::blit_to_window() const {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_.id());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
    SITMAP_GL_CHECK(glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT, GL_NEAREST));
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

std::vector<std::uint8_t> read_window_rgba(int width, int height) {
    glFinish();
    const auto row = static_cast<std::size_t>(width) * 4;
    std::vector<std::uint8_t> px(row * static_cast<std::size_t>(height));
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    glReadBuffer(GL_BACK);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    SITMAP_GL_CHECK(glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, px.data()));
    std::vector<std::uint8_t> out(px.size());
    for (int y = 0; y < height; ++y)  // GL's rows start at the bottom; images start at the top
        std::memcpy(out.data() + static_cast<std::size_t>(y) * row,
                    px.data() + static_cast<std::size_t>(height - 1 - y) * row, row);
    for (std::size_t i = 3; i < out.size(); i += 4) out[i] = 255;
    return out;
}

void finish() {
    glFinish();
}

std::vector<std::uint8_t> OffscreenTarget::read_rgba() const {
    bind();
    glFinish();
    const auto row = static_cast<std::size_t>(width_) * 4;
    std::vector<std::uint8_t> px(row * static_cast<std::size_t>(height_));
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
    // GL's rows start at the bottom; images start at the top.
    std::vector<std::uint8_t> tmp(row);
    for (int y = 0; y < height_ / 2; ++y) {
        auto* a = px.data() + static_cast<std::size_t>(y) * row;
        auto* b = px.data() + static_cast<std::size_t>(height_ - 1 - y) * row;
        std::memcpy(tmp.data(), a, row);
        std::memcpy(a, b, row);
        std::memcpy(b, tmp.data(), row);
    }
    // The map is opaque; the blend of translucent labels must not leave holes in the PNG's alpha.
    for (std::size_t i = 3; i < px.size(); i += 4) px[i] = 255;
    return px;
}

}  // namespace sitmap::render
