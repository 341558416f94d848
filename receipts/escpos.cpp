#include "receipts/escpos.hpp"

#include <algorithm>
#include <optional>

#include "receipts/codepages.hpp"

namespace receipts {
namespace {

constexpr std::uint8_t esc = 0x1B;
constexpr std::uint8_t gs = 0x1D;
constexpr std::uint8_t lf = 0x0A;

constexpr int max_band_rows = 24;  // rows per GS v 0 band: small bands keep printer buffers small
constexpr int barcode_height_dots = 80;
constexpr int qr_module_dots = 6;
constexpr int feed_instead_of_cut = 4;  // lines past the tear bar on printers without a cutter

std::uint8_t clamp_byte(int value) {
    return static_cast<std::uint8_t>(std::clamp(value, 0, 255));
}

// Code128 for GS k 73: code set B, switching to code set C for a trailing run of digits (two
// per symbol), which keeps "S001-T01-000042" within 58 mm paper at a 2-dot module.
std::string code128_payload(const std::string& data) {
    std::size_t digits = 0;
    while (digits < data.size() && data[data.size() - 1 - digits] >= '0' &&
           data[data.size() - 1 - digits] <= '9')
        ++digits;
    if (digits < 4)
        digits = 0;
    digits -= digits % 2;
    const std::size_t text_end = data.size() - digits;
    std::string payload;
    if (text_end > 0)
        payload += "{B";
    for (std::size_t i = 0; i < text_end; ++i) {
        const char c = data[i];
        const bool printable = c >= 0x20 && c < 0x7F;
        payload += printable ? c : '?';
        if (c == '{')
            payload += '{';  // "{{" is a literal brace
    }
    if (digits > 0)
        payload += "{C";
    for (std::size_t i = text_end; i < data.size(); i += 2)
        payload += static_cast<char>((data[i] - '0') * 10 + (data[i + 1] - '0'));
    return payload;
}

// Width in modules: 11 for each symbol (start, data characters or code set C pairs, code
// switches, check, stop) and the 2-module termination bar.
int code128_modules(const std::string& payload) {
    int symbols = 3;  // start, check, stop
    for (std::size_t i = 0; i < payload.size(); ++i) {
        if (payload[i] == '{' && i + 1 < payload.size() && payload[i + 1] != '{') {
            ++i;  // a code switch: one symbol, unless it is the opening start code
            if (i > 1)
                ++symbols;
            continue;
        }
        if (payload[i] == '{')
            ++i;
        ++symbols;
    }
    return symbols * 11 + 2;
}

// A transliteration can be longer than what it replaces ("Zh" for one letter), so a line the
// layout fitted may no longer fit: the widest gap of spaces (between a row's columns) gives up
// the room first, so amounts stay aligned; a line still too wide is wrapped at its words.
std::vector<std::u32string> fit(std::u32string text, int columns) {
    while (static_cast<int>(text.size()) > columns) {
        std::size_t best = 0, best_length = 0;
        for (std::size_t i = 0; i < text.size();) {
            std::size_t length = 0;
            while (i + length < text.size() && text[i + length] == U' ')
                ++length;
            if (length > best_length) {
                best = i;
                best_length = length;
            }
            i += length > 0 ? length : 1;
        }
        if (best_length < 2)
            break;
        text.erase(best, 1);
    }
    if (static_cast<int>(text.size()) <= columns)
        return {text};
    std::vector<std::u32string> lines;
    for (const auto& wrapped : wrap_text(encode_utf8(text), columns))
        lines.push_back(decode_utf8(wrapped));
    return lines;
}

class Encoder {
  public:
    Encoder(const Document& document, const PrinterProfile& profile)
        : document_(document), profile_(profile) {}

    std::vector<std::uint8_t> run() {
        put({esc, '@'});
        for (const auto& block : document_.blocks)
            std::visit([this](const auto& b) { encode(b); }, block);
        return std::move(out_);
    }

  private:
    void put(std::initializer_list<std::uint8_t> bytes) { out_.insert(out_.end(), bytes); }
    void put_byte(std::uint8_t byte) { out_.push_back(byte); }

    // Only what changed since the last line: after ESC @ the printer is left-aligned, plain.
    void set_style(const Style& style) {
        if (style.align != style_.align)
            put({esc, 'a', static_cast<std::uint8_t>(style.align)});
        if (style.bold != style_.bold)
            put({esc, 'E', style.bold ? std::uint8_t{1} : std::uint8_t{0}});
        if (style.double_width != style_.double_width ||
            style.double_height != style_.double_height)
            put({gs, '!',
                 static_cast<std::uint8_t>((style.double_width ? 0x10 : 0) |
                                           (style.double_height ? 0x01 : 0))});
        style_ = style;
    }

    void select(const CodePageSlot& slot) {
        put({esc, 't', slot.escpos_number});
        page_ = slot.page;
    }

    bool on_some_page(char32_t c) const {
        if (c >= 0x20 && c < 0x7F)
            return true;
        for (const auto& slot : profile_.code_pages)
            if (to_code_page(c, slot.page))
                return true;
        return false;
    }

    // The text as the printer will get it: each character itself where a code page of the
    // profile has it, else its ASCII transliteration, else '?'. Never a byte that means another
    // character, and never a control byte.
    std::u32string printable(const std::string& utf8) const {
        std::u32string out;
        for (char32_t c : decode_utf8(utf8)) {
            if (on_some_page(c)) {
                out += c;
                continue;
            }
            const std::string ascii = transliterate(c);
            out += ascii.empty() ? std::u32string(1, U'?') : decode_utf8(ascii);
        }
        return out;
    }

    // The current code page if it has the character, else the first of the profile's pages
    // that has it.
    void put_char(char32_t c) {
        if (c >= 0x20 && c < 0x7F)
            return put_byte(static_cast<std::uint8_t>(c));
        if (page_)
            if (auto byte = to_code_page(c, *page_))
                return put_byte(*byte);
        for (const auto& slot : profile_.code_pages)
            if (auto byte = to_code_page(c, slot.page)) {
                select(slot);
                return put_byte(*byte);
            }
        put_byte('?');
    }

    void line(const std::string& utf8, const Style& style) {
        set_style(style);
        const int columns = document_.paper.columns / (style.double_width ? 2 : 1);
        for (const auto& text : fit(printable(utf8), columns)) {
            for (char32_t c : text)
                put_char(c);
            put_byte(lf);
        }
    }

    void encode(const TextLine& text) { line(text.text, text.style); }

    void encode(const Row& row) {
        for (const auto& text : layout_row(row, document_.paper.columns))
            line(text, Style{.bold = row.bold});
    }

    // A rule stays one line: a glyph no page has becomes its one-letter stand-in, or '-'.
    void encode(const Separator& separator) {
        const std::u32string glyph = printable(encode_utf8(std::u32string(1, separator.glyph)));
        const char32_t rule = glyph.size() == 1 && glyph[0] != U'?' ? glyph[0] : U'-';
        line(encode_utf8(std::u32string(document_.paper.columns, rule)), Style{});
    }

    void encode(const TaxTable& table) {
        for (const auto& text : layout_tax_table(table, document_.paper.columns))
            line(text, Style{});
    }

    void encode(const Image& image) {
        if (image.width <= 0 || image.height <= 0 || image.width > 0xFFFF * 8)
            return;
        set_style(Style{.align = Align::centre});
        const int row_bytes = (image.width + 7) / 8;
        for (int top = 0; top < image.height; top += max_band_rows) {
            const int rows = std::min(max_band_rows, image.height - top);
            put({gs, 'v', '0', 0, static_cast<std::uint8_t>(row_bytes & 0xFF),
                 static_cast<std::uint8_t>(row_bytes >> 8), static_cast<std::uint8_t>(rows), 0});
            for (int y = top; y < top + rows; ++y)
                for (int x = 0; x < row_bytes * 8; x += 8)
                    put_byte(raster_byte(image, x, y));
        }
    }

    // Eight pixels, the leftmost in the most significant bit; past the edge is white.
    static std::uint8_t raster_byte(const Image& image, int x, int y) {
        std::uint8_t byte = 0;
        for (int bit = 0; bit < 8; ++bit) {
            const std::size_t i = static_cast<std::size_t>(y) * image.width + x + bit;
            if (x + bit < image.width && i < image.pixels.size() && image.pixels[i] != 0)
                byte |= static_cast<std::uint8_t>(0x80 >> bit);
        }
        return byte;
    }

    void encode(const Barcode& barcode) {
        const std::string payload = code128_payload(barcode.data);
        if (!profile_.code128 || payload.size() > 255) {
            if (barcode.human_readable)
                line(barcode.data, Style{.align = Align::centre});
            return;
        }
        const int module = code128_modules(payload) * 2 <= document_.paper.dots ? 2 : 1;
        set_style(Style{.align = Align::centre});
        put({gs, 'H', barcode.human_readable ? std::uint8_t{2} : std::uint8_t{0}});
        put({gs, 'h', barcode_height_dots});
        put({gs, 'w', static_cast<std::uint8_t>(module)});
        put({gs, 'k', 73, static_cast<std::uint8_t>(payload.size())});
        for (char c : payload)
            put_byte(static_cast<std::uint8_t>(c));
    }

    void encode(const QrCode& qr) {
        if (!profile_.qr || qr.data.empty() || qr.data.size() > 7000)
            return;
        set_style(Style{.align = Align::centre});
        put({gs, '(', 'k', 4, 0, '1', 'A', '2', 0});          // model 2
        put({gs, '(', 'k', 3, 0, '1', 'C', qr_module_dots});  // module size
        put({gs, '(', 'k', 3, 0, '1', 'E', '1'});             // error correction M
        const std::size_t length = qr.data.size() + 3;
        put({gs, '(', 'k', static_cast<std::uint8_t>(length & 0xFF),
             static_cast<std::uint8_t>(length >> 8), '1', 'P', '0'});
        for (char c : qr.data)
            put_byte(static_cast<std::uint8_t>(c));
        put({gs, '(', 'k', 3, 0, '1', 'Q', '0'});  // print
    }

    void encode(const Feed& feed) {
        if (feed.lines > 0)
            put({esc, 'd', clamp_byte(feed.lines)});
    }

    void encode(const Cut& cut) {
        if (profile_.cutter)
            put({gs, 'V', cut.partial ? std::uint8_t{66} : std::uint8_t{65}, 0});
        else
            put({esc, 'd', feed_instead_of_cut});
    }

    void encode(const DrawerPulse&) {
        const auto pulse = drawer_pulse(profile_);
        out_.insert(out_.end(), pulse.begin(), pulse.end());
    }

    const Document& document_;
    const PrinterProfile& profile_;
    std::vector<std::uint8_t> out_;
    Style style_;
    std::optional<CodePage> page_;  // unknown until the first ESC t: printers differ in default
};

}  // namespace

std::vector<std::uint8_t> encode_escpos(const Document& document, const PrinterProfile& profile) {
    return Encoder(document, profile).run();
}

std::vector<std::uint8_t> drawer_pulse(const PrinterProfile& profile) {
    return {esc, 'p', static_cast<std::uint8_t>(profile.drawer_pin == 1 ? 1 : 0),
            clamp_byte(profile.drawer_on_ms / 2), clamp_byte(profile.drawer_off_ms / 2)};
}

}  // namespace receipts
