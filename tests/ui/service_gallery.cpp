// Renders the interactions and special orders screens from the hand-built view-models of
// service_vms.hpp to PNGs: `xvfb-run -a ui_service_gallery OUT_DIR`. Built on demand.
#include <filesystem>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "service_vms.hpp"
#include "ui/window.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: ui_service_gallery OUT_DIR\n";
        return 2;
    }
    const std::filesystem::path out = argv[1];
    std::filesystem::create_directories(out);
    const std::vector<std::pair<std::string, ui::FrameVm>> screens = {
        {"interactions-screen", service_vms::frame(service_vms::interactions())},
        {"special-orders-screen", service_vms::frame(service_vms::orders())},
    };
    for (const auto& [name, vm] : screens) {
        ui::WindowOptions options;
        options.screenshot = out / (name + ".png");
        const ui::FrameVm shown = vm;
        if (const int rc = ui::run_window({[shown] { return shown; }, nullptr}, options); rc != 0)
            return rc;
    }
    return 0;
}
