#pragma once
// Why this exists: the data path and loss for encoder-decoder models (T5 / FLAN-T5), the
// counterpart of Collator.h and CausalLmLoss.h, used by the Trainer when the model is a Seq2SeqLM:
//   1. tokenizeSeq2SeqExample: encoder ids = the prompt with the tokenizer's special tokens (T5
//      appends </s>), labels = completion + EOS; both truncated to the sequence length, keeping
//      the closing EOS, as transformers' tokenizer(truncation=True) does;
//   2. collateSeq2Seq: Batch.inputIds / attentionMask = the right-padded encoder input,
//      Batch.labels = the right-padded labels (-100 on padding), [B, T] with its own length;
//   3. seq2seqLoss: decoder input = labels shifted right from decoder_start_token_id, mean
//      cross-entropy over the labels that are not -100 (T5ForConditionalGeneration with labels=,
//      PEFT's SEQ_2_SEQ_LM). Prompt tuning's soft prompt goes in front of the encoder input.
#include "training/Collator.h"

namespace tb {

class Seq2SeqLM;

TokenizedExample tokenizeSeq2SeqExample(const Tokenizer& tok, const TextExample& ex, int64_t maxSourceLength,
                                        int64_t maxTargetLength, int64_t eosId);
Batch collateSeq2Seq(const std::vector<TokenizedExample>& examples, const std::vector<size_t>& rows, int64_t padId);
// virtualTokens: [n, d_model] soft prompt (prompt tuning) or undefined.
torch::Tensor seq2seqLoss(Seq2SeqLM& model, const Batch& batch, const torch::Tensor& virtualTokens = {});

} // namespace tb
