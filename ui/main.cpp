// pos-terminal: the composition root. Opens the store (creating the demo store on first run),
// starts the devices (USB printers and scanners as the settings say, and the virtual scanner and
// spool printer, always there), starts head-office sync in the background when the terminal is
// enrolled, wires the Terminal to them, the real clock and ids, then runs a scripted session, the
// window, or both (script first, then a screenshot). `enrol` and `sync` talk to head office.
#include <CLI/CLI.hpp>

#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <optional>

#include "db/store.hpp"
#include "drivers/usb/usb.hpp"
#include "headoffice/client/transport.hpp"
#include "ui/device_hub.hpp"
#include "ui/script.hpp"
#include "ui/sync_commands.hpp"
#include "ui/terminal.hpp"
#include "ui/window.hpp"

namespace {

constexpr int exit_store_unusable = 4;
constexpr int exit_journal_broken = 5;

std::filesystem::path default_data_dir() {
    if (const char* dir = std::getenv("COUNTER_DATA"))
        return dir;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"))
        return std::filesystem::path(xdg) / "counter";
    if (const char* home = std::getenv("HOME")) {
        return std::filesystem::path(home) / ".local" / "share" / "counter";
    }
    return "counter-data";
}

int local_utc_offset_minutes() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return static_cast<int>(local.tm_gmtoff / 60);
}

// Opens the store, filling it with the demo store when it has no catalogue and no staff yet.
// Builds the demo store beside `file` and renames it into place only once it is complete, so a
// first run that is interrupted leaves no half-made store behind: the next run starts again.
pos::Status create_demo_file(const std::filesystem::path& file) {
    std::filesystem::path partial = file;
    partial += ".creating";
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        std::filesystem::remove(partial.string() + suffix, ec);
    }
    {
        auto store = db::open_store(partial);
        if (!store)
            return store.error();
        if (auto demo = db::create_demo_store(**store); !demo)
            return demo;
    }  // closed: SQLite checkpoints the WAL into the file
    std::filesystem::rename(partial, file, ec);
    if (ec) {
        return pos::store_failure("Cannot move the new demo store into place at " + file.string() +
                                  ": " + ec.message());
    }
    std::cerr << "pos-terminal: created the demo store in " << file.string() << "\n";
    return pos::ok();
}

// Opens the terminal's store, creating the demo store on the first run.
pos::Result<std::unique_ptr<db::Store>> open_terminal_store(const std::filesystem::path& dir) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) {
        return pos::store_failure("Cannot create the data folder " + dir.string() + ": " +
                                  ec.message());
    }
    const auto file = dir / "terminal.db";
    if (!std::filesystem::exists(file)) {
        if (auto created = create_demo_file(file); !created)
            return created.error();
    }
    return db::open_store(file);
}

// The clerk at the till sees why nothing can be sold, not just a window that never opens.
void show_store_problem(const pos::Error& error, const std::filesystem::path& dir,
                        const ui::WindowOptions& window) {
    const ui::StoreProblemVm problem{
        "This terminal's store cannot be opened", error.message,
        "Nothing was changed and nothing can be sold until this is fixed. If the file was written "
        "by a newer version of Counter, run that version. Otherwise ask your IT support to restore "
        "the store, or move the data folder (" +
            dir.string() +
            ") aside to start a fresh demo "
            "store."};
    ui::run_window({[&] {
                        return ui::FrameVm{problem, {}, "Counter", std::nullopt};
                    },
                    [](const ui::Intent&) {}},
                   window);
}

// pos-terminal verify-journal: prints "journal OK: N entries" (exit 0) or the first entry that
// was edited, deleted, reordered or is missing (exit 5). Never creates a store: no store is exit 4.
int verify_journal(const std::filesystem::path& dir) {
    const auto file = dir / "terminal.db";
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) {
        std::cerr << "pos-terminal: there is no store at " << file.string()
                  << "; there is no journal to verify\n";
        return exit_store_unusable;
    }
    auto store = db::open_store(file);
    if (!store) {
        std::cerr << "pos-terminal: " << store.error().message << "\n";
        return exit_store_unusable;
    }
    try {
        const db::JournalReport report = (*store)->verify_journal();
        std::cout << report.message << "\n";
        return report.ok ? 0 : exit_journal_broken;
    } catch (const std::exception& error) {
        std::cerr << "pos-terminal: the journal could not be read: " << error.what() << "\n";
        return exit_store_unusable;
    }
}

// "usb:04b8:0e15" -> "04b8:0e15"; "" (auto) and "virtual" -> "".
std::string usb_pair(const std::string& setting) {
    return setting.rfind("usb:", 0) == 0 ? setting.substr(4) : std::string();
}

drivers::usb::UsbConfig usb_config(const db::DeviceSettings& settings) {
    drivers::usb::UsbConfig config;
    config.printer = usb_pair(settings.printer);
    config.scanner = usb_pair(settings.scanner);
    config.wedge.prefix = settings.wedge_prefix;
    config.wedge.suffix = settings.wedge_suffix;
    return config;
}

// USB devices unless the settings say virtual for both. A USB start failure is not fatal: the
// terminal runs on its virtual devices and the devices screen says why.
std::unique_ptr<drivers::usb::UsbDevices> start_usb(const db::DeviceSettings& settings,
                                                    drivers::EventQueue& events,
                                                    std::string& problem) {
    if (settings.printer == "virtual" && settings.scanner == "virtual") {
        problem = "USB devices are off: the settings name the virtual printer and scanner";
        return nullptr;
    }
    auto usb = std::make_unique<drivers::usb::UsbDevices>(events, usb_config(settings));
    problem = usb->problem();
    if (!problem.empty())
        std::cerr << "pos-terminal: USB devices are not available (" << problem
                  << "); running on the virtual printer and scanner\n";
    return usb;
}

// What `pos-terminal devices` changes; unset options keep the stored value.
struct DeviceChanges {
    std::optional<std::string> printer, profile, code_pages, scanner, prefix, suffix;
    std::optional<int> drawer_pin, drawer_on_ms, drawer_off_ms;
};

void print_device_settings(const db::DeviceSettings& s) {
    auto shown = [](const std::string& value) { return value.empty() ? "(auto)" : value; };
    std::cout << "printer:            " << shown(s.printer) << "\n"
              << "printer profile:    " << shown(s.printer_profile) << "\n"
              << "printer code pages: " << shown(s.printer_code_pages) << "\n"
              << "scanner:            " << shown(s.scanner) << "\n"
              << "wedge prefix:       " << s.wedge_prefix << "\n"
              << "wedge suffix:       " << s.wedge_suffix << "\n"
              << "drawer pulse:       pin " << (s.drawer_pin == 0 ? 2 : 5) << ", " << s.drawer_on_ms
              << " ms on, " << s.drawer_off_ms << " ms off\n";
}

// pos-terminal devices: shows this terminal's device settings and saves the ones given. A bad
// value is refused with the store's message (exit 2) and nothing is changed.
int configure_devices(const std::filesystem::path& dir, const DeviceChanges& changes) {
    auto store = open_terminal_store(dir);
    if (!store) {
        std::cerr << "pos-terminal: " << store.error().message << "\n";
        return exit_store_unusable;
    }
    db::DeviceSettings settings = (*store)->device_settings();
    const auto apply = [](auto& field, const auto& change) {
        if (change)
            field = *change;
    };
    apply(settings.printer, changes.printer);
    apply(settings.printer_profile, changes.profile);
    apply(settings.printer_code_pages, changes.code_pages);
    apply(settings.scanner, changes.scanner);
    apply(settings.wedge_prefix, changes.prefix);
    apply(settings.wedge_suffix, changes.suffix);
    apply(settings.drawer_pin, changes.drawer_pin);
    apply(settings.drawer_on_ms, changes.drawer_on_ms);
    apply(settings.drawer_off_ms, changes.drawer_off_ms);
    if (auto saved = (*store)->save_device_settings(settings); !saved) {
        std::cerr << "pos-terminal: " << saved.error().message << "\n";
        return 2;
    }
    print_device_settings((*store)->device_settings());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Counter point-of-sale terminal"};
    std::filesystem::path data_dir = default_data_dir();
    std::string script_file;
    std::string screenshot_file;
    ui::WindowOptions window;
    app.add_option("--data", data_dir, "Folder with the terminal's database and receipt spool")
        ->capture_default_str();
    app.add_option("--script", script_file, "Run a scripted clerk session (see ui/script.hpp)");
    app.add_option("--screenshot", screenshot_file, "Render the screen into this PNG and exit");
    app.add_option("--width", window.width, "Window width in pixels")->capture_default_str();
    app.add_option("--height", window.height, "Window height in pixels")->capture_default_str();
    app.add_flag("--fullscreen", window.fullscreen, "Fill the screen (a store's touchscreen)");
    CLI::App* verify = app.add_subcommand(
        "verify-journal",
        "Check the journal's hash chain and sequences: prints OK (exit 0) or the first entry that "
        "was edited, deleted, reordered or is missing (exit 5)");
    verify->add_option("--data", data_dir, "Folder with the terminal's database");
    DeviceChanges changes;
    CLI::App* devices_cmd = app.add_subcommand(
        "devices", "Show this terminal's devices settings; save the options given (empty = auto)");
    devices_cmd->add_option("--data", data_dir, "Folder with the terminal's database");
    devices_cmd->add_option("--printer", changes.printer, "\"\" auto, virtual, or usb:VVVV:PPPP");
    devices_cmd->add_option(
        "--profile", changes.profile,
        "Receipt profile: epson-tm-t20, generic-58, virtual (\"\" = the model's)");
    devices_cmd->add_option("--code-pages", changes.code_pages,
                            "Code pages the printer has, as PAGE:ESC-t-number: CP437:0,CP858:19");
    devices_cmd->add_option("--scanner", changes.scanner, "\"\" auto, virtual, or usb:VVVV:PPPP");
    devices_cmd->add_option("--wedge-prefix", changes.prefix, "Stripped before each scanned code");
    devices_cmd->add_option("--wedge-suffix", changes.suffix, "Stripped after each scanned code");
    devices_cmd->add_option("--drawer-pin", changes.drawer_pin, "0: connector pin 2, 1: pin 5");
    devices_cmd->add_option("--drawer-on-ms", changes.drawer_on_ms, "Drawer pulse on time");
    devices_cmd->add_option("--drawer-off-ms", changes.drawer_off_ms, "Drawer pulse off time");
    std::string server_url, enrol_code, terminal_name;
    CLI::App* enrol_cmd = app.add_subcommand(
        "enrol",
        "Enrol this terminal with head office using a one-time code; prints the store and "
        "terminal it became");
    enrol_cmd->add_option("--data", data_dir, "Folder with the terminal's database");
    enrol_cmd->add_option("--server", server_url, "Head office: https://ho.example.com")
        ->required();
    enrol_cmd->add_option("--code", enrol_code, "The one-time enrolment code")->required();
    enrol_cmd->add_option("--name", terminal_name, "How head office lists this terminal");
    bool sync_once = false;
    headoffice::SyncOptions sync_options;
    CLI::App* sync_cmd = app.add_subcommand(
        "sync", "Sync with head office in the foreground: one line per applied batch of changes");
    sync_cmd->add_option("--data", data_dir, "Folder with the terminal's database");
    sync_cmd->add_flag("--once", sync_once, "One round, then exit (0 when it succeeded)");
    sync_cmd
        ->add_option("--changes-batch", sync_options.changes_batch,
                     "Changes asked for per request (at most 5000)")
        ->capture_default_str();
    CLI11_PARSE(app, argc, argv);
    if (*verify)
        return verify_journal(data_dir);
    if (*devices_cmd)
        return configure_devices(data_dir, changes);
    if (*enrol_cmd)
        return ui::enrol_terminal(data_dir, server_url, enrol_code, terminal_name, std::cout,
                                  std::cerr);
    if (*sync_cmd)
        return ui::sync_in_foreground(data_dir, sync_once, sync_options, std::cout, std::cerr);
    window.command_line = argv[0];
    window.command_line += " --data " + data_dir.string();
    if (!screenshot_file.empty())
        window.screenshot = screenshot_file;

    auto store = open_terminal_store(data_dir);
    if (!store) {
        std::cerr << "pos-terminal: " << store.error().message << "\n";
        if (script_file.empty())
            show_store_problem(store.error(), data_dir, window);
        return exit_store_unusable;
    }
    db::SystemClock clock;
    db::RandomIds ids(clock);
    // The hub's event queue outlives the USB devices that post to it: declared first.
    drivers::EventQueue usb_events;
    std::string usb_problem;
    const auto device_settings = (*store)->device_settings();
    auto usb = start_usb(device_settings, usb_events, usb_problem);
    ui::DeviceHub devices(**store, clock, ids, {data_dir / "spool", usb.get(), &usb_events});
    // Sync runs on its own thread and store connection; the terminal only reads its status.
    auto sync = ui::start_sync_worker(data_dir / "terminal.db", **store);
    ui::TerminalServices services{**store,    clock, ids, devices, local_utc_offset_minutes(),
                                  usb_problem};
    services.export_dir = data_dir / "exports";  // the dashboard's CSV files
    if (sync) {
        services.sync_status = [&sync] { return sync->status(); };
        services.sync_wake = [&sync] { sync->wake(); };
    }
    // The stock lookup's "Ask head office now": one request on the UI's connection, with a short
    // timeout so that a head office that does not answer keeps the clerk waiting ~2 s at most.
    std::unique_ptr<headoffice::Transport> live_transport;
    std::unique_ptr<headoffice::SyncClient> live_client;
    if (const auto enrolment = (*store)->sync().state().enrolment) {
        live_transport = headoffice::http_transport(enrolment->server_url, {2000, 2000, ""});
        live_client = std::make_unique<headoffice::SyncClient>((*store)->sync(), *live_transport,
                                                               clock, headoffice::SyncOptions{});
        services.live_stock = [&live_client](const std::string& code) {
            return live_client->live_stock(code);
        };
    }
    ui::Terminal terminal(services);

    if (!script_file.empty()) {
        std::ifstream script(script_file);
        if (!script) {
            std::cerr << "pos-terminal: cannot read the script " << script_file << "\n";
            return ui::script_malformed;
        }
        const int code = ui::run_script(terminal, script, script_file, std::cout, std::cerr);
        if (code != ui::script_ok || screenshot_file.empty())
            return code;
    }
    if (!screenshot_file.empty())
        window.screenshot = screenshot_file;
    return ui::run_window(
        {[&] { return terminal.view(); }, [&](const ui::Intent& intent) { terminal.apply(intent); },
         [&] { terminal.poll_devices(); }},
        window);
}
