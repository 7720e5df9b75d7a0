// `tunebench render-chat`: a conversation through a chat template, as transformers'
// apply_chat_template(tokenize=False) renders it; prints the text as one JSON string.
#include "cli/Command.h"
#include "text/template/ChatTemplateConfig.h"
#include "text/template/PromptTemplate.h"
#include "util/Error.h"

#include <nlohmann/json.hpp>

#include <fstream>

namespace tb::cli {

Command makeRenderChatCommand() {
    Command c;
    c.name = "render-chat";
    c.summary = "render a conversation through a chat template (prints the text as a JSON string)";
    c.usage = "--template FILE_OR_TOKENIZER_DIR --messages M.json [--add-generation-prompt]";
    c.flags = {
        {"template", true, "a tokenizer folder, a tokenizer_config.json, or a .jinja template file"},
        {"messages", true, "a JSON list of {role, content} messages, or {\"messages\": [...], \"tools\": [...], ...}"},
        {"add-generation-prompt", false, "end with the assistant header so a model continues"},
    };
    c.run = [](const Args& args, const Context&) {
        ChatTemplateConfig cfg;
        try {
            cfg = ChatTemplateConfig::load(args.required("template"));
        } catch (const TemplateError& e) {
            throw UsageError(std::string("tunebench render-chat: ") + e.what());
        }
        const std::string path = args.required("messages");
        std::ifstream in(path, std::ios::binary);
        if (!in) throw UsageError("tunebench render-chat: cannot open --messages file '" + path + "'");
        nlohmann::json doc;
        try {
            doc = nlohmann::json::parse(in);
        } catch (const nlohmann::json::parse_error& e) {
            throw Error(path + ": not valid JSON (" + e.what() + ")");
        }
        nlohmann::json vars = cfg.specialTokens;
        nlohmann::json messages = doc;
        if (doc.is_object()) {
            if (!doc.contains("messages")) throw Error(path + ": expected a list of messages or an object with \"messages\"");
            messages = doc["messages"];
            for (auto it = doc.begin(); it != doc.end(); ++it)
                if (it.key() != "messages") vars[it.key()] = it.value();
        }
        if (!messages.is_array()) throw Error(path + ": \"messages\" must be a JSON list");
        const std::string text = renderChat(cfg.chatTemplate, messages, args.has("add-generation-prompt"), vars);
        printJsonLine(nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        return 0;
    };
    return c;
}

} // namespace tb::cli
