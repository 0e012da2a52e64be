// content_fingerprint (fingerprint.h).
#include "core/fingerprint.h"

#include <cstdint>
#include <cstdio>

namespace indtrack {

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

}  // namespace indtrack
