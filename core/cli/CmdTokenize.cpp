// `tunebench tokenize`: encodes stdin lines with a model's tokenizer (as transformers would),
// or decodes id lists with --decode. One JSON line out per line in.
#include "cli/Command.h"
#include "text/Tokenizer.h"
#include "util/Error.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <ctime>
#include <iostream>

namespace tb::cli {

Command makeTokenizeCommand() {
    Command c;
    c.name = "tokenize";
    c.summary = "tokenize text with a model's tokenizer (stdin JSONL {\"text\": ...} or plain lines)";
    c.usage = "--model DIR|FILE [--no-special] [--decode [--skip-special]] [--stats] < input";
    c.flags = {
        {"model", true, "model or tokenizer folder, tokenizer.json, or sentencepiece .model"},
        {"no-special", false, "do not add BOS/EOS (transformers' add_special_tokens=False)"},
        {"decode", false, "read {\"ids\": [...]} lines and print {\"text\": ...}"},
        {"skip-special", false, "with --decode: drop special tokens"},
        {"stats", false, "print strings, tokens and tokens/s to stderr at the end"},
    };
    c.run = [](const Args& args, const Context&) {
        const std::string model = args.required("model");
        const auto tok = Tokenizer::fromModelDir(model);
        const bool addSpecial = !args.has("no-special"), decode = args.has("decode"), skip = args.has("skip-special");
        const auto dump = [](const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); };
        long lineNo = 0, strings = 0, tokens = 0;
        double seconds = 0, cpuSeconds = 0;
        std::string line;
        while (std::getline(std::cin, line)) {
            ++lineNo;
            if (!line.empty() && line.back() == '\r') line.pop_back();
            nlohmann::json j;
            bool isObject = false;
            if (!line.empty() && line.front() == '{') {
                j = nlohmann::json::parse(line, nullptr, false);
                isObject = !j.is_discarded() && j.is_object();
            }
            if (decode) {
                nlohmann::json ids = isObject ? j.value("ids", nlohmann::json()) : nlohmann::json::parse(line, nullptr, false);
                if (!ids.is_array()) throw UsageError("tokenize --decode: line " + std::to_string(lineNo) + " is not {\"ids\": [...]}");
                std::vector<int64_t> v;
                for (const auto& x : ids) {
                    if (!x.is_number_integer()) throw UsageError("tokenize --decode: line " + std::to_string(lineNo) + " has a non-integer id");
                    v.push_back(x.get<int64_t>());
                }
                printJsonLine(dump(nlohmann::json{{"text", tok->decode(v, skip)}}));
                continue;
            }
            std::string text = line;
            if (isObject) {
                if (!j.contains("text") || !j["text"].is_string())
                    throw UsageError("tokenize: line " + std::to_string(lineNo) + " is a JSON object without a string \"text\"");
                text = j["text"].get<std::string>();
            }
            const auto t0 = std::chrono::steady_clock::now();
            const std::clock_t c0 = std::clock();
            const auto ids = tok->encode(text, addSpecial);
            cpuSeconds += static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
            seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            ++strings;
            tokens += static_cast<long>(ids.size());
            nlohmann::json out;
            out["ids"] = ids;
            auto& names = out["tokens"] = nlohmann::json::array();
            for (const auto id : ids) names.push_back(tok->idToToken(id));
            printJsonLine(dump(out));
        }
        if (args.has("stats"))
            std::cerr << dump(nlohmann::json{{"strings", strings}, {"tokens", tokens}, {"encode_seconds", seconds},
                                             {"encode_cpu_seconds", cpuSeconds},
                                             {"tokens_per_s", seconds > 0 ? static_cast<double>(tokens) / seconds : 0.0},
                                             {"tokens_per_cpu_s", cpuSeconds > 0 ? static_cast<double>(tokens) / cpuSeconds : 0.0}})
                      << "\n";
        return 0;
    };
    return c;
}

} // namespace tb::cli
