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

/// Runs `SITMAP_BINARY args` through the shell (args are shell-quoted by the caller), with optional
/// environment assignments ("A=1 B=2") and a wrapper such as xvfb-run in front. xvfb-run sometimes
/// fails to remove its own temporary folder when two run at once and then replaces the program's
/// exit code by 5. The program has run to its end by then, so it is not run again (a second run of
/// a window session would replay its journal); the program's own exit code, which a small shell
/// wrapper writes to a file, stands instead.
inline CommandResult run_sitmap(const std::string& args, const std::string& env = {}) {
    const auto dir = std::filesystem::temp_directory_path();
    const std::string tag = std::to_string(::getpid());
    const auto err_path = dir / ("sitmap_cli_err_" + tag + ".txt");
    const auto code_path = dir / ("sitmap_cli_code_" + tag + ".txt");
    std::filesystem::remove(code_path);
    const std::string wrapped = "sh -c '\"$0\" \"$@\"; c=$?; echo $c > \"$SITMAP_TEST_CODE_FILE\"; exit $c' ";
    const std::string cmd = "SITMAP_TEST_CODE_FILE='" + code_path.string() + "' " + env + (env.empty() ? "" : " ") +
                            wrapped + "'" + SITMAP_BINARY + "' " + args + " 2>'" + err_path.string() + "'";
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
    if (env.find("xvfb-run") != std::string::npos && r.exit_code == 5 &&
        r.err.find("xvfb-run: error: problem while cleaning up temporary directory") != std::string::npos) {
        std::ifstream code(code_path);
        int c = -1;
        if (code >> c) r.exit_code = c;
    }
    std::filesystem::remove(code_path);
    return r;
}

}  // namespace sitmap::test
