// An advisory lock beside a file (PATH.lock, flock(2)) so that two indtrack windows never edit
// the same dataset: the first takes it, the second learns who holds it and opens the file
// read-only instead of letting two writers clobber each other's saves. The kernel releases the
// lock when its holder exits or is killed, so a stale PATH.lock never blocks anyone.
#pragma once

#include <string>

namespace indtrack {

// Who holds a lock, as written into the lock file by its holder.
struct LockHolder {
  long pid = 0;      // 0 when the file could not be read
  std::string host;  // hostname of the holder (a dataset on a network share may be opened twice)
};

class FileLock {
 public:
  enum class Outcome : unsigned char {
    Acquired,     // this object holds the lock now
    HeldByOther,  // another process holds it (see holder)
    Unavailable,  // the lock file cannot be created (read-only folder, ...): see error
  };
  struct Result {
    Outcome outcome = Outcome::Unavailable;
    LockHolder holder;
    std::string error;
  };

  FileLock() = default;
  ~FileLock() { release(); }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;
  FileLock(FileLock&& other) noexcept;
  FileLock& operator=(FileLock&& other) noexcept;

  static std::string lock_path_for(const std::string& path) { return path + ".lock"; }

  // Tries once to lock `path` (the dataset; the lock file is lock_path_for(path)); never blocks.
  // Releases a lock this object held on another path first.
  Result acquire(const std::string& path);
  // Removes the lock file and releases the lock (no-op when not held).
  void release();
  bool held() const { return fd_ >= 0; }
  const std::string& path() const { return path_; }  // the dataset path locked

 private:
  int fd_ = -1;
  std::string path_;
};

}  // namespace indtrack
