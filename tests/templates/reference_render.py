#!/usr/bin/env python3
"""Reference renderer for the template parity tests: renders the cases in a JSON file with
Python jinja2 exactly as our engine is meant to, and prints one JSON list of results.

Modes of a case:
  default        jinja2.Environment() defaults (promptsource/FLAN settings)   {template, vars}
  chat           transformers 4.40.2 chat-template environment                 {template, vars}
  prompt         a PromptTemplate rendered as promptsource / FLAN do             {template: {...}, row}
  chat_template  apply_chat_template semantics                                   {template, messages,
                 add_generation_prompt, special_tokens, extra}
Usage: reference_render.py CASES.json  ->  [{"id": ..., "output": ...} | {"id": ..., "error": ...}]
"""
import json
import sys

import jinja2
from transformers.tokenization_utils_base import PreTrainedTokenizerBase

SENTINEL = "\x02TB_PIPE\x03"


def chat_env_template(source):
    # transformers' own compile step (ImmutableSandboxedEnvironment, trim/lstrip blocks, raise_exception)
    return PreTrainedTokenizerBase._compile_jinja_template(None, source)


def render_prompt(t, row):
    choices = t.get("answer_choices") or []
    if isinstance(choices, str):
        choices = [c.strip() for c in choices.split("|||")]
    env = jinja2.Environment()
    rendered_choices = []
    for c in choices:
        if "{{" in c or "{%" in c:
            rendered_choices.append(env.from_string(c).render(**row).strip())
        else:
            rendered_choices.append(c)
    kind = t.get("kind") or ("jinja" if "jinja" in t else "flan")
    if kind == "flan":
        fields = dict(row)
        if rendered_choices and "options" not in fields:
            fields["options"] = "\n".join("- " + c for c in rendered_choices)
        return {"prompt": t["prompt"].format(**fields), "completion": t.get("completion", "").format(**fields)}
    protected = {k: (v.replace("|||", SENTINEL) if isinstance(v, str) else v) for k, v in row.items()}
    if "answer_choices" not in protected:
        protected["answer_choices"] = rendered_choices
    text = env.from_string(t["jinja"]).render(**protected)
    parts = [p.replace(SENTINEL, "|||").strip() for p in text.split("|||")]
    return {"prompt": parts[0], "completion": parts[1] if len(parts) > 1 else ""}


def run(case):
    mode = case.get("mode", "default")
    if mode == "default":
        return jinja2.Environment().from_string(case["template"]).render(**case.get("vars", {}))
    if mode == "chat":
        return chat_env_template(case["template"]).render(**case.get("vars", {}))
    if mode == "prompt":
        return render_prompt(case["template"], case["row"])
    if mode == "chat_template":
        kwargs = {**case.get("special_tokens", {}), **case.get("extra", {})}
        return chat_env_template(case["template"]).render(
            messages=case["messages"], add_generation_prompt=case.get("add_generation_prompt", False), **kwargs)
    raise ValueError("unknown mode " + mode)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        cases = json.load(f)
    out = []
    for case in cases:
        try:
            out.append({"id": case["id"], "output": run(case)})
        except Exception as e:  # the C++ side reports which case failed
            out.append({"id": case["id"], "error": type(e).__name__ + ": " + str(e)})
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
