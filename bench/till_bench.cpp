#include "bench/till_bench.hpp"

#include <chrono>
#include <stdexcept>

#include "bench/measure.hpp"

namespace bench {

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Who opens and closes the bench's shifts: the store's first member of staff.
pos::User bench_user(db::Store& store) {
    const auto staff = store.users().active_users();
    if (staff.empty())
        throw std::runtime_error("the bench store has no staff to open a till");
    return staff.front();
}

// A close counted exactly as expected: the figures balance, nothing needs approval.
pos::ShiftClose balanced_close(db::Store& store, const pos::Shift& shift) {
    const auto totals = store.till().shift_totals(shift.id);
    const pos::Currency currency = store.settings().currency;
    pos::CloseCount count;
    count.card = totals.expected(pos::PaymentMethod::card);
    // The cash in notes and coins, largest first: exact, whatever the amount.
    std::int64_t cash = totals.expected_cash().minor();
    for (const std::int64_t value : pos::denominations(currency)) {
        if (cash >= value) {
            count.cash.counts.push_back({value, cash / value});
            cash %= value;
        }
    }
    pos::ShiftClose close;
    close.shift_id = shift.id;
    close.terminal_id = shift.terminal_id;
    close.shift_number = shift.number;
    const pos::User user = bench_user(store);
    close.closed_by = user.id;
    close.closed_by_name = user.name;
    close.closed_at_ms = now_ms();
    close.cash_count = count.cash;
    close.tenders = pos::over_short(totals, count);
    return close;
}

void require_ok(const pos::Status& status, const std::string& what) {
    if (!status)
        throw std::runtime_error(what + ": " + status.error().message);
}

pos::Shift open_fresh_shift(db::Store& store, const std::string& terminal) {
    if (const auto open = store.till().current_shift(terminal))
        require_ok(store.till().close_shift(balanced_close(store, *open)),
                   "closing the open shift");
    db::NewShift shift;
    shift.id = "bench-shift-" + std::to_string(now_ms());
    shift.terminal_id = terminal;
    const pos::User user = bench_user(store);
    shift.user_id = user.id;
    shift.user_name = user.name;
    shift.at_ms = now_ms();
    shift.opening_float.counts.push_back({5000, 2});
    auto opened = store.till().open_shift(shift);
    if (!opened)
        throw std::runtime_error("opening a shift: " + opened.error().message);
    return opened.value();
}

}  // namespace

TillSamples measure_till(db::Store& store, const CatalogueGenerator& catalogue,
                         const std::filesystem::path& folder, std::size_t sales,
                         std::size_t samples) {
    const pos::StoreSettings settings = store.settings();
    const std::string terminal = settings.terminal_id;
    const pos::Shift shift = open_fresh_shift(store, terminal);
    measure_durable_sales(store, catalogue, folder, sales);

    TillSamples result;
    for (std::size_t s = 0; s < samples; ++s) {
        const auto start = Clock::now();
        const auto totals = store.till().shift_totals(shift.id);
        result.shift_totals.push_back(ms_since(start));
        result.shift_tickets = totals.tickets;
    }
    for (std::size_t s = 0; s < samples; ++s) {
        const auto start = Clock::now();
        const auto x = store.reports().x_report(terminal, now_ms(), settings.utc_offset_minutes);
        result.x_report.push_back(ms_since(start));
        if (x.sales.empty())
            throw std::runtime_error("the X report has no rows");
    }
    const auto close = balanced_close(store, shift);
    const auto close_start = Clock::now();
    require_ok(store.till().close_shift(close), "closing the shift");
    result.close_ms = ms_since(close_start);

    db::ZRequest z;
    z.terminal_id = terminal;
    z.at_ms = now_ms();
    z.utc_offset_minutes = settings.utc_offset_minutes;
    const pos::User user = bench_user(store);
    z.run_by = user.id;
    z.run_by_name = user.name;
    const auto z_start = Clock::now();
    const auto ran = store.reports().run_z_report(z);
    if (ran)
        result.z_ms = ms_since(z_start);
    else
        result.z_note = ran.error().message;
    return result;
}

}  // namespace bench
