#pragma once
// Why this exists: the generation settings the Evaluate and Compare pages share (the same
// settings for every model compared): max new tokens, greedy or sampling, temperature, top-k,
// top-p, repetition penalty and seed, as the JSON the generation jobs take.
#include <QGroupBox>

#include <nlohmann/json.hpp>

class QCheckBox;
class QDoubleSpinBox;
class QSpinBox;

namespace tb { namespace ui {

class GenerationSettings : public QGroupBox {
    Q_OBJECT
public:
    explicit GenerationSettings(QWidget* parent = nullptr);
    nlohmann::json toJson() const;
    QSpinBox* maxNewTokensSpin() const { return maxNew_; }
    QCheckBox* sampleCheck() const { return sample_; }

private:
    QSpinBox* maxNew_;
    QCheckBox* sample_;
    QDoubleSpinBox* temperature_;
    QSpinBox* topK_;
    QDoubleSpinBox* topP_;
    QDoubleSpinBox* repetition_;
    QSpinBox* seed_;
};

} } // namespace tb::ui
