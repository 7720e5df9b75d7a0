# Greedy generation with transformers (the reference) for test_generation:
#   reference_generate.py MODEL_DIR IDS MAX_NEW REPETITION_PENALTY  ->  {"new_tokens": [...]}
# No EOS stopping (eos_token_id=None), so the comparison covers every step.
import json
import sys

import torch
from transformers import AutoModelForCausalLM

model_dir, ids, max_new, penalty = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
torch.set_num_threads(2)
model = AutoModelForCausalLM.from_pretrained(model_dir, torch_dtype=torch.float32, attn_implementation="eager").eval()
input_ids = torch.tensor([[int(x) for x in ids.split(",")]])
with torch.no_grad():
    out = model.generate(input_ids, attention_mask=torch.ones_like(input_ids), do_sample=False, max_new_tokens=max_new,
                         repetition_penalty=penalty, eos_token_id=None, pad_token_id=0)
print(json.dumps({"new_tokens": out[0, input_ids.shape[1]:].tolist()}))
