#pragma once

// `pie sync` (§12) on the file system: the device folders of a DIR, the change files of a
// folder, reading one (checked line by line, streamed) and writing one (temporary name, fsync,
// rename, mode 0600). No SQLite.

#include <pie/sync.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace pie {

// The folders of `dir` named by a device id, sorted; every other name is ignored.
std::vector<std::string> device_folders(const std::filesystem::path& dir);

// The change files of a device's folder by sequence number; names of any other pattern ignored.
std::map<std::int64_t, std::filesystem::path> change_files(const std::filesystem::path& folder);

// The header of a change file (SyncFileError when it has none that this pie reads).
SyncHeader read_sync_header(const std::filesystem::path& path);

// Reads change file `path`, number `seq` of `device`, handing each change to `visit` as it
// comes; throws SyncFileError when the file is foreign or damaged (the caller undoes what
// `visit` did). Returns how many changes it held.
std::int64_t read_change_file(const std::filesystem::path& path, const std::string& device, std::int64_t seq,
                              Instant now, const std::function<void(const SyncChange&)>& visit);

// Holds an exclusive lock (flock) on the database file while it lives, so that two syncs of one
// database run one after the other: each reads its own folder and numbers its file in turn.
class SyncLock {
public:
    explicit SyncLock(const std::filesystem::path& database);
    ~SyncLock();
    SyncLock(const SyncLock&) = delete;
    SyncLock& operator=(const SyncLock&) = delete;

private:
    int m_fd = -1;
};

// Writes one change file under a temporary name (a dotfile, ignored by readers) and renames it
// when complete and on disk; destroyed before commit(), it removes the temporary file.
class ChangeFileWriter {
public:
    ChangeFileWriter(const std::filesystem::path& folder, const SyncHeader& header);
    ~ChangeFileWriter();
    ChangeFileWriter(const ChangeFileWriter&) = delete;
    ChangeFileWriter& operator=(const ChangeFileWriter&) = delete;
    void add(const SyncChange& change);
    std::int64_t changes() const { return m_changes; }
    // Ends the file, syncs it to disk and gives it its name.
    void commit();

private:
    void write_line(const std::string& line);
    std::filesystem::path m_folder;
    std::filesystem::path m_temporary;
    std::filesystem::path m_final;
    std::ofstream m_out;
    Fnv1a m_checksum;
    std::int64_t m_changes = 0;
    bool m_done = false;
};

}  // namespace pie
