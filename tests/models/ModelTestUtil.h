#pragma once
// Helpers shared by the model tests: locating fixtures and reading their expected values.
#include <nlohmann/json.hpp>

#include <QtTest>

#include <filesystem>
#include <fstream>
#include <string>

namespace tbtest {

inline std::string fixtureDir(const std::string& arch) {
    return std::string(TB_SHARED_DIR) + "/fixtures/hf-tiny/" + arch;
}

inline bool haveShared() { return std::filesystem::exists(std::string(TB_SHARED_DIR) + "/fixtures/hf-tiny"); }

inline nlohmann::json readJson(const std::string& path) {
    std::ifstream in(path);
    return nlohmann::json::parse(in);
}

// Copies a fixture folder (config + weights + tokenizer files) into `dst` so a test can damage it.
inline void copyFolder(const std::string& src, const std::string& dst) {
    namespace fs = std::filesystem;
    fs::create_directories(dst);
    for (const auto& e : fs::directory_iterator(src))
        if (e.is_regular_file()) {
            fs::copy_file(e.path(), fs::path(dst) / e.path().filename(), fs::copy_options::overwrite_existing);
            fs::permissions(fs::path(dst) / e.path().filename(), fs::perms::owner_read | fs::perms::owner_write,
                            fs::perm_options::add);
        }
}

} // namespace tbtest

#define TB_REQUIRE_SHARED()                                                                        \
    do {                                                                                           \
        if (!tbtest::haveShared()) QSKIP("../shared/fixtures/hf-tiny is absent; model parity tests need it"); \
    } while (0)
