// GL errors are reported where they happen: gl::check_call (behind the debug-only SITMAP_GL_CHECK)
// names the call and file:line.
#include "core/error.hpp"
#include "gl_fixture.hpp"
#include "render/gl.hpp"

#include <catch2/catch.hpp>

using namespace sitmap;

TEST_CASE("a GL error names the call and where it was made", "[gl][check]") {
    test::GlWorld::get();  // a current context
    while (glGetError() != GL_NO_ERROR) {
    }
    render::gl::check_call("glBindTexture(GL_TEXTURE_2D, 0)", "renderer.cpp", 12);  // no error: no throw
    glBindTexture(GL_TEXTURE_2D, 0x7fffff);  // never generated: GL_INVALID_OPERATION in a core profile
    try {
        render::gl::check_call("glBindTexture(GL_TEXTURE_2D, 0x7fffff)", "renderer.cpp", 42);
        FAIL("no error reported");
    } catch (const Error& e) {
        CHECK_THAT(e.what(), Catch::Contains("renderer.cpp:42"));
        CHECK_THAT(e.what(), Catch::Contains("GL_INVALID_OPERATION"));
        CHECK_THAT(e.what(), Catch::Contains("glBindTexture(GL_TEXTURE_2D, 0x7fffff)"));
    }
    CHECK(glGetError() == GL_NO_ERROR);  // the error was consumed
}
