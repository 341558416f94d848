// The virtual receipt printer: writes each document into a spool folder, so the terminal runs
// with no hardware and every printed receipt can be read back.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace drivers {

struct PrintOutcome {
    bool printed = false;
    std::filesystem::path file;  // where it went, when printed
    std::string message;         // what went wrong, when not
};

class SpoolPrinter {
  public:
    explicit SpoolPrinter(std::filesystem::path folder) : folder_(std::move(folder)) {}

    // Writes <name>.txt atomically (temporary file, fsync, rename): a reader never sees half a
    // receipt. Failures are returned, never thrown: a failed print must not undo a sale.
    PrintOutcome print_text(std::string_view name, std::string_view text);
    const std::filesystem::path& folder() const { return folder_; }

  private:
    std::filesystem::path folder_;
};

}  // namespace drivers
