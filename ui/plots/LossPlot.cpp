#include "ui/plots/QCustomPlotInclude.h"  // first: see the header
#include "ui/plots/LossPlot.h"


#include <QTimer>
#include <QVBoxLayout>

namespace tb { namespace ui {

LossPlot::LossPlot(QWidget* parent) : QWidget(parent), plot_(new QCustomPlot(this)), timer_(new QTimer(this)) {
    auto* l = new QVBoxLayout(this);
    l->setContentsMargins(0, 0, 0, 0);
    l->addWidget(plot_);
    plot_->setMinimumHeight(220);
    raw_ = plot_->addGraph();
    raw_->setName(tr("training loss"));
    raw_->setPen(QPen(QColor(0x2f, 0x4f, 0x7f, 80), 1));
    smooth_ = plot_->addGraph();
    smooth_->setName(tr("training loss (smoothed)"));
    smooth_->setPen(QPen(QColor(0x2f, 0x4f, 0x7f), 2));
    eval_ = plot_->addGraph();
    eval_->setName(tr("validation loss"));
    eval_->setPen(QPen(QColor(0xc0, 0x39, 0x2b), 2));
    eval_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));
    lr_ = plot_->addGraph(plot_->xAxis, plot_->yAxis2);
    lr_->setName(tr("learning rate"));
    lr_->setPen(QPen(QColor(0xe0, 0x7a, 0x1f), 1, Qt::DashLine));
    plot_->xAxis->setLabel(tr("step"));
    plot_->yAxis->setLabel(tr("loss"));
    plot_->yAxis2->setVisible(true);
    plot_->yAxis2->setLabel(tr("learning rate"));
    plot_->legend->setVisible(true);
    plot_->legend->setFont(QFont(font().family(), 8));
    plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    timer_->setInterval(250);
    connect(timer_, &QTimer::timeout, this, [this] {
        if (dirty_) redraw();
    });
    timer_->start();
}

void LossPlot::clear() {
    steps_.clear();
    losses_.clear();
    smoothed_.clear();
    lrs_.clear();
    evalSteps_.clear();
    evalLosses_.clear();
    ema_ = 0;
    while (plot_->graphCount() > 4) plot_->removeGraph(plot_->graphCount() - 1);
    dirty_ = true;
    redraw();
}

void LossPlot::addTrain(double step, double loss, double lr) {
    // bias-corrected exponential moving average (as TensorBoard's smoothing)
    ema_ = alpha_ * ema_ + (1 - alpha_) * loss;
    const double debias = 1 - std::pow(alpha_, double(steps_.size() + 1));
    steps_ << step;
    losses_ << loss;
    smoothed_ << ema_ / debias;
    lrs_ << lr;
    dirty_ = true;
}

void LossPlot::addEval(double step, double loss) {
    evalSteps_ << step;
    evalLosses_ << loss;
    dirty_ = true;
}

void LossPlot::addCurve(const QString& name, const QVector<double>& steps, const QVector<double>& values, const QColor& color,
                        bool dashed) {
    auto* g = plot_->addGraph();
    g->setName(name);
    g->setPen(QPen(color, 2, dashed ? Qt::DashLine : Qt::SolidLine));
    g->setData(steps, values);
    for (QCPGraph* base : {raw_, smooth_, eval_, lr_}) base->removeFromLegend();
    plot_->yAxis2->setVisible(false);
    plot_->rescaleAxes();
    plot_->replot();
}

int LossPlot::plottedTrainPoints() const { return raw_->data()->size(); }

void LossPlot::redraw() {
    dirty_ = false;
    raw_->setData(steps_, losses_, true);
    smooth_->setData(steps_, smoothed_, true);
    eval_->setData(evalSteps_, evalLosses_, true);
    lr_->setData(steps_, lrs_, true);
    if (!steps_.isEmpty() || !evalSteps_.isEmpty()) {
        plot_->rescaleAxes();
        const QCPRange y = plot_->yAxis->range();
        plot_->yAxis->setRange(std::max(0.0, y.lower - 0.05 * y.size()), y.upper + 0.05 * y.size());
        const QCPRange y2 = plot_->yAxis2->range();
        plot_->yAxis2->setRange(0, y2.upper * 1.1 + 1e-12);
    }
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

} } // namespace tb::ui
