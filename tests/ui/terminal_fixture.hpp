// A Terminal on a real demo store in a temporary folder, with a settable clock.
#pragma once

#include <initializer_list>
#include <memory>
#include <string>

#include <doctest/doctest.h>

#include "db/store.hpp"
#include "fakes.hpp"
#include "temp_dir.hpp"
#include "ui/device_hub.hpp"
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
    ui::DeviceHub devices{*store, clock, ids, {dir.path() / "spool"}};
    ui::Terminal terminal{{*store, clock, ids, devices, 0}};

    static std::unique_ptr<db::Store> open_demo(const std::filesystem::path& file) {
        auto opened = db::open_store(file);
        REQUIRE(opened.ok());
        auto s = std::move(opened).value();
        REQUIRE(db::create_demo_store(*s).ok());
        return s;
    }

    void log_in() { REQUIRE(terminal.apply(ui::LogIn{"1001", "1234"}).ok()); }

    // Sells the items for cash and starts the next ticket; returns the receipt number.
    std::string sell(std::initializer_list<const char*> codes, const char* cash) {
        for (const char* code : codes)
            REQUIRE(terminal.apply(ui::Scan{code, ""}).ok());
        REQUIRE(terminal.apply(ui::TenderCash{cash, false}).ok());
        const std::string receipt = terminal.completed_ticket()->receipt_number();
        REQUIRE(terminal.apply(ui::NewSale{}).ok());
        return receipt;
    }

    // The return screen with a receipt open on it.
    void open_receipt(const std::string& receipt) {
        REQUIRE(terminal.apply(ui::StartReturn{}).ok());
        REQUIRE(terminal.apply(ui::OpenReceipt{receipt}).ok());
        REQUIRE(terminal.screen() == ui::Screen::returns);
    }

    // The error message of an intent the terminal must refuse.
    std::string refusal(const ui::Intent& intent) {
        auto result = terminal.apply(intent);
        REQUIRE_FALSE(result.ok());
        return result.error().message;
    }

    template <typename Vm>
    Vm screen() const {
        auto frame = terminal.view();
        REQUIRE(std::holds_alternative<Vm>(frame.screen));
        return std::get<Vm>(frame.screen);
    }
};
