#include "text/template/JinjaTokenCursor.h"

#include <algorithm>

namespace tb::jinja {

std::string TokenCursor::describe(const Token& t) {
    switch (t.type) {
    case Token::Type::End: return "end of template";
    case Token::Type::VarEnd: return "'}}'";
    case Token::Type::BlockEnd: return "'%}'";
    case Token::Type::VarBegin: return "'{{'";
    case Token::Type::BlockBegin: return "'{%'";
    case Token::Type::Data: return "template text";
    case Token::Type::String: return "string literal";
    default: return "'" + t.text + "'";
    }
}

const Token& TokenCursor::peek(size_t ahead) const { return toks_[std::min(idx_ + ahead, toks_.size() - 1)]; }

const Token& TokenCursor::next() {
    const Token& t = toks_[idx_];
    if (idx_ + 1 < toks_.size()) ++idx_;
    return t;
}

bool TokenCursor::isOp(const char* op, size_t ahead) const {
    return peek(ahead).type == Token::Type::Op && peek(ahead).text == op;
}

bool TokenCursor::isName(const char* name, size_t ahead) const {
    return peek(ahead).type == Token::Type::Name && peek(ahead).text == name;
}

void TokenCursor::fail(const Token& t, const std::string& message) const { throw JinjaError(t.line, t.col, message); }

void TokenCursor::expectOp(const char* op) {
    if (!isOp(op)) fail(peek(), std::string("expected '") + op + "', got " + describe(peek()));
    next();
}

std::string TokenCursor::expectName(const char* what) {
    if (peek().type != Token::Type::Name) fail(peek(), std::string("expected ") + what + ", got " + describe(peek()));
    return next().text;
}

void TokenCursor::expectBlockEnd(const std::string& tag) {
    if (peek().type != Token::Type::BlockEnd) fail(peek(), "expected '%}' to end the '" + tag + "' tag, got " + describe(peek()));
    next();
}

NodePtr TokenCursor::node(Node::Type type, const Token& at) const {
    auto n = std::make_shared<Node>();
    n->type = type;
    n->line = at.line;
    n->col = at.col;
    return n;
}

NodePtr TokenCursor::finish(NodePtr n) const {
    int h = 0;
    for (const NodePtr* p : {&n->a, &n->b, &n->c, &n->d})
        if (*p) h = std::max(h, (*p)->height);
    for (const auto& x : n->args)
        if (x) h = std::max(h, x->height);
    for (const auto& kv : n->kwargs) h = std::max(h, kv.second->height);
    n->height = h + 1;
    if (n->height > kMaxDepth * 2) fail(peek(), "expression nests too deeply (more than " + std::to_string(kMaxDepth * 2) + " levels)");
    return n;
}

TokenCursor::DepthGuard::DepthGuard(TokenCursor& cursor) : cursor_(cursor) {
    if (++cursor_.depth_ > kMaxDepth)
        cursor_.fail(cursor_.peek(), "template nests too deeply (more than " + std::to_string(kMaxDepth) + " levels)");
}

} // namespace tb::jinja
