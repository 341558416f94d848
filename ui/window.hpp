// The SDL2 + OpenGL3 + Dear ImGui shell: opens the window, runs the frame loop, and renders
// screenshots. It knows nothing about the domain: it asks for the current view-model, draws it,
// and hands back what the clerk asked for.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "ui/intents.hpp"
#include "ui/view_models.hpp"

namespace ui {

struct WindowOptions {
    int width = 1024;
    int height = 768;
    bool fullscreen = false;
    // When set: draw a few frames, write the window as PNG here, and return instead of looping.
    std::optional<std::filesystem::path> screenshot;
    // How the terminal was started, for the "no display" advice: "build/ui/pos-terminal --data x".
    std::string command_line = "pos-terminal";
};

struct TerminalCallbacks {
    std::function<FrameVm()> view;             // rebuilt every frame
    std::function<void(const Intent&)> apply;  // called for each intent, in order
    // Called once per frame before view(): device events are drained here. May be empty.
    std::function<void()> tick{};
};

// Returns the process exit code. Without a display it prints what to do instead (run under
// xvfb-run, or use --screenshot) to stderr and returns 3, without crashing.
int run_window(const TerminalCallbacks& terminal, const WindowOptions& options);

}  // namespace ui
