// Small helpers shared by the benchmark programs: elapsed milliseconds, median/p95 of samples,
// and peak resident memory (VmHWM) from /proc.
#pragma once
#include <algorithm>
#include <chrono>
#include <fstream>
#include <string>
#include <vector>

namespace sitmap::bench {

using Clock = std::chrono::steady_clock;

inline double ms_since(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

inline double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

inline double p95(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[std::min(v.size() - 1, v.size() * 95 / 100)];
}

/// Peak resident set size of this process in KiB (-1 when /proc is unavailable).
inline long peak_rss_kb() {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
    return -1;
}

}  // namespace sitmap::bench
