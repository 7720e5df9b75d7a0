#pragma once
// Why this exists: the Train page's left column: model, instruction set, method and its options
// (LoRA rank presets and free entry, alpha, dropout, target modules from the model's own module
// names; prompt-tuning tokens and init; selective layer range; IA3 targets), every
// hyperparameter with inline help, device and precision, and the live trainable-parameter and
// memory estimate. It produces the training config JSON the TrainingJob takes.
#include "ui/training/TrainableEstimator.h"

#include <QWidget>

#include <nlohmann/json.hpp>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;
class QStackedWidget;

namespace tb { namespace ui {

class AppContext;

class TrainConfigForm : public QWidget {
    Q_OBJECT
public:
    explicit TrainConfigForm(AppContext* ctx, QWidget* parent = nullptr);

    nlohmann::json config() const;
    nlohmann::json methodConfig() const;
    QString problem() const;   // why the config cannot start (empty when it can)

    QComboBox* modelCombo() const { return model_; }
    QComboBox* setCombo() const { return set_; }
    QComboBox* methodCombo() const { return method_; }
    QComboBox* rankCombo() const { return rank_; }
    QListWidget* targetList() const { return targets_; }
    QSpinBox* maxStepsSpin() const { return maxSteps_; }
    QSpinBox* batchSpin() const { return batch_; }
    QSpinBox* evalEverySpin() const { return evalEvery_; }
    QSpinBox* seqLenSpin() const { return seqLen_; }
    QDoubleSpinBox* learningRateSpin() const { return lr_; }
    QLabel* estimateLabel() const { return estimate_; }
    QCheckBox* checkpointingBox() const { return checkpointing_; }
    QSpinBox* checkpointLayersSpin() const { return checkpointLayers_; }
    const TrainableEstimator& estimator() const { return estimator_; }

public slots:
    void refresh();
    void updateEstimate();

signals:
    void changed();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    template <class W> W* help(W* w, const QString& text);
    void modelChanged();

    AppContext* ctx_;
    TrainableEstimator estimator_;
    QString estimatorDir_;
    QComboBox* model_ = nullptr;
    QComboBox* set_ = nullptr;
    QComboBox* method_ = nullptr;
    QStackedWidget* methodPages_ = nullptr;
    QComboBox* rank_ = nullptr;
    QDoubleSpinBox* alpha_ = nullptr;
    QDoubleSpinBox* dropout_ = nullptr;
    QCheckBox* rslora_ = nullptr;
    QListWidget* targets_ = nullptr;
    QSpinBox* virtualTokens_ = nullptr;
    QComboBox* promptInit_ = nullptr;
    QLineEdit* promptText_ = nullptr;
    QSpinBox* layerFrom_ = nullptr;
    QSpinBox* layerTo_ = nullptr;
    QCheckBox* norms_ = nullptr;
    QCheckBox* biasOnly_ = nullptr;
    QListWidget* ia3Targets_ = nullptr;
    QSpinBox* epochs_ = nullptr;
    QSpinBox* maxSteps_ = nullptr;
    QDoubleSpinBox* lr_ = nullptr;
    QComboBox* schedule_ = nullptr;
    QDoubleSpinBox* warmup_ = nullptr;
    QSpinBox* batch_ = nullptr;
    QSpinBox* accumulation_ = nullptr;
    QSpinBox* seqLen_ = nullptr;
    QDoubleSpinBox* weightDecay_ = nullptr;
    QDoubleSpinBox* gradNorm_ = nullptr;
    QSpinBox* evalEvery_ = nullptr;
    QSpinBox* saveEvery_ = nullptr;
    QSpinBox* patience_ = nullptr;
    QSpinBox* seed_ = nullptr;
    QCheckBox* trainOnPrompt_ = nullptr;
    QComboBox* device_ = nullptr;
    QComboBox* precision_ = nullptr;
    QCheckBox* checkpointing_ = nullptr;
    QSpinBox* checkpointLayers_ = nullptr;
    QLabel* estimate_ = nullptr;
    QLabel* help_ = nullptr;
};

} } // namespace tb::ui
