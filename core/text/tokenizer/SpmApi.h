#pragma once
// Why this exists: Debian's libsentencepiece carries its own copy of protobuf-lite, and
// LibTorch links the full libprotobuf; in one process their symbols collide and the program
// crashes during static initialisation. So sentencepiece lives in a small plugin
// (libtunebench_spm.so) that is dlopen'ed with RTLD_DEEPBIND, only when a .model file is
// loaded, and reached through this table of functions. Both sides are built by the same
// compiler and standard library, so std types cross the boundary safely.
#include <string>
#include <vector>

namespace tb::tok {

struct SpmApi {
    void* (*load)(const std::string& path, std::string* error);
    void (*destroy)(void* handle);
    bool (*encode)(void* handle, const std::string& text, std::vector<int>* ids, std::string* error);
    bool (*decode)(void* handle, const std::vector<int>& ids, std::string* text, std::string* error);
    std::string (*idToPiece)(void* handle, int id);
    int (*pieceToId)(void* handle, const std::string& piece);
    int (*pieceSize)(void* handle);
    bool (*isControl)(void* handle, int id);
    int (*bosId)(void* handle);
    int (*eosId)(void* handle);
    int (*unkId)(void* handle);
    int (*padId)(void* handle);
};

// Loads the plugin once; throws tb::Error naming where it looked when it cannot.
const SpmApi& spmApi();

} // namespace tb::tok
