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

constexpr int kJournalVersion = 2;  // 1: entries without numbers, states or record identities

OrderedJson header_json(const JournalHeader& h) {
  OrderedJson j = OrderedJson::object();
  j["indtrack_journal"] = kJournalVersion;
  j["dataset"] = h.dataset;
  j["base"] = h.base;
  j["started"] = h.started;
  return j;
}

OrderedJson entry_json(std::uint64_t seq, const std::string& before, const std::string& after,
                       const EditTransaction& tx) {
  OrderedJson j = OrderedJson::object();
  j["seq"] = seq;
  j["before"] = before;
  j["after"] = after;
  const OrderedJson t = to_json(tx);
  for (auto it = t.begin(); it != t.end(); ++it) j[it.key()] = it.value();
  return j;
}

std::string line_of(const OrderedJson& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string write_all(int fd, std::string_view bytes) {
  if (!write_permitted(bytes.size())) return std::strerror(ENOSPC);
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

// One entry line read back; nullopt with `error` when it is not one.
std::optional<JournalEntry> entry_from_json(const OrderedJson& j, std::string& error) {
  if (!j.is_object()) {
    error = "not a JSON object";
    return std::nullopt;
  }
  const auto seq = j.find("seq");
  const auto before = j.find("before");
  const auto after = j.find("after");
  if (seq == j.end() || !seq->is_number_unsigned() || before == j.end() || !before->is_string() ||
      after == j.end() || !after->is_string()) {
    error = "no \"seq\", \"before\" or \"after\"";
    return std::nullopt;
  }
  auto tx = transaction_from_json(j, error);
  if (!tx) return std::nullopt;
  return JournalEntry{seq->get<std::uint64_t>(), before->get<std::string>(), after->get<std::string>(),
                      std::move(*tx)};
}

}  // namespace

std::string journal_path_for(const std::string& dataset_path) { return dataset_path + ".journal"; }

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
  int line_number = 0;
  while (!rest.empty()) {
    const std::size_t newline = rest.find('\n');
    if (newline == std::string_view::npos) {  // no line end: cut short while being written
      if (first) break;
      out.torn_tail = true;
      break;
    }
    const std::string_view line = rest.substr(0, newline);
    rest.remove_prefix(newline + 1);
    ++line_number;
    const OrderedJson j = OrderedJson::parse(line.begin(), line.end(), nullptr, false);
    if (first) {
      first = false;
      const int version = j.is_object() ? j.value("indtrack_journal", 0) : 0;
      if (version == 1) {
        out.error = path +
                    " was written by an older indtrack, whose journal entries cannot be checked "
                    "against the file: it is not replayed";
        return out;
      }
      if (version != kJournalVersion) {
        out.error = path + " is not an indtrack edit journal";
        return out;
      }
      out.header.dataset = j.value("dataset", "");
      out.header.base = j.value("base", "");
      out.header.started = j.value("started", "");
      continue;
    }
    const std::uint64_t expected = out.entries.size() + 1;
    std::string error;
    std::optional<JournalEntry> entry;
    if (!j.is_discarded()) entry = entry_from_json(j, error);
    if (!entry) {
      out.broken = "entry " + std::to_string(expected) + " (line " + std::to_string(line_number) +
                   ") is damaged" + (error.empty() ? std::string() : ": " + error);
      break;
    }
    if (entry->seq != expected) {
      out.broken = "entry " + std::to_string(expected) + " is missing (line " + std::to_string(line_number) +
                   " holds entry " + std::to_string(entry->seq) + ")";
      break;
    }
    if (!out.entries.empty() && entry->before != out.entries.back().after) {
      out.broken = "entry " + std::to_string(expected) + " does not continue from the state entry " +
                   std::to_string(expected - 1) + " left";
      break;
    }
    out.entries.push_back(std::move(*entry));
  }
  if (first) out.error = path + " is empty";
  return out;
}

void JournalWriter::start(std::string path, JournalHeader header) {
  close();
  path_ = std::move(path);
  header_ = std::move(header);
  entries_.clear();
  stop_reason_.clear();
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
                                   const std::vector<JournalEntry>& entries) {
  start(std::move(path), std::move(header));
  for (const JournalEntry& e : entries)
    entries_.push_back(line_of(entry_json(e.seq, e.before, e.after, e.tx)));
  std::string error = rewrite_all();
  if (!error.empty()) stop_reason_ = error;
  return error;
}

// The header and every entry, replacing the file atomically; then appends go to the new file.
std::string JournalWriter::rewrite_all() {
  close();
  std::string content = line_of(header_json(header_));
  for (const std::string& line : entries_) content += line;
  const WriteFileResult w = write_file_atomically(path_, content);
  if (!w.ok) return "cannot write the edit journal: " + w.error;
  if (std::string error = open_for_append(); !error.empty()) return error;
  stop_reason_.clear();
  return {};
}

bool JournalWriter::still_ours() const {
  struct stat opened {
  }, named{};
  if (::fstat(fd_, &opened) != 0 || opened.st_nlink == 0) return false;
  if (::stat(path_.c_str(), &named) != 0) return false;
  return opened.st_dev == named.st_dev && opened.st_ino == named.st_ino;
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

JournalWriter::AppendResult JournalWriter::append(const EditTransaction& tx, std::string before,
                                                  std::string after) {
  AppendResult result;
  if (path_.empty()) {
    result.error = "no journal was started";
    return result;
  }
  entries_.push_back(line_of(entry_json(entries_.size() + 1, before, after, tx)));
  // Appending is safe only to the file that holds every earlier entry. After a failure, or when
  // the file was removed or replaced meanwhile, or reopened with earlier entries in it that we
  // cannot vouch for, the whole journal is written again instead.
  const bool was_stopped = stopped();
  const bool missing = fd_ >= 0 && !still_ours();
  if (was_stopped || missing || (fd_ < 0 && entries_.size() > 1)) {
    const std::string error = rewrite_all();
    if (!error.empty()) {
      stop_reason_ = error;
      result.error = error;
      return result;
    }
    result.outcome = was_stopped || missing ? Outcome::Resumed : Outcome::Written;
    if (missing)
      result.error = "the edit journal " + path_ + " had been removed or replaced; it was written again";
    return result;
  }
  std::string error = open_for_append();
  if (error.empty()) {
    // One write() per entry: a kill leaves either the whole line or a cut one, never a mix.
    if (std::string why = write_all(fd_, entries_.back()); !why.empty())
      error = "cannot write the edit journal " + path_ + ": " + why;
    else if (::fsync(fd_) != 0)
      error = "cannot sync the edit journal " + path_ + ": " + std::strerror(errno);
  }
  if (!error.empty()) {
    close();  // never append after a failed write: the line may be half on disk
    stop_reason_ = error;
    result.error = error;
    return result;
  }
  result.outcome = Outcome::Written;
  return result;
}

std::string JournalWriter::remove() {
  const std::string path = path_;
  close();
  entries_.clear();
  stop_reason_.clear();
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
  entries_.clear();
  stop_reason_.clear();
}

void JournalWriter::close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

}  // namespace indtrack
