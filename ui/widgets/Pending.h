#pragma once
// Why this exists: while an engine is not in this build yet, its controls stay visible but
// disabled, with a tooltip that says what is missing — never fake data.
#include <QCoreApplication>
#include <QString>

class QWidget;
class QLabel;

namespace tb { namespace ui {

class Pending {
    Q_DECLARE_TR_FUNCTIONS(Pending)
public:
    // Disables `w` and explains why in its tooltip, e.g. what = tr("the training engine").
    static void mark(QWidget* w, const QString& what);
    // A yellow banner for the top of a page.
    static QLabel* banner(const QString& what, QWidget* parent);
};

} } // namespace tb::ui
