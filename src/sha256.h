// SHA-256 over bytes, in hex; incremental for files read in chunks.
#ifndef HEARD_SRC_SHA256_H_
#define HEARD_SRC_SHA256_H_

#include <memory>
#include <string>
#include <string_view>

namespace heard {

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void Update(std::string_view bytes);
  std::string HexDigest();  // ends the hash; call once

 private:
  struct State;
  std::unique_ptr<State> state_;
};

std::string Sha256Hex(std::string_view bytes);
// The 32 raw bytes of the digest.
std::string Sha256Bytes(std::string_view bytes);

}  // namespace heard

#endif  // HEARD_SRC_SHA256_H_
