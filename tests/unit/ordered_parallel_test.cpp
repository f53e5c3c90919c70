// core::ordered_parallel: results consumed in order whatever the threads, a bounded window, and
// errors carried to the caller.
#include "core/ordered_parallel.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>

using sitmap::core::ordered_parallel;

TEST_CASE("ordered_parallel hands results on in order, on any number of threads", "[core][parallel]") {
    for (unsigned jobs : {1u, 2u, 3u, 8u}) {
        std::vector<std::size_t> order;
        std::vector<std::string> values;
        ordered_parallel<std::string>(
            50, jobs, 4,
            [](std::size_t i) {
                // Later items finish first, so an unordered hand-off would show.
                std::this_thread::sleep_for(std::chrono::microseconds(((50 - i) % 7) * 200));
                return std::to_string(i * i);
            },
            [&](std::size_t i, std::string&& v) {
                order.push_back(i);
                values.push_back(std::move(v));
            });
        INFO("jobs " << jobs);
        REQUIRE(order.size() == 50);
        for (std::size_t i = 0; i < 50; ++i) {
            CHECK(order[i] == i);
            CHECK(values[i] == std::to_string(i * i));
        }
    }
}

TEST_CASE("ordered_parallel computes at most a window ahead of the consumer", "[core][parallel]") {
    std::atomic<std::size_t> consumed{0};
    std::atomic<std::size_t> furthest_ahead{0};
    ordered_parallel<int>(
        200, 4, 8,
        [&](std::size_t i) {
            const std::size_t ahead = i - std::min(i, consumed.load());
            std::size_t seen = furthest_ahead.load();
            while (ahead > seen && !furthest_ahead.compare_exchange_weak(seen, ahead)) {
            }
            return static_cast<int>(i);
        },
        [&](std::size_t i, int&&) {
            std::this_thread::sleep_for(std::chrono::microseconds(100));  // a slow writer
            consumed = i + 1;
        });
    CHECK(consumed == 200);
    CHECK(furthest_ahead <= 8);
}

TEST_CASE("ordered_parallel rethrows a worker's error at its item's turn", "[core][parallel]") {
    std::vector<std::size_t> order;
    auto run = [&] {
        ordered_parallel<int>(
            30, 3, 6,
            [](std::size_t i) {
                if (i == 17) throw std::runtime_error("bad document 17");
                return static_cast<int>(i);
            },
            [&](std::size_t i, int&&) { order.push_back(i); });
    };
    CHECK_THROWS_WITH(run(), "bad document 17");
    REQUIRE(order.size() == 17);  // everything before the failing item was handed on
    CHECK(order.back() == 16);
}
