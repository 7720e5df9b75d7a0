#pragma once
// Why this exists: the Templates page: the template library and editor in one tab, the
// instruction-set builder in the other.
#include <QWidget>

class QTabWidget;

namespace tb { namespace ui {

class AppContext;
class TemplateEditor;
class InstructionSetBuilder;

class TemplatesPage : public QWidget {
    Q_OBJECT
public:
    explicit TemplatesPage(AppContext* ctx, QWidget* parent = nullptr);
    TemplateEditor* editor() const { return editor_; }
    InstructionSetBuilder* builder() const { return builder_; }
    QTabWidget* tabs() const { return tabs_; }

private:
    QTabWidget* tabs_;
    TemplateEditor* editor_;
    InstructionSetBuilder* builder_;
};

} } // namespace tb::ui
