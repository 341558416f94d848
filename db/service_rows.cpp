// The customer-service tables' rows, read and written whole.
#include "db/service_rows.hpp"

#include <cctype>

namespace db {

namespace {

std::string join_lines(const std::vector<std::string>& items) {
    std::string text;
    for (std::size_t i = 0; i < items.size(); ++i)
        text += (i > 0 ? "\n" : "") + items[i];
    return text;
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        items.push_back(text.substr(start, end - start));
        if (end == std::string::npos)
            break;
        start = end + 1;
    }
    return items;
}

template <typename T>
T known(std::optional<T> value, std::string_view what, const std::string& word) {
    if (!value)
        throw pos::StoreFailure("the store holds an unknown " + std::string(what) + " '" + word +
                                "'");
    return *value;
}

}  // namespace

const std::string_view customer_columns =
    "id, card, name, phone, email, consent_email, consent_sms, consent_post,"
    " store_credit_account, note, home_store, created_at_ms, updated_at_ms, merged_into";
const std::string_view interaction_columns =
    "id, number, kind, category, customer_id, customer_name, receipt_number, said, done, status,"
    " store_code, handled_by, handled_by_name, opened_at_ms, updated_at_ms, resolved_at_ms,"
    " follow_up_day, outcome_receipts";
const std::string_view loyalty_columns =
    "id, customer_id, points, ticket_id, receipt_number, store_code, at_ms";
const std::string_view special_order_columns =
    "id, number, customer_id, customer_name, product_code, product_name, quantity_milli,"
    " unit_price, total, deposit, deposit_held, status, store_code, deposit_receipt,"
    " pickup_receipt, expected_day, note, created_at_ms, updated_at_ms";
const std::string_view stock_request_columns =
    "id, kind, product_code, product_name, quantity_milli, from_store, to_store, customer_id,"
    " customer_name, note, status, status_note, requested_by, requested_by_name, created_at_ms,"
    " updated_at_ms";

pos::Customer read_customer(const Statement& row) {
    pos::Customer c;
    c.id = row.column_text(0);
    c.card = row.column_text(1);
    c.name = row.column_text(2);
    c.phone = row.column_text(3);
    c.email = row.column_text(4);
    c.consent = {row.column_int(5) != 0, row.column_int(6) != 0, row.column_int(7) != 0};
    c.store_credit_account = row.column_text(8);
    c.note = row.column_text(9);
    c.home_store = row.column_text(10);
    c.created_at_ms = row.column_int64(11);
    c.updated_at_ms = row.column_int64(12);
    c.merged_into = row.column_text(13);
    return c;
}

pos::Interaction read_interaction(const Statement& row) {
    pos::Interaction i;
    i.id = row.column_text(0);
    i.number = row.column_text(1);
    i.kind = known(pos::interaction_kind_from(row.column_text(2)), "interaction kind",
                   row.column_text(2));
    i.category = row.column_text(3);
    i.customer_id = row.column_text(4);
    i.customer_name = row.column_text(5);
    i.receipt_number = row.column_text(6);
    i.said = row.column_text(7);
    i.done = row.column_text(8);
    i.status = known(pos::interaction_status_from(row.column_text(9)), "interaction status",
                     row.column_text(9));
    i.store_code = row.column_text(10);
    i.handled_by = row.column_int64(11);
    i.handled_by_name = row.column_text(12);
    i.opened_at_ms = row.column_int64(13);
    i.updated_at_ms = row.column_int64(14);
    i.resolved_at_ms = row.column_int64(15);
    i.follow_up_day = row.column_int64(16);
    i.outcome_receipts = split_lines(row.column_text(17));
    return i;
}

pos::LoyaltyMovement read_loyalty(const Statement& row) {
    return {row.column_text(0), row.column_text(1), row.column_int64(2), row.column_text(3),
            row.column_text(4), row.column_text(5), row.column_int64(6)};
}

pos::SpecialOrder read_special_order(const Statement& row, const pos::Currency& currency) {
    const auto money = [&](int column) { return pos::Money(row.column_int64(column), currency); };
    pos::SpecialOrder o;
    o.id = row.column_text(0);
    o.number = row.column_text(1);
    o.customer_id = row.column_text(2);
    o.customer_name = row.column_text(3);
    o.product_code = row.column_text(4);
    o.product_name = row.column_text(5);
    o.quantity = pos::Quantity{row.column_int64(6)};
    o.unit_price = money(7);
    o.total = money(8);
    o.deposit = money(9);
    o.deposit_held = money(10);
    o.status = known(pos::special_order_status_from(row.column_text(11)), "special order status",
                     row.column_text(11));
    o.store_code = row.column_text(12);
    o.deposit_receipt = row.column_text(13);
    o.pickup_receipt = row.column_text(14);
    o.expected_day = row.column_int64(15);
    o.note = row.column_text(16);
    o.created_at_ms = row.column_int64(17);
    o.updated_at_ms = row.column_int64(18);
    return o;
}

pos::StockRequest read_stock_request(const Statement& row) {
    pos::StockRequest r;
    r.id = row.column_text(0);
    r.kind = known(pos::stock_request_kind_from(row.column_text(1)), "stock request kind",
                   row.column_text(1));
    r.product_code = row.column_text(2);
    r.product_name = row.column_text(3);
    r.quantity_milli = row.column_int64(4);
    r.from_store = row.column_text(5);
    r.to_store = row.column_text(6);
    r.customer_id = row.column_text(7);
    r.customer_name = row.column_text(8);
    r.note = row.column_text(9);
    r.status = known(pos::stock_request_status_from(row.column_text(10)), "stock request status",
                     row.column_text(10));
    r.status_note = row.column_text(11);
    r.requested_by = row.column_int64(12);
    r.requested_by_name = row.column_text(13);
    r.created_at_ms = row.column_int64(14);
    r.updated_at_ms = row.column_int64(15);
    return r;
}

std::string digits_of(std::string_view text) {
    std::string digits;
    for (char c : text) {
        if (std::isdigit(static_cast<unsigned char>(c)))
            digits += c;
    }
    return digits;
}

namespace {

std::string select_by(std::string_view columns, std::string_view table, std::string_view where) {
    return "SELECT " + std::string(columns) + " FROM " + std::string(table) + " WHERE " +
           std::string(where);
}

// INSERT ... ON CONFLICT (id) DO UPDATE SET every other column.
std::string upsert_sql(std::string_view table, std::string_view columns, int count) {
    std::string sql =
        "INSERT INTO " + std::string(table) + " (" + std::string(columns) + ") VALUES (?";
    for (int i = 1; i < count; ++i)
        sql += ", ?";
    sql += ") ON CONFLICT (id) DO UPDATE SET ";
    std::string rest(columns.substr(columns.find(',') + 1));
    bool first = true;
    std::size_t start = 0;
    while (start < rest.size()) {
        std::size_t end = rest.find(',', start);
        if (end == std::string::npos)
            end = rest.size();
        std::string name = rest.substr(start, end - start);
        name.erase(0, name.find_first_not_of(' '));
        sql += (first ? "" : ", ") + name + " = excluded." + name;
        first = false;
        start = end + 1;
    }
    return sql;
}

}  // namespace

ServiceRows::ServiceRows(Database& db)
    : db_(db),
      upsert_customer_(
          db, upsert_sql("customers", std::string(customer_columns) + ", phone_digits", 15)),
      upsert_interaction_(db, upsert_sql("interactions", interaction_columns, 18)),
      insert_loyalty_(db, "INSERT INTO loyalty_movements (" + std::string(loyalty_columns) +
                              ") VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"),
      upsert_order_(db, upsert_sql("special_orders", special_order_columns, 19)),
      upsert_request_(db, upsert_sql("stock_requests", stock_request_columns, 16)),
      queue_(db, "INSERT OR REPLACE INTO record_queue (kind, key, queued_at_ms) VALUES (?, ?, ?)"),
      customer_(db, select_by(customer_columns, "customers", "id = ?")),
      interaction_(db, select_by(interaction_columns, "interactions", "id = ?1 OR number = ?1")),
      loyalty_(db, select_by(loyalty_columns, "loyalty_movements", "id = ?")),
      order_(db, select_by(special_order_columns, "special_orders", "id = ?1 OR number = ?1")),
      request_(db, select_by(stock_request_columns, "stock_requests", "id = ?")),
      balance_(db,
               "WITH RECURSIVE family (id) AS (SELECT ?1 UNION SELECT customers.id"
               " FROM customers JOIN family ON customers.merged_into = family.id)"
               " SELECT coalesce(sum(points), 0) FROM loyalty_movements"
               " WHERE customer_id IN (SELECT id FROM family)") {}

void ServiceRows::write_customer(const pos::Customer& c) {
    auto use = upsert_customer_.use();
    upsert_customer_
        .bind_all(c.id, c.card, c.name, c.phone, c.email, c.consent.email ? 1 : 0,
                  c.consent.sms ? 1 : 0, c.consent.post ? 1 : 0, c.store_credit_account, c.note,
                  c.home_store, c.created_at_ms, c.updated_at_ms, c.merged_into, digits_of(c.phone))
        .run();
}

void ServiceRows::write_interaction(const pos::Interaction& i) {
    auto use = upsert_interaction_.use();
    upsert_interaction_
        .bind_all(i.id, i.number, pos::to_string(i.kind), i.category, i.customer_id,
                  i.customer_name, i.receipt_number, i.said, i.done, pos::to_string(i.status),
                  i.store_code, i.handled_by, i.handled_by_name, i.opened_at_ms, i.updated_at_ms,
                  i.resolved_at_ms, i.follow_up_day, join_lines(i.outcome_receipts))
        .run();
}

bool ServiceRows::write_loyalty(const pos::LoyaltyMovement& m) {
    auto use = insert_loyalty_.use();
    insert_loyalty_
        .bind_all(m.id, m.customer_id, m.points, m.ticket_id, m.receipt_number, m.store_code,
                  m.at_ms)
        .run();
    return db_.changes() > 0;
}

void ServiceRows::write_special_order(const pos::SpecialOrder& o) {
    auto use = upsert_order_.use();
    upsert_order_
        .bind_all(o.id, o.number, o.customer_id, o.customer_name, o.product_code, o.product_name,
                  o.quantity.milli, o.unit_price.minor(), o.total.minor(), o.deposit.minor(),
                  o.deposit_held.minor(), pos::to_string(o.status), o.store_code, o.deposit_receipt,
                  o.pickup_receipt, o.expected_day, o.note, o.created_at_ms, o.updated_at_ms)
        .run();
}

void ServiceRows::write_stock_request(const pos::StockRequest& r) {
    auto use = upsert_request_.use();
    upsert_request_
        .bind_all(r.id, pos::to_string(r.kind), r.product_code, r.product_name, r.quantity_milli,
                  r.from_store, r.to_store, r.customer_id, r.customer_name, r.note,
                  pos::to_string(r.status), r.status_note, r.requested_by, r.requested_by_name,
                  r.created_at_ms, r.updated_at_ms)
        .run();
}

void ServiceRows::queue(std::string_view kind, const std::string& key, std::int64_t at_ms) {
    auto use = queue_.use();
    queue_.bind_all(kind, key, at_ms).run();
}

namespace {

template <typename T, typename Read>
std::optional<T> one(Statement& statement, const std::string& key, Read read) {
    auto use = statement.use();
    statement.bind(1, key);
    if (!statement.step())
        return std::nullopt;
    return read(statement);
}

}  // namespace

std::optional<pos::Customer> ServiceRows::customer(const std::string& id) {
    return one<pos::Customer>(customer_, id, read_customer);
}
std::optional<pos::Interaction> ServiceRows::interaction(const std::string& id) {
    return one<pos::Interaction>(interaction_, id, read_interaction);
}
std::optional<pos::LoyaltyMovement> ServiceRows::loyalty(const std::string& id) {
    return one<pos::LoyaltyMovement>(loyalty_, id, read_loyalty);
}
std::optional<pos::SpecialOrder> ServiceRows::special_order(const std::string& id_or_number,
                                                            const pos::Currency& currency) {
    return one<pos::SpecialOrder>(order_, id_or_number, [&](const Statement& row) {
        return read_special_order(row, currency);
    });
}
std::optional<pos::StockRequest> ServiceRows::stock_request(const std::string& id) {
    return one<pos::StockRequest>(request_, id, read_stock_request);
}

std::int64_t ServiceRows::points_balance(const std::string& customer_id) {
    auto use = balance_.use();
    balance_.bind_all(customer_id);
    balance_.step();
    return balance_.column_int64(0);
}

std::int64_t next_sequence(Database& db, const std::string& name) {
    Statement next(db,
                   "INSERT INTO service_sequences (name, last_sequence) VALUES (?, 1)"
                   " ON CONFLICT (name) DO UPDATE SET last_sequence = last_sequence + 1"
                   " RETURNING last_sequence");
    next.bind_all(name);
    if (!next.step())
        throw pos::StoreFailure("no number was handed out for " + name);
    const std::int64_t sequence = next.column_int64(0);
    next.run();
    return sequence;
}

std::string setting_text(Database& db, std::string_view key) {
    Statement query(db, "SELECT value FROM settings WHERE key = ?");
    query.bind_all(key);
    return query.step() ? query.column_text(0) : std::string();
}

}  // namespace db
