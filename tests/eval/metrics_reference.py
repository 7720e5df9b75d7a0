#!/usr/bin/env python3
"""Reference side of the metrics parity test (tests/eval/test_metrics_parity.cpp).

Builds >= 5,000 (prediction, references) pairs from DialogSum's test split -- the human
summaries against each other, against perturbed copies (word drops, swaps, case changes,
punctuation, duplicated words, inserted newlines), dialogues against summaries (many lines,
for ROUGE-Lsum), multi-reference sets, and hand-written edge cases (empty, punctuation only,
Unicode whitespace and case, 13a's special sequences) -- and scores every pair with
Google's rouge_score (stemmed and unstemmed) and sacrebleu (sentence BLEU, sentence chrF),
then the corpus BLEU / chrF and the mean ROUGE.

Usage: metrics_reference.py DIALOGSUM_TEST_JSONL OUT_JSONL
Output: one JSON line per pair {"prediction", "references", "rouge": {...}, "rouge_stem": {...},
"bleu": {...}, "chrf": float}, then a final line {"corpus": {...}}.
"""
import json
import logging
import random
import sys

import numpy as np
import sacrebleu
from rouge_score import rouge_scorer

logging.disable(logging.WARNING)
TYPES = ["rouge1", "rouge2", "rougeL", "rougeLsum"]

EDGE_CASES = [
    ("", "It is cold outside."),
    ("It is cold outside.", ""),
    ("", ""),
    ("...", "It is cold outside."),
    ("!!! ??? ,,,", "!!! ??? ,,,"),
    ("   ", "\n\n"),
    ("It is very cold outside.", "It is cold outside."),
    ("cold cold cold cold", "It is cold outside."),
    ("I am very happy that I am drinking a cup of tea.",
     "I am very happy to say that I am drinking a warm cup of tea."),
    ("I am very happy that I am drinking a warm cup of tea.",
     "I am very happy to say that I am drinking a warm cup of tea."),
    ("I am very happy to say that I am drinking a warm tea.",
     "I am very happy to say that I am drinking a warm cup of tea."),
    ("\u0130stanbul is big. The \u212aelvin scale.", "istanbul is big. The kelvin scale."),
    ("caf\u00e9 na\u00efve \u00c9cole STRASSE stra\u00dfe", "cafe naive ecole strasse"),
    ("word\u00a0word\u2003word\u3000word\u2028x\u0085y", "word word word word x y"),
    ("1,000.50 dollars and 3-4 items, e.g. 2.5-3.0", "1,000.50 dollars and 3 - 4 items, e.g. 2.5 - 3.0"),
    ("&quot;Hi&quot; &amp; &lt;b&gt; &amp;lt; <skipped> re-\nturn", "\"Hi\" & <b> &lt; return"),
    ("tabs\tand\rcarriage\x0breturns\x0c", "tabs and carriage returns"),
    ("first line\n\nsecond line\n \nthird", "first line\nsecond line\nthird line"),
    ("Emoji \U0001F600 smile, \u4e2d\u6587 text.", "Emoji smile, text."),
    ("trailing spaces   \u00a0 ", "trailing spaces"),
    ("running runners ran easily relational conditional generalizations",
     "run runner run easy relate condition general"),
    ("dying lying tying skies news innings proceeded exceeding",
     "die lie tie sky news inning proceed exceed"),
    ("yyyy yaya syzygy toy enjoyed happiness", "toy enjoy happy syzygy"),
    ("a b c d e f g h", "h g f e d c b a"),
    ("the the the the the", "the cat the dog the"),
    ("- - -", "-"),
    ("x.y,z.1,2 a.b", "x . y , z.1,2"),
    ("'quoted' \"double\" `back`", "quoted double back"),
    ("#Person1# asks #Person2# about $5.", "#Person1# asks #Person2# about $ 5."),
    ("\n", "a"),
]


def perturb(text, rng):
    words = text.split(" ")
    ops = rng.sample(["drop", "swap", "case", "punct", "dup", "newline", "lower", "strip"], k=rng.randint(1, 3))
    for op in ops:
        if not words:
            break
        i = rng.randrange(len(words))
        if op == "drop" and len(words) > 1:
            del words[i]
        elif op == "swap" and len(words) > 1:
            j = rng.randrange(len(words))
            words[i], words[j] = words[j], words[i]
        elif op == "case":
            words[i] = words[i].upper() if rng.random() < 0.5 else words[i].capitalize()
        elif op == "punct":
            words[i] = words[i] + rng.choice([",", ".", "!", "?", ";", " -", "...", "'s", "\""])
        elif op == "dup":
            words.insert(i, words[i])
        elif op == "newline":
            words[i] = words[i] + "\n"
        elif op == "lower":
            words = [w.lower() for w in words]
        elif op == "strip":
            words = [w.strip(".,!?") for w in words]
    return " ".join(words)


def sentence_lines(text):
    return text.replace(". ", ".\n")


def build_pairs(rows):
    rng = random.Random(1234)
    pairs = []
    for r in rows:  # human summaries against each other (1,500)
        s = [r["summary1"], r["summary2"], r["summary3"]]
        pairs += [(s[0], [s[1]]), (s[1], [s[2]]), (s[2], [s[0]])]
    for r in rows:  # perturbed copies (1,500)
        for k in ("summary1", "summary2", "summary3"):
            pairs.append((perturb(r[k], rng), [r[k]]))
    for r in rows:  # multi-reference (1,000)
        s = [r["summary1"], r["summary2"], r["summary3"]]
        pairs.append((perturb(s[0], rng), s))
        pairs.append((s[0], [s[1], s[2]]))
    for i, r in enumerate(rows):  # unrelated pairs and Lsum newlines (1,000)
        other = rows[(i + 7) % len(rows)]
        pairs.append((other["summary1"], [r["summary1"]]))
        pairs.append((sentence_lines(perturb(r["summary2"], rng)), [sentence_lines(r["summary1"])]))
    for r in rows[:250]:  # long multi-line predictions (the dialogue) against summaries
        pairs.append((r["dialogue"], [r["summary1"], r["summary3"]]))
    for p, ref in EDGE_CASES:
        pairs.append((p, [ref]))
        pairs.append((ref, [p]))
    return pairs


def score_dict(s):
    return {"precision": s.precision, "recall": s.recall, "fmeasure": s.fmeasure}


def main():
    rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
    pairs = build_pairs(rows)
    plain = rouge_scorer.RougeScorer(TYPES, use_stemmer=False)
    stem = rouge_scorer.RougeScorer(TYPES, use_stemmer=True)
    bleu = sacrebleu.BLEU(effective_order=True)
    chrf = sacrebleu.CHRF()
    rouge_cols = {t: [] for t in TYPES}
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        for pred, refs in pairs:
            r = plain.score_multi(refs, pred)
            rs = stem.score_multi(refs, pred)
            b = bleu.sentence_score(pred, refs)
            c = chrf.sentence_score(pred, refs)
            for t in TYPES:
                rouge_cols[t].append([r[t].precision, r[t].recall, r[t].fmeasure])
            out.write(json.dumps({
                "prediction": pred, "references": refs,
                "rouge": {t: score_dict(r[t]) for t in TYPES},
                "rouge_stem": {t: score_dict(rs[t]) for t in TYPES},
                "bleu": {"score": b.score, "precisions": b.precisions, "bp": b.bp,
                         "sys_len": b.sys_len, "ref_len": b.ref_len},
                "chrf": c.score}) + "\n")
        nref = max(len(refs) for _, refs in pairs)
        streams = [[refs[k] if k < len(refs) else None for _, refs in pairs] for k in range(nref)]
        hyps = [p for p, _ in pairs]
        cb = sacrebleu.corpus_bleu(hyps, streams)
        cc = sacrebleu.corpus_chrf(hyps, streams)
        corpus = {t: dict(zip(["precision", "recall", "fmeasure"], np.mean(np.array(rouge_cols[t]), axis=0).tolist()))
                  for t in TYPES}
        corpus["bleu"] = {"score": cb.score, "precisions": cb.precisions, "bp": cb.bp,
                          "sys_len": cb.sys_len, "ref_len": cb.ref_len}
        corpus["chrf"] = {"score": cc.score}
        out.write(json.dumps({"corpus": corpus, "count": len(pairs)}) + "\n")
        # The Porter stemmer on a whole vocabulary: every distinct rouge token longer than 3
        # characters of the test dialogues and the first 4,000 training summaries.
        vocab = set()
        plain_tok = plain._tokenizer
        train = sys.argv[1].replace("test.jsonl", "train.jsonl")
        texts = [r["dialogue"] for r in rows]
        try:
            with open(train, encoding="utf-8") as f:
                for i, l in enumerate(f):
                    if i >= 4000:
                        break
                    texts.append(json.loads(l)["summary"])
        except OSError:
            pass
        for t in texts:
            vocab.update(w for w in plain_tok.tokenize(t) if len(w) > 3)
        stemmer = stem._tokenizer._stemmer
        out.write(json.dumps({"stems": {w: stemmer.stem(w) for w in sorted(vocab)}}) + "\n")


if __name__ == "__main__":
    main()
