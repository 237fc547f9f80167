// Being written.
#include "cli/commands.h"

namespace heard::cli {
void RegisterQueryCommands(CLI::App& app, std::function<int()>& run) {}
}  // namespace heard::cli
