// Head-office sync on the terminal: the sync screen and "Sync now". The worker runs on its own
// thread; everything here only reads its status or wakes it, so selling never waits for it.
#include "ui/sync_text.hpp"
#include "ui/terminal.hpp"

namespace ui {

namespace {

std::optional<headoffice::SyncStatus> status_of(const TerminalServices& services) {
    if (!services.sync_status)
        return std::nullopt;
    return services.sync_status();
}

}  // namespace

pos::Status Terminal::handle(const ShowSync&) {
    if (screen_ != Screen::sync && screen_ != Screen::devices)
        before_devices_ = screen_;
    const db::SyncState state = services_.store.sync().state();
    sync_server_ = state.enrolment ? state.enrolment->server_url : "";
    screen_ = Screen::sync;
    message_ = {};
    return pos::ok();
}

pos::Status Terminal::handle(const SyncNow&) {
    if (!services_.sync_wake)
        return pos::not_allowed("This terminal is not connected to head office");
    const auto status = status_of(services_);
    if (status && status->credentials_revoked) {
        return pos::not_allowed(
            "Head office revoked this terminal's credentials: it must be enrolled again");
    }
    services_.sync_wake();
    message_ = {MessageKind::info, "Syncing with head office now"};
    return pos::ok();
}

SyncBarVm Terminal::sync_bar_vm() const {
    return sync_text::bar(status_of(services_), services_.clock.now_ms(),
                          services_.utc_offset_minutes);
}

SyncVm Terminal::sync_vm() const {
    sync_text::SyncContext context;
    context.server_url = sync_server_;
    context.store = settings_.store_name + " (" + settings_.store_code + ")";
    context.terminal = settings_.terminal_id;
    context.now_ms = services_.clock.now_ms();
    context.utc_offset_minutes = services_.utc_offset_minutes;
    return sync_text::screen(status_of(services_), context);
}

}  // namespace ui
