// Tills and reports in the terminal's store: shifts with their counted float, cash movements,
// the blind close, and the running totals behind X and Z reports and the dashboard. Every write
// is one transaction with its journal entry (shift_open, paid_in, paid_out, cash_drop,
// cash_pickup, shift_close, z_report), so head office gets each one through the outbox.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pos/result.hpp"
#include "pos/till.hpp"
#include "pos/till_report.hpp"

namespace db {

struct NewShift {
    std::string id;  // UUID minted on the terminal
    std::string terminal_id;
    std::int64_t user_id = 0;
    std::string user_name;
    std::int64_t at_ms = 0;
    pos::CashCount opening_float;
};

class Till {
  public:
    virtual ~Till() = default;
    // The terminal's open shift; nullopt when its till is closed.
    virtual std::optional<pos::Shift> current_shift(const std::string& terminal_id) = 0;
    virtual std::optional<pos::Shift> shift(const std::string& shift_id) = 0;
    // The terminal's shifts, newest first.
    virtual std::vector<pos::Shift> shifts(const std::string& terminal_id, std::size_t limit) = 0;
    // Numbers the shift after the terminal's last (gap-free), stores it with its float and
    // journals shift_open. Refused (not_allowed) while the terminal has a shift open: "The till is
    // already open: shift 3, opened by Ann Smith at 08:02".
    virtual pos::Result<pos::Shift> open_shift(const NewShift& shift) = 0;
    // Running totals: instant (no scan of tickets). Tickets completed on the terminal while the
    // shift is open are recorded against it by complete_sale.
    virtual pos::ShiftTotals shift_totals(const std::string& shift_id) = 0;
    virtual std::vector<pos::CashMovement> movements(
        const std::string& shift_id) = 0;  // oldest first
    // Stores and journals a movement against its open shift; checks it again inside the
    // transaction (pos::check_movement against the totals there), refusing with nothing written
    // when the shift is closed or the drawer should not hold that much.
    virtual pos::Status record_movement(const pos::CashMovement& movement) = 0;
    // Stores the close (count, per-tender differences, approval), marks the shift closed and
    // journals shift_close. Refused when the shift is not open.
    virtual pos::Status close_shift(const pos::ShiftClose& close) = 0;
    virtual std::optional<pos::ShiftClose> shift_close(const std::string& shift_id) = 0;
};

struct ZRequest {
    std::string terminal_id;
    std::int64_t at_ms = 0;
    int utc_offset_minutes = 0;  // business_day = pos::local_day(at_ms, offset)
    std::int64_t run_by = 0;
    std::string run_by_name;
};

// A Z report as listed.
struct ZSummary {
    std::string terminal_id;
    std::int64_t number = 0;
    std::int64_t business_day = 0;
    std::int64_t to_ms = 0;
    std::string run_by_name;
    std::int64_t net_minor = 0;  // the Net sales row
};

class Reports {
  public:
    virtual ~Reports() = default;
    // The terminal's figures since its last Z (before the first: since migration 7, or its first
    // entry), read from the running totals: changes nothing. final false, number 0, business_day
    // and to_ms from now_ms.
    virtual pos::ReportFigures x_report(const std::string& terminal_id, std::int64_t now_ms,
                                        int utc_offset_minutes) = 0;
    // In one transaction: refuses (not_allowed, nothing written) when the terminal has a shift
    // open ("Close the till first: shift 3 is open (Ann Smith since 08:02)") or already ran a Z
    // for this business day ("Z report No. 4 already ran for 2026-11-23 (at 21:05); the next one
    // can run on 2026-11-24"); else numbers it after the terminal's last Z, stores it, journals it
    // (z_report, its figures in the body) and resets the terminal's day totals to zero.
    virtual pos::Result<pos::ReportFigures> run_z_report(const ZRequest& request) = 0;
    virtual std::vector<ZSummary> z_reports(const std::string& terminal_id,
                                            std::size_t limit) = 0;  // newest first
    virtual std::optional<pos::ReportFigures> z_report(const std::string& terminal_id,
                                                       std::int64_t number) = 0;
    // Every completed ticket of the store file in [from_ms, to_ms) (a local day).
    virtual pos::DashboardFigures dashboard(std::int64_t from_ms, std::int64_t to_ms,
                                            int utc_offset_minutes) = 0;
};

}  // namespace db
