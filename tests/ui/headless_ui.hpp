// A headless Dear ImGui context with the real fonts, and input injected the way the SDL backend
// of ImGui 1.86 does it (mouse position and button, key-down array, character queue).
#pragma once

#include <doctest/doctest.h>
#include <imgui.h>

#include <initializer_list>
#include <string>
#include <vector>

#include "ui/draw.hpp"

namespace headless {

using Intents = std::vector<ui::Intent>;

constexpr int key_enter = 1;
constexpr int key_backspace = 2;
constexpr float display_w = 1024;
constexpr float display_h = 768;

// The intents of one kind among those a frame or a tap asked for.
template <class T>
std::vector<T> all_of(const Intents& intents) {
    std::vector<T> found;
    for (const ui::Intent& i : intents) {
        if (const T* t = std::get_if<T>(&i)) {
            found.push_back(*t);
        }
    }
    return found;
}

class Ui {
  public:
    ui::DrawState state;

    Ui() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = {display_w, display_h};
        io.DeltaTime = 1.0f / 60;
        ui::setup_fonts_and_style(ui::base_font_px(static_cast<int>(display_h)));
        unsigned char* pixels = nullptr;
        int w = 0;
        int h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        io.KeyMap[ImGuiKey_Enter] = key_enter;
        io.KeyMap[ImGuiKey_Backspace] = key_backspace;
    }
    ~Ui() { ImGui::DestroyContext(); }
    Ui(const Ui&) = delete;
    Ui& operator=(const Ui&) = delete;

    Intents frame(const ui::FrameVm& vm) {
        ImGui::NewFrame();
        Intents out = ui::draw_frame(vm, state);
        ImGui::Render();
        return out;
    }

    // A finger down on the middle of the widget and up again, and the frame after it (what the
    // clerk then sees is in state.widgets); what the frames asked for.
    Intents click(const ui::FrameVm& vm, const std::string& label) {
        frame(vm);
        REQUIRE_MESSAGE(state.widgets.count(label) == 1, "no widget " << label);
        const ui::Rect r = state.widgets.at(label);
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = {r.cx(), r.cy()};
        io.MouseDown[0] = true;
        Intents out = frame(vm);
        io.MouseDown[0] = false;
        append(out, frame(vm));
        append(out, frame(vm));
        return out;
    }

    Intents click_all(const ui::FrameVm& vm, std::initializer_list<const char*> labels) {
        Intents out;
        for (const char* label : labels) {
            append(out, click(vm, label));
        }
        return out;
    }

    Intents type(const ui::FrameVm& vm, const std::string& text) {
        for (const char c : text) {
            ImGui::GetIO().AddInputCharacter(static_cast<unsigned char>(c));
        }
        return frame(vm);
    }

    // What a keyboard-wedge barcode scanner sends: the characters and Enter, all before the
    // next frame.
    Intents scan_burst(const ui::FrameVm& vm, const std::string& text) {
        for (const char c : text) {
            ImGui::GetIO().AddInputCharacter(static_cast<unsigned char>(c));
        }
        return press(vm, key_enter);
    }

    // Frames with no input, as when the clerk pauses (60 frames a second).
    void idle(const ui::FrameVm& vm, int frames) {
        for (int i = 0; i < frames; ++i) {
            frame(vm);
        }
    }

    bool has(const std::string& label) const { return state.widgets.count(label) == 1; }

    Intents press(const ui::FrameVm& vm, int key) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeysDown[key] = true;
        Intents out = frame(vm);
        io.KeysDown[key] = false;
        append(out, frame(vm));
        return out;
    }

  private:
    static void append(Intents& to, const Intents& more) {
        to.insert(to.end(), more.begin(), more.end());
    }
};

}  // namespace headless
