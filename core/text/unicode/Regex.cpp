#define PCRE2_CODE_UNIT_WIDTH 8
#include "text/unicode/Regex.h"

#include "text/unicode/Utf8.h"
#include "util/Error.h"

#include <pcre2.h>

namespace tb {

struct Regex::Impl {
    pcre2_code* code = nullptr;
    bool jit = false;
};

namespace {

// Per-thread match state: match data and a JIT stack big enough for long whitespace runs.
struct MatchData {
    pcre2_match_data* md = nullptr;
    pcre2_jit_stack* stack = nullptr;
    pcre2_match_context* ctx = nullptr;
    MatchData() {
        md = pcre2_match_data_create(32, nullptr);
        stack = pcre2_jit_stack_create(64 * 1024, 8 * 1024 * 1024, nullptr);
        ctx = pcre2_match_context_create(nullptr);
        if (ctx && stack) pcre2_jit_stack_assign(ctx, nullptr, stack);
    }
    ~MatchData() {
        if (md) pcre2_match_data_free(md);
        if (ctx) pcre2_match_context_free(ctx);
        if (stack) pcre2_jit_stack_free(stack);
    }
};

} // namespace

Regex::Regex(const std::string& pattern) : impl_(std::make_unique<Impl>()), pattern_(pattern) {
    int err = 0;
    PCRE2_SIZE off = 0;
    impl_->code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                                PCRE2_UTF | PCRE2_UCP | PCRE2_NO_UTF_CHECK, &err, &off, nullptr);
    if (!impl_->code) {
        PCRE2_UCHAR buf[256];
        pcre2_get_error_message(err, buf, sizeof buf);
        throw Error("regex '" + pattern + "' does not compile at offset " + std::to_string(off) + ": " +
                    reinterpret_cast<const char*>(buf));
    }
    impl_->jit = pcre2_jit_compile(impl_->code, PCRE2_JIT_COMPLETE) == 0;
}

Regex::~Regex() {
    if (impl_ && impl_->code) pcre2_code_free(impl_->code);
}

std::vector<std::pair<size_t, size_t>> Regex::findAll(std::string_view text) const {
    std::vector<std::pair<size_t, size_t>> out;
    thread_local MatchData data;
    // Invalid UTF-8 would make PCRE2 refuse the subject; callers pass valid text, but never crash.
    const bool valid = utf8::isValid(text);
    std::string fixed;
    if (!valid) { fixed = utf8::lossy(text); text = fixed; }
    size_t pos = 0;
    while (pos <= text.size()) {
        const auto subject = reinterpret_cast<PCRE2_SPTR>(text.data());
        int rc = impl_->jit ? pcre2_jit_match(impl_->code, subject, text.size(), pos, 0, data.md, data.ctx)
                            : PCRE2_ERROR_JIT_BADOPTION;
        if (rc < 0 && rc != PCRE2_ERROR_NOMATCH)   // no JIT, or its stack ran out: the interpreter
            rc = pcre2_match(impl_->code, subject, text.size(), pos, PCRE2_NO_UTF_CHECK, data.md, nullptr);
        if (rc == PCRE2_ERROR_NOMATCH) break;
        if (rc < 0) {
            PCRE2_UCHAR buf[256];
            pcre2_get_error_message(rc, buf, sizeof buf);
            throw Error("regex '" + pattern_ + "' failed on a text of " + std::to_string(text.size()) + " bytes: " +
                        reinterpret_cast<const char*>(buf));
        }
        const PCRE2_SIZE* ov = pcre2_get_ovector_pointer(data.md);
        const size_t b = ov[0], e = ov[1];
        if (e == b) {   // empty match: skip one character
            if (b >= text.size()) break;
            pos = b + utf8::seqLen(static_cast<unsigned char>(text[b]));
            continue;
        }
        out.emplace_back(b, e);
        pos = e;
    }
    return out;
}

} // namespace tb
