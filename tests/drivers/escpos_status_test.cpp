#include <doctest/doctest.h>

#include <vector>

#include "drivers/escpos_status.hpp"

namespace {

using Bytes = std::vector<std::uint8_t>;

drivers::PrinterStatus ready() {
    drivers::PrinterStatus status;
    status.known = true;
    status.online = true;
    return status;
}

// A status as a printer reports it: the answers to DLE EOT 1..4 folded in order.
drivers::PrinterStatus read_back(const drivers::PrinterStatus& printer) {
    drivers::PrinterStatus status;
    for (int n = 1; n <= 4; ++n) {
        const auto error = drivers::apply_status_byte(n, drivers::status_byte(n, printer), status);
        CHECK(error.empty());
    }
    return status;
}

}  // namespace

TEST_CASE("status requests and the job marker are the ESC/POS bytes") {
    CHECK(drivers::dle_eot(1) == Bytes{0x10, 0x04, 0x01});
    CHECK(drivers::dle_eot(4) == Bytes{0x10, 0x04, 0x04});
    CHECK(drivers::job_marker() == Bytes{0x1d, 0x72, 0x01});
}

TEST_CASE("a printer with nothing wrong reads as ready") {
    drivers::PrinterStatus status;
    CHECK(drivers::apply_status_byte(1, 0x12, status).empty());
    CHECK(drivers::apply_status_byte(2, 0x12, status).empty());
    CHECK(drivers::apply_status_byte(3, 0x12, status).empty());
    CHECK(drivers::apply_status_byte(4, 0x12, status).empty());
    CHECK(status.ready());
    CHECK(drivers::describe(status) == "ready");
}

TEST_CASE("each status bit of an Epson answer gives its condition") {
    drivers::PrinterStatus status = ready();
    SUBCASE("DLE EOT 1 bit 3: offline") {
        CHECK(drivers::apply_status_byte(1, 0x1a, status).empty());
        CHECK_FALSE(status.online);
        CHECK(drivers::describe(status) == "offline");
    }
    SUBCASE("DLE EOT 1 bit 2: drawer open") {
        CHECK(drivers::apply_status_byte(1, 0x16, status).empty());
        CHECK(status.drawer_open);
        CHECK(status.ready());  // an open drawer does not stop printing
    }
    SUBCASE("DLE EOT 2 bit 2: cover open") {
        CHECK(drivers::apply_status_byte(2, 0x16, status).empty());
        CHECK(status.cover_open);
        CHECK(drivers::describe(status) == "cover open");
    }
    SUBCASE("DLE EOT 2 bit 3 (feed button) is not a problem") {
        CHECK(drivers::apply_status_byte(2, 0x1a, status).empty());
        CHECK(status.ready());
    }
    SUBCASE("DLE EOT 2 bit 5: stopped at paper end") {
        CHECK(drivers::apply_status_byte(2, 0x32, status).empty());
        CHECK(status.paper_out);
        CHECK(drivers::describe(status) == "paper out");
    }
    SUBCASE("DLE EOT 2 bit 6: an error") {
        CHECK(drivers::apply_status_byte(2, 0x52, status).empty());
        CHECK(status.error);
        CHECK(drivers::describe(status) == "error");
    }
    SUBCASE("DLE EOT 3 bit 3: autocutter error") {
        CHECK(drivers::apply_status_byte(3, 0x1a, status).empty());
        CHECK(status.error);
    }
    SUBCASE("DLE EOT 3 bit 5: unrecoverable error") {
        CHECK(drivers::apply_status_byte(3, 0x32, status).empty());
        CHECK(status.error);
    }
    SUBCASE("DLE EOT 3 bit 6: auto-recoverable error") {
        CHECK(drivers::apply_status_byte(3, 0x52, status).empty());
        CHECK(status.error);
        CHECK_FALSE(status.ready());
    }
    SUBCASE("DLE EOT 4 bits 2 and 3: paper near end, still printing") {
        CHECK(drivers::apply_status_byte(4, 0x1e, status).empty());
        CHECK(status.paper_near_end);
        CHECK(status.ready());
        CHECK(drivers::describe(status) == "paper near end");
    }
    SUBCASE("DLE EOT 4 bits 5 and 6: paper out") {
        CHECK(drivers::apply_status_byte(4, 0x72, status).empty());
        CHECK(status.paper_out);
        CHECK_FALSE(status.ready());
        CHECK(drivers::describe(status) == "paper out");
    }
}

TEST_CASE("a condition that clears reads as cleared on the next poll") {
    drivers::PrinterStatus first;
    for (int n = 1; n <= 4; ++n)
        REQUIRE(drivers::apply_status_byte(n, n == 4 ? 0x72 : 0x12, first).empty());
    REQUIRE(first.paper_out);
    drivers::PrinterStatus next;  // each poll starts afresh
    for (int n = 1; n <= 4; ++n)
        CHECK(drivers::apply_status_byte(n, 0x12, next).empty());
    CHECK_FALSE(next.paper_out);
    CHECK(next.ready());
}

TEST_CASE("within one poll, the cause answers add to what DLE EOT 2 said, never clear it") {
    drivers::PrinterStatus status;
    REQUIRE(drivers::apply_status_byte(1, 0x12, status).empty());
    REQUIRE(drivers::apply_status_byte(2, 0x72, status).empty());  // error, paper-end stop
    REQUIRE(drivers::apply_status_byte(3, 0x12, status).empty());  // no cause bit set
    REQUIRE(drivers::apply_status_byte(4, 0x12, status).empty());  // roll sensor says nothing
    CHECK(status.error);
    CHECK(status.paper_out);
    CHECK(drivers::describe(status) == "paper out, error");
}

TEST_CASE("several conditions are described together") {
    drivers::PrinterStatus status = ready();
    status.online = false;
    status.cover_open = true;
    status.paper_out = true;
    CHECK(drivers::describe(status) == "offline, cover open, paper out");
    CHECK(drivers::describe(drivers::PrinterStatus{}) == "status unknown");
}

TEST_CASE("a status byte without the fixed bits is refused and changes nothing") {
    drivers::PrinterStatus status = ready();
    status.paper_near_end = true;
    const auto before = status;
    SUBCASE("all bits set") {
        CHECK(drivers::apply_status_byte(2, 0xff, status) ==
              "printer status byte 0xff (DLE EOT 2) does not have the fixed bits of a status "
              "answer");
    }
    SUBCASE("bit 4 clear: a GS r answer, not a status") {
        CHECK(drivers::apply_status_byte(4, 0x0c, status) ==
              "printer status byte 0x0c (DLE EOT 4) does not have the fixed bits of a status "
              "answer");
    }
    SUBCASE("bit 0 set") {
        CHECK_FALSE(drivers::apply_status_byte(1, 0x13, status).empty());
    }
    CHECK(status.known == before.known);
    CHECK(status.online == before.online);
    CHECK(status.paper_near_end == before.paper_near_end);
    CHECK(status.paper_out == before.paper_out);
    CHECK(status.cover_open == before.cover_open);
    CHECK(status.error == before.error);
}

TEST_CASE("a status answer and a job marker answer are told apart by their fixed bits") {
    CHECK(drivers::is_realtime_status(0x12));
    CHECK(drivers::is_realtime_status(0x7e));
    CHECK_FALSE(drivers::is_realtime_status(0x00));
    CHECK_FALSE(drivers::is_realtime_status(0x92));
    CHECK(drivers::is_job_marker_answer(0x00));
    CHECK(drivers::is_job_marker_answer(0x0f));  // paper near end and end
    CHECK_FALSE(drivers::is_job_marker_answer(0x12));
    CHECK_FALSE(drivers::is_job_marker_answer(0x80));
}

TEST_CASE("the emulated printer's status bytes read back as the status it was given") {
    auto printer = ready();
    CHECK(read_back(printer).ready());
    SUBCASE("paper out and drawer open") {
        printer.paper_out = true;
        printer.drawer_open = true;
        auto status = read_back(printer);
        CHECK(status.paper_out);
        CHECK(status.drawer_open);
        CHECK(drivers::describe(status) == "paper out");
    }
    SUBCASE("cover open, paper near end, error, offline") {
        printer.cover_open = true;
        printer.paper_near_end = true;
        printer.error = true;
        printer.online = false;
        auto status = read_back(printer);
        CHECK(drivers::describe(status) == "offline, cover open, paper near end, error");
    }
    for (int n = 1; n <= 4; ++n)
        CHECK(drivers::is_realtime_status(drivers::status_byte(n, printer)));
}

TEST_CASE("the drawer pulse is ESC p with times in 2 ms units") {
    CHECK(drivers::drawer_pulse_bytes({0, 100, 200}) == Bytes{0x1b, 0x70, 0, 50, 100});
    CHECK(drivers::drawer_pulse_bytes({1, 50, 500}) == Bytes{0x1b, 0x70, 1, 25, 250});
    // Out-of-range times are clamped, never wrapped round.
    CHECK(drivers::drawer_pulse_bytes({0, 0, 2000}) == Bytes{0x1b, 0x70, 0, 1, 255});
    CHECK(drivers::drawer_pulse_bytes({0, -5, 511}) == Bytes{0x1b, 0x70, 0, 1, 255});
}

TEST_CASE("known USB models have readable names and receipt profiles") {
    auto tm_t20 = drivers::find_usb_model(0x04b8, 0x0e15);
    REQUIRE(tm_t20);
    CHECK(tm_t20->name == "Epson TM-T20II");
    CHECK(tm_t20->kind == drivers::DeviceKind::printer);
    CHECK(tm_t20->profile == "epson-tm-t20");
    CHECK(drivers::find_usb_model(0x04b8, 0x0202)->profile == "epson-tm-t20");
    CHECK(drivers::find_usb_model(0x0416, 0x5011)->profile == "generic-58");
    auto honeywell = drivers::find_usb_model(0x0c2e, 0x0b61);
    REQUIRE(honeywell);
    CHECK(honeywell->kind == drivers::DeviceKind::scanner);
    CHECK(honeywell->name.find("Honeywell") != std::string::npos);
    CHECK(drivers::find_usb_model(0x05e0, 0x1200)->kind == drivers::DeviceKind::scanner);
    CHECK_FALSE(drivers::find_usb_model(0x1234, 0x5678));
}
