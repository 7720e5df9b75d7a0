#include "ui/plots/QCustomPlotInclude.h"  // first: see the header
#include "ui/evaluate/EvalResultsView.h"

#include "ui/evaluate/WordDiff.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace tb { namespace ui {

namespace {

const char* const kRougeKeys[4] = {"rouge1", "rouge2", "rougeL", "rougeLsum"};

QColor seriesColor(int i) {
    static const QColor colors[] = {QColor(0x8c, 0x8c, 0x8c), QColor(0x2f, 0x6f, 0xbf), QColor(0xe0, 0x7a, 0x1f),
                                    QColor(0x3a, 0x9a, 0x4a), QColor(0xc0, 0x39, 0x2b), QColor(0x7b, 0x4f, 0xa8),
                                    QColor(0x1f, 0x9a, 0x9a), QColor(0xa8, 0x8a, 0x1f)};
    return colors[size_t(i) % (sizeof colors / sizeof colors[0])];
}

// F-measure, low and high of an aggregate's ROUGE type; false when it is not there.
bool rougeOf(const nlohmann::json& a, const char* key, double* f, double* lo, double* hi) {
    if (!a.is_object() || !a.contains(key) || !a[key].is_object()) return false;
    const auto& r = a[key];
    if (!r.contains("fmeasure") || !r["fmeasure"].is_number()) return false;
    *f = r["fmeasure"].get<double>();
    *lo = *f;
    *hi = *f;
    if (r.contains("low") && r["low"].is_object() && r["low"].contains("fmeasure") && r["low"]["fmeasure"].is_number())
        *lo = r["low"]["fmeasure"].get<double>();
    if (r.contains("high") && r["high"].is_object() && r["high"].contains("fmeasure") && r["high"]["fmeasure"].is_number())
        *hi = r["high"]["fmeasure"].get<double>();
    return true;
}

double numberOf(const nlohmann::json& a, const char* key, const char* sub = nullptr) {
    if (!a.is_object() || !a.contains(key)) return NAN;
    const auto& v = sub ? (a[key].is_object() && a[key].contains(sub) ? a[key][sub] : nlohmann::json()) : a[key];
    return v.is_number() ? v.get<double>() : NAN;
}

QString elided(const QString& s, int max) { return s.size() <= max ? s : s.left(max) + QStringLiteral("…"); }

} // namespace

EvalResultsView::EvalResultsView(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* split = new QSplitter(Qt::Vertical, this);
    layout->addWidget(split, 1);

    auto* top = new QWidget(split);
    auto* tl = new QVBoxLayout(top);
    tl->setContentsMargins(0, 0, 0, 0);
    chart_ = new QCustomPlot(top);
    chart_->setObjectName(QStringLiteral("scoreChart"));
    chart_->setMinimumHeight(220);
    chart_->xAxis->setLabel(tr("metric"));
    chart_->yAxis->setLabel(tr("F1 · BLEU ÷ 100"));
    chart_->setToolTip(tr("Bars: mean score per model. Whiskers: bootstrap 95% interval of the mean."));
    chart_->legend->setVisible(true);
    chart_->legend->setFont(QFont(font().family(), 8));
    chart_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    chart_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    chart_->axisRect()->setRangeDrag(Qt::Vertical);
    chart_->axisRect()->setRangeZoom(Qt::Vertical);
    group_ = new QCPBarsGroup(chart_);
    tl->addWidget(chart_, 1);
    summary_ = new QLabel(top);
    summary_->setObjectName(QStringLiteral("evalSummary"));
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    tl->addWidget(summary_);

    auto* bottom = new QWidget(split);
    auto* bl = new QVBoxLayout(bottom);
    bl->setContentsMargins(0, 0, 0, 0);
    table_ = new QTableWidget(0, 0, bottom);
    table_->setObjectName(QStringLiteral("evalExamples"));
    table_->setItemDelegate(new DiffDelegate(table_));
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setWordWrap(true);
    table_->setTextElideMode(Qt::ElideRight);
    table_->verticalHeader()->setVisible(false);
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() * 4 + 8);
    table_->horizontalHeader()->setStretchLastSection(false);
    table_->setToolTip(tr("Click a column header to sort. In the output columns, words added against the first "
                          "model's output are green, removed words red and struck through."));
    bl->addWidget(table_, 1);
    auto* row = new QHBoxLayout;
    const QStringList labels = {tr("Export CSV…"), tr("Export JSON…"), tr("Save chart as PNG…"), tr("Save chart as PDF…")};
    const QStringList names = {QStringLiteral("evalExportCsv"), QStringLiteral("evalExportJson"), QStringLiteral("evalSavePng"),
                               QStringLiteral("evalSavePdf")};
    for (int i = 0; i < labels.size(); ++i) {
        auto* b = new QPushButton(labels[i], bottom);
        b->setObjectName(names[i]);
        connect(b, &QPushButton::clicked, this, [this, i] { askAndExport(i); });
        row->addWidget(b);
        exportButtons_ << b;
    }
    row->addStretch();
    bl->addLayout(row);
    split->addWidget(top);
    split->addWidget(bottom);
    split->setSizes({330, 420});
    clear(tr("No evaluation in this workspace yet"));
}

void EvalResultsView::clear(const QString& message) {
    results_ = EvalResults();
    buildChart(message);
    buildTable();
    buildSummary();
    updateButtons();
}

void EvalResultsView::setResults(const EvalResults& results) {
    results_ = results;
    buildChart(tr("This evaluation has no scores"));
    buildTable();
    buildSummary();
    updateButtons();
}

void EvalResultsView::updateButtons() {
    for (auto* b : exportButtons_) b->setEnabled(!results_.isEmpty());
}

void EvalResultsView::buildChart(const QString& emptyMessage) {
    chart_->clearPlottables();
    chart_->clearItems();
    series_.clear();
    values_.clear();
    const QStringList metrics = {tr("ROUGE-1"), tr("ROUGE-2"), tr("ROUGE-L"), tr("ROUGE-Lsum"), tr("BLEU ÷ 100")};
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (int k = 0; k < metrics.size(); ++k) ticker->addTick(k + 1, metrics[k]);
    chart_->xAxis->setTicker(ticker);
    chart_->xAxis->setRange(0.4, metrics.size() + 0.6);
    chart_->yAxis->setRange(0, 1);
    const int n = int(results_.models.size());
    double top = 0;
    for (int m = 0; m < n; ++m) {
        const nlohmann::json a = m < results_.aggregates.size() ? results_.aggregates[m] : nlohmann::json::object();
        QVector<double> keys, values, minus, plus;
        bool any = false;
        for (int k = 0; k < 4; ++k) {
            double f = 0, lo = 0, hi = 0;
            if (rougeOf(a, kRougeKeys[k], &f, &lo, &hi)) any = true;
            keys << k + 1;
            values << f;
            minus << std::max(0.0, f - lo);
            plus << std::max(0.0, hi - f);
            top = std::max(top, hi);
        }
        const double bleu = numberOf(a, "bleu", "score");
        any = any || std::isfinite(bleu);
        keys << 5;
        values << (std::isfinite(bleu) ? bleu / 100.0 : 0.0);
        minus << 0;
        plus << 0;
        top = std::max(top, values.last());
        if (!any) continue;
        const QColor c = seriesColor(m);
        auto* bars = new QCPBars(chart_->xAxis, chart_->yAxis);
        bars->setName(results_.models[m]);
        bars->setWidth(0.8 / std::max(1, n));
        bars->setBarsGroup(group_);
        bars->setPen(QPen(c.darker(130)));
        bars->setBrush(c);
        bars->setData(keys, values, true);
        auto* err = new QCPErrorBars(chart_->xAxis, chart_->yAxis);
        err->removeFromLegend();
        err->setDataPlottable(bars);
        err->setData(minus, plus);
        err->setPen(QPen(QColor(0x30, 0x30, 0x30)));
        err->setWhiskerWidth(5);
        series_ << results_.models[m];
        values_ << values;
    }
    if (series_.isEmpty()) {
        auto* t = new QCPItemText(chart_);
        t->position->setType(QCPItemPosition::ptAxisRectRatio);
        t->position->setCoords(0.5, 0.5);
        t->setText(emptyMessage);
        t->setColor(Qt::gray);
    } else {
        chart_->yAxis->setRange(0, std::clamp(top * 1.25, 0.05, 1.0));
    }
    chart_->legend->setVisible(!series_.isEmpty());
    chart_->replot();
}

void EvalResultsView::buildTable() {
    const auto& r = results_;
    const int n = int(r.models.size());
    const bool withGain = n >= 2;
    table_->setSortingEnabled(false);
    table_->clear();
    QStringList headers = {tr("#"), tr("Prompt"), tr("Reference")};
    for (const QString& m : r.models) headers << tr("Output: %1").arg(m);
    for (const QString& m : r.models) headers << tr("ROUGE-L: %1").arg(m);
    if (withGain) headers << tr("Gain (%1 − %2)").arg(r.models.last(), r.models.first());
    table_->setColumnCount(headers.size());
    table_->setHorizontalHeaderLabels(headers);
    table_->setRowCount(int(r.examples.size()));
    auto textItem = [](const QString& s) {
        auto* it = new QTableWidgetItem(s);
        it->setToolTip(elided(s, 2000));
        return it;
    };
    auto numberItem = [](double v) {
        auto* it = new QTableWidgetItem;
        if (std::isfinite(v)) it->setData(Qt::DisplayRole, v);
        it->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        return it;
    };
    for (int row = 0; row < r.examples.size(); ++row) {
        const auto& e = r.examples[row];
        auto* idx = new QTableWidgetItem;
        idx->setData(Qt::DisplayRole, qlonglong(e.index));
        table_->setItem(row, 0, idx);
        table_->setItem(row, 1, textItem(e.prompt));
        table_->setItem(row, 2, textItem(e.reference));
        for (int m = 0; m < n; ++m) {
            const QString out = m < e.outputs.size() ? e.outputs[m] : QString();
            auto* it = textItem(out);
            if (m > 0 && !e.outputs.isEmpty() && out != e.outputs.first()) {
                it->setData(DiffDelegate::HtmlRole, wordDiffHtml(e.outputs.first(), out));
                it->setToolTip(tr("%1\n\n(green: words not in %2's output; red, struck through: words only in it)")
                                   .arg(elided(out, 2000), r.models.first()));
            }
            table_->setItem(row, 3 + m, it);
            table_->setItem(row, 3 + n + m, numberItem(m < e.rougeL.size() ? e.rougeL[m] : NAN));
        }
        if (withGain) {
            const double g = r.gain(e);
            auto* it = numberItem(g);
            if (std::isfinite(g) && g != 0) it->setForeground(g > 0 ? QColor(0x2e, 0x7d, 0x32) : QColor(0xb0, 0x30, 0x30));
            table_->setItem(row, 3 + 2 * n, it);
        }
    }
    auto* h = table_->horizontalHeader();
    h->setSectionResizeMode(QHeaderView::Interactive);
    table_->setColumnWidth(0, 48);
    for (int c = 1; c < 3 + n; ++c) table_->setColumnWidth(c, c < 3 ? 260 : 240);
    for (int c = 3 + n; c < headers.size(); ++c) table_->resizeColumnToContents(c);
    table_->setSortingEnabled(true);
    table_->sortByColumn(0, Qt::AscendingOrder);
}

void EvalResultsView::buildSummary() {
    const auto& r = results_;
    if (r.isEmpty()) {
        summary_->clear();
        return;
    }
    const QLocale loc;
    auto f3 = [&](double v) { return std::isfinite(v) ? loc.toString(v, 'f', 3) : QStringLiteral("–"); };
    QStringList lines;
    QString head = r.evaluationId ? tr("<b>Evaluation #%1</b>").arg(r.evaluationId) : tr("<b>Evaluation</b>");
    if (!r.source.isEmpty()) head += QStringLiteral(" · ") + r.source.toHtmlEscaped();
    head += QStringLiteral(" · ") + tr("%n example(s)", nullptr, int(r.examples.size()));
    if (r.status == QStringLiteral("cancelled")) head += QStringLiteral(" · ") + tr("cancelled (partial results)");
    lines << head;
    for (int m = 0; m < r.models.size(); ++m) {
        const nlohmann::json a = m < r.aggregates.size() ? r.aggregates[m] : nlohmann::json::object();
        double f = NAN, lo = NAN, hi = NAN;
        QString line = QStringLiteral("<b>%1</b>: ").arg(r.models[m].toHtmlEscaped());
        if (rougeOf(a, "rougeL", &f, &lo, &hi))
            line += tr("ROUGE-L %1 [%2, %3]").arg(f3(f), f3(lo), f3(hi));
        else
            line += tr("no scores");
        const double bleu = numberOf(a, "bleu", "score");
        if (std::isfinite(bleu)) line += QStringLiteral(" · ") + tr("BLEU %1").arg(loc.toString(bleu, 'f', 2));
        const double loss = numberOf(a, "loss"), ppl = numberOf(a, "perplexity");
        if (std::isfinite(loss)) line += QStringLiteral(" · ") + tr("loss %1 (perplexity %2)").arg(f3(loss), loc.toString(ppl, 'f', 2));
        const double tps = numberOf(a, "tokens_per_second");
        if (std::isfinite(tps)) line += QStringLiteral(" · ") + tr("%1 tokens/s").arg(loc.toString(tps, 'f', 1));
        const std::string key = r.models[m].toStdString();
        if (r.deltas.is_object() && r.deltas.contains(key) && r.deltas[key].is_object()) {
            const auto& d = r.deltas[key];
            line += QStringLiteral(" · ") + tr("vs %1: %2 better, %3 same, %4 worse; mean ROUGE-L gain %5 [%6, %7]")
                                                .arg(QString::fromStdString(d.value("against", std::string())).toHtmlEscaped())
                                                .arg(d.value("wins", 0))
                                                .arg(d.value("ties", 0))
                                                .arg(d.value("losses", 0))
                                                .arg(loc.toString(d.value("mean_delta", 0.0), 'f', 3),
                                                     loc.toString(d.value("mean_delta_low", 0.0), 'f', 3),
                                                     loc.toString(d.value("mean_delta_high", 0.0), 'f', 3));
        }
        lines << line;
    }
    summary_->setText(lines.join(QStringLiteral("<br>")));
}

bool EvalResultsView::exportCsv(const QString& path, QString* error) const { return results_.writeCsv(path, error); }

bool EvalResultsView::exportJson(const QString& path, QString* error) const { return results_.writeJson(path, error); }

bool EvalResultsView::saveChart(const QString& path, QString* error) {
    const int w = std::max(chart_->width(), 900), h = std::max(chart_->height(), 500);
    const bool ok = path.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive) ? chart_->savePdf(path, w, h)
                                                                              : chart_->savePng(path, w, h);
    if (!ok && error) *error = tr("Cannot write the chart to %1").arg(path);
    return ok;
}

void EvalResultsView::askAndExport(int kind) {
    if (results_.isEmpty()) return;
    static const char* const suffix[4] = {".csv", ".json", ".png", ".pdf"};
    const QStringList filters = {tr("CSV files (*.csv)"), tr("JSON files (*.json)"), tr("PNG images (*.png)"), tr("PDF files (*.pdf)")};
    const QString base = results_.evaluationId ? QStringLiteral("evaluation-%1").arg(results_.evaluationId) : QStringLiteral("evaluation");
    const QString suggested = base + (kind >= 2 ? QStringLiteral("-chart") : QString()) + QLatin1String(suffix[kind]);
    QString path = QFileDialog::getSaveFileName(this, kind >= 2 ? tr("Save chart") : tr("Export the per-example table"),
                                                suggested, filters[kind]);
    if (path.isEmpty()) return;
    if (QFileInfo(path).suffix().isEmpty()) path += QLatin1String(suffix[kind]);
    QString error;
    const bool ok = kind == 0 ? exportCsv(path, &error) : kind == 1 ? exportJson(path, &error) : saveChart(path, &error);
    emit status(ok ? tr("Saved %1").arg(path) : error, !ok);
}

} } // namespace tb::ui
