// The completed screen's receipt: its picture scaled into the panel (or its text when there is no
// texture, as in these headless frames), and the Reprint and Gift receipt buttons, tapped on the
// real Terminal.
#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>

#include "headless_ui.hpp"
#include "terminal_fixture.hpp"

namespace {

ui::PictureVm receipt_picture(int width, int height) {
    ui::PictureVm picture;
    picture.width = width;
    picture.height = height;
    picture.grey = std::make_shared<const std::vector<std::uint8_t>>(
        static_cast<std::size_t>(width) * static_cast<std::size_t>(height), 255);
    picture.version = 1;
    return picture;
}

ui::FrameVm completed_frame(ui::PictureVm preview, bool can_gift) {
    ui::CompletedVm done;
    done.title = "Sale complete";
    done.receipt_number = "T01-000001";
    done.total = "EUR 12.42";
    done.paid = "EUR 20.00";
    done.change = "EUR 7.58";
    done.receipt_text = "Counter Demo Market\nReceipt T01-000001\nTOTAL EUR 12.42\n";
    done.print_status = "Printed T01-000001 (.txt .png .escpos) to /data/spool";
    done.preview = std::move(preview);
    done.preview_title = "Receipt";
    done.can_reprint = true;
    done.can_gift = can_gift;
    return {done, {}, "Counter Demo Market", std::nullopt};
}

// The GL texture the draw code was given, found among ImGui's draw commands, and where.
std::optional<ImVec4> drawn_with(void* texture) {
    const ImDrawData* data = ImGui::GetDrawData();
    for (int i = 0; data && i < data->CmdListsCount; ++i) {
        for (const ImDrawCmd& cmd : data->CmdLists[i]->CmdBuffer) {
            if (cmd.TextureId == texture)
                return cmd.ClipRect;
        }
    }
    return std::nullopt;
}

template <typename T>
int count_of(const headless::Intents& intents) {
    int n = 0;
    for (const auto& intent : intents)
        n += std::holds_alternative<T>(intent) ? 1 : 0;
    return n;
}

}  // namespace

TEST_CASE("the receipt's picture fills the panel's width, keeps its shape and scrolls") {
    headless::Ui ui;
    ui::PictureVm picture = receipt_picture(576, 1800);
    void* texture = reinterpret_cast<void*>(std::uintptr_t{42});  // never sampled headless
    picture.texture = texture;
    ui.frame(completed_frame(picture, true));
    ui.frame(completed_frame(picture, true));

    REQUIRE(ui.state.texts.count("preview##done") == 1);
    const ui::Rect shown = ui.state.texts.at("preview##done");
    const float w = shown.x1 - shown.x0;
    const float h = shown.y1 - shown.y0;
    // Scaled down into the right-hand panel of a 1024 px screen, never enlarged.
    CHECK(w > 0.35f * headless::display_w);
    CHECK(w <= 576);
    CHECK(h == doctest::Approx(w * 1800 / 576).epsilon(0.01));
    CHECK(shown.x0 > 0.4f * headless::display_w);  // beside the change, on the right
    // Taller than the panel: it is clipped to the panel and scrolls.
    CHECK(h > headless::display_h);
    const auto clip = drawn_with(texture);
    REQUIRE(clip.has_value());
    CHECK(clip->w - clip->y < h);  // ImDrawCmd::ClipRect is (x0, y0, x1, y1)
    CHECK(clip->w <= headless::display_h);
}

TEST_CASE("without a texture the receipt is shown as text") {
    headless::Ui ui;
    ui.frame(completed_frame(receipt_picture(576, 1800), true));  // no texture: headless, no GL
    CHECK(ui.state.texts.count("preview##done") == 0);
    CHECK(ui.has("Reprint##done"));
    CHECK(ui.has("Gift receipt##done"));
}

TEST_CASE("Reprint and Gift receipt are one tap each; a ticket with no gift receipt greys it out") {
    headless::Ui ui;
    const auto frame = completed_frame(receipt_picture(576, 900), true);
    const auto reprint = ui.click(frame, "Reprint##done");
    CHECK(count_of<ui::Reprint>(reprint) == 1);
    CHECK(count_of<ui::GiftReceipt>(reprint) == 0);
    CHECK(count_of<ui::GiftReceipt>(ui.click(frame, "Gift receipt##done")) == 1);

    const auto no_gift = completed_frame(receipt_picture(576, 900), false);
    CHECK(ui.click(no_gift, "Gift receipt##done").empty());
    // Both are big enough for a finger.
    const ui::Rect button = ui.state.widgets.at("Reprint##done");
    CHECK(button.y1 - button.y0 >= 50);
}

namespace {

struct PreviewFixture : TerminalFixture {
    headless::Ui ui;

    void tap(const std::string& label) {
        for (const auto& intent : ui.click(terminal.view(), label))
            terminal.apply(intent);
    }
    std::filesystem::path spool(const std::string& file) const {
        return dir.path() / "spool" / file;
    }
};

}  // namespace

TEST_CASE_FIXTURE(PreviewFixture,
                  "tapping Reprint and Gift receipt prints each under its own name") {
    log_in();
    REQUIRE(terminal.apply(ui::Scan{demo::wine, ""}).ok());
    REQUIRE(terminal.apply(ui::TenderCash{"10"}).ok());
    REQUIRE(terminal.screen() == ui::Screen::completed);
    CHECK(std::filesystem::exists(spool("T01-000001.png")));

    tap("Reprint##done");
    CHECK(std::filesystem::exists(spool("T01-000001-copy1.txt")));
    CHECK(screen<ui::CompletedVm>().preview_title == "Copy");
    tap("Gift receipt##done");
    CHECK(std::filesystem::exists(spool("T01-000001-gift1.png")));
    const auto done = screen<ui::CompletedVm>();
    CHECK(done.preview_title == "Gift receipt");
    CHECK(terminal.view().message.text == "Gift receipt for T01-000001 printed");
    // Still the same completed sale: the next scan starts the next one.
    CHECK(terminal.screen() == ui::Screen::completed);
    CHECK(store->completed_ticket_count() == 1);
}
