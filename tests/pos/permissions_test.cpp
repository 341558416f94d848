// Roles, permissions and the words for returns, as stored, journaled and shown.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "pos/permissions.hpp"
#include "pos/return_terms.hpp"

using pos::Permission;
using pos::Role;

TEST_CASE("the default permission table is what a typical store runs with") {
    const auto table = pos::default_permissions();
    CHECK(table.required(Permission::price_override) == Role::manager);
    CHECK(table.required(Permission::discount_over_limit) == Role::supervisor);
    CHECK(table.required(Permission::refund_over_limit) == Role::supervisor);
    CHECK(table.required(Permission::return_without_receipt) == Role::supervisor);
    CHECK(table.required(Permission::post_void) == Role::manager);
    CHECK(table.required(Permission::ticket_void) == Role::clerk);
    CHECK(table.required(Permission::no_sale) == Role::clerk);
    CHECK(table.required(Permission::cash_paid_out) == Role::supervisor);
    CHECK(table.required(Permission::close_till) == Role::supervisor);
    CHECK(table.required(Permission::over_short) == Role::manager);
    CHECK(table.discount_limit.ppm == 200'000);
    CHECK(table.refund_limit_minor == 5'000);
}

TEST_CASE("a role may do alone what its rank or a lower one may") {
    const auto table = pos::default_permissions();
    CHECK(table.allows(Role::clerk, Permission::no_sale));
    CHECK_FALSE(table.allows(Role::clerk, Permission::refund_over_limit));
    CHECK(table.allows(Role::supervisor, Permission::refund_over_limit));
    CHECK_FALSE(table.allows(Role::supervisor, Permission::post_void));
    CHECK(table.allows(Role::manager, Permission::post_void));
    for (auto p : pos::all_permissions) {
        CAPTURE(pos::to_string(p));
        CHECK(table.allows(Role::administrator, p));
    }
}

TEST_CASE("a store can change who may do what") {
    auto table = pos::default_permissions();
    table.set(Permission::no_sale, Role::supervisor);
    CHECK_FALSE(table.allows(Role::clerk, Permission::no_sale));
    CHECK(table.allows(Role::supervisor, Permission::no_sale));
    CHECK(table.required(Permission::ticket_void) == Role::clerk);  // the others stay
}

TEST_CASE("roles are stored by name and shown by title") {
    for (auto role : {Role::clerk, Role::supervisor, Role::manager, Role::administrator}) {
        CHECK(pos::role_from(pos::to_string(role)) == role);
    }
    CHECK(pos::to_string(Role::supervisor) == "supervisor");
    CHECK(pos::role_title(Role::administrator) == "Administrator");
    CHECK_FALSE(pos::role_from("Manager").has_value());
    CHECK_FALSE(pos::role_from("owner").has_value());
}

TEST_CASE("every permission has a stored name and words for people, all different") {
    std::set<std::string> names;
    std::set<std::string> descriptions;
    for (auto p : pos::all_permissions) {
        CHECK(pos::permission_from(pos::to_string(p)) == p);
        names.emplace(pos::to_string(p));
        descriptions.emplace(pos::describe(p));
    }
    CHECK(names.size() == pos::permission_count);
    CHECK(descriptions.size() == pos::permission_count);
    CHECK(names.count("?") == 0);
    CHECK(pos::to_string(Permission::refund_over_limit) == "refund_over_limit");
    CHECK(pos::describe(Permission::refund_over_limit) == "a refund over the limit");
    CHECK_FALSE(pos::permission_from("refund").has_value());
}

TEST_CASE("return reasons and dispositions are stored by name and shown by label") {
    std::set<std::string> labels;
    for (auto reason : pos::all_return_reasons) {
        CHECK(pos::return_reason_from(pos::to_string(reason)) == reason);
        labels.emplace(pos::label(reason));
    }
    CHECK(labels.size() == std::size(pos::all_return_reasons));
    CHECK(pos::label(pos::ReturnReason::changed_mind) == "Changed mind");
    for (auto disposition : pos::all_dispositions)
        CHECK(pos::disposition_from(pos::to_string(disposition)) == disposition);
    CHECK(pos::to_string(pos::Disposition::return_to_vendor) == "return_to_vendor");
    CHECK(pos::label(pos::Disposition::restock) == "Back to stock");
    CHECK_FALSE(pos::return_reason_from("Faulty").has_value());
    CHECK_FALSE(pos::disposition_from("bin").has_value());
}
