// How domain values are spelled in the file (the file's format, not display text), and the small
// input checks the repositories share. Internal to db/.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "pos/ports.hpp"
#include "pos/pricing.hpp"
#include "pos/promotions.hpp"
#include "pos/ticket.hpp"

namespace db {

// Each *_text is the exact word stored in a column; each *_from throws pos::StoreFailure on a word
// it does not know (the file is damaged or from elsewhere), naming the word.
std::string_view unit_text(pos::UnitOfSale unit);
pos::UnitOfSale unit_from(const std::string& text);
std::string_view pricing_text(pos::PricingMode mode);
pos::PricingMode pricing_from(const std::string& text);
std::string_view tax_rounding_text(pos::TaxRounding rounding);
pos::TaxRounding tax_rounding_from(const std::string& text);
std::string_view rounding_mode_text(pos::RoundingMode mode);
pos::RoundingMode rounding_mode_from(const std::string& text);
std::string_view role_text(pos::Role role);
pos::Role role_from(const std::string& text);
std::string_view reason_text(pos::ReturnReason reason);
pos::ReturnReason reason_from(const std::string& text);
std::string_view disposition_text(pos::Disposition disposition);
pos::Disposition disposition_from(const std::string& text);
pos::Permission permission_from(const std::string& text);
// The stock a returned item goes into: restock -> "sellable", damaged -> "damaged",
// return_to_vendor -> "vendor_return". Sales take from "sellable".
std::string_view stock_bucket(pos::Disposition disposition);
std::string_view method_text(pos::PaymentMethod method);
pos::PaymentMethod method_from(const std::string& text);
std::string_view discount_kind_text(pos::DiscountKind kind);
pos::DiscountKind discount_kind_from(const std::string& text);
std::string_view promotion_kind_text(pos::PromotionKind kind);
pos::PromotionKind promotion_kind_from(const std::string& text);
// The journal's kinds of entry: to_string(ticket.kind()) for a completed ticket ('sale',
// 'return', 'exchange', 'post_void'), 'ticket_void', the EventKind words otherwise.
std::string_view event_kind_text(pos::EventKind kind);

bool is_stored_value(pos::PaymentMethod method);  // gift card or store credit
// "Gift card" / "Store credit account", as a clerk reads it at the start of a message.
std::string stored_value_label(pos::PaymentMethod method);

bool all_digits(std::string_view text);
bool is_blank(std::string_view text);
bool has_control_character(std::string_view text);
bool is_ascii_alnum(char c);
std::string in_quotes(std::string_view text);
// The last (up to) four characters: "Gift card ending 0001".
std::string last4(std::string_view text);
// True when the text holds a run of 12 to 19 digits (spaces and dashes between digits ignored):
// what a full card number looks like. Such a reference is never stored.
bool looks_like_card_number(std::string_view text);

std::string currency_text(const pos::Currency& currency);
bool valid_currency(const pos::Currency& currency);
std::string format_price(std::int64_t minor, const pos::Currency& currency);
std::string receipt_number_for(const std::string& terminal_id, std::int64_t sequence);

}  // namespace db
