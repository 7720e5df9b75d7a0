#include "ui/app/SettingsDialog.h"

#include "ui/app/Settings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace tb { namespace ui {

QList<QPair<QString, QString>> SettingsDialog::languages() {
    return {{QString(), tr("System language")},
            {QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("de"), QStringLiteral("Deutsch")},
            {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
}

SettingsDialog::SettingsDialog(const QString& currentWorkspace, QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Preferences"));
    auto* form = new QFormLayout(this);
    language_ = new QComboBox(this);
    for (const auto& [code, name] : languages()) language_->addItem(name, code);
    language_->setCurrentIndex(qMax(0, language_->findData(Settings::language())));
    form->addRow(tr("&Language:"), language_);
    auto* note = new QLabel(tr("A new language takes effect the next time Tunebench starts."), this);
    note->setWordWrap(true);
    form->addRow(QString(), note);

    auto* row = new QHBoxLayout;
    workspace_ = new QLineEdit(currentWorkspace, this);
    workspace_->setToolTip(tr("The SQLite file that holds your datasets, models, runs and evaluations."));
    auto* browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getSaveFileName(this, tr("Workspace file"), workspace_->text(),
                                                       tr("Tunebench workspace (*.tunebench);;All files (*)"),
                                                       nullptr, QFileDialog::DontConfirmOverwrite);
        if (!f.isEmpty()) workspace_->setText(f);
    });
    row->addWidget(workspace_, 1);
    row->addWidget(browse);
    form->addRow(tr("&Workspace:"), row);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    resize(560, sizeHint().height());
}

QString SettingsDialog::language() const { return language_->currentData().toString(); }

QString SettingsDialog::workspacePath() const { return workspace_->text().trimmed(); }

} } // namespace tb::ui
