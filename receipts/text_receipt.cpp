#include "receipts/text_receipt.hpp"

#include <ctime>

#include "receipts/layouts.hpp"
#include "receipts/text.hpp"

namespace receipts {

std::string format_local_time(std::int64_t unix_ms, int utc_offset_minutes) {
    const std::time_t seconds =
        static_cast<std::time_t>(unix_ms / 1000 + std::int64_t{utc_offset_minutes} * 60);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm);
    return buf;
}

std::string render_text(const pos::Ticket& ticket, const pos::StoreSettings& store,
                        const TextOptions& options) {
    LayoutOptions layout;
    layout.paper = Paper{options.columns, options.columns * 12};  // font A: 12 dots a character
    layout.utc_offset_minutes = options.utc_offset_minutes;
    return to_text(ticket_receipt(ticket, store, layout));
}

}  // namespace receipts
