// Stock and tickets: the snapshot refreshed with what changed since it was last read, the live
// figures of one product (kept for a later lookup offline), the chain's stores' names, and a
// ticket sold anywhere for a return.
#include <algorithm>
#include <cctype>
#include <string>

#include "headoffice/client/sync_client.hpp"

namespace headoffice {

namespace {

constexpr std::int64_t stock_overlap_ms = 2 * 60'000;  // levels folded while we last read

std::string url_path_part(const std::string& text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += hex[u >> 4];
            out += hex[u & 0x0F];
        }
    }
    return out;
}

}  // namespace

pos::Status SyncClient::refresh_stock() {
    auto bearer = token();
    if (!bearer)
        return bearer.error();
    const std::int64_t since =
        std::max<std::int64_t>(0, store_.state().stock_as_of_ms - stock_overlap_ms);
    auto reply =
        call<StockReply>("GET", "/v1/stock?since_ms=" + std::to_string(since), "", *bearer);
    if (!reply)
        return reply.error();
    if (auto saved = save_stores(reply->stores); !saved)
        return saved;
    if (auto saved = store_.save_stock(reply->levels, reply->as_of_ms); !saved)
        return saved;
    stock_refreshed_at_ms_ = clock_.now_ms();
    return pos::ok();
}

pos::Result<TicketReply> SyncClient::lookup_ticket(const std::string& receipt_number) {
    auto bearer = token();
    if (!bearer)
        return bearer.error();
    return call<TicketReply>("GET", "/v1/tickets/" + url_path_part(receipt_number), "", *bearer);
}

pos::Result<StockReply> SyncClient::live_stock(const std::string& product_code) {
    auto bearer = token();
    if (!bearer)
        return bearer.error();
    auto reply = call<StockReply>("GET", "/v1/stock/" + url_path_part(product_code), "", *bearer);
    if (!reply)
        return reply;
    // Kept for a later lookup offline. The clerk asked for the figures, not for them to be saved:
    // a store failure here does not hide the answer.
    (void)save_stores(reply->stores);
    // Not save_stock: one product's reading must not move the snapshot's refresh point past
    // every other product's changes.
    (void)store_.save_live_stock(reply->levels, reply->as_of_ms);
    return reply;
}

// An older head office sends no stores: the list kept is left as it is.
pos::Status SyncClient::save_stores(const std::vector<pos::StoreInfo>& stores) {
    return stores.empty() ? pos::ok() : store_.save_stores(stores);
}

}  // namespace headoffice
