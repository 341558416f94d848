// Customers: who they are, how to reach them (and whether they agreed to it), their loyalty
// points. A customer is created at any store and synced through head office, so every store
// sees the same record (keyed by a UUID minted where it was created).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pos/money.hpp"
#include "pos/result.hpp"

namespace pos {

// What the customer agreed to be contacted by. Nothing is assumed: all false until asked.
struct ContactConsent {
    bool email = false;
    bool sms = false;
    bool post = false;
    friend bool operator==(const ContactConsent&, const ContactConsent&) = default;
};

struct Customer {
    std::string id;    // UUID minted where the customer was created
    std::string card;  // loyalty card number ("LC" + digits, scanned as a barcode); may be empty
    std::string name;
    std::string phone;  // normalised (normalise_phone); may be empty
    std::string email;  // normalised (normalise_email); may be empty
    ContactConsent consent;
    std::string store_credit_account;  // the customer's store credit account; may be empty
    std::string note;                  // free text: "prefers calls after 5pm"
    std::string home_store;            // store code where the record was created
    std::int64_t created_at_ms = 0;
    std::int64_t updated_at_ms = 0;  // the latest edit wins when two stores edit one record
    // Set when this record was merged into another (a duplicate): the surviving record's id.
    // A merged record is kept (old tickets name it) but no longer found by search.
    std::string merged_into;
    friend bool operator==(const Customer&, const Customer&) = default;
};

// What the clerk typed on the customer form, before it is checked.
struct CustomerDraft {
    std::string name;
    std::string phone;
    std::string email;
    std::string card;  // scanned or typed; empty: the store issues one (see new_loyalty_card)
    ContactConsent consent;
    std::string note;
};

// Phone numbers as typed: spaces, dashes, dots and brackets are dropped; a leading "+" is kept;
// then 7 to 15 digits must remain. "(0)20 7946-0958" -> "02079460958",
// "+44 20 7946 0958" -> "+442079460958". Letters or too few/many digits: bad_input naming it,
// e.g. `phone "0207-ABC": only digits, spaces, dashes, dots, brackets and a leading +`.
Result<std::string> normalise_phone(std::string_view typed);
// One "@", a non-empty local part, a domain with a dot and no empty label, no spaces; lower-cased.
// `email "ann@example": the part after @ needs a dot (example.com)`.
Result<std::string> normalise_email(std::string_view typed);
// "LC" followed by 6 to 16 digits, the last a GTIN-style (mod 10) check digit over the others.
bool is_loyalty_card(std::string_view code);
// A new card number from a sequence number: "LC" + 10 digits (9 from seq, zero-padded) + check.
std::string new_loyalty_card(std::int64_t seq);

// Checks the draft: a name (1..80 characters after trimming) and at least one of phone or email;
// phone, email and card normalised or refused with the field named. Returns the customer with
// those fields set (id, dates, home store left for the caller).
Result<Customer> check_customer_draft(const CustomerDraft& draft);

// Why an existing customer may be the same person as a new or edited one.
enum class DuplicateReason { same_card, same_phone, same_email, same_name_and_phone_tail };
std::string_view describe(DuplicateReason reason);  // "same phone number"
struct DuplicateMatch {
    Customer existing;
    DuplicateReason reason = DuplicateReason::same_phone;
};
// Candidates (e.g. from a search by phone, email, card and name) that look like `customer`,
// strongest reason first; the customer itself (same id) and merged records are never matches.
std::vector<DuplicateMatch> find_duplicates(const Customer& customer,
                                            const std::vector<Customer>& candidates);

// The merge of `duplicate` into `keep`: keep's fields win, empty ones are filled from the
// duplicate, consents are kept only where `keep` has them (never widened silently), notes joined.
Customer merged(const Customer& keep, const Customer& duplicate);

// --- Loyalty points ---
// Points earned per whole currency unit paid (not counting points redeemed), and what one
// point is worth when redeemed as a tender.
struct LoyaltyRules {
    std::int64_t points_per_unit = 1;    // 1 point per 1.00 spent
    std::int64_t point_value_minor = 1;  // a point is worth 0.01
    std::int64_t min_redeem_points = 100;
    bool enabled = true;
};

// Points a completed ticket earns: (paid / one unit, toward zero) x points_per_unit, where paid
// is the ticket's total less what was paid with points; 0 when disabled. A refund (negative total)
// gives negative points: it takes back what the sale earned. The session clamps those so the
// customer's balance never goes below zero, and a deposit ticket earns nothing (the pick-up earns
// on its full total, the deposit included).
std::int64_t points_earned(const LoyaltyRules& rules, Money total, Money paid_with_points);
// What `points` are worth.
Money points_value(const LoyaltyRules& rules, std::int64_t points, const Currency& currency);
// Points needed to pay `amount` (rounded up to whole points).
std::int64_t points_for(const LoyaltyRules& rules, Money amount);
// A redemption of `amount` from a balance of `balance_points`: refused with the balance in the
// message when it is over the balance ("Only 250 points (2.50) on the card; 4.00 asked"), below
// the minimum, or when loyalty is off. Returns the points it takes.
Result<std::int64_t> check_redemption(const LoyaltyRules& rules, Money amount,
                                      std::int64_t balance_points);

// One movement of a customer's points: earned by a sale, redeemed as a tender, given back by a
// return. Synced by id, so every store sums the same movements.
struct LoyaltyMovement {
    std::string id;  // UUID
    std::string customer_id;
    std::int64_t points = 0;  // + earned / given back, - redeemed / taken back
    std::string ticket_id;
    std::string receipt_number;
    std::string store_code;
    std::int64_t at_ms = 0;
    friend bool operator==(const LoyaltyMovement&, const LoyaltyMovement&) = default;
};

// A customer as a ticket carries it: printed on the receipt and journaled with the sale.
struct CustomerRef {
    std::string id;
    std::string name;
    std::string card;
    friend bool operator==(const CustomerRef&, const CustomerRef&) = default;
};
CustomerRef ref_of(const Customer& customer);

}  // namespace pos
