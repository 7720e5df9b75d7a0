#include "ui/evaluate/WordDiff.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QPainter>
#include <QRegularExpression>
#include <QTextDocument>

#include <algorithm>
#include <cmath>
#include <vector>

namespace tb { namespace ui {

namespace {

QStringList words(const QString& s) {
    static const QRegularExpression ws(QStringLiteral("\\s+"));
    return s.split(ws, Qt::SkipEmptyParts);
}

} // namespace

QString wordDiffHtml(const QString& reference, const QString& text, qint64 maxCells) {
    const QStringList a = words(reference), b = words(text);
    const qsizetype n = a.size(), m = b.size();
    if (qint64(n) * qint64(m) > maxCells) return text.toHtmlEscaped();
    // lcs[i][j]: LCS length of a[i..] and b[j..]
    std::vector<int> lcs(size_t((n + 1) * (m + 1)), 0);
    auto at = [&](qsizetype i, qsizetype j) -> int& { return lcs[size_t(i * (m + 1) + j)]; };
    for (qsizetype i = n - 1; i >= 0; --i)
        for (qsizetype j = m - 1; j >= 0; --j)
            at(i, j) = a[i] == b[j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    const QString ins = QStringLiteral("<span style=\"background-color:#c6efce;\">%1</span>");
    const QString del = QStringLiteral("<span style=\"color:#b03030;text-decoration:line-through;\">%1</span>");
    QStringList out;
    qsizetype i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[i] == b[j]) {
            out << b[j].toHtmlEscaped();
            ++i;
            ++j;
        } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
            out << del.arg(a[i].toHtmlEscaped());   // removed words first, then what replaced them
            ++i;
        } else {
            out << ins.arg(b[j].toHtmlEscaped());
            ++j;
        }
    }
    return out.join(QLatin1Char(' '));
}

void DiffDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const {
    const QString html = index.data(HtmlRole).toString();
    if (html.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget* w = opt.widget;
    QStyle* style = w ? w->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, w);   // background, selection, focus

    const QRect r = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, w);
    QTextDocument doc;
    doc.setDefaultFont(opt.font);
    doc.setDocumentMargin(2);
    doc.setHtml(html);
    doc.setTextWidth(r.width());
    QAbstractTextDocumentLayout::PaintContext ctx;
    ctx.palette = opt.palette;
    ctx.palette.setColor(QPalette::Text, opt.state & QStyle::State_Selected ? opt.palette.color(QPalette::HighlightedText)
                                                                             : opt.palette.color(QPalette::Text));
    painter->save();
    painter->translate(r.topLeft());
    ctx.clip = QRectF(0, 0, r.width(), r.height());
    painter->setClipRect(ctx.clip);
    doc.documentLayout()->draw(painter, ctx);
    painter->restore();
}

QString DiffDelegate::displayText(const QVariant& value, const QLocale& locale) const {
    if (value.typeId() == QMetaType::Double) {
        const double v = value.toDouble();
        return std::isfinite(v) ? locale.toString(v, 'f', 3) : QString();
    }
    return QStyledItemDelegate::displayText(value, locale);
}

} } // namespace tb::ui
