// What every subcommand shares: exit codes for a Status, opening the store, picking a round, writing output.
#include "cli/cli_support.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>

namespace heard::cli {

namespace fs = std::filesystem;

int ExitFor(const Status& status) {
  std::cerr << "heard: " << status.message() << "\n";
  switch (status.code()) {
    case Status::Code::kOk: return kExitOk;
    case Status::Code::kConfig: return kExitConfig;
    case Status::Code::kNotFound:
    case Status::Code::kIo: return kExitNotFound;
    case Status::Code::kInvalidInput: return kExitConfig;
    case Status::Code::kStore: return kExitStore;
  }
  return kExitStore;
}

Result<std::unique_ptr<Store>> OpenStore(const std::string& path, bool must_exist) {
  if (must_exist && !fs::exists(path)) {
    return Status::NotFound(fmt::format("no database at {}", path));
  }
  if (!must_exist) {
    const fs::path parent = fs::path(path).parent_path();
    std::error_code ignored;
    if (!parent.empty()) fs::create_directories(parent, ignored);
  }
  return Store::Open(path);
}

Result<std::string> PickRound(Store& store, const std::string& round) {
  if (!round.empty()) {
    Result<Round> found = store.GetRound(round);
    if (!found.ok()) return found.status();
    return round;
  }
  return store.DefaultRound();
}

Status WriteText(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    std::cout << text;
    return Status::Ok();
  }
  const fs::path parent = fs::path(path).parent_path();
  std::error_code ignored;
  if (!parent.empty()) fs::create_directories(parent, ignored);
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) return Status::Io(fmt::format("cannot write {}", path));
  return Status::Ok();
}

}  // namespace heard::cli
