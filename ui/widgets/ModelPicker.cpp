#include "ui/widgets/ModelPicker.h"

#include "ui/app/AppContext.h"
#include "ui/models/ModelStore.h"
#include "workspace/RunRepository.h"

namespace tb { namespace ui {

ModelPicker::ModelPicker(AppContext* ctx, QWidget* parent) : QListWidget(parent), ctx_(ctx) {
    connect(ctx_, &AppContext::modelsChanged, this, &ModelPicker::refresh);
    connect(ctx_, &AppContext::runsChanged, this, &ModelPicker::refresh);
    refresh();
}

void ModelPicker::refresh() {
    QStringList wasChecked;
    for (int i = 0; i < count(); ++i)
        if (item(i)->checkState() == Qt::Checked) wasChecked << item(i)->text();
    clear();
    if (!ctx_->workspace()) return;
    QHash<QString, QString> names;
    for (const auto& m : ModelStore(ctx_->workspace()).list()) {
        names.insert(m.path, m.name);
        auto* it = new QListWidgetItem(tr("%1 (base)").arg(m.name), this);
        it->setData(Qt::UserRole, m.path);
        it->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        it->setCheckState(wasChecked.contains(it->text()) ? Qt::Checked : Qt::Unchecked);
    }
    for (const auto& run : tb::RunRepository(ctx_->workspace()).list()) {
        if (run.adapterPath.isEmpty()) continue;
        auto* it = new QListWidgetItem(tr("%1 + run #%2 (%3)").arg(names.value(run.modelPath, run.modelPath)).arg(run.id).arg(run.method), this);
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
