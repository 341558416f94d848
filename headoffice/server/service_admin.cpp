// Customer service at head office (pos-headoffice commands): the hold and transfer requests and
// head office's answers to them, customers and their points, interactions and special orders.
#include <algorithm>
#include <cctype>

#include "headoffice/server/head_office.hpp"
#include "headoffice/server/internal.hpp"
#include "headoffice/server/records_internal.hpp"

namespace headoffice {

namespace {

// Every row's record (column 0 holds its JSON); a row that cannot be read is left out.
template <typename T>
std::vector<T> decoded(std::string_view kind, const std::vector<sql::Row>& rows) {
    std::vector<T> records;
    for (const sql::Row& row : rows) {
        auto record = decode_service_record(kind, row.text(0));
        if (record && std::holds_alternative<T>(record.value()))
            records.push_back(std::get<T>(std::move(record).value()));
    }
    return records;
}

// A report reads nothing when the database cannot be reached (as store_stock does).
template <typename T, typename Read>
std::vector<T> report(Read&& read) {
    try {
        return read();
    } catch (const std::exception&) {
        return {};
    }
}

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// LIKE pattern for "contains text" ('\' escapes % and _).
std::string contains(const std::string& text) {
    std::string pattern = "%";
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\')
            pattern += '\\';
        pattern += c;
    }
    return pattern + "%";
}

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// A completed transfer moves the goods from the store that had them to the asking store, once.
pos::Status move_transferred(sql::Connection& connection, const pos::StockRequest& request,
                             std::int64_t now) {
    StockAdjustment transfer;
    transfer.kind = StockAdjustment::Kind::transfer;
    transfer.reference = "request/" + request.id;
    transfer.store_code = request.from_store;
    transfer.to_store_code = request.to_store;
    transfer.product_code = request.product_code;
    transfer.quantity_milli = request.quantity_milli;
    return detail::adjust_in(connection, transfer, now);
}

}  // namespace

std::vector<pos::StockRequest> HeadOffice::stock_requests(const std::string& store_code) {
    return report<pos::StockRequest>([&] {
        auto connection = pool_.acquire();
        return decoded<pos::StockRequest>(
            "stock_request", connection->query("SELECT data FROM stock_requests WHERE $1 = ''"
                                               " OR from_store = $1 OR to_store = $1"
                                               " ORDER BY created_at_ms DESC, id",
                                               {store_code}));
    });
}

pos::Status HeadOffice::answer_stock_request(const std::string& id, pos::StockRequestStatus status,
                                             const std::string& note) {
    return detail::guarded<pos::Done>("Answering stock request " + id, [&]() -> pos::Status {
        auto connection = pool_.acquire();
        sql::Transaction transaction(*connection);
        const std::string lock =
            connection->dialect() == sql::Dialect::postgresql ? " FOR UPDATE" : "";
        const auto found = connection->query(
            "SELECT data, updated_at_ms FROM stock_requests WHERE id = $1" + lock, {id});
        if (found.empty())
            return pos::not_found("There is no stock request " + id);
        auto held = decoded<pos::StockRequest>("stock_request", found);
        if (held.empty())
            return pos::store_failure("Stock request " + id + " could not be read");
        pos::StockRequest request = std::move(held.front());
        if (!pos::allowed_transition(request.status, status)) {
            return pos::bad_input("Stock request " + id + " is " +
                                  std::string(pos::to_string(request.status)) +
                                  "; it cannot become " + std::string(pos::to_string(status)));
        }
        const std::int64_t now = clock_.now_ms();
        request.status = status;
        if (!note.empty())
            request.status_note = note;
        // Later than anything the terminals sent, so their older states arrive as stale.
        request.updated_at_ms = std::max(now, found.front().integer(1) + 1);
        if (status == pos::StockRequestStatus::completed &&
            request.kind == pos::StockRequestKind::transfer) {
            if (auto moved = move_transferred(*connection, request, now); !moved)
                return moved;
        }
        const pos::ServiceRecord record(request);
        detail::upsert(*connection, detail::table_row(record, encode_service_record(record)));
        detail::write_record_change(*connection, record);
        transaction.commit();
        return pos::ok();
    });
}

std::vector<pos::Customer> HeadOffice::find_customers(const std::string& text, std::size_t limit) {
    const std::string wanted = trimmed(text);
    if (wanted.empty() || limit == 0)
        return {};
    std::string digits;
    for (char c : wanted) {
        if (std::isdigit(static_cast<unsigned char>(c)))
            digits += c;
    }
    return report<pos::Customer>([&] {
        auto connection = pool_.acquire();
        sql::Params params{lower(contains(wanted)), wanted,
                           static_cast<std::int64_t>(std::min<std::size_t>(limit, 1000))};
        std::string by_phone;
        if (digits.size() >= 3) {
            by_phone = " OR phone LIKE $4 ESCAPE '\\'";
            params.push_back(contains(digits));
        }
        return decoded<pos::Customer>(
            "customer",
            connection->query("SELECT data FROM customers WHERE merged_into = '' AND ("
                              "LOWER(name) LIKE $1 ESCAPE '\\' OR email LIKE $1 ESCAPE '\\'"
                              " OR card = $2" +
                                  by_phone + ") ORDER BY name, id LIMIT $3",
                              params));
    });
}

std::int64_t HeadOffice::customer_points(const std::string& customer_id) {
    try {
        auto connection = pool_.acquire();
        // Points of records merged into this customer count as theirs.
        return connection
            ->query(
                "SELECT CAST(COALESCE(SUM(points), 0) AS BIGINT) FROM loyalty_movements"
                " WHERE customer_id = $1"
                " OR customer_id IN (SELECT id FROM customers WHERE merged_into = $1)",
                {customer_id})
            .at(0)
            .integer(0);
    } catch (const std::exception&) {
        return 0;
    }
}

std::vector<pos::Interaction> HeadOffice::interactions(const std::string& store_code, bool all) {
    return report<pos::Interaction>([&] {
        auto connection = pool_.acquire();
        auto found = decoded<pos::Interaction>(
            "interaction",
            connection->query("SELECT data FROM interactions WHERE ($1 = '' OR store_code = $1)"
                              " AND ($2 = 1 OR status <> 'resolved')"
                              " ORDER BY opened_at_ms, id",
                              {store_code, std::int64_t{all ? 1 : 0}}));
        pos::sort_for_follow_up(found);
        return found;
    });
}

std::vector<pos::SpecialOrder> HeadOffice::special_orders(const std::string& store_code) {
    return report<pos::SpecialOrder>([&] {
        auto connection = pool_.acquire();
        return decoded<pos::SpecialOrder>(
            "special_order",
            connection->query("SELECT data FROM special_orders WHERE $1 = '' OR store_code = $1"
                              " ORDER BY created_at_ms DESC, id",
                              {store_code}));
    });
}

}  // namespace headoffice
