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
// link points to (the link stays, and PATH.bak is made beside the real file).
WriteFileResult write_file_atomically(const std::string& path, std::string_view content,
                                      bool keep_backup = false);

// For failure-injection tests: when set, called with the number of bytes about to be written;
// returning false makes that write fail as if the disk were full.
void set_write_fault_hook(std::function<bool(std::size_t)> hook);

std::string directory_of(const std::string& path);  // "data/wuhai.json" -> "data"; "x" -> "."
std::string join_path(const std::string& dir, const std::string& relative);
bool file_exists(const std::string& path);
std::optional<FileStamp> stamp_of(const std::string& path);  // nullopt: cannot stat it
bool is_directory(const std::string& path);

}  // namespace indtrack
