#include "io/atomic_file.hpp"

#include "core/error.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <system_error>

namespace sitmap::io {

namespace fs = std::filesystem;

namespace {

std::string os_error(int err) {
    return std::strerror(err);
}

fs::path directory_of(const fs::path& p) {
    return p.has_parent_path() ? p.parent_path() : fs::path(".");
}

void sync_or_throw(int fd, const fs::path& reported, const char* what) {
    if (::fsync(fd) != 0) throw fmt_error("{}: cannot write {}: {}", reported.string(), what, os_error(errno));
}

void sync_directory(const fs::path& dir, const fs::path& reported, const char* what) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) throw fmt_error("{}: cannot sync directory '{}': {}", reported.string(), dir.string(), os_error(errno));
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    // Some filesystems (and /proc-like ones) refuse fsync on a directory with EINVAL: nothing to sync.
    if (rc != 0 && err != EINVAL)
        throw fmt_error("{}: cannot write {}: syncing directory '{}': {}", reported.string(), what, dir.string(),
                        os_error(err));
}

/// Closes the descriptor on every path out of write_file_atomically.
class Fd {
public:
    explicit Fd(int fd) : fd_(fd) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    int get() const { return fd_; }
    /// close(2) reports deferred write errors (NFS, some FUSE filesystems): it must be checked.
    int close() {
        const int rc = ::close(fd_);
        fd_ = -1;
        return rc;
    }

private:
    int fd_;
};

}  // namespace

fs::path replaceable_target(const fs::path& path, const char* what) {
    std::error_code ec;
    const fs::file_status link = fs::symlink_status(path, ec);
    if (ec || !fs::exists(link)) return path;
    fs::path target = path;
    if (fs::is_symlink(link)) {
        target = fs::canonical(path, ec);
        if (ec) return path;  // a dangling link: it is replaced by the new file
    }
    const fs::file_status st = fs::status(target, ec);
    if (!ec && !fs::is_regular_file(st)) {
        const char* kind = fs::is_directory(st)        ? "a directory"
                           : fs::is_character_file(st) ? "a character device"
                           : fs::is_block_file(st)     ? "a block device"
                           : fs::is_fifo(st)           ? "a FIFO"
                           : fs::is_socket(st)         ? "a socket"
                                                       : "not a regular file";
        throw fmt_error(
            "{}: cannot write {}: it is {}, not a regular file (sitmap writes a new file and renames it "
            "into place, which would replace the node itself)",
            path.string(), what, kind);
    }
    return target;
}

void write_file_atomically(const fs::path& path, std::string_view bytes, const char* what) {
    const fs::path target = replaceable_target(path, what);
    fs::path tmp = target;
    tmp += ".part";
    std::error_code ec;
    fs::remove(tmp, ec);  // a leftover of an earlier crash; O_EXCL below refuses anything else there
    Fd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666));
    if (fd.get() < 0) throw fmt_error("{}: cannot write {}: {}", path.string(), what, os_error(errno));
    const auto fail = [&](int err) {
        std::error_code ignored;
        fs::remove(tmp, ignored);
        return fmt_error("{}: cannot write {}: {}", path.string(), what, os_error(err));
    };
    std::string_view rest = bytes;
    while (!rest.empty()) {
        const ssize_t n = ::write(fd.get(), rest.data(), rest.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) throw fail(n < 0 ? errno : ENOSPC);
        rest.remove_prefix(static_cast<std::size_t>(n));
    }
    if (::fsync(fd.get()) != 0) throw fail(errno);
    if (fd.close() != 0) throw fail(errno);
    if (::rename(tmp.c_str(), target.c_str()) != 0) throw fail(errno);
    sync_directory(directory_of(target), path, what);
}

void replace_durably(const fs::path& tmp, const fs::path& target, const fs::path& reported, const char* what) {
    {
        Fd fd(::open(tmp.c_str(), O_RDONLY | O_CLOEXEC));
        if (fd.get() < 0) throw fmt_error("{}: cannot write {}: {}", reported.string(), what, os_error(errno));
        sync_or_throw(fd.get(), reported, what);
    }
    if (::rename(tmp.c_str(), target.c_str()) != 0)
        throw fmt_error("{}: cannot replace the file: {}", reported.string(), os_error(errno));
    sync_directory(directory_of(target), reported, what);
}

}  // namespace sitmap::io
