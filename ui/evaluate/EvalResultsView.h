#pragma once
// Why this exists: the lower half of the Evaluate page -- one evaluation's grouped bar chart
// (ROUGE-1/2/L/Lsum with bootstrap-interval whiskers and BLEU ÷ 100, one bar per model), a
// summary line per model (loss, perplexity, speed, gain against the base), and the sortable
// per-example table with word-level differences against the first model, plus the exports.
#include "ui/evaluate/EvalResults.h"

#include <QList>
#include <QVector>
#include <QWidget>

class QCPBarsGroup;
class QCustomPlot;
class QLabel;
class QPushButton;
class QTableWidget;

namespace tb { namespace ui {

class EvalResultsView : public QWidget {
    Q_OBJECT
public:
    explicit EvalResultsView(QWidget* parent = nullptr);

    void setResults(const EvalResults& results);
    // No results: an empty chart with `message` on it, an empty table.
    void clear(const QString& message);
    const EvalResults& results() const { return results_; }

    QCustomPlot* chart() const { return chart_; }
    QTableWidget* table() const { return table_; }
    QLabel* summary() const { return summary_; }
    // What the chart shows: one bar set per model (its label) with five values
    // (ROUGE-1, ROUGE-2, ROUGE-L, ROUGE-Lsum F and BLEU ÷ 100).
    QStringList chartSeries() const { return series_; }
    QList<QVector<double>> chartValues() const { return values_; }

    bool exportCsv(const QString& path, QString* error = nullptr) const;
    bool exportJson(const QString& path, QString* error = nullptr) const;
    // PNG, or PDF when the name ends in .pdf.
    bool saveChart(const QString& path, QString* error = nullptr);

signals:
    // A line for the page's status label (export written or failed).
    void status(const QString& text, bool error);

private:
    void buildChart(const QString& emptyMessage = QString());
    void buildTable();
    void buildSummary();
    void updateButtons();
    void askAndExport(int kind);

    EvalResults results_;
    QCustomPlot* chart_ = nullptr;
    QCPBarsGroup* group_ = nullptr;
    QLabel* summary_ = nullptr;
    QTableWidget* table_ = nullptr;
    QList<QPushButton*> exportButtons_;
    QStringList series_;
    QList<QVector<double>> values_;
};

} } // namespace tb::ui
