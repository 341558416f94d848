// pos-terminal's head-office commands and the background sync of the window: enrol with a
// one-time code, run sync rounds in the foreground, and the SyncWorker the window starts when
// this terminal is enrolled (each with its own store connection and HTTP transport).
#pragma once

#include <filesystem>
#include <iosfwd>
#include <memory>
#include <string>

#include "db/store.hpp"
#include "headoffice/client/sync_client.hpp"

namespace ui {

// pos-terminal enrol: enrols the store in `dir` (an empty store is created when there is none:
// its catalogue and staff come from head office) and prints the store and terminal it became.
// 0 enrolled; 1 head office refused or did not answer; 4 the store cannot be opened.
int enrol_terminal(const std::filesystem::path& dir, const std::string& server_url,
                   const std::string& code, const std::string& name, std::ostream& out,
                   std::ostream& err);

// pos-terminal sync: runs rounds in the foreground, one line per applied batch ("applied changes
// 5000 (loaded 10,000 of 1,000,000)") and a summary per round. `once`: one round, exit 0 when it
// succeeded, 1 when not; otherwise rounds until killed, with the worker's backoff.
int sync_in_foreground(const std::filesystem::path& dir, bool once,
                       const headoffice::SyncOptions& options, std::ostream& out,
                       std::ostream& err);

// The window's background sync: null when the store is not enrolled (the demo store).
std::unique_ptr<headoffice::SyncWorker> start_sync_worker(const std::filesystem::path& store_file,
                                                          db::Store& store);

}  // namespace ui
