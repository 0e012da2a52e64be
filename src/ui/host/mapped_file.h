// A read-only memory map of a whole file. Fonts are mapped rather than read: the atlas build
// touches only the tables and glyphs it needs, so a 3 MB (or 20 MB system) font costs a few
// hundred kilobytes of page-ins instead of a full copy.
#pragma once

#include <cstddef>
#include <string>

namespace indtrack::ui {

class MappedFile {
 public:
  explicit MappedFile(const std::string& path);  // empty() when the file cannot be mapped
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  const unsigned char* data() const { return static_cast<const unsigned char*>(data_); }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

 private:
  void* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace indtrack::ui
