#pragma once

// `pie sync` output (§12): the one line of a sync, and --status as text or JSON.

#include <pie/sync.hpp>

#include <cstdint>
#include <string>

namespace pie {

// "synced with 2 other devices: 14 changes in, 3 out".
std::string render_sync_line(std::int64_t devices, std::int64_t changes_in, std::int64_t changes_out);

// The DIR, this device and its changes waiting to go out, then one line per other device seen:
// its id, when it last wrote, and the files waiting to be applied (and the one they wait for).
std::string render_sync_status_text(const SyncStatus& status, Instant now);

// {"dir", "device", "pending_out", "devices": [{"device", "self", "files", "last_wrote",
// "applied", "pending_in", "waiting_for"}]} (this device first); `dir` null when never synced.
std::string render_sync_status_json(const SyncStatus& status);

}  // namespace pie
