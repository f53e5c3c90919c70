#include "app/open_url.hpp"

#include <fmt/format.h>

#include <spawn.h>
#include <sys/wait.h>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

extern char** environ;

namespace sitmap::app {

std::string open_url(const std::string& url) {
    if (!url.starts_with("http://") && !url.starts_with("https://"))
        return fmt::format("'{}' is not an http(s) link; not opened", url);
    const char* env = std::getenv("SITMAP_URL_OPENER");
    const std::string opener = env && *env ? env : "xdg-open";
    // The opener is not waited for; openers started earlier that have ended are reaped here, so
    // they do not linger as zombies (and no global SIGCHLD setting is changed).
    static std::vector<pid_t> started;
    std::erase_if(started, [](pid_t p) { return ::waitpid(p, nullptr, WNOHANG) != 0; });
    std::string arg0 = opener, arg1 = url;
    char* argv[] = {arg0.data(), arg1.data(), nullptr};
    pid_t pid = 0;
    const int rc = ::posix_spawnp(&pid, opener.c_str(), nullptr, nullptr, argv, environ);
    if (rc != 0) return fmt::format("cannot start {} to open {}: {}", opener, url, std::strerror(rc));
    started.push_back(pid);
    return {};
}

}  // namespace sitmap::app
