#include "ui/runs/ConfigDiff.h"

#include <set>

namespace tb { namespace ui {

namespace {

void walk(const nlohmann::json& j, const std::string& prefix, std::map<std::string, std::string>& out) {
    if (j.is_object() && !j.empty()) {
        for (const auto& [k, v] : j.items()) walk(v, prefix.empty() ? k : prefix + "." + k, out);
        return;
    }
    out[prefix] = j.is_string() ? j.get<std::string>() : j.dump();
}

} // namespace

std::map<std::string, std::string> ConfigDiff::flatten(const nlohmann::json& j) {
    std::map<std::string, std::string> out;
    walk(j, {}, out);
    return out;
}

QList<ConfigDiff::Row> ConfigDiff::diff(const nlohmann::json& a, const nlohmann::json& b) {
    const auto fa = flatten(a), fb = flatten(b);
    std::set<std::string> keys;
    for (const auto& [k, v] : fa) keys.insert(k);
    for (const auto& [k, v] : fb) keys.insert(k);
    QList<Row> rows;
    for (const auto& k : keys) {
        Row r;
        r.key = QString::fromStdString(k);
        const auto ia = fa.find(k), ib = fb.find(k);
        r.a = ia == fa.end() ? QString() : QString::fromStdString(ia->second);
        r.b = ib == fb.end() ? QString() : QString::fromStdString(ib->second);
        r.differs = ia == fa.end() || ib == fb.end() || ia->second != ib->second;
        rows << r;
    }
    return rows;
}

} } // namespace tb::ui
