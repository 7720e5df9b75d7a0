#include "ui/plots/QCustomPlotInclude.h"  // first: see the header
#include "ui/runs/RunsPage.h"

#include "ui/app/AppContext.h"
#include "ui/plots/LossPlot.h"
#include "ui/runs/ConfigDiff.h"
#include "ui/training/TrainableEstimator.h"
#include "workspace/RunRepository.h"


#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

namespace tb { namespace ui {

namespace {

const QColor kPalette[] = {QColor(0x2f, 0x4f, 0x7f), QColor(0xe0, 0x7a, 0x1f), QColor(0x2e, 0x9d, 0x4f), QColor(0xc0, 0x39, 0x2b),
                           QColor(0x8e, 0x44, 0xad), QColor(0x16, 0xa0, 0x85), QColor(0x7f, 0x8c, 0x8d), QColor(0xd3, 0x54, 0x00)};

QString jsonMetric(const nlohmann::json& j, const char* key, int decimals = 4) {
    const auto it = j.find(key);
    if (it == j.end() || !it->is_number()) return QString();
    return QString::number(it->get<double>(), 'f', decimals);
}

QTableWidgetItem* cell(const QString& text) {
    auto* it = new QTableWidgetItem(text);
    it->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return it;
}

} // namespace

RunsPage::RunsPage(AppContext* ctx, QWidget* parent) : QWidget(parent), ctx_(ctx) {
    auto* layout = new QVBoxLayout(this);
    auto* split = new QSplitter(Qt::Vertical, this);
    layout->addWidget(split);
    runs_ = new QTableWidget(0, 9, split);
    runs_->setObjectName(QStringLiteral("runTable"));
    runs_->setHorizontalHeaderLabels({tr("Run"), tr("Name"), tr("Method"), tr("Rank"), tr("Status"), tr("Steps"), tr("Final loss"),
                                      tr("Best validation loss"), tr("Created")});
    runs_->horizontalHeader()->setStretchLastSection(true);
    runs_->verticalHeader()->hide();
    runs_->setSelectionBehavior(QAbstractItemView::SelectRows);
    runs_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    runs_->setSortingEnabled(true);
    runs_->setToolTip(tr("Select several runs (Ctrl+click) to overlay their curves and compare their configs."));
    tabs_ = new QTabWidget(split);
    overlay_ = new LossPlot(tabs_);
    overlay_->setObjectName(QStringLiteral("runOverlay"));
    tabs_->addTab(overlay_, tr("Loss curves"));
    auto* diffPage = new QWidget(tabs_);
    auto* dl = new QVBoxLayout(diffPage);
    onlyDiff_ = new QCheckBox(tr("Only the settings that differ"), diffPage);
    onlyDiff_->setChecked(true);
    diff_ = new QTableWidget(0, 3, diffPage);
    diff_->setObjectName(QStringLiteral("configDiff"));
    diff_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    diff_->verticalHeader()->hide();
    dl->addWidget(onlyDiff_);
    dl->addWidget(diff_);
    tabs_->addTab(diffPage, tr("Config diff"));
    auto* sweepPage = new QWidget(tabs_);
    auto* sl = new QVBoxLayout(sweepPage);
    sweep_ = new QCustomPlot(sweepPage);
    sweep_->setObjectName(QStringLiteral("rankSweep"));
    sweep_->setMinimumHeight(200);
    sweepTable_ = new QTableWidget(0, 5, sweepPage);
    sweepTable_->setHorizontalHeaderLabels({tr("Rank"), tr("Run"), tr("Best validation loss"), tr("ROUGE-L"), tr("Trainable parameters")});
    sweepTable_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    sweepTable_->verticalHeader()->hide();
    sweepTable_->setMaximumHeight(150);
    sl->addWidget(sweep_, 1);
    sl->addWidget(sweepTable_);
    tabs_->addTab(sweepPage, tr("LoRA rank sweep"));
    details_ = new QLabel(tabs_);
    details_->setWordWrap(true);
    details_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    details_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    tabs_->addTab(details_, tr("Details"));
    runs_->setMinimumHeight(150);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    split->setSizes({260, 500});

    connect(runs_, &QTableWidget::itemSelectionChanged, this, &RunsPage::selectionChanged);
    connect(onlyDiff_, &QCheckBox::toggled, this, &RunsPage::selectionChanged);
    connect(ctx_, &AppContext::runsChanged, this, &RunsPage::reload);
    connect(ctx_, &AppContext::workspaceChanged, this, &RunsPage::reload);
    connect(ctx_, &AppContext::evaluationsChanged, this, &RunsPage::updateSweep);
    reload();
}

void RunsPage::reload() {
    if (!ctx_->workspace()) return;
    QList<qint64> selected;
    for (const QModelIndex& i : runs_->selectionModel()->selectedRows()) selected << runs_->item(i.row(), 0)->data(Qt::UserRole).toLongLong();
    QSignalBlocker block(runs_);
    runs_->setSortingEnabled(false);
    const auto list = tb::RunRepository(ctx_->workspace()).list();
    runs_->setRowCount(int(list.size()));
    for (int r = 0; r < list.size(); ++r) {
        const auto& run = list[r];
        auto* id = cell(QString());
        id->setData(Qt::DisplayRole, run.id);
        id->setData(Qt::UserRole, run.id);
        runs_->setItem(r, 0, id);
        runs_->setItem(r, 1, cell(run.name));
        runs_->setItem(r, 2, cell(run.method));
        const auto m = run.config.value("method", nlohmann::json::object());
        runs_->setItem(r, 3, cell(m.is_object() && m.contains("r") ? QString::fromStdString(m["r"].dump()) : QString()));
        auto* status = cell(run.status);
        if (run.status == QLatin1String("failed")) status->setForeground(QColor(0xb0, 0x00, 0x20));
        if (run.status == QLatin1String("completed")) status->setForeground(QColor(0x2e, 0x7d, 0x32));
        if (!run.error.isEmpty()) status->setToolTip(run.error);
        runs_->setItem(r, 4, status);
        runs_->setItem(r, 5, cell(jsonMetric(run.finalMetrics, "steps", 0)));
        runs_->setItem(r, 6, cell(jsonMetric(run.finalMetrics, "final_loss")));
        runs_->setItem(r, 7, cell(jsonMetric(run.finalMetrics, "best_eval_loss")));
        runs_->setItem(r, 8, cell(run.createdAt));
        if (selected.contains(run.id)) runs_->selectRow(r);
    }
    runs_->setSortingEnabled(true);
    runs_->resizeColumnsToContents();
    block.unblock();
    if (runs_->selectionModel()->selectedRows().isEmpty() && runs_->rowCount() > 0) runs_->selectRow(0);
    selectionChanged();
    updateSweep();
}

void RunsPage::selectionChanged() {
    if (!ctx_->workspace()) return;
    tb::RunRepository repo(ctx_->workspace());
    QList<tb::RunRepository::Run> chosen;
    for (const QModelIndex& i : runs_->selectionModel()->selectedRows())
        if (auto run = repo.find(runs_->item(i.row(), 0)->data(Qt::UserRole).toLongLong())) chosen << *run;
    std::sort(chosen.begin(), chosen.end(), [](const auto& a, const auto& b) { return a.id < b.id; });

    overlay_->clear();
    int colour = 0;
    for (const auto& run : chosen) {
        const QColor c = kPalette[colour++ % 8];
        QVector<double> s, v, es, ev;
        double ema = 0;
        int n = 0;
        for (const auto& row : repo.metrics(run.id, "train", "loss")) {
            ema = 0.9 * ema + 0.1 * row.value;
            ++n;
            s << double(row.step);
            v << ema / (1 - std::pow(0.9, n));
        }
        for (const auto& row : repo.metrics(run.id, "eval", "eval_loss")) {
            es << double(row.step);
            ev << row.value;
        }
        if (es.isEmpty())
            for (const auto& row : repo.metrics(run.id, "eval", "loss")) {
                es << double(row.step);
                ev << row.value;
            }
        if (!s.isEmpty()) overlay_->addCurve(tr("#%1 %2 train (smoothed)").arg(run.id).arg(run.method), s, v, c);
        if (!es.isEmpty()) overlay_->addCurve(tr("#%1 validation").arg(run.id), es, ev, c, true);
    }

    diff_->setRowCount(0);
    if (chosen.size() >= 2) {
        const auto& a = chosen[0];
        const auto& b = chosen[chosen.size() - 1];
        diff_->setHorizontalHeaderLabels({tr("Setting"), tr("Run #%1").arg(a.id), tr("Run #%1").arg(b.id)});
        for (const auto& row : ConfigDiff::diff(a.config, b.config)) {
            if (onlyDiff_->isChecked() && !row.differs) continue;
            const int r = diff_->rowCount();
            diff_->insertRow(r);
            diff_->setItem(r, 0, cell(row.key));
            diff_->setItem(r, 1, cell(row.a));
            diff_->setItem(r, 2, cell(row.b));
            if (row.differs)
                for (int c = 0; c < 3; ++c) diff_->item(r, c)->setBackground(QColor(0xff, 0xf4, 0xd6));
        }
    } else {
        diff_->setHorizontalHeaderLabels({tr("Setting"), tr("Run A"), tr("Run B")});
    }
    if (!chosen.isEmpty()) {
        const auto& run = chosen.first();
        details_->setText(tr("<h3>Run #%1 %2</h3><p>Status: %3 · created %4 · started %5 · finished %6</p><p>Output: %7<br>Adapter: %8</p>"
                             "<p>Final metrics: <code>%9</code></p><pre>%10</pre>")
                              .arg(run.id).arg(run.name.toHtmlEscaped(), run.status, run.createdAt, run.startedAt, run.finishedAt,
                                   run.outputDir.toHtmlEscaped(), run.adapterPath.toHtmlEscaped(),
                                   QString::fromStdString(run.finalMetrics.dump()).toHtmlEscaped())
                              .arg(QString::fromStdString(run.config.dump(2)).toHtmlEscaped() +
                                   (run.error.isEmpty() ? QString() : QStringLiteral("\n\n") + run.error.toHtmlEscaped())));
    } else {
        details_->setText(tr("No run selected. Runs appear here when you train on the Train page or with `tunebench train`."));
    }
}

void RunsPage::updateSweep() {
    sweep_->clearGraphs();
    sweep_->clearItems();
    sweepTable_->setRowCount(0);
    if (!ctx_->workspace()) return;
    struct Point {
        double rank = 0, loss = -1, rouge = -1;
        qint64 run = 0, trainable = 0;
    };
    std::map<std::pair<double, qint64>, Point> points;
    std::map<QString, TrainableEstimator> estimators;
    for (const auto& run : tb::RunRepository(ctx_->workspace()).list()) {
        if (run.method != QLatin1String("lora")) continue;
        const auto m = run.config.value("method", nlohmann::json::object());
        if (!m.is_object() || !m.contains("r")) continue;
        Point p;
        p.rank = m["r"].get<double>();
        p.run = run.id;
        p.loss = run.finalMetrics.value("best_eval_loss", -1.0);
        p.rouge = run.finalMetrics.value("rougeL", -1.0);
        const QString model = QString::fromStdString(run.config.value("model", std::string()));
        try {
            auto& est = estimators[model];
            if (!est.loaded()) est.load(model);
            p.trainable = est.estimate(m, 1, 1, QStringLiteral("fp32")).trainable;
        } catch (const std::exception&) {
        }
        points[{p.rank, p.run}] = p;
    }
    QVector<double> rk, loss, rr, rouge, pr, params;
    const QLocale loc;
    for (const auto& [key, p] : points) {
        const int r = sweepTable_->rowCount();
        sweepTable_->insertRow(r);
        sweepTable_->setItem(r, 0, cell(QString::number(p.rank)));
        sweepTable_->setItem(r, 1, cell(QStringLiteral("#%1").arg(p.run)));
        sweepTable_->setItem(r, 2, cell(p.loss >= 0 ? QString::number(p.loss, 'f', 4) : tr("–")));
        sweepTable_->setItem(r, 3, cell(p.rouge >= 0 ? QString::number(p.rouge, 'f', 4) : tr("not evaluated")));
        sweepTable_->setItem(r, 4, cell(p.trainable > 0 ? loc.toString(p.trainable) : tr("–")));
        if (p.loss >= 0) { rk << p.rank; loss << p.loss; }
        if (p.rouge >= 0) { rr << p.rank; rouge << p.rouge; }
        if (p.trainable > 0) { pr << p.rank; params << double(p.trainable); }
    }
    if (points.empty()) {
        auto* t = new QCPItemText(sweep_);
        t->position->setType(QCPItemPosition::ptAxisRectRatio);
        t->position->setCoords(0.5, 0.5);
        t->setText(tr("Train LoRA runs with different ranks on the same data to see the sweep here."));
        t->setColor(Qt::gray);
        sweep_->replot();
        return;
    }
    auto* gl = sweep_->addGraph();
    gl->setName(tr("best validation loss"));
    gl->setData(rk, loss);
    gl->setPen(QPen(kPalette[0], 2));
    gl->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 7));
    auto* gr = sweep_->addGraph();
    gr->setName(tr("ROUGE-L"));
    gr->setData(rr, rouge);
    gr->setPen(QPen(kPalette[2], 2));
    gr->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, 8));
    auto* gp = sweep_->addGraph(sweep_->xAxis, sweep_->yAxis2);
    gp->setName(tr("trainable parameters"));
    gp->setData(pr, params);
    gp->setPen(QPen(kPalette[1], 1.5, Qt::DashLine));
    gp->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare, 6));
    sweep_->xAxis->setScaleType(QCPAxis::stLogarithmic);
    sweep_->xAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    sweep_->xAxis->setLabel(tr("LoRA rank"));
    sweep_->yAxis->setLabel(tr("validation loss / ROUGE-L"));
    sweep_->yAxis2->setVisible(true);
    sweep_->yAxis2->setLabel(tr("trainable parameters"));
    sweep_->legend->setVisible(true);
    sweep_->rescaleAxes();
    sweep_->xAxis->setRange(sweep_->xAxis->range().lower / 1.5, sweep_->xAxis->range().upper * 1.5);
    const QCPRange y = sweep_->yAxis->range();
    sweep_->yAxis->setRange(std::max(0.0, y.lower - 0.1 * y.size() - 0.05), y.upper + 0.1 * y.size() + 0.05);
    sweep_->yAxis2->setRange(0, sweep_->yAxis2->range().upper * 1.15 + 1);
    sweep_->replot();
}

} } // namespace tb::ui
