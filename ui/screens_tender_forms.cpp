// The tender panels with more than one field: a card charged on the external payment terminal
// (amount, its reference, the last four digits it printed: never a card number), and gift card or
// store credit (account number, scanned or keyed, and an optional amount). Keys go to the field
// last tapped; Enter moves to the next field and, on the last one, takes the tender.
#include <algorithm>
#include <cmath>
#include <vector>

#include "ui/widgets.hpp"

namespace ui::widgets {

namespace {

struct Field {
    std::string TenderForm::*text;
    const char* key;
    const char* label;
    const char* placeholder;
    std::size_t max;
    Accept accept;
    const char* what;  // for the notice when a scan overflows it
};

const Field card_amount{
    &TenderForm::amount, "card amount##tender", "Amount charged", "0.00", 9, Accept::amount,
    "an amount"};
const Field reference{&TenderForm::reference,
                      "reference##tender",
                      "Payment terminal reference",
                      "As printed on its slip",
                      20,
                      Accept::code,
                      "a reference"};
const Field last4{&TenderForm::last4, "last4##tender",    "Last 4 digits", "1234", 4,
                  Accept::digits,     "the last 4 digits"};
const Field account{&TenderForm::account,
                    "account##tender",
                    "Account number",
                    "Scan the card or key its number",
                    24,
                    Accept::code,
                    "an account number"};
const Field account_amount{&TenderForm::amount,
                           "account amount##tender",
                           "Amount (optional)",
                           "Its balance, up to what is due",
                           9,
                           Accept::amount,
                           "an amount"};

std::vector<const Field*> fields(TenderPanel panel) {
    if (panel == TenderPanel::card) {
        return {&card_amount, &reference, &last4};
    }
    return {&account, &account_amount};
}

bool is_amount(const std::string& text) {
    return !text.empty() && text != ".";
}

bool complete(const TenderForm& form) {
    if (form.panel == TenderPanel::card) {
        return is_amount(form.amount) && !form.reference.empty() && form.last4.size() == 4;
    }
    return !form.account.empty() && (form.amount.empty() || is_amount(form.amount));
}

void submit(DrawState& state, Intents& out) {
    const TenderForm& form = state.tender;
    if (!complete(form)) {
        return;
    }
    if (form.panel == TenderPanel::card) {
        TenderCard card;
        card.amount = form.amount;
        card.reference = form.reference;
        card.last4 = form.last4;
        out.push_back(card);
    } else if (form.panel == TenderPanel::gift_card) {
        TenderGiftCard gift;
        gift.account = form.account;
        gift.amount = form.amount;
        out.push_back(gift);
    } else {
        TenderStoreCredit credit;
        credit.account = form.account;
        credit.amount = form.amount;
        out.push_back(credit);
    }
    state.tender = {};  // back to cash: what is due has changed, and nothing keyed is kept
}

const char* title(TenderPanel panel) {
    switch (panel) {
        case TenderPanel::card:
            return "Card on the payment terminal";
        case TenderPanel::gift_card:
            return "Gift card";
        default:
            return "Store credit";
    }
}

const char* submit_key(TenderPanel panel) {
    switch (panel) {
        case TenderPanel::card:
            return "Take card##tender";
        case TenderPanel::gift_card:
            return "Take gift card##tender";
        default:
            return "Take credit##tender";
    }
}

}  // namespace

void open_tender_panel(const TenderVm& vm, DrawState& state, TenderPanel panel) {
    state.tender = {};
    state.tender.panel = panel;
    state.notice.clear();
    if (panel == TenderPanel::card) {
        state.tender.amount = vm.due_amount;  // the usual case: the card pays the rest
        state.tender.field = vm.due_amount.empty() ? 0 : 1;
    }
    if (panel == TenderPanel::store_credit && !vm.credit_account.empty()) {
        state.tender.account = vm.credit_account;  // the attached customer's account
        state.tender.field = 1;
    }
}

void take_tender_form_keyboard(DrawState& state, Intents& out) {
    const std::vector<const Field*> all = fields(state.tender.panel);
    const int n = static_cast<int>(all.size());
    const int i = std::clamp(state.tender.field, 0, n - 1);
    const Field& f = *all[static_cast<std::size_t>(i)];
    if (type_into(state, state.tender.*f.text, f.max, f.accept, f.what)) {
        if (i + 1 < n) {
            state.tender.field = i + 1;
        } else {
            submit(state, out);
        }
    }
}

void draw_tender_form(DrawState& state, Box box, Intents& out) {
    TenderForm& form = state.tender;
    fill(box, colour::panel, 0.4f * px());
    Box inner = box.inset(px());
    text_at(fonts().bold, inner.cut_top(std::round(1.3f * px()), 0.4f * px()).min(), colour::muted,
            fit(fonts().bold, title(form.panel), inner.w));
    const std::vector<const Field*> all = fields(form.panel);
    std::vector<Box> boxes;
    if (form.panel == TenderPanel::card) {  // amount and last 4 side by side, reference below
        const Box top = inner.cut_top(field_height(), gap());
        const Box bottom = inner.cut_top(field_height(), gap());
        boxes = {top.cell(2, 1, 0, 0, gap()), bottom, top.cell(2, 1, 1, 0, gap())};
    } else {
        for (std::size_t i = 0; i < all.size(); ++i) {
            boxes.push_back(inner.cut_top(field_height(), gap()));
        }
    }
    for (std::size_t i = 0; i < all.size(); ++i) {
        const Field& f = *all[i];
        if (field_box(state, f.key, boxes[i], f.label, form.*f.text, f.placeholder,
                      form.field == static_cast<int>(i))) {
            form.field = static_cast<int>(i);
        }
    }
    draw_notice(state, inner);

    const Box take = inner.cut_bottom(std::round(1.3f * touch()), gap());
    const int i = std::clamp(form.field, 0, static_cast<int>(all.size()) - 1);
    const Field& f = *all[static_cast<std::size_t>(i)];
    std::string& text = form.*f.text;
    number_keypad(state, text, inner, f.accept == Accept::amount);
    clamp_field(text, f.max);
    if (button(state, submit_key(form.panel), take, Tone::primary, complete(form), nullptr,
               fonts().heading)) {
        submit(state, out);
    }
}

}  // namespace ui::widgets
