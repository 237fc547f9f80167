// Status and Result<T>: expected failures returned as values, never thrown.
#ifndef HEARD_STATUS_H_
#define HEARD_STATUS_H_

#include <string>
#include <utility>
#include <variant>

namespace heard {

// What went wrong, in the words a user can act on. Cheap to copy.
class Status {
 public:
  enum class Code {
    kOk,
    kInvalidInput,  // a file or value could not be read as what it claims to be
    kConfig,        // a pipeline or lexicon file is wrong; message carries file:line
    kNotFound,      // a named file, round or record does not exist
    kIo,            // the operating system refused a read or write
    kStore,         // the SQLite store failed or is not a heard database
  };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string msg) { return Status(Code::kInvalidInput, std::move(msg)); }
  static Status Config(std::string msg) { return Status(Code::kConfig, std::move(msg)); }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status Io(std::string msg) { return Status(Code::kIo, std::move(msg)); }
  static Status Store(std::string msg) { return Status(Code::kStore, std::move(msg)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// Either a T or the Status saying why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : value_(std::move(status)) {}  // NOLINT: must not be Ok

  bool ok() const { return std::holds_alternative<T>(value_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(value_);
  }
  T& value() & { return std::get<T>(value_); }
  const T& value() const& { return std::get<T>(value_); }
  T&& value() && { return std::get<T>(std::move(value_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> value_;
};

}  // namespace heard

#endif  // HEARD_STATUS_H_
