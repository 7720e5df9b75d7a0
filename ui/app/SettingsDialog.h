#pragma once
// Why this exists: the Preferences dialog: the interface language (applied at the next start)
// and the workspace file the application opens.
#include <QDialog>

class QComboBox;
class QLineEdit;

namespace tb { namespace ui {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(const QString& currentWorkspace, QWidget* parent = nullptr);

    QString language() const;
    QString workspacePath() const;

    // The languages the application ships: code ("" = system) and the language's own name.
    static QList<QPair<QString, QString>> languages();

private:
    QComboBox* language_ = nullptr;
    QLineEdit* workspace_ = nullptr;
};

} } // namespace tb::ui
