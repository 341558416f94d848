// Head office folds the terminals' Z reports and till closes as they arrive (both backends): the
// lists and figures it shows, a repeat changing nothing, and a body it cannot read held for review
// with nothing folded.
#include <doctest/doctest.h>

#include "till_chain.hpp"
#include "till_checks.hpp"

using namespace server_test;
using namespace till_entries;
using headoffice::EntryOutcome;
using till_chain::message_of;
using till_chain::TillChain;

TEST_CASE("Head office lists the Z reports and till closes a terminal sends, figure for figure") {
    for (const Backend backend : backends) {
        const std::string backend_name = name_of(backend);
        CAPTURE(backend_name);
        TillChain chain(backend);
        TerminalJournal t01_journal("T01");
        const pos::ShiftClose close = sample_close("T01", "shift-0003");
        const pos::ReportFigures z = sample_z("T01", 1);
        CHECK(chain.upload(t01, {close_entry(t01_journal, close), z_entry(t01_journal, z)}) ==
              std::vector{EntryOutcome::stored, EntryOutcome::stored});

        const auto listed = chain.head_office.z_reports("S001");
        REQUIRE_MESSAGE(listed.ok(), message_of(listed));
        REQUIRE(listed->size() == 1);
        const headoffice::ZReportSummary& summary = listed->front();
        CHECK(summary.store_code == "S001");
        CHECK(summary.terminal_id == "T01");
        CHECK(summary.number == 1);
        CHECK(summary.business_day == business_day);
        CHECK(summary.to_ms == z_at_ms);
        CHECK(summary.run_by == "Morgan Lee");
        CHECK(summary.net_count == 7);
        CHECK(summary.net_sales == eur_minor(11'097));

        const auto held = chain.head_office.z_report("S001", "T01", 1);
        REQUIRE_MESSAGE(held.ok(), message_of(held));
        CHECK(held->store_code == "S001");
        CHECK(held->run_by_id == 9001);
        till_checks::check_same_figures(held->figures, z);

        const auto closes = chain.head_office.till_closes("S001");
        REQUIRE_MESSAGE(closes.ok(), message_of(closes));
        REQUIRE(closes->size() == 1);
        const headoffice::TillClose& held_close = closes->front();
        CHECK(held_close.terminal_id == "T01");
        CHECK(held_close.shift_id == "shift-0003");
        CHECK(held_close.shift_number == 3);
        CHECK(held_close.closed_at_ms == close.closed_at_ms);
        CHECK(held_close.closed_by_name == "Sam Taylor");
        CHECK(held_close.tenders == close.tenders);
        CHECK(held_close.tenders.at(0).difference() == eur_minor(-1'230));
        CHECK(held_close.tenders.at(1).difference() == eur_minor(0));
        CHECK(held_close.approved_by == 9001);
        CHECK(held_close.approver_name == "Morgan Lee");
        CHECK(held_close.reason == "Paid a delivery from the drawer without a slip");

        // Every store at once, another store's (none), and a store head office does not know.
        CHECK(chain.head_office.z_reports("")->size() == 1);
        CHECK(chain.head_office.till_closes("")->size() == 1);
        CHECK(chain.head_office.z_reports("S002")->empty());
        CHECK(chain.head_office.till_closes("S002")->empty());
        const auto unknown = chain.head_office.z_reports("S009");
        REQUIRE_FALSE(unknown.ok());
        CHECK(unknown.error().message == "There is no store S009");
        CHECK(message_of(chain.head_office.till_closes("S009")) == "There is no store S009");
    }
}

TEST_CASE("Z reports of several terminals and stores are listed by store, terminal and number") {
    for (const Backend backend : backends) {
        const std::string backend_name = name_of(backend);
        CAPTURE(backend_name);
        TillChain chain(backend);
        TerminalJournal t01_journal("T01"), t02_journal("T02"), t11_journal("T11");
        pos::ReportFigures second = sample_z("T01", 2);
        second.business_day += 1;
        second.to_ms += 86'400'000;
        second.sales.at(4).amount = eur_minor(20'000);
        chain.upload(t01, {z_entry(t01_journal, sample_z("T01", 1)), z_entry(t01_journal, second)});
        chain.upload(t02, {z_entry(t02_journal, sample_z("T02", 1))});
        chain.upload(t11, {z_entry(t11_journal, sample_z("T11", 1))});

        const auto s001 = chain.head_office.z_reports("S001");
        REQUIRE(s001.ok());
        REQUIRE(s001->size() == 3);
        CHECK((*s001)[0].terminal_id == "T01");
        CHECK((*s001)[0].number == 1);
        CHECK((*s001)[1].number == 2);
        CHECK((*s001)[1].net_sales == eur_minor(20'000));
        CHECK((*s001)[2].terminal_id == "T02");
        const auto all = chain.head_office.z_reports("");
        REQUIRE(all->size() == 4);
        CHECK(all->back().store_code == "S002");
        CHECK(all->back().terminal_id == "T11");

        // A Z is found under its own store only.
        const auto elsewhere = chain.head_office.z_report("S002", "T01", 1);
        REQUIRE_FALSE(elsewhere.ok());
        CHECK(elsewhere.error().code == pos::ErrorCode::not_found);
        CHECK(elsewhere.error().message == "Head office holds no Z report No. 1 of T01 in S002");
        CHECK(message_of(chain.head_office.z_report("S001", "T01", 3)) ==
              "Head office holds no Z report No. 3 of T01 in S001");
        till_checks::check_same_figures(chain.head_office.z_report("S001", "T01", 2)->figures,
                                        second);
    }
}

TEST_CASE("A Z report or till close sent again is a repeat and counted once") {
    for (const Backend backend : backends) {
        const std::string backend_name = name_of(backend);
        CAPTURE(backend_name);
        TillChain chain(backend);
        TerminalJournal t01_journal("T01");
        const std::vector entries{close_entry(t01_journal, sample_close("T01", "shift-0003")),
                                  z_entry(t01_journal, sample_z("T01", 1))};
        chain.upload(t01, entries);
        const std::int64_t rows = chain.folded_rows();
        CHECK(rows == 1 + 14 + 2 + 2 + 2 + 2 + 1 + 2);

        CHECK(chain.upload(t01, entries) ==
              std::vector{EntryOutcome::repeat, EntryOutcome::repeat});
        CHECK(chain.folded_rows() == rows);
        CHECK(chain.head_office.z_reports("S001")->size() == 1);
        CHECK(chain.head_office.till_closes("S001")->size() == 1);
        CHECK(chain.count("anomalies") == 0);
    }
}

TEST_CASE("A second Z report with a number already held goes to review and changes nothing") {
    for (const Backend backend : backends) {
        const std::string backend_name = name_of(backend);
        CAPTURE(backend_name);
        TillChain chain(backend);
        TerminalJournal t01_journal("T01");
        const pos::ReportFigures first = sample_z("T01", 1);
        chain.upload(t01, {z_entry(t01_journal, first)});
        const std::int64_t rows = chain.folded_rows();

        // The terminal journaled Z No. 1 again under another entity name (a terminal fault).
        pos::ReportFigures again = sample_z("T01", 1);
        again.sales.at(4).amount = eur_minor(1);
        const auto entry = t01_journal.add("z_report", "T01-Z1-again", again.to_ms,
                                           db::z_report_body(again, 9001, eur));
        CHECK(chain.upload(t01, {entry}) == std::vector{EntryOutcome::anomaly});
        const std::string message = chain.last_messages.at(0);
        CHECK(message.find("the Z report's entity T01-Z1-again should be T01-Z1") !=
              std::string::npos);
        CHECK(message.find("Z report No. 1 of T01 is held already; this one was not counted") !=
              std::string::npos);
        CHECK(chain.folded_rows() == rows);
        till_checks::check_same_figures(chain.head_office.z_report("S001", "T01", 1)->figures,
                                        first);
        CHECK(chain.count("journal_entries") == 2);  // the entry itself is kept for review
    }
}

TEST_CASE("A Z report or close head office cannot read is held for review, naming the field") {
    for (const Backend backend : backends) {
        const std::string backend_name = name_of(backend);
        CAPTURE(backend_name);
        TillChain chain(backend);
        TerminalJournal t01_journal("T01");
        const auto bad_z =
            t01_journal.spoil_last(z_entry(t01_journal, sample_z("T01", 1)),
                                   "z.sales.2.amount=-899", "z.sales.2.amount=-8.99");
        CHECK(chain.upload(t01, {bad_z}) == std::vector{EntryOutcome::anomaly});
        CHECK(chain.last_messages.at(0) ==
              "the z_report could not be read: the payload's z.sales.2.amount is not a number: "
              "'-8.99'");

        const auto bad_close =
            t01_journal.spoil_last(close_entry(t01_journal, sample_close("T01", "shift-0003")),
                                   "close.tenders.2.method=card", "close.tenders.2.method=iou");
        CHECK(chain.upload(t01, {bad_close}) == std::vector{EntryOutcome::anomaly});
        CHECK(chain.last_messages.at(0) ==
              "the shift_close could not be read: the payload's close.tenders.2.method 'iou' is "
              "not a tender");

        const auto no_tenders = t01_journal.spoil_last(
            close_entry(t01_journal, sample_close("T01", "shift-0004")), "close.tenders=2\n", "");
        CHECK(chain.upload(t01, {no_tenders}) == std::vector{EntryOutcome::anomaly});
        CHECK(chain.last_messages.at(0) ==
              "the shift_close could not be read: the payload has no field close.tenders");

        CHECK(chain.folded_rows() == 0);  // nothing half-folded
        CHECK(chain.count("journal_entries") == 3);
        CHECK(chain.head_office.review_list().size() == 3);
        CHECK(chain.head_office.z_reports("S001")->empty());
        CHECK(chain.head_office.till_closes("S001")->empty());
    }
}

TEST_CASE("A close whose difference is not counted - expected keeps the count and is reviewed") {
    TillChain chain(Backend::sqlite);
    TerminalJournal t01_journal("T01");
    const auto entry =
        t01_journal.spoil_last(close_entry(t01_journal, sample_close("T01", "shift-0003")),
                               "close.tenders.1.difference=-1230", "close.tenders.1.difference=0");
    CHECK(chain.upload(t01, {entry}) == std::vector{EntryOutcome::anomaly});
    CHECK(chain.last_messages.at(0) ==
          "the close's cash difference 0 is not counted - expected (-1230)");
    const auto closes = chain.head_office.till_closes("S001");
    REQUIRE(closes->size() == 1);
    CHECK(closes->front().tenders.at(0).difference() == eur_minor(-1'230));
}

TEST_CASE("Z reports and closes held from before head office folded them are folded at start") {
    for (const Backend backend : backends) {
        const std::string backend_name = name_of(backend);
        CAPTURE(backend_name);
        TillChain chain(backend);
        TerminalJournal t01_journal("T01");
        const pos::ReportFigures z = sample_z("T01", 1);
        chain.upload(t01, {close_entry(t01_journal, sample_close("T01", "shift-0003")),
                           z_entry(t01_journal, z)});
        {
            // As a head office from before issue 9 left them: the entries only.
            auto connection = chain.pool.acquire();
            for (const char* table :
                 {"till_close_tenders", "till_closes", "z_report_rows", "z_reports"})
                connection->execute(std::string("DELETE FROM ") + table);
        }
        REQUIRE(chain.head_office.z_reports("S001")->empty());

        headoffice::HeadOffice restarted(chain.pool, chain.clock, chain.ids);
        const auto listed = restarted.z_reports("S001");
        REQUIRE(listed->size() == 1);
        till_checks::check_same_figures(restarted.z_report("S001", "T01", 1)->figures, z);
        const auto closes = restarted.till_closes("S001");
        REQUIRE(closes->size() == 1);
        CHECK(closes->front().tenders.at(0).difference() == eur_minor(-1'230));
        const std::int64_t rows = chain.folded_rows();
        headoffice::HeadOffice again(chain.pool, chain.clock, chain.ids);
        CHECK(chain.folded_rows() == rows);
    }
}

TEST_CASE("Till closes of several terminals are listed oldest first, each with its own tenders") {
    for (const Backend backend : backends) {
        const std::string backend_name = name_of(backend);
        CAPTURE(backend_name);
        TillChain chain(backend);
        TerminalJournal t01_journal("T01"), t02_journal("T02"), t11_journal("T11");
        pos::ShiftClose later = sample_close("T01", "shift-t01-3");
        later.closed_at_ms += 3'600'000;
        pos::ShiftClose balanced = sample_close("T02", "shift-t02-1");
        balanced.shift_number = 1;
        balanced.tenders = {{pos::PaymentMethod::cash, eur_minor(10'000), eur_minor(10'000)}};
        balanced.approved_by = 0;
        balanced.approver_name.clear();
        balanced.reason.clear();
        pos::ShiftClose over = sample_close("T11", "shift-t11-7");
        over.tenders.at(0).counted = eur_minor(24'660);
        chain.upload(t01, {close_entry(t01_journal, later)});
        chain.upload(t02, {close_entry(t02_journal, balanced)});
        chain.upload(t11, {close_entry(t11_journal, over)});

        const auto s001 = chain.head_office.till_closes("S001");
        REQUIRE(s001->size() == 2);
        CHECK((*s001)[0].shift_id == "shift-t02-1");
        CHECK((*s001)[0].tenders == balanced.tenders);
        CHECK((*s001)[0].approved_by == 0);
        CHECK((*s001)[1].shift_id == "shift-t01-3");
        CHECK((*s001)[1].tenders == later.tenders);
        const auto all = chain.head_office.till_closes("");
        REQUIRE(all->size() == 3);
        CHECK((*all)[1].store_code == "S002");
        CHECK((*all)[1].tenders.at(0).difference().minor() == 100);  // over by 1.00
        // S002 has no currency setting: its amounts are in the chain's exponent, code unknown.
        CHECK((*all)[1].tenders.at(0).counted.currency() == pos::Currency::of("XXX", 2));
    }
}
