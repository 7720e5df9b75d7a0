#include "ui/templates/TemplatesPage.h"

#include "ui/templates/InstructionSetBuilder.h"
#include "ui/templates/TemplateEditor.h"

#include <QTabWidget>
#include <QVBoxLayout>

namespace tb { namespace ui {

TemplatesPage::TemplatesPage(AppContext* ctx, QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    tabs_ = new QTabWidget(this);
    editor_ = new TemplateEditor(ctx, tabs_);
    builder_ = new InstructionSetBuilder(ctx, tabs_);
    tabs_->addTab(editor_, tr("Library and editor"));
    tabs_->addTab(builder_, tr("Instruction-set builder"));
    layout->addWidget(tabs_);
}

} } // namespace tb::ui
