#pragma once
// Why this exists: every subcommand declares its flags once; parsing rejects unknown flags
// with a message naming them (exit code 2) and reads typed values with clear errors.
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tb::cli {

struct FlagSpec {
    std::string name;    // without the leading dashes: "model"
    bool takesValue;     // --model DIR vs --json
    std::string help;    // one line for --help
};

class Args {
public:
    // Parses argv after the subcommand. Throws tb::UsageError on an unknown flag or a missing value.
    Args(const std::string& command, const std::vector<std::string>& argv,
         const std::vector<FlagSpec>& specs, int maxPositionals = 0);

    bool has(const std::string& flag) const;
    std::string str(const std::string& flag, const std::string& fallback = {}) const;
    std::string required(const std::string& flag) const;
    long long integer(const std::string& flag, long long fallback) const;
    double number(const std::string& flag, double fallback) const;
    std::vector<std::string> list(const std::string& flag) const;      // comma-separated
    std::vector<long long> intList(const std::string& flag) const;     // "1,2,3"
    const std::vector<std::string>& positionals() const { return positionals_; }
    const std::string& command() const { return command_; }

    static std::string helpText(const std::string& command, const std::string& usage,
                                const std::vector<FlagSpec>& specs);

private:
    std::string command_;
    std::map<std::string, std::string> values_;
    std::vector<std::string> positionals_;
};

} // namespace tb::cli
