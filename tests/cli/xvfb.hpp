// Whether a window test can run: xvfb-run present. Without it the test is reported as not run, and
// under SITMAP_REQUIRE_GL (CI) it fails instead.
#pragma once
#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>

namespace sitmap::test {

inline bool have_xvfb(const char* what) {
    if (std::system("command -v xvfb-run >/dev/null 2>&1") == 0) return true;
    if (std::getenv("SITMAP_REQUIRE_GL")) FAIL(std::string("xvfb-run not installed: ") + what + " cannot run");
    WARN(std::string("xvfb-run not installed: ") + what + " not run");
    return false;
}

}  // namespace sitmap::test
