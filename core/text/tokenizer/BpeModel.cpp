#include "text/tokenizer/BpeModel.h"

#include "text/unicode/Utf8.h"
#include "util/Error.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <queue>
#include <sstream>

namespace tb::tok {

Model::~Model() = default;

namespace {

uint64_t pairKey(int64_t a, int64_t b) { return (static_cast<uint64_t>(a) << 32) | static_cast<uint32_t>(b); }

std::string readFile(const std::string& path, const std::string& what) {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw Error("cannot open " + what + " '" + path + "'");
    std::ostringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

} // namespace

BpeModel::BpeModel(std::unordered_map<std::string, int64_t> vocab,
                   const std::vector<std::pair<std::string, std::string>>& merges, Options options)
    : vocab_(std::move(vocab)), opt_(std::move(options)) {
    reverse_.reserve(vocab_.size());
    for (const auto& [t, id] : vocab_) reverse_[id] = t;
    merges_.reserve(merges.size());
    const size_t prefixLen = opt_.continuingSubwordPrefix.size();
    for (size_t rank = 0; rank < merges.size(); ++rank) {
        const auto& [a, b] = merges[rank];
        const auto ia = vocab_.find(a), ib = vocab_.find(b);
        if (ia == vocab_.end() || ib == vocab_.end())
            throw Error("BPE merges[" + std::to_string(rank) + "] ('" + a + "' '" + b + "') uses a token that is not in the vocab");
        const std::string merged = a + (b.size() >= prefixLen ? b.substr(prefixLen) : b);
        const auto im = vocab_.find(merged);
        if (im == vocab_.end())
            throw Error("BPE merges[" + std::to_string(rank) + "]: the merged token '" + merged + "' is not in the vocab");
        merges_.emplace(pairKey(ia->second, ib->second), std::make_pair(static_cast<int32_t>(rank), static_cast<int32_t>(im->second)));
    }
    if (!opt_.unkToken.empty()) {
        const auto it = vocab_.find(opt_.unkToken);
        unkId_ = it == vocab_.end() ? -1 : it->second;
    }
}

std::unique_ptr<BpeModel> BpeModel::fromJson(const nlohmann::json& m) {
    std::unordered_map<std::string, int64_t> vocab;
    if (!m.contains("vocab") || !m["vocab"].is_object()) throw Error("tokenizer.json: model.vocab must be an object");
    vocab.reserve(m["vocab"].size());
    for (const auto& [k, v] : m["vocab"].items()) vocab.emplace(k, v.get<int64_t>());
    std::vector<std::pair<std::string, std::string>> merges;
    if (m.contains("merges") && m["merges"].is_array()) {
        merges.reserve(m["merges"].size());
        size_t i = 0;
        for (const auto& e : m["merges"]) {
            if (e.is_string()) {
                const std::string s = e.get<std::string>();
                const size_t sp = s.find(' ');
                if (sp == std::string::npos) throw Error("tokenizer.json: model.merges[" + std::to_string(i) + "] '" + s + "' is not \"a b\"");
                merges.emplace_back(s.substr(0, sp), s.substr(sp + 1));
            } else if (e.is_array() && e.size() == 2 && e[0].is_string() && e[1].is_string()) {
                merges.emplace_back(e[0].get<std::string>(), e[1].get<std::string>());
            } else {
                throw Error("tokenizer.json: model.merges[" + std::to_string(i) + "] is neither \"a b\" nor [\"a\", \"b\"]");
            }
            ++i;
        }
    }
    Options o;
    const auto str = [&](const char* k) { return m.contains(k) && m[k].is_string() ? m[k].get<std::string>() : std::string(); };
    const auto flag = [&](const char* k) { return m.contains(k) && m[k].is_boolean() && m[k].get<bool>(); };
    o.unkToken = str("unk_token");
    o.fuseUnk = flag("fuse_unk");
    o.byteFallback = flag("byte_fallback");
    o.ignoreMerges = flag("ignore_merges");
    o.continuingSubwordPrefix = str("continuing_subword_prefix");
    o.endOfWordSuffix = str("end_of_word_suffix");
    return std::make_unique<BpeModel>(std::move(vocab), merges, o);
}

std::unique_ptr<BpeModel> BpeModel::fromFiles(const std::string& vocabJson, const std::string& mergesTxt) {
    nlohmann::json v;
    try {
        v = nlohmann::json::parse(readFile(vocabJson, "vocab.json"));
    } catch (const nlohmann::json::exception& e) {
        throw Error("vocab.json '" + vocabJson + "' is not valid JSON: " + e.what());
    }
    if (!v.is_object()) throw Error("vocab.json '" + vocabJson + "' must be an object of token -> id");
    std::unordered_map<std::string, int64_t> vocab;
    for (const auto& [k, id] : v.items()) vocab.emplace(k, id.get<int64_t>());
    std::vector<std::pair<std::string, std::string>> merges;
    std::istringstream in(readFile(mergesTxt, "merges.txt"));
    std::string line;
    size_t lineNo = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.rfind("#version", 0) == 0 || line.empty()) continue;
        const size_t sp = line.find(' ');
        if (sp == std::string::npos || line.find(' ', sp + 1) != std::string::npos)
            throw Error("merges.txt '" + mergesTxt + "' line " + std::to_string(lineNo) + " is not two tokens separated by a space");
        merges.emplace_back(line.substr(0, sp), line.substr(sp + 1));
    }
    return std::make_unique<BpeModel>(std::move(vocab), merges, Options{});
}

void BpeModel::tokenize(const std::string& word, std::vector<int64_t>& out) const {
    if (word.empty()) return;
    if (cache_.get(word, out)) return;
    const size_t before = out.size();
    const auto whole = opt_.ignoreMerges ? vocab_.find(word) : vocab_.end();
    if (whole != vocab_.end()) out.push_back(whole->second);
    else mergeWord(word, out);
    cache_.put(word, out.data() + before, out.size() - before);
}

void BpeModel::mergeWord(const std::string& w, std::vector<int64_t>& out) const {
    struct Sym { int64_t c; int prev, next; size_t len; };
    std::vector<Sym> syms;
    syms.reserve(w.size());
    const auto add = [&](int64_t id, size_t len) {
        const int idx = static_cast<int>(syms.size());
        syms.push_back(Sym{id, idx - 1, -1, len});
        if (idx > 0) syms[static_cast<size_t>(idx - 1)].next = idx;
    };
    int64_t unkId = -1;
    size_t unkLen = 0;
    std::string s;
    for (size_t i = 0, n = 0; i < w.size(); i += n) {
        n = utf8::seqLen(static_cast<unsigned char>(w[i]));
        if (i + n > w.size()) n = w.size() - i;
        const bool first = i == 0, last = i + n == w.size();
        s.assign(first ? std::string() : opt_.continuingSubwordPrefix);
        s.append(w, i, n);
        if (last) s += opt_.endOfWordSuffix;
        const auto it = vocab_.find(s);
        if (it != vocab_.end()) {
            if (unkId >= 0) { add(unkId, unkLen); unkId = -1; }
            add(it->second, n);
            continue;
        }
        if (opt_.byteFallback) {
            std::vector<int64_t> bytes;
            char code[8];
            for (unsigned char b : s) {
                std::snprintf(code, sizeof code, "<0x%02X>", b);
                const auto bt = vocab_.find(code);
                if (bt == vocab_.end()) { bytes.clear(); break; }
                bytes.push_back(bt->second);
            }
            if (!bytes.empty()) {
                for (int64_t b : bytes) add(b, 1);
                continue;
            }
        }
        if (unkId_ >= 0) {
            if (unkId >= 0 && opt_.fuseUnk) unkLen += n;
            else {
                if (unkId >= 0) add(unkId, unkLen);
                unkId = unkId_;
                unkLen = n;
            }
        }
    }
    if (unkId >= 0) add(unkId, unkLen);

    struct Item { int32_t rank; int pos; int32_t newId; };
    const auto cmp = [](const Item& a, const Item& b) { return a.rank != b.rank ? a.rank > b.rank : a.pos > b.pos; };
    std::priority_queue<Item, std::vector<Item>, decltype(cmp)> queue(cmp);
    for (size_t i = 0; i + 1 < syms.size(); ++i) {
        const auto m = merges_.find(pairKey(syms[i].c, syms[i + 1].c));
        if (m != merges_.end()) queue.push(Item{m->second.first, static_cast<int>(i), m->second.second});
    }
    while (!queue.empty()) {
        const Item top = queue.top();
        queue.pop();
        Sym& left = syms[static_cast<size_t>(top.pos)];
        if (left.len == 0 || left.next == -1) continue;
        Sym& right = syms[static_cast<size_t>(left.next)];
        const auto m = merges_.find(pairKey(left.c, right.c));
        if (m == merges_.end() || m->second.second != top.newId) continue;
        left.c = top.newId;
        left.len += right.len;
        right.len = 0;
        left.next = right.next;
        if (left.next != -1) syms[static_cast<size_t>(left.next)].prev = top.pos;
        if (left.prev != -1) {
            const auto pm = merges_.find(pairKey(syms[static_cast<size_t>(left.prev)].c, left.c));
            if (pm != merges_.end()) queue.push(Item{pm->second.first, left.prev, pm->second.second});
        }
        if (left.next != -1) {
            const auto nm = merges_.find(pairKey(left.c, syms[static_cast<size_t>(left.next)].c));
            if (nm != merges_.end()) queue.push(Item{nm->second.first, top.pos, nm->second.second});
        }
    }
    for (const auto& sym : syms) if (sym.len != 0) out.push_back(sym.c);
}

int64_t BpeModel::tokenToId(const std::string& token) const {
    const auto it = vocab_.find(token);
    return it == vocab_.end() ? -1 : it->second;
}

std::string BpeModel::idToToken(int64_t id) const {
    const auto it = reverse_.find(id);
    return it == reverse_.end() ? std::string() : it->second;
}

bool BpeModel::hasId(int64_t id) const { return reverse_.count(id) != 0; }

} // namespace tb::tok
