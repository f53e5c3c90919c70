// Headless OpenGL: an EGL surfaceless context (Mesa, no X needed) and an offscreen framebuffer
// with read-back. Used by `sitmap render`, the golden-image tests and the benchmark. No ImGui/GLFW.
#pragma once
#include "render/gl.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace sitmap::render {

/// An OpenGL 3.3 core context without any window or display. Throws sitmap::Error with a clear
/// message when EGL or OpenGL 3.3 core is unavailable. Make it current on construction.
class HeadlessContext {
public:
    HeadlessContext();
    ~HeadlessContext();
    HeadlessContext(const HeadlessContext&) = delete;
    HeadlessContext& operator=(const HeadlessContext&) = delete;
    /// "4.5 (Core Profile) Mesa 22.3.6, llvmpipe (...)"
    std::string description() const;

private:
    void* display_ = nullptr;
    void* context_ = nullptr;
};

/// Checks that the current context is at least OpenGL 3.3 core; throws sitmap::Error otherwise.
void require_gl33();

/// In sanitized builds (AddressSanitizer): marks the OpenGL driver libraries now loaded (Mesa's
/// *_dri.so) RTLD_NODELETE, so eglTerminate does not unmap them. Unmapped, the driver's globals
/// vanish and LeakSanitizer reports what they pointed to (240 bytes in every process, from
/// "<unknown module>", which no suppression can name); mapped, that memory is reachable and
/// whatever the driver really leaks is named and suppressed by tests/lsan.supp. Does nothing in
/// other builds. Call once a context is current.
void keep_gl_driver_loaded();

/// A colour + stencil framebuffer of a fixed size. Binding it makes it the draw target.
class OffscreenTarget {
public:
    OffscreenTarget(int width, int height);
    void bind() const;
    int width() const { return width_; }
    int height() const { return height_; }
    GLuint fbo_id() const { return fbo_.id(); }
    /// Reads the colour buffer as RGBA8, top row first (ready for PNG).
    std::vector<std::uint8_t> read_rgba() const;
    /// Copies the whole target into the window's default framebuffer (same size), which is bound after.
    void blit_to_window() const;
    /// Makes the window's default framebuffer (0) the draw target again.
    static void unbind();
    /// Largest width/height this context can render in one piece.
    static int max_size();

private:
    int width_, height_;
    gl::Framebuffer fbo_;
    gl::Renderbuffer color_, stencil_;
};

/// Reads the window's back buffer (`width` x `height`) as opaque RGBA8, top row first, after
/// everything drawn so far has finished (screenshots of the real window).
std::vector<std::uint8_t> read_window_rgba(int width, int height);

/// Waits until every GL command issued so far has finished (frame timing).
void finish();

}  // namespace sitmap::render
