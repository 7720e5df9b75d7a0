// The sentencepiece plugin (see text/tokenizer/SpmApi.h for why it is separate).
#include "text/tokenizer/SpmApi.h"

#include <sentencepiece_processor.h>

namespace {
using sentencepiece::SentencePieceProcessor;
SentencePieceProcessor* sp(void* h) { return static_cast<SentencePieceProcessor*>(h); }

void* load(const std::string& path, std::string* error) {
    auto* p = new SentencePieceProcessor();
    const auto status = p->Load(path);
    if (!status.ok()) {
        *error = status.ToString();
        delete p;
        return nullptr;
    }
    return p;
}
void destroy(void* h) { delete sp(h); }
bool encode(void* h, const std::string& text, std::vector<int>* ids, std::string* error) {
    const auto status = sp(h)->Encode(text, ids);
    if (!status.ok()) *error = status.ToString();
    return status.ok();
}
bool decode(void* h, const std::vector<int>& ids, std::string* text, std::string* error) {
    const auto status = sp(h)->Decode(ids, text);
    if (!status.ok()) *error = status.ToString();
    return status.ok();
}
std::string idToPiece(void* h, int id) { return sp(h)->IdToPiece(id); }
int pieceToId(void* h, const std::string& piece) { return sp(h)->PieceToId(piece); }
int pieceSize(void* h) { return sp(h)->GetPieceSize(); }
bool isControl(void* h, int id) { return sp(h)->IsControl(id); }
int bosId(void* h) { return sp(h)->bos_id(); }
int eosId(void* h) { return sp(h)->eos_id(); }
int unkId(void* h) { return sp(h)->unk_id(); }
int padId(void* h) { return sp(h)->pad_id(); }

const tb::tok::SpmApi kApi = {load, destroy, encode, decode, idToPiece, pieceToId, pieceSize,
                              isControl, bosId, eosId, unkId, padId};
} // namespace

extern "C" __attribute__((visibility("default"))) const tb::tok::SpmApi* tunebench_spm_api() { return &kApi; }
