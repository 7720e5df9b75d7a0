#pragma once
// Why this exists: the importers check that every byte of a record is well-formed UTF-8 as it
// streams past, so a bad file is reported as "invalid UTF-8 at line N byte M" instead of being
// stored and breaking the tokenizer later. Overlong forms, surrogates and code points above
// U+10FFFF are rejected (the Unicode standard's table 3-7).
#include <cstdint>

namespace tb {

class Utf8Validator {
public:
    enum class Result { Ok, Invalid, CutOff };
    // Feeds one byte. Invalid: this byte, or the sequence it continues, is ill-formed; CutOff: a
    // multi-byte sequence ended early (this byte is not a continuation byte). In both cases the
    // error belongs to the sequence's first byte (sequenceStart() of the caller's counting), and
    // the validator resynchronises after this byte.
    Result check(unsigned char b) {
        if (need_ > 0 && (b < 0x80 || b > 0xBF)) {
            need_ = 0;
            return Result::CutOff;
        }
        return feed(b) ? Result::Ok : Result::Invalid;
    }
    // Feeds one byte; returns false if this byte makes the sequence ill-formed (the validator
    // then resynchronises at the next byte).
    bool feed(unsigned char b) {
        if (need_ == 0) {
            if (b < 0x80) return true;
            lo_ = 0x80;
            hi_ = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) need_ = 1;
            else if (b == 0xE0) { need_ = 2; lo_ = 0xA0; }
            else if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) need_ = 2;
            else if (b == 0xED) { need_ = 2; hi_ = 0x9F; }
            else if (b == 0xF0) { need_ = 3; lo_ = 0x90; }
            else if (b >= 0xF1 && b <= 0xF3) need_ = 3;
            else if (b == 0xF4) { need_ = 3; hi_ = 0x8F; }
            else return false;
            return true;
        }
        if (b < lo_ || b > hi_) {
            need_ = 0;
            return false;
        }
        lo_ = 0x80;
        hi_ = 0xBF;
        --need_;
        return true;
    }
    // True while a multi-byte sequence is open (at end of input that is an error).
    bool pending() const { return need_ != 0; }
    void reset() { need_ = 0; }

private:
    int need_ = 0;
    unsigned char lo_ = 0x80, hi_ = 0xBF;
};

} // namespace tb
