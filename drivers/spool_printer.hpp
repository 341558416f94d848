// The virtual receipt printer: writes each document into a spool folder, so the terminal runs
// with no hardware and every printed receipt can be read back.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace drivers {

struct PrintOutcome {
    bool printed = false;
    std::filesystem::path file;                // where it went (the first file of a job)
    std::string message;                       // what went wrong, when not
    std::vector<std::filesystem::path> files;  // every file of a job, in the order given
};

// One file of a print job: the same receipt as text, as a picture, as printer bytes.
struct SpoolFile {
    std::string extension;  // ".txt", ".png", ".escpos"
    std::vector<std::uint8_t> bytes;
};

class SpoolPrinter {
  public:
    explicit SpoolPrinter(std::filesystem::path folder) : folder_(std::move(folder)) {}

    // Writes <name>.txt atomically (temporary file, fsync, rename): a reader never sees half a
    // receipt. Failures are returned, never thrown: a failed print must not undo a sale.
    PrintOutcome print_text(std::string_view name, std::string_view text);

    // Writes <name><extension> for each file of one receipt. Every file is written to a
    // temporary and fsynced before any is moved into place, so a failure leaves none of them.
    // A job never replaces a file already in the spool (a printed receipt is never overwritten):
    // if any of its names is taken, nothing is written and the outcome says which.
    PrintOutcome print_job(std::string_view name, const std::vector<SpoolFile>& files);

    // `stem` followed by the smallest number from 1 that names no job in the spool yet
    // ("T01-000001-copy" -> "T01-000001-copy2" when copy1 was printed): a name for a reprint.
    std::string unused_name(std::string_view stem) const;

    const std::filesystem::path& folder() const { return folder_; }

  private:
    std::filesystem::path folder_;
};

}  // namespace drivers
