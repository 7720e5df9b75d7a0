#include "eval/metrics/MetricSuite.h"

#include "util/Error.h"

namespace tb::metrics {

MetricSuite::MetricSuite(MetricSelection selection, BootstrapOptions bootstrap)
    : sel_(selection), boot_(bootstrap), rouge_(RougeScorer::defaultTypes(), selection.stem),
      rougeCols_(RougeScorer::defaultTypes().size() * 3) {}

ExampleScores MetricSuite::score(const std::string& prediction, const std::vector<std::string>& references) {
    if (references.empty()) throw Error("metrics: an example has no reference (give \"reference\" or a non-empty \"references\")");
    ExampleScores s;
    if (sel_.rouge) {
        s.rouge = references.size() == 1 ? rouge_.score(references[0], prediction) : rouge_.scoreMulti(references, prediction);
        const auto& types = rouge_.types();
        for (size_t t = 0; t < types.size(); ++t) {
            const RougeScore& r = s.rouge.at(types[t]);
            rougeCols_[t * 3].push_back(r.precision);
            rougeCols_[t * 3 + 1].push_back(r.recall);
            rougeCols_[t * 3 + 2].push_back(r.fmeasure);
        }
    }
    if (sel_.bleu) {
        s.bleuStats = bleuSegmentStats(prediction, references);
        s.bleu = computeBleu(s.bleuStats, BleuOptions::sentence());
        bleuTotal_ += s.bleuStats;
    }
    if (sel_.chrf) {
        s.chrfStats = chrfSegmentStats(prediction, references);
        s.chrf = chrfFromStats(s.chrfStats);
        chrfTotal_ += s.chrfStats;
    }
    ++count_;
    return s;
}

nlohmann::json MetricSuite::add(const std::string& prediction, const std::vector<std::string>& references) {
    return toJson(score(prediction, references));
}

nlohmann::json MetricSuite::rougeJson(const RougeScore& s) {
    return {{"precision", s.precision}, {"recall", s.recall}, {"fmeasure", s.fmeasure}};
}

nlohmann::json MetricSuite::bleuJson(const BleuScore& b) {
    nlohmann::json j;
    j["score"] = b.score;
    j["precisions"] = nlohmann::json::array();
    for (double p : b.precisions) j["precisions"].push_back(p);
    j["bp"] = b.bp;
    j["sys_len"] = b.sysLen;
    j["ref_len"] = b.refLen;
    j["counts"] = b.counts;
    j["totals"] = b.totals;
    return j;
}

nlohmann::json MetricSuite::toJson(const ExampleScores& s) const {
    nlohmann::json j = nlohmann::json::object();
    if (sel_.rouge)
        for (const auto& t : rouge_.types()) j[t] = rougeJson(s.rouge.at(t));
    if (sel_.bleu) j["bleu"] = bleuJson(s.bleu);
    if (sel_.chrf) j["chrf"] = {{"score", s.chrf}};
    return j;
}

const std::vector<double>& MetricSuite::column(const std::string& rougeType, int measure) const {
    const auto& types = rouge_.types();
    for (size_t t = 0; t < types.size(); ++t)
        if (types[t] == rougeType) return rougeCols_.at(t * 3 + static_cast<size_t>(measure));
    throw Error("metrics: unknown rouge type " + rougeType);
}

nlohmann::json MetricSuite::aggregate() const {
    nlohmann::json j = nlohmann::json::object();
    if (sel_.rouge) {
        const auto intervals = bootstrapMeans(rougeCols_, boot_);
        const auto& types = rouge_.types();
        static const char* names[3] = {"precision", "recall", "fmeasure"};
        for (size_t t = 0; t < types.size(); ++t) {
            nlohmann::json r, lo, hi;
            for (size_t m = 0; m < 3; ++m) {
                const MeanInterval& mi = intervals[t * 3 + m];
                r[names[m]] = mi.mean;
                lo[names[m]] = mi.low;
                hi[names[m]] = mi.high;
            }
            r["low"] = lo;
            r["high"] = hi;
            j[types[t]] = r;
        }
        j["bootstrap"] = {{"resamples", boot_.resamples}, {"confidence", boot_.confidence}, {"seed", boot_.seed}};
    }
    if (sel_.bleu) j["bleu"] = bleuJson(computeBleu(bleuTotal_, BleuOptions::corpus()));
    if (sel_.chrf) j["chrf"] = {{"score", chrfFromStats(chrfTotal_)}};
    j["count"] = count_;
    return j;
}

} // namespace tb::metrics
