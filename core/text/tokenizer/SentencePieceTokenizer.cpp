#include "text/tokenizer/SentencePieceTokenizer.h"

#include "util/Error.h"

#include <sentencepiece_processor.h>

#include <filesystem>

namespace tb::tok {

SentencePieceTokenizer::SentencePieceTokenizer(const std::string& path)
    : sp_(std::make_unique<sentencepiece::SentencePieceProcessor>()) {
    if (!std::filesystem::is_regular_file(path)) throw Error("sentencepiece model '" + path + "' does not exist");
    const auto status = sp_->Load(path);
    if (!status.ok())
        throw Error("'" + path + "' is not a valid sentencepiece model: " + status.ToString());
    const int bos = sp_->bos_id(), eos = sp_->eos_id(), unk = sp_->unk_id(), pad = sp_->pad_id();
    if (bos >= 0) bosToken = sp_->IdToPiece(bos);
    if (eos >= 0) eosToken = sp_->IdToPiece(eos);
    if (unk >= 0) unkToken = sp_->IdToPiece(unk);
    if (pad >= 0) padToken = sp_->IdToPiece(pad);
    addBos_ = bos >= 0;
}

SentencePieceTokenizer::~SentencePieceTokenizer() = default;

std::vector<int64_t> SentencePieceTokenizer::encode(const std::string& text, bool addSpecialTokens) const {
    std::vector<int> raw;
    const auto status = sp_->Encode(text, &raw);
    if (!status.ok()) throw Error("sentencepiece encode failed: " + status.ToString());
    std::vector<int64_t> ids;
    ids.reserve(raw.size() + 2);
    if (addSpecialTokens && addBos_ && sp_->bos_id() >= 0) ids.push_back(sp_->bos_id());
    ids.insert(ids.end(), raw.begin(), raw.end());
    if (addSpecialTokens && addEos_ && sp_->eos_id() >= 0) ids.push_back(sp_->eos_id());
    return ids;
}

std::string SentencePieceTokenizer::decode(const std::vector<int64_t>& ids, bool skipSpecialTokens) const {
    std::vector<int> raw;
    raw.reserve(ids.size());
    const int n = sp_->GetPieceSize();
    for (const int64_t id : ids) {
        if (id < 0 || id >= n) continue;
        if (skipSpecialTokens && sp_->IsControl(static_cast<int>(id))) continue;
        raw.push_back(static_cast<int>(id));
    }
    std::string out;
    const auto status = sp_->Decode(raw, &out);
    if (!status.ok()) throw Error("sentencepiece decode failed: " + status.ToString());
    return out;
}

std::string SentencePieceTokenizer::idToToken(int64_t id) const {
    if (id < 0 || id >= sp_->GetPieceSize()) return {};
    return sp_->IdToPiece(static_cast<int>(id));
}

int64_t SentencePieceTokenizer::tokenToId(const std::string& token) const {
    const int id = sp_->PieceToId(token);
    if (id == sp_->unk_id() && token != unkToken) return -1;
    return id;
}

int64_t SentencePieceTokenizer::vocabSize() const { return sp_->GetPieceSize(); }

} // namespace tb::tok
