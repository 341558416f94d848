// Fonts, the touch style, and the frame around every screen: status bar (with the drawer open
// indicator and head office's state, which opens the sync screen), the catalogue load's progress
// bar, message banner, print banner, and the current screen (drawn by screens_*.cpp).
#include "ui/draw.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>
#include <type_traits>
#include <variant>

#include "ui/widgets.hpp"

namespace ui {

using namespace widgets;

float base_font_px(int window_height) {
    // 24 px at 768 px tall; kept legible on small panels and sane on 4K ones.
    return std::clamp(std::round(static_cast<float>(window_height) / 32.0f), 16.0f, 48.0f);
}

namespace {

// Latin-1 plus the few symbols the screens use: dashes and quotes, bullet, ellipsis, angle
// quotes, euro, arrows, minus, erase-left (⌫) and the PIN dot.
const ImWchar glyph_ranges[] = {0x0020, 0x00FF, 0x2013, 0x203A, 0x20AC, 0x20AC, 0x2190, 0x2193,
                                0x2212, 0x2212, 0x232B, 0x232B, 0x25CF, 0x25CF, 0};

ImFont* load_font(const char* file, float size) {
    ImGuiIO& io = ImGui::GetIO();
    const std::string path = std::string(COUNTER_FONT_DIR) + "/" + file;
    ImFontConfig config;
    config.OversampleH = size > 30 ? 1 : 2;  // big glyphs need no oversampling; keeps atlas small
    config.PixelSnapH = true;
    config.SizePixels = size;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        // Without DejaVu the till still works, in ImGui's built-in font scaled up.
        return io.Fonts->AddFontDefault(&config);
    }
    return io.Fonts->AddFontFromFileTTF(path.c_str(), size, &config, glyph_ranges);
}

void set_style(float p) {
    ImGuiStyle& s = ImGui::GetStyle();
    s = ImGuiStyle();
    ImGui::StyleColorsLight(&s);
    s.WindowPadding = {0.6f * p, 0.6f * p};
    s.FramePadding = {0.6f * p, 0.4f * p};
    s.ItemSpacing = {0.5f * p, 0.5f * p};
    s.ItemInnerSpacing = {0.3f * p, 0.3f * p};
    s.ScrollbarSize = 1.25f * p;  // ~30 px: wide enough for a thumb
    s.GrabMinSize = 2.0f * p;
    s.WindowRounding = 0;
    s.ChildRounding = 0.3f * p;
    s.FrameRounding = 0.35f * p;
    s.ScrollbarRounding = 0.3f * p;
    s.GrabRounding = 0.3f * p;
    s.WindowBorderSize = 0;
    s.ChildBorderSize = 0;
    s.FrameBorderSize = std::max(1.0f, std::round(p / 24.0f));
    s.DisabledAlpha = 0.35f;
    s.ButtonTextAlign = {0.5f, 0.5f};

    auto set = [&s](ImGuiCol col, ImU32 c) { s.Colors[col] = ImGui::ColorConvertU32ToFloat4(c); };
    set(ImGuiCol_WindowBg, colour::background);
    set(ImGuiCol_ChildBg, 0);
    set(ImGuiCol_Text, colour::ink);
    set(ImGuiCol_TextDisabled, colour::muted);
    set(ImGuiCol_Border, colour::rule);
    set(ImGuiCol_ScrollbarBg, colour::rgb(0xE6EAEE));
    set(ImGuiCol_ScrollbarGrab, colour::rgb(0xA9B4BF));
    set(ImGuiCol_ScrollbarGrabHovered, colour::rgb(0x97A3AF));
    set(ImGuiCol_ScrollbarGrabActive, colour::rgb(0x7F8C99));
}

// A print that has not happened and an open drawer want attention, not alarm: amber.
constexpr ImU32 warning_fill = colour::rgb(0xFFE3AD);
constexpr ImU32 warning_edge = colour::rgb(0xE39B22);
constexpr ImU32 warning_ink = colour::rgb(0x5C3300);

// "Drawer open" at the right end of the status bar, in amber, while the drawer is open.
void draw_drawer_pill(DrawState& state, Box& bar) {
    const std::string text = "Drawer open";
    const ImVec2 size = text_size(fonts().bold, text);
    Box pill = bar.cut_right(size.x + 1.6f * px(), 0.4f * px());
    pill = Box{pill.x - 0.4f * px(), pill.y + 0.2f * px(), pill.w, pill.h - 0.4f * px()};
    fill(pill, warning_fill, 0.3f * px());
    const ImVec2 at{pill.x + (pill.w - size.x) / 2, pill.y + (pill.h - size.y) / 2};
    text_at(fonts().bold, at, warning_ink, text);
    record_text(state, "drawer##status", at, size);
}

// Head office at the right of the status bar: a dot in the state's colour and its line. Tapping
// it opens the sync screen.
void draw_sync_status(const SyncBarVm& sync, DrawState& state, Box& bar, Intents& out) {
    ImFont* font = fonts().small ? fonts().small : fonts().body;  // the clerk's line comes first
    const float dot_r = 0.3f * px();
    const float room = std::round(0.5f * bar.w);
    const float w = std::min(room, text_size(font, sync.text).x + 2 * dot_r + 2.2f * px());
    const Box area = bar.cut_right(w);
    ImGui::SetCursorScreenPos(area.min());
    if (ImGui::InvisibleButton("Sync##status", area.size())) {
        out.push_back(ShowSync{});
    }
    record(state, "Sync##status");
    if (ImGui::IsItemHovered()) {
        fill(area.inset(0.15f * px()), colour::rgb(0x2C3A49), 0.3f * px());
    }
    const float cy = area.y + area.h / 2;
    ImGui::GetWindowDrawList()->AddCircleFilled({area.x + 0.6f * px() + dot_r, cy}, dot_r,
                                                sync_tone_colour(sync.tone));
    const ImVec2 at{area.x + 1.0f * px() + 2 * dot_r, cy - font->FontSize / 2};
    const std::string shown = fit(font, sync.text, area.w - (at.x - area.x) - 0.6f * px());
    text_at(font, at, colour::on_bar, shown);
    record_text(state, "sync##status", at, text_size(font, shown));
}

void draw_status_bar(const FrameVm& vm, DrawState& state, Box box, Intents& out) {
    fill(box, colour::bar);
    if (vm.drawer_open) {
        draw_drawer_pill(state, box);
    }
    if (vm.sync) {
        draw_sync_status(*vm.sync, state, box, out);
    }
    const float y = box.y + (box.h - px()) / 2;
    text_at(fonts().bold, {box.x + 0.8f * px(), y}, colour::on_bar,
            fit(fonts().bold, vm.status_line, box.w - 1.6f * px()));
}

// The print banner: its text wraps beside Retry (when the job can be sent again) and Dismiss.
float print_banner_buttons_width(const PrintBannerVm& banner) {
    return (banner.can_retry ? 2 : 1) * (5.5f * px() + 0.5f * px());
}

float print_banner_height(const PrintBannerVm& banner, float width) {
    ImFont* font = fonts().bold ? fonts().bold : ImGui::GetFont();
    const float wrap = width - print_banner_buttons_width(banner) - 1.6f * px();
    const float text_h = font->CalcTextSizeA(font->FontSize, 1e9f, wrap, banner.message.c_str()).y;
    return std::max(std::round(0.85f * touch()), text_h) + 0.8f * px();
}

void draw_print_banner(const PrintBannerVm& banner, DrawState& state, Box box, Intents& out) {
    fill(box, warning_fill, 0.35f * px());
    outline(box, warning_edge, 0.35f * px(), std::max(1.0f, std::round(px() / 12)));
    Box inner = box.inset(0.4f * px());
    const float button_w = 5.5f * px();
    const float button_h = std::min(inner.h, std::round(0.85f * touch()));
    auto next_button = [&] {
        const Box column = inner.cut_right(button_w, 0.5f * px());
        return Box{column.x, column.y + (column.h - button_h) / 2, column.w, button_h};
    };
    if (button(state, "Dismiss##printbanner", next_button(), Tone::quiet)) {
        out.push_back(DismissPrintProblem{});
    }
    if (banner.can_retry && button(state, "Retry##printbanner", next_button(), Tone::key)) {
        out.push_back(RetryPrint{banner.job_id});
    }
    ImFont* font = fonts().bold ? fonts().bold : ImGui::GetFont();
    const float wrap = inner.w - 0.4f * px();
    const char* text = banner.message.c_str();
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, 1e9f, wrap, text);
    const ImVec2 pos{inner.x + 0.4f * px(), inner.y + std::max(0.0f, (inner.h - size.y) / 2)};
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize, pos, warning_ink, text, nullptr,
                                        wrap);
    record_text(state, "message##printbanner", pos, size);
}

// Codes a keyboard-wedge scanner typed go where the clerk expects (the Terminal routes them);
// on the sale screen a quantity keyed before ("3 ×") goes with the code, as a Scan.
void take_keyboard_scans(const FrameVm& vm, DrawState& state, Intents& out) {
    const bool sale =
        std::holds_alternative<SaleVm>(vm.screen) && !vm.approval && !state.price.open;
    for (const std::string& code : state.keyboard_scans) {
        if (sale && !state.keypad_quantity.empty()) {
            out.push_back(Scan{code, state.keypad_quantity});
            state.keypad_quantity.clear();
        } else {
            out.push_back(Scanned{code, "", "keyboard"});
        }
    }
    state.keyboard_scans.clear();
}

void draw_banner(const Message& message, DrawState& state, Box box, Intents& out) {
    const bool error = message.kind == MessageKind::error;
    fill(box, error ? colour::bad : colour::accent, 0.35f * px());
    Box inner = box.inset(0.5f * px());
    const Box dismiss = inner.cut_right(6 * px(), px());
    ImFont* font = fonts().bold ? fonts().bold : ImGui::GetFont();
    const float wrap = inner.w;
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, 1e9f, wrap, message.text.c_str());
    const ImVec2 pos{inner.x + 0.3f * px(), inner.y + std::max(0.0f, (inner.h - size.y) / 2)};
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize, pos, colour::on_bar,
                                        message.text.c_str(), nullptr, wrap);
    if (button(state, "Dismiss##message", dismiss, Tone::key)) {
        out.push_back(DismissMessage{});
    }
}

float banner_height(const Message& message, float width) {
    ImFont* font = fonts().bold ? fonts().bold : ImGui::GetFont();
    const float wrap = width - 8 * px();  // as draw_banner: insets and the button
    const float text_h = font->CalcTextSizeA(font->FontSize, 1e9f, wrap, message.text.c_str()).y;
    return std::max(touch(), text_h) + px();
}

// Panels, half-keyed text and notes belong to the screen they were opened on: another screen
// starts without them (the scan field and the PIN are cleared by the actions that leave).
void on_new_screen(DrawState& state) {
    state.more = false;
    state.letters = false;
    state.confirm_void = false;
    state.price = {};
    state.tender = {};
    state.returns.no_receipt = false;
    state.returns.post_void = false;
    state.returns.field = 0;
    state.tender_amount.clear();
    state.notice.clear();
    state.devices = {};  // a drawer check unless chosen again; the log shown from its newest line
}

void draw_screen(const FrameVm& vm, DrawState& state, const Box& screen, Intents& out) {
    std::visit(
        [&](const auto& s) {
            using T = std::decay_t<decltype(s)>;
            if constexpr (std::is_same_v<T, LoginVm>) {
                draw_login(s, state, screen, out);
            } else if constexpr (std::is_same_v<T, SaleVm>) {
                draw_sale(s, state, screen, out);
            } else if constexpr (std::is_same_v<T, TenderVm>) {
                if (s.refund) {
                    draw_refund(s, state, screen, out);
                } else {
                    draw_tender(s, state, screen, out);
                }
            } else if constexpr (std::is_same_v<T, CompletedVm>) {
                draw_completed(s, state, screen, out);
            } else if constexpr (std::is_same_v<T, SuspendedListVm>) {
                draw_suspended(s, state, screen, out);
            } else if constexpr (std::is_same_v<T, ReturnVm>) {
                draw_return(s, state, screen, out);
            } else if constexpr (std::is_same_v<T, TicketSearchVm>) {
                draw_ticket_search(s, state, screen, out);
            } else if constexpr (std::is_same_v<T, DevicesVm>) {
                draw_devices(s, state, screen, out);
            } else if constexpr (std::is_same_v<T, SyncVm>) {
                draw_sync(s, state, screen, out);
            } else if constexpr (std::is_same_v<T, LookupVm>) {
                draw_lookup(s, state, screen, out);
            } else if constexpr (std::is_same_v<T, CustomersVm>) {
                draw_customers(s, state, screen, out);
            } else if constexpr (std::is_same_v<T, InteractionsVm>) {
                draw_interactions(s, state, screen, out);
            } else if constexpr (std::is_same_v<T, SpecialOrdersVm>) {
                draw_special_orders(s, state, screen, out);
            } else if constexpr (std::is_same_v<T, TillVm>) {
                draw_till(s, state, screen, out);
            } else if constexpr (std::is_same_v<T, ReportsVm>) {
                draw_reports(s, state, screen, out);
            } else if constexpr (std::is_same_v<T, DashboardVm>) {
                draw_dashboard(s, state, screen, out);
            } else {
                draw_store_problem(s, state, screen, out);
            }
        },
        vm.screen);
}

}  // namespace

void setup_fonts_and_style(float font_px) {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // a till keeps no window layout between runs
    io.Fonts->Clear();
    Fonts f;
    f.px = font_px;
    f.body = load_font("DejaVuSans.ttf", font_px);  // the first font is ImGui's default
    f.bold = load_font("DejaVuSans-Bold.ttf", font_px);
    f.heading = load_font("DejaVuSans-Bold.ttf", std::round(1.35f * font_px));
    f.large = load_font("DejaVuSans-Bold.ttf", 2 * font_px);
    f.huge = load_font("DejaVuSans-Bold.ttf", 3 * font_px);
    f.mono = load_font("DejaVuSansMono.ttf", std::round(0.75f * font_px));
    f.small = load_font("DejaVuSans.ttf", std::round(0.8f * font_px));
    set_fonts(f);
    set_style(font_px);
}

std::vector<Intent> draw_frame(const FrameVm& vm, DrawState& state) {
    state.widgets.clear();
    state.texts.clear();
    Intents out;
    if (vm.screen.index() != state.screen) {
        on_new_screen(state);
        state.screen = vm.screen.index();
    }
    state.drawer_open = vm.drawer_open;
    take_keyboard_scans(vm, state, out);

    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos({0, 0});
    ImGui::SetNextWindowSize(display);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
    ImGui::Begin("##counter", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                     ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar();  // child windows (lists, receipt) keep the padding
    ImGui::PushFont(fonts().body);

    Box screen{0, 0, display.x, display.y};
    draw_status_bar(vm, state, screen.cut_top(std::round(1.7f * px())), out);
    screen = screen.inset(gap());
    if (vm.sync && vm.sync->progress && !std::holds_alternative<SyncVm>(vm.screen)) {
        sync_progress_bar(*vm.sync->progress, state, screen.cut_top(std::round(1.3f * px()), gap()),
                          "progress##status");
    }
    if (vm.message.kind != MessageKind::none && !vm.approval) {  // the dialog shows it
        const float h = banner_height(vm.message, screen.w);
        draw_banner(vm.message, state, screen.cut_top(h, gap()), out);
    }
    if (vm.print_banner && !vm.approval) {  // the dialog covers the display; it stays for after
        const float h = print_banner_height(*vm.print_banner, screen.w);
        draw_print_banner(*vm.print_banner, state, screen.cut_top(h, gap()), out);
    }

    if (vm.approval) {
        // The dialog takes the keyboard (a badge scanned, a PIN typed). The screen under it is
        // drawn as it is but cannot be used: what it would do is dropped with a copy of the state.
        take_approval_keyboard(state, out);
        DrawState under = state;
        Intents ignored;
        draw_screen(vm, under, screen, ignored);
    } else {
        state.approval = {};
        draw_screen(vm, state, screen, out);
    }

    ImGui::PopFont();
    ImGui::End();
    if (vm.approval) {
        draw_approval(*vm.approval, vm.message, state, out);
    }
    return out;
}

}  // namespace ui
