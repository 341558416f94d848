// HeadOffice: construction, health, hashing and random secrets, and the read-only reports
// (a store's sales, the review list, a ticket sold anywhere).
#include "headoffice/server/head_office.hpp"

#include <sodium.h>

#include <array>
#include <stdexcept>

#include "headoffice/server/internal.hpp"
#include "headoffice/server/till_internal.hpp"

namespace headoffice {

namespace detail {

namespace {

void require_sodium() {
    static const bool ready = sodium_init() >= 0;
    if (!ready)
        throw std::runtime_error("libsodium could not be initialised");
}

}  // namespace

std::string sha256_hex(std::string_view data) {
    require_sodium();
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(data.data()),
                       data.size());
    std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    return std::string(hex.data(), crypto_hash_sha256_BYTES * 2);
}

std::string entry_hash(std::string_view prev_hash, std::string_view payload) {
    std::string data;
    data.reserve(prev_hash.size() + payload.size());
    data += prev_hash;
    data += payload;
    return sha256_hex(data);
}

std::string random_hex(std::size_t bytes) {
    require_sodium();
    std::vector<unsigned char> raw(bytes);
    randombytes_buf(raw.data(), raw.size());
    std::vector<char> hex(bytes * 2 + 1);
    sodium_bin2hex(hex.data(), hex.size(), raw.data(), raw.size());
    return std::string(hex.data(), bytes * 2);
}

std::string random_code() {
    require_sodium();
    static constexpr std::string_view alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    std::string code;
    for (int i = 0; i < 8; ++i) {
        if (i == 4)
            code += '-';
        code += alphabet[randombytes_uniform(static_cast<std::uint32_t>(alphabet.size()))];
    }
    return code;
}

}  // namespace detail

HeadOffice::HeadOffice(sql::ConnectionPool& pool, pos::Clock& clock, pos::IdSource& ids)
    : pool_(pool), clock_(clock), ids_(ids) {
    auto connection = pool_.acquire();
    sql::migrate(*connection);
    detail::fold_held_till_entries(*connection);
}

HealthReply HeadOffice::health() {
    return {std::string(protocol_version), clock_.now_ms(),
            std::string(sql::to_string(pool_.dialect()))};
}

std::vector<Anomaly> HeadOffice::review_list() {
    std::vector<Anomaly> list;
    try {
        auto connection = pool_.acquire();
        for (const sql::Row& row : connection->query(
                 "SELECT store_code, terminal_id, sequence, reason, at_ms FROM anomalies"
                 " ORDER BY id"))
            list.push_back({row.text(0), row.text(1), row.integer(2), row.text(3), row.integer(4)});
    } catch (const std::exception&) {
        // The review list is a report: an unreachable database shows as an empty list.
    }
    return list;
}

namespace {

// "T02: entries 7-9 missing" for every hole below the highest sequence held.
std::vector<std::string> gaps_of(sql::Connection& connection, const std::string& store_code) {
    std::vector<std::string> gaps;
    std::string terminal;
    std::int64_t expected = 1;
    for (const sql::Row& row :
         connection.query("SELECT terminal_id, sequence FROM journal_entries WHERE store_code = $1"
                          " ORDER BY terminal_id, sequence",
                          {store_code})) {
        if (row.text(0) != terminal) {
            terminal = row.text(0);
            expected = 1;
        }
        const std::int64_t sequence = row.integer(1);
        if (sequence > expected) {
            const std::string range =
                sequence - 1 == expected
                    ? "entry " + std::to_string(expected)
                    : "entries " + std::to_string(expected) + "-" + std::to_string(sequence - 1);
            gaps.push_back(terminal + ": " + range + " missing");
        }
        expected = sequence + 1;
    }
    return gaps;
}

}  // namespace

pos::Result<StoreSales> HeadOffice::store_sales(const std::string& store_code) {
    return detail::guarded<StoreSales>(
        "Reading the sales of " + store_code, [&]() -> pos::Result<StoreSales> {
            auto connection = pool_.acquire();
            if (connection->query("SELECT code FROM stores WHERE code = $1", {store_code}).empty())
                return pos::not_found("There is no store " + store_code);
            StoreSales sales;
            const auto totals = connection->query(
                "SELECT CAST(COUNT(*) AS BIGINT), CAST(COUNT(receipt) AS BIGINT),"
                " CAST(COALESCE(SUM(total_minor), 0) AS BIGINT)"
                " FROM journal_entries WHERE store_code = $1",
                {store_code});
            sales.entries = totals.at(0).integer(0);
            sales.tickets = totals.at(0).integer(1);
            sales.total_minor = totals.at(0).integer(2);
            sales.gaps = gaps_of(*connection, store_code);
            for (const sql::Row& row : connection->query(
                     "SELECT terminal_id, sequence, reason FROM anomalies WHERE store_code = $1"
                     " ORDER BY id",
                     {store_code}))
                sales.anomalies.push_back(row.text(0) + " entry " + std::to_string(row.integer(1)) +
                                          ": " + row.text(2));
            return sales;
        });
}

pos::Result<TicketReply> HeadOffice::ticket(const std::string& receipt_number) {
    return detail::guarded<
        TicketReply>("Looking up receipt " + receipt_number, [&]() -> pos::Result<TicketReply> {
        auto connection = pool_.acquire();
        const auto found = connection->query(
            "SELECT store_code, terminal_id, sequence, kind, entity_id, ticket_id, at_ms, payload,"
            " prev_hash, hash FROM journal_entries WHERE receipt = $1 ORDER BY id",
            {receipt_number});
        if (found.empty())
            return pos::not_found("Head office holds no receipt " + receipt_number);
        const sql::Row& row = found.front();
        TicketReply reply;
        reply.store_code = row.text(0);
        reply.entry = {row.text(1),    row.integer(2), row.text(3), row.text(4), row.text(5),
                       row.integer(6), row.text(7),    row.text(8), row.text(9)};
        for (const sql::Row& line : connection->query(
                 "SELECT original_line_id, CAST(SUM(quantity_milli) AS BIGINT) FROM returned_lines"
                 " WHERE original_receipt = $1 GROUP BY original_line_id ORDER BY original_line_id",
                 {receipt_number}))
            reply.returned_milli[line.text(0)] = line.integer(1);
        const auto voided = connection->query(
            "SELECT receipt FROM journal_entries WHERE post_void_of_receipt = $1 ORDER BY id",
            {receipt_number});
        if (!voided.empty())
            reply.post_voided_by = voided.front().text(0);
        return reply;
    });
}

}  // namespace headoffice
