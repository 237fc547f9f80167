#include "load/file_input.h"

#include <cerrno>
#include <cstring>

namespace heard {
namespace {
constexpr size_t kChunk = 256 * 1024;
}  // namespace

Result<std::unique_ptr<FileInput>> FileInput::Open(const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return Status::Io("cannot open " + path + ": " + std::strerror(errno));
  return std::unique_ptr<FileInput>(new FileInput(file));
}

FileInput::FileInput(std::FILE* file)
    : file_(file), buffer_(new char[kChunk]), stream_(this) {}

FileInput::~FileInput() { std::fclose(file_); }

FileInput::int_type FileInput::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  const size_t n = std::fread(buffer_.get(), 1, kChunk, file_);
  if (n == 0) return traits_type::eof();
  hash_.Update(std::string_view(buffer_.get(), n));
  bytes_read_ += static_cast<int64_t>(n);
  setg(buffer_.get(), buffer_.get(), buffer_.get() + n);
  return traits_type::to_int_type(*gptr());
}

std::string FileInput::FinishSha256() {
  setg(buffer_.get(), buffer_.get(), buffer_.get());
  while (underflow() != traits_type::eof()) setg(buffer_.get(), egptr(), egptr());
  return hash_.HexDigest();
}

}  // namespace heard
