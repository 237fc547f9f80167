// A zip archive held in memory (libzip), from which Office Open XML parts are read by name.
#ifndef HEARD_SRC_LOAD_ZIP_ARCHIVE_H_
#define HEARD_SRC_LOAD_ZIP_ARCHIVE_H_

#include <memory>
#include <string>

#include "heard/status.h"

namespace heard {

// Owns the archive's bytes and libzip's handle. Not copyable; movable.
// Threading: one thread.
class ZipArchive {
 public:
  // Fails (kInvalidInput, with libzip's reason) when `bytes` is not a zip archive.
  static Result<ZipArchive> Open(std::string bytes);

  ZipArchive(ZipArchive&&) noexcept;
  ZipArchive& operator=(ZipArchive&&) noexcept;
  ~ZipArchive();

  bool Has(const std::string& name) const;

  // The uncompressed part `name` (matched ignoring case). kNotFound when the
  // archive has no such part; kInvalidInput when it cannot be inflated or
  // is larger than `max_bytes` (a zip bomb is not read).
  Result<std::string> Read(const std::string& name, size_t max_bytes = size_t{1} << 30) const;

 private:
  struct Handle;
  explicit ZipArchive(std::unique_ptr<Handle> handle);
  std::unique_ptr<Handle> handle_;
};

}  // namespace heard

#endif  // HEARD_SRC_LOAD_ZIP_ARCHIVE_H_
