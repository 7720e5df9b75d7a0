#include "ui/widgets/GenerationSettings.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QSpinBox>

namespace tb { namespace ui {

GenerationSettings::GenerationSettings(QWidget* parent) : QGroupBox(tr("Generation settings"), parent) {
    auto* f = new QFormLayout(this);
    maxNew_ = new QSpinBox(this);
    maxNew_->setObjectName(QStringLiteral("genMaxNewTokens"));
    maxNew_->setRange(1, 8192);
    maxNew_->setValue(64);
    maxNew_->setToolTip(tr("Stop after this many new tokens (or at the end-of-sequence token)."));
    sample_ = new QCheckBox(tr("sample (otherwise greedy)"), this);
    sample_->setObjectName(QStringLiteral("genSample"));
    temperature_ = new QDoubleSpinBox(this);
    temperature_->setObjectName(QStringLiteral("genTemperature"));
    temperature_->setRange(0.01, 5);
    temperature_->setValue(0.7);
    temperature_->setToolTip(tr("Below 1 sharpens the distribution, above 1 flattens it."));
    topK_ = new QSpinBox(this);
    topK_->setObjectName(QStringLiteral("genTopK"));
    topK_->setRange(0, 100000);
    topK_->setValue(50);
    topK_->setSpecialValueText(tr("off"));
    topK_->setToolTip(tr("Sample only among the k most likely tokens."));
    topP_ = new QDoubleSpinBox(this);
    topP_->setObjectName(QStringLiteral("genTopP"));
    topP_->setRange(0.01, 1);
    topP_->setSingleStep(0.05);
    topP_->setValue(0.95);
    topP_->setToolTip(tr("Sample from the smallest set of tokens whose probabilities add up to p."));
    repetition_ = new QDoubleSpinBox(this);
    repetition_->setObjectName(QStringLiteral("genRepetitionPenalty"));
    repetition_->setRange(1, 3);
    repetition_->setSingleStep(0.05);
    repetition_->setValue(1.0);
    repetition_->setToolTip(tr("Above 1 discourages tokens that already appeared (1 = off)."));
    seed_ = new QSpinBox(this);
    seed_->setObjectName(QStringLiteral("genSeed"));
    seed_->setRange(0, 1 << 30);
    seed_->setValue(42);
    f->addRow(tr("Max new tokens:"), maxNew_);
    f->addRow(QString(), sample_);
    f->addRow(tr("Temperature:"), temperature_);
    f->addRow(tr("Top-k:"), topK_);
    f->addRow(tr("Top-p:"), topP_);
    f->addRow(tr("Repetition penalty:"), repetition_);
    f->addRow(tr("Seed:"), seed_);
    auto sync = [this] {
        for (QWidget* w : {static_cast<QWidget*>(temperature_), static_cast<QWidget*>(topK_), static_cast<QWidget*>(topP_)})
            w->setEnabled(sample_->isChecked());
    };
    connect(sample_, &QCheckBox::toggled, this, sync);
    sync();
}

nlohmann::json GenerationSettings::toJson() const {
    return {{"max_new_tokens", maxNew_->value()}, {"do_sample", sample_->isChecked()}, {"temperature", temperature_->value()},
            {"top_k", topK_->value()},           {"top_p", topP_->value()},          {"repetition_penalty", repetition_->value()},
            {"seed", seed_->value()}};
}

} } // namespace tb::ui
