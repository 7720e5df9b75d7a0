#pragma once
// Why this exists: the bookkeeping under the template parser — where it is in the token list,
// what it expects next, errors that name the line, column and what was found, new nodes with
// their position, and the nesting limits that keep a hostile template from exhausting the stack.
// The grammar itself lives in JinjaParser.cpp.
#include "text/template/JinjaAst.h"

#include <string>
#include <vector>

namespace tb::jinja {

class TokenCursor {
public:
    static constexpr int kMaxDepth = 200;

    explicit TokenCursor(const std::vector<Token>& tokens) : toks_(tokens) {}

    // "end of template", "'}}'", "'foo'" ...: how an error message names a token.
    static std::string describe(const Token& t);

    const Token& peek(size_t ahead = 0) const;
    const Token& next();
    bool isOp(const char* op, size_t ahead = 0) const;
    bool isName(const char* name, size_t ahead = 0) const;
    [[noreturn]] void fail(const Token& t, const std::string& message) const;
    void expectOp(const char* op);
    std::string expectName(const char* what);
    void expectBlockEnd(const std::string& tag);

    NodePtr node(Node::Type type, const Token& at) const;
    // Sets n's height; left-leaning chains (a + b + c ..., x|f|g ..., a.b.c ...) are built by
    // loops, not recursion, so their height is bounded here (2 × kMaxDepth).
    NodePtr finish(NodePtr n) const;

    // One level of recursive descent; more than kMaxDepth levels is an error.
    class DepthGuard {
    public:
        explicit DepthGuard(TokenCursor& cursor);
        ~DepthGuard() { --cursor_.depth_; }
        DepthGuard(const DepthGuard&) = delete;
        DepthGuard& operator=(const DepthGuard&) = delete;

    private:
        TokenCursor& cursor_;
    };

private:
    const std::vector<Token>& toks_;
    size_t idx_ = 0;
    int depth_ = 0;
};

} // namespace tb::jinja
