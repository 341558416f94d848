// A Terminal on a real demo store in a temporary folder, with a settable clock.
#pragma once

#include <memory>

#include <doctest/doctest.h>

#include "db/store.hpp"
#include "drivers/spool_printer.hpp"
#include "fakes.hpp"
#include "temp_dir.hpp"
#include "ui/terminal.hpp"

namespace demo {
inline const char* milk = "5012345000015";       // 1.19 B
inline const char* sourdough = "5012345000022";  // 2.49 B
inline const char* chocolate = "5012345000039";  // 1.29 B
inline const char* wine = "5012345000053";       // 8.99 A
inline const char* bananas = "4011";             // 1.99/kg B
}  // namespace demo

struct TerminalFixture {
    testing_support::TempDir dir;
    std::unique_ptr<db::Store> store = open_demo(dir.path() / "terminal.db");
    fakes::Clock clock;
    db::RandomIds ids{clock};
    drivers::SpoolPrinter printer{dir.path() / "spool"};
    ui::Terminal terminal{{*store, clock, ids, printer, 0}};

    static std::unique_ptr<db::Store> open_demo(const std::filesystem::path& file) {
        auto opened = db::open_store(file);
        REQUIRE(opened.ok());
        auto s = std::move(opened).value();
        REQUIRE(db::create_demo_store(*s).ok());
        return s;
    }

    void log_in() { REQUIRE(terminal.apply(ui::LogIn{"1001", "1234"}).ok()); }

    template <typename Vm>
    Vm screen() const {
        auto frame = terminal.view();
        REQUIRE(std::holds_alternative<Vm>(frame.screen));
        return std::get<Vm>(frame.screen);
    }
};
