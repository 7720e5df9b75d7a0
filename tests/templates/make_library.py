#!/usr/bin/env python3
"""Writes resources/templates/*.json, the built-in prompt template library (our own wording).
Kept as a script so the JSON stays valid and consistently formatted; run it after editing."""
import json, os, sys

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "resources", "templates")

def flan(name, prompt, completion):
    return {"name": name, "kind": "flan", "prompt": prompt, "completion": completion}

def jinja(name, text):
    return {"name": name, "kind": "jinja", "jinja": text}

LABEL = "{{ answer_choices[label] if label is number else label }}"

LIB = {
 "dialogue_summarisation": {
  "description": "Summarise a conversation between two or more people. Matches DialogSum train/validation rows.",
  "fields": {"dialogue": "the conversation, one turn per line (required)", "summary": "the reference summary (completion)"},
  "templates": [
   flan("dialogsum.summarise.1", "Write a short summary of the conversation below.\n\n{dialogue}", "{summary}"),
   flan("dialogsum.summarise.2", "{dialogue}\n\nIn two or three sentences, what happened in this conversation?", "{summary}"),
   flan("dialogsum.summarise.3", "Here is a transcript of people talking:\n\n{dialogue}\n\nSum up the exchange for someone who was not there.", "{summary}"),
   jinja("dialogsum.summarise.4", "Read this dialogue and give the gist of it.\n\n{{ dialogue }}\n\nGist: ||| {{ summary }}"),
   jinja("dialogsum.summarise.5", "Conversation:\n{{ dialogue | trim }}\n\nBriefly report what the speakers discussed and decided. ||| {{ summary }}"),
   jinja("dialogsum.summarise.6", "{% set turns = dialogue.split('\\n') %}The following chat has {{ turns | length }} turns.\n{% for turn in turns %}{{ turn }}\n{% endfor %}\nCondense it into a one-paragraph summary. ||| {{ summary }}"),
  ]},
 "article_summarisation": {
  "description": "Summarise a news or encyclopedia article.",
  "fields": {"article": "the full article text (required)", "summary": "the reference summary (completion)"},
  "templates": [
   flan("article.summarise.1", "Summarise the following article in a few sentences.\n\n{article}", "{summary}"),
   flan("article.summarise.2", "{article}\n\nWhat are the key points of this text?", "{summary}"),
   flan("article.summarise.3", "Article:\n{article}\n\nGive a concise overview that a busy reader could skim.", "{summary}"),
   jinja("article.summarise.4", "Condense this piece of writing into its main ideas:\n\n{{ article }} ||| {{ summary }}"),
   jinja("article.summarise.5", "{{ article | trim }}\n\nTL;DR: ||| {{ summary }}"),
  ]},
 "headline_generation": {
  "description": "Write a headline or title for a text.",
  "fields": {"text": "the article or passage (required)", "title": "the reference headline (completion)"},
  "templates": [
   flan("headline.generate.1", "Suggest a headline for this story.\n\n{text}", "{title}"),
   flan("headline.generate.2", "{text}\n\nWhat would be a good title for the passage above?", "{title}"),
   flan("headline.generate.3", "Write a short, catchy title for the following text:\n{text}", "{title}"),
   jinja("headline.generate.4", "Text: {{ text }}\n\nHeadline: ||| {{ title }}"),
   jinja("headline.generate.5", "An editor needs one line that tells readers what this is about.\n\n{{ text | trim }}\n\nProposed title: ||| {{ title }}"),
  ]},
 "sentiment_classification": {
  "description": "Decide whether a text expresses a negative or positive opinion. 'label' is the class text; the Jinja templates also accept its index into answer_choices.",
  "answer_choices": ["negative", "positive"],
  "fields": {"text": "the review or post (required)", "label": "the class: 'negative'/'positive' (or 0/1 for the Jinja templates)"},
  "templates": [
   flan("sentiment.classify.1", "Is the opinion in this review positive or negative?\n\n{text}", "{label}"),
   flan("sentiment.classify.2", "{text}\n\nHow does the writer feel about the subject?\nOPTIONS:\n{options}", "{label}"),
   flan("sentiment.classify.3", "Review: {text}\nDid the reviewer like it? Answer with one of:\n{options}", "{label}"),
   jinja("sentiment.classify.4", "{{ text }}\n\nThe tone of this text is {{ answer_choices | join(' or ') }}? ||| " + LABEL),
   jinja("sentiment.classify.5", "Classify the sentiment of the following message as {% for c in answer_choices %}\"{{ c }}\"{% if not loop.last %} or {% endif %}{% endfor %}.\n\nMessage: {{ text | trim }} ||| " + LABEL),
  ]},
 "topic_classification": {
  "description": "Assign a news text to one of four topics. 'label' is the topic text; the Jinja templates also accept its index into answer_choices.",
  "answer_choices": ["World", "Sports", "Business", "Science/Technology"],
  "fields": {"text": "the news text (required)", "label": "the topic (or its index for the Jinja templates)"},
  "templates": [
   flan("topic.classify.1", "Which section of a newspaper would this story appear in?\n\n{text}\n\nOPTIONS:\n{options}", "{label}"),
   flan("topic.classify.2", "{text}\n\nWhat is this text mainly about?\n{options}", "{label}"),
   flan("topic.classify.3", "Pick the topic that best fits the passage.\nPassage: {text}\nTopics:\n{options}", "{label}"),
   jinja("topic.classify.4", "{{ text }}\n\nIs this about {{ answer_choices[:-1] | join(', ') }} or {{ answer_choices[-1] }}? ||| " + LABEL),
   jinja("topic.classify.5", "Categorise the article below.\n{% for c in answer_choices %}- {{ c }}\n{% endfor %}\nArticle: {{ text | trim }}\nCategory: ||| " + LABEL),
  ]},
 "extractive_qa": {
  "description": "Answer a question with a span copied from the given context.",
  "fields": {"context": "the passage that holds the answer (required)", "question": "the question (required)", "answer": "the answer span (completion)"},
  "templates": [
   flan("qa.extractive.1", "Read the passage and answer the question using words from it.\n\n{context}\n\nQuestion: {question}", "{answer}"),
   flan("qa.extractive.2", "{context}\n\nBased on the text above, {question}", "{answer}"),
   flan("qa.extractive.3", "Question: {question}\n\nFind the answer in this passage:\n{context}", "{answer}"),
   jinja("qa.extractive.4", "Context: {{ context | trim }}\nQ: {{ question | trim }}\nA: ||| {{ answer }}"),
   jinja("qa.extractive.5", "Copy the shortest phrase from the passage that answers \"{{ question }}\".\n\n{{ context }} ||| {{ answer }}"),
  ]},
 "closed_book_qa": {
  "description": "Answer a factual question without a supporting passage.",
  "fields": {"question": "the question (required)", "answer": "the answer (completion)"},
  "templates": [
   flan("qa.closedbook.1", "Answer the following question.\n\n{question}", "{answer}"),
   flan("qa.closedbook.2", "{question}", "{answer}"),
   flan("qa.closedbook.3", "Trivia time! {question}", "{answer}"),
   jinja("qa.closedbook.4", "Q: {{ question | trim }}\nA: ||| {{ answer }}"),
   jinja("qa.closedbook.5", "Use what you know to reply briefly: {{ question }}{% if not question.strip().endswith('?') %}?{% endif %} ||| {{ answer }}"),
  ]},
 "translation": {
  "description": "Translate text from one language to another; the language names come from the row.",
  "fields": {"source_language": "e.g. 'English' (required)", "target_language": "e.g. 'German' (required)", "source_text": "the text to translate (required)", "target_text": "the reference translation (completion)"},
  "templates": [
   flan("translate.1", "Translate from {source_language} to {target_language}:\n\n{source_text}", "{target_text}"),
   flan("translate.2", "{source_text}\n\nHow would you say this in {target_language}?", "{target_text}"),
   flan("translate.3", "Render this {source_language} sentence in {target_language}.\n{source_text}", "{target_text}"),
   jinja("translate.4", "{{ source_language }}: {{ source_text }}\n{{ target_language }}: ||| {{ target_text }}"),
   jinja("translate.5", "I need this in {{ target_language }}, please: \"{{ source_text | trim }}\" ||| {{ target_text }}"),
  ]},
 "paraphrase": {
  "description": "Rewrite a text so it keeps its meaning but uses different words.",
  "fields": {"text": "the original text (required)", "paraphrase": "the rewritten text (completion)"},
  "templates": [
   flan("paraphrase.rewrite.1", "Rephrase the following sentence without changing what it means.\n\n{text}", "{paraphrase}"),
   flan("paraphrase.rewrite.2", "{text}\n\nSay the same thing in other words.", "{paraphrase}"),
   flan("paraphrase.rewrite.3", "Original: {text}\nRewritten:", "{paraphrase}"),
   jinja("paraphrase.rewrite.4", "Give an alternative wording for: {{ text | trim }} ||| {{ paraphrase }}"),
   jinja("paraphrase.rewrite.5", "Here is a sentence:\n{{ text }}\n\nWrite a version a different author might have produced, keeping every fact. ||| {{ paraphrase }}"),
  ]},
 "instruction_following": {
  "description": "Follow an open instruction, optionally with an input. Matches Alpaca rows; 'input' may be empty and every template reads well either way (the Jinja ones drop the input section, the FLAN one labels it as optional).",
  "fields": {"instruction": "what to do (required)", "input": "extra material for the task; may be empty", "output": "the reference response (completion)"},
  "templates": [
   jinja("alpaca.instruct.1", "{{ instruction | trim }}{% if input %}\n\n{{ input }}{% endif %} ||| {{ output }}"),
   jinja("alpaca.instruct.2", "Below is a task{% if input %} together with some material to work on{% endif %}. Write a response that completes it.\n\n### Task:\n{{ instruction }}\n{% if input %}\n### Material:\n{{ input }}\n{% endif %}\n### Response: ||| {{ output }}"),
   jinja("alpaca.instruct.3", "Instruction: {{ instruction }}{% if input | trim %}\nInput: {{ input }}{% endif %}\nOutput: ||| {{ output }}"),
   jinja("alpaca.instruct.4", "{% if input %}Use the following to help with the request.\n{{ input }}\n\nRequest: {% else %}Request: {% endif %}{{ instruction }} ||| {{ output }}"),
   jinja("alpaca.instruct.5", "You are a helpful assistant. {{ instruction }}{{ ('\\n\\nHere is what you need: ' ~ input) if input else '' }} ||| {{ output }}"),
   flan("alpaca.instruct.6", "Task: {instruction}\nAdditional context (may be blank): {input}\nAnswer:", "{output}"),
  ]},
}

def main():
    os.makedirs(OUT, exist_ok=True)
    for task, body in LIB.items():
        doc = {"task": task, "description": body["description"], "fields": body["fields"]}
        if "answer_choices" in body:
            doc["answer_choices"] = body["answer_choices"]
        doc["templates"] = body["templates"]
        with open(os.path.join(OUT, task + ".json"), "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=2, ensure_ascii=False)
            f.write("\n")
    print("wrote", len(LIB), "files to", os.path.normpath(OUT))

if __name__ == "__main__":
    main()
