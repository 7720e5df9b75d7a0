#include "models/TensorIO.h"

#include "util/Error.h"

namespace tb {

torch::ScalarType torchDtypeOf(StDtype d) {
    switch (d) {
    case StDtype::F64: return torch::kFloat64;
    case StDtype::F32: return torch::kFloat32;
    case StDtype::F16: return torch::kFloat16;
    case StDtype::BF16: return torch::kBFloat16;
    case StDtype::I64: return torch::kInt64;
    case StDtype::I32: return torch::kInt32;
    case StDtype::I16: return torch::kInt16;
    case StDtype::I8: return torch::kInt8;
    case StDtype::U8: return torch::kUInt8;
    case StDtype::BOOL: return torch::kBool;
    default: break;
    }
    throw Error(std::string("safetensors dtype ") + stDtypeName(d) + " is not supported by this LibTorch");
}

StDtype stDtypeOf(torch::ScalarType t) {
    switch (t) {
    case torch::kFloat64: return StDtype::F64;
    case torch::kFloat32: return StDtype::F32;
    case torch::kFloat16: return StDtype::F16;
    case torch::kBFloat16: return StDtype::BF16;
    case torch::kInt64: return StDtype::I64;
    case torch::kInt32: return StDtype::I32;
    case torch::kInt16: return StDtype::I16;
    case torch::kInt8: return StDtype::I8;
    case torch::kUInt8: return StDtype::U8;
    case torch::kBool: return StDtype::BOOL;
    default: break;
    }
    throw Error(std::string("cannot store a tensor of dtype ") + c10::toString(t) + " in safetensors");
}

torch::Tensor readTensor(const SafeTensorsFile& file, const StTensorInfo& info) {
    auto opts = torch::TensorOptions().dtype(torchDtypeOf(info.dtype));
    if (info.numel() == 0) return torch::empty(info.shape, opts);
    // from_blob does not own the mapping; clone copies it out (the map is read-only).
    return torch::from_blob(const_cast<uint8_t*>(file.data(info)), info.shape, opts).clone();
}

std::map<std::string, torch::Tensor> readAllTensors(const std::string& path) {
    auto f = SafeTensorsFile::open(path);
    std::map<std::string, torch::Tensor> out;
    for (const auto& t : f->tensors()) out[t.name] = readTensor(*f, t);
    return out;
}

void saveTensors(const std::string& path, const std::vector<std::pair<std::string, torch::Tensor>>& tensors,
                 const std::map<std::string, std::string>& metadata) {
    std::vector<torch::Tensor> keep;
    std::vector<StTensorData> data;
    keep.reserve(tensors.size());
    for (const auto& [name, t] : tensors) {
        auto c = t.detach().to(torch::kCPU).contiguous();
        keep.push_back(c);
        data.push_back({name, stDtypeOf(c.scalar_type()), c.sizes().vec(), c.data_ptr(),
                        static_cast<size_t>(c.numel()) * c.element_size()});
    }
    writeSafeTensors(path, data, metadata);
}

} // namespace tb
