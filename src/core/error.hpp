// sitmap::Error (fatal input/environment errors) and SITMAP_ASSERT (programmer errors).
// Part of sitmap_core: depends on the standard library and fmt only.
#pragma once
#include <fmt/format.h>

#include <source_location>
#include <stdexcept>
#include <string>

namespace sitmap {

/// A fatal input or environment error: unreadable file, bad command-line value, no GL context.
/// The message is complete and user-facing ("path: what 'value' (expected)"); it is caught once per
/// entry point (CLI main, the window's open handler).
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message) : std::runtime_error(message) {}
};

/// A malformed command-line value (a bad --bbox, --size, date or coordinate): exit code 2.
class UsageError : public Error {
public:
    explicit UsageError(const std::string& message) : Error(message) {}
};

/// Builds a UsageError from a fmt format string.
template <typename... Args>
UsageError usage_error(fmt::format_string<Args...> format, Args&&... args) {
    return UsageError(fmt::format(format, std::forward<Args>(args)...));
}

/// Builds an Error from a fmt format string.
template <typename... Args>
Error fmt_error(fmt::format_string<Args...> format, Args&&... args) {
    return Error(fmt::format(format, std::forward<Args>(args)...));
}

[[noreturn]] void assertion_failed(const char* condition, const char* message,
                                   std::source_location where = std::source_location::current());

}  // namespace sitmap

/// A broken precondition: a bug in sitmap, never a problem with user data.
#define SITMAP_ASSERT(cond, message)                             \
    do {                                                         \
        if (!(cond)) ::sitmap::assertion_failed(#cond, message); \
    } while (false)
