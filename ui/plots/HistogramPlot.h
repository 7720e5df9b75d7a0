#pragma once
// Why this exists: a histogram chart (QCustomPlot bars) for the instruction-set builder's
// token lengths: values are binned into about 30 bins, with the mean and p95 marked.
#include <QWidget>

#include <vector>

class QCustomPlot;
class QCPBars;

namespace tb { namespace ui {

class HistogramPlot : public QWidget {
    Q_OBJECT
public:
    explicit HistogramPlot(QWidget* parent = nullptr);
    void setValues(const std::vector<double>& values, const QString& xLabel, int maxValue = 0);
    void clear(const QString& message);
    QCustomPlot* plot() const { return plot_; }
    int binCount() const { return bins_; }

private:
    QCustomPlot* plot_;
    QCPBars* bars_ = nullptr;
    int bins_ = 0;
};

} } // namespace tb::ui
