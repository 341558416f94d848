// The approval dialog. When an action is refused only because the clerk's role may not do it
// alone, the Terminal remembers the action and shows what must be approved. An approver answers
// with their code and PIN, or scans their badge (the scan is held until they give the reason);
// Approve applies the remembered action again with their approval, Decline journals the refusal.
// While the dialog is open nothing else happens on the till.
#include "pos/approvals.hpp"
#include "ui/terminal.hpp"
#include "ui/terminal_text.hpp"

namespace ui {

namespace {

bool answers_dialog(const Intent& intent) {
    return std::holds_alternative<Approve>(intent) || std::holds_alternative<Decline>(intent) ||
           std::holds_alternative<CancelApproval>(intent);
}

}  // namespace

std::optional<pos::Status> Terminal::answer_dialog(const Intent& intent) {
    if (!pending_intent_ || answers_dialog(intent) ||
        std::holds_alternative<DismissMessage>(intent) || std::holds_alternative<Quit>(intent)) {
        return std::nullopt;
    }
    if (const auto* scan = std::get_if<Scan>(&intent)) {  // the approver's badge
        auto holder = services_.store.users().find_by_badge(scan->code);
        if (!holder) {
            return pos::Status(
                pos::not_found("That badge is not known: scan an approver's badge, or key their "
                               "staff code and PIN"));
        }
        held_badge_ = scan->code;
        held_badge_name_ = holder->name;
        message_ = {MessageKind::info,
                    "Badge of " + holder->name + " read: give the reason, then Approve or Decline"};
        return pos::ok();
    }
    return pos::Status(
        pos::not_allowed("An approval is waiting: approve, decline or cancel it first"));
}

void Terminal::remember_for_approval(const Intent& intent) {
    if (!session_ || !session_->pending_approval() || answers_dialog(intent))
        return;
    pending_intent_ = intent;
    pending_request_ = *session_->pending_approval();
    held_badge_.clear();
    held_badge_name_.clear();
}

void Terminal::close_approval() {
    pending_intent_.reset();
    pending_request_.reset();
    held_badge_.clear();
    held_badge_name_.clear();
    if (session_)
        session_->cancel_approval();
}

// What the approver keyed; a badge scanned into the dialog stands in for code and PIN.
pos::Approval Terminal::approval_from(const std::string& code, const std::string& pin,
                                      const std::string& badge, const std::string& reason) const {
    if (code.empty() && badge.empty() && !held_badge_.empty())
        return {"", "", held_badge_, reason};
    return {code, pin, badge, reason};
}

pos::Result<pos::User> Terminal::find_approver(const pos::Approval& approval) {
    auto& users = services_.store.users();
    auto found = approval.badge.empty() ? users.find_by_code(approval.staff_code)
                                        : users.find_by_badge(approval.badge);
    if (!found)
        return pos::not_found("No approver has that staff code or badge");
    return *found;
}

pos::Status Terminal::handle(const Approve& intent) {
    if (!pending_intent_)
        return pos::not_allowed("Nothing is waiting for approval");
    const auto approval = approval_from(intent.staff_code, intent.pin, intent.badge, intent.reason);
    // The session checks the approver (one PIN hash) when it acts; a wrong PIN, an approver
    // without the role or a missing reason leaves the ticket as it was and the request pending,
    // so the dialog stays open for another try.
    const Intent approved = *pending_intent_;
    approval_ = approval;
    message_ = {};
    const pos::Status done = dispatch(approved);
    approval_ = {};
    if (!done) {
        if (session_ && session_->pending_approval())
            pending_request_ = *session_->pending_approval();  // this one, or a second permission
        else
            close_approval();
        return done;
    }
    close_approval();
    auto approver = find_approver(approval);
    message_ = {MessageKind::info, "Approved by " + (approver ? approver->name : "the approver") +
                                       (message_.text.empty() ? "" : ". " + message_.text)};
    return pos::ok();
}

pos::Status Terminal::handle(const Decline& intent) {
    if (!pending_intent_)
        return pos::not_allowed("Nothing is waiting for approval");
    const auto approval = approval_from(intent.staff_code, intent.pin, intent.badge, intent.reason);
    if (auto s = session_->decline(approval); !s)
        return s;
    auto approver = find_approver(approval);
    close_approval();
    message_ = {MessageKind::info, "Declined by " + (approver ? approver->name : "the approver") +
                                       ": " + intent.reason};
    return pos::ok();
}

pos::Status Terminal::handle(const CancelApproval&) {
    if (!pending_intent_)
        return pos::ok();
    const std::string what = pending_request_->what;
    close_approval();
    message_ = {MessageKind::info, "Not approved, nothing changed: " + what};
    return pos::ok();
}

std::optional<ApprovalVm> Terminal::approval_vm() const {
    if (!pending_intent_ || !pending_request_)
        return std::nullopt;
    const auto& request = *pending_request_;
    ApprovalVm vm;
    const std::string needed(pos::role_title(request.needed));
    vm.title = needed + " approval needed";
    vm.what = request.what;
    vm.rule = std::string(pos::describe(request.permission));
    if (request.amount_minor != 0)
        vm.amount = money_text(pos::Money(request.amount_minor, settings_.currency));
    vm.requested_by = request.requested_by_name;
    if (user_)
        vm.requested_by += " (" + std::string(pos::role_title(user_->role)) + ")";
    vm.needed = request.needed == pos::Role::administrator ? needed : needed + " or above";
    if (!held_badge_.empty()) {
        vm.badge_read =
            "Badge of " + held_badge_name_ + " read: key the reason, then Approve or Decline";
    }
    return vm;
}

}  // namespace ui
