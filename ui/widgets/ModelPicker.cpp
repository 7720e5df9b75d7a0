#include "ui/widgets/ModelPicker.h"

#include <QFileInfo>

#include "ui/app/AppContext.h"
#include "ui/models/ModelStore.h"
#include "workspace/RunRepository.h"

namespace tb { namespace ui {

ModelPicker::ModelPicker(AppContext* ctx, QWidget* parent) : QListWidget(parent), ctx_(ctx) {
    connect(ctx_, &AppContext::modelsChanged, this, &ModelPicker::refresh);
    connect(ctx_, &AppContext::runsChanged, this, &ModelPicker::refresh);
    refresh();
}

namespace {
// Runs store the model folder as it was given (maybe relative or with ".."); the store keeps the
// canonical path. Match either, and fall back to the folder's name, never a long path.
QString modelName(const QHash<QString, QString>& names, const QString& path) {
    if (names.contains(path)) return names.value(path);
    const QFileInfo fi(path);
    const QString canonical = fi.canonicalFilePath();
    if (!canonical.isEmpty() && names.contains(canonical)) return names.value(canonical);
    return fi.fileName().isEmpty() ? path : fi.fileName();
}
}  // namespace

void ModelPicker::refresh() {
    QStringList wasChecked;
    for (int i = 0; i < count(); ++i)
        if (item(i)->checkState() == Qt::Checked) wasChecked << item(i)->text();
    clear();
    if (!ctx_->workspace()) return;
    QHash<QString, QString> names;
    for (const auto& m : ModelStore(ctx_->workspace()).list()) {
        names.insert(m.path, m.name);
        names.insert(QFileInfo(m.path).canonicalFilePath(), m.name);
        auto* it = new QListWidgetItem(tr("%1 (base)").arg(m.name), this);
        it->setData(Qt::UserRole, m.path);
        it->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        it->setCheckState(wasChecked.contains(it->text()) ? Qt::Checked : Qt::Unchecked);
    }
    for (const auto& run : tb::RunRepository(ctx_->workspace()).list()) {
        if (run.adapterPath.isEmpty()) continue;
        auto* it = new QListWidgetItem(tr("%1 + run #%2 (%3)").arg(modelName(names, run.modelPath)).arg(run.id).arg(run.method), this);
        it->setData(Qt::UserRole, run.modelPath);
        it->setData(Qt::UserRole + 1, run.adapterPath);
        it->setData(Qt::UserRole + 2, run.id);
        it->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        it->setCheckState(wasChecked.contains(it->text()) ? Qt::Checked : Qt::Unchecked);
    }
}

QList<ModelPicker::Choice> ModelPicker::checked() const {
    QList<Choice> out;
    for (int i = 0; i < count(); ++i)
        if (item(i)->checkState() == Qt::Checked)
            out << Choice{item(i)->text(), item(i)->data(Qt::UserRole).toString(), item(i)->data(Qt::UserRole + 1).toString(),
                          item(i)->data(Qt::UserRole + 2).toLongLong()};
    return out;
}

} } // namespace tb::ui
