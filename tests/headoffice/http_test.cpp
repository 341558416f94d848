// Head office's HTTP face over a real HttpServer on a loopback port, reached through the
// terminal's own http_transport, on SQLite and on PostgreSQL.
#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

#include "head_office_fixture.hpp"
#include "headoffice/client/transport.hpp"
#include "headoffice/server/internal.hpp"
#include "temp_dir.hpp"

using namespace headoffice;
using testing_support::Backend;
using testing_support::HeadOfficeFixture;

namespace {

#define FOR_EACH_BACKEND(backend)      \
    Backend backend = Backend::sqlite; \
    SUBCASE("sqlite") {                \
        backend = Backend::sqlite;     \
    }                                  \
    SUBCASE("postgresql") {            \
        backend = Backend::postgresql; \
    }

constexpr std::string_view genesis =
    "0000000000000000000000000000000000000000000000000000000000000000";

// A no-sale event as terminal T01 journals it: canonical header lines, chained from genesis.
JournalEntry no_sale_entry(std::int64_t sequence, const std::string& prev_hash) {
    const std::string entity = "00000000-0000-4000-8000-00000000000" + std::to_string(sequence);
    JournalEntry entry;
    entry.terminal_id = "T01";
    entry.sequence = sequence;
    entry.kind = "no_sale";
    entry.entity_id = entity;
    entry.at_ms = 1'790'000'000'000 + sequence;
    entry.payload = "terminal=T01\nsequence=" + std::to_string(sequence) +
                    "\nkind=no_sale\nentity=" + entity + "\n";
    entry.prev_hash = prev_hash;
    entry.hash = detail::entry_hash(prev_hash, entry.payload);
    return entry;
}

std::string error_of(const HttpReply& reply) {
    const auto error = decode<ErrorReply>(reply.body);
    REQUIRE_MESSAGE(error.ok(), "not an ErrorReply: " << reply.body);
    return error->error;
}

// Enrols T01 through the transport and returns its token.
std::string enrol(HeadOfficeFixture& office, Transport& transport) {
    const HttpReply reply = transport.send(
        "POST", "/v1/enrol", encode(EnrolRequest{office.enrolment_code("T01"), "till 1"}), "");
    REQUIRE_MESSAGE(reply.status == 200, reply.status << " " << reply.body << reply.failure);
    const auto enrolled = decode<EnrolReply>(reply.body);
    REQUIRE(enrolled.ok());
    return enrolled->token;
}

std::int64_t entries_held(HeadOfficeFixture& office) {
    const auto sales = office.head_office().store_sales("S001");
    REQUIRE(sales.ok());
    return sales->entries;
}

// A self-signed certificate for 127.0.0.1, made with the openssl command line.
void make_certificate(const testing_support::TempDir& dir) {
    const std::string command =
        "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj "
        "/CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 -days 1 -keyout " +
        (dir / "key.pem").string() + " -out " + (dir / "cert.pem").string() + " 2>/dev/null";
    REQUIRE_MESSAGE(std::system(command.c_str()) == 0, "openssl could not make a certificate");
}

}  // namespace

TEST_CASE("a terminal enrols over HTTP with its one-time code, which then stops working") {
    FOR_EACH_BACKEND(backend);
    HeadOfficeFixture office(backend, 3);
    const auto transport = http_transport(office.url());
    const std::string code = office.enrolment_code("T01");

    const HttpReply first =
        transport->send("POST", "/v1/enrol", encode(EnrolRequest{code, "till 1"}), "");
    REQUIRE(first.status == 200);
    const auto enrolled = decode<EnrolReply>(first.body);
    REQUIRE(enrolled.ok());
    CHECK(enrolled->store_code == "S001");
    CHECK(enrolled->terminal_id == "T01");
    CHECK(enrolled->token.size() >= 32);

    const HttpReply again =
        transport->send("POST", "/v1/enrol", encode(EnrolRequest{code, "till 1"}), "");
    CHECK(again.status == 403);
    CHECK(error_of(again).find("used already") != std::string::npos);
}

TEST_CASE("a request without a token, or with an unknown one, is refused with 401") {
    FOR_EACH_BACKEND(backend);
    HeadOfficeFixture office(backend, 3);
    const auto transport = http_transport(office.url());

    const HttpReply anonymous = transport->send("GET", "/v1/changes?after=0", "", "");
    CHECK(anonymous.status == 401);
    CHECK(error_of(anonymous).find("Authorization: Bearer") != std::string::npos);

    const HttpReply stranger = transport->send(
        "POST", "/v1/journal", encode(UploadRequest{{no_sale_entry(1, std::string(genesis))}}),
        std::string(64, 'f'));
    CHECK(stranger.status == 401);
    CHECK(error_of(stranger) == "unknown credentials");
    CHECK(entries_held(office) == 0);
}

TEST_CASE("a revoked terminal is refused with 401 saying its credentials were revoked") {
    FOR_EACH_BACKEND(backend);
    HeadOfficeFixture office(backend, 3);
    const auto transport = http_transport(office.url());
    const std::string token = enrol(office, *transport);
    CHECK(transport->send("GET", "/v1/changes?after=0", "", token).status == 200);

    REQUIRE(office.head_office().revoke_terminal("T01").ok());
    const HttpReply refused =
        transport->send("POST", "/v1/journal",
                        encode(UploadRequest{{no_sale_entry(1, std::string(genesis))}}), token);
    CHECK(refused.status == 401);
    CHECK(error_of(refused).starts_with("credentials revoked"));
    CHECK(entries_held(office) == 0);
}

TEST_CASE("an upload over HTTP is stored once, and sent again it is a repeat") {
    FOR_EACH_BACKEND(backend);
    HeadOfficeFixture office(backend, 3);
    const auto transport = http_transport(office.url());
    const std::string token = enrol(office, *transport);
    const JournalEntry first = no_sale_entry(1, std::string(genesis));
    const UploadRequest upload{{first, no_sale_entry(2, first.hash)}};

    const HttpReply reply = transport->send("POST", "/v1/journal", encode(upload), token);
    REQUIRE(reply.status == 200);
    const auto stored = decode<UploadReply>(reply.body);
    REQUIRE(stored.ok());
    REQUIRE(stored->results.size() == 2);
    CHECK(stored->results[0].outcome == EntryOutcome::stored);
    CHECK(stored->results[1].outcome == EntryOutcome::stored);
    CHECK(stored->contiguous_through == 2);

    const auto repeated =
        decode<UploadReply>(transport->send("POST", "/v1/journal", encode(upload), token).body);
    REQUIRE(repeated.ok());
    CHECK(repeated->results[0].outcome == EntryOutcome::repeat);
    CHECK(repeated->results[1].outcome == EntryOutcome::repeat);
    CHECK(entries_held(office) == 2);
}

TEST_CASE("a corrupt upload is refused with 400 naming the problem, and nothing is stored") {
    FOR_EACH_BACKEND(backend);
    HeadOfficeFixture office(backend, 3);
    const auto transport = http_transport(office.url());
    const std::string token = enrol(office, *transport);
    std::string good = encode(UploadRequest{{no_sale_entry(1, std::string(genesis))}});

    SUBCASE("truncated") {
        const HttpReply reply =
            transport->send("POST", "/v1/journal", good.substr(0, good.size() / 2), token);
        CHECK(reply.status == 400);
        CHECK(error_of(reply).starts_with("upload is not valid JSON: "));
    }
    SUBCASE("a sequence with a fraction") {
        good.replace(good.find("\"sequence\":1"), 12, "\"sequence\":1.5");
        const HttpReply reply = transport->send("POST", "/v1/journal", good, token);
        CHECK(reply.status == 400);
        CHECK(error_of(reply) ==
              "entries[0].sequence: expected an integer, got a decimal number (1.5)");
    }
    SUBCASE("a missing hash") {
        good.replace(good.find("\"hash\":"), 7, "\"hush\":");
        const HttpReply reply = transport->send("POST", "/v1/journal", good, token);
        CHECK(reply.status == 400);
        CHECK(error_of(reply) == "entries[0].hash: missing");
    }
    CHECK(entries_held(office) == 0);
}

TEST_CASE("health answers without a token and names the storage") {
    FOR_EACH_BACKEND(backend);
    HeadOfficeFixture office(backend, 3);
    const HttpReply reply = http_transport(office.url())->send("GET", "/v1/health", "", "");
    REQUIRE(reply.status == 200);
    const auto health = decode<HealthReply>(reply.body);
    REQUIRE(health.ok());
    CHECK(health->version == protocol_version);
    CHECK(health->storage == (backend == Backend::sqlite ? "sqlite" : "postgresql"));
}

TEST_CASE("an unknown path and a malformed cursor get an ErrorReply saying what was wrong") {
    HeadOfficeFixture office(Backend::sqlite, 3);
    const auto transport = http_transport(office.url());
    const std::string token = enrol(office, *transport);

    const HttpReply lost = transport->send("GET", "/v2/changes", "", token);
    CHECK(lost.status == 404);
    CHECK(error_of(lost) == "no such path: GET /v2/changes");

    const HttpReply cursor = transport->send("GET", "/v1/changes?after=abc", "", token);
    CHECK(cursor.status == 400);
    CHECK(error_of(cursor) == "after: 'abc' is not a whole number");

    const HttpReply ticket = transport->send("GET", "/v1/tickets/T09-000001", "", token);
    CHECK(ticket.status == 404);
}

TEST_CASE("a body over the server's limit is refused with 413 before it is read") {
    HeadOfficeFixture office(Backend::sqlite, 3);
    ServerOptions options;
    options.max_body_bytes = 1024;
    HttpServer small(office.head_office(), options);
    REQUIRE(small.start().ok());
    const auto transport = http_transport("http://127.0.0.1:" + std::to_string(small.port()));
    const HttpReply reply = transport->send("POST", "/v1/enrol", std::string(4096, ' '), "");
    CHECK(reply.status == 413);
    CHECK(error_of(reply) == "request body too large (at most 1024 bytes)");
}

TEST_CASE(
    "over HTTPS a terminal trusting the certificate gets through; one that does not is told") {
    HeadOfficeFixture office(Backend::sqlite, 3);
    testing_support::TempDir dir;
    make_certificate(dir);
    ServerOptions options;
    options.certificate_file = (dir / "cert.pem").string();
    options.key_file = (dir / "key.pem").string();
    HttpServer secure(office.head_office(), options);
    REQUIRE(secure.start().ok());
    const std::string url = "https://127.0.0.1:" + std::to_string(secure.port());

    HttpOptions trusting;
    trusting.ca_file = (dir / "cert.pem").string();
    const HttpReply health = http_transport(url, trusting)->send("GET", "/v1/health", "", "");
    REQUIRE_MESSAGE(health.status == 200, health.failure);
    CHECK(decode<HealthReply>(health.body).ok());

    const HttpReply untrusted = http_transport(url)->send("GET", "/v1/health", "", "");
    CHECK(untrusted.status == 0);
    CHECK(untrusted.failure.find("127.0.0.1:" + std::to_string(secure.port())) !=
          std::string::npos);

    const HttpReply plain = http_transport("http://127.0.0.1:" + std::to_string(secure.port()))
                                ->send("GET", "/v1/health", "", "");
    CHECK(plain.status == 0);
}

TEST_CASE("a certificate that cannot be read stops the server from starting, naming it") {
    HeadOfficeFixture office(Backend::sqlite, 3);
    ServerOptions options;
    options.certificate_file = "/nonexistent/cert.pem";
    options.key_file = "/nonexistent/key.pem";
    HttpServer secure(office.head_office(), options);
    const auto started = secure.start();
    REQUIRE_FALSE(started.ok());
    CHECK(started.error().message.find("/nonexistent/cert.pem") != std::string::npos);
}

TEST_CASE("a port already taken is refused, naming the address") {
    HeadOfficeFixture office(Backend::sqlite, 3);
    ServerOptions options;
    options.port = office.port();
    HttpServer second(office.head_office(), options);
    const auto started = second.start();
    REQUIRE_FALSE(started.ok());
    CHECK(started.error().message.find("127.0.0.1:" + std::to_string(office.port())) !=
          std::string::npos);
}

TEST_CASE("when nothing answers, the transport says so and names the address") {
    HeadOfficeFixture office(Backend::sqlite, 3);
    const int port = office.port();
    office.stop_server();
    const HttpReply reply = http_transport("http://127.0.0.1:" + std::to_string(port))
                                ->send("GET", "/v1/health", "", "");
    CHECK(reply.status == 0);
    CHECK(reply.failure.find("127.0.0.1:" + std::to_string(port)) != std::string::npos);
    CHECK(reply.failure.find("Connection") != std::string::npos);

    const HttpReply nonsense = http_transport("ftp://example")->send("GET", "/v1/health", "", "");
    CHECK(nonsense.status == 0);
    CHECK(nonsense.failure ==
          "not a head office address: 'ftp://example' (use http://HOST:PORT or "
          "https://HOST[:PORT])");
}

TEST_CASE("a server stopped right after it started stops at once and can start again") {
    HeadOfficeFixture office(Backend::sqlite, 3);
    HttpServer server(office.head_office(), ServerOptions{});
    for (int round = 0; round < 3; ++round) {
        REQUIRE(server.start().ok());
        server.stop();
    }
    REQUIRE(server.start().ok());
    const HttpReply reply = http_transport("http://127.0.0.1:" + std::to_string(server.port()))
                                ->send("GET", "/v1/health", "", "");
    CHECK(reply.status == 200);
}

TEST_CASE("an enrolled terminal reads the change log in pages, with the tax table, and stock") {
    FOR_EACH_BACKEND(backend);
    HeadOfficeFixture office(backend, 3);
    const auto transport = http_transport(office.url());
    const std::string token = enrol(office, *transport);

    const HttpReply page = transport->send("GET", "/v1/changes?after=0&limit=2", "", token);
    REQUIRE(page.status == 200);
    const auto changes = decode<ChangesReply>(page.body);
    REQUIRE(changes.ok());
    CHECK(changes->tax_rates.size() == 2);
    REQUIRE(changes->changes.size() == 2);
    CHECK(changes->next_cursor == changes->changes.back().sequence);
    CHECK(changes->remaining > 0);

    const auto rest = decode<ChangesReply>(
        transport
            ->send("GET", "/v1/changes?after=" + std::to_string(changes->next_cursor), "", token)
            .body);
    REQUIRE(rest.ok());
    CHECK(static_cast<std::int64_t>(rest->changes.size()) == changes->remaining);
    CHECK(rest->remaining == 0);

    const HttpReply stock = transport->send("GET", "/v1/stock?since_ms=0", "", token);
    REQUIRE(stock.status == 200);
    CHECK(decode<StockReply>(stock.body).ok());
}
