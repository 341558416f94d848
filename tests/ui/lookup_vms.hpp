// Hand-built view-models of the stock lookup and customer screens and of a sale with a customer
// and suggestions, for the draw tests and the gallery (ui_lookup_gallery).
#pragma once

#include "device_vms.hpp"
#include "return_vms.hpp"
#include "ui/view_models.hpp"

namespace lookup_vms {

inline ui::LookupVm lookup_screen() {
    ui::LookupVm vm;
    vm.search_text = "red wine";
    vm.results = {
        {"5012345000053", "Côtes du Rhône red wine 75cl", "Cellier · 5012345000053", "8.99"},
        {"5012345000060", "Rioja Crianza red wine 75cl", "Bodega Sol · 5012345000060", "11.49"},
        {"5012345000077", "Merlot red wine 1.5l", "Cellier · 5012345000077", "13.99"}};
    ui::LookupProductVm p;
    p.code = "5012345000053";
    p.name = "Côtes du Rhône red wine 75cl";
    p.brand = "Cellier";
    p.price = "EUR 8.99";
    p.promotion = "3 for 2 on wine";
    p.codes = "5012345000053, 3760001234566";
    p.location = "Aisle 4, bay 2";
    vm.product = p;
    vm.stock = {
        {"S001 High Street (here)", "S001", true, "12", "", "Aisle 4, bay 2", "12 min ago", false,
         false},
        {"S002 Riverside", "S002", false, "3", "", "Wine wall", "12 min ago", false, true},
        {"S004 Market Square", "S004", false, "7", "12, due 2026-11-30", "Bay 9", "2 h ago", true,
         true},
        {"S003 Station Road", "S003", false, "0", "6, due 2026-12-01", "", "12 min ago", false,
         false},
    };
    vm.stock_source = "Head office not reachable: figures from 2 h ago";
    vm.stock_warning = true;
    vm.can_live = true;
    vm.can_add = true;
    vm.customer_name = "Ann Smith";
    vm.requests = {
        {"Hold 1 × Côtes du Rhône red wine 75cl at S002 for Ann Smith", "Accepted: held until Sat",
         "2026-11-23 14:02"},
        {"Transfer 6 × Rioja Crianza red wine 75cl from S004", "Requested", "2026-11-23 11:40"},
    };
    return vm;
}

inline ui::CustomersVm customer_screen() {
    ui::CustomersVm vm;
    vm.search_text = "smith";
    vm.results = {{"c1", "Ann Smith", "+442079460958 · ann@example.com · LC0000000012"},
                  {"c2", "Bob Smith", "+447700900123 · LC0000000029"},
                  {"c3", "Carla Smithson", "carla@example.org · LC0000000036"}};
    ui::CustomerCardVm c;
    c.id = "c1";
    c.name = "Ann Smith";
    c.phone = "+442079460958";
    c.email = "ann@example.com";
    c.card = "LC0000000012";
    c.note = "Prefers calls after 5pm";
    c.consent_email = true;
    c.consents = "Email";
    c.points = "1,250 points (12.50)";
    c.credit = "EUR 15.00 (account SC1001)";
    c.purchases = {{"2026-11-20", "T01-000042 · Sale", "107.88"},
                   {"2026-11-02", "T02-000317 · Exchange", "4.50"},
                   {"2026-10-15", "T01-000007 · Sale", "23.10"}};
    c.movements = {{"2026-11-20", "T01-000042", "+107"}, {"2026-11-02", "T02-000317", "-100"}};
    c.interactions = {{"2026-11-02", "S001-000012 Complaint: the kettle leaks", "Resolved"},
                      {"2026-11-21", "S001-000019 Inquiry: when is oat milk back", "Open"}};
    vm.card = c;
    vm.can_attach = true;
    return vm;
}

inline ui::CustomersVm duplicate_screen() {
    ui::CustomersVm vm = customer_screen();
    vm.card.reset();
    vm.refused_name = "Annie Smith";
    vm.duplicates = {{"c1", "Ann Smith", "+442079460958 · ann@example.com", "same phone number"}};
    return vm;
}

inline ui::SaleVm sale_with_customer() {
    ui::SaleVm vm = return_vms::exchange_sale();
    vm.customer = ui::CustomerBadgeVm{"Ann Smith", "1,250 points (12.50)"};
    vm.suggestions = {{"5012345000022", "Sourdough loaf", "2.49"},
                      {"5012345000039", "Dark chocolate", "1.29"},
                      {"5012345000015", "Whole milk 1l", "1.19"}};
    return vm;
}

inline ui::FrameVm frame(ui::ScreenVm screen) {
    return device_vms::frame(std::move(screen));
}

}  // namespace lookup_vms
