// The plain-text receipt of a completed sale: shown on the completed screen, written by the
// virtual printer, and used in logs and tests: to_text(ticket_receipt(...)) for a paper this wide.
#pragma once

#include <string>

#include "pos/store_settings.hpp"
#include "pos/ticket.hpp"

namespace receipts {

struct TextOptions {
    int columns = 42;  // 80 mm paper in font A
    // Minutes east of UTC for the printed date and time; the terminal passes its local offset.
    int utc_offset_minutes = 0;
};

std::string render_text(const pos::Ticket& ticket, const pos::StoreSettings& store,
                        const TextOptions& options = {});

// "2026-11-23 14:02" for a Unix time in milliseconds at the given offset.
std::string format_local_time(std::int64_t unix_ms, int utc_offset_minutes);

}  // namespace receipts
