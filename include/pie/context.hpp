#pragma once

// What every command is handed: the global options, the clock, the database and the terminal.

#include <pie/store.hpp>
#include <pie/time.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace pie {

// The options that come before (or after) any command: pie [--db PATH] [--color ...] [--ascii].
struct GlobalOptions {
    std::string db;
    std::string color = "auto";
    bool ascii = false;
};

class Context {
public:
    GlobalOptions options;

    // Now: env PIE_NOW when set (any WHEN, resolved against the real clock), else the real clock.
    // The only place that reads the system clock.
    Instant now();

    // The database file: --db, $PIE_DB, $XDG_DATA_HOME/pie/pie.db, $HOME/.local/share/pie/pie.db.
    std::filesystem::path db_path();

    // The database for a command that only reads; a missing file reads as a new pie.
    Store& read_store();

    // The database for a command that writes, created when missing.
    Store& write_store();

    // The database for a write that needs records already there (rm, undo, goals done): opened
    // for writing when its file exists; nullptr, and nothing created, when it does not.
    Store* existing_store();

    // Called when a command fails: a database file this process created and never wrote a
    // change to is removed again, with the directories created for it, so a failed command
    // leaves nothing behind.
    void discard_unused_new_database();

    // Whether output gets colour (--color, NO_COLOR, and whether stdout is a terminal).
    bool color();
    bool ascii() const { return options.ascii; }

    // User text as it may be shown in text output (control characters and --ascii handled).
    std::string show(std::string_view text) const;

    bool stdin_is_terminal() const;
    bool stdout_is_terminal() const;

    // Columns of the terminal on stdout; nullopt when stdout is not a terminal.
    std::optional<int> terminal_width() const;

private:
    std::optional<Instant> m_now;
    std::optional<std::filesystem::path> m_db_path;
    std::optional<Store> m_store;
    bool m_store_writable = false;
    std::optional<std::filesystem::path> m_created_root;  // the first thing write_store() created
};

}  // namespace pie
