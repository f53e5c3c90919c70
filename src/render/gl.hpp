// Move-only RAII wrappers for OpenGL objects (Buffer, VertexArray, Texture, Framebuffer,
// Renderbuffer, Program). A default-constructed wrapper is empty (id 0) and owns nothing, so members
// can exist before a context does. Ownership rule: the Renderer owns every GL object and is destroyed
// before the context (window or EGL) that created them. No ImGui, no GLFW.
#pragma once
#include <GL/glcorearb.h>

#include <string>
#include <utility>

namespace sitmap::render::gl {

template <typename Deleter>
class Handle {
public:
    Handle() = default;
    explicit Handle(GLuint id) : id_(id) {}
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    Handle(Handle&& o) noexcept : id_(std::exchange(o.id_, 0)) {}
    Handle& operator=(Handle&& o) noexcept {
        if (this != &o) {
            reset();
            id_ = std::exchange(o.id_, 0);
        }
        return *this;
    }
    ~Handle() { reset(); }
    GLuint id() const { return id_; }
    explicit operator bool() const { return id_ != 0; }
    void reset() {
        if (id_) Deleter{}(id_);
        id_ = 0;
    }

private:
    GLuint id_ = 0;
};

struct BufferDeleter {
    void operator()(GLuint id) const { glDeleteBuffers(1, &id); }
};
struct VertexArrayDeleter {
    void operator()(GLuint id) const { glDeleteVertexArrays(1, &id); }
};
struct TextureDeleter {
    void operator()(GLuint id) const { glDeleteTextures(1, &id); }
};
struct FramebufferDeleter {
    void operator()(GLuint id) const { glDeleteFramebuffers(1, &id); }
};
struct RenderbufferDeleter {
    void operator()(GLuint id) const { glDeleteRenderbuffers(1, &id); }
};
struct ProgramDeleter {
    void operator()(GLuint id) const { glDeleteProgram(id); }
};

using Buffer = Handle<BufferDeleter>;
using VertexArray = Handle<VertexArrayDeleter>;
using Texture = Handle<TextureDeleter>;
using Framebuffer = Handle<FramebufferDeleter>;
using Renderbuffer = Handle<RenderbufferDeleter>;
using Program = Handle<ProgramDeleter>;

Buffer make_buffer();
VertexArray make_vertex_array();
Texture make_texture();
Framebuffer make_framebuffer();
Renderbuffer make_renderbuffer();

/// Compiles and links a program. Throws sitmap::Error with `name` and the driver's full log.
Program make_program(const std::string& name, const std::string& vertex_source, const std::string& fragment_source);

/// Location of a uniform (-1 if unused; GL ignores writes to -1).
GLint uniform(const Program& p, const char* name);

/// Throws sitmap::Error if glGetError reports anything, naming the GL call `call` and where it was
/// made (`file`:`line`). Used through SITMAP_GL_CHECK.
void check_call(const char* call, const char* file, int line);

}  // namespace sitmap::render::gl

/// SITMAP_GL_CHECK(glDrawArrays(...)): in debug builds, runs the call and throws sitmap::Error
/// naming the call text and file:line when GL reports an error (as MapLibre's MBGL_CHECK_ERROR).
/// In release builds it is the bare call: no glGetError round trip per call.
#ifndef NDEBUG
#define SITMAP_GL_CHECK(call)                                        \
    do {                                                             \
        call;                                                        \
        ::sitmap::render::gl::check_call(#call, __FILE__, __LINE__); \
    } while (false)
#else
#define SITMAP_GL_CHECK(call) \
    do {                      \
        call;                 \
    } while (false)
#endif
