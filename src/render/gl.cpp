#include "render/gl.hpp"

#include "core/error.hpp"

#include <vector>

namespace sitmap::render::gl {

Buffer make_buffer() {
    GLuint id = 0;
    glGenBuffers(1, &id);
    return Buffer(id);
}
VertexArray make_vertex_array() {
    GLuint id = 0;
    glGenVertexArrays(1, &id);
    return VertexArray(id);
}
Texture make_texture() {
    GLuint id = 0;
    glGenTextures(1, &id);
    return Texture(id);
}
Framebuffer make_framebuffer() {
    GLuint id = 0;
    glGenFramebuffers(1, &id);
    return Framebuffer(id);
}
Renderbuffer make_renderbuffer() {
    GLuint id = 0;
    glGenRenderbuffers(1, &id);
    return Renderbuffer(id);
}

namespace {
GLuint compile(const std::string& name, GLenum type, const std::string& source) {
    GLuint shader = glCreateShader(type);
    const char* src = source.c_str();
    glShaderSource(shader, 1, &src, nullptr);
    glCompileShader(shader);
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        GLint len = 0;
        glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &len);
        std::vector<char> log(static_cast<std::size_t>(len) + 1, '\0');
        glGetShaderInfoLog(shader, len, nullptr, log.data());
        glDeleteShader(shader);
        throw fmt_error("shader '{}' ({}) failed to compile:\n{}", name,
                        type == GL_VERTEX_SHADER ? "vertex" : "fragment", log.data());
    }
    return shader;
}
}  // namespace

Program make_program(const std::string& name, const std::string& vs, const std::string& fs) {
    const GLuint v = compile(name, GL_VERTEX_SHADER, vs);
    GLuint f = 0;
    try {
        f = compile(name, GL_FRAGMENT_SHADER, fs);
    } catch (...) {
        glDeleteShader(v);
        throw;
    }
    Program program(glCreateProgram());
    glAttachShader(program.id(), v);
    glAttachShader(program.id(), f);
    glLinkProgram(program.id());
    glDeleteShader(v);
    glDeleteShader(f);
    GLint ok = 0;
    glGetProgramiv(program.id(), GL_LINK_STATUS, &ok);
    if (!ok) {
        GLint len = 0;
        glGetProgramiv(program.id(), GL_INFO_LOG_LENGTH, &len);
        std::vector<char> log(static_cast<std::size_t>(len) + 1, '\0');
        glGetProgramInfoLog(program.id(), len, nullptr, log.data());
        throw fmt_error("shader program '{}' failed to link:\n{}", name, log.data());
    }
    return program;
}

GLint uniform(const Program& p, const char* name) {
    return glGetUniformLocation(p.id(), name);
}

namespace {
const char* error_name(GLenum err) {
    switch (err) {
        case GL_INVALID_ENUM:
            return "GL_INVALID_ENUM";
        case GL_INVALID_VALUE:
            return "GL_INVALID_VALUE";
        case GL_INVALID_OPERATION:
            return "GL_INVALID_OPERATION";
        case GL_INVALID_FRAMEBUFFER_OPERATION:
            return "GL_INVALID_FRAMEBUFFER_OPERATION";
        case GL_OUT_OF_MEMORY:
            return "GL_OUT_OF_MEMORY";
        default:
            return "unknown GL error";
    }
}
}  // namespace

void check_call(const char* call, const char* file, int line) {
    const GLenum err = glGetError();
    if (err != GL_NO_ERROR)
        throw fmt_error("{}:{}: OpenGL error {} (0x{:04x}) after {}", file, line, error_name(err),
                        static_cast<unsigned>(err), call);
}

}  // namespace sitmap::render::gl
