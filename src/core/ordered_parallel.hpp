// Work on many items on several threads, results consumed in the items' order: the shape of
// `sitmap extract` over a corpus (documents extracted in parallel, events written in input order,
// so the output does not depend on the number of threads). Part of sitmap_core: std only.
#pragma once
#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace sitmap::core {

/// The number of worker threads for `requested` (0: one per hardware thread), at least 1.
inline unsigned worker_count(unsigned requested) {
    if (requested > 0) return requested;
    return std::max(1u, std::thread::hardware_concurrency());
}

/// Calls work(i) for every i in [0, n) on `jobs` threads and consume(i, result) on the calling
/// thread, in order of i. At most `window` results are computed ahead of the one being consumed,
/// so memory is bounded by the window's largest results, not by n. An exception thrown by work(i)
/// is rethrown from this function when item i's turn comes (the other threads are stopped and
/// joined first); one thrown by consume stops the work the same way. With jobs <= 1 everything
/// runs on the calling thread.
template <class Result>
void ordered_parallel(std::size_t n, unsigned jobs, std::size_t window, const std::function<Result(std::size_t)>& work,
                      const std::function<void(std::size_t, Result&&)>& consume) {
    if (jobs <= 1 || n < 2) {
        for (std::size_t i = 0; i < n; ++i) consume(i, work(i));
        return;
    }
    window = std::max<std::size_t>(window, jobs);
    struct Slot {
        std::optional<Result> value;
        std::exception_ptr error;
    };
    std::mutex mutex;
    std::condition_variable cv;
    std::map<std::size_t, Slot> ready;
    std::size_t next = 0;      // the next item a worker takes
    std::size_t consumed = 0;  // items handed to consume so far
    bool stop = false;

    auto worker = [&] {
        for (;;) {
            std::size_t i = 0;
            {
                std::unique_lock lock(mutex);
                cv.wait(lock, [&] { return stop || next >= n || next < consumed + window; });
                if (stop || next >= n) return;
                i = next++;
            }
            Slot slot;
            try {
                slot.value.emplace(work(i));
            } catch (...) {
                slot.error = std::current_exception();
            }
            {
                std::lock_guard lock(mutex);
                ready.emplace(i, std::move(slot));
            }
            cv.notify_all();
        }
    };
    std::vector<std::thread> threads;
    threads.reserve(jobs);
    auto finish = [&] {
        {
            std::lock_guard lock(mutex);
            stop = true;
        }
        cv.notify_all();
        for (auto& t : threads) t.join();
    };
    try {
        for (unsigned k = 0; k < jobs; ++k) threads.emplace_back(worker);
        for (std::size_t i = 0; i < n; ++i) {
            Slot slot;
            {
                std::unique_lock lock(mutex);
                cv.wait(lock, [&] { return ready.count(i) > 0; });
                auto it = ready.find(i);
                slot = std::move(it->second);
                ready.erase(it);
            }
            if (slot.error) std::rethrow_exception(slot.error);
            consume(i, std::move(*slot.value));
            {
                std::lock_guard lock(mutex);
                consumed = i + 1;
            }
            cv.notify_all();
        }
    } catch (...) {
        finish();
        throw;
    }
    finish();
}

}  // namespace sitmap::core
