// Runs the built sitmap binary for CLI tests and captures exit code, stdout and stderr.
#pragma once
#include <sys/wait.h>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace sitmap::test {

struct CommandResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

inline CommandResult run_sitmap_once(const std::string& args, const std::string& env);

/// Runs `SITMAP_BINARY args` through the shell (args are shell-quoted by the caller), with optional
/// environment assignments ("A=1 B=2") in front. xvfb-run sometimes fails to remove its own
/// temporary folder when two run at once and then replaces the program's exit code by 5: that
/// run says nothing about sitmap, so it is run once more (the second result stands, whatever it is).
inline CommandResult run_sitmap(const std::string& args, const std::string& env = {}) {
    CommandResult r = run_sitmap_once(args, env);
    if (env.find("xvfb-run") != std::string::npos && r.exit_code == 5 &&
        r.err.find("xvfb-run: error: problem while cleaning up temporary directory") != std::string::npos)
        r = run_sitmap_once(args, env);
    return r;
}

inline CommandResult run_sitmap_once(const std::string& args, const std::string& env) {
    const auto dir = std::filesystem::temp_directory_path();
    const auto err_path = dir / ("sitmap_cli_err_" + std::to_string(::getpid()) + ".txt");
    const std::string cmd =
        env + (env.empty() ? "" : " ") + "'" + SITMAP_BINARY + "' " + args + " 2>'" + err_path.string() + "'";
    CommandResult r;
    FILE* pipe = ::popen(cmd.c_str(), "r");
    if (!pipe) return r;
    std::array<char, 4096> buf{};
    std::size_t n = 0;
    while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
    const int status = ::pclose(pipe);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream in(err_path);
    std::stringstream ss;
    ss << in.rdbuf();
    r.err = ss.str();
    std::filesystem::remove(err_path);
    return r;
}

}  // namespace sitmap::test
