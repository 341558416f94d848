// Hand-built view-models of head-office sync (the sync screen, the status bar while a catalogue
// loads), for the headless frame tests and the screen gallery.
#pragma once

#include "device_vms.hpp"
#include "ui/view_models.hpp"

namespace sync_vms {

inline ui::SyncVm offline_screen() {
    ui::SyncVm vm;
    vm.headline = "Offline";
    vm.advice =
        "Keep selling: every sale is kept on this terminal and sent when head office "
        "answers again. Nothing is lost while offline.";
    vm.tone = ui::SyncTone::waiting;
    vm.rows = {
        {"Head office", "https://ho.example.com"},
        {"Store and terminal", "High Street (S001) · Terminal T01"},
        {"Waiting to send", "3 journal entries"},
        {"Last success", "11:50"},
        {"Last error", "no answer from head office: connection refused by 10.0.0.2:8443", true},
        {"Held for review at head office", "none"},
        {"Next attempt", "in 8 s"}};
    vm.can_sync_now = true;
    return vm;
}

inline ui::SyncVm loading_screen() {
    ui::SyncVm vm = offline_screen();
    vm.headline = "Online";
    vm.advice = "Sales go to head office as they are completed; the catalogue comes down here.";
    vm.tone = ui::SyncTone::good;
    vm.rows[2].value = "nothing";
    vm.rows[3].value = "12:04";
    vm.rows[4] = {"Last error", "none"};
    vm.rows.pop_back();
    vm.progress = ui::SyncProgressVm{"Loading catalogue 340,000 of 1,000,000", 340'000, 1'000'000};
    return vm;
}

inline ui::SyncBarVm offline_bar() {
    return {
        "Head office: offline · 3 waiting · last sync 11:50 — no answer from head office: "
        "connection refused by 10.0.0.2:8443",
        ui::SyncTone::waiting, std::nullopt};
}

inline ui::SyncBarVm loading_bar() {
    return {"Head office: online · 0 waiting · synced 12:04", ui::SyncTone::good,
            ui::SyncProgressVm{"Loading catalogue 340,000 of 1,000,000", 340'000, 1'000'000}};
}

inline ui::FrameVm frame(ui::ScreenVm screen, ui::SyncBarVm bar) {
    ui::FrameVm vm = device_vms::frame(std::move(screen));
    vm.sync = std::move(bar);
    return vm;
}

}  // namespace sync_vms
