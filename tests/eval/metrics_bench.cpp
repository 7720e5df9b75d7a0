// Throughput of the metrics (not a test with a threshold; label "bench"): ROUGE-1/2/L/Lsum
// (unstemmed and stemmed) and sentence BLEU + corpus BLEU for N pairs built from DialogSum
// test summaries (summary1 against summary2, cycling), or from synthetic text when
// ../shared is absent. Prints one JSON line with pairs/s per configuration.
#include "eval/metrics/Bleu.h"
#include "eval/metrics/Rouge.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <ctime>
#include <functional>
#include <cstdlib>
#include <fstream>
#include <iostream>

using namespace tb::metrics;

int main(int argc, char** argv) {
    const size_t n = argc > 1 ? static_cast<size_t>(std::atol(argv[1])) : 10000;
    std::vector<std::pair<std::string, std::string>> base;
    std::ifstream in(TB_SHARED_DIR "/datasets/dialogsum/test.jsonl");
    std::string line;
    while (std::getline(in, line)) {
        const auto j = nlohmann::json::parse(line);
        base.emplace_back(j["summary1"].get<std::string>(), j["summary2"].get<std::string>());
        base.emplace_back(j["summary2"].get<std::string>(), j["summary3"].get<std::string>());
    }
    const bool real = !base.empty();
    if (!real)
        for (int i = 0; i < 100; ++i)
            base.emplace_back("The quick brown fox " + std::to_string(i) + " jumps over the lazy dog near the river bank.",
                              "A quick brown dog jumps over " + std::to_string(i) + " lazy foxes by the river.");
    std::vector<std::pair<std::string, std::string>> pairs;
    for (size_t i = 0; i < n; ++i) pairs.push_back(base[i % base.size()]);

    nlohmann::json out;
    out["pairs"] = n;
    out["data"] = real ? "dialogsum test summaries" : "synthetic";
    auto timeIt = [&](const char* name, const std::function<double()>& fn) {
        // Wall time and this process's CPU time: on a shared machine the CPU time is the
        // meaningful one (pairs per CPU-second = single-core throughput).
        const auto t0 = std::chrono::steady_clock::now();
        const std::clock_t c0 = std::clock();
        const double sink = fn();
        const double cpu = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        out[name] = {{"wall_seconds", s}, {"cpu_seconds", cpu}, {"pairs_per_wall_s", static_cast<double>(n) / s},
                     {"pairs_per_cpu_s", static_cast<double>(n) / cpu}, {"checksum", sink}};
    };
    for (bool stem : {false, true}) {
        RougeScorer scorer(RougeScorer::defaultTypes(), stem);
        timeIt(stem ? "rouge_stemmed" : "rouge", [&] {
            double acc = 0;
            for (const auto& [p, r] : pairs) acc += scorer.score(r, p).at("rougeL").fmeasure;
            return acc;
        });
    }
    timeIt("bleu", [&] {
        double acc = 0;
        BleuStats total;
        for (const auto& [p, r] : pairs) {
            const BleuStats s = bleuSegmentStats(p, {r});
            acc += computeBleu(s, BleuOptions::sentence()).score;
            total += s;
        }
        return acc + computeBleu(total, BleuOptions::corpus()).score;
    });
    RougeScorer scorer(RougeScorer::defaultTypes(), false);
    timeIt("rouge_plus_bleu", [&] {
        double acc = 0;
        for (const auto& [p, r] : pairs) {
            acc += scorer.score(r, p).at("rouge1").fmeasure;
            acc += sentenceBleu(p, {r}).score;
        }
        return acc;
    });
    std::cout << out.dump() << std::endl;
    return 0;
}
