#include "io/SafeTensorsFile.h"

#include "util/Error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace tb {
namespace {

struct DtypeRow { StDtype d; const char* name; size_t size; };
const DtypeRow kDtypes[] = {
    {StDtype::F64, "F64", 8},  {StDtype::F32, "F32", 4},   {StDtype::F16, "F16", 2},
    {StDtype::BF16, "BF16", 2}, {StDtype::I64, "I64", 8},  {StDtype::I32, "I32", 4},
    {StDtype::I16, "I16", 2},  {StDtype::I8, "I8", 1},     {StDtype::U8, "U8", 1},
    {StDtype::BOOL, "BOOL", 1}, {StDtype::F8_E4M3, "F8_E4M3", 1}, {StDtype::F8_E5M2, "F8_E5M2", 1},
    {StDtype::U16, "U16", 2},  {StDtype::U32, "U32", 4},   {StDtype::U64, "U64", 8},
};

// Header sizes beyond this are not a real safetensors file (the format caps it at 100 MB).
constexpr uint64_t kMaxHeader = 100ull * 1024 * 1024;

[[noreturn]] void fail(const std::string& path, const std::string& what) {
    throw Error("safetensors file " + path + ": " + what +
                ". The file is damaged or not a safetensors file; re-download or re-save it.");
}

} // namespace

const char* stDtypeName(StDtype d) {
    for (const auto& r : kDtypes) if (r.d == d) return r.name;
    return "?";
}
size_t stDtypeSize(StDtype d) {
    for (const auto& r : kDtypes) if (r.d == d) return r.size;
    return 0;
}
bool parseStDtype(const std::string& name, StDtype& out) {
    for (const auto& r : kDtypes) if (name == r.name) { out = r.d; return true; }
    return false;
}

int64_t StTensorInfo::numel() const {
    int64_t n = 1;
    for (auto s : shape) n *= s;
    return n;
}

std::shared_ptr<SafeTensorsFile> SafeTensorsFile::open(const std::string& path) {
    std::shared_ptr<SafeTensorsFile> f(new SafeTensorsFile());
    f->path_ = path;
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw Error("cannot open " + path + ": " + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0) { ::close(fd); throw Error("cannot stat " + path); }
    const uint64_t fileSize = static_cast<uint64_t>(st.st_size);
    if (fileSize < 8) { ::close(fd); fail(path, "truncated: " + std::to_string(fileSize) + " bytes, shorter than the 8-byte header length"); }
    void* m = ::mmap(nullptr, fileSize, PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (m == MAP_FAILED) throw Error("cannot map " + path + ": " + std::strerror(errno));
    f->map_ = m;
    f->mapSize_ = fileSize;
    const auto* bytes = static_cast<const uint8_t*>(m);

    uint64_t headerLen = 0;
    for (int i = 7; i >= 0; --i) headerLen = (headerLen << 8) | bytes[i];
    if (headerLen > kMaxHeader) fail(path, "header length " + std::to_string(headerLen) + " is implausibly large");
    if (8 + headerLen > fileSize)
        fail(path, "truncated: header says " + std::to_string(headerLen) + " bytes of JSON but the file has " +
                       std::to_string(fileSize - 8));
    nlohmann::json header;
    try {
        header = nlohmann::json::parse(reinterpret_cast<const char*>(bytes + 8),
                                       reinterpret_cast<const char*>(bytes + 8 + headerLen));
    } catch (const std::exception& e) {
        fail(path, std::string("header is not valid JSON (") + e.what() + ")");
    }
    if (!header.is_object()) fail(path, "header is not a JSON object");
    f->dataStart_ = bytes + 8 + headerLen;
    const uint64_t dataSize = fileSize - 8 - headerLen;

    for (auto it = header.begin(); it != header.end(); ++it) {
        if (it.key() == "__metadata__") {
            if (!it.value().is_object()) fail(path, "__metadata__ is not an object");
            for (auto m2 = it.value().begin(); m2 != it.value().end(); ++m2)
                if (m2.value().is_string()) f->metadata_[m2.key()] = m2.value().get<std::string>();
            continue;
        }
        const auto& v = it.value();
        const std::string ctx = "tensor '" + it.key() + "'";
        if (!v.is_object() || !v.contains("dtype") || !v.contains("shape") || !v.contains("data_offsets"))
            fail(path, ctx + " lacks dtype, shape or data_offsets");
        StTensorInfo t;
        t.name = it.key();
        if (!v["dtype"].is_string() || !parseStDtype(v["dtype"].get<std::string>(), t.dtype))
            fail(path, ctx + " has an unknown dtype " + v["dtype"].dump());
        if (!v["shape"].is_array()) fail(path, ctx + " shape is not a list");
        uint64_t numel = 1;
        for (const auto& s : v["shape"]) {
            if (!s.is_number_integer() || s.get<int64_t>() < 0) fail(path, ctx + " has a bad shape " + v["shape"].dump());
            const auto dim = s.get<uint64_t>();
            if (dim != 0 && numel > (1ull << 62) / dim) fail(path, ctx + " shape overflows");
            numel *= dim;
            t.shape.push_back(s.get<int64_t>());
        }
        const auto& off = v["data_offsets"];
        if (!off.is_array() || off.size() != 2 || !off[0].is_number_unsigned() || !off[1].is_number_unsigned())
            fail(path, ctx + " data_offsets is not [begin, end]");
        t.begin = off[0].get<uint64_t>();
        t.end = off[1].get<uint64_t>();
        if (t.end < t.begin) fail(path, ctx + " data_offsets end < begin");
        if (t.end > dataSize)
            fail(path, ctx + " data_offsets [" + std::to_string(t.begin) + ", " + std::to_string(t.end) +
                           "] lie outside the data area of " + std::to_string(dataSize) +
                           " bytes (offsets out of range, or the file is truncated)");
        const uint64_t expected = numel * stDtypeSize(t.dtype);
        if (t.end - t.begin != expected)
            fail(path, ctx + " holds " + std::to_string(t.end - t.begin) + " bytes but shape " + v["shape"].dump() +
                           " x " + stDtypeName(t.dtype) + " needs " + std::to_string(expected));
        f->tensors_.push_back(std::move(t));
    }
    // No two tensors may share bytes.
    std::vector<const StTensorInfo*> byOffset;
    for (const auto& t : f->tensors_) if (t.end > t.begin) byOffset.push_back(&t);
    std::sort(byOffset.begin(), byOffset.end(), [](auto a, auto b) { return a->begin < b->begin; });
    for (size_t i = 1; i < byOffset.size(); ++i)
        if (byOffset[i]->begin < byOffset[i - 1]->end)
            fail(path, "tensors '" + byOffset[i - 1]->name + "' and '" + byOffset[i]->name + "' overlap");
    std::sort(f->tensors_.begin(), f->tensors_.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    for (size_t i = 0; i < f->tensors_.size(); ++i) f->index_[f->tensors_[i].name] = i;
    return f;
}

SafeTensorsFile::~SafeTensorsFile() {
    if (map_) ::munmap(map_, mapSize_);
}

const StTensorInfo* SafeTensorsFile::find(const std::string& name) const {
    auto it = index_.find(name);
    return it == index_.end() ? nullptr : &tensors_[it->second];
}

SafeTensorsSet SafeTensorsSet::openModelDir(const std::string& dir) {
    SafeTensorsSet set;
    if (!fs::is_directory(dir)) throw Error("model folder " + dir + " does not exist or is not a folder");
    std::vector<std::string> paths;
    const fs::path index = fs::path(dir) / "model.safetensors.index.json";
    if (fs::exists(fs::path(dir) / "model.safetensors")) {
        paths.push_back((fs::path(dir) / "model.safetensors").string());
    } else if (fs::exists(index)) {
        nlohmann::json j;
        try {
            std::ifstream in(index);
            j = nlohmann::json::parse(in);
        } catch (const std::exception& e) {
            throw Error("reading " + index.string() + ": " + e.what());
        }
        if (!j.contains("weight_map") || !j["weight_map"].is_object())
            throw Error(index.string() + ": no weight_map object");
        std::set<std::string> shards;
        for (auto it = j["weight_map"].begin(); it != j["weight_map"].end(); ++it) {
            if (!it.value().is_string()) throw Error(index.string() + ": weight_map[" + it.key() + "] is not a file name");
            shards.insert(it.value().get<std::string>());
        }
        for (const auto& s : shards) {
            auto p = fs::path(dir) / s;
            if (!fs::exists(p)) throw Error(index.string() + " names shard " + s + ", which is missing from the folder");
            paths.push_back(p.string());
        }
    } else {
        bool hasBin = false;
        for (const auto& e : fs::directory_iterator(dir)) {
            const auto ext = e.path().extension().string();
            if (ext == ".safetensors") paths.push_back(e.path().string());
            if (ext == ".bin" || ext == ".pt" || ext == ".pth" || ext == ".ckpt") hasBin = true;
        }
        std::sort(paths.begin(), paths.end());
        if (paths.empty() && hasBin)
            throw Error("model folder " + dir + " has only PyTorch pickle weights (*.bin/*.pt). Tunebench loads only "
                        "safetensors (pickles can run code). Convert once with Python: "
                        "python -c \"from transformers import AutoModelForCausalLM as M; "
                        "M.from_pretrained('" + dir + "').save_pretrained('" + dir + "-safetensors', safe_serialization=True)\" "
                        "(copy the tokenizer files along), then open the new folder.");
        if (paths.empty()) throw Error("model folder " + dir + " has no model.safetensors (nor shards with model.safetensors.index.json)");
    }
    for (const auto& p : paths) {
        auto f = SafeTensorsFile::open(p);
        for (const auto& t : f->tensors()) {
            if (set.where_.count(t.name)) throw Error("tensor '" + t.name + "' appears in more than one shard of " + dir);
            set.where_[t.name] = set.files_.size();
        }
        set.files_.push_back(std::move(f));
    }
    return set;
}

std::vector<std::string> SafeTensorsSet::names() const {
    std::vector<std::string> out;
    for (const auto& kv : where_) out.push_back(kv.first);
    return out;
}

const StTensorInfo* SafeTensorsSet::find(const std::string& name, const SafeTensorsFile** file) const {
    auto it = where_.find(name);
    if (it == where_.end()) return nullptr;
    const auto& f = files_[it->second];
    if (file) *file = f.get();
    return f->find(name);
}

void writeSafeTensors(const std::string& path, const std::vector<StTensorData>& tensors,
                      const std::map<std::string, std::string>& metadata) {
    nlohmann::json header = nlohmann::json::object();
    if (!metadata.empty()) header["__metadata__"] = metadata;
    std::vector<const StTensorData*> order;
    for (const auto& t : tensors) order.push_back(&t);
    std::sort(order.begin(), order.end(), [](auto a, auto b) { return a->name < b->name; });
    uint64_t offset = 0;
    std::set<std::string> seen;
    for (const auto* t : order) {
        if (!seen.insert(t->name).second) throw Error("writing " + path + ": tensor '" + t->name + "' given twice");
        uint64_t numel = 1;
        for (auto s : t->shape) numel *= static_cast<uint64_t>(s);
        if (numel * stDtypeSize(t->dtype) != t->size)
            throw Error("writing " + path + ": tensor '" + t->name + "' has " + std::to_string(t->size) +
                        " bytes, its shape needs " + std::to_string(numel * stDtypeSize(t->dtype)));
        header[t->name] = {{"dtype", stDtypeName(t->dtype)}, {"shape", t->shape}, {"data_offsets", {offset, offset + t->size}}};
        offset += t->size;
    }
    std::string h = header.dump();
    while ((h.size() + 8) % 8 != 0) h.push_back(' ');   // align the data area to 8 bytes
    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) throw Error("cannot write " + tmp);
        uint8_t len[8];
        uint64_t n = h.size();
        for (int i = 0; i < 8; ++i) len[i] = static_cast<uint8_t>(n >> (8 * i));
        out.write(reinterpret_cast<const char*>(len), 8);
        out.write(h.data(), static_cast<std::streamsize>(h.size()));
        for (const auto* t : order) out.write(static_cast<const char*>(t->bytes), static_cast<std::streamsize>(t->size));
        out.flush();
        if (!out) throw Error("writing " + tmp + " failed (disk full?)");
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (ec) throw Error("cannot rename " + tmp + " to " + path + ": " + ec.message());
}

} // namespace tb
