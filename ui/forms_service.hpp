// What the clerk is typing on the interactions and special orders screens, kept between frames.
// Part of DrawState (ui/draw.hpp); ImGui-free.
#pragma once

#include <string>

namespace ui {

// The interactions screen's form: a new one (editing empty) or the one shown (its id).
struct InteractionForm {
    bool open = false;    // the form is up (New, or Edit on the one shown)
    std::string editing;  // id of the interaction edited; empty: a new one
    std::string kind = "complaint";
    std::string category;
    std::string said;
    std::string done;
    std::string status;  // "open", "waiting", "resolved"; empty keeps it
    std::string follow_up;
    std::string receipt;
    int field = 0;  // the field typed into: see screens_interactions.cpp
};

struct OrderForm {
    std::string code;
    std::string quantity;
    std::string deposit;
    std::string expected;
    int field = 0;  // 0 code, 1 quantity, 2 deposit, 3 expected
};

}  // namespace ui
