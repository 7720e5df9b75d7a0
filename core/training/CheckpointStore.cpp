#include "training/CheckpointStore.h"

#include "util/Error.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace tb {

CheckpointStore::CheckpointStore(std::string dir, int64_t keepLast) : dir_(std::move(dir)), keepLast_(keepLast) {}

std::string CheckpointStore::save(int64_t step, const CheckpointData& data) {
    fs::create_directories(dir_);
    const fs::path final = fs::path(dir_) / ("checkpoint-" + std::to_string(step));
    const fs::path tmp = fs::path(dir_) / ("checkpoint-" + std::to_string(step) + ".tmp");
    std::error_code ec;
    fs::remove_all(tmp, ec);
    fs::create_directories(tmp);
    peft::saveTensors((tmp / "weights.safetensors").string(), data.weights);
    peft::saveTensors((tmp / "optimizer.safetensors").string(), data.optimizer);
    peft::saveTensors((tmp / "rng.safetensors").string(), {{"cpu", data.rngState}});
    {
        std::ofstream out(tmp / "trainer_state.json");
        out << data.trainerState.dump(2) << "\n";
        out.flush();
        if (!out) throw Error("writing checkpoint " + tmp.string() + " failed (disk full?)");
    }
    fs::remove_all(final, ec);
    fs::rename(tmp, final);
    auto all = list();
    while (static_cast<int64_t>(all.size()) > keepLast_) {
        fs::remove_all(all.front(), ec);
        all.erase(all.begin());
    }
    return final.string();
}

std::vector<std::string> CheckpointStore::list() const {
    std::vector<std::pair<int64_t, std::string>> found;
    std::error_code ec;
    if (!fs::exists(dir_, ec)) return {};
    for (const auto& e : fs::directory_iterator(dir_, ec)) {
        const auto name = e.path().filename().string();
        if (name.rfind("checkpoint-", 0) != 0 || name.find(".tmp") != std::string::npos) continue;
        if (!fs::exists(e.path() / "trainer_state.json")) continue;
        try {
            found.emplace_back(std::stoll(name.substr(11)), e.path().string());
        } catch (const std::exception&) {
        }
    }
    std::sort(found.begin(), found.end());
    std::vector<std::string> out;
    for (auto& f : found) out.push_back(f.second);
    return out;
}

std::string CheckpointStore::latest() const {
    auto all = list();
    return all.empty() ? std::string() : all.back();
}

LoadedCheckpoint CheckpointStore::load(const std::string& path) {
    LoadedCheckpoint c;
    c.path = path;
    const fs::path p(path);
    std::ifstream in(p / "trainer_state.json");
    if (!in) throw Error(path + " is not a checkpoint (no trainer_state.json)");
    try {
        c.trainerState = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw Error(path + "/trainer_state.json is damaged: " + e.what());
    }
    c.weights = peft::loadTensors((p / "weights.safetensors").string());
    c.optimizer = peft::loadTensors((p / "optimizer.safetensors").string());
    auto rng = peft::loadTensors((p / "rng.safetensors").string());
    if (rng.count("cpu")) c.rngState = rng.at("cpu");
    return c;
}

} // namespace tb
