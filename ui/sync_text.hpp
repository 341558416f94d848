// How the terminal words head-office sync: the status bar's line and progress bar, and the sync
// screen. Pure functions of the worker's status, so each state's wording is tested alone.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "headoffice/client/sync_client.hpp"
#include "ui/view_models.hpp"

namespace ui::sync_text {

// What the sync screen shows beside the worker's status.
struct SyncContext {
    std::string server_url;  // empty when not enrolled
    std::string store;       // "High Street (S001)"
    std::string terminal;    // "T01"
    std::int64_t now_ms = 0;
    int utc_offset_minutes = 0;
};

// 1000000 -> "1,000,000".
std::string grouped(std::int64_t n);
// "12:04" today, else "2026-11-22 18:03"; "never" for 0.
std::string when(std::int64_t at_ms, std::int64_t now_ms, int utc_offset_minutes);

// status: none when this terminal is not enrolled (no sync worker runs).
SyncBarVm bar(const std::optional<headoffice::SyncStatus>& status, std::int64_t now_ms,
              int utc_offset_minutes);
SyncVm screen(const std::optional<headoffice::SyncStatus>& status, const SyncContext& context);

}  // namespace ui::sync_text
