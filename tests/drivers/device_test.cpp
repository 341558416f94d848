#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

#include "drivers/device.hpp"

namespace {

std::string code_of(const drivers::DeviceEvent& event) {
    const auto* data = std::get_if<drivers::DataEvent>(&event);
    return data ? data->scan.code : "";
}

drivers::DataEvent scan_event(std::string code) {
    return {"scanner", {std::move(code), {}}};
}

}  // namespace

TEST_CASE("device kinds and states read as the devices screen shows them") {
    CHECK(drivers::to_string(drivers::DeviceKind::scanner) == "scanner");
    CHECK(drivers::to_string(drivers::DeviceKind::printer) == "printer");
    CHECK(drivers::to_string(drivers::DeviceKind::drawer) == "cash drawer");
    CHECK(drivers::to_string(drivers::DeviceState::closed) == "closed");
    CHECK(drivers::to_string(drivers::DeviceState::opened) == "open");
    CHECK(drivers::to_string(drivers::DeviceState::claimed) == "claimed");
    CHECK(drivers::to_string(drivers::DeviceState::enabled) == "enabled");
}

TEST_CASE("the event queue hands events over oldest first, each once") {
    drivers::EventQueue queue;
    queue.push(scan_event("1"));
    queue.push(drivers::ErrorEvent{"printer", "paper out", "job-1", true});
    queue.push(scan_event("2"));
    auto events = queue.drain();
    REQUIRE(events.size() == 3);
    CHECK(code_of(events[0]) == "1");
    REQUIRE(std::holds_alternative<drivers::ErrorEvent>(events[1]));
    CHECK(std::get<drivers::ErrorEvent>(events[1]).job == "job-1");
    CHECK(code_of(events[2]) == "2");
    CHECK(queue.drain().empty());
}

TEST_CASE("waiting on an empty event queue gives up after the timeout") {
    drivers::EventQueue queue;
    CHECK_FALSE(queue.wait(20));
    queue.push(scan_event("now"));
    CHECK(queue.wait(0));  // already there: no waiting
    CHECK(code_of(queue.drain().at(0)) == "now");
}

TEST_CASE("an event pushed from a device thread wakes the waiting consumer") {
    drivers::EventQueue queue;
    std::thread device([&queue] { queue.push(scan_event("from the reader thread")); });
    CHECK(queue.wait(10000));
    device.join();
    auto events = queue.drain();
    REQUIRE(events.size() == 1);
    CHECK(code_of(events[0]) == "from the reader thread");
}

TEST_CASE("events from several device threads all arrive, each thread's in its order") {
    drivers::EventQueue queue;
    constexpr int per_thread = 200;
    std::vector<std::thread> threads;
    for (int t = 0; t < 3; ++t) {
        threads.emplace_back([&queue, t] {
            for (int i = 0; i < per_thread; ++i)
                queue.push(scan_event(std::to_string(t) + ":" + std::to_string(i)));
        });
    }
    for (auto& thread : threads)
        thread.join();
    auto events = queue.drain();
    REQUIRE(events.size() == 3 * per_thread);
    std::vector<int> next(3, 0);
    for (const auto& event : events) {
        const auto code = code_of(event);
        const int thread = code[0] - '0';
        CHECK(code == std::to_string(thread) + ":" + std::to_string(next[thread]));
        ++next[thread];
    }
}
