#include "models/Seq2SeqLM.h"

#include "io/SafeTensorsFile.h"
#include "models/t5/T5ForConditionalGeneration.h"
#include "util/Error.h"

#include <filesystem>

namespace tb {

ForwardOutput Seq2SeqLM::forward(const ForwardInput&) {
    throw Error("model_type " + config_.modelType +
                " is an encoder-decoder model: it has no single-sequence forward; use encode() and decode() "
                "(tunebench forward --decoder-ids / --labels)");
}

std::unique_ptr<KVCache> Seq2SeqLM::makeCache(int64_t batch, int64_t capacity) const {
    return std::make_unique<KVCache>(config_.numDecoderLayers, batch, config_.numHeads, capacity, config_.dKv,
                                     torch::TensorOptions().dtype(dtype()).device(device()));
}

torch::Tensor Seq2SeqLM::shiftRight(const torch::Tensor& labels) const {
    auto out = torch::full_like(labels, config_.decoderStartTokenId);
    const auto t = labels.size(-1);
    if (t > 1) out.narrow(-1, 1, t - 1).copy_(labels.narrow(-1, 0, t - 1));
    out.masked_fill_(out == -100, config_.padTokenId >= 0 ? config_.padTokenId : 0);
    return out;
}

Seq2SeqLM* asSeq2Seq(CausalLM& model) { return dynamic_cast<Seq2SeqLM*>(&model); }

std::shared_ptr<Seq2SeqLM> buildSeq2SeqLM(const ModelConfig& config, torch::Device device, torch::ScalarType dtype) {
    if (config.family != "t5")
        throw Error("model_type " + config.modelType + " is not an encoder-decoder model (supported: t5)");
    auto m = makeT5ForConditionalGeneration(config);
    m->to(device, dtype);
    m->eval();
    return m;
}

std::shared_ptr<Seq2SeqLM> loadSeq2SeqLM(const std::string& dir, const LoadOptions& options) {
    namespace fs = std::filesystem;
    if (!fs::is_directory(dir)) throw Error("model folder " + dir + " does not exist");
    auto config = ModelConfig::fromFile((fs::path(dir) / "config.json").string());
    if (!config.isEncoderDecoder)
        throw Error(dir + " holds a decoder-only model (model_type " + config.modelType +
                    "), not an encoder-decoder model");
    const auto device = resolveDevice(options.device);
    const auto dtype = resolveDtype(options.dtype, device, config.torchDtype);
    SafeTensorsSet::openModelDir(dir);   // validates the files before allocating
    auto model = buildSeq2SeqLM(config, device, dtype);
    loadWeightsInto(*model, dir, config);
    return model;
}

} // namespace tb
