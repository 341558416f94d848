// Private to pos-headoffice: the commands main.cpp adds from other files.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

#include "headoffice/server/head_office.hpp"

namespace headoffice::admin {

// What a command does once head office is open; returns the exit code.
using Command = std::function<int(HeadOffice&, sql::ConnectionPool&)>;

// order, locate, requests, answer-request, customers, interactions, special-orders.
void add_service_commands(CLI::App& app, Command& command);
// z-reports, z-report, over-short (admin_till.cpp).
void add_till_commands(CLI::App& app, Command& command);

}  // namespace headoffice::admin
