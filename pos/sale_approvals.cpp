// The approval pattern of the sale use cases, and the actions that need it most often: discounts
// over the store's limit and price overrides.
#include <algorithm>

#include "pos/sale.hpp"
#include "pos/sale_support.hpp"

namespace pos {

namespace {

// An approval or a decline, as journaled. A no-sale and what is done at the till (paid-outs,
// closing it, an over/short) belong to no ticket.
bool outside_ticket(Permission permission) {
    return permission == Permission::no_sale || permission == Permission::cash_paid_out ||
           permission == Permission::close_till || permission == Permission::over_short;
}

TicketEvent approval_event(SaleServices& services, EventKind kind, const ApprovalRequest& request,
                           const User& approver, std::string reason, const std::string& terminal_id,
                           const std::string& ticket_id) {
    TicketEvent event;
    event.id = services.ids.new_id();
    event.kind = kind;
    event.terminal_id = terminal_id;
    event.ticket_id = outside_ticket(request.permission) ? "" : ticket_id;
    event.at_ms = services.clock.now_ms();
    event.user_id = request.requested_by;
    event.user_name = request.requested_by_name;
    event.approved_by = approver.id;
    event.approver_name = approver.name;
    event.rule = std::string(to_string(request.permission));
    event.amount_minor = request.amount_minor;
    event.reason = std::move(reason);
    return event;
}

}  // namespace

Result<std::optional<ApprovalGrant>> SaleSession::require_permission(Permission permission,
                                                                     std::int64_t amount_minor,
                                                                     std::string what,
                                                                     const Approval& approval) {
    pending_approval_.reset();
    if (settings_.permissions.allows(clerk_.role, permission))
        return std::optional<ApprovalGrant>{};
    const ApprovalRequest request{permission,   settings_.permissions.required(permission),
                                  amount_minor, std::move(what),
                                  clerk_.id,    clerk_.name};
    if (approval.empty()) {
        pending_approval_ = request;
        return not_allowed(approval_needed_message(request));
    }
    auto approver = authorise(services_.users, services_.clock, approval, request);
    if (!approver) {
        pending_approval_ = request;  // the dialog stays open for another try
        return approver.error();
    }
    const TicketEvent event = approval_event(services_, EventKind::approval, request, *approver,
                                             approval.reason, settings_.terminal_id, ticket_.id());
    // An approval that cannot be journaled is not given.
    if (auto s = services_.events.record(event); !s) {
        pending_approval_ = request;
        return s.error();
    }
    return std::optional<ApprovalGrant>{ApprovalGrant{event.id, permission, clerk_.id, approver->id,
                                                      approver->name, amount_minor, approval.reason,
                                                      event.at_ms}};
}

Result<ApprovalGrant> SaleSession::record_own_authority(Permission permission,
                                                        std::int64_t amount_minor,
                                                        std::string_view reason) {
    if (reason.empty())
        return bad_input("Give a reason: it is printed and kept with the ticket");
    const ApprovalRequest request{permission,   settings_.permissions.required(permission),
                                  amount_minor, "",
                                  clerk_.id,    clerk_.name};
    const TicketEvent event =
        approval_event(services_, EventKind::approval, request, clerk_, std::string(reason),
                       settings_.terminal_id, ticket_.id());
    if (auto s = services_.events.record(event); !s)
        return s.error();
    return ApprovalGrant{event.id,    permission,   clerk_.id,           clerk_.id,
                         clerk_.name, amount_minor, std::string(reason), event.at_ms};
}

void SaleSession::keep_grant(const std::optional<ApprovalGrant>& grant) {
    if (grant && ticket_.state() != TicketState::completed &&
        ticket_.state() != TicketState::voided) {
        ticket_.add_approval(*grant);
    }
}

Status SaleSession::decline(const Approval& approval) {
    if (!pending_approval_)
        return bad_input("Nothing is waiting for approval");
    const ApprovalRequest request = *pending_approval_;
    auto approver = authorise(services_.users, services_.clock, approval, request);
    if (!approver)
        return approver.error();
    const TicketEvent event =
        approval_event(services_, EventKind::approval_declined, request, *approver, approval.reason,
                       settings_.terminal_id, ticket_.id());
    if (auto s = services_.events.record(event); !s)
        return s;
    pending_approval_.reset();
    return ok();
}

Result<std::optional<ApprovalGrant>> SaleSession::approve_discount(const Discount& discount,
                                                                   Money value,
                                                                   const std::string& on,
                                                                   const Approval& approval) {
    const Rate limit = settings_.permissions.discount_limit;
    const Money most = value.apply_rate(limit, RoundingMode::down);
    std::string what;
    Money amount;
    if (discount.kind == DiscountKind::percent) {
        if (discount.percent.ppm <= limit.ppm)
            return std::optional<ApprovalGrant>{};
        amount = value.apply_rate(discount.percent, RoundingMode::half_up);
        what = "Discount " + format_percent(discount.percent) + " on " + on + " (the limit is " +
               format_percent(limit) + ")";
    } else {
        amount = Money(discount.amount_minor, value.currency());
        if (amount <= most)
            return std::optional<ApprovalGrant>{};
        what = "Discount " + detail::money_text(amount) + " on " + on + " (the limit is " +
               format_percent(limit) + ", " + detail::money_text(most) + ")";
    }
    return require_permission(Permission::discount_over_limit, amount.minor(), std::move(what),
                              detail::with_reason(approval, discount.reason));
}

namespace {

Status check_discount(const Discount& discount) {
    if (discount.kind == DiscountKind::percent &&
        (discount.percent.ppm <= 0 || discount.percent.ppm > Rate::one)) {
        return bad_input("A discount is more than 0% and at most 100%");
    }
    if (discount.kind == DiscountKind::amount && discount.amount_minor <= 0) {
        return bad_input("A discount amount must be more than zero");
    }
    return ok();
}

}  // namespace

Status SaleSession::set_line_discount(std::size_t line, const Discount& discount,
                                      const Approval& approval) {
    if (auto s = require_state(TicketState::open, "give a discount"); !s)
        return s;
    if (auto s = require_line(line); !s)
        return s;
    const TicketLine& target = ticket_.lines()[line];
    if (auto s = detail::require_sale_line(target, "give a discount"); !s)
        return s;
    if (auto s = check_discount(discount); !s)
        return s;
    auto grant = approve_discount(discount, target.extended - target.promotion_saving, target.name,
                                  approval);
    if (!grant)
        return grant.error();
    ticket_.set_line_discount(line, discount);
    keep_grant(*grant);
    return ok();
}

Status SaleSession::set_ticket_discount(const Discount& discount, const Approval& approval) {
    if (auto s = require_state(TicketState::open, "give a discount"); !s)
        return s;
    Money value(0, settings_.currency);
    for (const auto& line : ticket_.lines()) {
        if (!line.voided && !line.returned)
            value += line.extended - line.promotion_saving;
    }
    if (value.is_zero())
        return bad_input("Nothing to discount: scan an item first");
    if (auto s = check_discount(discount); !s)
        return s;
    auto grant = approve_discount(discount, value, "the ticket", approval);
    if (!grant)
        return grant.error();
    ticket_.set_discount(discount);
    keep_grant(*grant);
    return ok();
}

Status SaleSession::override_price(std::size_t line, std::string_view unit_price,
                                   const Approval& approval, std::string_view reason) {
    if (auto s = require_state(TicketState::open, "override a price"); !s)
        return s;
    if (auto s = require_line(line); !s)
        return s;
    const TicketLine& target = ticket_.lines()[line];
    if (auto s = detail::require_sale_line(target, "override the price"); !s)
        return s;
    auto price = parse_money(unit_price);
    if (!price)
        return price.error();
    if (price->is_negative())
        return bad_input("A price cannot be negative");
    const std::string what = "Price of " + target.name + ": " + detail::money_text(*price) +
                             " instead of " + detail::money_text(target.unit_price);
    auto grant = require_permission(Permission::price_override, price->minor(), what,
                                    detail::with_reason(approval, reason));
    if (!grant)
        return grant.error();
    const std::int64_t approver = *grant ? (*grant)->approved_by : clerk_.id;
    const std::string line_id = target.id;
    if (auto s = record(EventKind::price_override, line_id, price->minor(), reason, approver); !s) {
        return s;
    }
    ticket_.set_price_override(line, PriceOverride{price->minor(), approver, std::string(reason)});
    keep_grant(*grant);
    return ok();
}

}  // namespace pos
