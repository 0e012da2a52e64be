// Result<T>: a value or an Error, for operations that can fail in ways the user must be told about
// (a database gone away, a save refused, a lock not granted). The error says what happened in a
// sentence fit for a message box and carries a kind, so callers decide what to offer (retry,
// reconnect, review a conflict) without parsing text. [[nodiscard]]: an ignored failure is a bug.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace indtrack {

struct Error {
  enum class Kind : unsigned char {
    Invalid,     // bad input: a malformed argument, data the validator refuses
    NotFound,    // what was asked for does not exist
    Io,          // a file could not be read or written
    Connection,  // the database server is unreachable or the connection was lost
    Busy,        // a lock or a statement timed out; trying again later may succeed
    Conflict,    // someone else changed the same record first
    Permission,  // the connected role may not do this
    Schema,      // the database is not initialised, or at another schema version
    Internal,    // a bug or an unexpected answer
  };
  Kind kind = Kind::Internal;
  std::string message;  // "cannot connect to the database server at /tmp: No such file or directory"

  static Error of(Kind kind, std::string message) { return Error{kind, std::move(message)}; }
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT: implicit, so `return value;` works
  Result(Error error) : state_(std::move(error)) {}

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

// Success without a value: Result<Done>.
struct Done {};
inline Result<Done> done() { return Done{}; }

}  // namespace indtrack
