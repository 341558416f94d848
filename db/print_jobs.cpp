// PrintJobs over the print_jobs and print_job_parts tables (migration 4).
#include "db/print_jobs.hpp"

#include <set>
#include <string_view>

#include "db/format.hpp"
#include "db/sqlite_store.hpp"

namespace db {

namespace {

constexpr std::string_view job_columns =
    "id, name, title, receipt_number, state, created_ms, updated_ms, attempts, last_error";

// Part bytes are bound as text and CAST to BLOB, read back with column_text: SQLite neither
// checks nor converts text in a UTF-8 database, so every byte (NULs included) is kept as is.
std::string as_text(const std::vector<std::uint8_t>& bytes) {
    return {bytes.begin(), bytes.end()};
}
std::vector<std::uint8_t> as_bytes(const std::string& text) {
    return {text.begin(), text.end()};
}

std::optional<PrintJobState> state_from(std::string_view text) {
    for (const PrintJobState state :
         {PrintJobState::queued, PrintJobState::printing, PrintJobState::waiting,
          PrintJobState::done, PrintJobState::failed}) {
        if (to_string(state) == text)
            return state;
    }
    return std::nullopt;
}

// One row of job_columns, without its parts.
StoredPrintJob read_job(const Statement& row) {
    StoredPrintJob job;
    job.id = row.column_text(0);
    job.name = row.column_text(1);
    job.title = row.column_text(2);
    job.receipt_number = row.column_text(3);
    const std::string state = row.column_text(4);
    const auto known = state_from(state);
    if (!known)
        throw pos::StoreFailure("print job " + job.id + " has an unknown state '" + state + "'");
    job.state = *known;
    job.created_ms = row.column_int64(5);
    job.updated_ms = row.column_int64(6);
    job.attempts = row.column_int(7);
    job.last_error = row.column_text(8);
    return job;
}

std::string label(const std::string& id, const std::string& name) {
    return "Print job " + (name.empty() ? id : name);
}

class SqlitePrintJobs final : public PrintJobs {
  public:
    explicit SqlitePrintJobs(Database& db) : db_(db) {}

    pos::Status add(const StoredPrintJob& job) override {
        if (auto checked = check_new(job); !checked)
            return checked;
        try {
            Transaction transaction(db_);
            Statement insert(db_, "INSERT INTO print_jobs (" + std::string(job_columns) +
                                      ") VALUES (?, ?, ?, ?, 'queued', ?, ?, 0, '')");
            insert
                .bind_all(job.id, job.name, job.title, job.receipt_number, job.created_ms,
                          job.updated_ms)
                .run();
            Statement part(db_,
                           "INSERT INTO print_job_parts (job_id, extension, bytes)"
                           " VALUES (?, ?, CAST(? AS BLOB))");
            for (const PrintPart& each : job.parts) {
                auto use = part.use();
                part.bind_all(job.id, each.extension, as_text(each.bytes)).run();
            }
            transaction.commit();
        } catch (const std::exception& error) {
            return pos::store_failure(label(job.id, job.name) + " could not be stored (" +
                                      error.what() + "); nothing was written");
        }
        return pos::ok();
    }

    std::optional<StoredPrintJob> find(const std::string& id) override {
        Statement query(db_,
                        "SELECT " + std::string(job_columns) + " FROM print_jobs WHERE id = ?");
        query.bind(1, id);
        if (!query.step())
            return std::nullopt;
        StoredPrintJob job = read_job(query);
        job.parts = parts_of(job.id);
        return job;
    }

    std::vector<StoredPrintJob> unfinished() override {
        Statement query(db_, "SELECT " + std::string(job_columns) +
                                 " FROM print_jobs WHERE state IN ('queued', 'printing', "
                                 "'waiting') ORDER BY created_ms, rowid");
        std::vector<StoredPrintJob> jobs;
        while (query.step())
            jobs.push_back(read_job(query));
        for (StoredPrintJob& job : jobs)
            job.parts = parts_of(job.id);
        return jobs;
    }

    std::vector<StoredPrintJob> recent(int limit) override {
        Statement query(db_, "SELECT " + std::string(job_columns) +
                                 " FROM print_jobs ORDER BY created_ms DESC, rowid DESC LIMIT ?");
        query.bind(1, limit < 0 ? 0 : limit);
        std::vector<StoredPrintJob> jobs;
        while (query.step())
            jobs.push_back(read_job(query));
        return jobs;
    }

    pos::Status mark(const std::string& id, PrintJobState state, const std::string& error,
                     std::int64_t at_ms) override {
        try {
            Transaction transaction(db_);
            Statement current(db_, "SELECT state, name FROM print_jobs WHERE id = ?");
            current.bind(1, id);
            if (!current.step())
                return pos::not_found("Print job " + in_quotes(id) + " is not in the queue");
            const std::string name = current.column_text(1);
            if (current.column_text(0) == to_string(PrintJobState::done)) {
                return pos::not_allowed(label(id, name) +
                                        " was already printed; it stays done and was not "
                                        "changed");
            }
            current.reset();
            Statement update(db_,
                             "UPDATE print_jobs SET state = ?, last_error = ?, updated_ms = ?,"
                             " attempts = attempts + ? WHERE id = ?");
            update
                .bind_all(to_string(state), error, at_ms, state == PrintJobState::printing ? 1 : 0,
                          id)
                .run();
            transaction.commit();
        } catch (const std::exception& failure) {
            return pos::store_failure(label(id, "") + " could not be marked " + to_string(state) +
                                      " (" + failure.what() + "); it was not changed");
        }
        return pos::ok();
    }

    std::string unused_name(const std::string& stem) override {
        Statement taken(db_, "SELECT count(*) FROM print_jobs WHERE name = ?");
        for (int n = 1;; ++n) {
            const std::string name = stem + std::to_string(n);
            auto use = taken.use();
            taken.bind(1, name);
            if (taken.step() && taken.column_int64(0) == 0)
                return name;
        }
    }

  private:
    // Refuses what the table would refuse, in words, before anything is written.
    pos::Status check_new(const StoredPrintJob& job) {
        if (job.id.empty())
            return pos::bad_input("A print job needs an id; nothing was stored");
        if (job.name.empty())
            return pos::bad_input("Print job " + job.id + " needs a name; nothing was stored");
        std::set<std::string> extensions;
        for (const PrintPart& part : job.parts) {
            if (part.extension.size() < 2 || part.extension.front() != '.') {
                return pos::bad_input(label(job.id, job.name) + ": part " +
                                      in_quotes(part.extension) +
                                      " is not a file extension such as \".escpos\"; nothing "
                                      "was stored");
            }
            if (!extensions.insert(part.extension).second) {
                return pos::bad_input(label(job.id, job.name) + " has two " + part.extension +
                                      " parts; nothing was stored");
            }
        }
        Statement used(db_, "SELECT id FROM print_jobs WHERE name = ? OR id = ? ORDER BY id");
        used.bind_all(job.name, job.id);
        if (used.step()) {
            if (used.column_text(0) == job.id) {
                return pos::bad_input("A print job with id " + job.id +
                                      " is already in the queue; nothing was stored");
            }
            return pos::bad_input("A print job named " + job.name +
                                  " is already in the queue; nothing was stored");
        }
        return pos::ok();
    }

    std::vector<PrintPart> parts_of(const std::string& id) {
        Statement query(db_,
                        "SELECT extension, bytes FROM print_job_parts WHERE job_id = ?"
                        " ORDER BY extension");
        query.bind(1, id);
        std::vector<PrintPart> parts;
        while (query.step())
            parts.push_back({query.column_text(0), as_bytes(query.column_text(1))});
        return parts;
    }

    Database& db_;
};

}  // namespace

std::string to_string(PrintJobState state) {
    switch (state) {
        case PrintJobState::queued:
            return "queued";
        case PrintJobState::printing:
            return "printing";
        case PrintJobState::waiting:
            return "waiting";
        case PrintJobState::done:
            return "done";
        case PrintJobState::failed:
            return "failed";
    }
    return "unknown";
}

std::unique_ptr<PrintJobs> make_print_jobs(Database& db) {
    return std::make_unique<SqlitePrintJobs>(db);
}

}  // namespace db
