// The head-office sync wording: the status bar's line (every screen), the catalogue load's
// progress, and the sync screen's headline, advice and details.
#include "receipts/text_receipt.hpp"
#include "ui/sync_text.hpp"

namespace ui::sync_text {

namespace {

constexpr const char* dot = " · ";
constexpr const char* not_connected = "Not connected to head office";
constexpr const char* revoked =
    "Credentials revoked — ask head office to enrol this terminal again";

std::string waiting(std::int64_t n) {
    return grouped(n) + " waiting";
}

std::string entries(std::int64_t n) {
    return grouped(n) + (n == 1 ? " journal entry" : " journal entries");
}

std::optional<SyncProgressVm> progress(const headoffice::SyncStatus& s) {
    if (!s.loading_catalogue)
        return std::nullopt;
    const std::int64_t total = std::max(s.changes_total, s.changes_loaded);
    return SyncProgressVm{
        "Loading catalogue " + grouped(s.changes_loaded) + " of " + grouped(total),
        s.changes_loaded, total};
}

// Not yet tried since the terminal started: neither a success nor a failure to show.
bool first_try_pending(const headoffice::SyncStatus& s) {
    return !s.online && s.last_error.empty();
}

std::string seconds(std::int64_t ms) {
    const std::int64_t s = (ms + 999) / 1000;
    if (s < 120)
        return std::to_string(s) + " s";
    return std::to_string((s + 59) / 60) + " min";
}

}  // namespace

std::string grouped(std::int64_t n) {
    std::string digits = std::to_string(n < 0 ? -n : n);
    for (auto i = static_cast<std::ptrdiff_t>(digits.size()) - 3; i > 0; i -= 3)
        digits.insert(static_cast<std::size_t>(i), ",");
    return (n < 0 ? "-" : "") + digits;
}

std::string when(std::int64_t at_ms, std::int64_t now_ms, int utc_offset_minutes) {
    if (at_ms <= 0)
        return "never";
    const std::string at = receipts::format_local_time(at_ms, utc_offset_minutes);
    const std::string now = receipts::format_local_time(now_ms, utc_offset_minutes);
    return at.substr(0, 10) == now.substr(0, 10) ? at.substr(11) : at;
}

SyncBarVm bar(const std::optional<headoffice::SyncStatus>& status, std::int64_t now_ms,
              int utc_offset_minutes) {
    SyncBarVm vm;
    if (!status || !status->enrolled) {
        vm.text = not_connected;
        return vm;
    }
    const auto& s = *status;
    vm.progress = progress(s);
    if (s.credentials_revoked) {
        vm.text = revoked;
        vm.tone = SyncTone::problem;
        return vm;
    }
    if (s.online) {
        vm.text = std::string("Head office: online") + dot + waiting(s.queue_depth) + dot +
                  "synced " + when(s.last_success_ms, now_ms, utc_offset_minutes);
        vm.tone = SyncTone::good;
        return vm;
    }
    if (first_try_pending(s)) {
        vm.text = std::string("Head office: connecting") + dot + waiting(s.queue_depth);
        vm.tone = SyncTone::waiting;
        return vm;
    }
    const std::string last =
        s.last_success_ms > 0 ? "last sync " + when(s.last_success_ms, now_ms, utc_offset_minutes)
                              : std::string("never synced");
    vm.text = std::string("Head office: offline") + dot + waiting(s.queue_depth) + dot + last +
              " — " + s.last_error;
    vm.tone = SyncTone::waiting;
    return vm;
}

namespace {

std::string headline(const std::optional<headoffice::SyncStatus>& status) {
    if (!status || !status->enrolled)
        return "Not connected";
    if (status->credentials_revoked)
        return "Credentials revoked";
    if (status->online)
        return "Online";
    return first_try_pending(*status) ? "Connecting" : "Offline";
}

std::string advice(const std::optional<headoffice::SyncStatus>& status) {
    if (!status || !status->enrolled) {
        return "This terminal sells on its own store and sends nothing to head office. To connect "
               "it, ask head office for an enrolment code and run pos-terminal enrol.";
    }
    if (status->credentials_revoked) {
        return "Head office no longer accepts this terminal. Keep selling: every sale stays here "
               "and is sent once head office enrols this terminal again.";
    }
    if (status->online)
        return "Sales go to head office as they are completed; the catalogue comes down here.";
    return "Keep selling: every sale is kept on this terminal and sent when head office answers "
           "again. Nothing is lost while offline.";
}

}  // namespace

SyncVm screen(const std::optional<headoffice::SyncStatus>& status, const SyncContext& c) {
    SyncVm vm;
    vm.headline = headline(status);
    vm.advice = advice(status);
    vm.tone = bar(status, c.now_ms, c.utc_offset_minutes).tone;
    const bool enrolled = status && status->enrolled;
    vm.rows.push_back({"Head office", enrolled && !c.server_url.empty() ? c.server_url : "none"});
    vm.rows.push_back({"Store and terminal", c.store + dot + "Terminal " + c.terminal});
    if (!enrolled)
        return vm;
    const auto& s = *status;
    vm.progress = progress(s);
    vm.can_sync_now = !s.credentials_revoked;
    vm.rows.push_back({"Waiting to send", s.queue_depth == 0 ? "nothing" : entries(s.queue_depth)});
    vm.rows.push_back({"Last success", when(s.last_success_ms, c.now_ms, c.utc_offset_minutes)});
    vm.rows.push_back(
        {"Last error", s.last_error.empty() ? "none" : s.last_error, !s.last_error.empty()});
    vm.rows.push_back({"Held for review at head office",
                       s.anomalies == 0 ? "none" : entries(s.anomalies), s.anomalies != 0});
    if (s.rejected_changes > 0) {
        vm.rows.push_back(
            {"Changes not applied here",
             std::to_string(s.rejected_changes) + " (newest: " + s.last_rejection + ")", true});
    }
    if (s.retry_in_ms > 0 && !s.online && !s.credentials_revoked)
        vm.rows.push_back({"Next attempt", "in " + seconds(s.retry_in_ms)});
    return vm;
}

}  // namespace ui::sync_text
