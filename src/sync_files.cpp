#include <pie/error.hpp>
#include <pie/store.hpp>
#include <pie/sync_files.hpp>
#include <pie/uuid.hpp>

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <system_error>

namespace pie {

namespace fs = std::filesystem;

namespace {

// fsync of a file or folder by path; an Error when it fails.
void sync_to_disk(const fs::path& path, int flags) {
    int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0) fail_io("writing", path);
    int status = ::fsync(fd);
    ::close(fd);
    if (status != 0) fail_io("writing", path);
}

}  // namespace

std::vector<std::string> device_folders(const fs::path& dir) {
    std::vector<std::string> devices;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (is_uuid(name) && it->is_directory(ec)) devices.push_back(name);
    }
    std::sort(devices.begin(), devices.end());
    return devices;
}

std::map<std::int64_t, fs::path> change_files(const fs::path& folder) {
    std::map<std::int64_t, fs::path> files;
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        if (auto seq = change_file_seq(it->path().filename().string())) files[*seq] = it->path();
    }
    return files;
}

SyncHeader read_sync_header(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::string line;
    if (!in || !std::getline(in, line)) throw SyncFileError("cannot be read");
    return decode_header(line);
}

std::int64_t read_change_file(const fs::path& path, const std::string& device, std::int64_t seq, Instant now,
                              const std::function<void(const SyncChange&)>& visit) {
    std::ifstream in(path, std::ios::binary);
    std::string line;
    if (!in || !std::getline(in, line)) throw SyncFileError("cannot be read");
    SyncHeader header = decode_header(line);
    if (header.device != device || header.seq != seq) {
        throw SyncFileError("its header names another device or number");
    }
    Fnv1a checksum;
    checksum.add(line);
    checksum.add("\n");
    std::int64_t changes = 0;
    while (std::getline(in, line)) {
        SyncLine read = decode_line(line, now);
        if (!read.change) {
            if (read.changes != changes || read.checksum != checksum.hex()) {
                throw SyncFileError("its checksum does not match its content");
            }
            if (in.peek() != std::ifstream::traits_type::eof()) throw SyncFileError("it goes on after its end");
            return changes;
        }
        checksum.add(line);
        checksum.add("\n");
        visit(*read.change);
        ++changes;
    }
    throw SyncFileError("it is cut short (no end line)");
}

SyncLock::SyncLock(const fs::path& database) : m_fd(::open(database.c_str(), O_RDONLY | O_CLOEXEC)) {
    if (m_fd < 0 || ::flock(m_fd, LOCK_EX) != 0) fail_io("locking", database);
}

SyncLock::~SyncLock() {
    if (m_fd >= 0) ::close(m_fd);
}

ChangeFileWriter::ChangeFileWriter(const fs::path& folder, const SyncHeader& header)
    : m_folder(folder),
      m_temporary(folder / fmt::format(".{}.tmp", change_file_name(header.seq))),
      m_final(folder / change_file_name(header.seq)) {
    int fd = ::open(m_temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0 || ::fchmod(fd, 0600) != 0) fail_io("writing", m_temporary);
    ::close(fd);
    m_out.open(m_temporary, std::ios::binary | std::ios::trunc);
    if (!m_out) fail_io("writing", m_temporary);
    write_line(encode_header(header));
}

ChangeFileWriter::~ChangeFileWriter() {
    if (m_done) return;
    m_out.close();
    std::error_code ec;
    fs::remove(m_temporary, ec);
}

void ChangeFileWriter::write_line(const std::string& line) {
    m_checksum.add(line);
    m_checksum.add("\n");
    m_out << line << '\n';
    if (!m_out) fail_io("writing", m_temporary);
}

void ChangeFileWriter::add(const SyncChange& change) {
    write_line(encode_change(change));
    ++m_changes;
}

void ChangeFileWriter::commit() {
    m_out << encode_trailer(m_changes, m_checksum) << '\n';
    m_out.close();
    if (!m_out) fail_io("writing", m_temporary);
    sync_to_disk(m_temporary, O_RDONLY);
    if (::rename(m_temporary.c_str(), m_final.c_str()) != 0) fail_io("writing", m_final);
    m_done = true;
    sync_to_disk(m_folder, O_RDONLY | O_DIRECTORY);
}

}  // namespace pie
