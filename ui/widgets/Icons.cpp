#include "ui/widgets/Icons.h"

#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace tb { namespace ui {

namespace {

const QColor kInk(0x2f, 0x4f, 0x7f);
const QColor kAccent(0xe0, 0x7a, 0x1f);

void draw(QPainter& p, const QString& name) {
    QPen pen(kInk, 4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    if (name == QLatin1String("home")) {
        QPainterPath path;
        path.moveTo(8, 30); path.lineTo(32, 8); path.lineTo(56, 30);
        p.drawPath(path);
        p.drawRect(16, 30, 32, 26);
        p.setBrush(kAccent); p.drawRect(28, 40, 8, 16);
    } else if (name == QLatin1String("datasets")) {
        p.drawRoundedRect(8, 10, 48, 44, 4, 4);
        p.drawLine(8, 24, 56, 24); p.drawLine(8, 39, 56, 39); p.drawLine(28, 10, 28, 54);
        p.fillRect(10, 12, 45, 11, kAccent);
    } else if (name == QLatin1String("templates")) {
        QFont f = p.font(); f.setPixelSize(40); f.setBold(true); p.setFont(f);
        p.drawText(QRect(0, 0, 64, 60), Qt::AlignCenter, QStringLiteral("{ }"));
        p.setPen(QPen(kAccent, 4)); p.drawLine(20, 56, 44, 56);
    } else if (name == QLatin1String("models")) {
        const QPointF a[] = {{12, 16}, {12, 48}}, b[] = {{32, 12}, {32, 32}, {32, 52}}, c[] = {{52, 32}};
        for (auto x : a) for (auto y : b) p.drawLine(x, y);
        for (auto y : b) p.drawLine(y, c[0]);
        p.setBrush(Qt::white);
        for (auto x : a) p.drawEllipse(x, 6, 6);
        for (auto y : b) p.drawEllipse(y, 6, 6);
        p.setBrush(kAccent); p.drawEllipse(c[0], 7, 7);
    } else if (name == QLatin1String("train")) {
        p.drawLine(8, 56, 56, 56); p.drawLine(8, 56, 8, 8);
        QPainterPath path; path.moveTo(12, 14); path.cubicTo(22, 44, 34, 48, 56, 50);
        p.setPen(QPen(kAccent, 5, Qt::SolidLine, Qt::RoundCap)); p.drawPath(path);
    } else if (name == QLatin1String("evaluate")) {
        p.drawLine(6, 58, 58, 58);
        p.setBrush(kInk); p.drawRect(12, 30, 10, 26); p.drawRect(38, 20, 10, 36);
        p.setBrush(kAccent); p.drawRect(24, 14, 10, 42); p.drawRect(50, 8, 8, 48);
    } else if (name == QLatin1String("compare")) {
        p.drawRoundedRect(6, 8, 24, 48, 3, 3); p.drawRoundedRect(34, 8, 24, 48, 3, 3);
        p.setPen(QPen(kAccent, 3));
        for (int y = 18; y <= 42; y += 8) { p.drawLine(11, y, 25, y); p.drawLine(39, y, 53, y - (y % 16)); }
    } else if (name == QLatin1String("runs")) {
        p.drawEllipse(QPointF(32, 32), 24, 24);
        p.drawLine(32, 32, 32, 16); p.setPen(QPen(kAccent, 5, Qt::SolidLine, Qt::RoundCap)); p.drawLine(32, 32, 44, 38);
    } else if (name == QLatin1String("import")) {
        p.drawLine(32, 6, 32, 40); p.drawLine(20, 28, 32, 40); p.drawLine(44, 28, 32, 40);
        p.setPen(QPen(kAccent, 4)); p.drawPolyline(QPolygonF({{8, 40}, {8, 56}, {56, 56}, {56, 40}}));
    } else if (name == QLatin1String("download")) {
        p.drawEllipse(QPointF(32, 32), 25, 25);
        p.setPen(QPen(kAccent, 5, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(32, 16, 32, 46); p.drawLine(22, 36, 32, 46); p.drawLine(42, 36, 32, 46);
    } else if (name == QLatin1String("folder")) {
        p.setBrush(kAccent);
        p.drawPolygon(QPolygonF({{6, 16}, {24, 16}, {30, 22}, {58, 22}, {58, 52}, {6, 52}}));
    } else if (name == QLatin1String("start")) {
        p.setBrush(QColor(0x2e, 0x9d, 0x4f)); p.setPen(Qt::NoPen);
        p.drawPolygon(QPolygonF({{16, 8}, {56, 32}, {16, 56}}));
    } else if (name == QLatin1String("pause")) {
        p.setPen(Qt::NoPen); p.setBrush(kAccent); p.drawRect(14, 10, 12, 44); p.drawRect(38, 10, 12, 44);
    } else if (name == QLatin1String("stop")) {
        p.setPen(Qt::NoPen); p.setBrush(QColor(0xc0, 0x39, 0x2b)); p.drawRoundedRect(12, 12, 40, 40, 4, 4);
    } else {  // app
        p.setBrush(kInk); p.setPen(Qt::NoPen); p.drawRoundedRect(4, 4, 56, 56, 12, 12);
        QPainterPath path; path.moveTo(12, 18); path.cubicTo(22, 46, 34, 48, 52, 46);
        p.setPen(QPen(kAccent, 6, Qt::SolidLine, Qt::RoundCap)); p.setBrush(Qt::NoBrush); p.drawPath(path);
    }
}

} // namespace

QIcon Icons::get(const QString& name) {
    static QHash<QString, QIcon> cache;
    auto it = cache.find(name);
    if (it != cache.end()) return *it;
    QIcon icon;
    for (int size : {16, 24, 32, 64}) {
        QPixmap pm(64, 64);
        pm.fill(Qt::transparent);
        {
            QPainter p(&pm);
            p.setRenderHint(QPainter::Antialiasing);
            draw(p, name);
        }
        icon.addPixmap(size == 64 ? pm : pm.scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    }
    cache.insert(name, icon);
    return icon;
}

} } // namespace tb::ui
