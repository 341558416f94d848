// The layout rule every screen keeps: each widget is finger-sized, on the display, and apart from
// the others, with and without an error banner over the screen.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <initializer_list>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "headless_ui.hpp"

namespace headless {

using Act = std::function<void(Ui&, const ui::FrameVm&)>;

// A screen with a panel opened by what the clerk did first.
struct Layout {
    const char* name;
    ui::FrameVm vm;
    Act act = [](Ui&, const ui::FrameVm&) {};
};

inline Act taps(std::initializer_list<const char*> labels) {
    std::vector<std::string> all(labels.begin(), labels.end());
    return [all](Ui& app, const ui::FrameVm& vm) {
        for (const std::string& label : all) {
            app.click(vm, label);
        }
    };
}

// More than a pixel in common: ImGui places list rows on whole pixels, so neighbours may share
// a fraction of one.
inline bool overlap(const ui::Rect& a, const ui::Rect& b) {
    return std::min(a.x1, b.x1) - std::max(a.x0, b.x0) > 1 &&
           std::min(a.y1, b.y1) - std::max(a.y0, b.y0) > 1;
}

// "result:2##sale" is a row of a scrolling list: "result". Buttons keyed by a value
// ("cash:20.00", "reason:faulty") are not rows.
inline std::string list_of(const std::string& label) {
    static const char* const not_lists[] = {"cash:", "reason:", "goes:", "refund:"};
    const auto colon = label.find(':');
    if (colon == std::string::npos) {
        return {};
    }
    for (const char* prefix : not_lists) {
        if (label.rfind(prefix, 0) == 0) {
            return {};
        }
    }
    return label.substr(0, colon);
}

inline void check_layout(const std::string& layout_name, const ui::FrameVm& layout_vm,
                         const Act& act) {
    const ui::Message error{ui::MessageKind::error,
                            "Unknown barcode 4006381333932: no product has this code. Check the "
                            "number or search by name."};
    for (const bool banner : {false, true}) {
        const std::string name = layout_name + (banner ? ", under an error" : "");
        INFO(name);
        Ui app;
        ui::FrameVm vm = layout_vm;
        if (banner) {
            vm.message = error;
        }
        act(app, vm);
        app.idle(vm, 2);
        REQUIRE(!app.state.widgets.empty());
        std::map<std::string, float> tallest_row;  // by list
        for (auto a = app.state.widgets.begin(); a != app.state.widgets.end(); ++a) {
            const auto& [label, r] = *a;
            INFO(label);
            // A row scrolled half out of its list is only the visible part: its list's
            // whole rows are what must be finger-sized.
            const std::string list = list_of(label);
            if (list.empty()) {
                CHECK(r.y1 - r.y0 >= 38);  // ~10 mm at 96 dpi
            } else {
                tallest_row[list] = std::max(tallest_row[list], r.y1 - r.y0);
            }
            CHECK(r.x1 - r.x0 >= 38);
            CHECK(r.x0 >= 0);
            CHECK(r.y0 >= 0);
            CHECK(r.x1 <= display_w);
            CHECK(r.y1 <= display_h);
            for (auto b = std::next(a); b != app.state.widgets.end(); ++b) {
                INFO(b->first);
                CHECK_FALSE(overlap(r, b->second));
            }
        }
        for (const auto& [list, height] : tallest_row) {
            INFO(list);
            CHECK(height >= 38);
        }
    }
}

}  // namespace headless
