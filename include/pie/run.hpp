#pragma once

namespace pie {

// The whole program: parses the command line, runs the command, prints any error as
// `pie: error: ...` on stderr, and returns the exit code (0 ok, 1 runtime failure, 2 usage error).
int run(int argc, char** argv);

}  // namespace pie
