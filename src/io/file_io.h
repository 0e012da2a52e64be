// Reading whole files with clear errors, and writing them atomically: a temporary file in the
// same directory, fsync, rename over the target (optionally keeping the old file as PATH.bak),
// so a crash or a full disk never leaves a half-written file behind.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace indtrack {

struct ReadFileResult {
  bool ok = false;
  std::string content;
  std::string error;  // "No such file or directory", "is a directory", ...
};
inline constexpr std::size_t kMaxFileBytes = std::size_t(1) << 30;  // 1 GiB

// Refuses files above `max_bytes` without reading them.
ReadFileResult read_whole_file(const std::string& path, std::size_t max_bytes = kMaxFileBytes);

// The same checks and errors as read_whole_file, into memory the caller provides: `buffer(size)`
// is called once with the file's size and returns where its bytes go (nullptr: out of memory).
// Lets the dataset loader read straight into simdjson's padded buffer: no zero-filled
// std::string and no second copy of a 300 MB file. Returns "" or the error; `bytes_read` may be
// less than the size if the file shrank meanwhile.
// Identifies one version of a file: if any field differs between two reads, it was modified or
// replaced in between.
struct FileStamp {
  std::uint64_t device = 0, inode = 0, size = 0;
  std::int64_t modified_ns = 0;
  friend bool operator==(const FileStamp&, const FileStamp&) = default;
};

std::string read_file_into(const std::string& path, std::size_t max_bytes,
                           const std::function<char*(std::size_t)>& buffer, std::size_t& bytes_read,
                           FileStamp* stamp = nullptr);

struct WriteFileResult {
  bool ok = false;
  std::string error;  // "cannot write out/x.png: No space left on device"
};
// A replaced file keeps its permissions; a path that is a symbolic link replaces the file the
// link points to (the link stays, and PATH.bak is made beside the real file). Only regular files
// are written: a device, a FIFO or a socket (or a link to one) is refused with what it is, never
// replaced. Temporary files PATH.tmp-PID-N left by a process that was killed while writing PATH
// (its PID no longer alive) are removed first.
WriteFileResult write_file_atomically(const std::string& path, std::string_view content,
                                      bool keep_backup = false);

// What `path` is when it exists and is not a regular file (symbolic links followed): "a
// directory", "a character device", "a block device", "a FIFO (named pipe)", "a socket"; empty
// for a regular file or nothing at all.
std::string non_regular_kind(const std::string& path);
// Why `path` cannot be written as a file: "it is a directory", "it is a symbolic link to
// /dev/full, a character device, not a regular file: …"; empty when it is a regular file or
// does not exist.
std::string why_not_writable_file(const std::string& path);
// Removes PATH.tmp-PID-N files of processes no longer alive; returns how many.
std::size_t remove_stale_temporaries(const std::string& path);

// For failure-injection tests: when set, called with the number of bytes about to be written;
// returning false makes that write fail as if the disk were full.
void set_write_fault_hook(std::function<bool(std::size_t)> hook);
// False when the fault hook makes a write of `bytes` fail (writers other than
// write_file_atomically, such as the edit journal's appends, ask it too).
bool write_permitted(std::size_t bytes);

std::string directory_of(const std::string& path);  // "data/wuhai.json" -> "data"; "x" -> "."
std::string join_path(const std::string& dir, const std::string& relative);
bool file_exists(const std::string& path);
std::optional<FileStamp> stamp_of(const std::string& path);  // nullopt: cannot stat it
bool is_directory(const std::string& path);
// The full path of an executable `program` in $PATH (/usr/bin:/bin when unset); empty when none.
std::string program_on_path(std::string_view program);

}  // namespace indtrack
