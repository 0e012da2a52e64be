// FileLock (file_lock.h). The lock file is unlinked on release; to stay correct when another
// process unlinks it between our open() and flock(), the inode locked is compared with the one
// the path names now, and the attempt is repeated when they differ.
#include "io/file_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <sstream>

namespace indtrack {

namespace {

LockHolder read_holder(int fd) {
  LockHolder holder;
  char buffer[256] = {};
  const ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
  if (n <= 0) return holder;
  std::istringstream in(std::string(buffer, static_cast<std::size_t>(n)));
  in >> holder.pid >> holder.host;
  if (!in && holder.pid <= 0) holder = {};
  return holder;
}

std::string this_host() {
  char name[256] = {};
  if (::gethostname(name, sizeof name - 1) != 0) return "unknown";
  return name;
}

}  // namespace

FileLock::FileLock(FileLock&& other) noexcept : fd_(other.fd_), path_(std::move(other.path_)) {
  other.fd_ = -1;
}

FileLock& FileLock::operator=(FileLock&& other) noexcept {
  if (this != &other) {
    release();
    fd_ = other.fd_;
    path_ = std::move(other.path_);
    other.fd_ = -1;
  }
  return *this;
}

FileLock::Result FileLock::acquire(const std::string& path) {
  release();
  Result result;
  const std::string lock_path = lock_path_for(path);
  for (int attempt = 0; attempt < 8; ++attempt) {
    const int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
      result.error = "cannot create the lock file " + lock_path + ": " + std::strerror(errno);
      return result;
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      const int why = errno;
      if (why == EWOULDBLOCK) {
        result.outcome = Outcome::HeldByOther;
        result.holder = read_holder(fd);
      } else {
        result.error = "cannot lock " + lock_path + ": " + std::strerror(why);
      }
      ::close(fd);
      return result;
    }
    struct stat locked {
    }, named{};
    if (::fstat(fd, &locked) != 0 || ::stat(lock_path.c_str(), &named) != 0 ||
        locked.st_ino != named.st_ino || locked.st_dev != named.st_dev) {
      ::close(fd);  // the holder we waited for removed this file: lock the new one
      continue;
    }
    const std::string content = std::to_string(::getpid()) + " " + this_host() + "\n";
    if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, content.data(), content.size(), 0) < 0) {
      // The lock is held even if the note about the holder could not be written.
    }
    fd_ = fd;
    path_ = path;
    result.outcome = Outcome::Acquired;
    return result;
  }
  result.error = "the lock file " + lock_path + " keeps being replaced";
  return result;
}

void FileLock::release() {
  if (fd_ < 0) return;
  ::unlink(lock_path_for(path_).c_str());  // while still locked: see the header comment
  ::close(fd_);
  fd_ = -1;
  path_.clear();
}

}  // namespace indtrack
