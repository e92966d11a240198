// sync-converge SEED OPS [WORKDIR]: three databases make OPS random writes of every kind (log,
// edit, rm, rate, slices add/rename/retire/restore, goals add/done/drop/pause/resume, review,
// import, undo), sync in random orders through three copies of DIR between which change files
// travel late and out of order (some held back), then everything is delivered, every device
// syncs, and `pie export` must print the same bytes on all three (§12 "Convergence").
// Runs pie in process (pie::run), with PIE_NOW set per command. Exit 0: converged.

#include <pie/run.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/chrono.h>
#include <fmt/format.h>

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

constexpr int k_devices = 3;
const std::vector<std::string> k_added_names = {"alpha", "beta", "gamma"};      // added on several devices
const std::vector<std::string> k_shared_names = {"shared", "alpha", "social"};  // renamed onto on several

struct Driver {
    std::mt19937_64 rng;
    fs::path work;
    std::int64_t clock = 1767261600;  // 2026-01-01T10:00:00Z
    std::int64_t skew[k_devices] = {0, 0, 0};
    int renames = 0;
    long commands = 0;
    long syncs = 0;
    long failures = 0;
    long undo_refused = 0;
    std::string last_command;  // the last command run, for the messages

    explicit Driver(std::uint64_t seed, fs::path dir) : rng(seed), work(std::move(dir)) {}

    int pick(int n) { return static_cast<int>(rng() % static_cast<std::uint64_t>(n)); }
    bool chance(int percent) { return pick(100) < percent; }
    fs::path db(int d) const { return work / fmt::format("device{}.db", d); }
    fs::path dir(int d) const { return work / fmt::format("dir{}", d); }

    // Runs `pie --db DB ARGS...` at the device's clock; stdout into `out` when given.
    int pie(int d, std::vector<std::string> args, std::string* out = nullptr) {
        args.insert(args.begin(), {"pie", "--db", db(d).string()});
        last_command = fmt::format("{}", fmt::join(args, " "));
        std::vector<char*> argv;
        for (std::string& arg : args) argv.push_back(arg.data());
        argv.push_back(nullptr);
        std::int64_t now = clock + skew[d];
        std::time_t seconds = static_cast<std::time_t>(now);
        setenv("PIE_NOW", fmt::format("{:%Y-%m-%dT%H:%M:%S}Z", fmt::gmtime(seconds)).c_str(), 1);
        std::fflush(stdout);
        fs::path capture = work / "stdout";
        int saved_out = ::dup(1);
        int saved_err = ::dup(2);
        int fd = ::open(capture.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        int err = ::open((work / "stderr").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        ::dup2(fd, 1);
        ::dup2(err, 2);
        int code = pie::run(static_cast<int>(argv.size()) - 1, argv.data());
        std::fflush(stdout);
        std::fflush(stderr);
        ::dup2(saved_out, 1);
        ::dup2(saved_err, 2);
        ::close(fd);
        ::close(err);
        ::close(saved_out);
        ::close(saved_err);
        ++commands;
        if (out) {
            std::ifstream in(capture);
            std::ostringstream text;
            text << in.rdbuf();
            *out = text.str();
        }
        return code;
    }

    std::string stderr_text() {
        std::ifstream in(work / "stderr");
        std::ostringstream text;
        text << in.rdbuf();
        return text.str();
    }

    // Ids of `table` on device d, or names of slices (active or retired).
    std::vector<std::string> column(int d, const std::string& sql) {
        std::vector<std::string> values;
        if (!fs::exists(db(d))) return values;
        SQLite::Database database(db(d).string(), SQLite::OPEN_READONLY);
        SQLite::Statement select(database, sql);
        while (select.executeStep()) values.push_back(select.getColumn(0).getString());
        return values;
    }

    std::string any(const std::vector<std::string>& values, const std::string& fallback) {
        return values.empty() ? fallback : values[static_cast<std::size_t>(pick(static_cast<int>(values.size())))];
    }

    std::string slice(int d, bool active = true) {
        return any(column(d, active ? "SELECT name FROM slices WHERE retired_at IS NULL ORDER BY name"
                                    : "SELECT name FROM slices ORDER BY name"),
                   "social");
    }

    std::string id(int d, const std::string& sql) { return any(column(d, sql), "1"); }

    void write(int d) {
        int code = 0;
        std::string what;
        switch (pick(20)) {
            case 0:
            case 1:
            case 2: {
                std::vector<std::string> args = {"log", slice(d), fmt::format("{}m", 5 + pick(120)),
                                                 fmt::format("note {}", pick(1000))};
                if (chance(30)) args.insert(args.end(), {"-t", fmt::format("tag{}", pick(4))});
                if (chance(30)) args.insert(args.end(), {"--at", fmt::format("{}h ago", pick(200))});
                code = pie(d, args);
                break;
            }
            case 3:
            case 4: {
                std::vector<std::string> args = {"edit", id(d, "SELECT id FROM entries ORDER BY id")};
                switch (pick(4)) {
                    case 0: args.insert(args.end(), {"--note", fmt::format("edited {}", pick(1000))}); break;
                    case 1: args.insert(args.end(), {"-d", fmt::format("{}m", 1 + pick(300))}); break;
                    case 2: args.insert(args.end(), {"--slice", slice(d)}); break;
                    default: args.insert(args.end(), {"-t", fmt::format("t{}", pick(3))});
                }
                code = pie(d, args);
                break;
            }
            case 5: code = pie(d, {"rm", id(d, "SELECT id FROM entries ORDER BY id")}); break;
            case 6: code = pie(d, {"rate", slice(d), std::to_string(1 + pick(10))}); break;
            case 7:
                code = pie(d, {"slices", "add", any(k_added_names, "alpha"), "--label",
                               fmt::format("Label {} of {}", pick(100), d)});
                break;
            case 8: {
                // Half of them onto a name that another device may give another slice meanwhile.
                std::string name = chance(50) ? any(k_shared_names, "shared") : fmt::format("r{}-{}", d, ++renames);
                code = pie(d, {"slices", "rename", slice(d, false), name});
                break;
            }
            case 9: code = pie(d, {"slices", chance(50) ? "retire" : "restore", slice(d, false)}); break;
            case 10: {
                std::vector<std::string> args = {"goals", "add", slice(d), fmt::format("goal {}", pick(100))};
                if (chance(60)) args.insert(args.end(), {"--every", "week", "--times", std::to_string(1 + pick(3))});
                code = pie(d, args);
                break;
            }
            case 11: {
                const char* verbs[] = {"done", "drop", "pause", "resume"};
                code = pie(d, {"goals", verbs[pick(4)], id(d, "SELECT id FROM goals ORDER BY id")});
                break;
            }
            case 12:
                code = pie(d, {"review", "--rate", slice(d) + "=" + std::to_string(1 + pick(10)), "--intention",
                               fmt::format("intend {}", pick(100))});
                break;
            case 13: {
                fs::path csv = work / "import.csv";
                std::ofstream out(csv);
                out << "at,slice,minutes,note,tags\n";
                for (int i = 0; i < 1 + pick(3); ++i) {
                    out << fmt::format("2025-12-{:02}T{:02}:00:00Z,{},{},imported {},\n", 1 + pick(28), pick(24),
                                       slice(d), 1 + pick(100), pick(1000));
                }
                out.close();
                code = pie(d, {"import", csv.string()});
                break;
            }
            case 14:
            case 15:
                code = pie(d, {"undo"});
                if (code == 1) {
                    // Nothing to undo; or an undo that other devices' changes made impossible
                    // (a slice added here now holds their entries): refused, nothing written.
                    if (stderr_text().find("nothing to undo") == std::string::npos) ++undo_refused;
                    code = 0;
                }
                break;
            default: sync(d); return;
        }
        if (code == 1) {
            ++failures;
            fmt::print("device {}: '{}' failed at runtime: {}\n", d, last_command, stderr_text());
        }
    }

    void sync(int d) {
        ++syncs;
        if (pie(d, {"sync", dir(d).string()}) != 0) {
            ++failures;
            fmt::print("device {}: sync failed: {}", d, stderr_text());
        }
    }

    // Copies change files between the DIR copies: each missing file with probability `percent`.
    void deliver(int percent) {
        for (int from = 0; from < k_devices; ++from) {
            std::error_code ec;
            for (fs::directory_iterator device(dir(from), ec), end; !ec && device != end; device.increment(ec)) {
                for (const auto& file : fs::directory_iterator(device->path())) {
                    if (file.path().filename().string().starts_with(".")) continue;
                    for (int to = 0; to < k_devices; ++to) {
                        fs::path target = dir(to) / device->path().filename() / file.path().filename();
                        if (to == from || fs::exists(target) || !chance(percent)) continue;
                        fs::create_directories(target.parent_path());
                        fs::copy_file(file.path(), target);
                    }
                }
            }
        }
    }

    std::string export_json(int d) {
        std::string out;
        if (pie(d, {"export"}, &out) != 0) ++failures;
        return out;
    }
};

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        fmt::print(stderr, "usage: sync-converge SEED OPS [WORKDIR]\n");
        return 2;
    }
    std::uint64_t seed = std::stoull(argv[1]);
    long ops = std::stol(argv[2]);
    fs::path work;
    if (argc > 3) {
        work = argv[3];
        fs::remove_all(work);
        fs::create_directories(work);
    } else {
        // A folder of its own: two runs of the same seed at once (two checkouts' ctest) must not
        // share one.
        std::string name = (fs::temp_directory_path() / fmt::format("pie-converge-{}-XXXXXX", seed)).string();
        if (!::mkdtemp(name.data())) {
            fmt::print(stderr, "sync-converge: cannot create {}\n", name);
            return 1;
        }
        work = name;
    }
    setenv("TZ", "Europe/Berlin", 1);
    Driver driver(seed, work);
    for (int d = 0; d < k_devices; ++d) driver.skew[d] = driver.pick(3) == 0 ? 0 : driver.pick(121) - 60;
    for (long op = 0; op < ops; ++op) {
        driver.clock += driver.chance(10) ? 0 : 1 + driver.pick(600);
        driver.write(driver.pick(k_devices));
        if (driver.chance(15)) driver.deliver(40);
    }
    for (int round = 0; round < 2; ++round) {
        driver.deliver(100);
        for (int d = 0; d < k_devices; ++d) driver.sync(d);
    }
    std::string first = driver.export_json(0);
    bool same = true;
    for (int d = 1; d < k_devices; ++d) {
        std::string other = driver.export_json(d);
        if (other != first) {
            same = false;
            std::ofstream(work / fmt::format("export{}.json", d)) << other;
        }
    }
    std::ofstream(work / "export0.json") << first;
    fmt::print("seed {}: {} random operations, {} pie commands, {} syncs on {} devices: {}\n", seed, ops,
               driver.commands, driver.syncs, k_devices, same ? "exports identical" : "DIVERGED");
    if (!same) fmt::print("exports kept in {} (diff export0.json export1.json)\n", work.string());
    if (driver.undo_refused > 0) fmt::print("{} undos refused by the database\n", driver.undo_refused);
    if (driver.failures > 0) fmt::print("{} commands failed at runtime\n", driver.failures);
    if (same && driver.failures == 0) fs::remove_all(work);
    return same && driver.failures == 0 ? 0 : 1;
}
