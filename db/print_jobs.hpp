// The durable print queue's storage: a job is stored before it is sent to a printer, and is
// marked done only when the printer confirms it. Plain rows; what a job means to a printer is
// the caller's business (ui/print_queue).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pos/result.hpp"

namespace db {

// queued: stored, not yet handed to a printer. printing: handed over, no confirmation yet.
// waiting: the printer cannot print now (paper out, cover open, disconnected); sent again when
// it can. done: the printer confirmed it. failed: given up (the printer never confirmed, or the
// job cannot be printed); the clerk may retry or reprint it.
enum class PrintJobState { queued, printing, waiting, done, failed };
std::string to_string(PrintJobState state);  // "queued", "printing", ...

struct PrintPart {
    std::string extension;  // ".escpos", ".txt", ".png"
    std::vector<std::uint8_t> bytes;
};

struct StoredPrintJob {
    std::string id;
    std::string name;            // "T01-000042", "T01-000042-copy1": unique in the queue
    std::string title;           // "Receipt", "Copy", "Gift receipt", "Test page"
    std::string receipt_number;  // the ticket it is for; empty for a test page
    PrintJobState state = PrintJobState::queued;
    std::int64_t created_ms = 0;
    std::int64_t updated_ms = 0;
    int attempts = 0;        // times handed to a printer
    std::string last_error;  // why it is waiting or failed; empty otherwise
    std::vector<PrintPart> parts;
};

class PrintJobs {
  public:
    virtual ~PrintJobs() = default;
    // Stores a new job (state queued) with its parts in one transaction. A name already used
    // is refused and nothing is written.
    virtual pos::Status add(const StoredPrintJob& job) = 0;
    virtual std::optional<StoredPrintJob> find(const std::string& id) = 0;
    // Jobs not done or failed, oldest first (parts included): what must still be printed.
    virtual std::vector<StoredPrintJob> unfinished() = 0;
    // The newest jobs first, without their parts (for the devices screen).
    virtual std::vector<StoredPrintJob> recent(int limit) = 0;
    // Moves a job to `state` (attempts + 1 when the state is printing); an unknown id is an error.
    // A job that is done stays done: marking it again changes nothing and says so.
    virtual pos::Status mark(const std::string& id, PrintJobState state, const std::string& error,
                             std::int64_t at_ms) = 0;
    // "T01-000042-copy" -> "T01-000042-copy1", "-copy2", ...: the first name no job has.
    virtual std::string unused_name(const std::string& stem) = 0;
};

// The terminal's devices, kept in the store's settings (one store file per terminal).
// Empty strings mean auto-detect.
struct DeviceSettings {
    std::string printer;          // "" auto, "virtual", or "usb:04b8:0e15"
    std::string printer_profile;  // receipts profile name; "" = the model's, else "generic-58"
    // Overrides the profile's code pages: "CP437:0,CP858:19" (page:ESC t number). Unknown pages
    // are reported and skipped.
    std::string printer_code_pages;
    std::string scanner;  // "" auto, "virtual", or "usb:05e0:1200"
    std::string wedge_prefix;
    std::string wedge_suffix;
    int drawer_pin = 0;
    int drawer_on_ms = 100;
    int drawer_off_ms = 200;
};

}  // namespace db
