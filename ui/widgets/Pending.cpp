#include "ui/widgets/Pending.h"

#include <QLabel>
#include <QWidget>

namespace tb { namespace ui {

void Pending::mark(QWidget* w, const QString& what) {
    w->setEnabled(false);
    w->setToolTip(tr("Not available in this build yet: waiting for %1.").arg(what));
}

QLabel* Pending::banner(const QString& what, QWidget* parent) {
    auto* l = new QLabel(tr("Not available in this build yet: waiting for %1. The controls below show what "
                            "this page will do; they are disabled until then.").arg(what), parent);
    l->setWordWrap(true);
    l->setObjectName(QStringLiteral("pendingBanner"));
    l->setStyleSheet(QStringLiteral("QLabel { background: #fff4d6; border: 1px solid #e0c36a; padding: 6px; }"));
    return l;
}

} } // namespace tb::ui
