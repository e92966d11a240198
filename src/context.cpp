#include <pie/context.hpp>

#include <pie/error.hpp>
#include <pie/text.hpp>

#include <fmt/format.h>

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <ctime>

namespace pie {

namespace fs = std::filesystem;

namespace {

std::string env(const char* name) {
    const char* value = std::getenv(name);
    return value ? value : "";
}

}  // namespace

Instant Context::now() {
    if (!m_now) {
        Instant real = static_cast<Instant>(std::time(nullptr));
        std::string fixed = env("PIE_NOW");
        if (fixed.empty()) {
            m_now = real;
        } else {
            try {
                m_now = parse_when(fixed, real).at;
            } catch (const UserError& e) {
                throw UserError(fmt::format("PIE_NOW: {}", e.what()), e.hint());
            }
        }
    }
    return *m_now;
}

fs::path Context::db_path() {
    if (!m_db_path) {
        if (!options.db.empty()) {
            m_db_path = fs::path(options.db);
        } else if (std::string db = env("PIE_DB"); !db.empty()) {
            m_db_path = fs::path(db);
        } else if (std::string data = env("XDG_DATA_HOME"); !data.empty()) {
            m_db_path = fs::path(data) / "pie" / "pie.db";
        } else if (std::string home = env("HOME"); !home.empty()) {
            m_db_path = fs::path(home) / ".local" / "share" / "pie" / "pie.db";
        } else {
            throw Error("no database location: HOME is not set", "give one with --db PATH or PIE_DB");
        }
    }
    return *m_db_path;
}

Store& Context::read_store() {
    if (!m_store) m_store = Store::open_for_read(db_path());
    return *m_store;
}

Store& Context::write_store() {
    if (!m_store || !m_store_writable) {
        fs::path path = db_path();
        // Remember the outermost thing about to be created, to take it back on failure.
        std::error_code ec;
        fs::path missing;
        for (fs::path p = path; !p.empty() && !fs::exists(p, ec); p = p.parent_path()) {
            missing = p;
            if (p == p.parent_path()) break;
        }
        m_store.reset();
        m_store = Store::open_for_write(path);
        m_store_writable = true;
        if (!missing.empty()) m_created_root = missing;
    }
    return *m_store;
}

Store* Context::existing_store() {
    std::error_code ec;
    return fs::exists(db_path(), ec) ? &write_store() : nullptr;
}

void Context::discard_unused_new_database() {
    if (!m_created_root || !m_store) return;
    try {
        if (m_store->has_changes()) return;
    } catch (const std::exception&) {
        return;  // when in doubt, keep it
    }
    m_store.reset();
    fs::path path = db_path();
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path.string() + suffix, ec);
    if (*m_created_root != path) {
        for (fs::path dir = path.parent_path(); !dir.empty(); dir = dir.parent_path()) {
            fs::remove(dir, ec);  // only ever an empty directory this process made
            if (dir == *m_created_root || dir == dir.parent_path()) break;
        }
    }
    m_created_root.reset();
}

bool Context::color() {
    if (options.color == "always") return true;
    if (options.color == "never") return false;
    return stdout_is_terminal() && env("NO_COLOR").empty();
}

std::string Context::show(std::string_view text) const { return display_text(text, options.ascii); }

bool Context::stdin_is_terminal() const { return ::isatty(STDIN_FILENO) == 1; }

bool Context::stdout_is_terminal() const { return ::isatty(STDOUT_FILENO) == 1; }

std::optional<int> Context::terminal_width() const {
    if (!stdout_is_terminal()) return std::nullopt;
    winsize size{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    return 80;
}

}  // namespace pie
