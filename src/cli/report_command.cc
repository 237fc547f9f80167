// Being written.
#include "cli/commands.h"

namespace heard::cli {
void RegisterReportCommand(CLI::App& app, std::function<int()>& run) {}
}  // namespace heard::cli
