#include "io/file_io.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <random>

namespace indtrack {
namespace {
// Both stamps (of an opened file and of a path) are built here, so they compare equal exactly
// when nothing changed.
FileStamp stamp_from(const struct stat& st) {
  return FileStamp{static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino),
                   static_cast<std::uint64_t>(st.st_size),
                   static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
}

std::function<bool(std::size_t)>& fault_hook() {
  static std::function<bool(std::size_t)> hook;
  return hook;
}
}  // namespace

void set_write_fault_hook(std::function<bool(std::size_t)> hook) { fault_hook() = std::move(hook); }

bool write_permitted(std::size_t bytes) { return !fault_hook() || fault_hook()(bytes); }

std::string read_file_into(const std::string& path, std::size_t max_bytes,
                           const std::function<char*(std::size_t)>& buffer, std::size_t& bytes_read,
                           FileStamp* stamp) {
  bytes_read = 0;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::strerror(errno);
  if (S_ISDIR(st.st_mode)) return "is a directory, not a file";
  if (!S_ISREG(st.st_mode)) return "is not a regular file";
  if (static_cast<std::size_t>(st.st_size) > max_bytes)
    return "is too large (" + std::to_string(st.st_size / (1024 * 1024)) + " MB; the limit is " +
           std::to_string(max_bytes / (1024 * 1024)) + " MB)";
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::strerror(errno);
  struct stat opened {};
  if (stamp && ::fstat(fd, &opened) == 0)  // the version actually opened
    *stamp = stamp_from(opened);
  const std::size_t size = static_cast<std::size_t>(st.st_size);
  char* out = buffer(size);
  if (!out) {
    ::close(fd);
    return std::strerror(ENOMEM);
  }
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n = ::read(fd, out + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const std::string why = std::strerror(errno);
      ::close(fd);
      return why;
    }
    if (n == 0) break;  // the file shrank while reading
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
  bytes_read = done;
  return {};
}

ReadFileResult read_whole_file(const std::string& path, std::size_t max_bytes) {
  ReadFileResult r;
  std::size_t bytes_read = 0;
  r.error = read_file_into(
      path, max_bytes,
      [&](std::size_t size) {
        r.content.resize(size);
        return r.content.data();
      },
      bytes_read);
  r.content.resize(bytes_read);
  r.ok = r.error.empty();
  return r;
}

std::string directory_of(const std::string& path) {
  const auto slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string join_path(const std::string& dir, const std::string& relative) {
  if (!relative.empty() && relative.front() == '/') return relative;
  if (dir.empty() || dir == ".") return relative;
  return dir.back() == '/' ? dir + relative : dir + "/" + relative;
}

std::optional<FileStamp> stamp_of(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return stamp_from(st);
}

bool file_exists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string non_regular_kind(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || S_ISREG(st.st_mode)) return {};
  if (S_ISDIR(st.st_mode)) return "a directory";
  if (S_ISCHR(st.st_mode)) return "a character device";
  if (S_ISBLK(st.st_mode)) return "a block device";
  if (S_ISFIFO(st.st_mode)) return "a FIFO (named pipe)";
  if (S_ISSOCK(st.st_mode)) return "a socket";
  return "not a regular file";
}

std::string why_not_writable_file(const std::string& path) {
  const std::string kind = non_regular_kind(path);
  if (kind.empty()) return {};
  if (kind == "a directory") return "it is a directory";
  // Replacing /dev/full or a FIFO by a regular file (as root) breaks whoever relies on it.
  struct stat link_st {};
  std::string what = "it is " + kind;
  if (::lstat(path.c_str(), &link_st) == 0 && S_ISLNK(link_st.st_mode)) {
    char* real = ::realpath(path.c_str(), nullptr);
    what = "it is a symbolic link to " + std::string(real ? real : "?") + ", " + kind;
    std::free(real);
  }
  return what + ", not a regular file: indtrack writes only regular files";
}

std::size_t remove_stale_temporaries(const std::string& path) {
  const std::string dir = directory_of(path);
  const std::string prefix = path.substr(path.find_last_of('/') + 1) + ".tmp-";
  DIR* d = ::opendir(dir.c_str());
  if (!d) return 0;
  std::size_t removed = 0;
  const long self = static_cast<long>(::getpid());
  while (const dirent* e = ::readdir(d)) {
    const std::string_view name = e->d_name;
    if (name.substr(0, prefix.size()) != prefix) continue;
    // PATH.tmp-<pid>-<n>, as written below.
    const std::string_view rest = name.substr(prefix.size());
    const std::size_t dash = rest.find('-');
    if (dash == 0 || dash == std::string_view::npos || dash + 1 == rest.size()) continue;
    if (rest.find_first_not_of("0123456789-") != std::string_view::npos) continue;
    const long pid = std::strtol(std::string(rest.substr(0, dash)).c_str(), nullptr, 10);
    // Only a writer that is gone: a live one (or this process) may still be writing it.
    if (pid <= 0 || pid == self || ::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;
    if (::unlink(join_path(dir, std::string(name)).c_str()) == 0) ++removed;
  }
  ::closedir(d);
  return removed;
}

bool is_directory(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::string program_on_path(std::string_view program) {
  const char* path = std::getenv("PATH");
  std::string_view dirs = path ? path : "/usr/bin:/bin";
  while (!dirs.empty()) {
    const std::size_t colon = dirs.find(':');
    const std::string_view dir = dirs.substr(0, colon);
    dirs = colon == std::string_view::npos ? std::string_view() : dirs.substr(colon + 1);
    if (dir.empty()) continue;
    const std::string candidate = std::string(dir) + "/" + std::string(program);
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return {};
}

WriteFileResult write_file_atomically(const std::string& link_or_path, std::string_view content,
                                      bool keep_backup) {
  WriteFileResult r;
  auto fail = [&](const std::string& what) {
    r.error = "cannot write " + link_or_path + ": " + what;
    return r;
  };
  // Through a symbolic link, replace the file it points to: renaming over the link itself would
  // turn it into a regular file and leave the real file stale.
  std::string path = link_or_path;
  struct stat link_st {};
  if (::lstat(path.c_str(), &link_st) == 0 && S_ISLNK(link_st.st_mode)) {
    char* real = ::realpath(path.c_str(), nullptr);
    if (!real)
      return fail(std::string("it is a symbolic link that cannot be followed: ") + std::strerror(errno));
    path = real;
    std::free(real);
  }
  if (std::string why = why_not_writable_file(link_or_path); !why.empty()) return fail(why);
  const std::string dir = directory_of(path);
  if (!is_directory(dir))
    return fail(file_exists(dir) ? dir + " is a file, not a directory"
                                 : "directory " + dir + " does not exist");
  struct stat old_st {};
  const bool replacing = ::stat(path.c_str(), &old_st) == 0;
  remove_stale_temporaries(path);

  std::random_device rd;
  const std::string tmp = path + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(rd() % 1000000);
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return fail(std::strerror(errno));
  if (replacing) ::fchmod(fd, old_st.st_mode & 07777);  // keep the file's permissions (0600 stays private)

  std::size_t done = 0;
  while (done < content.size()) {
    const std::size_t chunk = std::min<std::size_t>(content.size() - done, std::size_t(1) << 20);
    if (fault_hook() && !fault_hook()(chunk)) {
      ::close(fd);
      ::unlink(tmp.c_str());
      return fail(std::strerror(ENOSPC));
    }
    const ssize_t n = ::write(fd, content.data() + done, chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const std::string why = std::strerror(n < 0 ? errno : ENOSPC);
      ::close(fd);
      ::unlink(tmp.c_str());
      return fail(why);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    const std::string why = std::strerror(errno);
    ::close(fd);
    ::unlink(tmp.c_str());
    return fail(why);
  }
  if (::close(fd) != 0) {
    const std::string why = std::strerror(errno);
    ::unlink(tmp.c_str());
    return fail(why);
  }
  if (keep_backup && file_exists(path)) {
    const std::string backup = path + ".bak";
    if (::unlink(backup.c_str()) != 0 && errno != ENOENT) {
      const int why = errno;
      ::unlink(tmp.c_str());
      return fail("cannot replace the previous backup " + backup + ": " + std::strerror(why) +
                  (why == EPERM ? " (is it immutable or append-only? lsattr shows it, chattr -i clears it)"
                                : std::string()));
    }
    if (::link(path.c_str(), backup.c_str()) != 0) {
      const std::string why = std::strerror(errno);
      ::unlink(tmp.c_str());
      return fail("cannot keep a backup " + backup + ": " + why);
    }
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    ::unlink(tmp.c_str());
    return fail(why);
  }
  // Make the rename itself durable.
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  r.ok = true;
  return r;
}

}  // namespace indtrack
