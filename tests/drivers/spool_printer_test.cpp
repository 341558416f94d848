#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
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

namespace {

std::string read_file(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    return content.str();
}

std::vector<std::uint8_t> bytes_of(std::string_view text) {
    return {text.begin(), text.end()};
}

std::vector<std::string> files_in(const fs::path& folder) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(folder))
        names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

TEST_CASE("a print job writes the receipt's text, picture and printer bytes as whole files") {
    TempDir dir;
    drivers::SpoolPrinter printer(dir.path / "spool");
    const std::string binary("\x89PNG\r\n\x1a\n\0\xff", 10);  // NUL and high bytes survive
    auto outcome = printer.print_job("T01-000001", {{".txt", bytes_of("receipt\n")},
                                                    {".png", bytes_of(binary)},
                                                    {".escpos", bytes_of("\x1b@hi\n")}});
    REQUIRE(outcome.printed);
    CHECK(outcome.file == dir.path / "spool" / "T01-000001.txt");
    REQUIRE(outcome.files.size() == 3);
    CHECK(outcome.files[1] == dir.path / "spool" / "T01-000001.png");
    CHECK(files_in(dir.path / "spool") ==
          std::vector<std::string>{"T01-000001.escpos", "T01-000001.png", "T01-000001.txt"});
    CHECK(read_file(outcome.files[0]) == "receipt\n");
    CHECK(read_file(outcome.files[1]) == binary);
    CHECK(read_file(outcome.files[2]) == "\x1b@hi\n");
}

TEST_CASE("a print job never replaces a receipt already in the spool, nor writes half a job") {
    TempDir dir;
    drivers::SpoolPrinter printer(dir.path / "spool");
    REQUIRE(printer.print_job("T01-000001", {{".txt", bytes_of("original")}}).printed);

    auto again = printer.print_job(
        "T01-000001", {{".png", bytes_of("picture")}, {".txt", bytes_of("something else")}});
    CHECK_FALSE(again.printed);
    CHECK(again.message.find("T01-000001.txt is already printed") != std::string::npos);
    CHECK(read_file(dir.path / "spool" / "T01-000001.txt") == "original");
    // The job's other file was not written either, and no temporary is left.
    CHECK(files_in(dir.path / "spool") == std::vector<std::string>{"T01-000001.txt"});
}

TEST_CASE("a reprint gets the next unused name, so copies never overwrite each other") {
    TempDir dir;
    drivers::SpoolPrinter printer(dir.path / "spool");
    CHECK(printer.unused_name("T01-000001-copy") == "T01-000001-copy1");  // no spool folder yet
    REQUIRE(printer.print_job("T01-000001", {{".txt", bytes_of("sale")}}).printed);
    CHECK(printer.unused_name("T01-000001-copy") == "T01-000001-copy1");
    REQUIRE(printer.print_job("T01-000001-copy1", {{".txt", bytes_of("copy")}}).printed);
    CHECK(printer.unused_name("T01-000001-copy") == "T01-000001-copy2");
    // copy10 is not copy1: only whole names count.
    REQUIRE(printer.print_job("T01-000002-copy10", {{".txt", bytes_of("copy")}}).printed);
    CHECK(printer.unused_name("T01-000002-copy") == "T01-000002-copy1");
}

TEST_CASE("a print job that cannot be written says why instead of throwing") {
    TempDir dir;
    fs::create_directories(dir.path);
    std::ofstream(dir.path / "not-a-folder") << "x";
    drivers::SpoolPrinter broken(dir.path / "not-a-folder");
    auto outcome = broken.print_job("T01-000001", {{".txt", bytes_of("text")}});
    CHECK_FALSE(outcome.printed);
    CHECK(outcome.files.empty());
    CHECK(outcome.message.find("cannot create") != std::string::npos);

    drivers::SpoolPrinter printer(dir.path / "spool");
    auto bad_extension = printer.print_job("T01-000001", {{"/../x", bytes_of("text")}});
    CHECK_FALSE(bad_extension.printed);
    CHECK(bad_extension.message.find("not a usable file extension") != std::string::npos);
    auto nothing = printer.print_job("T01-000001", {});
    CHECK_FALSE(nothing.printed);
    CHECK(nothing.message.find("has no files") != std::string::npos);
}
