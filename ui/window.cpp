// The SDL2 + OpenGL3 shell around draw_frame: window, frame loop, screenshots.
#include "ui/window.hpp"

#include <SDL.h>
#include <SDL_opengl.h>
#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>
#include <stb_image_write.h>

#include <cstdint>
#include <cstdlib>
#include <deque>
#include <iostream>
#include <string>
#include <variant>
#include <vector>

#include "ui/draw.hpp"
#include "ui/key_bursts.hpp"

namespace ui {

namespace {

constexpr int no_display = 3;
constexpr int screenshot_frames = 4;  // enough for layout, auto-scroll and fonts to settle

void explain_no_display(const std::string& why, const WindowOptions& options) {
    const std::string& cmd = options.command_line;
    std::cerr << "pos-terminal: no display found (" << why << ").\n"
              << "To run the terminal here, start it under a virtual display:\n"
              << "  xvfb-run -a " << cmd << "\n"
              << "To look at a screen without one, render it to a PNG (after an optional script):\n"
              << "  xvfb-run -a " << cmd << " --screenshot sale.png [--script FILE]\n";
}

bool has_display_variable() {
    const char* x11 = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    return (x11 && *x11) || (wayland && *wayland);
}

// The receipt preview on the GPU: one texture, uploaded again only when the picture changes
// (PictureVm::version), expanded from grey to RGBA (core OpenGL has no luminance format).
class PictureTexture {
  public:
    // The texture showing `picture`, as an ImTextureID; null when it cannot be shown (too big
    // for this GPU), so the screen falls back to the receipt's text.
    void* texture_for(const PictureVm& picture) {
        if (picture.empty())
            return nullptr;
        if (picture.version != version_ || picture.grey.get() != pixels_) {
            upload(picture);
        }
        return id_ ? reinterpret_cast<void*>(static_cast<std::uintptr_t>(id_)) : nullptr;
    }
    // Before the GL context goes.
    void release() {
        if (id_)
            glDeleteTextures(1, &id_);
        id_ = 0;
    }

  private:
    void upload(const PictureVm& picture) {
        version_ = picture.version;
        pixels_ = picture.grey.get();
        GLint max_size = 0;
        glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_size);
        const auto count =
            static_cast<std::size_t>(picture.width) * static_cast<std::size_t>(picture.height);
        if (picture.width > max_size || picture.height > max_size || picture.grey->size() < count) {
            release();
            return;
        }
        std::vector<unsigned char> rgba(count * 4);
        for (std::size_t i = 0; i < count; ++i) {
            const unsigned char g = (*picture.grey)[i];
            rgba[4 * i] = rgba[4 * i + 1] = rgba[4 * i + 2] = g;
            rgba[4 * i + 3] = 255;
        }
        GLint bound = 0;
        glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
        if (!id_)
            glGenTextures(1, &id_);
        glBindTexture(GL_TEXTURE_2D, id_);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, picture.width, picture.height, 0, GL_RGBA,
                     GL_UNSIGNED_BYTE, rgba.data());
        glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(bound));
    }

    GLuint id_ = 0;
    std::uint64_t version_ = 0;
    const void* pixels_ = nullptr;
};

// The window's textures into the view-model, for the draw code to show.
void attach_textures(FrameVm& vm, PictureTexture& preview) {
    if (auto* done = std::get_if<CompletedVm>(&vm.screen)) {
        done->preview.texture = preview.texture_for(done->preview);
    }
}

// Owns everything run_window sets up and tears it down in reverse order, on every path out.
struct Session {
    bool sdl = false;
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    bool imgui = false;
    bool sdl_backend = false;
    bool gl_backend = false;
    PictureTexture preview;

    ~Session() {
        if (gl) {
            preview.release();
        }
        if (gl_backend) {
            ImGui_ImplOpenGL3_Shutdown();
        }
        if (sdl_backend) {
            ImGui_ImplSDL2_Shutdown();
        }
        if (imgui) {
            ImGui::DestroyContext();
        }
        if (gl) {
            SDL_GL_DeleteContext(gl);
        }
        if (window) {
            SDL_DestroyWindow(window);
        }
        if (sdl) {
            SDL_Quit();
        }
    }
};

// ImGui 1.86 keeps only whether a key is down, so a key pressed and released within one batch
// of events is never seen, nor is a second press of a key released in the same batch. A person
// types "digits, Enter" faster than frames come: end the batch at each press and release of the
// keys the screens act on, so that every frame sees at most one change of each. (Enter and Tab
// go through KeyboardInput, which holds each press for a frame of its own.)
bool ends_batch(const SDL_Event& event) {
    if (event.type != SDL_KEYDOWN && event.type != SDL_KEYUP) {
        return false;
    }
    return event.key.keysym.scancode == SDL_SCANCODE_BACKSPACE;
}

bool is_terminator(SDL_Scancode key) {
    return key == SDL_SCANCODE_RETURN || key == SDL_SCANCODE_KP_ENTER || key == SDL_SCANCODE_TAB;
}

// The keyboard between SDL and ImGui. A barcode scanner bound to the OS as a keyboard types a
// code and Enter in a few milliseconds: KeyBursts tells its bursts from typing by the events'
// timestamps. A scan goes to the draw code as a code (DrawState::keyboard_scans); typing goes to
// ImGui as before, in order, each Enter or Tab pressed for one frame and released the next.
class KeyboardInput {
  public:
    // Takes the characters and the Enter and Tab keys (ImGui must not see them directly).
    // Backspace or Delete first releases what is held back as typing, so that it comes before
    // the key (no scanner sends them); Shift, which a scanner does send, changes nothing.
    bool take(const SDL_Event& event, DrawState& state) {
        if (event.type == SDL_TEXTINPUT) {
            for (const std::string& c : characters(event.text.text)) {
                add(bursts_.feed(Key::character(c), event.text.timestamp), state);
            }
            return true;
        }
        if (event.type != SDL_KEYDOWN && event.type != SDL_KEYUP) {
            return false;
        }
        const SDL_Scancode key = event.key.keysym.scancode;
        if (!is_terminator(key)) {
            const bool edits = key == SDL_SCANCODE_BACKSPACE || key == SDL_SCANCODE_DELETE;
            if (event.type == SDL_KEYDOWN && edits) {
                add(bursts_.release(), state);
            }
            return false;
        }
        if (event.type == SDL_KEYDOWN) {
            const Key k = key == SDL_SCANCODE_TAB ? Key::tab() : Key::enter();
            add(bursts_.feed(k, event.key.timestamp), state);
        }
        return true;
    }

    // Characters that can no longer be part of a burst, released as typing.
    void flush(std::uint32_t now_ms, DrawState& state) { add(bursts_.flush(now_ms), state); }

    // A typed Enter or Tab is waiting for a frame: the batch of events ends here.
    bool press_waiting() const {
        for (const Piece& p : pending_) {
            if (p.key != SDL_SCANCODE_UNKNOWN) {
                return true;
            }
        }
        return false;
    }
    // Frames must keep coming (not wait for events) while anything is held or pending.
    bool busy() const {
        return bursts_.holding() || !pending_.empty() || down_ != SDL_SCANCODE_UNKNOWN;
    }

    // Before NewFrame: this frame's typing into ImGui, up to and including one key press; a key
    // pressed last frame is released first, and the next press waits a frame.
    void to_imgui() {
        ImGuiIO& io = ImGui::GetIO();
        const bool may_press = down_ == SDL_SCANCODE_UNKNOWN;
        if (!may_press) {
            io.KeysDown[down_] = false;
            down_ = SDL_SCANCODE_UNKNOWN;
        }
        while (!pending_.empty()) {
            Piece& p = pending_.front();
            if (!p.text.empty()) {
                io.AddInputCharactersUTF8(p.text.c_str());
                p.text.clear();
            }
            if (p.key == SDL_SCANCODE_UNKNOWN) {
                pending_.pop_front();
                continue;
            }
            if (may_press) {
                io.KeysDown[p.key] = true;
                down_ = p.key;
                pending_.pop_front();
            }
            break;
        }
    }

  private:
    struct Piece {  // typed text, then a key pressed after it (or SDL_SCANCODE_UNKNOWN)
        std::string text;
        SDL_Scancode key = SDL_SCANCODE_UNKNOWN;
    };

    static std::vector<std::string> characters(const char* utf8) {
        std::vector<std::string> out;
        for (const char* p = utf8; *p; ++p) {
            const bool continuation = (static_cast<unsigned char>(*p) & 0xC0) == 0x80;
            if (continuation && !out.empty()) {
                out.back() += *p;
            } else {
                out.emplace_back(1, *p);
            }
        }
        return out;
    }

    void add(const KeyBursts::Output& out, DrawState& state) {
        state.keyboard_scans.insert(state.keyboard_scans.end(), out.scans.begin(), out.scans.end());
        if (!out.typed.empty()) {
            if (pending_.empty() || pending_.back().key != SDL_SCANCODE_UNKNOWN) {
                pending_.emplace_back();
            }
            pending_.back().text += out.typed;
        }
        if (out.typed_enter || out.typed_tab) {
            if (pending_.empty() || pending_.back().key != SDL_SCANCODE_UNKNOWN) {
                pending_.emplace_back();
            }
            pending_.back().key = out.typed_enter ? SDL_SCANCODE_RETURN : SDL_SCANCODE_TAB;
        }
    }

    KeyBursts bursts_;
    std::deque<Piece> pending_;
    SDL_Scancode down_ = SDL_SCANCODE_UNKNOWN;  // pressed for ImGui last frame
};

bool write_screenshot(SDL_Window* window, const std::filesystem::path& path) {
    int w = 0;
    int h = 0;
    SDL_GL_GetDrawableSize(window, &w, &h);
    const auto stride = static_cast<std::size_t>(w) * 3;
    std::vector<unsigned char> pixels(stride * static_cast<std::size_t>(h));
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, w, h, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    std::vector<unsigned char> flipped(pixels.size());  // GL rows run bottom-up, PNG's top-down
    for (int y = 0; y < h; ++y) {
        const auto from = static_cast<std::size_t>(h - 1 - y) * stride;
        std::copy_n(
            pixels.begin() + static_cast<std::ptrdiff_t>(from), stride,
            flipped.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(y) * stride));
    }
    return stbi_write_png(path.string().c_str(), w, h, 3, flipped.data(),
                          static_cast<int>(stride)) != 0;
}

}  // namespace

int run_window(const TerminalCallbacks& terminal, const WindowOptions& options) {
    if (!has_display_variable()) {
        explain_no_display("DISPLAY is not set", options);
        return no_display;
    }
    Session s;
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        explain_no_display(std::string("SDL could not open it: ") + SDL_GetError(), options);
        return no_display;
    }
    s.sdl = true;

    // OpenGL 3.0 with GLSL 130: what llvmpipe under Xvfb and any till GPU of the last decade offer.
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);

    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_SHOWN;
    if (options.fullscreen) {
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    }
    s.window = SDL_CreateWindow("Counter", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                options.width, options.height, flags);
    if (!s.window) {
        explain_no_display(std::string("SDL could not open a window: ") + SDL_GetError(), options);
        return no_display;
    }
    s.gl = SDL_GL_CreateContext(s.window);
    if (!s.gl) {
        explain_no_display(std::string("no OpenGL 3.0 context: ") + SDL_GetError(), options);
        return no_display;
    }
    SDL_GL_MakeCurrent(s.window, s.gl);
    SDL_GL_SetSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    s.imgui = true;
    s.sdl_backend = ImGui_ImplSDL2_InitForOpenGL(s.window, s.gl);
    s.gl_backend = ImGui_ImplOpenGL3_Init("#version 130");
    if (!s.sdl_backend || !s.gl_backend) {
        std::cerr << "pos-terminal: could not start the ImGui SDL2/OpenGL3 backends\n";
        return 1;
    }
    int width = 0;
    int height = 0;
    SDL_GetWindowSize(s.window, &width, &height);
    setup_fonts_and_style(base_font_px(height));

    DrawState state;
    KeyboardInput keyboard;
    bool quit = false;
    int frames = 0;
    int busy_frames = 0;  // frames still to draw at full rate after the last event
    while (!quit) {
        SDL_Event event;
        // Idle tills wake for input or to keep the clock in the status line current.
        bool have_event = options.screenshot || busy_frames > 0 || keyboard.busy()
                              ? SDL_PollEvent(&event) != 0
                              : SDL_WaitEventTimeout(&event, 250) != 0;
        while (have_event) {
            if (!keyboard.take(event, state)) {
                ImGui_ImplSDL2_ProcessEvent(&event);
            }
            busy_frames = 3;
            if (event.type == SDL_QUIT) {
                quit = true;
            }
            if (ends_batch(event) || keyboard.press_waiting()) {
                break;
            }
            have_event = SDL_PollEvent(&event) != 0;
        }
        if (busy_frames > 0) {
            --busy_frames;
        }
        keyboard.flush(SDL_GetTicks(), state);
        keyboard.to_imgui();

        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplSDL2_NewFrame();
        ImGui::NewFrame();
        if (terminal.tick) {
            terminal.tick();  // device events drained before the view is built
        }
        FrameVm vm = terminal.view ? terminal.view() : FrameVm{};
        attach_textures(vm, s.preview);
        const std::vector<Intent> intents = draw_frame(vm, state);
        ImGui::Render();
        const ImGuiIO& io = ImGui::GetIO();
        glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
                   static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
        glClearColor(0.93f, 0.945f, 0.957f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        for (const Intent& intent : intents) {
            if (std::holds_alternative<Quit>(intent)) {
                quit = true;
            } else if (terminal.apply) {
                terminal.apply(intent);
            }
        }

        if (options.screenshot && ++frames >= screenshot_frames) {
            if (!write_screenshot(s.window, *options.screenshot)) {
                std::cerr << "pos-terminal: could not write the screenshot to "
                          << options.screenshot->string() << "\n";
                return 1;
            }
            // stderr: stdout carries a script's ticket JSON, one line each.
            std::cerr << options.screenshot->string() << "\n";
            return 0;
        }
        SDL_GL_SwapWindow(s.window);
    }
    return 0;
}

}  // namespace ui
