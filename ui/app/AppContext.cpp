#include "ui/app/AppContext.h"

#include "workspace/Workspace.h"

namespace tb { namespace ui {

AppContext::AppContext(std::shared_ptr<tb::Workspace> ws, QObject* parent) : QObject(parent), ws_(std::move(ws)) {}

AppContext::~AppContext() = default;

void AppContext::setWorkspace(std::shared_ptr<tb::Workspace> ws) {
    ws_ = std::move(ws);
    emit workspaceChanged();
    emit datasetsChanged();
    emit templatesChanged();
    emit instructionSetsChanged();
    emit modelsChanged();
    emit runsChanged();
    emit evaluationsChanged();
}

} } // namespace tb::ui
