#pragma once
// Why this exists: safetensors is the only weight format we load (never pickles). This reader
// maps the file and validates everything before a byte is used: header length, JSON, dtypes,
// offsets inside the data area, size = product(shape) x dtype size, no overlaps, no truncation.
// No torch here (the UI's model inspection uses it); models/TensorIO.h makes tensors.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace tb {

enum class StDtype { F64, F32, F16, BF16, I64, I32, I16, I8, U8, BOOL, F8_E4M3, F8_E5M2, U16, U32, U64 };
const char* stDtypeName(StDtype d);
size_t stDtypeSize(StDtype d);
bool parseStDtype(const std::string& name, StDtype& out);

struct StTensorInfo {
    std::string name;
    StDtype dtype = StDtype::F32;
    std::vector<int64_t> shape;
    uint64_t begin = 0, end = 0;   // relative to the data area
    int64_t numel() const;
};

class SafeTensorsFile {
public:
    // Maps and validates the file. Throws tb::Error naming the file and the problem.
    static std::shared_ptr<SafeTensorsFile> open(const std::string& path);
    ~SafeTensorsFile();
    SafeTensorsFile(const SafeTensorsFile&) = delete;
    SafeTensorsFile& operator=(const SafeTensorsFile&) = delete;

    const std::string& path() const { return path_; }
    const std::vector<StTensorInfo>& tensors() const { return tensors_; }   // sorted by name
    const StTensorInfo* find(const std::string& name) const;
    const std::map<std::string, std::string>& metadata() const { return metadata_; }
    // Pointer to the tensor's bytes inside the mapping (valid while this object lives).
    const uint8_t* data(const StTensorInfo& t) const { return dataStart_ + t.begin; }

private:
    SafeTensorsFile() = default;
    std::string path_;
    void* map_ = nullptr;
    size_t mapSize_ = 0;
    const uint8_t* dataStart_ = nullptr;
    std::vector<StTensorInfo> tensors_;
    std::map<std::string, size_t> index_;
    std::map<std::string, std::string> metadata_;
};

// A model folder's weights: model.safetensors, or the shards named in
// model.safetensors.index.json, or any *.safetensors. A folder with only *.bin / *.pt files
// gets a message that explains how to convert them.
class SafeTensorsSet {
public:
    static SafeTensorsSet openModelDir(const std::string& dir);
    std::vector<std::string> names() const;
    // nullptr when absent.
    const StTensorInfo* find(const std::string& name, const SafeTensorsFile** file = nullptr) const;
    const std::vector<std::shared_ptr<SafeTensorsFile>>& files() const { return files_; }

private:
    std::vector<std::shared_ptr<SafeTensorsFile>> files_;
    std::map<std::string, size_t> where_;
};

// Writing: tensors given as raw little-endian bytes (the torch-side helper in models/TensorIO.h
// converts). Writes to path + ".tmp" and renames, so a crash never leaves a half file.
struct StTensorData {
    std::string name;
    StDtype dtype;
    std::vector<int64_t> shape;
    const void* bytes;
    size_t size;
};
void writeSafeTensors(const std::string& path, const std::vector<StTensorData>& tensors,
                      const std::map<std::string, std::string>& metadata = {});

} // namespace tb
