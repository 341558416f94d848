// InteractionLog over SQLite: numbered per store without gaps, queued for head office.
#include <algorithm>
#include <cstdio>

#include "db/format.hpp"
#include "db/service_repositories.hpp"
#include "db/service_rows.hpp"

namespace db {

namespace {

constexpr std::int64_t max_rows = 10'000;

// "S001-000042"
std::string interaction_number(const std::string& store_code, std::int64_t sequence) {
    char digits[24];
    std::snprintf(digits, sizeof digits, "%06lld", static_cast<long long>(sequence));
    return store_code + "-" + digits;
}

class SqliteInteractionLog final : public InteractionLog {
  public:
    explicit SqliteInteractionLog(Database& db) : db_(db), rows_(db) {}

    pos::Result<pos::Interaction> open(pos::Interaction interaction) override {
        if (interaction.id.empty())
            return pos::bad_input("The interaction has no id; nothing was saved");
        try {
            Transaction transaction(db_);
            if (rows_.interaction(interaction.id))
                return pos::bad_input("Interaction " + in_quotes(interaction.id) +
                                      " is already stored; nothing was saved");
            if (interaction.store_code.empty())
                interaction.store_code = setting_text(db_, "store_code");
            if (interaction.store_code.empty())
                return pos::bad_input(
                    "This terminal has no store code yet (it numbers interactions); nothing was "
                    "saved");
            interaction.number =
                interaction_number(interaction.store_code,
                                   next_sequence(db_, "interaction:" + interaction.store_code));
            if (interaction.updated_at_ms == 0)
                interaction.updated_at_ms = interaction.opened_at_ms;
            rows_.write_interaction(interaction);
            rows_.queue("interaction", interaction.id, interaction.updated_at_ms);
            transaction.commit();
        } catch (const std::exception& error) {
            return pos::store_failure(std::string("The interaction could not be saved (") +
                                      error.what() + "); nothing was written");
        }
        return interaction;
    }

    pos::Status save(const pos::Interaction& interaction) override {
        try {
            Transaction transaction(db_);
            const auto stored = rows_.interaction(interaction.id);
            if (!stored || stored->id != interaction.id)
                return pos::not_found("No interaction " + in_quotes(interaction.id) +
                                      " is stored here; nothing was saved");
            pos::Interaction updated = interaction;
            updated.number = stored->number;  // the number never changes
            rows_.write_interaction(updated);
            rows_.queue("interaction", updated.id, updated.updated_at_ms);
            transaction.commit();
        } catch (const std::exception& error) {
            return pos::store_failure("Interaction " + interaction.number +
                                      " could not be saved (" + error.what() +
                                      "); nothing was changed");
        }
        return pos::ok();
    }

    std::optional<pos::Interaction> find(const std::string& id_or_number) override {
        return rows_.interaction(id_or_number);
    }

    std::vector<pos::Interaction> open_for_store(const std::string& store_code,
                                                 std::size_t limit) override {
        Statement rows(db_, "SELECT " + std::string(interaction_columns) +
                                " FROM interactions WHERE store_code = ? AND status <> 'resolved'"
                                " ORDER BY opened_at_ms, id");
        rows.bind_all(store_code);
        std::vector<pos::Interaction> found;
        while (rows.step())
            found.push_back(read_interaction(rows));
        pos::sort_for_follow_up(found);
        if (found.size() > limit)
            found.resize(limit);
        return found;
    }

    std::vector<pos::Interaction> for_customer(const std::string& customer_id,
                                               std::size_t limit) override {
        if (customer_id.empty())
            return {};
        Statement rows(db_, "SELECT " + std::string(interaction_columns) +
                                " FROM interactions WHERE customer_id = ? AND customer_id <> ''"
                                " ORDER BY opened_at_ms DESC, id DESC LIMIT ?");
        rows.bind_all(customer_id,
                      static_cast<std::int64_t>(std::min<std::size_t>(limit, max_rows)));
        std::vector<pos::Interaction> found;
        while (rows.step())
            found.push_back(read_interaction(rows));
        return found;
    }

  private:
    Database& db_;
    ServiceRows rows_;
};

}  // namespace

std::unique_ptr<InteractionLog> make_interaction_log(Database& db) {
    return std::make_unique<SqliteInteractionLog>(db);
}

}  // namespace db
