#!/usr/bin/env python3
"""Reference side of the tokenizer parity test (test_tokenizer_parity runs it).

Encodes the same strings (DialogSum dialogues + summaries and hard edge cases) with the
reference implementation of every tokenizer in ../shared and writes JSON lines:
  {"strings": [...]}                                   first line
  {"tokenizer": name, "loader": "dir"|"file", "path": p, "note": ..., "ids": [...], "plain": [...],
   "decoded": [...], "decoded_skip": [...]}             one line per tokenizer, one entry per string
ids = add_special_tokens=True, plain = False; decoded = decode(plain) keeping special tokens,
decoded_skip = decode(ids, skip_special_tokens=True); see record() for the nulls.

--side tokenizers: the current `tokenizers` library (tokenizer.json files, GPT-2 vocab+merges)
--side reference:  transformers 4.40.2 AutoTokenizer (model folders) and sentencepiece (.model)
"""
import argparse
import json
import os
import sys

EDGE = [
    "", " ", "  ", "   ", "\t", "\n", "\n\n\n", "\t\n", " \n ", "a    b\n\n\nc  ", "   leading", "trailing   ",
    "Hello world", " Hello world", "Hello  world\n", "don't I'll we're they've she'd it's 'S 'T",
    "1 12 123 1234 12345 3.14159 1,000,000 2024-01-01 007",
    "Café naïve façade Ångström Ünïcödé", "e\u0301 a\u0308 combining", "\u00a0non-breaking\u00a0space", "zero\u200bwidth",
    "ＦＵＬＬＷＩＤＴＨ ｶﾀｶﾅ ﬁ ligature ① ½", "你好，世界。日本語のテキストです。", "한국어 문장입니다", "مرحبا بالعالم", "Привет, мир!",
    "🤗 🚀👍🏽 👨‍👩‍👧 🇬🇧 ❤️", "x\r\ny\rz", "\x01\x02\x7f control", "tabs\tin\tthe\tmiddle",
    "<s>", "</s>", "<unk>", "<pad>", "<s> hi </s>", "Hello<s>world</s>", " <s>  spaced  </s> ",
    "<|endoftext|>", "Hello<|endoftext|>world", "<|im_start|>user\nHi there<|im_end|>\n<|im_start|>assistant\n",
    "<|begin_of_text|>Hi<|end_of_text|>", "<|padding|>", "<extra_id_0> fill <extra_id_1>", "x<extra_id_0>y",
    "<0x41> <0xFF> byte pieces", "▁metaspace▁char ▁", "Ġ Ċ byte-level chars", "#Person1#: Hi!\n#Person2#: Hello.",
    "a" * 300, "ab" * 120 + " " + "xyz" * 50, "    indented code\n        more", "Mr. Smith's check-up (5 years) costs $1,200.50?!",
]


def strings(shared, n_dialogues, n_summaries):
    """Edge cases, then DialogSum train dialogues (long) and summaries (short)."""
    out = list(EDGE)
    with open(os.path.join(shared, "datasets/dialogsum/train.jsonl"), encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= max(n_dialogues, n_summaries):
                break
            row = json.loads(line)
            if i < n_dialogues:
                out.append(row["dialogue"])
            if i < n_summaries:
                out.append(row["summary"])
    return out


def record(name, loader, path, texts, ids, plain, decoded, decoded_skip, note=""):
    """One line per tokenizer; values equal to the obvious default are null to keep it small:
    ids -> null when equal to plain, decoded -> null when equal to the text, decoded_skip -> null
    when equal to decoded."""
    ids = [None if a == b else a for a, b in zip(ids, plain)]
    decoded = [None if d == t else d for d, t in zip(decoded, texts)]
    decoded_skip = [None if s == (d if d is not None else t) else s for s, d, t in zip(decoded_skip, decoded, texts)]
    return {"tokenizer": name, "loader": loader, "path": path, "note": note, "ids": ids, "plain": plain,
            "decoded": decoded, "decoded_skip": decoded_skip}


def tokenizers_side(shared, texts, emit):
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, AddedToken

    def run(name, path, tok, loader):
        ids = [e.ids for e in tok.encode_batch(texts, add_special_tokens=True)]
        plain = [e.ids for e in tok.encode_batch(texts, add_special_tokens=False)]
        emit(record(name, loader, path, texts, ids, plain, tok.decode_batch(plain, skip_special_tokens=False),
                    tok.decode_batch(ids, skip_special_tokens=True)))

    for rel in ["tokenizers/llama3/tokenizer.json", "tokenizers/qwen/tokenizer.json", "tokenizers/gpt-neox/tokenizer.json",
                "tokenizers/mistral/tokenizer.json", "models/stories260K/tokenizer.json"]:
        p = os.path.join(shared, rel)
        if os.path.exists(p):
            run(rel, p, Tokenizer.from_file(p), "file")
    d = os.path.join(shared, "tokenizers/gpt2")
    if os.path.exists(d):
        tok = Tokenizer(models.BPE.from_file(os.path.join(d, "vocab.json"), os.path.join(d, "merges.txt")))
        tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
        tok.decoder = decoders.ByteLevel()
        tok.add_special_tokens([AddedToken("<|endoftext|>", special=True, normalized=False)])
        run("tokenizers/gpt2", d, tok, "dir")


def fast_decode(tok, batch, skip):
    """transformers 4.40.2 PreTrainedTokenizerFast._decode for a batch: backend decode, then
    clean_up_tokenization when the tokenizer has clean_up_tokenization_spaces."""
    out = tok._tokenizer.decode_batch(batch, skip_special_tokens=skip)
    if tok.clean_up_tokenization_spaces:
        out = [tok.clean_up_tokenization(x) for x in out]
    return out


def reference_side(shared, texts, emit):
    import sentencepiece as spm
    for rel in ["tokenizers/llama2/tokenizer.model", "models/stories260K/tokenizer.model",
                "fixtures/hf-tiny/llama/tokenizer.model", "fixtures/hf-tiny/t5/spiece.model"]:
        p = os.path.join(shared, rel)
        if not os.path.exists(p):
            continue
        sp = spm.SentencePieceProcessor(model_file=p)
        bos = [sp.bos_id()] if sp.bos_id() >= 0 else []
        plain = sp.encode(texts)
        ids = [bos + x for x in plain]
        emit(record(rel, "file", p, texts, ids, plain, sp.decode(plain), sp.decode(ids)))

    from transformers import AutoTokenizer
    try:
        import google.protobuf  # noqa: F401  (transformers converts T5/Llama from the slow tokenizer with it)
        have_protobuf = True
    except ImportError:
        have_protobuf = False
    dirs = sorted(os.path.join("fixtures/hf-tiny", d) for d in os.listdir(os.path.join(shared, "fixtures/hf-tiny"))
                  if os.path.isdir(os.path.join(shared, "fixtures/hf-tiny", d)))
    # tokenizers/qwen and models/stories260K use the ["a","b"] merge spelling that transformers
    # 4.40.2's tokenizers (<0.20) cannot read: the tokenizers side covers them.
    dirs += ["tokenizers/llama3", "tokenizers/mistral"]
    for rel in dirs:
        d = os.path.join(shared, rel)
        note = ""
        try:
            tok = AutoTokenizer.from_pretrained(d)
        except ImportError:
            if have_protobuf:
                raise
            # transformers wants protobuf to re-convert from the slow tokenizer (add_prefix_space
            # in the config); that conversion equals tokenizer.json + added_tokens_decoder.
            tok = AutoTokenizer.from_pretrained(d, add_prefix_space=None)
            note = "protobuf missing: loaded tokenizer.json instead of the slow conversion"
        ids = tok(texts, add_special_tokens=True, return_attention_mask=False)["input_ids"]
        plain = tok(texts, add_special_tokens=False, return_attention_mask=False)["input_ids"]
        decoded = fast_decode(tok, plain, False)
        decoded_skip = fast_decode(tok, ids, True)
        # fast_decode is PreTrainedTokenizerFast._decode batched; prove it on a sample
        for k in list(range(0, len(texts), 97)) + list(range(min(len(texts), 80))):
            assert decoded[k] == tok.decode(plain[k], skip_special_tokens=False), (rel, k)
            assert decoded_skip[k] == tok.decode(ids[k], skip_special_tokens=True), (rel, k)
        emit(record(rel, "dir", d, texts, ids, plain, decoded, decoded_skip, note))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", required=True)
    ap.add_argument("--side", choices=["tokenizers", "reference"], required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--dialogues", type=int, default=1000, help="DialogSum train dialogues")
    ap.add_argument("--summaries", type=int, default=4000, help="DialogSum train summaries")
    a = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    texts = strings(a.shared, a.dialogues, a.summaries)
    with open(a.out, "w", encoding="utf-8") as f:
        def emit(obj):
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
        emit({"strings": texts})
        (tokenizers_side if a.side == "tokenizers" else reference_side)(a.shared, texts, emit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
