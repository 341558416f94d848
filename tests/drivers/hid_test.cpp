#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "drivers/hid.hpp"

namespace {

using Reports = std::vector<std::vector<std::uint8_t>>;

// Everything the decoder made of some reports: the codes scanned and the problems said.
struct Decoded {
    std::vector<drivers::ScanData> scans;
    std::vector<std::string> problems;
    std::vector<std::string> codes() const {
        std::vector<std::string> codes;
        for (const auto& scan : scans)
            codes.push_back(scan.code);
        return codes;
    }
};

template <typename Decoder>
void feed_all(Decoder& decoder, const Reports& reports, Decoded& decoded) {
    for (const auto& report : reports) {
        auto result = decoder.feed(report);
        if (result.scan)
            decoded.scans.push_back(*result.scan);
        if (!result.problem.empty())
            decoded.problems.push_back(result.problem);
    }
}

template <typename Decoder>
Decoded decode(Decoder& decoder, const Reports& reports) {
    Decoded decoded;
    feed_all(decoder, reports, decoded);
    return decoded;
}

std::vector<std::uint8_t> key(std::uint8_t code, std::uint8_t modifiers = 0) {
    return {modifiers, 0, code, 0, 0, 0, 0, 0};
}
const std::vector<std::uint8_t> key_up(8, 0);

Reports concat(std::initializer_list<Reports> parts) {
    Reports all;
    for (const auto& part : parts)
        all.insert(all.end(), part.begin(), part.end());
    return all;
}

}  // namespace

TEST_CASE("a wedge scanner's capitals, digits and symbols come out as typed") {
    drivers::WedgeDecoder decoder;
    const std::string code = "Ab-9_Z:!@#$%^&*()+={}[]|\\;'\"`~,<.>/? x";
    auto decoded = decode(decoder, drivers::wedge_reports(code));
    CHECK(decoded.problems.empty());
    REQUIRE(decoded.scans.size() == 1);
    CHECK(decoded.scans[0].code == code);
    CHECK(decoded.scans[0].symbology.empty());
}

TEST_CASE("a capital is typed with the left or the right shift key") {
    drivers::WedgeDecoder decoder;
    auto decoded = decode(decoder, {key(0x04, 0x02), key_up, key(0x05, 0x20), key_up, key(0x06),
                                    key_up, key(0x1e, 0x20), key_up, key(0x28), key_up});
    CHECK(decoded.codes() == std::vector<std::string>{"ABc!"});
}

TEST_CASE("an EAN-13 scanned on a wedge ends at Enter") {
    drivers::WedgeDecoder decoder;
    auto reports = drivers::wedge_reports("4006381333931");
    CHECK(reports.size() == 28);  // key down and key up for 13 digits and Enter
    auto decoded = decode(decoder, reports);
    CHECK(decoded.codes() == std::vector<std::string>{"4006381333931"});
}

TEST_CASE("keypad digits and keypad Enter read like the top row") {
    drivers::WedgeDecoder decoder;
    auto decoded = decode(decoder, {key(0x59), key_up, key(0x62), key_up, key(0x63), key_up,
                                    key(0x61), key_up, key(0x58), key_up});
    CHECK(decoded.codes() == std::vector<std::string>{"10.9"});
}

TEST_CASE("Tab ends a code unless the scanner is set up to type it") {
    SUBCASE("tab ends the code") {
        drivers::WedgeDecoder decoder;
        auto decoded = decode(decoder, drivers::wedge_reports("12345", "\t"));
        CHECK(decoded.codes() == std::vector<std::string>{"12345"});
    }
    SUBCASE("tab is part of the code; Enter ends it") {
        drivers::WedgeDecoder decoder({"", "", false});
        auto decoded = decode(
            decoder, concat({drivers::wedge_reports("12", "\t"), drivers::wedge_reports("34")}));
        CHECK(decoded.codes() == std::vector<std::string>{"12\t34"});
    }
}

TEST_CASE("a scanner sending keys without key-up reports between them still reads right") {
    drivers::WedgeDecoder decoder;
    // 'a', then 'b' while 'a' is still listed, then 'c' alone, then Enter.
    auto decoded =
        decode(decoder, {key(0x04), {0, 0, 0x04, 0x05, 0, 0, 0, 0}, key(0x06), key(0x28), key_up});
    CHECK(decoded.codes() == std::vector<std::string>{"abc"});
}

TEST_CASE("a key held over several reports counts once; released and pressed again, twice") {
    drivers::WedgeDecoder decoder;
    auto decoded = decode(
        decoder, {key(0x1f), key(0x1f), key(0x1f), key_up, key(0x1f), key_up, key(0x28), key_up});
    CHECK(decoded.codes() == std::vector<std::string>{"22"});
}

TEST_CASE("a configured prefix and suffix are stripped from wedge codes") {
    drivers::WedgeDecoder decoder({"]", "#", true});
    auto decoded = decode(decoder, concat({drivers::wedge_reports("]4006381333931#"),
                                           drivers::wedge_reports("12345")}));
    // The second code came without them (the scanner was reconfigured): it is kept as it is.
    CHECK(decoded.codes() == std::vector<std::string>{"4006381333931", "12345"});
    CHECK(decoded.problems.empty());
}

TEST_CASE("a terminator alone, or a prefix alone, scans nothing") {
    drivers::WedgeDecoder decoder({"]", "", true});
    auto decoded =
        decode(decoder, concat({drivers::wedge_reports(""), drivers::wedge_reports("]", "\t")}));
    CHECK(decoded.scans.empty());
    CHECK(decoded.problems.empty());
}

TEST_CASE("a truncated keyboard report drops the code it broke, and the next code reads") {
    drivers::WedgeDecoder decoder;
    Decoded decoded;
    feed_all(decoder, {key(0x1e), key_up, key(0x1f), key_up}, decoded);  // "12"
    feed_all(decoder, {{0x00, 0x00, 0x20}}, decoded);                    // 3 of 8 bytes
    feed_all(decoder,
             concat({{key_up, key(0x21), key_up, key(0x28), key_up},
                     drivers::wedge_reports("5449000000996")}),
             decoded);
    REQUIRE(decoded.problems.size() == 1);
    CHECK(decoded.problems[0] ==
          "keyboard report of 3 bytes, expected 8; the code being read was dropped");
    // Not "124" or "4": the broken code is gone entirely.
    CHECK(decoded.codes() == std::vector<std::string>{"5449000000996"});
}

TEST_CASE("a keyboard report that is too long is refused between codes") {
    drivers::WedgeDecoder decoder;
    std::vector<std::uint8_t> garbage(64, 0xff);
    auto decoded = decode(decoder, concat({{garbage}, drivers::wedge_reports("ABC123")}));
    REQUIRE(decoded.problems.size() == 1);
    CHECK(decoded.problems[0].find("64 bytes, expected 8") != std::string::npos);
    CHECK(decoded.codes() == std::vector<std::string>{"ABC123"});
}

TEST_CASE("a rollover error report in a code drops it; the next code reads") {
    drivers::WedgeDecoder decoder;
    const std::vector<std::uint8_t> rollover{0, 0, 1, 1, 1, 1, 1, 1};
    auto decoded =
        decode(decoder,
               concat({{key(0x1e), key_up, rollover, key_up, key(0x1f), key_up, key(0x28), key_up},
                       drivers::wedge_reports("777")}));
    REQUIRE(decoded.problems.size() == 1);
    CHECK(decoded.problems[0].find("rollover error") != std::string::npos);
    CHECK(decoded.problems[0].find("dropped") != std::string::npos);
    CHECK(decoded.codes() == std::vector<std::string>{"777"});
}

TEST_CASE("a key the US layout does not know is named in hex and its code gives no scan") {
    drivers::WedgeDecoder decoder;
    // "12", F1 (0x3a), "3", Enter: a phantom "3" or "123" would ring up the wrong item.
    auto decoded = decode(decoder, concat({{key(0x1e), key_up, key(0x1f), key_up, key(0x3a), key_up,
                                            key(0x20), key_up, key(0x28), key_up},
                                           drivers::wedge_reports("999")}));
    REQUIRE(decoded.problems.size() == 1);
    CHECK(decoded.problems[0] ==
          "scanner sent key code 0x3a, which the US keyboard layout does not have; the code "
          "being read was dropped");
    CHECK(decoded.codes() == std::vector<std::string>{"999"});
}

TEST_CASE("reset forgets a code cut off by an unplugged scanner") {
    drivers::WedgeDecoder decoder;
    auto reports = drivers::wedge_reports("123");
    decode(decoder, {reports[0], reports[1], reports[2]});  // "1", "2" down
    decoder.reset();
    auto decoded = decode(decoder, concat({{key_up}, drivers::wedge_reports("456")}));
    CHECK(decoded.codes() == std::vector<std::string>{"456"});
}

// --- HID POS -------------------------------------------------------------------------------

TEST_CASE("a HID POS code in one report comes with its AIM symbology") {
    drivers::HidPosDecoder decoder;
    auto reports = drivers::hid_pos_reports("4006381333931", "]E0");
    REQUIRE(reports.size() == 1);
    CHECK(reports[0].size() == 62);
    CHECK(reports[0][0] == 0x02);
    CHECK(reports[0][1] == 13);
    auto decoded = decode(decoder, reports);
    CHECK(decoded.problems.empty());
    REQUIRE(decoded.scans.size() == 1);
    CHECK(decoded.scans[0].code == "4006381333931");
    CHECK(decoded.scans[0].symbology == "]E0");
}

TEST_CASE("a long HID POS code over several reports is scanned once, whole") {
    drivers::HidPosDecoder decoder;
    std::string code;
    for (int i = 0; i < 150; ++i)
        code += static_cast<char>('A' + i % 26);
    auto reports = drivers::hid_pos_reports(code, "]Q1");
    REQUIRE(reports.size() == 3);  // 56 + 56 + 38
    CHECK(reports[0][61] == 1);
    CHECK(reports[2][61] == 0);
    Decoded decoded;
    for (std::size_t i = 0; i < reports.size(); ++i) {
        auto result = decoder.feed(reports[i]);
        CHECK(result.problem.empty());
        // Nothing comes out until the last part.
        CHECK(result.scan.has_value() == (i == reports.size() - 1));
        if (result.scan)
            decoded.scans.push_back(*result.scan);
    }
    REQUIRE(decoded.scans.size() == 1);
    CHECK(decoded.scans[0].code == code);
    CHECK(decoded.scans[0].symbology == "]Q1");
}

TEST_CASE("a HID POS code of exactly 56 bytes fits one report") {
    drivers::HidPosDecoder decoder;
    const std::string code(56, '7');
    auto reports = drivers::hid_pos_reports(code, "]C0");
    REQUIRE(reports.size() == 1);
    CHECK(decode(decoder, reports).codes() == std::vector<std::string>{code});
}

TEST_CASE("a HID POS scanner that sends no AIM id gives an empty symbology") {
    drivers::HidPosDecoder decoder;
    auto decoded = decode(decoder, drivers::hid_pos_reports("12345670", ""));
    REQUIRE(decoded.scans.size() == 1);
    CHECK(decoded.scans[0].code == "12345670");
    CHECK(decoded.scans[0].symbology.empty());
}

TEST_CASE("a HID POS report claiming more than 56 data bytes is refused and scans nothing") {
    drivers::HidPosDecoder decoder;
    auto bad = drivers::hid_pos_reports("123", "]E0");
    bad[0][1] = 57;
    auto decoded = decode(decoder, concat({bad, drivers::hid_pos_reports("4006381333931", "]E0")}));
    REQUIRE(decoded.problems.size() == 1);
    CHECK(decoded.problems[0] ==
          "HID POS report claims 57 data bytes, at most 56 fit; the code being read was dropped");
    CHECK(decoded.codes() == std::vector<std::string>{"4006381333931"});
}

TEST_CASE("a wrong report id or a truncated HID POS report is refused and scans nothing") {
    drivers::HidPosDecoder decoder;
    auto good = drivers::hid_pos_reports("96385074", "]E4");
    SUBCASE("another report id") {
        auto bad = good;
        bad[0][0] = 0x04;
        auto decoded = decode(decoder, concat({bad, good}));
        REQUIRE(decoded.problems.size() == 1);
        CHECK(decoded.problems[0].find("report id 0x04, expected 0x02") != std::string::npos);
        CHECK(decoded.codes() == std::vector<std::string>{"96385074"});
    }
    SUBCASE("truncated") {
        auto bad = good;
        bad[0].resize(20);
        auto decoded = decode(decoder, concat({bad, good}));
        REQUIRE(decoded.problems.size() == 1);
        CHECK(decoded.problems[0].find("report of 20 bytes, expected 62") != std::string::npos);
        CHECK(decoded.codes() == std::vector<std::string>{"96385074"});
    }
    SUBCASE("empty") {
        auto decoded = decode(decoder, concat({{{}}, good}));
        REQUIRE(decoded.problems.size() == 1);
        CHECK(decoded.codes() == std::vector<std::string>{"96385074"});
    }
}

TEST_CASE("a truncated part in the middle of a HID POS code drops the whole code") {
    drivers::HidPosDecoder decoder;
    auto parts = drivers::hid_pos_reports(std::string(150, 'x'), "]Q1");
    parts[1].resize(30);
    auto decoded = decode(decoder, concat({parts, drivers::hid_pos_reports("42", "]C0")}));
    REQUIRE(decoded.problems.size() == 1);
    CHECK(decoded.problems[0].find("30 bytes") != std::string::npos);
    // Not the last part on its own: only the next whole code.
    CHECK(decoded.codes() == std::vector<std::string>{"42"});
}

TEST_CASE("an AIM id that changes in the middle of a HID POS code drops it") {
    drivers::HidPosDecoder decoder;
    auto parts = drivers::hid_pos_reports(std::string(100, 'y'), "]Q1");
    REQUIRE(parts.size() == 2);
    parts[1][3] = 'C';
    parts[1][4] = '0';
    auto decoded = decode(decoder, concat({parts, drivers::hid_pos_reports("ABC", "]C0")}));
    REQUIRE(decoded.problems.size() == 1);
    CHECK(decoded.problems[0] ==
          "HID POS symbology changed from ]Q1 to ]C0 in the middle of a code; the code was "
          "dropped");
    REQUIRE(decoded.scans.size() == 1);
    CHECK(decoded.scans[0].code == "ABC");
    CHECK(decoded.scans[0].symbology == "]C0");
}

TEST_CASE("a HID POS report with no data bytes scans nothing") {
    drivers::HidPosDecoder decoder;
    auto decoded = decode(decoder, drivers::hid_pos_reports("", "]E0"));
    CHECK(decoded.scans.empty());
    CHECK(decoded.problems.empty());
}

TEST_CASE("reset forgets the first part of a HID POS code cut off by an unplug") {
    drivers::HidPosDecoder decoder;
    auto parts = drivers::hid_pos_reports(std::string(80, 'z'), "]Q1");
    decode(decoder, {parts[0]});
    decoder.reset();
    auto decoded = decode(decoder, drivers::hid_pos_reports("5449000000996", "]E0"));
    CHECK(decoded.codes() == std::vector<std::string>{"5449000000996"});
}
