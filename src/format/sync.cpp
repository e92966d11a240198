#include <pie/format/json.hpp>
#include <pie/format/sync.hpp>
#include <pie/text.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace pie {

std::string render_sync_line(std::int64_t devices, std::int64_t changes_in, std::int64_t changes_out) {
    return fmt::format("synced with {} other {}: {} {} in, {} out\n", devices, devices == 1 ? "device" : "devices",
                       changes_in, changes_in == 1 ? "change" : "changes", changes_out);
}

std::string render_sync_status_text(const SyncStatus& status, Instant now) {
    auto changes = [](std::int64_t n) { return fmt::format("{} {}", n, n == 1 ? "change" : "changes"); };
    if (status.dir.empty()) {
        return fmt::format("this device {}\n  never synced; {} to go out\n", status.device,
                           changes(status.pending_out));
    }
    std::string out =
        fmt::format("DIR {}\nthis device {}\n  {} to go out\n", status.dir, status.device, changes(status.pending_out));
    for (const SyncDeviceStatus& device : status.devices) {
        if (device.self) continue;
        std::string wrote = device.last_wrote ? format_short(*device.last_wrote, now) : "never";
        std::string waiting = "up to date";
        if (device.pending_in > 0) {
            waiting = fmt::format("{} {} to apply", device.pending_in, device.pending_in == 1 ? "file" : "files");
            if (device.waiting_for) waiting += fmt::format(", waiting for file {}", *device.waiting_for);
        }
        out += fmt::format("other device {}\n  last wrote {}; {}\n", device.device, wrote, waiting);
    }
    return out;
}

std::string render_sync_status_json(const SyncStatus& status) {
    using Json = nlohmann::ordered_json;
    Json devices = Json::array();
    for (const SyncDeviceStatus& device : status.devices) {
        devices.push_back({{"device", device.device},
                           {"self", device.self},
                           {"files", device.files},
                           {"last_wrote", device.last_wrote ? Json(format_iso(*device.last_wrote)) : Json(nullptr)},
                           {"applied", device.applied},
                           {"pending_in", device.pending_in},
                           {"waiting_for", device.waiting_for ? Json(*device.waiting_for) : Json(nullptr)}});
    }
    return json_text({{"dir", status.dir.empty() ? Json(nullptr) : Json(status.dir)},
                      {"device", status.device},
                      {"pending_out", status.pending_out},
                      {"devices", devices}});
}

}  // namespace pie
