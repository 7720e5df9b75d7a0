#pragma once
// Why this exists: Evaluate and Compare choose "models": a base model from the workspace, or a
// base model with the adapter a training run produced. This checklist lists both.
#include <QListWidget>

namespace tb { namespace ui {

class AppContext;

class ModelPicker : public QListWidget {
    Q_OBJECT
public:
    struct Choice {
        QString label, modelPath, adapterPath;
        qint64 runId = 0;   // the training run that made adapterPath; 0 for a base model
    };
    explicit ModelPicker(AppContext* ctx, QWidget* parent = nullptr);
    QList<Choice> checked() const;

public slots:
    void refresh();

private:
    AppContext* ctx_;
};

} } // namespace tb::ui
