// Renders the hand-built view-models of return_vms.hpp and device_vms.hpp to PNGs under a (virtual)
// display, to look at the screens without a store: `xvfb-run -a ui_screen_gallery OUT_DIR`. Not a
// test; built on demand (`--target ui_screen_gallery`).
#include <filesystem>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "device_vms.hpp"
#include "return_vms.hpp"
#include "ui/window.hpp"

int main(int argc, char** argv) {
    using namespace return_vms;
    if (argc != 2) {
        std::cerr << "usage: ui_screen_gallery OUT_DIR\n";
        return 2;
    }
    const std::filesystem::path out = argv[1];
    std::filesystem::create_directories(out);
    auto with_approval = [](ui::FrameVm vm) {
        vm.approval = refund_approval();
        return vm;
    };
    ui::FrameVm no_receipt = frame(empty_return());
    no_receipt.approval = no_receipt_approval();
    no_receipt.status_line = "Counter Demo Market  ·  Terminal T01  ·  Alex Martin  ·  14:02";
    // A print that failed, over the sale, under an error message, with the drawer still open.
    auto print_problem = [](ui::FrameVm vm) {
        vm.print_banner = device_vms::paper_out_banner();
        vm.drawer_open = true;
        return vm;
    };
    ui::FrameVm sale_banners = print_problem(frame(exchange_sale()));
    sale_banners.message = {ui::MessageKind::error,
                            "Unknown barcode 4006381333932: no product has this code."};
    const std::vector<std::pair<std::string, ui::FrameVm>> screens = {
        {"exchange-sale", frame(exchange_sale())},
        {"return-empty", frame(empty_return())},
        {"return-screen", frame(receipt_open())},
        {"ticket-search", frame(search_shown())},
        {"refund-tender", frame(refund_tender())},
        {"approval-refund", with_approval(frame(refund_tender()))},
        {"approval-dialog", no_receipt},
        {"devices", device_vms::frame(device_vms::devices())},
        {"devices-virtual", print_problem(device_vms::frame(device_vms::virtual_devices()))},
        {"sale-print-banner", sale_banners},
        {"refund-drawer-open", print_problem(frame(refund_tender()))},
        {"completed-drawer-open", print_problem(frame(device_vms::cash_sale_done()))},
    };
    for (const auto& [name, vm] : screens) {
        ui::WindowOptions options;
        options.screenshot = out / (name + ".png");
        const ui::FrameVm shown = vm;
        const int rc = ui::run_window({[shown] { return shown; }, nullptr}, options);
        if (rc != 0) {
            return rc;
        }
    }
    return 0;
}
