#include "text/tokenizer/SentencePieceTokenizer.h"

#include "util/Error.h"

#include "text/tokenizer/SpmApi.h"

#include <filesystem>

namespace tb::tok {

SentencePieceTokenizer::SentencePieceTokenizer(const std::string& path)
{
    if (!std::filesystem::is_regular_file(path)) throw Error("sentencepiece model '" + path + "' does not exist");
    const SpmApi& api = spmApi();
    std::string error;
    sp_ = api.load(path, &error);
    if (!sp_) throw Error("'" + path + "' is not a valid sentencepiece model: " + error);
    const int bos = api.bosId(sp_), eos = api.eosId(sp_), unk = api.unkId(sp_), pad = api.padId(sp_);
    if (bos >= 0) bosToken = api.idToPiece(sp_, bos);
    if (eos >= 0) eosToken = api.idToPiece(sp_, eos);
    if (unk >= 0) unkToken = api.idToPiece(sp_, unk);
    if (pad >= 0) padToken = api.idToPiece(sp_, pad);
    addBos_ = bos >= 0;
}

SentencePieceTokenizer::~SentencePieceTokenizer() {
    if (sp_) spmApi().destroy(sp_);
}

std::vector<int64_t> SentencePieceTokenizer::encode(const std::string& text, bool addSpecialTokens) const {
    const SpmApi& api = spmApi();
    std::vector<int> raw;
    std::string error;
    if (!api.encode(sp_, text, &raw, &error)) throw Error("sentencepiece encode failed: " + error);
    std::vector<int64_t> ids;
    ids.reserve(raw.size() + 2);
    if (addSpecialTokens && addBos_ && api.bosId(sp_) >= 0) ids.push_back(api.bosId(sp_));
    ids.insert(ids.end(), raw.begin(), raw.end());
    if (addSpecialTokens && addEos_ && api.eosId(sp_) >= 0) ids.push_back(api.eosId(sp_));
    return ids;
}

std::string SentencePieceTokenizer::decode(const std::vector<int64_t>& ids, bool skipSpecialTokens) const {
    const SpmApi& api = spmApi();
    std::vector<int> raw;
    raw.reserve(ids.size());
    const int n = api.pieceSize(sp_);
    for (const int64_t id : ids) {
        if (id < 0 || id >= n) continue;
        if (skipSpecialTokens && api.isControl(sp_, static_cast<int>(id))) continue;
        raw.push_back(static_cast<int>(id));
    }
    std::string out;
    std::string error;
    if (!api.decode(sp_, raw, &out, &error)) throw Error("sentencepiece decode failed: " + error);
    return out;
}

std::string SentencePieceTokenizer::idToToken(int64_t id) const {
    const SpmApi& api = spmApi();
    if (id < 0 || id >= api.pieceSize(sp_)) return {};
    return api.idToPiece(sp_, static_cast<int>(id));
}

int64_t SentencePieceTokenizer::tokenToId(const std::string& token) const {
    const SpmApi& api = spmApi();
    const int id = api.pieceToId(sp_, token);
    if (id == api.unkId(sp_) && token != unkToken) return -1;
    return id;
}

int64_t SentencePieceTokenizer::vocabSize() const { return spmApi().pieceSize(sp_); }

} // namespace tb::tok
