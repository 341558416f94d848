// A document as plain text: for logs, the virtual printer's .txt and tests.
#pragma once

#include <string>

#include "receipts/document.hpp"

namespace receipts {

// Lines as printed (alignment applied with spaces, double width shown as spaced letters is NOT
// done: text stays searchable), "[barcode S001-T01-000042]", "[QR ...]", "[logo]", and a line of
// '- - -' for a cut.
std::string to_text(const Document& document);

}  // namespace receipts
