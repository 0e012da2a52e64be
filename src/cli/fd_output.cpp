// FdOutput (fd_output.h).
#include "cli/fd_output.h"

#include <unistd.h>

#include <cerrno>

namespace indtrack {

bool FdOutput::drain() {
  const char* data = pbase();
  std::size_t left = static_cast<std::size_t>(pptr() - pbase());
  while (left > 0 && error_ == 0) {
    const ssize_t n = ::write(fd_, data, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      error_ = n < 0 ? errno : ENOSPC;
      break;
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  setp(buffer_, buffer_ + sizeof buffer_);
  return error_ == 0;
}

FdOutput::int_type FdOutput::overflow(int_type ch) {
  if (!drain()) return traits_type::eof();
  if (!traits_type::eq_int_type(ch, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(ch);
    pbump(1);
  }
  return traits_type::not_eof(ch);
}

int FdOutput::sync() { return drain() ? 0 : -1; }

int output_error(const std::ostream& out) {
  const auto* fd = dynamic_cast<const FdOutput*>(out.rdbuf());
  return fd ? fd->error() : 0;
}

}  // namespace indtrack
