#include "peft/TensorFiles.h"

#include "io/SafeTensorsFile.h"
#include "util/Error.h"

#include <cstring>

namespace tb::peft {
namespace {

StDtype toSt(torch::ScalarType t) {
    switch (t) {
    case torch::kFloat32: return StDtype::F32;
    case torch::kFloat16: return StDtype::F16;
    case torch::kBFloat16: return StDtype::BF16;
    case torch::kFloat64: return StDtype::F64;
    case torch::kInt64: return StDtype::I64;
    case torch::kInt32: return StDtype::I32;
    case torch::kInt16: return StDtype::I16;
    case torch::kInt8: return StDtype::I8;
    case torch::kUInt8: return StDtype::U8;
    case torch::kBool: return StDtype::BOOL;
    default: throw Error(std::string("saving tensors: unsupported dtype ") + c10::toString(t));
    }
}

torch::ScalarType fromSt(StDtype d, const std::string& name) {
    switch (d) {
    case StDtype::F32: return torch::kFloat32;
    case StDtype::F16: return torch::kFloat16;
    case StDtype::BF16: return torch::kBFloat16;
    case StDtype::F64: return torch::kFloat64;
    case StDtype::I64: return torch::kInt64;
    case StDtype::I32: return torch::kInt32;
    case StDtype::I16: return torch::kInt16;
    case StDtype::I8: return torch::kInt8;
    case StDtype::U8: return torch::kUInt8;
    case StDtype::BOOL: return torch::kBool;
    default: throw Error(std::string("tensor ") + name + ": dtype " + stDtypeName(d) + " is not supported here");
    }
}

} // namespace

void saveTensors(const std::string& path, const NamedTensors& tensors,
                 const std::map<std::string, std::string>& metadata) {
    std::vector<torch::Tensor> keep;
    std::vector<StTensorData> data;
    keep.reserve(tensors.size());
    for (const auto& [name, t] : tensors) {
        if (!t.defined()) throw Error("saving " + path + ": tensor " + name + " is undefined");
        auto c = t.detach().to(torch::kCPU).contiguous();
        keep.push_back(c);
        data.push_back(StTensorData{name, toSt(c.scalar_type()), c.sizes().vec(), c.data_ptr(),
                                    static_cast<size_t>(c.numel()) * c.element_size()});
    }
    writeSafeTensors(path, data, metadata);
}

std::map<std::string, torch::Tensor> loadTensors(const std::string& path) {
    auto file = SafeTensorsFile::open(path);
    std::map<std::string, torch::Tensor> out;
    for (const auto& info : file->tensors()) {
        auto t = torch::empty(info.shape, torch::TensorOptions().dtype(fromSt(info.dtype, info.name)));
        const size_t bytes = static_cast<size_t>(info.end - info.begin);
        if (bytes != static_cast<size_t>(t.numel()) * t.element_size())
            throw Error(path + ": tensor " + info.name + " has a size that does not match its shape");
        if (bytes) std::memcpy(t.data_ptr(), file->data(info), bytes);
        out.emplace(info.name, t);
    }
    return out;
}

} // namespace tb::peft
