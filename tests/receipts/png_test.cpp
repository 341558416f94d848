#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <sstream>
#include <string>

#include "child_process.hpp"
#include "receipts/png.hpp"
#include "temp_dir.hpp"

namespace {

using receipts::Document;

constexpr const char* reference = "S001-T01-000042";

// Where ink is on a raster: the bounding box of every pixel darker than mid-grey.
struct Ink {
    int left = 1 << 30, top = 1 << 30, right = -1, bottom = -1;
    bool any() const { return right >= 0; }
    int width() const { return right - left + 1; }
};

Ink ink_of(const receipts::Raster& r) {
    Ink ink;
    for (int y = 0; y < r.height; ++y)
        for (int x = 0; x < r.width; ++x)
            if (r.grey[static_cast<std::size_t>(y * r.width + x)] < 128) {
                ink.left = std::min(ink.left, x);
                ink.right = std::max(ink.right, x);
                ink.top = std::min(ink.top, y);
                ink.bottom = std::max(ink.bottom, y);
            }
    return ink;
}

receipts::Raster render(const Document& document) {
    auto raster = receipts::render_raster(document);
    REQUIRE_MESSAGE(raster.ok(), (raster.ok() ? "" : raster.error().message));
    return std::move(raster).value();
}

Document with(receipts::Paper paper, std::vector<receipts::Block> blocks) {
    return Document{paper, std::move(blocks)};
}

receipts::TextLine line(std::string text, receipts::Style style = {}) {
    return receipts::TextLine{std::move(text), style};
}

// zbarimg as the tests run it; posix_spawn wants a path, so look along PATH.
std::string zbarimg_path() {
    std::stringstream dirs(std::getenv("PATH") ? std::getenv("PATH") : "/usr/bin");
    for (std::string dir; std::getline(dirs, dir, ':');)
        if (!dir.empty() && ::access((dir + "/zbarimg").c_str(), X_OK) == 0)
            return dir + "/zbarimg";
    return "";
}

}  // namespace

TEST_CASE("zbarimg reads the receipt reference from both the barcode and the QR code") {
    const std::string zbarimg = zbarimg_path();
    REQUIRE_MESSAGE(!zbarimg.empty(),
                    "zbarimg is not installed: install the zbar-tools package "
                    "(scripts/install-deps.sh) to check that printed codes scan");
    for (const auto paper : {receipts::paper_80mm, receipts::paper_58mm}) {
        CAPTURE(paper.dots);
        testing_support::TempDir dir;
        const auto file = dir / "codes.png";
        const auto document =
            with(paper, {line("Return with this receipt"), receipts::Barcode{reference, true},
                         receipts::QrCode{reference}, receipts::Cut{}});
        const auto written = receipts::write_png(document, file);
        REQUIRE_MESSAGE(written.ok(), (written.ok() ? "" : written.error().message));

        const auto raw = testing_support::run_program({zbarimg, "--quiet", "--raw", file.string()});
        CHECK(raw.exit_code == 0);
        CHECK(raw.out == std::string(reference) + "\n" + reference + "\n");

        // Without --raw zbarimg names each symbology: one Code128 and one QR, nothing else.
        const auto typed = testing_support::run_program({zbarimg, "--quiet", file.string()});
        CHECK(typed.out.find(std::string("CODE-128:") + reference + "\n") != std::string::npos);
        CHECK(typed.out.find(std::string("QR-Code:") + reference + "\n") != std::string::npos);
    }
}

TEST_CASE("the picture is as wide as the paper's dots and white where nothing is printed") {
    SUBCASE("80 mm") {
        const auto r = render(with(receipts::paper_80mm, {line("Counter")}));
        CHECK(r.width == 576);
        CHECK(r.grey.front() == 255);
        CHECK(r.grey.back() == 255);
    }
    SUBCASE("58 mm") {
        const auto r = render(with(receipts::paper_58mm, {line("Counter")}));
        CHECK(r.width == 384);
        CHECK(ink_of(r).any());
    }
}

TEST_CASE("the picture grows with its content") {
    const auto one = render(with(receipts::paper_80mm, {line("Milk")}));
    const auto three =
        render(with(receipts::paper_80mm, {line("Milk"), line("Bread"), line("Tea")}));
    const auto fed = render(with(receipts::paper_80mm, {line("Milk"), receipts::Feed{4}}));
    CHECK(three.height > one.height);
    CHECK(fed.height > one.height);
    CHECK(ink_of(three).bottom > ink_of(one).bottom);
}

TEST_CASE("text of a long line stays on the paper, wrapped onto more rows") {
    for (const auto paper : {receipts::paper_80mm, receipts::paper_58mm}) {
        CAPTURE(paper.dots);
        const std::string long_text(3 * static_cast<std::size_t>(paper.columns), 'W');
        const auto one = render(with(paper, {line("WWW")}));
        const auto long_line = render(with(paper, {line(long_text)}));
        const auto wide = render(with(paper, {line(long_text, {.double_width = true})}));
        const auto row = render(with(paper, {receipts::Row{long_text, "2 x 1.00", "2.00"}}));
        for (const auto* r : {&long_line, &wide, &row}) {
            const Ink ink = ink_of(*r);
            CHECK(ink.left >= 8);
            CHECK(ink.right < paper.dots - 8);
            CHECK(r->height >= one.height + 2 * (one.height - 32));  // at least three text rows
        }
    }
}

TEST_CASE("styles: double width is twice as wide, double height twice as tall, bold darker") {
    const auto plain = render(with(receipts::paper_80mm, {line("TOTAL")}));
    const auto wide = render(with(receipts::paper_80mm, {line("TOTAL", {.double_width = true})}));
    const auto tall = render(with(receipts::paper_80mm, {line("TOTAL", {.double_height = true})}));
    const auto bold = render(with(receipts::paper_80mm, {line("TOTAL", {.bold = true})}));
    const Ink p = ink_of(plain), w = ink_of(wide), t = ink_of(tall);
    CHECK(w.width() > 19 * p.width() / 10);
    CHECK(w.width() < 21 * p.width() / 10 + 4);
    CHECK(t.bottom - t.top > 19 * (p.bottom - p.top) / 10);
    CHECK(tall.height > plain.height);
    const auto dark = [](const receipts::Raster& r) {
        return std::count_if(r.grey.begin(), r.grey.end(), [](auto v) { return v < 128; });
    };
    CHECK(dark(bold) > dark(plain));
}

TEST_CASE("alignment puts text at the left, in the middle or at the right of the paper") {
    const auto at = [](receipts::Align align) {
        return ink_of(render(with(receipts::paper_80mm, {line("Counter", {.align = align})})));
    };
    const Ink left = at(receipts::Align::left), centre = at(receipts::Align::centre),
              right = at(receipts::Align::right);
    CHECK(left.left < 40);
    CHECK(right.right > 576 - 40);
    CHECK(std::abs((centre.left + centre.right) / 2 - 288) < 12);
}

TEST_CASE("a separator is a rule across the text columns and a cut a dashed line") {
    const auto rule = ink_of(render(with(receipts::paper_58mm, {receipts::Separator{}})));
    CHECK(rule.width() > 340);
    CHECK(rule.bottom - rule.top < 4);
    const auto cut = ink_of(render(with(receipts::paper_58mm, {receipts::Cut{}})));
    CHECK(cut.width() > 370);
}

TEST_CASE("a logo is drawn pixel for pixel in the middle of the paper") {
    receipts::Image logo{10, 4, std::vector<std::uint8_t>(40, 1)};
    const auto ink = ink_of(render(with(receipts::paper_80mm, {logo})));
    CHECK(ink.width() == 10);
    CHECK(ink.bottom - ink.top + 1 == 4);
    CHECK(ink.left == 283);
}

TEST_CASE("a missing font is an error naming the file and the package") {
    receipts::FontFiles fonts;
    fonts.bold = "/nonexistent/DejaVuSansMono-Bold.ttf";
    const auto r = receipts::render_raster(with(receipts::paper_80mm, {line("x")}), fonts);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("/nonexistent/DejaVuSansMono-Bold.ttf") != std::string::npos);
    CHECK(r.error().message.find("fonts-dejavu-core") != std::string::npos);
}

TEST_CASE("the PNG is a PNG, the same bytes every time, and written whole") {
    const auto document =
        with(receipts::paper_58mm, {line("Counter"), receipts::QrCode{reference}});
    const auto png = receipts::encode_png(render(document));
    REQUIRE(png.size() > 8);
    CHECK(std::string(png.begin() + 1, png.begin() + 4) == "PNG");
    CHECK(receipts::encode_png(render(document)) == png);

    testing_support::TempDir dir;
    REQUIRE(receipts::write_png(document, dir / "r.png").ok());
    CHECK(std::filesystem::file_size(dir / "r.png") == png.size());
    CHECK_FALSE(std::filesystem::exists(dir / "r.png.tmp"));
    CHECK_FALSE(receipts::write_png(document, dir / "no-such-folder" / "r.png").ok());
}
