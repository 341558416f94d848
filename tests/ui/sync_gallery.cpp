// Renders the sync screen and the status bar while a catalogue loads, from the hand-built
// view-models of sync_vms.hpp, to PNGs: `xvfb-run -a ui_sync_gallery OUT_DIR`. Built on demand.
#include <filesystem>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "return_vms.hpp"
#include "sync_vms.hpp"
#include "ui/window.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: ui_sync_gallery OUT_DIR\n";
        return 2;
    }
    const std::filesystem::path out = argv[1];
    std::filesystem::create_directories(out);
    const std::vector<std::pair<std::string, ui::FrameVm>> screens = {
        {"sync-offline", sync_vms::frame(sync_vms::offline_screen(), sync_vms::offline_bar())},
        {"sync-loading", sync_vms::frame(sync_vms::loading_screen(), sync_vms::loading_bar())},
        {"sale-while-loading",
         sync_vms::frame(return_vms::exchange_sale(), sync_vms::loading_bar())},
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
