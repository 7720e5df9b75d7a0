#include "data/TemplateSelection.h"

#include <algorithm>
#include <set>

namespace tb {

std::vector<PromptTemplate> resolveTemplates(const std::vector<std::string>& specs) {
    std::vector<PromptTemplate> out;
    std::set<std::string> have;
    auto add = [&](const PromptTemplate& t) {
        if (have.insert(t.name).second) out.push_back(t);
    };
    for (const auto& spec : specs) {
        if (spec.empty()) continue;
        const bool isFile = spec.size() > 5 && spec.compare(spec.size() - 5, 5, ".json") == 0;
        if (!isFile) {
            const auto& builtins = builtinTemplates();
            auto byName = std::find_if(builtins.begin(), builtins.end(), [&](const PromptTemplate& t) { return t.name == spec; });
            if (byName != builtins.end()) {
                add(*byName);
                continue;
            }
            std::vector<const PromptTemplate*> task;
            for (const auto& t : builtins)
                if (t.task == spec) task.push_back(&t);
            if (!task.empty()) {
                std::sort(task.begin(), task.end(), [](const PromptTemplate* a, const PromptTemplate* b) { return a->name < b->name; });
                for (auto* t : task) add(*t);
                continue;
            }
            std::set<std::string> tasks;
            for (const auto& t : builtins) tasks.insert(t.task);
            std::string known;
            for (const auto& t : tasks) known += (known.empty() ? "" : ", ") + t;
            throw UsageError("no built-in template or task named '" + spec + "' (tasks: " + known +
                             "; or give a template .json file)");
        }
        add(loadTemplate(spec));
    }
    if (out.empty()) throw UsageError("choose at least one template (--templates NAME,TASK,FILE.json)");
    return out;
}

} // namespace tb
