// Hand-built view-models of the interactions and special orders screens, shared by the draw
// tests and the gallery (ui_service_gallery) that renders them as PNGs.
#pragma once

#include "ui/view_models.hpp"

namespace service_vms {

inline ui::InteractionsVm interactions() {
    ui::InteractionsVm vm;
    vm.title = "Open interactions";
    vm.summary = "3 open · 1 overdue";
    vm.rows = {{"i1", "S001-000003", "Request", "stock", "Grace Hopper", "Waiting",
                "Follow up 2026-11-21", "opened 4 days ago", true, false},
               {"i2", "S001-000004", "Complaint", "product quality", "Ada Lovelace", "Open",
                "Follow up 2026-11-26", "opened today", false, true},
               {"i3", "S001-000002", "Inquiry", "price", "No customer", "Open", "",
                "opened yesterday", false, false}};
    ui::InteractionDetailVm d;
    d.id = "i2";
    d.number = "S001-000004";
    d.kind = "Complaint";
    d.category = "product quality";
    d.customer = "Ada Lovelace";
    d.status = "Open";
    d.status_code = "open";
    d.said = "The kettle stopped heating after two days; she wants it exchanged.";
    d.receipt = "T01-000001";
    d.handled_by = "Handled by Sam Clerk";
    d.opened = "Opened 2026-11-23 10:04";
    d.follow_up = "2026-11-26";
    d.can_resolve_with_return = true;
    vm.shown = d;
    vm.customer = "Ada Lovelace";
    vm.categories = {"product quality", "price", "stock", "service", "delivery", "other"};
    return vm;
}

inline ui::SpecialOrdersVm orders() {
    ui::SpecialOrdersVm vm;
    vm.title = "Special orders";
    ui::SpecialOrderRowVm a{"SO-T01-000002",
                            "Grace Hopper",
                            "Red wine 75 cl",
                            "6",
                            "EUR 53.94",
                            "EUR 0.00",
                            "EUR 53.94",
                            "Awaiting deposit",
                            "2026-12-01",
                            true,
                            false,
                            false,
                            true};
    ui::SpecialOrderRowVm b{"SO-T01-000001",
                            "Ada Lovelace",
                            "Espresso machine",
                            "1",
                            "EUR 249.00",
                            "EUR 50.00",
                            "EUR 199.00",
                            "Arrived",
                            "2026-11-28",
                            false,
                            false,
                            true,
                            true};
    vm.rows = {a, b};
    vm.customer = "Ada Lovelace";
    vm.can_create = true;
    vm.min_deposit = "20% of the total";
    vm.create_hint = "For Ada Lovelace · deposit at least 20% of the total";
    return vm;
}

inline ui::FrameVm frame(ui::ScreenVm screen) {
    ui::FrameVm vm;
    vm.screen = std::move(screen);
    vm.status_line = "Demo Store  ·  Terminal T01  ·  Sam Clerk  ·  10:15";
    return vm;
}

}  // namespace service_vms
