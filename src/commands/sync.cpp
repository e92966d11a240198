// pie sync [DIR] | pie sync --status [--format text|json]   (§12): exchange changes with every
// other device that syncs through DIR, a folder another program keeps the same everywhere.

#include <pie/commands/commands.hpp>
#include <pie/commands/common.hpp>
#include <pie/error.hpp>
#include <pie/format/sync.hpp>
#include <pie/sync_files.hpp>
#include <pie/uuid.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>

namespace pie {

namespace {

namespace fs = std::filesystem;

struct SyncOptions {
    std::string dir;
    bool status = false;
    std::string format = "text";
};

// A change file that could not be applied, and why.
struct Skipped {
    fs::path path;
    std::string reason;
    bool foreign = false;
};

constexpr std::string_view k_update_hint = "update pie on this device: a newer pie wrote it";

// The DIR to sync with: as given (made absolute), else the last one of this database.
fs::path sync_dir(const SyncOptions& options, const Store::SyncState& state) {
    if (!options.dir.empty()) {
        fs::path dir = fs::absolute(options.dir).lexically_normal();
        return dir.has_filename() ? dir : dir.parent_path();  // `.` or `d/`: no trailing slash
    }
    if (state.dir.empty()) {
        throw UserError("no DIR given, and this database never synced",
                        "name the folder to sync through, e.g. 'pie sync ~/Sync/pie'");
    }
    return state.dir;
}

// The number of the first change file this device's next sync writes: files in its own folder
// beyond what the database knows of are refused (a copied database), except the one file a sync
// killed between writing it and committing left behind.
std::int64_t next_own_file(const fs::path& folder, const Store::SyncState& state) {
    std::int64_t last = state.out_seq;
    for (const auto& [seq, path] : change_files(folder)) {
        if (seq <= state.out_seq) continue;
        bool own = false;
        if (seq == last + 1 && !state.attempt.empty()) {
            try {
                own = read_sync_header(path).attempt == state.attempt;
            } catch (const SyncFileError&) {
            }
        }
        if (!own) {
            throw Error(fmt::format("{} holds changes of this device ({}) that this database did not write",
                                    folder.string(), state.device),
                        "was this database copied from another device? Start from a new one and sync it");
        }
        last = seq;
    }
    return last + 1;
}

// Applies the files of `device` not applied yet, in order, each whole or not at all, up to the
// first gap or unreadable file; adds the changes applied to `changes`.
void apply_device(Store::Sync& sync, const fs::path& dir, const std::string& device, std::int64_t applied, Instant now,
                  std::int64_t& changes, std::vector<Skipped>& skipped) {
    std::map<std::int64_t, fs::path> files = change_files(dir / device);
    for (std::int64_t seq = applied + 1;; ++seq) {
        auto file = files.find(seq);
        if (file == files.end()) return;  // a gap: the rest waits for it
        sync.begin_file();
        try {
            changes +=
                read_change_file(file->second, device, seq, now, [&](const SyncChange& change) { sync.apply(change); });
        } catch (const SyncFileError& e) {
            sync.end_file(false);
            skipped.push_back({file->second, e.what(), e.foreign()});
            return;
        }
        sync.set_applied(device, seq);
        sync.end_file(true);
    }
}

void run_sync(const SyncOptions& options, Context& context) {
    Instant now = context.now();
    Store& store = context.write_store();
    SyncLock lock(context.db_path());
    Store::SyncState state = store.sync_state();
    fs::path dir = sync_dir(options, state);
    fs::path own = dir / state.device;
    std::int64_t seq = next_own_file(own, state);
    create_private_dirs(dir);
    std::string attempt = new_uuid();
    store.begin_sync_attempt(attempt);

    Store::Sync sync(store);
    std::map<std::string, std::int64_t> applied = store.sync_applied();
    std::int64_t devices = 0;
    std::int64_t changes_in = 0;
    std::vector<Skipped> skipped;
    for (const std::string& device : device_folders(dir)) {
        if (device == state.device) continue;
        ++devices;
        apply_device(sync, dir, device, applied[device], now, changes_in, skipped);
    }
    // This device's folder shows the others that it takes part: made once it takes or gives a
    // change. A new pie that found nothing to exchange (and is not kept: discard_unused_new_database)
    // leaves no folder that would count as a device forever.
    if (changes_in > 0) create_private_dirs(own);
    std::optional<ChangeFileWriter> file;
    sync.each_outgoing([&](const SyncChange& change) {
        if (!file) {
            create_private_dirs(own);
            file.emplace(own, SyncHeader{k_sync_format, state.device, seq, now, attempt});
        }
        file->add(change);
    });
    std::int64_t changes_out = file ? file->changes() : 0;
    if (file) {
        file->commit();
    } else {
        --seq;  // nothing to write: no file
    }
    sync.commit(seq, dir.string());
    print(render_sync_line(devices, changes_in, changes_out));
    for (std::size_t i = 0; i < skipped.size(); ++i) {
        std::string message = fmt::format("skipped {}: {}", skipped[i].path.string(), skipped[i].reason);
        std::string hint = skipped[i].foreign ? std::string(k_update_hint) : "";
        if (i + 1 == skipped.size()) throw Error(message, hint);
        fmt::print(stderr, "pie: error: {}\n", message);
        if (!hint.empty()) fmt::print(stderr, "hint: {}\n", hint);
    }
}

SyncStatus read_status(Store& store) {
    Store::SyncState state = store.sync_state();
    SyncStatus status;
    status.dir = state.dir;
    status.device = state.device;
    status.pending_out = store.sync_pending_out();
    if (state.dir.empty()) return status;
    std::map<std::string, std::int64_t> applied = store.sync_applied();
    std::vector<std::string> devices = device_folders(state.dir);
    if (std::find(devices.begin(), devices.end(), state.device) == devices.end()) devices.push_back(state.device);
    for (const std::string& device : devices) {
        SyncDeviceStatus seen;
        seen.device = device;
        seen.self = device == state.device;
        std::map<std::int64_t, fs::path> files = change_files(fs::path(state.dir) / device);
        seen.files = static_cast<std::int64_t>(files.size());
        if (!files.empty()) {
            try {
                seen.last_wrote = read_sync_header(files.rbegin()->second).written_at;
            } catch (const SyncFileError&) {
            }
        }
        if (!seen.self) {
            seen.applied = applied[device];
            for (const auto& [seq, path] : files) seen.pending_in += seq > seen.applied ? 1 : 0;
            if (seen.pending_in > 0 && !files.contains(seen.applied + 1)) seen.waiting_for = seen.applied + 1;
        }
        status.devices.push_back(seen);
    }
    std::stable_partition(status.devices.begin(), status.devices.end(),
                          [](const SyncDeviceStatus& device) { return device.self; });
    return status;
}

void run_status(const SyncOptions& options, Context& context) {
    if (!options.dir.empty()) throw UserError("--status takes no DIR: it shows the DIR of the last sync");
    SyncStatus status = read_status(context.read_store());
    print(options.format == "json" ? render_sync_status_json(status) : render_sync_status_text(status, context.now()));
}

}  // namespace

void register_sync(CLI::App& app, Context& context) {
    auto options = std::make_shared<SyncOptions>();
    CLI::App* sync = &app;
    sync->add_option("DIR", options->dir, "the folder every device syncs through (default: the last one)");
    sync->add_flag("--status", options->status, "show the devices seen and what waits to go in or out");
    sync->add_option("--format", options->format, "with --status: text (default) or json")
        ->check(CLI::IsMember({"text", "json"}));
    set_examples(sync,
                 "  # through a git repository (README: as a cron line or systemd timer)\n"
                 "  cd ~/pie-sync && git pull --rebase && pie sync . && git add -A &&\n"
                 "    git commit -qm sync && git push\n"
                 "  pie sync ~/Sync/pie         # Syncthing, Dropbox, Nextcloud, a USB stick\n"
                 "  pie sync                    # again, through the same folder\n"
                 "  pie sync --status           # devices seen, what waits\n");
    sync->callback([options, &context] {
        if (options->status) {
            run_status(*options, context);
        } else {
            if (options->format != "text") throw UserError("--format goes with --status");
            run_sync(*options, context);
        }
    });
}

}  // namespace pie
