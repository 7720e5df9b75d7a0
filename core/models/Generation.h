#pragma once
// Why this exists: one generation loop (greedy or sampled, batched with left padding, KV cache,
// stop conditions, streaming, cancel) with transformers' semantics, used by the CLI, the
// evaluation room and the GUI's playground.
#include "models/CausalLM.h"

#include <atomic>
#include <functional>
#include <string>
#include <vector>

namespace tb {

struct GenerationOptions {
    int64_t maxNewTokens = 64;
    bool doSample = false;          // false = greedy
    double temperature = 1.0;
    int64_t topK = 0;               // 0 = off
    double topP = 1.0;              // 1 = off
    double repetitionPenalty = 1.0; // HF semantics: logit<0 ? *p : /p over prompt+generated ids
    uint64_t seed = 0;
    bool hasSeed = false;
    std::vector<int64_t> eosTokenIds;   // stop when a sequence emits one (it is kept in the output)
    int64_t padTokenId = -1;            // used for left padding and finished rows; -1: eos or 0
    std::vector<std::string> stopStrings;
    // Needed for stop strings: decodes a sequence's new ids to text.
    std::function<std::string(const std::vector<int64_t>&)> decode;
    // Called after every step for every still-running sequence with its new token.
    std::function<void(int64_t sequence, int64_t token)> onToken;
    const std::atomic<bool>* cancel = nullptr;
    // Prompt positions plus new tokens must fit the context; otherwise tb::Error
    // (prompt too long) or generation stops at the context length.
};

struct GenerationResult {
    std::vector<std::vector<int64_t>> newTokens;   // per prompt, without padding
    std::vector<std::string> finishReasons;        // "eos", "stop_string", "length", "context", "cancelled"
    std::vector<std::string> texts;                // decoded new tokens when options.decode is set
};

// Prompts of different lengths are left-padded into one batch; position ids follow the mask.
GenerationResult generate(CausalLM& model, const std::vector<std::vector<int64_t>>& prompts,
                          const GenerationOptions& options);

// eos_token_id from generation_config.json (int or list), else config.json; empty when absent.
std::vector<int64_t> eosTokenIdsForModelDir(const std::string& dir);

} // namespace tb
