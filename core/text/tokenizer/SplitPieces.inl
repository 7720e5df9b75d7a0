// Template body of tb::tok::splitPieces (included by Components.h).
#pragma once

namespace tb::tok {

template <class Cut>
void splitPieces(std::vector<Piece>& pieces, SplitBehavior behavior, bool invert, Cut&& cut) {
    std::vector<Piece> out;
    out.reserve(pieces.size() * 2);
    for (auto& p : pieces) {
        const std::vector<std::pair<size_t, size_t>> matches = cut(p.text);
        std::vector<std::pair<std::pair<size_t, size_t>, bool>> spans;
        size_t prev = 0;
        for (const auto& m : matches) {
            if (m.first > prev) spans.push_back({{prev, m.first}, invert});
            spans.push_back({m, !invert});
            prev = m.second;
        }
        if (prev < p.text.size()) spans.push_back({{prev, p.text.size()}, invert});
        for (const auto& r : applyBehavior(spans, behavior)) {
            if (r.second <= r.first) continue;
            out.push_back(Piece{p.text.substr(r.first, r.second - r.first), p.atStart && r.first == 0});
        }
    }
    pieces.swap(out);
}

} // namespace tb::tok
