// Head office: the chain's stores, terminals and staff, its one catalogue and price book, every
// journal entry every terminal sent, and stock per store. Stateless: everything lives in the
// database behind the connection pool, so several server processes can share one PostgreSQL.
// The HTTP layer (http_server.hpp) and the admin commands (main.cpp) both call this.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "headoffice/protocol/protocol.hpp"
#include "headoffice/sql/connection.hpp"
#include "pos/ports.hpp"
#include "pos/reference_data.hpp"
#include "pos/result.hpp"
#include "pos/till.hpp"
#include "pos/till_report.hpp"

namespace headoffice {

// Who is calling: the terminal its bearer token belongs to. A terminal writes only as this.
struct Identity {
    std::string store_code;
    std::string terminal_id;
};

struct NewStore {
    std::string code;  // "S002": letters and digits, 1..8
    std::string name;
    std::vector<pos::SettingRecord>
        settings;  // receipt header, address, currency ... for its terminals
};

// One rejected row of an import, and why: "line 7: price '12,50' is not a number of cents".
struct RejectedRow {
    std::int64_t line = 0;  // 1-based line in the file, the header being line 1
    std::string reason;
};
struct ImportReport {
    std::int64_t accepted = 0;
    std::vector<RejectedRow> rejected;
};

// A stock movement head office did not get from a terminal's journal.
struct StockAdjustment {
    enum class Kind { supplier_receipt, transfer, count };
    Kind kind = Kind::supplier_receipt;
    std::string reference;  // unique: a second adjustment with the same reference is a repeat
    std::string store_code;
    std::string to_store_code;  // transfers only: goods go from store_code to to_store_code
    std::string product_code;
    std::int64_t quantity_milli = 0;  // received / moved; for a count, what was counted
};

// Sales of one store as head office holds them.
struct StoreSales {
    std::int64_t tickets = 0;            // completed sales, returns, exchanges and post-voids
    std::int64_t total_minor = 0;        // sum of ticket totals (returns negative)
    std::int64_t entries = 0;            // journal entries held
    std::vector<std::string> gaps;       // "T02: entries 7-9 missing"
    std::vector<std::string> anomalies;  // the review list for this store
};

// One entry of the review list.
struct Anomaly {
    std::string store_code;
    std::string terminal_id;
    std::int64_t sequence = 0;
    std::string reason;  // "content differs from the entry held", "hash chain broken: ..."
    std::int64_t at_ms = 0;
};

// A Z report as head office holds it, folded from the terminal's z_report journal entry.
struct ZReportSummary {
    std::string store_code;
    std::string terminal_id;
    std::int64_t number = 0;
    std::int64_t business_day = 0;  // pos::local_day at the store
    std::int64_t to_ms = 0;         // when it was run
    std::string run_by;
    std::int64_t net_count = 0;  // the Net sales row
    pos::Money net_sales;
};

struct StoredZReport {
    std::string store_code;
    std::int64_t run_by_id = 0;
    pos::ReportFigures figures;  // final, numbered, every row as the terminal's Z had it
};

// A till's close as the terminal journaled it: the blind count against what the shift expected.
struct TillClose {
    std::string store_code;
    std::string terminal_id;
    std::string shift_id;
    std::int64_t shift_number = 0;
    std::int64_t closed_at_ms = 0;
    std::int64_t closed_by = 0;
    std::string closed_by_name;
    std::string cash_count;                      // pos::cash_count_text: "50.00x2 20.00x5"
    std::vector<pos::TenderDifference> tenders;  // difference() > 0 over, < 0 short
    std::int64_t approved_by = 0;                // who accepted it beyond the threshold; else 0
    std::string approver_name;
    std::string reason;
};

class HeadOffice {
  public:
    HeadOffice(sql::ConnectionPool& pool, pos::Clock& clock, pos::IdSource& ids);

    // --- terminals (HTTP) ---
    // A one-time code gives the terminal its credentials; the code is then used up.
    pos::Result<EnrolReply> enrol(const EnrolRequest& request);
    // not_allowed "unknown credentials" / "credentials revoked on ..." for a bad token.
    pos::Result<Identity> authenticate(const std::string& bearer_token);
    // Applies each entry on its own (one bad entry does not stop the rest). Entries that name
    // another terminal are refused.
    pos::Result<UploadReply> upload(const Identity& who, const UploadRequest& request);
    // Changes after `after` visible to this terminal's store, at most `limit` (<= max).
    pos::Result<ChangesReply> changes(const Identity& who, std::int64_t after, std::int64_t limit);
    // Stock levels of every store changed at or after since_ms (0: all).
    pos::Result<StockReply> stock_since(std::int64_t since_ms);
    pos::Result<StockReply> stock_of(const std::string& product_code);
    pos::Result<TicketReply> ticket(const std::string& receipt_number);
    // Service records (customers, interactions, loyalty movements, stock requests, special
    // orders): each on its own, newest updated_at_ms wins; customers, interactions, loyalty and
    // stock requests go into the change log (chain-wide) so every store gets them. A record
    // naming another store as its own (interaction store_code, request to_store, order store) is
    // refused.
    pos::Result<RecordsReply> upload_records(const Identity& who, const RecordsUpload& request);
    HealthReply health();

    // --- administration (pos-headoffice commands) ---
    pos::Status create_store(const NewStore& store);
    pos::Status create_terminal(const std::string& store_code, const std::string& terminal_id);
    // A fresh one-time code for the terminal ("7KQ2-9XMD"), valid for valid_for_ms; any earlier
    // unused code for it stops working. Re-enrolling replaces the terminal's credentials.
    pos::Result<std::string> issue_enrolment_code(const std::string& terminal_id,
                                                  std::int64_t valid_for_ms);
    pos::Status revoke_terminal(const std::string& terminal_id);
    // PIN hashed with argon2id, badge with SHA-256, before anything is stored.
    pos::Status create_user(const std::string& code, const std::string& name, pos::Role role,
                            const std::string& pin, const std::string& badge);
    pos::Status add_tax_rate(const pos::TaxRate& rate);
    pos::Status set_store_setting(const std::string& store_code, const pos::SettingRecord& setting);
    // CSV with a header line. Catalogue columns: code,name,department,tax_code,price,unit
    // [,barcodes (space separated)][,brand]. Price book columns: code,price,effective_from
    // (ISO date "2026-12-01" or "2026-12-01T08:00" UTC). Good rows are stored, bad rows reported;
    // nothing already stored is changed by a bad row.
    pos::Result<ImportReport> import_catalogue_csv(const std::string& csv_text);
    pos::Result<ImportReport> import_prices_csv(const std::string& csv_text);
    pos::Status add_products(const std::vector<pos::ProductRecord>& products);
    pos::Status add_promotion(const pos::PromotionRecord& promotion);
    pos::Status adjust_stock(const StockAdjustment& adjustment);
    std::vector<pos::StockLevel> store_stock(const std::string& store_code);
    pos::Result<StoreSales> store_sales(const std::string& store_code);
    std::vector<Anomaly> review_list();

    // --- customer service (pos-headoffice commands) ---
    // Goods ordered from the supplier for a store, due on expected_day (local day); shown by
    // lookups as "on order". A later order for the same store and product replaces it; receiving
    // stock (adjust_stock supplier_receipt) takes the received quantity off what is on order.
    pos::Status set_on_order(const std::string& store_code, const std::string& product_code,
                             std::int64_t quantity_milli, std::int64_t expected_day);
    pos::Status set_location(const std::string& store_code, const std::string& product_code,
                             const std::string& location);
    // Hold and transfer requests, newest first (store_code: asked by or asked of that store;
    // empty: all).
    std::vector<pos::StockRequest> stock_requests(const std::string& store_code);
    // Head office answers a request (pos::allowed_transition), with a note for the asking store;
    // the change reaches the terminals through the change log. A transfer marked completed moves
    // the stock (as a transfer adjustment referenced by the request id).
    pos::Status answer_stock_request(const std::string& id, pos::StockRequestStatus status,
                                     const std::string& note);
    // Customers whose name, phone, email or card match (as the terminal's search), at most limit.
    std::vector<pos::Customer> find_customers(const std::string& text, std::size_t limit);
    std::int64_t customer_points(const std::string& customer_id);
    // Interactions of a store (empty: every store), open ones only unless all.
    std::vector<pos::Interaction> interactions(const std::string& store_code, bool all);
    std::vector<pos::SpecialOrder> special_orders(const std::string& store_code);

    // --- tills and Z reports (server/till_reports.cpp; pos-headoffice commands) ---
    // Z reports of a store (empty: every store) by store, terminal and number. not_found for a
    // store head office does not know.
    pos::Result<std::vector<ZReportSummary>> z_reports(const std::string& store_code);
    // One Z report's figures; not_found "Head office holds no Z report No. 9 of T01 in S001".
    pos::Result<StoredZReport> z_report(const std::string& store_code,
                                        const std::string& terminal_id, std::int64_t number);
    // Till closes of a store (empty: every store), oldest first, amounts in the store's currency.
    pos::Result<std::vector<TillClose>> till_closes(const std::string& store_code);

  private:
    sql::ConnectionPool& pool_;
    pos::Clock& clock_;
    pos::IdSource& ids_;
};

}  // namespace headoffice
