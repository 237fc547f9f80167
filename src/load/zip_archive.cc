#include "load/zip_archive.h"

#include <fmt/format.h>
#include <zip.h>

#include <utility>

namespace heard {

struct ZipArchive::Handle {
  std::string bytes;  // libzip reads from here; the string is never resized
  zip_t* zip = nullptr;
  ~Handle() {
    if (zip != nullptr) zip_discard(zip);
  }
};

Result<ZipArchive> ZipArchive::Open(std::string bytes) {
  auto handle = std::make_unique<Handle>();
  handle->bytes = std::move(bytes);
  if (handle->bytes.empty()) return Status::InvalidInput("the file is empty, not a zip archive");
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source =
      zip_source_buffer_create(handle->bytes.data(), handle->bytes.size(), 0, &error);
  if (source == nullptr) {
    std::string reason = zip_error_strerror(&error);
    zip_error_fini(&error);
    return Status::InvalidInput("cannot read the zip archive: " + reason);
  }
  handle->zip = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (handle->zip == nullptr) {
    zip_source_free(source);
    std::string reason = zip_error_strerror(&error);
    zip_error_fini(&error);
    return Status::InvalidInput("not a readable zip archive (" + reason + ")");
  }
  zip_error_fini(&error);
  return ZipArchive(std::move(handle));
}

ZipArchive::ZipArchive(std::unique_ptr<Handle> handle) : handle_(std::move(handle)) {}
ZipArchive::ZipArchive(ZipArchive&&) noexcept = default;
ZipArchive& ZipArchive::operator=(ZipArchive&&) noexcept = default;
ZipArchive::~ZipArchive() = default;

bool ZipArchive::Has(const std::string& name) const {
  return zip_name_locate(handle_->zip, name.c_str(), ZIP_FL_NOCASE) >= 0;
}

Result<std::string> ZipArchive::Read(const std::string& name, size_t max_bytes) const {
  const zip_int64_t index = zip_name_locate(handle_->zip, name.c_str(), ZIP_FL_NOCASE);
  if (index < 0) return Status::NotFound(fmt::format("the archive has no part {}", name));
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(handle_->zip, index, 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE)) {
    return Status::InvalidInput(fmt::format("cannot read the size of part {}", name));
  }
  if (stat.size > max_bytes) {
    return Status::InvalidInput(fmt::format(
        "part {} is {} bytes uncompressed, over the limit of {}", name, stat.size, max_bytes));
  }
  zip_file_t* file = zip_fopen_index(handle_->zip, index, 0);
  if (file == nullptr) {
    return Status::InvalidInput(
        fmt::format("cannot open part {}: {}", name, zip_strerror(handle_->zip)));
  }
  std::string out(static_cast<size_t>(stat.size), '\0');
  size_t done = 0;
  while (done < out.size()) {
    const zip_int64_t n = zip_fread(file, out.data() + done, out.size() - done);
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  // One more read must find the end: a part longer than its stated size is corrupt.
  char extra = 0;
  const zip_int64_t tail = done == out.size() ? zip_fread(file, &extra, 1) : -1;
  std::string reason = tail != 0 ? zip_file_strerror(file) : "";
  zip_fclose(file);
  if (done != out.size() || tail != 0) {
    return Status::InvalidInput(
        fmt::format("part {} is damaged (inflated {} of {} bytes{})", name, done, out.size(),
                    reason.empty() || reason == "No error" ? "" : "; " + reason));
  }
  return out;
}

}  // namespace heard
