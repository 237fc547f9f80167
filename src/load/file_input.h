// A source file opened for reading: a stream that hashes every byte it hands out (SHA-256).
#ifndef HEARD_SRC_LOAD_FILE_INPUT_H_
#define HEARD_SRC_LOAD_FILE_INPUT_H_

#include <cstdio>
#include <istream>
#include <memory>
#include <streambuf>
#include <string>

#include "heard/status.h"
#include "sha256.h"

namespace heard {

// The file is read once, in 256 KiB chunks; the checksum comes for free.
// Threading: one thread.
class FileInput : private std::streambuf {
 public:
  static Result<std::unique_ptr<FileInput>> Open(const std::string& path);
  ~FileInput() override;

  std::istream& stream() { return stream_; }

  // Reads whatever the loader left unread and returns the file's SHA-256.
  std::string FinishSha256();
  int64_t bytes_read() const { return bytes_read_; }

 private:
  explicit FileInput(std::FILE* file);
  int_type underflow() override;

  std::FILE* file_;
  Sha256 hash_;
  std::unique_ptr<char[]> buffer_;
  std::istream stream_;
  int64_t bytes_read_ = 0;
};

}  // namespace heard

#endif  // HEARD_SRC_LOAD_FILE_INPUT_H_
