#include "cli/Args.h"

#include "util/Error.h"

#include <cstdlib>
#include <sstream>

namespace tb::cli {

Args::Args(const std::string& command, const std::vector<std::string>& argv,
           const std::vector<FlagSpec>& specs, int maxPositionals)
    : command_(command) {
    for (size_t i = 0; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a.size() > 2 && a.compare(0, 2, "--") == 0) {
            std::string name = a.substr(2);
            std::string value;
            bool inlineValue = false;
            if (auto eq = name.find('='); eq != std::string::npos) {
                value = name.substr(eq + 1);
                name = name.substr(0, eq);
                inlineValue = true;
            }
            const FlagSpec* spec = nullptr;
            for (const auto& s : specs)
                if (s.name == name) spec = &s;
            if (!spec)
                throw UsageError("tunebench " + command + ": unknown flag --" + name +
                                 " (see `tunebench " + command + " --help`)");
            if (spec->takesValue && !inlineValue) {
                if (i + 1 >= argv.size())
                    throw UsageError("tunebench " + command + ": --" + name + " needs a value");
                value = argv[++i];
            } else if (!spec->takesValue && inlineValue) {
                throw UsageError("tunebench " + command + ": --" + name + " takes no value");
            }
            values_[name] = value;
        } else {
            if (static_cast<int>(positionals_.size()) >= maxPositionals)
                throw UsageError("tunebench " + command + ": unexpected argument '" + a + "'");
            positionals_.push_back(a);
        }
    }
}

bool Args::has(const std::string& flag) const { return values_.count(flag) > 0; }

std::string Args::str(const std::string& flag, const std::string& fallback) const {
    auto it = values_.find(flag);
    return it == values_.end() ? fallback : it->second;
}

std::string Args::required(const std::string& flag) const {
    auto it = values_.find(flag);
    if (it == values_.end() || it->second.empty())
        throw UsageError("tunebench " + command_ + ": --" + flag + " is required");
    return it->second;
}

long long Args::integer(const std::string& flag, long long fallback) const {
    if (!has(flag)) return fallback;
    const std::string v = str(flag);
    char* end = nullptr;
    long long r = std::strtoll(v.c_str(), &end, 10);
    if (v.empty() || *end != '\0')
        throw UsageError("tunebench " + command_ + ": --" + flag + " expects an integer, got '" + v + "'");
    return r;
}

double Args::number(const std::string& flag, double fallback) const {
    if (!has(flag)) return fallback;
    const std::string v = str(flag);
    char* end = nullptr;
    double r = std::strtod(v.c_str(), &end);
    if (v.empty() || *end != '\0')
        throw UsageError("tunebench " + command_ + ": --" + flag + " expects a number, got '" + v + "'");
    return r;
}

std::vector<std::string> Args::list(const std::string& flag) const {
    std::vector<std::string> out;
    if (!has(flag)) return out;
    std::stringstream ss(str(flag));
    std::string item;
    while (std::getline(ss, item, ','))
        if (!item.empty()) out.push_back(item);
    return out;
}

std::vector<long long> Args::intList(const std::string& flag) const {
    std::vector<long long> out;
    for (const auto& item : list(flag)) {
        char* end = nullptr;
        long long v = std::strtoll(item.c_str(), &end, 10);
        if (*end != '\0')
            throw UsageError("tunebench " + command_ + ": --" + flag + " expects integers separated by commas, got '" + item + "'");
        out.push_back(v);
    }
    return out;
}

std::string Args::helpText(const std::string& command, const std::string& usage,
                           const std::vector<FlagSpec>& specs) {
    std::ostringstream os;
    os << "usage: tunebench " << command << " " << usage << "\n\nflags:\n";
    for (const auto& s : specs) {
        std::string left = "  --" + s.name + (s.takesValue ? " VALUE" : "");
        if (left.size() < 26) left.resize(26, ' ');
        else left += "  ";
        os << left << s.help << "\n";
    }
    return os.str();
}

} // namespace tb::cli
