// How the Terminal words domain values for the screens: shared by its handlers and its
// view-model builders (terminal*.cpp). Formatting only; the amounts come from pos/.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "db/print_jobs.hpp"
#include "drivers/device.hpp"
#include "pos/money.hpp"
#include "pos/quantity.hpp"
#include "pos/result.hpp"
#include "pos/return_terms.hpp"
#include "pos/ticket.hpp"

namespace ui::text {

inline std::string unit_price(const pos::Money& price, pos::UnitOfSale unit) {
    return pos::format_amount(price) + (unit == pos::UnitOfSale::kilogram ? "/kg" : "");
}

inline std::string quantity(pos::Quantity quantity, pos::UnitOfSale unit) {
    return pos::format_quantity(quantity, unit) + (unit == pos::UnitOfSale::kilogram ? " kg" : "");
}

inline std::string money(const pos::Money& amount) {
    return std::string(amount.currency().iso()) + " " + pos::format_amount(amount);
}

// What people call a ticket of each kind: "Sale", "Return", "Exchange", "Post-void".
inline std::string kind_label(pos::TicketKind kind) {
    switch (kind) {
        case pos::TicketKind::sale:
            return "Sale";
        case pos::TicketKind::refund:
            return "Return";
        case pos::TicketKind::exchange:
            return "Exchange";
        case pos::TicketKind::post_void:
            return "Post-void";
    }
    return "Sale";
}

// "Return of T01-000004 · Faulty · Back to stock"; without a receipt, "Return without receipt".
inline std::string return_note(const pos::ReturnOf& returned) {
    const std::string of = returned.original_receipt.empty()
                               ? "Return without receipt"
                               : "Return of " + returned.original_receipt;
    return of + " · " + std::string(pos::label(returned.reason)) + " · " +
           std::string(pos::label(returned.disposition));
}

// A print job's state as the devices screen and `print jobs` say it: "printed", "queued",
// "printing", "waiting: paper out", "failed: not confirmed". `printer` is the status of the
// printer in use: a job it holds while it cannot print is waiting for it.
inline std::string job_state(const db::StoredPrintJob& job, const drivers::PrinterStatus& printer) {
    switch (job.state) {
        case db::PrintJobState::done:
            return "printed";
        case db::PrintJobState::waiting:
        case db::PrintJobState::failed:
            return db::to_string(job.state) + (job.last_error.empty() ? "" : ": " + job.last_error);
        case db::PrintJobState::printing:
            if (printer.known && !printer.ready())
                return "waiting: " + drivers::describe(printer);
            break;
        case db::PrintJobState::queued:
            break;
    }
    return db::to_string(job.state);
}

// The choices a script or a form sends, listed in a message when one is not understood.
template <typename Value, std::size_t N>
std::string names_of(const Value (&values)[N]) {
    std::string names;
    for (const auto& v : values)
        names += (names.empty() ? "" : ", ") + std::string(pos::to_string(v));
    return names;
}

inline pos::Result<pos::ReturnReason> return_reason(const std::string& name) {
    if (auto reason = pos::return_reason_from(name))
        return *reason;
    return pos::bad_input((name.empty() ? std::string("Choose a reason for the return")
                                        : "'" + name + "' is not a return reason") +
                          " (reasons: " + names_of(pos::all_return_reasons) + ")");
}

inline pos::Result<pos::Disposition> disposition(const std::string& name) {
    if (auto where = pos::disposition_from(name))
        return *where;
    return pos::bad_input((name.empty() ? std::string("Choose where the item goes")
                                        : "'" + name + "' is not a disposition") +
                          " (dispositions: " + names_of(pos::all_dispositions) + ")");
}

}  // namespace ui::text
