// Runs a program to completion and captures what it printed, for tests that drive the
// real binary.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace testing_support {

struct ProcessResult {
    int exitCode = -1;   // 128 + signal when killed by a signal
    std::string out;
    std::string err;
    bool timedOut = false;
};

// `environment` entries are added to (or, with an empty value, removed from) the current one.
ProcessResult runProcess(const std::vector<std::string>& arguments,
                         const std::map<std::string, std::string>& environment = {}, int timeoutSeconds = 120);

// Lines of `text` that look like warnings or errors from the app's log.
std::vector<std::string> problemLines(const std::string& text);

} // namespace testing_support
