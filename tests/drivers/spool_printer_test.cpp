#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "drivers/spool_printer.hpp"

namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path = fs::temp_directory_path() / ("counter-spool-" + std::to_string(::getpid()));
    TempDir() { fs::remove_all(path); }
    ~TempDir() { fs::remove_all(path); }
};

}  // namespace

TEST_CASE("the spool printer writes each receipt as a whole file named after it") {
    TempDir dir;
    drivers::SpoolPrinter printer(dir.path / "spool");
    auto outcome = printer.print_text("T01-000001", "hello\nreceipt\n");
    REQUIRE(outcome.printed);
    CHECK(outcome.file == dir.path / "spool" / "T01-000001.txt");
    std::ifstream in(outcome.file);
    std::stringstream content;
    content << in.rdbuf();
    CHECK(content.str() == "hello\nreceipt\n");
    // No temporary file is left behind.
    int files = 0;
    for ([[maybe_unused]] auto& e : fs::directory_iterator(dir.path / "spool"))
        ++files;
    CHECK(files == 1);
}

TEST_CASE("a printer that cannot write says why instead of throwing") {
    TempDir dir;
    fs::create_directories(dir.path);
    std::ofstream(dir.path / "not-a-folder") << "x";
    drivers::SpoolPrinter printer(dir.path / "not-a-folder");
    auto outcome = printer.print_text("T01-000001", "text");
    CHECK_FALSE(outcome.printed);
    CHECK(outcome.message.find("cannot create") != std::string::npos);

    drivers::SpoolPrinter ok_printer(dir.path / "spool");
    auto bad_name = ok_printer.print_text("../escape", "text");
    CHECK_FALSE(bad_name.printed);
    CHECK(bad_name.message.find("not a usable file name") != std::string::npos);
}
