// Fixture for the pos/ purity rule: a third-party include it must reject.
#pragma once
#include <sqlite3.h>
