#pragma once
// Why this exists: the live training chart (QCustomPlot): training loss raw and smoothed,
// validation loss, and the learning rate on a second axis. Points are buffered as they
// arrive and the chart redraws on a timer (a few times per second), never per step.
#include <QVector>
#include <QWidget>

class QCustomPlot;
class QCPGraph;
class QTimer;

namespace tb { namespace ui {

class LossPlot : public QWidget {
    Q_OBJECT
public:
    explicit LossPlot(QWidget* parent = nullptr);

    void clear();
    void addTrain(double step, double loss, double lr);
    void addEval(double step, double loss);
    // Overlay mode (Runs page): one named curve per run, no smoothing.
    void addCurve(const QString& name, const QVector<double>& steps, const QVector<double>& values, const QColor& color,
                  bool dashed = false);
    void setSmoothing(double alpha) { alpha_ = alpha; }

    int trainPoints() const { return int(steps_.size()); }
    int plottedTrainPoints() const;   // what the chart shows (after the last redraw)
    int evalPoints() const { return int(evalSteps_.size()); }
    QCustomPlot* plot() const { return plot_; }

public slots:
    void redraw();

private:
    QCustomPlot* plot_;
    QCPGraph* raw_ = nullptr;
    QCPGraph* smooth_ = nullptr;
    QCPGraph* eval_ = nullptr;
    QCPGraph* lr_ = nullptr;
    QTimer* timer_;
    bool dirty_ = false;
    double alpha_ = 0.9;
    double ema_ = 0;
    QVector<double> steps_, losses_, smoothed_, lrs_, evalSteps_, evalLosses_;
};

} } // namespace tb::ui
