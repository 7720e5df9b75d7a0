#pragma once
// Why this exists: the stages of a Hugging Face `tokenizers` pipeline (normalizer,
// pre-tokenizer, model, decoder) as small interfaces built from tokenizer.json, so that each
// stage can reproduce the reference semantics on its own and be tested alone.
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace tb::tok {

// A piece of text on its way through pre-tokenization. atStart: the piece begins at offset 0
// of the original input (Metaspace's prepend_scheme "first" needs it).
struct Piece {
    std::string text;
    bool atStart = false;
};

class Normalizer {
public:
    virtual ~Normalizer();
    virtual void apply(std::string& s) const = 0;
};

class PreTokenizer {
public:
    virtual ~PreTokenizer();
    virtual void split(std::vector<Piece>& pieces) const = 0;
};

class Model {
public:
    virtual ~Model();
    // Appends the ids of one pre-tokenized word.
    virtual void tokenize(const std::string& word, std::vector<int64_t>& out) const = 0;
    virtual int64_t tokenToId(const std::string& token) const = 0;   // -1 if absent
    virtual std::string idToToken(int64_t id) const = 0;              // "" if absent
    virtual bool hasId(int64_t id) const = 0;
    virtual int64_t vocabSize() const = 0;
};

class Decoder {
public:
    virtual ~Decoder();
    // decode_chain: transforms the token strings; the caller joins them.
    virtual void decode(std::vector<std::string>& tokens) const = 0;
};

// How a Split/Digits/Punctuation pattern's matches cut a piece (HF SplitDelimiterBehavior).
enum class SplitBehavior { Removed, Isolated, MergedWithPrevious, MergedWithNext, Contiguous };
SplitBehavior parseBehavior(const std::string& name, const std::string& where);
// spans: consecutive [begin,end) ranges covering the text, each flagged as match or not.
std::vector<std::pair<size_t, size_t>> applyBehavior(
    const std::vector<std::pair<std::pair<size_t, size_t>, bool>>& spans, SplitBehavior behavior);
// Splits every piece with `cut` (returns match ranges of a piece) and the behavior.
template <class Cut>
void splitPieces(std::vector<Piece>& pieces, SplitBehavior behavior, bool invert, Cut&& cut);

// Factories: `where` names the JSON path for error messages. A null JSON gives nullptr.
std::unique_ptr<Normalizer> makeNormalizer(const nlohmann::json& j, const std::string& where = "normalizer");
std::unique_ptr<PreTokenizer> makePreTokenizer(const nlohmann::json& j, const std::string& where = "pre_tokenizer");
std::unique_ptr<Decoder> makeDecoder(const nlohmann::json& j, const std::string& where = "decoder");

// The 256 bytes <-> printable code points table of GPT-2's byte-level BPE.
const std::vector<std::string>& byteToUnicode();   // byte -> UTF-8 of its code point
int unicodeToByte(char32_t cp);                    // -1 if not in the table

// Sub-string tests the JSON loaders share.
std::string jsonType(const nlohmann::json& j, const std::string& where);

} // namespace tb::tok

#include "text/tokenizer/SplitPieces.inl"
