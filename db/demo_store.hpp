// The demo store: a deterministic catalogue, settings and staff for trying the terminal, for
// screenshots and for tests. The same program always writes the same store.
#pragma once

#include <vector>

#include "db/store.hpp"
#include "pos/store_settings.hpp"
#include "pos/tax.hpp"

namespace db {

pos::StoreSettings demo_settings();
std::vector<pos::TaxRate> demo_tax_rates();
// The fixed products first (see db/README.md, "Demo store"), then the weighed items, then the
// generated catalogue. Every call returns exactly the same list.
std::vector<NewProduct> demo_products();
std::vector<NewUser> demo_users();

}  // namespace db
