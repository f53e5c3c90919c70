#include "core/error.hpp"

#include <cstdio>
#include <cstdlib>

namespace sitmap {

void assertion_failed(const char* condition, const char* message, std::source_location where) {
    std::fprintf(stderr, "%s:%u: %s: assertion '%s' failed: %s\n", where.file_name(),
                 static_cast<unsigned>(where.line()), where.function_name(), condition, message);
    std::abort();
}

}  // namespace sitmap
