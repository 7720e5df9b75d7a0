#pragma once
// Test helper: a RecordVisitor that keeps everything it is given.
#include "data/RecordVisitor.h"

#include <string>
#include <vector>

struct RecordCollector : tb::RecordVisitor {
    std::vector<nlohmann::json> rows;
    std::vector<int64_t> lines;
    std::vector<std::vector<std::string>> keys;
    std::vector<std::string> errors;   // "line: message" (+ " [fatal]")
    bool record(nlohmann::json&& row, int64_t line, const std::vector<std::string>& k) override {
        keys.push_back(k);
        rows.push_back(std::move(row));
        lines.push_back(line);
        return true;
    }
    bool bad(const tb::BadRecord& b, bool fatal) override {
        errors.push_back(std::to_string(b.line) + ": " + b.message + (fatal ? " [fatal]" : ""));
        return true;
    }
};
