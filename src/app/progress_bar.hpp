// The progress bar of long `sitmap extract` runs: files done of total, MB/s and the time left, on
// stderr. Redrawn in place on a terminal; one line a second otherwise (--progress into a log).
// Part of sitmap_app; no GL or ImGui. Writes nothing but to the stream it is given.
#pragma once
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace sitmap::app {

/// Where an extraction is: documents and their bytes done of the total, events so far.
struct ProgressSnapshot {
    std::size_t done = 0, total = 0;
    std::uintmax_t bytes_done = 0, bytes_total = 0;
    std::size_t events = 0;
    double seconds = 0;  ///< since the start
};

/// One progress line without a line end: "[#####.....]  42% 120/300 files  3.1 MB/s  ETA 0:42
/// 1234 events". `width` is the bar's width in characters. Before a rate can be measured (no
/// bytes or no time yet) the speed and ETA read "--".
std::string format_progress(const ProgressSnapshot& s, int width = 24);

class ProgressBar {
public:
    /// `tty`: redraw one line in place (carriage return) at most 10 times a second; otherwise
    /// print a whole line at most once a second. Disabled bars print nothing at all.
    ProgressBar(std::FILE* out, bool enabled, bool tty);
    /// Reports progress (throttled); the last document always gets a line.
    void update(ProgressSnapshot s);
    /// Ends the bar's line on a terminal, so later messages start on their own line.
    void finish();

private:
    std::FILE* out_;
    bool enabled_, tty_;
    bool drawn_ = false;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point last_{};
};

}  // namespace sitmap::app
