// Renders the stock lookup and customer screens and a sale with a customer and suggestions, from
// the hand-built view-models of lookup_vms.hpp, to PNGs: `xvfb-run -a ui_lookup_gallery OUT_DIR`.
// Built on demand.
#include <filesystem>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "lookup_vms.hpp"
#include "ui/window.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: ui_lookup_gallery OUT_DIR\n";
        return 2;
    }
    const std::filesystem::path out = argv[1];
    std::filesystem::create_directories(out);
    const std::vector<std::pair<std::string, ui::FrameVm>> screens = {
        {"lookup-screen", lookup_vms::frame(lookup_vms::lookup_screen())},
        {"customer-screen", lookup_vms::frame(lookup_vms::customer_screen())},
        {"customer-duplicate", lookup_vms::frame(lookup_vms::duplicate_screen())},
        {"sale-with-customer", lookup_vms::frame(lookup_vms::sale_with_customer())},
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
