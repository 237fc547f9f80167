// Zip archives written in memory with libzip, for the tests and the fuzz target that build Word
// and Excel files from their parts. No Catch2 here: fuzz/fuzz_office.cc includes it too.
#ifndef HEARD_TESTS_LOAD_ZIP_BYTES_H_
#define HEARD_TESTS_LOAD_ZIP_BYTES_H_

#include <zip.h>

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace heard::testing {

using Parts = std::vector<std::pair<std::string, std::string>>;

// A zip archive holding `parts` (name, content), as bytes; empty when libzip cannot write it.
// Parts are deflated, or stored as they are when `store` is set (faster, for fuzzing).
inline std::string ZipBytes(const Parts& parts, bool store = false) {
  std::string bytes;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* zip = buffer == nullptr ? nullptr : zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (zip == nullptr) {
    if (buffer != nullptr) zip_source_free(buffer);
    zip_error_fini(&error);
    return bytes;
  }
  zip_source_keep(buffer);  // zip_close frees the archive's hold on it; the bytes stay here
  bool ok = true;
  for (size_t i = 0; ok && i < parts.size(); ++i) {
    zip_source_t* part = zip_source_buffer(zip, parts[i].second.data(), parts[i].second.size(), 0);
    const zip_int64_t index =
        part == nullptr ? -1 : zip_file_add(zip, parts[i].first.c_str(), part, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      if (part != nullptr) zip_source_free(part);
      ok = false;
    } else if (store) {
      zip_set_file_compression(zip, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
    }
  }
  if (ok) {
    ok = zip_close(zip) == 0;
  } else {
    zip_discard(zip);
  }
  if (ok && zip_source_open(buffer) == 0) {
    if (zip_source_seek(buffer, 0, SEEK_END) == 0) {
      const zip_int64_t size = zip_source_tell(buffer);
      if (size > 0 && zip_source_seek(buffer, 0, SEEK_SET) == 0) {
        bytes.resize(static_cast<size_t>(size));
        if (zip_source_read(buffer, bytes.data(), static_cast<zip_uint64_t>(size)) != size) {
          bytes.clear();
        }
      }
    }
    zip_source_close(buffer);
  }
  zip_source_free(buffer);
  zip_error_fini(&error);
  return bytes;
}

}  // namespace heard::testing

#endif  // HEARD_TESTS_LOAD_ZIP_BYTES_H_
