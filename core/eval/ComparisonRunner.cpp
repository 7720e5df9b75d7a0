#include "eval/ComparisonRunner.h"

#include "eval/Perplexity.h"
#include "eval/metrics/PairedDeltas.h"
#include "models/Generation.h"
#include "models/ModelLoader.h"
#include "peft/AdapterLoader.h"
#include "text/Tokenizer.h"
#include "util/Error.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace tb::eval {

namespace {

std::string trimWhitespace(const std::string& s) {
    const char* ws = " \t\r\n\f\v";
    const size_t b = s.find_first_not_of(ws);
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(ws) - b + 1);
}

// Keeps the prompt's last tokens so that prompt + new tokens fit the context (a leading BOS
// is kept). Dialogues longer than a small model's context are common.
std::vector<int64_t> fitPrompt(std::vector<int64_t> ids, int64_t budget, int64_t bos) {
    if (budget <= 0) throw Error("the model's context is too short for --max-new-tokens");
    if (static_cast<int64_t>(ids.size()) <= budget) return ids;
    const bool hasBos = bos >= 0 && !ids.empty() && ids.front() == bos;
    std::vector<int64_t> out;
    if (hasBos) out.push_back(bos);
    const int64_t keep = budget - (hasBos ? 1 : 0);
    out.insert(out.end(), ids.end() - keep, ids.end());
    return out;
}

struct LoadedModel {
    std::shared_ptr<CausalLM> lm;
    std::unique_ptr<Tokenizer> tokenizer;
    std::vector<int64_t> eosIds;
};

LoadedModel loadForSpec(const ModelSpec& spec, const ComparisonOptions& o) {
    LoadedModel m;
    const std::string weightsDir = spec.kind == "model" ? spec.path : o.modelDir;
    m.lm = loadCausalLM(weightsDir, LoadOptions{o.device, "fp32"});
    if (spec.kind == "adapter") m.lm = withAdapterFromDir(m.lm, spec.path);   // a soft prompt wraps the model
    const bool ownTokenizer = spec.kind == "model" && (fs::exists(fs::path(spec.path) / "tokenizer.json")
                                                       || fs::exists(fs::path(spec.path) / "tokenizer.model"));
    const std::string tokDir = ownTokenizer ? spec.path : o.modelDir;
    m.tokenizer = Tokenizer::fromModelDir(tokDir);
    m.eosIds = eosTokenIdsForModelDir(weightsDir);
    if (m.eosIds.empty() && m.tokenizer->eosId() >= 0) m.eosIds.push_back(m.tokenizer->eosId());
    m.lm->eval();
    return m;
}

} // namespace

std::vector<EvalExample> loadEvalExamplesJsonl(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw UsageError("--data: cannot open " + path);
    std::vector<EvalExample> out;
    std::string line;
    long long lineNo = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        const std::string where = path + ":" + std::to_string(lineNo);
        const auto j = nlohmann::json::parse(line, nullptr, false);
        if (j.is_discarded() || !j.is_object()) throw UsageError(where + ": not a JSON object");
        if (!j.contains("prompt") || !j["prompt"].is_string()) throw UsageError(where + ": missing \"prompt\" (a string)");
        EvalExample ex;
        ex.prompt = j["prompt"].get<std::string>();
        if (j.contains("references")) {
            if (!j["references"].is_array() || j["references"].empty())
                throw UsageError(where + ": \"references\" must be a non-empty array of strings");
            for (const auto& r : j["references"]) {
                if (!r.is_string()) throw UsageError(where + ": every reference must be a string");
                ex.references.push_back(r.get<std::string>());
            }
        } else if (j.contains("completion") && j["completion"].is_string()) {
            ex.references.push_back(j["completion"].get<std::string>());
        } else {
            throw UsageError(where + ": needs \"completion\" (a string) or \"references\" (an array of strings)");
        }
        out.push_back(std::move(ex));
    }
    if (out.empty()) throw UsageError("--data: " + path + " has no examples");
    return out;
}

ModelSpec classifyModelArgument(const std::string& arg) {
    if (arg == "base") return {"base", "base", ""};
    const fs::path p(arg);
    if (!fs::is_directory(p))
        throw UsageError("--adapters: '" + arg + "' is neither 'base', a run id, nor a folder");
    std::string label = p.filename().string();
    if (label.empty()) label = p.parent_path().filename().string();
    if (fs::exists(p / "adapter_config.json")) return {label, "adapter", arg};
    if (fs::exists(p / "config.json")) return {label, "model", arg};
    throw UsageError("--adapters: folder '" + arg + "' has neither adapter_config.json (a PEFT adapter) "
                     "nor config.json (a model)");
}

ComparisonResult runComparison(const std::vector<EvalExample>& examples, const ComparisonOptions& o) {
    if (o.models.empty()) throw UsageError("evaluation: no models to compare");
    if (examples.empty()) throw UsageError("evaluation: the split has no examples");
    if (o.batchSize <= 0) throw UsageError("evaluation: --batch must be positive");
    if (o.maxNewTokens <= 0) throw UsageError("evaluation: --max-new-tokens must be positive");
    if (!(o.repetitionPenalty > 0)) throw UsageError("evaluation: the repetition penalty must be positive (1 = off)");
    for (size_t i = 0; i < examples.size(); ++i)
        if (examples[i].references.empty())
            throw UsageError("evaluation: example " + std::to_string(i) + " has no reference");

    ComparisonResult result;
    const int64_t modelCount = static_cast<int64_t>(o.models.size());
    const int64_t total = static_cast<int64_t>(examples.size());
    auto report = [&](const std::string& label, int64_t mi, const char* phase, int64_t done, int64_t tot) {
        if (o.progress) o.progress({label, mi, modelCount, phase, done, tot});
    };
    auto cancelled = [&] { return o.cancel && o.cancel->load(); };

    for (int64_t mi = 0; mi < modelCount && !result.cancelled; ++mi) {
        const ModelSpec& spec = o.models[static_cast<size_t>(mi)];
        report(spec.label, mi, "loading", 0, total);
        LoadedModel m;
        try {
            m = loadForSpec(spec, o);
        } catch (const std::exception& e) {
            throw Error("model '" + spec.label + "': " + e.what());
        }
        ModelResult mr;
        mr.spec = spec;
        metrics::MetricSuite suite(o.metrics);

        GenerationOptions g;
        g.maxNewTokens = o.maxNewTokens;
        g.doSample = o.doSample;
        g.temperature = o.temperature;
        g.topP = o.topP;
        g.topK = o.topK;
        g.repetitionPenalty = o.repetitionPenalty;
        g.seed = o.seed;
        g.hasSeed = o.doSample;
        g.eosTokenIds = m.eosIds;
        g.padTokenId = m.tokenizer->padId();
        g.cancel = o.cancel;
        const Tokenizer* tok = m.tokenizer.get();
        g.decode = [tok](const std::vector<int64_t>& ids) { return tok->decode(ids, true); };

        const int64_t ctx = m.lm->contextLength() > 0 ? m.lm->contextLength() : 2048;
        const auto t0 = std::chrono::steady_clock::now();
        int64_t newTokens = 0;
        report(spec.label, mi, "generating", 0, total);
        for (size_t start = 0; start < examples.size(); start += static_cast<size_t>(o.batchSize)) {
            if (cancelled()) { result.cancelled = true; break; }
            const size_t end = std::min(examples.size(), start + static_cast<size_t>(o.batchSize));
            std::vector<std::vector<int64_t>> prompts;
            for (size_t i = start; i < end; ++i)
                prompts.push_back(fitPrompt(tok->encode(examples[i].prompt, true), ctx - o.maxNewTokens, tok->bosId()));
            GenerationResult gr;
            try {
                gr = generate(*m.lm, prompts, g);
            } catch (const std::exception& e) {
                throw Error("model '" + spec.label + "', generating examples " + std::to_string(start) + ".."
                            + std::to_string(end - 1) + ": " + e.what());
            }
            for (size_t k = 0; k < prompts.size(); ++k) {
                if (k < gr.finishReasons.size() && gr.finishReasons[k] == "cancelled") result.cancelled = true;
                const size_t i = start + k;
                ExampleRecord rec;
                rec.index = static_cast<int64_t>(i);
                rec.prompt = examples[i].prompt;
                rec.references = examples[i].references;
                const std::string text = k < gr.texts.size() ? gr.texts[k] : tok->decode(gr.newTokens[k], true);
                rec.prediction = trimWhitespace(text);
                rec.finishReason = k < gr.finishReasons.size() ? gr.finishReasons[k] : "";
                newTokens += static_cast<int64_t>(gr.newTokens[k].size());
                rec.scores = suite.add(rec.prediction, rec.references);
                mr.examples.push_back(std::move(rec));
            }
            report(spec.label, mi, "generating", static_cast<int64_t>(end), total);
        }
        const double genSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        mr.aggregate = suite.aggregate();
        if (o.metrics.rouge) mr.rougeLF = suite.column("rougeL", 2);
        mr.aggregate["generation_seconds"] = genSeconds;
        mr.aggregate["new_tokens"] = newTokens;
        mr.aggregate["tokens_per_second"] = genSeconds > 0 ? static_cast<double>(newTokens) / genSeconds : 0.0;

        if (o.computeLoss && !result.cancelled) {
            std::vector<TextExample> lossExamples;
            for (const auto& ex : examples) lossExamples.push_back({ex.prompt, ex.references.front()});
            report(spec.label, mi, "loss", 0, total);
            const int64_t eos = m.eosIds.empty() ? -1 : m.eosIds.front();
            const LossSummary ls = evaluateLoss(*m.lm, *tok, lossExamples, o.batchSize,
                                                o.maxLength > 0 ? o.maxLength : ctx, eos, o.cancel,
                                                [&](int64_t d) { report(spec.label, mi, "loss", d, total); });
            if (ls.cancelled) result.cancelled = true;
            mr.aggregate["loss"] = ls.meanLoss;
            mr.aggregate["perplexity"] = ls.perplexity;
            mr.aggregate["loss_tokens"] = ls.tokens;
        }
        report(spec.label, mi, "done", total, total);
        if (o.onModelFinished) o.onModelFinished(mr);
        result.models.push_back(std::move(mr));
    }
    if (!result.cancelled) result.deltas = comparisonDeltas(result.models);
    return result;
}

nlohmann::json comparisonDeltas(const std::vector<ModelResult>& models, size_t topK) {
    nlohmann::json out = nlohmann::json::object();
    if (models.size() < 2) return out;
    size_t baseIdx = 0;
    for (size_t i = 0; i < models.size(); ++i)
        if (models[i].spec.kind == "base") { baseIdx = i; break; }
    const auto& base = models[baseIdx];
    for (size_t i = 0; i < models.size(); ++i) {
        if (i == baseIdx || models[i].rougeLF.size() != base.rougeLF.size() || base.rougeLF.empty()) continue;
        nlohmann::json d = metrics::pairedDeltas(base.rougeLF, models[i].rougeLF, topK).toJson();
        d["metric"] = "rougeL.fmeasure";
        d["against"] = base.spec.label;
        out[models[i].spec.label] = d;
    }
    return out;
}

std::string formatComparisonTable(const ComparisonResult& r) {
    std::ostringstream os;
    char buf[512];
    std::snprintf(buf, sizeof buf, "%-24s %-22s %-22s %-22s %-22s %8s %8s %9s\n", "model", "ROUGE-1 F [95% CI]",
                  "ROUGE-2 F [95% CI]", "ROUGE-L F [95% CI]", "ROUGE-Lsum F [95% CI]", "BLEU", "chrF", "loss");
    os << buf;
    auto cell = [](const nlohmann::json& a, const char* key) {
        char c[64];
        if (!a.contains(key)) return std::string("-");
        const auto& x = a[key];
        std::snprintf(c, sizeof c, "%.4f [%.4f,%.4f]", x["fmeasure"].get<double>(), x["low"]["fmeasure"].get<double>(),
                      x["high"]["fmeasure"].get<double>());
        return std::string(c);
    };
    for (const auto& m : r.models) {
        const auto& a = m.aggregate;
        std::snprintf(buf, sizeof buf, "%-24s %-22s %-22s %-22s %-22s %8.3f %8.3f %9.4f\n", m.spec.label.c_str(),
                      cell(a, "rouge1").c_str(), cell(a, "rouge2").c_str(), cell(a, "rougeL").c_str(),
                      cell(a, "rougeLsum").c_str(), a.contains("bleu") ? a["bleu"]["score"].get<double>() : 0.0,
                      a.contains("chrf") ? a["chrf"]["score"].get<double>() : 0.0, a.value("loss", 0.0));
        os << buf;
    }
    for (const auto& [label, d] : r.deltas.items()) {
        std::snprintf(buf, sizeof buf, "%s vs %s (ROUGE-L F per example): %lld wins, %lld ties, %lld losses; mean delta %+.4f [%+.4f,%+.4f]\n",
                      label.c_str(), d["against"].get<std::string>().c_str(), d["wins"].get<long long>(),
                      d["ties"].get<long long>(), d["losses"].get<long long>(), d["mean_delta"].get<double>(),
                      d["mean_delta_low"].get<double>(), d["mean_delta_high"].get<double>());
        os << buf;
    }
    return os.str();
}

} // namespace tb::eval
