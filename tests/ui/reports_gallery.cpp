// Plays a full store day at the real Terminal on a demo store in a temporary folder, on a fake
// clock (Saturday 2026-11-21, Berlin), then renders the manager's screens to PNGs:
// `xvfb-run -a ui_reports_gallery OUT_DIR` writes dashboard-screen.png (18:00, till still open),
// reports-screen.png (the X after the close) and z-report-screen.png (the Z). Built on demand.
//
// The day: Alex Martin opens the till at 07:50 with a 150.00 float; about forty sales from 08:00
// to 18:00 with a lunch peak, by three clerks (Jordan Diaz at lunch, Morgan Lee covering a
// break), paid in cash, by card and twice with a gift card; three returns; a drop to the safe.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "db/demo_store.hpp"
#include "db/store.hpp"
#include "fakes.hpp"
#include "temp_dir.hpp"
#include "ui/device_hub.hpp"
#include "ui/terminal.hpp"
#include "ui/window.hpp"

namespace {

constexpr int berlin = 60;  // the demo store's UTC offset, in minutes
constexpr std::int64_t minute_ms = 60'000;
// 2026-11-21 (a Saturday) 00:00 in Berlin.
constexpr std::int64_t midnight = 1'795'219'200'000 - berlin * minute_ms;

// The fixed demo products (db/README.md, "Demo store"), as tests/ui/terminal_fixture.hpp has them.
namespace demo {
const char* milk = "5012345000015";       // 1.19
const char* sourdough = "5012345000022";  // 2.49
const char* chocolate = "5012345000039";  // 1.29, 3 for 2
const char* coffee = "5012345000046";     // 4.49
const char* wine = "5012345000053";       // 8.99
const char* bananas = "4011";             // 1.99/kg
const char* apples = "4133";              // 2.99/kg
const char* tomatoes = "4664";            // 3.49/kg
}  // namespace demo

// 2345 minor units -> "23.45".
std::string amount_text(std::int64_t minor) {
    const std::int64_t m = minor < 0 ? -minor : minor;
    return (minor < 0 ? "-" : "") + std::to_string(m / 100) + "." +
           std::to_string(100 + m % 100).substr(1);
}

// The cash counted as a clerk would count `minor`: largest notes and coins first.
std::string count_of(std::int64_t minor) {
    static constexpr std::int64_t euro[] = {50000, 20000, 10000, 5000, 2000, 1000, 500, 200,
                                            100,   50,    20,    10,   5,    2,    1};
    std::string text;
    for (const std::int64_t value : euro) {
        if (minor / value > 0)
            text += (text.empty() ? "" : " ") + amount_text(value) + "x" +
                    std::to_string(minor / value);
        minor %= value;
    }
    return text;
}

// A fixed-seed generator, so every run plays the same day.
struct Dice {
    std::uint64_t state = 20261121;
    int below(int bound) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<int>((state >> 33) % static_cast<std::uint64_t>(bound));
    }
};

enum class Pay { cash, card, gift };

// Something scanned: a product code, and kilograms for loose produce.
struct Item {
    std::string code;
    std::string kilograms;
};

struct Sale {
    int minute = 0;  // of the local day
    std::vector<Item> items;
    Pay pay = Pay::cash;
};

struct Return {
    int minute = 0;
    std::size_t sale = 0;  // index into the day's sales (an earlier one)
    std::string reason;
    std::string refund;  // Refund::method: "" to the original tender, "cash"
};

class Day {
  public:
    explicit Day(const std::filesystem::path& folder) : folder_(folder) {
        // The virtual drawer shuts a few seconds after each pulse: seconds of the fake clock.
        devices_.virtual_printer().set_clock([this] {
            return std::chrono::steady_clock::time_point(std::chrono::milliseconds(clock_.now));
        });
    }

    pos::Catalogue& catalogue() { return store_->catalogue(); }

    void open_till() {
        at(7 * 60 + 50);
        log_in("1001", "1234");
        ok(ui::ShowTill{}, "show the till");
        ok(ui::OpenTill{"20.00x3 10.00x5 5.00x4 2.00x5 1.00x5 0.50x10"}, "open the till");
        ok(ui::BackToSale{}, "back to the sale");
    }

    void play(const std::vector<Sale>& sales, const std::vector<Return>& returns) {
        std::size_t next_return = 0;
        bool dropped = false;
        for (std::size_t i = 0; i < sales.size(); ++i) {
            while (next_return < returns.size() && returns[next_return].minute <= sales[i].minute)
                give_back(returns[next_return++]);
            if (!dropped && sales[i].minute >= 14 * 60 + 45) {
                drop_to_safe(sales[i].minute - 5);
                dropped = true;
            }
            sell(sales[i]);
        }
        while (next_return < returns.size())
            give_back(returns[next_return++]);
    }

    // 18:00 Morgan Lee, the manager, reads the dashboard while the till is still open.
    void manager_reads_dashboard(const std::filesystem::path& png) {
        at(18 * 60);
        log_in("9001", "4321");
        ok(ui::ShowDashboard{}, "show the dashboard");
        render(png);
    }

    // 18:05 the blind close, 0.40 short (inside the store's threshold); the card batch as
    // charged. Then the X (changes nothing) and the Z that ends the day.
    void close_and_report(const std::filesystem::path& x_png, const std::filesystem::path& z_png) {
        at(18 * 60 + 5);
        const auto shift = store_->till().current_shift("T01");
        if (!shift)
            throw std::runtime_error("no shift is open at the close");
        const pos::ShiftTotals totals = store_->till().shift_totals(shift->id);
        const std::int64_t cash = totals.expected_cash().minor() - 40;
        const std::int64_t card = totals.expected(pos::PaymentMethod::card).minor();
        ok(ui::ShowTill{}, "show the till");
        ok(ui::CloseTill{count_of(cash), amount_text(card)}, "close the till");
        ok(ui::BackToSale{}, "back to the sale");
        at(18 * 60 + 10);
        ok(ui::RunXReport{}, "run the X report");
        render(x_png);
        at(18 * 60 + 12);
        ok(ui::RunZReport{}, "run the Z report");
        render(z_png);
    }

  private:
    std::filesystem::path folder_;
    std::unique_ptr<db::Store> store_ = open_demo(folder_ / "terminal.db");
    fakes::Clock clock_;
    db::RandomIds ids_{clock_};
    ui::DeviceHub devices_{*store_, clock_, ids_, {folder_ / "spool"}};
    ui::Terminal terminal_{{.store = *store_,
                            .clock = clock_,
                            .ids = ids_,
                            .devices = devices_,
                            .utc_offset_minutes = berlin,
                            .export_dir = folder_ / "exports"}};
    std::string clerk_;
    std::vector<std::string> receipts_;  // by sale index
    int auth_ = 4100;

    static std::unique_ptr<db::Store> open_demo(const std::filesystem::path& file) {
        auto opened = db::open_store(file);
        if (!opened.ok())
            throw std::runtime_error("cannot open " + file.string());
        auto store = std::move(opened).value();
        if (auto made = db::create_demo_store(*store); !made)
            throw std::runtime_error("demo store: " + made.error().message);
        return store;
    }

    void at(int minute) { clock_.now = midnight + minute * minute_ms; }

    // Applies the intent; an approval it waits for is given by the manager.
    void ok(const ui::Intent& intent, const std::string& what) {
        auto done = terminal_.apply(intent);
        if (!done && terminal_.view().approval)
            done = terminal_.apply(ui::Approve{"9001", "4321", "", "checked with the customer"});
        if (!done)
            throw std::runtime_error(what + ": " + done.error().message);
    }

    void log_in(const std::string& code, const std::string& pin) {
        if (clerk_ == code)
            return;
        if (!clerk_.empty())
            ok(ui::LogOut{}, "log out " + clerk_);
        ok(ui::LogIn{code, pin}, "log in " + code);
        clerk_ = code;
    }

    // Who is at the till: Alex, Jordan over lunch, Morgan covering Alex's break, Alex again.
    void clerk_for(int minute) {
        if (minute >= 12 * 60 && minute < 14 * 60 + 30)
            log_in("5001", "5555");
        else if (minute >= 14 * 60 + 30 && minute < 15 * 60 + 30)
            log_in("9001", "4321");
        else
            log_in("1001", "1234");
    }

    std::int64_t due() const { return terminal_.ticket()->totals().due.minor(); }

    // Notes as a customer hands them over: the smallest of 5, 10, 20, 50 that covers it.
    static std::string cash_for(std::int64_t minor) {
        for (const std::int64_t note : {500, 1000, 2000, 5000, 10000}) {
            if (note >= minor)
                return amount_text(note);
        }
        return amount_text(minor);
    }

    void pay_by_card() {
        const std::string last4 = std::to_string(1000 + (auth_ * 37) % 9000);
        ok(ui::TenderCard{amount_text(due()), "AUTH-" + std::to_string(++auth_), last4},
           "pay by card");
    }

    void take(Pay pay) {
        ok(ui::Pay{}, "go to the tender screen");  // the ticket's promotions settle here
        switch (pay) {
            case Pay::cash:
                ok(ui::TenderCash{cash_for(due()), false}, "pay in cash");
                break;
            case Pay::card:
                pay_by_card();
                break;
            case Pay::gift: {
                // The 50.00 card first, then the 5.00 one; what the card does not cover by card.
                const char* account = gift_cards_used_++ == 0 ? "6006000000001" : "6006000000002";
                ok(ui::TenderGiftCard{account, ""}, "pay with gift card");
                if (terminal_.screen() != ui::Screen::completed)
                    pay_by_card();
                break;
            }
        }
    }
    int gift_cards_used_ = 0;

    void sell(const Sale& sale) {
        at(sale.minute);
        clerk_for(sale.minute);
        for (const Item& item : sale.items)
            ok(ui::Scan{item.code, item.kilograms}, "scan " + item.code);
        take(sale.pay);
        receipts_.push_back(terminal_.completed_ticket()->receipt_number());
        ok(ui::NewSale{}, "new sale");
    }

    void give_back(const Return& r) {
        at(r.minute);
        clerk_for(r.minute);
        ok(ui::StartReturn{}, "start a return");
        ok(ui::OpenReceipt{receipts_.at(r.sale)}, "open receipt " + receipts_.at(r.sale));
        ok(ui::ReturnItem{0, "", r.reason, "restock"}, "return the first line");
        ok(ui::BackToSale{}, "back to the sale");
        ok(ui::Refund{r.refund, "", ""}, "refund");
        ok(ui::NewSale{}, "new sale");
    }

    // Notes above a 150.00 working float go to the safe, in fifties.
    void drop_to_safe(int minute) {
        at(minute);
        const auto shift = store_->till().current_shift("T01");
        const std::int64_t cash = store_->till().shift_totals(shift->id).expected_cash().minor();
        const std::int64_t spare = (cash - 15000) / 5000 * 5000;
        if (spare <= 0)
            return;
        ok(ui::ShowTill{}, "show the till");
        ok(ui::MoveCash{pos::CashMovementKind::drop, amount_text(spare), "to the safe"}, "drop");
        ok(ui::BackToSale{}, "back to the sale");
    }

    void render(const std::filesystem::path& png) {
        devices_.pump();  // the drawer's status, shut since the last sale
        ui::WindowOptions options;
        options.screenshot = png;
        const ui::FrameVm shown = terminal_.view();
        if (const int rc = ui::run_window({[shown] { return shown; }, nullptr}, options); rc != 0)
            throw std::runtime_error("rendering " + png.string() + " failed (" +
                                     std::to_string(rc) + ")");
    }
};

// What sells when, by words of product names: breakfast, lunch, the afternoon, the evening shop.
struct DayPart {
    int from_hour = 0;
    std::vector<const char*> words;
};
const std::vector<DayPart> day_parts = {
    {8, {"Croissants", "Rolls", "Orange Juice", "Yogurt", "Ground Coffee", "Porridge Oats"}},
    {11,
     {"Soup", "Salad", "Wraps", "Ham", "Cheese", "Berries", "Crisps", "Cola", "Sparkling Water",
      "Chocolate Bar"}},
    {14, {"Tea", "Cookies", "Muffins", "Iced Tea", "Digestives", "Fruit Gums"}},
    {16, {"Pasta", "Pasta Sauce", "Red Wine", "Lager", "Pizza", "Chicken", "Lemonade"}},
};
// Sales in each hour from 08:00 to 17:00: a slow start, the lunch peak, the evening shop.
constexpr int sales_per_hour[] = {2, 3, 4, 5, 9, 8, 3, 3, 3, 3};
constexpr int first_hour = 8;

std::vector<std::vector<Item>> day_part_items(pos::Catalogue& catalogue) {
    std::vector<std::vector<Item>> items;
    for (const DayPart& part : day_parts) {
        std::vector<Item>& found = items.emplace_back();
        for (const char* words : part.words) {
            // Three of the matches, spread over the brands (the first are all one brand).
            const auto matches = catalogue.search(words, 30, midnight);
            for (std::size_t i = 0; i < matches.size(); i += matches.size() / 3 + 1) {
                if (matches[i].unit == pos::UnitOfSale::each)  // not the deli's weighed ham
                    found.push_back({matches[i].code, ""});
            }
        }
        if (found.empty())
            throw std::runtime_error(std::string("no demo product matches ") + part.words[0]);
    }
    return items;
}

std::string kilograms(int grams) {
    return std::to_string(grams / 1000) + "." + std::to_string(1000 + grams % 1000).substr(1);
}

// Often a staple goes in the basket too: milk, bread, chocolate, coffee, wine, loose produce.
Item staple(Dice& dice) {
    switch (dice.below(9)) {
        case 0:
        case 1:
            return {demo::milk, ""};
        case 2:
            return {demo::sourdough, ""};
        case 3:
            return {demo::chocolate, ""};
        case 4:
            return {demo::coffee, ""};
        case 5:
            return {demo::bananas, kilograms(600 + dice.below(700))};
        case 6:
            return {demo::apples, kilograms(500 + dice.below(900))};
        case 7:
            return {demo::wine, ""};
        default:
            return {demo::tomatoes, kilograms(300 + dice.below(600))};
    }
}

std::vector<Sale> plan_sales(pos::Catalogue& catalogue) {
    const auto pools = day_part_items(catalogue);
    Dice dice;
    std::vector<Sale> sales;
    for (int h = 0; h < static_cast<int>(std::size(sales_per_hour)); ++h) {
        const int hour = first_hour + h;
        std::size_t part = 0;
        while (part + 1 < day_parts.size() && day_parts[part + 1].from_hour <= hour)
            ++part;
        const int count = sales_per_hour[h];
        const int gap = 60 / count;
        for (int j = 0; j < count; ++j) {
            Sale sale;
            sale.minute = hour * 60 + j * gap + 1 + dice.below(gap - 2);
            // A little more in the evening basket.
            const int picks = 2 + dice.below(3) + (hour >= 16 ? 1 : 0);
            for (int k = 0; k < picks; ++k)
                sale.items.push_back(pools[part][dice.below(static_cast<int>(pools[part].size()))]);
            if (dice.below(10) < 6)
                sale.items.push_back(staple(dice));
            sale.pay = dice.below(100) < 45 ? Pay::card : Pay::cash;
            sales.push_back(std::move(sale));
        }
    }
    sales.at(17).pay = Pay::gift;  // lunch, on the 50.00 card
    sales.at(38).pay = Pay::gift;  // the evening, on the 5.00 card and the rest by card
    return sales;
}

// Changed minds and a faulty item, refunded to what paid for them.
const std::vector<Return> day_returns = {
    {11 * 60 + 42, 3, "changed_mind", ""},
    {15 * 60 + 12, 12, "faulty", ""},
    {17 * 60 + 24, 27, "damaged", ""},
};

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: ui_reports_gallery OUT_DIR\n";
        return 2;
    }
    const std::filesystem::path out = argv[1];
    std::filesystem::create_directories(out);
    try {
        testing_support::TempDir folder;
        Day day(folder.path());
        day.open_till();
        day.play(plan_sales(day.catalogue()), day_returns);
        day.manager_reads_dashboard(out / "dashboard-screen.png");
        day.close_and_report(out / "reports-screen.png", out / "z-report-screen.png");
    } catch (const std::exception& e) {
        std::cerr << "ui_reports_gallery: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
