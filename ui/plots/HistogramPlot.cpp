#include "ui/plots/QCustomPlotInclude.h"  // first: see the header
#include "ui/plots/HistogramPlot.h"


#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace tb { namespace ui {

HistogramPlot::HistogramPlot(QWidget* parent) : QWidget(parent), plot_(new QCustomPlot(this)) {
    auto* l = new QVBoxLayout(this);
    l->setContentsMargins(0, 0, 0, 0);
    l->addWidget(plot_);
    plot_->setMinimumHeight(180);
    bars_ = new QCPBars(plot_->xAxis, plot_->yAxis);
    bars_->setBrush(QColor(0x2f, 0x4f, 0x7f, 180));
    bars_->setPen(QPen(QColor(0x2f, 0x4f, 0x7f)));
    plot_->yAxis->setLabel(tr("examples"));
    plot_->legend->setVisible(false);
}

void HistogramPlot::clear(const QString& message) {
    bars_->data()->clear();
    bins_ = 0;
    plot_->clearItems();
    auto* text = new QCPItemText(plot_);
    text->position->setType(QCPItemPosition::ptAxisRectRatio);
    text->position->setCoords(0.5, 0.5);
    text->setText(message);
    text->setColor(Qt::gray);
    plot_->replot();
}

void HistogramPlot::setValues(const std::vector<double>& values, const QString& xLabel, int maxValue) {
    plot_->clearItems();
    bars_->data()->clear();
    if (values.empty()) {
        clear(tr("no data"));
        return;
    }
    std::vector<double> v = values;
    std::sort(v.begin(), v.end());
    const double lo = 0, hi = std::max(v.back(), double(maxValue));
    bins_ = 30;
    double width = std::max(1.0, std::ceil((hi - lo + 1) / bins_));
    QVector<double> keys, counts;
    std::vector<double> c(size_t(bins_) + 1, 0.0);
    for (double x : v) c[std::min(size_t((x - lo) / width), size_t(bins_))] += 1;
    for (int i = 0; i <= bins_; ++i) {
        keys << lo + (i + 0.5) * width;
        counts << c[size_t(i)];
    }
    bars_->setWidth(width * 0.9);
    bars_->setData(keys, counts, true);
    plot_->xAxis->setLabel(xLabel);
    plot_->xAxis->setRange(lo, lo + (bins_ + 1) * width);
    plot_->yAxis->setRange(0, *std::max_element(counts.begin(), counts.end()) * 1.15);
    double mean = 0;
    for (double x : v) mean += x;
    mean /= double(v.size());
    const double p95 = v[std::max<size_t>(size_t(std::ceil(0.95 * double(v.size()))), 1) - 1];
    auto mark = [&](double x, const QString& label, const QColor& color) {
        auto* line = new QCPItemStraightLine(plot_);
        line->point1->setCoords(x, 0);
        line->point2->setCoords(x, 1);
        line->setPen(QPen(color, 1.5, Qt::DashLine));
        auto* t = new QCPItemText(plot_);
        t->position->setCoords(x, plot_->yAxis->range().upper * 0.95);
        t->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
        t->setText(QStringLiteral(" ") + label);
        t->setColor(color);
    };
    mark(mean, tr("mean %1").arg(mean, 0, 'f', 0), QColor(0xe0, 0x7a, 0x1f));
    mark(p95, tr("p95 %1").arg(p95, 0, 'f', 0), QColor(0xc0, 0x39, 0x2b));
    if (maxValue > 0) mark(maxValue, tr("limit %1").arg(maxValue), Qt::darkGray);
    plot_->replot();
}

} } // namespace tb::ui
