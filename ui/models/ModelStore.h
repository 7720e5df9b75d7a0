#pragma once
// Why this exists: the Models page keeps the folders a user added in the workspace's `models`
// table (name, path, architecture, parameters, dtype, size and the full inspection as JSON),
// and the other pages list them from here. No torch: the inspection comes from io/ModelInfo.h.
#include <QList>
#include <QString>

#include <nlohmann/json.hpp>

#include <memory>

namespace tb {
class Workspace;
struct ModelFolderInfo;
}

namespace tb { namespace ui {

class ModelStore {
public:
    struct Entry {
        qint64 id = 0;
        QString name, path, architecture, dtype;
        qint64 parameters = 0, sizeBytes = 0;
        nlohmann::json info;   // the inspection (model_type, tokenizer, layers, errors, warnings…)
    };
    explicit ModelStore(std::shared_ptr<tb::Workspace> ws);
    QList<Entry> list() const;
    // Adds or refreshes the row for info.dir; returns its id.
    qint64 add(const QString& name, const tb::ModelFolderInfo& info);
    void remove(qint64 id);
    static nlohmann::json toJson(const tb::ModelFolderInfo& info);

private:
    std::shared_ptr<tb::Workspace> ws_;
};

} } // namespace tb::ui
