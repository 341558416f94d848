// StockRequests over SQLite: requests this store made, queued for head office, which sends
// their status back through the change log (sync_apply.cpp).
#include <algorithm>

#include "db/format.hpp"
#include "db/service_repositories.hpp"
#include "db/service_rows.hpp"

namespace db {

namespace {

constexpr std::int64_t max_rows = 10'000;

bool is_open(pos::StockRequestStatus status) {
    using S = pos::StockRequestStatus;
    return status == S::requested || status == S::accepted || status == S::ready;
}

class SqliteStockRequests final : public StockRequests {
  public:
    explicit SqliteStockRequests(Database& db) : db_(db), rows_(db) {}

    pos::Status submit(const pos::StockRequest& request) override {
        if (auto problem = check(request); !problem)
            return problem;
        try {
            Transaction transaction(db_);
            if (rows_.stock_request(request.id))
                return pos::bad_input("Stock request " + in_quotes(request.id) +
                                      " is already stored; nothing was saved");
            pos::StockRequest stored = request;
            if (stored.to_store.empty())
                stored.to_store = setting_text(db_, "store_code");
            if (stored.updated_at_ms == 0)
                stored.updated_at_ms = stored.created_at_ms;
            rows_.write_stock_request(stored);
            rows_.queue("stock_request", stored.id, stored.updated_at_ms);
            transaction.commit();
        } catch (const std::exception& error) {
            return pos::store_failure(std::string("The stock request could not be saved (") +
                                      error.what() + "); nothing was written");
        }
        return pos::ok();
    }

    std::vector<pos::StockRequest> recent(std::size_t limit) override {
        Statement rows(db_, "SELECT " + std::string(stock_request_columns) +
                                " FROM stock_requests WHERE to_store = ?"
                                " ORDER BY created_at_ms DESC, id DESC LIMIT ?");
        rows.bind_all(setting_text(db_, "store_code"),
                      static_cast<std::int64_t>(std::min<std::size_t>(limit, max_rows)));
        std::vector<pos::StockRequest> found;
        while (rows.step())
            found.push_back(read_stock_request(rows));
        return found;
    }

    pos::Status cancel(const std::string& id, std::int64_t at_ms) override {
        try {
            Transaction transaction(db_);
            auto request = rows_.stock_request(id);
            if (!request)
                return pos::not_found("No stock request " + in_quotes(id) +
                                      " is known here; nothing was changed");
            if (request->to_store != setting_text(db_, "store_code"))
                return pos::not_allowed("Only the store that asked (" + request->to_store +
                                        ") can withdraw this request; nothing was changed");
            if (!is_open(request->status))
                return pos::not_allowed("The request is " +
                                        std::string(pos::title(request->status)) +
                                        "; it can no longer be withdrawn");
            request->status = pos::StockRequestStatus::cancelled;
            request->updated_at_ms = at_ms;
            rows_.write_stock_request(*request);
            rows_.queue("stock_request", id, at_ms);
            transaction.commit();
        } catch (const std::exception& error) {
            return pos::store_failure(std::string("The stock request could not be withdrawn (") +
                                      error.what() + "); nothing was changed");
        }
        return pos::ok();
    }

  private:
    static pos::Status check(const pos::StockRequest& request) {
        const std::string refused = "; nothing was saved";
        if (request.id.empty())
            return pos::bad_input("The stock request has no id" + refused);
        if (request.product_code.empty())
            return pos::bad_input("The stock request names no product" + refused);
        if (request.quantity_milli <= 0)
            return pos::bad_input("The quantity asked for must be more than 0" + refused);
        if (request.from_store.empty())
            return pos::bad_input("The stock request names no store to ask" + refused);
        if (request.from_store == request.to_store)
            return pos::bad_input("A store cannot ask itself for stock (" + request.from_store +
                                  ")" + refused);
        return pos::ok();
    }

    Database& db_;
    ServiceRows rows_;
};

}  // namespace

std::unique_ptr<StockRequests> make_stock_requests(Database& db) {
    return std::make_unique<SqliteStockRequests>(db);
}

}  // namespace db
