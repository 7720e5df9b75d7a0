#pragma once
// Why this exists: the application's icons, drawn here with QPainter (our own design; the Qt
// build we target has no SVG icon engine, so vector files would not render).
#include <QIcon>
#include <QString>

namespace tb { namespace ui {

class Icons {
public:
    // Names: home, datasets, templates, models, train, evaluate, compare, runs,
    // import, download, folder, start, pause, stop, app.
    static QIcon get(const QString& name);
};

} } // namespace tb::ui
