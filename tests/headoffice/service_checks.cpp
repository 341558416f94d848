#include "service_checks.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "pos/interaction.hpp"
#include "pos/login.hpp"
#include "sync_checks.hpp"

namespace testing_support {

namespace {

pos::User log_in_clerk(TestTerminal& terminal) {
    auto user = pos::log_in(terminal.store().users(), terminal.clock(), "1001", "1234");
    REQUIRE_MESSAGE(user.ok(), terminal.terminal_id() << " logging in 1001: "
                                                      << (user.ok() ? "" : user.error().message));
    return *user;
}

pos::SaleServices services_of(TestTerminal& terminal, pos::IdSource& ids) {
    db::Store& s = terminal.store();
    return {s.catalogue(), s.sales(),     terminal.clock(), ids,       s.promotions(),
            s.events(),    s.suspended(), s.stored_value(), s.users(), s.archive()};
}

}  // namespace

Till::Till(TestTerminal& terminal)
    : terminal_(terminal),
      ids_(terminal.clock()),
      session_(services_of(terminal, ids_), terminal.store().settings(), log_in_clerk(terminal)) {}

void Till::add(const std::string& product_code, const std::string& quantity) {
    const auto product =
        terminal_.store().catalogue().find_by_code(product_code, terminal_.clock().now_ms());
    REQUIRE_MESSAGE(product.has_value(), terminal_.terminal_id()
                                             << " has no product " << product_code);
    require_done(session_.add_product(*product, quantity), "adding " + product_code);
}

void Till::begin_tender() {
    if (!tendering_)
        require_done(session_.begin_tender(), terminal_.terminal_id() + " beginning the tender");
    tendering_ = true;
}

std::string Till::pay_rest_in_cash() {
    begin_tender();
    const auto paid = session_.tender_cash(pos::format_amount(session_.cash_due()));
    require_done(paid, "cash");
    REQUIRE_MESSAGE(paid->completed.has_value(), "the cash tender did not complete the ticket");
    return paid->completed->receipt_number;
}

std::string test_uuid(char terminal, int number) {
    char text[40];
    std::snprintf(text, sizeof text, "0193c0de-cafe-7abc-8%03x-feed%08d", terminal & 0xfff, number);
    return text;
}

pos::Customer create_customer(TestTerminal& terminal, int number, const std::string& name,
                              const std::string& phone, const std::string& email,
                              const std::string& id) {
    db::CustomerBook& book = terminal.store().customers();
    pos::CustomerDraft draft;
    draft.name = name;
    draft.phone = phone;
    draft.email = email;
    draft.card = pos::new_loyalty_card(book.next_card_sequence());
    draft.consent.email = true;
    auto checked = pos::check_customer_draft(draft);
    require_done(checked, "checking " + name);
    pos::Customer customer = *checked;
    customer.id = id.empty() ? test_uuid(terminal.terminal_id().back(), number) : id;
    customer.home_store = terminal.store().settings().store_code;
    customer.created_at_ms = terminal.clock().now_ms();
    customer.updated_at_ms = customer.created_at_ms;
    require_done(book.save(customer), "saving " + name);
    const auto stored = book.find(customer.id);
    REQUIRE_MESSAGE(stored.has_value(), name << " is not found by id right after saving");
    return *stored;
}

void save_customer_edit(TestTerminal& terminal, pos::Customer customer, std::int64_t at_ms) {
    customer.updated_at_ms = at_ms;
    require_done(terminal.store().customers().save(customer),
                 terminal.terminal_id() + " saving an edit of " + customer.name);
}

std::int64_t today_at(TestTerminal& terminal) {
    return pos::local_day(terminal.clock().now_ms(),
                          terminal.store().settings().utc_offset_minutes);
}

std::string customer_name_at(TestTerminal& terminal, const std::string& id) {
    const auto held = terminal.store().customers().find(id);
    REQUIRE_MESSAGE(held.has_value(), terminal.terminal_id() << " does not know customer " << id);
    return held->name;
}

std::vector<pos::Customer> customers_at_office(HeadOfficeFixture& office, const std::string& text) {
    return office.head_office().find_customers(text, 10);
}

std::optional<pos::Interaction> interaction_at_office(HeadOfficeFixture& office,
                                                      const std::string& id, bool all) {
    std::optional<pos::Interaction> found;
    for (const auto& interaction : office.head_office().interactions("S001", all)) {
        if (interaction.id == id) {
            CHECK_MESSAGE(!found.has_value(), "head office lists " << id << " twice");
            found = interaction;
        }
    }
    return found;
}

bool listed_open(TestTerminal& terminal, const std::string& id) {
    const auto open = terminal.store().interactions().open_for_store("S001", 50);
    return std::any_of(open.begin(), open.end(), [&](const auto& i) { return i.id == id; });
}

pos::Interaction update_interaction_at(TestTerminal& terminal, const std::string& number,
                                       const pos::InteractionDraft& draft) {
    auto held = terminal.store().interactions().find(number);
    REQUIRE(held.has_value());
    require_done(
        pos::update_interaction(*held, draft, today_at(terminal), terminal.clock().now_ms()),
        "updating " + number);
    require_done(terminal.store().interactions().save(*held), "saving " + number);
    return *held;
}

pos::StockRequest submit_request(TestTerminal& terminal, int number, pos::StockRequestKind kind,
                                 int product, std::int64_t quantity_milli) {
    pos::StockRequest request;
    request.id = test_uuid('1', number);
    request.kind = kind;
    request.product_code = code(product);
    request.product_name = chain_product(product).name;
    request.quantity_milli = quantity_milli;
    request.from_store = "S002";
    request.to_store = "S001";
    request.note = "Asked at the counter";
    request.requested_by = 1001;
    request.requested_by_name = "Alex Martin";
    request.created_at_ms = terminal.clock().now_ms();
    request.updated_at_ms = request.created_at_ms;
    require_done(terminal.store().stock_requests().submit(request), "submitting a request");
    return request;
}

std::optional<pos::StockRequest> request_at_office(HeadOfficeFixture& office,
                                                   const std::string& id) {
    std::optional<pos::StockRequest> found;
    for (const auto& request : office.head_office().stock_requests("S001")) {
        if (request.id == id) {
            CHECK_MESSAGE(!found.has_value(), "head office lists request " << id << " twice");
            found = request;
        }
    }
    return found;
}

std::optional<pos::StockRequest> request_at(TestTerminal& terminal, const std::string& id) {
    for (const auto& request : terminal.store().stock_requests().recent(20)) {
        if (request.id == id)
            return request;
    }
    return std::nullopt;
}

void answer_request(HeadOfficeFixture& office, const std::string& id,
                    pos::StockRequestStatus status, const std::string& note) {
    office.clock().now += 60'000;
    require_done(office.head_office().answer_stock_request(id, status, note),
                 "answering " + std::string(pos::to_string(status)));
}

void advance(HeadOfficeFixture& office, const std::vector<TestTerminal*>& terminals,
             std::int64_t ms) {
    office.clock().now += ms;
    for (TestTerminal* terminal : terminals)
        terminal->clock().advance(ms);
}

void receive(HeadOfficeFixture& office, const std::string& store, const std::string& product_code,
             std::int64_t quantity_milli) {
    headoffice::StockAdjustment receipt;
    receipt.kind = headoffice::StockAdjustment::Kind::supplier_receipt;
    receipt.reference = "PO-" + store + "-" + product_code;
    receipt.store_code = store;
    receipt.product_code = product_code;
    receipt.quantity_milli = quantity_milli;
    require_done(office.head_office().adjust_stock(receipt), "receiving " + product_code);
}

std::int64_t stock_at(HeadOfficeFixture& office, const std::string& store,
                      const std::string& product_code) {
    for (const auto& level : office.head_office().store_stock(store)) {
        if (level.product_code == product_code)
            return level.quantity_milli;
    }
    return 0;
}

void sync_service(TestTerminal& terminal, int attempts) {
    std::string last_error = "something was always left queued";
    for (int attempt = 0; attempt < attempts; ++attempt) {
        const auto round = terminal.sync().run_round();
        if (!round.ok()) {
            last_error = round.error().message;
            continue;
        }
        if (terminal.store().pending_outbox_count() == 0 &&
            terminal.store().sync().pending_record_count() == 0)
            return;
        last_error =
            std::to_string(terminal.store().sync().pending_record_count()) +
            " service records still queued (refused: " + std::to_string(round->records_refused) +
            ")";
    }
    FAIL(terminal.terminal_id() << " could not sync fully: " << last_error);
}

void check_terminal_settled(TestTerminal& terminal) {
    INFO(terminal.terminal_id() << " once synced");
    CHECK(terminal.store().pending_outbox_count() == 0);
    CHECK(terminal.store().sync().pending_record_count() == 0);
    CHECK(terminal.sync().status().records_waiting == 0);
    const db::JournalReport report = terminal.store().verify_journal();
    CHECK_MESSAGE(report.ok, terminal.terminal_id() << ": " << report.message);
}

void check_settled(HeadOfficeFixture& office, const std::string& store_code,
                   const std::vector<TestTerminal*>& terminals) {
    std::int64_t tickets = 0;
    std::int64_t entries = 0;
    for (TestTerminal* terminal : terminals) {
        check_terminal_settled(*terminal);
        tickets += terminal->store().completed_ticket_count();
        entries += terminal->store().verify_journal().entries_checked;
    }
    const auto sales = office.head_office().store_sales(store_code);
    require_done(sales, "head office's sales of " + store_code);
    INFO("head office's sales of " << store_code);
    CHECK(sales->tickets == tickets);
    CHECK(sales->entries == entries);
    std::ostringstream odd;
    for (const auto& gap : sales->gaps)
        odd << gap << "; ";
    for (const auto& anomaly : sales->anomalies)
        odd << anomaly << "; ";
    CHECK_MESSAGE(odd.str().empty(), "gaps and anomalies: " << odd.str());
}

}  // namespace testing_support
