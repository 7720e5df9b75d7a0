#pragma once
// Why this exists: core throws tb::Error with context ("loading tokenizer.json: merges[12]
// is not a pair"); the boundaries (CLI, jobs) turn it into a message the user can act on.
#include <stdexcept>
#include <string>

namespace tb {

class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message) : std::runtime_error(message) {}
};

// Input the user supplied is wrong (file, flag, template). The CLI exits with 2 for
// usage errors and 1 for these.
class UsageError : public Error {
public:
    explicit UsageError(const std::string& message) : Error(message) {}
};

} // namespace tb
