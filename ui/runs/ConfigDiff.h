#pragma once
// Why this exists: the Runs page's config diff: two run configs flattened to dotted keys
// ("method.r", "learning_rate") and the keys whose values differ.
#include <QList>
#include <QString>

#include <nlohmann/json.hpp>

#include <map>
#include <string>

namespace tb { namespace ui {

class ConfigDiff {
public:
    struct Row {
        QString key, a, b;
        bool differs = false;
    };
    static std::map<std::string, std::string> flatten(const nlohmann::json& j);
    static QList<Row> diff(const nlohmann::json& a, const nlohmann::json& b);
};

} } // namespace tb::ui
