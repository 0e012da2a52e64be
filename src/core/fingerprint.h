// A short name for exact bytes: "fnv1a64:<16 hex digits>:<size>". Two texts with the same
// fingerprint are, for our purposes, the same text (FNV-1a is not a cryptographic hash: it tells
// versions of one file apart, it does not defend against forgery).
#pragma once

#include <string>
#include <string_view>

namespace indtrack {

std::string content_fingerprint(std::string_view bytes);

}  // namespace indtrack
