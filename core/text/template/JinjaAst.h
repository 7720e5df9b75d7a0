#pragma once
// Why this exists: the tokens and syntax tree shared by the Jinja lexer, parser and renderer.
// Every token and node carries the line and column it starts at, so errors can point there.
#include "text/template/JinjaValue.h"

#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace tb::jinja {

// A lexing, parsing or rendering failure at a position; JinjaTemplate adds the template name.
struct JinjaError : std::runtime_error {
    JinjaError(int l, int c, const std::string& message) : std::runtime_error(message), line(l), col(c) {}
    int line, col;
};

struct Options {
    bool trimBlocks = false;           // drop the first newline after a block tag
    bool lstripBlocks = false;         // strip spaces and tabs before a block tag on its own line
    bool keepTrailingNewline = false;  // jinja2's default drops one trailing newline
};

struct Token {
    enum class Type { Data, VarBegin, VarEnd, BlockBegin, BlockEnd, Name, String, Int, Float, Op, End };
    Type type = Type::End;
    std::string text;     // Data text, name, operator, decoded string literal, number spelling
    int line = 1, col = 1;
};

struct Node;
using NodePtr = std::shared_ptr<Node>;
using NodeList = std::vector<NodePtr>;

struct Node {
    enum class Type {
        // expressions
        Literal, Name, ListLit, TupleLit, DictLit, Attr, Item, Slice, Call, Filter, Test,
        Neg, Pos, Not, And, Or, Binary, Compare, CondExpr,
        // statements
        Data, Output, If, For, Set, SetBlock, Macro, CallBlock, FilterBlock
    };
    Type type;
    int line = 1, col = 1;
    int height = 1;                     // expression tree height (bounded by the parser)
    std::string str;                    // name, attribute, filter/test/macro name, binary operator, data text
    Value literal;                      // Literal
    NodePtr a, b, c;                    // operands; For: a=iterable, b=filter condition; Slice: a=obj, b/c start/stop
    NodePtr d;                          // Slice: step
    NodeList args;                      // call/filter/test positional args, list/tuple/dict items (k,v pairs flattened)
    std::vector<std::pair<std::string, NodePtr>> kwargs;
    std::vector<std::string> ops;       // Compare: operators between args
    std::vector<std::string> targets;   // For/Set: names assigned; Set with attribute: {ns, attr}
    bool negated = false;               // Test: "is not"; Set: target is ns.attr
    bool recursive = false;             // For
    NodeList body, elseBody;
    std::vector<std::pair<NodePtr, NodeList>> branches;   // If: (condition, body) for if/elif
};

} // namespace tb::jinja
