#pragma once
// Helpers for the T5 tests: fixture folders, expected values, max-abs-diff reporting.
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <QtTest>

#include <filesystem>
#include <fstream>
#include <string>

namespace t5test {

inline std::string fixture(const std::string& arch) { return std::string(TB_SHARED_DIR) + "/fixtures/hf-tiny/" + arch; }
inline bool haveFixtures() { return std::filesystem::exists(fixture("t5") + "/config.json"); }

inline nlohmann::json readJson(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    return nlohmann::json::parse(in);
}

inline double maxAbsDiff(const torch::Tensor& a, const torch::Tensor& b) {
    return (a.to(torch::kFloat64) - b.to(torch::kFloat64)).abs().max().item<double>();
}

inline std::vector<int64_t> toVector(const torch::Tensor& t) {
    auto c = t.to(torch::kInt64).to(torch::kCPU).contiguous();
    return std::vector<int64_t>(c.data_ptr<int64_t>(), c.data_ptr<int64_t>() + c.numel());
}

// Mean cross-entropy of [T, V] logits against [T] labels (-100 ignored), in fp64.
inline double labelLoss(const torch::Tensor& logits, const torch::Tensor& labels) {
    auto lp = torch::log_softmax(logits.to(torch::kFloat64), -1);
    auto valid = labels != -100;
    auto nll = -lp.gather(1, labels.clamp_min(0).view({-1, 1})).view({-1});
    return ((nll * valid).sum() / valid.sum()).item<double>();
}

} // namespace t5test

#define T5_REQUIRE_FIXTURES()                                                                      \
    do {                                                                                           \
        if (!t5test::haveFixtures()) QSKIP("../shared/fixtures/hf-tiny/t5 is absent; the T5 tests need it"); \
    } while (0)
