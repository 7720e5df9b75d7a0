#include "text/template/JinjaParser.h"

#include "text/template/JinjaTokenCursor.h"

#include <algorithm>
#include <cstdlib>

namespace tb::jinja {
namespace {

// Statements and expressions with jinja2's grammar; the token bookkeeping is TokenCursor's.
class Parser : private TokenCursor {
public:
    explicit Parser(const std::vector<Token>& t) : TokenCursor(t) {}

    NodeList parseAll() {
        std::string found;
        return parseBody({}, found, nullptr);
    }

private:
    // Parses until a block tag whose name is in `ends`; consumes "{%" and that name.
    NodeList parseBody(const std::vector<std::string>& ends, std::string& found, const Token* opener) {
        DepthGuard guard(*this);
        NodeList body;
        while (true) {
            const Token& t = peek();
            switch (t.type) {
            case Token::Type::Data: {
                auto n = node(Node::Type::Data, t);
                n->str = next().text;
                body.push_back(n);
                break;
            }
            case Token::Type::VarBegin: {
                next();
                auto n = node(Node::Type::Output, t);
                if (peek().type == Token::Type::VarEnd) fail(peek(), "expected an expression inside '{{ }}', got '}}'");
                n->a = parseTuple(true);
                if (peek().type != Token::Type::VarEnd) fail(peek(), "expected '}}' to end the expression, got " + describe(peek()));
                next();
                body.push_back(n);
                break;
            }
            case Token::Type::BlockBegin: {
                const Token& nameTok = peek(1);
                if (nameTok.type != Token::Type::Name) fail(nameTok, "expected a tag name after '{%', got " + describe(nameTok));
                if (std::find(ends.begin(), ends.end(), nameTok.text) != ends.end()) {
                    next();
                    found = next().text;
                    return body;
                }
                next();
                body.push_back(parseStatement());
                break;
            }
            case Token::Type::End:
                if (!ends.empty() && opener) {
                    std::string want;
                    for (const auto& e : ends) want += (want.empty() ? "'" : " or '") + e + "'";
                    fail(t, "unexpected end of template: the '" + opener->text + "' tag at line " + std::to_string(opener->line) +
                                " column " + std::to_string(opener->col) + " is not closed (looking for " + want + ")");
                }
                return body;
            default:
                fail(t, "unexpected " + describe(t));
            }
        }
    }

    NodePtr parseStatement() {
        const Token& tag = next();
        const std::string& name = tag.text;
        if (name == "if") return parseIf(tag);
        if (name == "for") return parseFor(tag);
        if (name == "set") return parseSet(tag);
        if (name == "macro") return parseMacro(tag);
        if (name == "filter") return parseFilterBlock(tag);
        static const std::vector<std::string> enders = {"endif", "endfor", "endset", "endmacro", "elif", "else", "endfilter", "endraw"};
        if (std::find(enders.begin(), enders.end(), name) != enders.end()) fail(tag, "unexpected '" + name + "' tag: no open block expects it here");
        fail(tag, "unknown tag '" + name + "'");
    }

    NodePtr parseIf(const Token& tag) {
        auto n = node(Node::Type::If, tag);
        NodePtr cond = parseTuple(true);
        expectBlockEnd("if");
        std::string found;
        while (true) {
            NodeList body = parseBody({"elif", "else", "endif"}, found, &tag);
            n->branches.emplace_back(cond, std::move(body));
            if (found == "elif") {
                cond = parseTuple(true);
                expectBlockEnd("elif");
                continue;
            }
            if (found == "else") {
                expectBlockEnd("else");
                n->elseBody = parseBody({"endif"}, found, &tag);
            }
            expectBlockEnd("endif");
            return n;
        }
    }

    NodePtr parseFor(const Token& tag) {
        auto n = node(Node::Type::For, tag);
        n->targets.push_back(expectName("a loop variable name"));
        while (isOp(",")) {
            next();
            n->targets.push_back(expectName("a loop variable name"));
        }
        if (!isName("in")) fail(peek(), "expected 'in' in the 'for' tag, got " + describe(peek()));
        next();
        n->a = parseTuple(false);
        if (isName("if")) {
            next();
            n->b = parseExpression(true);
        }
        if (isName("recursive")) {
            next();
            n->recursive = true;
        }
        expectBlockEnd("for");
        std::string found;
        n->body = parseBody({"else", "endfor"}, found, &tag);
        if (found == "else") {
            expectBlockEnd("else");
            n->elseBody = parseBody({"endfor"}, found, &tag);
        }
        expectBlockEnd("endfor");
        return n;
    }

    NodePtr parseSet(const Token& tag) {
        const std::string first = expectName("a variable name");
        if (isOp(".")) {
            next();
            auto n = node(Node::Type::Set, tag);
            n->negated = true;   // attribute assignment on a namespace
            n->targets = {first, expectName("an attribute name")};
            expectOp("=");
            n->a = parseTuple(true);
            expectBlockEnd("set");
            return n;
        }
        std::vector<std::string> targets = {first};
        while (isOp(",")) {
            next();
            targets.push_back(expectName("a variable name"));
        }
        if (isOp("=")) {
            next();
            auto n = node(Node::Type::Set, tag);
            n->targets = targets;
            n->a = parseTuple(true);
            expectBlockEnd("set");
            return n;
        }
        if (targets.size() != 1) fail(peek(), "expected '=' in the 'set' tag");
        if (isOp("|")) fail(peek(), "filters on a block 'set' are not supported");
        expectBlockEnd("set");
        auto n = node(Node::Type::SetBlock, tag);
        n->targets = targets;
        std::string found;
        n->body = parseBody({"endset"}, found, &tag);
        expectBlockEnd("endset");
        return n;
    }

    NodePtr parseMacro(const Token& tag) {
        auto n = node(Node::Type::Macro, tag);
        n->str = expectName("a macro name");
        expectOp("(");
        while (!isOp(")")) {
            if (!n->targets.empty()) expectOp(",");
            if (isOp(")")) break;
            n->targets.push_back(expectName("a parameter name"));
            if (isOp("=")) {
                next();
                n->args.push_back(parseExpression(true));
            } else {
                if (!n->args.empty() && n->args.back()) fail(peek(), "a parameter without a default follows one with a default");
                n->args.push_back(nullptr);
            }
        }
        next();
        expectBlockEnd("macro");
        std::string found;
        n->body = parseBody({"endmacro"}, found, &tag);
        if (peek().type == Token::Type::Name) next();   // {% endmacro name %}
        expectBlockEnd("endmacro");
        return n;
    }

    NodePtr parseFilterBlock(const Token& tag) {
        auto n = node(Node::Type::FilterBlock, tag);
        auto dummy = node(Node::Type::Literal, tag);
        n->a = parseFilter(dummy, false);
        while (isOp("|")) n->a = parseFilter(n->a, true);
        expectBlockEnd("filter");
        std::string found;
        n->body = parseBody({"endfilter"}, found, &tag);
        expectBlockEnd("endfilter");
        return n;
    }

    // ---- expressions ----
    NodePtr parseTuple(bool withCondexpr, bool explicitParens = false) {
        const Token& start = peek();
        NodeList items;
        bool sawComma = false;
        while (true) {
            if (!items.empty()) {
                if (!isOp(",")) break;
                next();
                sawComma = true;
            }
            if (isOp(")") || peek().type == Token::Type::VarEnd || peek().type == Token::Type::BlockEnd ||
                (!items.empty() && (isName("if") || isName("recursive") || isOp("=")))) {
                if (items.empty() && !explicitParens) fail(peek(), "expected an expression, got " + describe(peek()));
                break;
            }
            items.push_back(parseExpression(withCondexpr));
        }
        if (!sawComma && items.size() == 1) return items[0];
        auto n = node(Node::Type::TupleLit, start);
        n->args = std::move(items);
        return n;
    }

    NodePtr parseExpression(bool withCondexpr) {
        DepthGuard guard(*this);
        return withCondexpr ? parseCondexpr() : parseOr();
    }

    NodePtr parseCondexpr() {
        NodePtr expr = parseOr();
        while (isName("if")) {
            const Token& t = next();
            auto n = node(Node::Type::CondExpr, t);
            n->c = parseOr();
            n->a = expr;
            if (isName("else")) {
                next();
                n->b = parseCondexpr();
            }
            expr = finish(n);
        }
        return expr;
    }

    NodePtr parseOr() {
        NodePtr left = parseAnd();
        while (isName("or")) {
            auto n = node(Node::Type::Or, next());
            n->a = left;
            n->b = parseAnd();
            left = finish(n);
        }
        return left;
    }
    NodePtr parseAnd() {
        NodePtr left = parseNot();
        while (isName("and")) {
            auto n = node(Node::Type::And, next());
            n->a = left;
            n->b = parseNot();
            left = finish(n);
        }
        return left;
    }
    NodePtr parseNot() {
        if (isName("not")) {
            DepthGuard guard(*this);
            auto n = node(Node::Type::Not, next());
            n->a = parseNot();
            return finish(n);
        }
        return parseCompare();
    }
    NodePtr parseCompare() {
        const Token& start = peek();
        NodePtr first = parseMath1();
        NodePtr cmp;
        while (true) {
            std::string op;
            if (peek().type == Token::Type::Op && (peek().text == "==" || peek().text == "!=" || peek().text == "<" ||
                                                   peek().text == "<=" || peek().text == ">" || peek().text == ">=")) {
                op = next().text;
            } else if (isName("in")) {
                next();
                op = "in";
            } else if (isName("not") && isName("in", 1)) {
                next();
                next();
                op = "notin";
            } else {
                break;
            }
            if (!cmp) {
                cmp = node(Node::Type::Compare, start);
                cmp->args.push_back(first);
            }
            cmp->ops.push_back(op);
            cmp->args.push_back(parseMath1());
        }
        return cmp ? finish(cmp) : first;
    }
    NodePtr binary(const Token& at, const std::string& op, NodePtr l, NodePtr r) {
        auto n = node(Node::Type::Binary, at);
        n->str = op;
        n->a = std::move(l);
        n->b = std::move(r);
        return finish(n);
    }
    NodePtr parseMath1() {
        NodePtr left = parseConcat();
        while (isOp("+") || isOp("-")) {
            const Token& t = next();
            left = binary(t, t.text, left, parseConcat());
        }
        return left;
    }
    NodePtr parseConcat() {
        NodePtr left = parseMath2();
        while (isOp("~")) {
            const Token& t = next();
            left = binary(t, "~", left, parseMath2());
        }
        return left;
    }
    NodePtr parseMath2() {
        NodePtr left = parsePow();
        while (isOp("*") || isOp("/") || isOp("//") || isOp("%")) {
            const Token& t = next();
            left = binary(t, t.text, left, parsePow());
        }
        return left;
    }
    NodePtr parsePow() {
        NodePtr left = parseUnary(true);
        while (isOp("**")) {
            const Token& t = next();
            left = binary(t, "**", left, parseUnary(true));
        }
        return left;
    }
    NodePtr parseUnary(bool withFilter) {
        DepthGuard guard(*this);
        NodePtr n;
        if (isOp("-") || isOp("+")) {
            const Token& t = next();
            n = node(t.text == "-" ? Node::Type::Neg : Node::Type::Pos, t);
            n->a = parseUnary(false);
            n = finish(n);
        } else {
            n = parsePostfix(parsePrimary());
        }
        return withFilter ? parseFilterExpr(n) : n;
    }

    NodePtr parsePrimary() {
        const Token& t = peek();
        switch (t.type) {
        case Token::Type::Name: {
            next();
            auto n = node(Node::Type::Literal, t);
            if (t.text == "true" || t.text == "True") n->literal = Value::boolean(true);
            else if (t.text == "false" || t.text == "False") n->literal = Value::boolean(false);
            else if (t.text == "none" || t.text == "None") n->literal = Value::none();
            else { n->type = Node::Type::Name; n->str = t.text; }
            return n;
        }
        case Token::Type::String: {
            auto n = node(Node::Type::Literal, t);
            std::string s;
            while (peek().type == Token::Type::String) s += next().text;
            n->literal = Value::string(s);
            return n;
        }
        case Token::Type::Int: case Token::Type::Float: {
            next();
            auto n = node(Node::Type::Literal, t);
            if (t.type == Token::Type::Int) {
                errno = 0;
                const long long v = std::strtoll(t.text.c_str(), nullptr, 10);
                if (errno == ERANGE) fail(t, "integer literal out of range: " + t.text);
                n->literal = Value::integer(v);
            } else {
                n->literal = Value::number(std::strtod(t.text.c_str(), nullptr));
            }
            return n;
        }
        case Token::Type::Op:
            if (t.text == "(") {
                next();
                NodePtr inner = parseTuple(true, true);
                expectOp(")");
                return inner;
            }
            if (t.text == "[") {
                next();
                auto n = node(Node::Type::ListLit, t);
                while (!isOp("]")) {
                    if (!n->args.empty()) expectOp(",");
                    if (isOp("]")) break;
                    n->args.push_back(parseExpression(true));
                }
                next();
                return n;
            }
            if (t.text == "{") {
                next();
                auto n = node(Node::Type::DictLit, t);
                while (!isOp("}")) {
                    if (!n->args.empty()) expectOp(",");
                    if (isOp("}")) break;
                    n->args.push_back(parseExpression(true));
                    expectOp(":");
                    n->args.push_back(parseExpression(true));
                }
                next();
                return n;
            }
            break;
        default: break;
        }
        fail(t, "expected an expression, got " + describe(t));
    }

    NodePtr parsePostfix(NodePtr n) {
        while (true) {
            if (isOp(".")) {
                const Token& dot = next();
                if (peek().type == Token::Type::Name) {
                    auto a = node(Node::Type::Attr, dot);
                    a->a = n;
                    a->str = next().text;
                    n = finish(a);
                } else if (peek().type == Token::Type::Int) {
                    auto a = node(Node::Type::Item, dot);
                    a->a = n;
                    auto lit = node(Node::Type::Literal, peek());
                    lit->literal = Value::integer(std::strtoll(next().text.c_str(), nullptr, 10));
                    a->b = lit;
                    n = finish(a);
                } else {
                    fail(peek(), "expected an attribute name after '.', got " + describe(peek()));
                }
            } else if (isOp("[")) {
                n = parseSubscript(n);
            } else if (isOp("(")) {
                n = parseCall(n);
            } else {
                return n;
            }
        }
    }

    NodePtr parseSubscript(NodePtr obj) {
        const Token& open = next();
        NodePtr parts[3];
        int colons = 0;
        while (!isOp("]")) {
            if (isOp(":")) {
                next();
                if (++colons > 2) fail(peek(), "too many ':' in a slice");
                continue;
            }
            if (parts[colons]) fail(peek(), "expected ']' or ':', got " + describe(peek()));
            parts[colons] = parseExpression(true);
        }
        next();
        if (colons == 0) {
            if (!parts[0]) fail(open, "empty subscript '[]'");
            auto n = node(Node::Type::Item, open);
            n->a = obj;
            n->b = parts[0];
            return finish(n);
        }
        auto n = node(Node::Type::Slice, open);
        n->a = obj;
        n->b = parts[0];
        n->c = parts[1];
        n->d = parts[2];
        return finish(n);
    }

    void parseArgs(Node& n) {
        expectOp("(");
        while (!isOp(")")) {
            if (!n.args.empty() || !n.kwargs.empty()) expectOp(",");
            if (isOp(")")) break;
            if (peek().type == Token::Type::Name && isOp("=", 1)) {
                std::string key = next().text;
                next();
                n.kwargs.emplace_back(key, parseExpression(true));
            } else {
                if (!n.kwargs.empty()) fail(peek(), "a positional argument follows a keyword argument");
                n.args.push_back(parseExpression(true));
            }
        }
        next();
    }

    NodePtr parseCall(NodePtr callee) {
        auto n = node(Node::Type::Call, peek());
        n->line = callee->line;   // errors point at what is called, not at '('
        n->col = callee->col;
        n->a = callee;
        parseArgs(*n);
        return finish(n);
    }

    NodePtr parseFilter(NodePtr obj, bool consumeBar = true) {
        const Token& bar = consumeBar ? next() : peek();   // '|'
        auto n = node(Node::Type::Filter, bar);
        n->a = obj;
        n->line = peek().line;
        n->col = peek().col;
        n->str = expectName("a filter name");
        while (isOp(".")) {
            next();
            n->str += "." + expectName("a filter name");
        }
        if (isOp("(")) parseArgs(*n);
        return finish(n);
    }

    NodePtr parseFilterExpr(NodePtr n) {
        while (true) {
            if (isOp("|")) {
                n = parseFilter(n);
            } else if (isName("is")) {
                const Token& is = next();
                auto t = node(Node::Type::Test, is);
                if (isName("not")) {
                    next();
                    t->negated = true;
                }
                t->a = n;
                t->line = peek().line;
                t->col = peek().col;
                t->str = expectName("a test name");
                if (isOp("(")) {
                    parseArgs(*t);
                } else {
                    const Token& p = peek();
                    const bool primaryStart = p.type == Token::Type::Name || p.type == Token::Type::String ||
                                              p.type == Token::Type::Int || p.type == Token::Type::Float ||
                                              (p.type == Token::Type::Op && (p.text == "(" || p.text == "[" || p.text == "{"));
                    if (primaryStart && !(p.type == Token::Type::Name && (p.text == "else" || p.text == "or" || p.text == "and")))
                        t->args.push_back(parsePostfix(parsePrimary()));
                }
                n = finish(t);
            } else if (isOp("(")) {
                n = parseCall(n);
            } else {
                return n;
            }
        }
    }
};

} // namespace

NodeList parseTemplate(const std::vector<Token>& tokens) {
    return Parser(tokens).parseAll();
}

} // namespace tb::jinja
