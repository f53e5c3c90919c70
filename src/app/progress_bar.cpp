#include "app/progress_bar.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace sitmap::app {

namespace {

std::string clock_text(double seconds) {
    const auto s = static_cast<long long>(std::llround(std::max(0.0, seconds)));
    if (s >= 3600) return fmt::format("{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60);
    return fmt::format("{}:{:02}", s / 60, s % 60);
}

}  // namespace

std::string format_progress(const ProgressSnapshot& s, int width) {
    const double fraction = s.bytes_total > 0
                                ? static_cast<double>(s.bytes_done) / static_cast<double>(s.bytes_total)
                                : (s.total > 0 ? static_cast<double>(s.done) / static_cast<double>(s.total) : 0.0);
    const int filled = std::clamp(static_cast<int>(fraction * width), 0, width);
    // Built with append: GCC 12 warns falsely (-Wrestrict) on operator+ chains of std::string.
    std::string bar(static_cast<std::size_t>(width) + 2, '.');
    bar.front() = '[';
    bar.back() = ']';
    for (int i = 0; i < filled; ++i) bar[static_cast<std::size_t>(i) + 1] = '#';
    const double mb = static_cast<double>(s.bytes_done) / 1e6;
    std::string rate = "-- MB/s", eta = "ETA --";
    if (s.seconds > 0.05 && s.bytes_done > 0) {
        const double mbps = mb / s.seconds;
        rate = fmt::format("{:.1f} MB/s", mbps);
        const double left = static_cast<double>(s.bytes_total - std::min(s.bytes_total, s.bytes_done)) / 1e6;
        eta = fmt::format("ETA {}", clock_text(left / mbps));
    }
    if (s.done >= s.total) eta = fmt::format("done in {}", clock_text(s.seconds));  // however quick the run
    return fmt::format("{} {:3.0f}% {}/{} files  {}  {}  {} events", bar, fraction * 100, s.done, s.total, rate, eta,
                       s.events);
}

ProgressBar::ProgressBar(std::FILE* out, bool enabled, bool tty) : out_(out), enabled_(enabled), tty_(tty) {}

void ProgressBar::update(ProgressSnapshot s) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    const bool last = s.done >= s.total;
    if (!last && drawn_ && now - last_ < (tty_ ? std::chrono::milliseconds(100) : std::chrono::milliseconds(1000)))
        return;
    last_ = now;
    s.seconds = std::chrono::duration<double>(now - start_).count();
    const std::string line = format_progress(s);
    if (tty_)
        std::fprintf(out_, "\r\033[K%s", line.c_str());  // clear to the line's end: it may have shrunk
    else
        std::fprintf(out_, "extract: %s\n", line.c_str());
    std::fflush(out_);
    drawn_ = true;
}

void ProgressBar::finish() {
    if (enabled_ && tty_ && drawn_) std::fputc('\n', out_);
    drawn_ = false;
}

}  // namespace sitmap::app
