// What the clerk is typing on the stock lookup and customer screens, kept between frames.
// Part of DrawState (ui/draw.hpp); ImGui-free.
#pragma once

#include <string>

namespace ui {

struct LookupForm {
    std::string search;
    std::string sent_search;  // the last LookupSearch emitted
    std::string seen_vm;      // LookupVm::search_text last frame: a scan changes it
    bool letters = false;     // the on-screen letter keyboard is up
    // The Hold / Transfer form for one store: open while request_store is set.
    std::string request_kind;  // "hold" or "transfer"
    std::string request_store;
    std::string quantity = "1";
    std::string note;
    int field = 0;  // 0 quantity, 1 note
};

struct CustomerForm {
    std::string search;
    std::string sent_search;  // the last CustomerSearch emitted
    std::string seen_vm;      // CustomersVm::search_text last frame: a scanned card changes it
    bool letters = false;     // the on-screen keyboard is up
    // The New / Edit form, open while `editing`; id empty: a new customer.
    bool editing = false;
    std::string id;
    std::string name;
    std::string phone;
    std::string email;
    std::string card;
    std::string note;
    bool consent_email = false;
    bool consent_sms = false;
    bool consent_post = false;
    int field = 0;  // 0 name, 1 phone, 2 email, 3 note
};

}  // namespace ui
