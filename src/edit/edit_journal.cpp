// The edit journal (edit_journal.h).
#include "edit/edit_journal.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>

#include "io/file_io.h"

namespace indtrack {

namespace {

constexpr int kJournalVersion = 1;

OrderedJson header_json(const JournalHeader& h) {
  OrderedJson j = OrderedJson::object();
  j["indtrack_journal"] = kJournalVersion;
  j["dataset"] = h.dataset;
  j["base"] = h.base;
  j["started"] = h.started;
  return j;
}

std::string line_of(const OrderedJson& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string write_all(int fd, std::string_view bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return std::strerror(n < 0 ? errno : ENOSPC);
    done += static_cast<std::size_t>(n);
  }
  return {};
}

void sync_directory_of(const std::string& path) {
  const int dfd = ::open(directory_of(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0) return;
  ::fsync(dfd);
  ::close(dfd);
}

}  // namespace

std::string journal_path_for(const std::string& dataset_path) { return dataset_path + ".journal"; }

std::string content_fingerprint(std::string_view bytes) {
  std::uint64_t hash = 14695981039346656037ull;  // FNV-1a, 64 bit
  for (unsigned char ch : bytes) {
    hash ^= ch;
    hash *= 1099511628211ull;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return std::string("fnv1a64:") + hex + ":" + std::to_string(bytes.size());
}

JournalContents read_journal(const std::string& path) {
  JournalContents out;
  if (!file_exists(path)) return out;
  out.exists = true;
  const ReadFileResult file = read_whole_file(path, std::size_t(256) << 20);
  if (!file.ok) {
    out.error = "cannot read " + path + ": " + file.error;
    return out;
  }
  std::string_view rest = file.content;
  bool first = true;
  while (!rest.empty()) {
    const std::size_t newline = rest.find('\n');
    if (newline == std::string_view::npos) {  // no line end: cut short while being written
      out.torn_tail = true;
      break;
    }
    const std::string_view line = rest.substr(0, newline);
    rest.remove_prefix(newline + 1);
    const OrderedJson j = OrderedJson::parse(line.begin(), line.end(), nullptr, false);
    if (first) {
      first = false;
      if (!j.is_object() || j.value("indtrack_journal", 0) != kJournalVersion) {
        out.error = path + " is not an indtrack edit journal";
        return out;
      }
      out.header.dataset = j.value("dataset", "");
      out.header.base = j.value("base", "");
      out.header.started = j.value("started", "");
      continue;
    }
    std::string error;
    auto tx = j.is_discarded() ? std::nullopt : transaction_from_json(j, error);
    if (!tx) {
      out.torn_tail = true;
      break;
    }
    out.transactions.push_back(std::move(*tx));
  }
  if (first) out.error = path + " is empty";
  return out;
}

void JournalWriter::start(std::string path, JournalHeader header) {
  close();
  path_ = std::move(path);
  header_ = std::move(header);
  if (header_.started.empty()) {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%S", &local);
    header_.started = buffer;
  }
}

std::string JournalWriter::rewrite(std::string path, JournalHeader header,
                                   const std::vector<EditTransaction>& transactions) {
  start(std::move(path), std::move(header));
  std::string content = line_of(header_json(header_));
  for (const EditTransaction& tx : transactions) content += line_of(to_json(tx));
  const WriteFileResult w = write_file_atomically(path_, content);
  return w.ok ? std::string() : w.error;
}

std::string JournalWriter::open_for_append() {
  if (fd_ >= 0) return {};
  if (path_.empty()) return "no journal was started";
  const int fd = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) return "cannot open the edit journal " + path_ + ": " + std::strerror(errno);
  struct stat st {};
  if (::fstat(fd, &st) == 0 && st.st_size == 0) {
    if (std::string error = write_all(fd, line_of(header_json(header_))); !error.empty()) {
      ::close(fd);
      ::unlink(path_.c_str());
      return "cannot write the edit journal " + path_ + ": " + error;
    }
    ::fsync(fd);
    sync_directory_of(path_);  // the new file's name must survive a crash too
  }
  fd_ = fd;
  return {};
}

std::string JournalWriter::append(const EditTransaction& tx) {
  if (std::string error = open_for_append(); !error.empty()) return error;
  // One write() per record: a kill leaves either the whole line or a cut one, never a mix.
  if (std::string error = write_all(fd_, line_of(to_json(tx))); !error.empty())
    return "cannot write the edit journal " + path_ + ": " + error;
  if (::fsync(fd_) != 0) return "cannot sync the edit journal " + path_ + ": " + std::strerror(errno);
  return {};
}

std::string JournalWriter::remove() {
  const std::string path = path_;
  if (fd_ >= 0) {
    ::close(fd_);
    fd_ = -1;
  }
  if (path.empty() || !file_exists(path)) return {};
  if (::unlink(path.c_str()) != 0)
    return "cannot remove the edit journal " + path + ": " + std::strerror(errno);
  sync_directory_of(path);
  return {};
}

void JournalWriter::reset() {
  close();
  path_.clear();
  header_ = {};
}

void JournalWriter::close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

}  // namespace indtrack
