// Shared by the subcommands: exit codes for a Status, opening the store, picking a round, writing output.
#ifndef HEARD_SRC_CLI_CLI_SUPPORT_H_
#define HEARD_SRC_CLI_CLI_SUPPORT_H_

#include <memory>
#include <string>

#include "cli/commands.h"
#include "heard/status.h"
#include "heard/store.h"

namespace heard::cli {

// Prints "heard: <message>" to stderr and returns the exit code for it.
int ExitFor(const Status& status);

// Opens a database; with must_exist, a missing file is NotFound (no new file is made).
Result<std::unique_ptr<Store>> OpenStore(const std::string& path, bool must_exist);

// The named round (checked to exist), or the most recently loaded one.
Result<std::string> PickRound(Store& store, const std::string& round);

// Writes to `path`, creating its folder; "" or "-" is standard output.
Status WriteText(const std::string& path, const std::string& text);

}  // namespace heard::cli

#endif  // HEARD_SRC_CLI_CLI_SUPPORT_H_
