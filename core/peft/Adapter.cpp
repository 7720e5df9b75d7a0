#include "peft/Adapter.h"

#include "models/AdaptableLinear.h"
#include "models/CausalLM.h"
#include "util/Error.h"

namespace tb::peft {

void Adapter::merge(CausalLM&) { throw Error(method() + " cannot be merged into the base model"); }
void Adapter::unmerge(CausalLM&) { throw Error(method() + " cannot be unmerged"); }

namespace {
std::string shapeStr(const torch::Tensor& t) {
    std::string s = "[";
    for (int64_t i = 0; i < t.dim(); ++i) s += (i ? ", " : "") + std::to_string(t.size(i));
    return s + "]";
}
} // namespace

std::vector<std::pair<std::string, std::shared_ptr<AdaptableLinearImpl>>> adaptableLinears(CausalLM& model) {
    std::vector<std::pair<std::string, std::shared_ptr<AdaptableLinearImpl>>> out;
    for (const auto& item : model.named_modules("", false)) {
        if (auto lin = std::dynamic_pointer_cast<AdaptableLinearImpl>(item.value())) out.emplace_back(item.key(), lin);
    }
    return out;
}

void copyStrict(const std::string& what, const NamedTensors& targets,
                const std::map<std::string, torch::Tensor>& source) {
    std::string missing, wrong;
    int nMissing = 0;
    for (const auto& [name, t] : targets) {
        auto it = source.find(name);
        if (it == source.end()) {
            if (nMissing++ < 5) missing += (missing.empty() ? "" : ", ") + name;
            continue;
        }
        if (it->second.sizes() != t.sizes())
            wrong += (wrong.empty() ? "" : "; ") + name + " is " + shapeStr(it->second) + ", expected " + shapeStr(t);
    }
    std::string unexpected;
    int nUnexpected = 0;
    for (const auto& [name, t] : source) {
        bool known = false;
        for (const auto& tt : targets) known = known || tt.first == name;
        if (!known && nUnexpected++ < 5) unexpected += (unexpected.empty() ? "" : ", ") + name;
    }
    if (!missing.empty() || !wrong.empty() || !unexpected.empty()) {
        std::string msg = what + " does not fit this model:";
        if (!missing.empty()) msg += " missing " + std::to_string(nMissing) + " tensor(s) (" + missing + ")";
        if (!unexpected.empty()) msg += " unexpected " + std::to_string(nUnexpected) + " tensor(s) (" + unexpected + ")";
        if (!wrong.empty()) msg += " wrong shapes: " + wrong;
        throw Error(msg + ". Was it trained for a different base model or configuration?");
    }
    torch::NoGradGuard ng;
    for (const auto& [name, t] : targets) t.copy_(source.at(name).to(t.device(), t.scalar_type()));
}

} // namespace tb::peft
