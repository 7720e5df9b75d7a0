#pragma once
// Why this exists: in the per-example table the interesting thing is how a tuned model's
// output differs from the base model's. wordDiffHtml() marks word-level insertions and
// deletions (longest common subsequence over whitespace-separated words); DiffDelegate paints a
// cell's HTML (DiffDelegate::HtmlRole) and shows numbers with three decimals.
#include <QString>
#include <QStyledItemDelegate>

namespace tb { namespace ui {

// HTML of `text` against `reference`: words only in `text` on a green background, words only in
// `reference` in red and struck through, shared words plain. Very long pairs (more than
// maxCells word pairs) are not aligned: the escaped text comes back.
QString wordDiffHtml(const QString& reference, const QString& text, qint64 maxCells = 400000);

class DiffDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    static constexpr int HtmlRole = Qt::UserRole + 1;
    explicit DiffDelegate(QObject* parent = nullptr) : QStyledItemDelegate(parent) {}

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QString displayText(const QVariant& value, const QLocale& locale) const override;
};

} } // namespace tb::ui
