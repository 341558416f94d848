// The ESC/POS decoder: what a printer would print for a stream of bytes. It understands every
// command encode_escpos() writes and the common others; what it does not understand is kept as
// UnknownBytes. Every step consumes at least one byte, and a command cut short by the end of
// the input becomes UnknownBytes, so no input makes it crash or loop.
#include <algorithm>
#include <cstdio>
#include <string_view>

#include "receipts/codepages.hpp"
#include "receipts/escpos.hpp"

namespace receipts {
namespace {

constexpr std::uint8_t dle = 0x10;
constexpr std::uint8_t esc = 0x1B;
constexpr std::uint8_t fs = 0x1C;
constexpr std::uint8_t gs = 0x1D;

// ESC commands the decoder steps over because they change nothing it models (underline, line
// spacing, fonts, margins...), with how many argument bytes follow the command letter.
int esc_ignored_arguments(std::uint8_t command) {
    const auto among = [command](std::string_view set) {
        return set.find(static_cast<char>(command)) != std::string_view::npos;
    };
    if (among("2<LS"))
        return 0;
    if (among(" %-3=?GJMRTUVer{"))
        return 1;
    if (among("$\\c"))
        return 2;
    return -1;
}

// The same for GS commands (HRI position and font, barcode height and width, reverse print,
// smoothing, margins, motion units).
int gs_ignored_arguments(std::uint8_t command) {
    const auto among = [command](std::string_view set) {
        return set.find(static_cast<char>(command)) != std::string_view::npos;
    };
    if (among("BHbfhwa"))
        return 1;
    if (among("LWP$\\"))
        return 2;
    return -1;
}

// GS k 73 data with its code set escapes ("{B", "{C", "{{") turned back into the text.
std::string code128_text(const std::vector<std::uint8_t>& data) {
    std::string text;
    char set = 'B';
    for (std::size_t i = 0; i < data.size(); ++i) {
        if (data[i] == '{' && i + 1 < data.size()) {
            const char code = static_cast<char>(data[++i]);
            if (code == 'A' || code == 'B' || code == 'C')
                set = code;
            if (code == '{')
                text += '{';
            continue;
        }
        if (set == 'C') {
            char pair[3];
            std::snprintf(pair, sizeof pair, "%02d", data[i] % 100);
            text += pair;
        } else {
            text += static_cast<char>(data[i]);
        }
    }
    return text;
}

class Decoder {
  public:
    Decoder(const std::vector<std::uint8_t>& bytes, const PrinterProfile& profile)
        : in_(bytes), profile_(profile) {
        reset();
    }

    std::vector<PrintEvent> run() {
        while (at_ < in_.size())
            step();
        if (!line_.empty())
            end_line();  // text never ended by LF is still shown
        return std::move(events_);
    }

  private:
    std::size_t left() const { return in_.size() - at_; }
    std::uint8_t peek(std::size_t offset) const { return in_[at_ + offset]; }

    // A command needing more bytes than are left: the rest is unknown.
    bool have(std::size_t count) {
        if (left() >= count)
            return true;
        unknown(left());
        return false;
    }

    void unknown(std::size_t count) {
        if (events_.empty() || !std::holds_alternative<UnknownBytes>(events_.back()))
            events_.emplace_back(UnknownBytes{});
        auto& bytes = std::get<UnknownBytes>(events_.back()).bytes;
        bytes.insert(bytes.end(), in_.begin() + at_, in_.begin() + at_ + count);
        at_ += count;
        image_open_ = false;
    }

    // Constructed in place: moving a whole PrintEvent trips GCC 12's -Wmaybe-uninitialized
    // false positive on std::variant at -O2.
    template <typename Event>
    void emit(Event event) {
        events_.emplace_back(std::in_place_type<Event>, std::move(event));
        image_open_ = false;
    }

    // After ESC @ the printer is plain, left-aligned and on the page ESC t 0 selects.
    void reset() {
        style_ = Style{};
        page_ = CodePage::cp437;
        for (const auto& slot : profile_.code_pages)
            if (slot.escpos_number == 0)
                page_ = slot.page;
        line_.clear();
    }

    void add_char(std::uint8_t byte) {
        if (line_.empty())
            line_style_ = style_;
        line_ += encode_utf8(std::u32string(1, from_code_page(byte, page_)));
        ++at_;
    }

    void end_line() {
        if (line_.empty())
            line_style_ = style_;
        emit(PrintedText{line_, line_style_});
        line_.clear();
    }

    // Printing a picture, barcode, feed or cut first prints the text waiting in the buffer.
    void flush_line() {
        if (!line_.empty())
            end_line();
    }

    void step() {
        const std::uint8_t byte = peek(0);
        if (byte >= 0x20 && byte != 0x7F)
            return add_char(byte);
        switch (byte) {
            case '\n':
                ++at_;
                return end_line();
            case '\r':
                ++at_;
                return;
            case '\t':
                return tab();
            case esc:
                return escape();
            case gs:
                return group();
            case dle:
                return realtime();
            case fs:
                return fs_command();
            default:
                return unknown(1);
        }
    }

    void tab() {  // default tab stops every 8 columns
        if (line_.empty())
            line_style_ = style_;
        do {
            line_ += ' ';
        } while (decode_utf8(line_).size() % 8 != 0);
        ++at_;
    }

    void escape() {
        if (!have(2))
            return;
        const std::uint8_t command = peek(1);
        if (command == '@') {
            at_ += 2;
            return reset();
        }
        if (command == 'i' || command == 'm') {  // obsolete one-byte cuts
            flush_line();
            at_ += 2;
            return emit(PrintedCut{command == 'm'});
        }
        if (command == 'p')
            return pulse();
        if (const int arguments = esc_ignored_arguments(command); arguments >= 0) {
            if (have(2 + arguments))
                at_ += 2 + arguments;
            return;
        }
        if (command == '*')
            return bit_image();
        if (command == 'D')
            return tab_stops();
        if (command != 'a' && command != 'E' && command != '!' && command != 't' && command != 'd')
            return unknown(command < 0x20 ? 1 : 2);  // a control byte may start a command
        if (!have(3))
            return;
        const std::uint8_t n = peek(2);
        switch (command) {
            case 'a':
                style_.align = static_cast<Align>(n % 48 <= 2 ? n % 48 : 0);
                break;
            case 'E':
                style_.bold = (n & 1) != 0;
                break;
            case '!':
                style_.bold = (n & 0x08) != 0;
                style_.double_height = (n & 0x10) != 0;
                style_.double_width = (n & 0x20) != 0;
                break;
            case 't':
                return select_page(n);
            case 'd':
                flush_line();
                at_ += 3;
                return emit(PrintedFeed{n});
        }
        at_ += 3;
    }

    // ESC * m nL nH: a column bit image (one byte per column, three in 24-dot modes).
    void bit_image() {
        if (!have(5))
            return;
        const std::size_t columns = peek(3) | peek(4) << 8;
        const std::size_t per_column = peek(2) <= 1 ? 1 : 3;
        if (have(5 + columns * per_column))
            unknown(5 + columns * per_column);
    }

    void tab_stops() {  // ESC D n1 ... NUL
        std::size_t end = 2;
        while (at_ + end < in_.size() && peek(end) != 0)
            ++end;
        if (have(end + 1))
            at_ += end + 1;
    }

    void select_page(std::uint8_t number) {
        for (const auto& slot : profile_.code_pages)
            if (slot.escpos_number == number) {
                page_ = slot.page;
                at_ += 3;
                return;
            }
        unknown(3);  // a page this printer does not have
    }

    void pulse() {
        if (!have(5))
            return;
        emit(PrintedDrawerPulse{peek(2) & 1, peek(3) * 2, peek(4) * 2});
        at_ += 5;
    }

    void group() {
        if (!have(2))
            return;
        const std::uint8_t command = peek(1);
        switch (command) {
            case '!':
                return size();
            case 'V':
                return cut();
            case 'v':
                return raster();
            case 'k':
                return barcode();
            case '(':
                return function();
        }
        if (const int arguments = gs_ignored_arguments(command); arguments >= 0) {
            if (have(2 + arguments))
                at_ += 2 + arguments;
            return;
        }
        unknown(command < 0x20 ? 1 : 2);
    }

    void size() {
        if (!have(3))
            return;
        style_.double_width = (peek(2) & 0x70) != 0;
        style_.double_height = (peek(2) & 0x07) != 0;
        at_ += 3;
    }

    void cut() {
        if (!have(3))
            return;
        const std::uint8_t m = peek(2);
        const bool immediate = m == 0 || m == 1 || m == 48 || m == 49;
        const bool after_feed = m == 65 || m == 66 || m == 97 || m == 98 || m == 103 || m == 104;
        if (!immediate && !after_feed)
            return unknown(3);
        if (after_feed && !have(4))
            return;
        flush_line();
        at_ += after_feed ? 4 : 3;
        emit(PrintedCut{m == 1 || m == 49 || m == 66 || m == 98 || m == 104});
    }

    // GS v 0 m xL xH yL yH and the rows; the bands of one picture join into one image.
    void raster() {
        if (!have(8))
            return;
        const int row_bytes = peek(4) | peek(5) << 8;
        const int rows = peek(6) | peek(7) << 8;
        if (peek(2) != '0')
            return unknown(3);
        if (!have(8 + static_cast<std::size_t>(row_bytes) * rows))
            return;
        flush_line();
        const int width = row_bytes * 8;
        const bool joins = image_open_ && std::get<PrintedImage>(events_.back()).width == width;
        if (!joins)
            emit(PrintedImage{width, 0, {}});
        auto& image = std::get<PrintedImage>(events_.back());
        at_ += 8;
        for (int y = 0; y < rows; ++y)
            for (int x = 0; x < width; ++x)
                image.pixels.push_back((peek(y * row_bytes + x / 8) >> (7 - x % 8)) & 1);
        image.height += rows;
        at_ += static_cast<std::size_t>(row_bytes) * rows;
        image_open_ = width > 0;
    }

    // GS k m: m 0-6 ends its data with NUL; m 65-79 gives the length first.
    void barcode() {
        if (!have(3))
            return;
        const std::uint8_t m = peek(2);
        std::size_t start = 0;
        std::size_t length = 0;
        std::size_t end = 0;
        if (m <= 6) {
            start = 3;
            while (start + length < left() && peek(start + length) != 0)
                ++length;
            if (start + length == left())
                return unknown(left());
            end = start + length + 1;
        } else if (m >= 65 && m <= 79) {
            if (!have(4))
                return;
            start = 4;
            length = peek(3);
            end = start + length;
            if (!have(end))
                return;
        } else {
            return unknown(3);
        }
        const std::vector<std::uint8_t> data(in_.begin() + at_ + start,
                                             in_.begin() + at_ + start + length);
        flush_line();
        at_ += end;
        emit(PrintedBarcode{m == 73 ? code128_text(data) : std::string(data.begin(), data.end())});
    }

    // GS ( x pL pH and pL + 256 pH bytes. Of these only the QR functions (GS ( k, cn 49) mean
    // something here: store the data, then print it.
    void function() {
        if (!have(5))
            return;
        const std::size_t length = peek(3) | peek(4) << 8;
        if (!have(5 + length))
            return;
        const bool qr = peek(2) == 'k' && length >= 2 && peek(5) == '1';
        const std::uint8_t fn = length >= 2 ? peek(6) : 0;
        if (!qr || (fn != 'A' && fn != 'C' && fn != 'E' && fn != 'P' && fn != 'Q'))
            return unknown(5 + length);
        if (fn == 'P' && length >= 3)
            qr_data_.assign(in_.begin() + at_ + 8, in_.begin() + at_ + 5 + length);
        if (fn == 'Q')
            flush_line();
        at_ += 5 + length;
        if (fn == 'Q')
            emit(PrintedQr{qr_data_});
    }

    // DLE EOT / DLE ENQ ask the printer for its status: input for the printer, kept as unknown.
    // DLE DC4 1 m t is the real-time drawer pulse (t in 100 ms).
    void realtime() {
        if (!have(2))
            return;
        if (peek(1) == 0x14) {
            if (!have(5))
                return;
            if (peek(2) == 1) {
                emit(PrintedDrawerPulse{peek(3) & 1, peek(4) * 100, peek(4) * 100});
                at_ += 5;
                return;
            }
            return unknown(5);
        }
        unknown(peek(1) == 0x04 || peek(1) == 0x05 ? std::min<std::size_t>(3, left()) : 1);
    }

    void fs_command() {  // FS . and FS & switch Kanji mode off and on: nothing to print
        if (!have(2))
            return;
        if (peek(1) == '.' || peek(1) == '&') {
            at_ += 2;
            return;
        }
        unknown(peek(1) < 0x20 ? 1 : 2);
    }

    const std::vector<std::uint8_t>& in_;
    const PrinterProfile& profile_;
    std::size_t at_ = 0;
    std::vector<PrintEvent> events_;
    Style style_;
    Style line_style_;
    CodePage page_ = CodePage::cp437;
    std::string line_;
    std::string qr_data_;
    bool image_open_ = false;  // the last event is an image the next band may continue
};

std::string style_marks(const Style& style) {
    std::string marks;
    if (style.bold)
        marks += "[B]";
    if (style.double_width)
        marks += "[W]";
    if (style.double_height)
        marks += "[H]";
    if (style.align == Align::centre)
        marks += "[C]";
    if (style.align == Align::right)
        marks += "[R]";
    return marks;
}

std::string hex(const std::vector<std::uint8_t>& bytes) {
    std::string out;
    for (std::uint8_t b : bytes) {
        char two[4];
        std::snprintf(two, sizeof two, " %02x", b);
        out += two;
    }
    return out;
}

std::string describe_event(const PrintEvent& event) {
    struct Describe {
        std::string operator()(const PrintedText& t) const {
            const std::string marks = style_marks(t.style);
            return marks.empty() || t.text.empty() ? marks + t.text : marks + " " + t.text;
        }
        std::string operator()(const PrintedImage& i) const {
            return "<image " + std::to_string(i.width) + "x" + std::to_string(i.height) + ">";
        }
        std::string operator()(const PrintedBarcode& b) const { return "<barcode " + b.data + ">"; }
        std::string operator()(const PrintedQr& q) const { return "<qr " + q.data + ">"; }
        std::string operator()(const PrintedCut& c) const {
            return c.partial ? "<cut>" : "<cut full>";
        }
        std::string operator()(const PrintedDrawerPulse& d) const {
            return "<drawer pin " + std::string(d.pin == 1 ? "5 " : "2 ") +
                   std::to_string(d.on_ms) + "/" + std::to_string(d.off_ms) + " ms>";
        }
        std::string operator()(const PrintedFeed& f) const {
            return "<feed " + std::to_string(f.lines) + ">";
        }
        std::string operator()(const UnknownBytes& u) const {
            return "<unknown" + hex(u.bytes) + ">";
        }
    };
    return std::visit(Describe{}, event);
}

}  // namespace

std::vector<PrintEvent> decode_escpos(const std::vector<std::uint8_t>& bytes,
                                      const PrinterProfile& profile) {
    return Decoder(bytes, profile).run();
}

std::string describe(const std::vector<PrintEvent>& events) {
    std::string out;
    for (const auto& event : events)
        out += describe_event(event) + "\n";
    return out;
}

}  // namespace receipts
