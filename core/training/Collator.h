#pragma once
// Why this exists: DESIGN §5's data path for causal LMs, in one place:
//   1. tokenizeExample: input = prompt ⊕ completion ⊕ EOS, labels -100 on the prompt (unless
//      training on prompts), truncated to the sequence length keeping the completion;
//   2. pack (optional): examples concatenated and cut into full-length rows;
//   3. batchOrder: a seeded shuffle per epoch, length-grouped like transformers'
//      LengthGroupedSampler (megabatches of 50 batches sorted by length), so padding is small;
//   4. collate: dynamic right padding to the longest row of the batch.
#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <vector>

namespace tb {

class Tokenizer;

struct TextExample {
    std::string prompt, completion;
};

struct TokenizedExample {
    std::vector<int64_t> ids;
    std::vector<int64_t> labels;   // -100 where no loss
};

struct Batch {
    torch::Tensor inputIds;        // [B, T] int64
    torch::Tensor attentionMask;   // [B, T] int64
    torch::Tensor labels;          // [B, T] int64, -100 on padding and masked tokens
    int64_t tokens = 0;            // non-padding tokens
    int64_t labelTokens = 0;       // tokens that carry loss (after the shift)
};

// Reads JSONL rows {"prompt": ..., "completion": ...}; errors name the line.
std::vector<TextExample> loadJsonlExamples(const std::string& path);

TokenizedExample tokenizeExample(const Tokenizer& tok, const TextExample& ex, int64_t maxLength,
                                 bool trainOnPrompt, int64_t eosId);
std::vector<TokenizedExample> packExamples(const std::vector<TokenizedExample>& examples, int64_t length);
std::vector<std::vector<size_t>> batchOrder(const std::vector<int64_t>& lengths, int64_t batchSize,
                                            uint64_t seed, int64_t epoch, bool groupByLength, bool shuffle = true);
Batch collate(const std::vector<TokenizedExample>& examples, const std::vector<size_t>& rows, int64_t padId);

} // namespace tb
