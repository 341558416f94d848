// ESC/POS: a document encoded for a printer profile, and bytes decoded back into events (for
// golden tests and for the emulated printer in driver tests).
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "receipts/document.hpp"
#include "receipts/printer_profile.hpp"

namespace receipts {

// ESC @, then each block: styles (ESC E, GS !), alignment (ESC a), code page switches (ESC t) as
// characters need them, text, raster images in bands (GS v 0, at most 24 rows... each band), the
// Code128 barcode (GS k 73 with HRI), QR (GS ( k), feeds, cut (GS V), drawer pulse (ESC p).
// Features the profile lacks are left out (a QR on a printer without QR support is skipped).
std::vector<std::uint8_t> encode_escpos(const Document& document, const PrinterProfile& profile);

// Just the drawer pulse, for "open drawer" without printing.
std::vector<std::uint8_t> drawer_pulse(const PrinterProfile& profile);

// What a printer would do with the bytes.
struct PrintedText {
    std::string text;  // UTF-8 (decoded through the selected code page)
    Style style;
};
struct PrintedImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;  // 0 white, 1 black
};
struct PrintedBarcode {
    std::string data;
};
struct PrintedQr {
    std::string data;
};
struct PrintedCut {
    bool partial = true;
};
struct PrintedDrawerPulse {
    int pin = 0;
    int on_ms = 0;
    int off_ms = 0;
};
struct PrintedFeed {
    int lines = 1;
};
// Bytes the decoder did not understand: kept, never silently dropped.
struct UnknownBytes {
    std::vector<std::uint8_t> bytes;
};
using PrintEvent = std::variant<PrintedText, PrintedImage, PrintedBarcode, PrintedQr, PrintedCut,
                                PrintedDrawerPulse, PrintedFeed, UnknownBytes>;

// One PrintedText per printed line (a line ends at LF). The profile says which code page each
// ESC t number selects.
std::vector<PrintEvent> decode_escpos(const std::vector<std::uint8_t>& bytes,
                                      const PrinterProfile& profile);

// The events as readable text for golden files: text lines with their styles marked
// ("[B]" bold, "[W]" double width, "[H]" double height, "[C]"/"[R]" alignment), and
// "<barcode S001-T01-000042>", "<qr ...>", "<image 200x80>", "<cut>", "<drawer pin 2 100/200 ms>".
// Also "<cut full>", "<feed 3>" and "<unknown 1b 3f>" (the bytes in hex). An image's width is
// in whole bytes (a 100-dot logo reads back 104 wide).
std::string describe(const std::vector<PrintEvent>& events);

}  // namespace receipts
