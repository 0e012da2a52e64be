// The command-line verbs' standard output: written with write(2) through our own buffer, which
// remembers why a write failed. std::cout forgets it: once a write has failed the stream only
// sets badbit, so a verb whose output outgrew the buffer on a full disk could only say "cannot
// write the output", without the reason.
#pragma once

#include <ostream>
#include <streambuf>

namespace indtrack {

class FdOutput : public std::streambuf {
 public:
  explicit FdOutput(int fd) : fd_(fd) { setp(buffer_, buffer_ + sizeof buffer_); }
  ~FdOutput() override { sync(); }
  FdOutput(const FdOutput&) = delete;
  FdOutput& operator=(const FdOutput&) = delete;

  int error() const { return error_; }  // errno of the first failed write; 0 when none failed

 protected:
  int_type overflow(int_type ch) override;
  int sync() override;

 private:
  bool drain();  // writes the buffer out; false (error_ set) when a write failed

  int fd_;
  int error_ = 0;
  char buffer_[1 << 16];
};

// The errno of the first failed write of `out` when it writes through an FdOutput, else 0.
int output_error(const std::ostream& out);

}  // namespace indtrack
