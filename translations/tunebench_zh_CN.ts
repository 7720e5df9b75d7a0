<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>EvalResults</name>
    <message>
        <location filename="../ui/evaluate/EvalResults.cpp" line="60" />
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>Pending</name>
    <message>
        <location filename="../ui/widgets/Pending.cpp" line="10" />
        <source>Not available in this build yet: waiting for %1.</source>
        <translation>此版本尚不可用：正在等待%1。</translation>
    </message>
    <message>
        <location filename="../ui/widgets/Pending.cpp" line="14" />
        <source>Not available in this build yet: waiting for %1. The controls below show what this page will do; they are disabled until then.</source>
        <translation>此版本尚不可用：正在等待%1。下面的控件展示此页面将提供的功能，在此之前处于禁用状态。</translation>
    </message>
</context>
<context>
    <name>tb::DownloadJob</name>
    <message>
        <location filename="../core/jobs/DownloadJob.cpp" line="93" />
        <source>%1: access denied (HTTP %2). The model may be gated or private: accept its licence on the Hub and give an access token.</source>
        <translation>%1：访问被拒绝（HTTP %2）。该模型可能受限或为私有：请在 Hub 上接受其许可并提供访问令牌。</translation>
    </message>
    <message>
        <location filename="../core/jobs/DownloadJob.cpp" line="96" />
        <source>%1: not found (HTTP 404). Check the model id and revision.</source>
        <translation>%1：未找到（HTTP 404）。请检查模型 ID 和版本。</translation>
    </message>
    <message>
        <location filename="../core/jobs/DownloadJob.cpp" line="97" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../core/jobs/DownloadJob.cpp" line="109" />
        <source>Listing the files of %1</source>
        <translation>正在列出 %1 的文件</translation>
    </message>
    <message>
        <location filename="../core/jobs/DownloadJob.cpp" line="113" />
        <source>The Hub's answer for %1 is not JSON: %2</source>
        <translation>Hub 对 %1 的响应不是 JSON：%2</translation>
    </message>
    <message>
        <location filename="../core/jobs/DownloadJob.cpp" line="208" />
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../core/jobs/DownloadJob.cpp" line="217" />
        <source>Resuming %1 at %2 bytes</source>
        <translation>从 %2 字节处继续下载 %1</translation>
    </message>
    <message>
        <location filename="../core/jobs/DownloadJob.cpp" line="233" />
        <source>Cannot write %1: %2 (is the disk full?)</source>
        <translation>无法写入 %1：%2（磁盘是否已满？）</translation>
    </message>
    <message>
        <location filename="../core/jobs/DownloadJob.cpp" line="250" />
        <source>Downloading %1</source>
        <translation>正在下载 %1</translation>
    </message>
    <message>
        <location filename="../core/jobs/DownloadJob.cpp" line="251" />
        <source> (what arrived is kept; start the download again to resume)</source>
        <translation>（已接收的部分会保留；再次开始下载即可续传）</translation>
    </message>
    <message>
        <location filename="../core/jobs/DownloadJob.cpp" line="259" />
        <source>%1 is %2 bytes but the Hub says %3; start the download again to resume</source>
        <translation>%1 为 %2 字节，但 Hub 显示为 %3；再次开始下载即可续传</translation>
    </message>
    <message>
        <location filename="../core/jobs/DownloadJob.cpp" line="264" />
        <source>Checksum mismatch for %1: expected %2, got %3. The damaged file was removed; download it again.</source>
        <translation>%1 的校验和不匹配：应为 %2，实际为 %3。已删除损坏的文件，请重新下载。</translation>
    </message>
    <message>
        <location filename="../core/jobs/DownloadJob.cpp" line="271" />
        <source>Cannot move %1 into place</source>
        <translation>无法将 %1 移动到位</translation>
    </message>
    <message>
        <location filename="../core/jobs/DownloadJob.cpp" line="282" />
        <source>Give a model id such as "HuggingFaceTB/SmolLM2-135M".</source>
        <translation>请输入模型 ID，例如“HuggingFaceTB/SmolLM2-135M”。</translation>
    </message>
    <message>
        <location filename="../core/jobs/DownloadJob.cpp" line="283" />
        <source>Choose a folder to download into.</source>
        <translation>请选择下载目标文件夹。</translation>
    </message>
    <message>
        <location filename="../core/jobs/DownloadJob.cpp" line="285" />
        <source>Cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <location filename="../core/jobs/DownloadJob.cpp" line="295" />
        <source>%1 has no safetensors weights. Tunebench never loads pickled .bin files; pick a repository that has model.safetensors, or convert it with transformers (save_pretrained(safe_serialization=True)).</source>
        <translation>%1 没有 safetensors 权重。Tunebench 从不加载 pickle 格式的 .bin 文件；请选择含有 model.safetensors 的仓库，或用 transformers 转换（save_pretrained(safe_serialization=True)）。</translation>
    </message>
    <message numerus="yes">
        <location filename="../core/jobs/DownloadJob.cpp" line="306" />
        <source>%n file(s) to fetch</source>
        <translation><numerusform>需获取 %n 个文件</numerusform></translation>
    </message>
    <message>
        <location filename="../core/jobs/DownloadJob.cpp" line="317" />
        <source>Download cancelled; start it again to resume.</source>
        <translation>下载已取消；再次开始即可续传。</translation>
    </message>
</context>
<context>
    <name>tb::ui::ComparePage</name>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="30" />
        <source>&lt;b&gt;Models to compare&lt;/b&gt; (two or more)</source>
        <translation>&lt;b&gt;要比较的模型&lt;/b&gt;（两个或更多）</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="39" />
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="40" />
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="41" />
        <source>CUDA</source>
        <translation>CUDA</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="42" />
        <source>Auto uses the GPU when this build has CUDA and one is present, else the CPU.</source>
        <translation>“自动”会在此构建支持 CUDA 且存在 GPU 时使用 GPU，否则使用 CPU。</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="43" />
        <source>Device:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="49" />
        <source>&lt;b&gt;Prompt&lt;/b&gt;</source>
        <translation>&lt;b&gt;提示&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="52" />
        <source>#Person1#: Have you finished the report?
#Person2#: Almost, I need one more hour.

Summarize the conversation above.</source>
        <translation>#Person1#：报告写完了吗？
#Person2#：快了，还需要一个小时。

请总结上面的对话。</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="57" />
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="59" />
        <source>Each checked model answers the prompt in turn, with the same settings</source>
        <translation>每个勾选的模型依次用相同的设置回答提示</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="60" />
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="62" />
        <source>Stops at the next token; models not started yet are skipped</source>
        <translation>在下一个词元处停止；尚未开始的模型将被跳过</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="78" />
        <source>Check two or more models, type a prompt and press Generate: each model&apos;s completion streams into its own column here, token by token.</source>
        <translation>勾选两个或更多模型，输入提示并点击“生成”：每个模型的补全会逐词元地流入它自己的列。</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="120" />
        <source>ended (end-of-sequence token)</source>
        <translation>已结束（序列结束词元）</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="121" />
        <source>reached max new tokens</source>
        <translation>已达到最大新词元数</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="122" />
        <source>the model&apos;s context is full</source>
        <translation>模型的上下文已满</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="123" />
        <source>stop string</source>
        <translation>停止字符串</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="124" />
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="132" />
        <source>Check at least two models or runs in the list to compare them.</source>
        <translation>请在列表中勾选至少两个模型或运行以进行比较。</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="133" />
        <source>Only one model is checked: check at least one more to compare.</source>
        <translation>只勾选了一个模型：请至少再勾选一个以进行比较。</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="138" />
        <source>Type a prompt first.</source>
        <translation>请先输入提示。</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="163" />
        <source>%1
adapter: %2</source>
        <translation>%1
适配器：%2</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="168" />
        <source>Waiting for the models before this one…</source>
        <translation>正在等待前面的模型…</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="183" />
        <location filename="../ui/compare/ComparePage.cpp" line="210" />
        <source>Loading the model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="183" />
        <location filename="../ui/compare/ComparePage.cpp" line="210" />
        <source>Generating…</source>
        <translation>正在生成…</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="194" />
        <source>Stopped before this model ran.</source>
        <translation>在此模型运行之前已停止。</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="195" />
        <source>(no text: the model ended at once)</source>
        <translation>（没有文本：模型立即结束了）</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="199" />
        <source>%1 tokens/s · %2</source>
        <translation>%1 词元/秒 · %2</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="204" />
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/compare/ComparePage.cpp" line="204" />
        <source>Done: %n model(s) answered.</source>
        <translation><numerusform>完成：%n 个模型已回答。</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="210" />
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="211" />
        <source>Generation failed: %1</source>
        <translation>生成失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="212" />
        <source>Compare: generation failed</source>
        <translation>比较：生成失败</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/compare/ComparePage.cpp" line="215" />
        <source>Generating with %n model(s)…</source>
        <translation><numerusform>正在用 %n 个模型生成…</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="224" />
        <source>Stopping at the next token…</source>
        <translation>将在下一个词元处停止…</translation>
    </message>
</context>
<context>
    <name>tb::ui::DatasetCommands</name>
    <message>
        <location filename="../ui/datasets/DatasetCommands.cpp" line="14" />
        <source>edit %1 in row %2</source>
        <translation>编辑第 %2 行的 %1</translation>
    </message>
    <message>
        <location filename="../ui/datasets/DatasetCommands.cpp" line="22" />
        <source>add row %1</source>
        <translation>添加第 %1 行</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/datasets/DatasetCommands.cpp" line="32" />
        <source>delete %n row(s)</source>
        <translation><numerusform>删除 %n 行</numerusform></translation>
    </message>
</context>
<context>
    <name>tb::ui::DatasetsPage</name>
    <message>
        <location filename="../ui/datasets/DatasetsPage.cpp" line="38" />
        <source>&lt;b&gt;Datasets&lt;/b&gt;</source>
        <translation>&lt;b&gt;数据集&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/datasets/DatasetsPage.cpp" line="42" />
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../ui/datasets/DatasetsPage.cpp" line="43" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../ui/datasets/DatasetsPage.cpp" line="44" />
        <location filename="../ui/datasets/DatasetsPage.cpp" line="241" />
        <location filename="../ui/datasets/DatasetsPage.cpp" line="248" />
        <source>Delete dataset</source>
        <translation>删除数据集</translation>
    </message>
    <message>
        <location filename="../ui/datasets/DatasetsPage.cpp" line="55" />
        <source>Search the rows (Ctrl+F)</source>
        <translation>搜索行（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../ui/datasets/DatasetsPage.cpp" line="57" />
        <source>Add row</source>
        <translation>添加行</translation>
    </message>
    <message>
        <location filename="../ui/datasets/DatasetsPage.cpp" line="58" />
        <source>Delete rows</source>
        <translation>删除行</translation>
    </message>
    <message>
        <location filename="../ui/datasets/DatasetsPage.cpp" line="59" />
        <source>Delete the selected rows (Del); Undo brings them back.</source>
        <translation>删除所选行（Del）；撤销可以恢复。</translation>
    </message>
    <message>
        <location filename="../ui/datasets/DatasetsPage.cpp" line="103" />
        <source>Edit not saved</source>
        <translation>编辑未保存</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/datasets/DatasetsPage.cpp" line="126" />
        <location filename="../ui/datasets/DatasetsPage.cpp" line="181" />
        <source>%1
%n row(s)</source>
        <translation><numerusform>%1
%n 行</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/datasets/DatasetsPage.cpp" line="128" />
        <source>%1 · %2 · fields: %3</source>
        <translation>%1 · %2 · 字段：%3</translation>
    </message>
    <message>
        <location filename="../ui/datasets/DatasetsPage.cpp" line="169" />
        <source>No datasets yet. Import a CSV, TSV, JSON or JSONL file to start.</source>
        <translation>还没有数据集。导入 CSV、TSV、JSON 或 JSONL 文件即可开始。</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/datasets/DatasetsPage.cpp" line="173" />
        <source>%n row(s)</source>
        <translation><numerusform>%n 行</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/datasets/DatasetsPage.cpp" line="174" />
        <source>%1 of %n row(s) match “%2”</source>
        <translation><numerusform>%n 行中有 %1 行匹配“%2”</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/datasets/DatasetsPage.cpp" line="177" />
        <source>%1 · fields: %2 · double-click a cell to edit</source>
        <translation>%1 · 字段：%2 · 双击单元格进行编辑</translation>
    </message>
    <message>
        <location filename="../ui/datasets/DatasetsPage.cpp" line="192" />
        <source>Imported dataset %1</source>
        <translation>已导入数据集 %1</translation>
    </message>
    <message>
        <location filename="../ui/datasets/DatasetsPage.cpp" line="200" />
        <source>Export dataset</source>
        <translation>导出数据集</translation>
    </message>
    <message>
        <location filename="../ui/datasets/DatasetsPage.cpp" line="201" />
        <source>JSON Lines (*.jsonl);;JSON (*.json);;CSV (*.csv)</source>
        <translation>JSON Lines (*.jsonl);;JSON (*.json);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/datasets/DatasetsPage.cpp" line="205" />
        <source>Exported %1 rows to %2</source>
        <translation>已将 %1 行导出到 %2</translation>
    </message>
    <message>
        <location filename="../ui/datasets/DatasetsPage.cpp" line="207" />
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/datasets/DatasetsPage.cpp" line="242" />
        <source>Delete the dataset “%1” and its %n row(s) from the workspace? This cannot be undone.</source>
        <translation><numerusform>要从工作区删除数据集“%1”及其 %n 行吗？此操作无法撤销。</numerusform></translation>
    </message>
</context>
<context>
    <name>tb::ui::EvalResultsView</name>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="70" />
        <source>metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="71" />
        <source>F1 (BLEU ÷ 100 to share the axis); whiskers: bootstrap 95% interval</source>
        <translation>F1（BLEU ÷ 100 以共用坐标轴）；误差线：自助法 95% 区间</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="98" />
        <source>Click a column header to sort. In the output columns, words added against the first model&apos;s output are green, removed words red and struck through.</source>
        <translation>点击列标题即可排序。在输出列中，相对第一个模型的输出新增的词显示为绿色，删除的词显示为红色并带删除线。</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="102" />
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="102" />
        <source>Export JSON…</source>
        <translation>导出 JSON…</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="102" />
        <source>Save chart as PNG…</source>
        <translation>将图表保存为 PNG…</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="102" />
        <source>Save chart as PDF…</source>
        <translation>将图表保存为 PDF…</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="117" />
        <source>No evaluation in this workspace yet</source>
        <translation>此工作区中还没有评估</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="130" />
        <source>This evaluation has no scores</source>
        <translation>此评估没有分数</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="145" />
        <source>ROUGE-1</source>
        <translation>ROUGE-1</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="145" />
        <source>ROUGE-2</source>
        <translation>ROUGE-2</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="145" />
        <source>ROUGE-L</source>
        <translation>ROUGE-L</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="145" />
        <source>ROUGE-Lsum</source>
        <translation>ROUGE-Lsum</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="145" />
        <source>BLEU ÷ 100</source>
        <translation>BLEU ÷ 100</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="210" />
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="210" />
        <source>Prompt</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="210" />
        <source>Reference</source>
        <translation>参考</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="211" />
        <source>Output: %1</source>
        <translation>输出：%1</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="212" />
        <source>ROUGE-L: %1</source>
        <translation>ROUGE-L：%1</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="213" />
        <source>Gain (%1 − %2)</source>
        <translation>提升（%1 − %2）</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="240" />
        <source>%1

(green: words not in %2&apos;s output; red, struck through: words only in it)</source>
        <translation>%1

（绿色：%2 的输出中没有的词；红色并带删除线：只在其输出中出现的词）</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="271" />
        <source>&lt;b&gt;Evaluation #%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;评估 #%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="271" />
        <source>&lt;b&gt;Evaluation&lt;/b&gt;</source>
        <translation>&lt;b&gt;评估&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="273" />
        <source>%n example(s)</source>
        <translation><numerusform>%n 个样本</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="274" />
        <source>cancelled (partial results)</source>
        <translation>已取消（部分结果）</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="281" />
        <source>ROUGE-L %1 [%2, %3]</source>
        <translation>ROUGE-L %1 [%2, %3]</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="283" />
        <source>no scores</source>
        <translation>没有分数</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="285" />
        <source>BLEU %1</source>
        <translation>BLEU %1</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="287" />
        <source>loss %1 (perplexity %2)</source>
        <translation>损失 %1（困惑度 %2）</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="289" />
        <source>%1 tokens/s</source>
        <translation>%1 词元/秒</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="293" />
        <source>vs %1: %2 better, %3 same, %4 worse; mean ROUGE-L gain %5 [%6, %7]</source>
        <translation>相对 %1：%2 个更好，%3 个相同，%4 个更差；ROUGE-L 平均提升 %5 [%6, %7]</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="315" />
        <source>Cannot write the chart to %1</source>
        <translation>无法将图表写入 %1</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="322" />
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="322" />
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="322" />
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="322" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="325" />
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="325" />
        <source>Export the per-example table</source>
        <translation>导出逐样本表格</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="331" />
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>tb::ui::EvaluatePage</name>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="46" />
        <source>&lt;b&gt;Models and adapters&lt;/b&gt; (one base model and runs on it)</source>
        <translation>&lt;b&gt;模型和适配器&lt;/b&gt;（一个基础模型及基于它的运行）</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="50" />
        <source>The first checked entry is the reference for the gain column, usually the base model.</source>
        <translation>第一个勾选的条目是“提升”列的参照，通常是基础模型。</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="57" />
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="58" />
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="63" />
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="64" />
        <source> examples</source>
        <translation> 个样本</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="65" />
        <source>Evaluate the first N examples of the split (0 = all of them).</source>
        <translation>评估该划分的前 N 个样本（0 = 全部）。</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="70" />
        <source>Prompts generated together; lower it when memory is short.</source>
        <translation>一起生成的提示数；内存不足时请调低。</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="73" />
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="74" />
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="75" />
        <source>CUDA</source>
        <translation>CUDA</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="76" />
        <source>Auto uses the GPU when this build has CUDA and one is present, else the CPU.</source>
        <translation>“自动”会在此构建支持 CUDA 且存在 GPU 时使用 GPU，否则使用 CPU。</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="77" />
        <source>Instruction set:</source>
        <translation>指令集：</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="78" />
        <source>Split:</source>
        <translation>划分：</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="79" />
        <source>Limit:</source>
        <translation>数量上限：</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="80" />
        <source>Batch size:</source>
        <translation>批次大小：</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="81" />
        <source>Device:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="84" />
        <source>The same settings for every model. The repetition penalty applies to Compare only.</source>
        <translation>所有模型使用相同的设置。重复惩罚仅用于“比较”。</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="87" />
        <source>&amp;Evaluate</source>
        <translation>评估(&amp;E)</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="89" />
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="91" />
        <source>Stops after the current batch; the models already finished are kept.</source>
        <translation>在当前批次结束后停止；已完成的模型结果会保留。</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="132" />
        <source>Cannot list the instruction sets: %1</source>
        <translation>无法列出指令集：%1</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="165" />
        <source>Cannot read the evaluations: %1</source>
        <translation>无法读取评估：%1</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="173" />
        <source>Evaluation #%1 has no results</source>
        <translation>评估 #%1 没有结果</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="177" />
        <source>Cannot read evaluation #%1: %2</source>
        <translation>无法读取评估 #%1：%2</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="184" />
        <source>Open a workspace first.</source>
        <translation>请先打开一个工作区。</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="189" />
        <source>Check the base model and the runs to evaluate in the list.</source>
        <translation>请在列表中勾选要评估的基础模型和运行。</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="198" />
        <source>The checked entries use different base models (%1). An evaluation compares one base model with adapters trained on it: check entries of one base model only.</source>
        <translation>勾选的条目使用了不同的基础模型（%1）。一次评估比较一个基础模型及在其上训练的适配器：请只勾选同一个基础模型的条目。</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="205" />
        <source>Build an instruction set first (Templates page), then choose it here.</source>
        <translation>请先（在模板页面）构建指令集，然后在此选择。</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="245" />
        <source>loading</source>
        <translation>正在加载</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="246" />
        <source>generating %1 of %2</source>
        <translation>正在生成 %1 / %2</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="247" />
        <source>scoring the references (loss) %1 of %2</source>
        <translation>正在计算参考答案的损失 %1 / %2</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="248" />
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="249" />
        <source>Model %1 of %2 (%3): %4</source>
        <translation>模型 %1 / %2（%3）：%4</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="255" />
        <source>Evaluation failed: %1</source>
        <translation>评估失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="257" />
        <source>Evaluation failed</source>
        <translation>评估失败</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="262" />
        <source>Starting the evaluation of %n model(s)…</source>
        <translation><numerusform>正在开始评估 %n 个模型…</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="277" />
        <source>Evaluation cancelled; the models that finished are kept.</source>
        <translation>评估已取消；已完成的模型结果会保留。</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="278" />
        <source>Evaluation #%1 finished: %2 model(s) on %3 example(s).</source>
        <translation>评估 #%1 已完成：%2 个模型，%3 个样本。</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="292" />
        <source>Cancelling after the current batch…</source>
        <translation>将在当前批次结束后取消…</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="162" />
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="164" />
        <source>No evaluation in this workspace yet</source>
        <translation>此工作区中还没有评估</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="130" />
        <source>%1 (%2 test)</source>
        <translation>%1（%2 条测试）</translation>
    </message>
</context>
<context>
    <name>tb::ui::GenerationSettings</name>
    <message>
        <location filename="../ui/widgets/GenerationSettings.cpp" line="10" />
        <source>Generation settings</source>
        <translation>生成设置</translation>
    </message>
    <message>
        <location filename="../ui/widgets/GenerationSettings.cpp" line="16" />
        <source>Stop after this many new tokens (or at the end-of-sequence token).</source>
        <translation>生成这么多新词元后停止（或遇到序列结束词元时停止）。</translation>
    </message>
    <message>
        <location filename="../ui/widgets/GenerationSettings.cpp" line="17" />
        <source>sample (otherwise greedy)</source>
        <translation>采样（否则为贪心解码）</translation>
    </message>
    <message>
        <location filename="../ui/widgets/GenerationSettings.cpp" line="23" />
        <source>Below 1 sharpens the distribution, above 1 flattens it.</source>
        <translation>小于 1 会使分布更尖锐，大于 1 会使其更平缓。</translation>
    </message>
    <message>
        <location filename="../ui/widgets/GenerationSettings.cpp" line="28" />
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../ui/widgets/GenerationSettings.cpp" line="29" />
        <source>Sample only among the k most likely tokens.</source>
        <translation>只在概率最高的 k 个词元中采样。</translation>
    </message>
    <message>
        <location filename="../ui/widgets/GenerationSettings.cpp" line="35" />
        <source>Sample from the smallest set of tokens whose probabilities add up to p.</source>
        <translation>从累计概率达到 p 的最小词元集合中采样。</translation>
    </message>
    <message>
        <location filename="../ui/widgets/GenerationSettings.cpp" line="41" />
        <source>Above 1 discourages tokens that already appeared (1 = off).</source>
        <translation>大于 1 会抑制已出现过的词元（1 = 关闭）。</translation>
    </message>
    <message>
        <location filename="../ui/widgets/GenerationSettings.cpp" line="46" />
        <source>Max new tokens:</source>
        <translation>最大新词元数：</translation>
    </message>
    <message>
        <location filename="../ui/widgets/GenerationSettings.cpp" line="48" />
        <source>Temperature:</source>
        <translation>温度：</translation>
    </message>
    <message>
        <location filename="../ui/widgets/GenerationSettings.cpp" line="49" />
        <source>Top-k:</source>
        <translation>Top-k：</translation>
    </message>
    <message>
        <location filename="../ui/widgets/GenerationSettings.cpp" line="50" />
        <source>Top-p:</source>
        <translation>Top-p：</translation>
    </message>
    <message>
        <location filename="../ui/widgets/GenerationSettings.cpp" line="51" />
        <source>Repetition penalty:</source>
        <translation>重复惩罚：</translation>
    </message>
    <message>
        <location filename="../ui/widgets/GenerationSettings.cpp" line="52" />
        <source>Seed:</source>
        <translation>随机种子：</translation>
    </message>
</context>
<context>
    <name>tb::ui::GuiMain</name>
    <message>
        <location filename="../ui/app/GuiMain.cpp" line="69" />
        <source>Cannot open workspace</source>
        <translation>无法打开工作区</translation>
    </message>
    <message>
        <location filename="../ui/app/GuiMain.cpp" line="70" />
        <source>%1 could not be opened as a workspace:

%2

The file was left untouched. Choose another workspace file?</source>
        <translation>无法将 %1 作为工作区打开：

%2

该文件未被改动。要选择另一个工作区文件吗？</translation>
    </message>
    <message>
        <location filename="../ui/app/GuiMain.cpp" line="76" />
        <source>Workspace file</source>
        <translation>工作区文件</translation>
    </message>
    <message>
        <location filename="../ui/app/GuiMain.cpp" line="78" />
        <source>Tunebench workspace (*.tunebench);;All files (*)</source>
        <translation>Tunebench 工作区 (*.tunebench);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>tb::ui::HistogramPlot</name>
    <message>
        <location filename="../ui/plots/HistogramPlot.cpp" line="20" />
        <source>examples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <location filename="../ui/plots/HistogramPlot.cpp" line="40" />
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location filename="../ui/plots/HistogramPlot.cpp" line="75" />
        <source>mean %1</source>
        <translation>均值 %1</translation>
    </message>
    <message>
        <location filename="../ui/plots/HistogramPlot.cpp" line="76" />
        <source>p95 %1</source>
        <translation>p95 %1</translation>
    </message>
    <message>
        <location filename="../ui/plots/HistogramPlot.cpp" line="77" />
        <source>limit %1</source>
        <translation>上限 %1</translation>
    </message>
</context>
<context>
    <name>tb::ui::HomePage</name>
    <message>
        <location filename="../ui/app/HomePage.cpp" line="32" />
        <source>&lt;h2&gt;Welcome to Tunebench&lt;/h2&gt;&lt;p&gt;A fresh workspace was created for you. Follow the steps below to fine-tune your first model.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;欢迎使用 Tunebench&lt;/h2&gt;&lt;p&gt;已为您创建了一个新的工作区。按照下面的步骤微调您的第一个模型。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/app/HomePage.cpp" line="34" />
        <source>&lt;h2&gt;Tunebench&lt;/h2&gt;&lt;p&gt;Your workspace at a glance, and what to do next.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Tunebench&lt;/h2&gt;&lt;p&gt;工作区概览，以及下一步要做什么。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/app/HomePage.cpp" line="50" />
        <source>1. Import a dataset</source>
        <translation>1. 导入数据集</translation>
    </message>
    <message>
        <location filename="../ui/app/HomePage.cpp" line="51" />
        <source>CSV, TSV, JSON or JSONL rows with named fields, e.g. dialogues and their summaries.</source>
        <translation>带有命名字段的 CSV、TSV、JSON 或 JSONL 行，例如对话及其摘要。</translation>
    </message>
    <message>
        <location filename="../ui/app/HomePage.cpp" line="52" />
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../ui/app/HomePage.cpp" line="53" />
        <source>2. Add a model</source>
        <translation>2. 添加模型</translation>
    </message>
    <message>
        <location filename="../ui/app/HomePage.cpp" line="54" />
        <source>A Hugging Face model folder (config.json, safetensors, tokenizer), or download one from the Hub.</source>
        <translation>Hugging Face 模型文件夹（config.json、safetensors、分词器），或从 Hub 下载。</translation>
    </message>
    <message>
        <location filename="../ui/app/HomePage.cpp" line="55" />
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <location filename="../ui/app/HomePage.cpp" line="56" />
        <source>Download…</source>
        <translation>下载…</translation>
    </message>
    <message>
        <location filename="../ui/app/HomePage.cpp" line="57" />
        <source>3. Build an instruction set</source>
        <translation>3. 构建指令集</translation>
    </message>
    <message>
        <location filename="../ui/app/HomePage.cpp" line="58" />
        <source>Turn dataset rows into prompt/completion pairs with templates, and split them.</source>
        <translation>用模板把数据集的行转换为提示/补全对，并进行划分。</translation>
    </message>
    <message>
        <location filename="../ui/app/HomePage.cpp" line="59" />
        <source>Open Templates</source>
        <translation>打开模板</translation>
    </message>
    <message>
        <location filename="../ui/app/HomePage.cpp" line="60" />
        <source>4. Fine-tune</source>
        <translation>4. 微调</translation>
    </message>
    <message>
        <location filename="../ui/app/HomePage.cpp" line="61" />
        <source>Full, selective, LoRA, prompt tuning or IA3, with live loss curves.</source>
        <translation>全量、选择性、LoRA、提示调优或 IA3，并实时显示损失曲线。</translation>
    </message>
    <message>
        <location filename="../ui/app/HomePage.cpp" line="62" />
        <source>Open Train</source>
        <translation>打开训练</translation>
    </message>
    <message>
        <location filename="../ui/app/HomePage.cpp" line="63" />
        <source>5. Evaluate and compare</source>
        <translation>5. 评估和比较</translation>
    </message>
    <message>
        <location filename="../ui/app/HomePage.cpp" line="64" />
        <source>ROUGE and BLEU of the base and tuned models, and their completions side by side.</source>
        <translation>基础模型与微调模型的 ROUGE 和 BLEU，以及它们的补全并排对照。</translation>
    </message>
    <message>
        <location filename="../ui/app/HomePage.cpp" line="65" />
        <source>Open Evaluate</source>
        <translation>打开评估</translation>
    </message>
    <message>
        <location filename="../ui/app/HomePage.cpp" line="105" />
        <source>Workspace: %1</source>
        <translation>工作区：%1</translation>
    </message>
    <message>
        <location filename="../ui/app/HomePage.cpp" line="105" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/app/HomePage.cpp" line="108" />
        <source>%n dataset(s)</source>
        <translation><numerusform>%n 个数据集</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/app/HomePage.cpp" line="108" />
        <source>%n model(s)</source>
        <translation><numerusform>%n 个模型</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/app/HomePage.cpp" line="109" />
        <source>%n instruction set(s)</source>
        <translation><numerusform>%n 个指令集</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/app/HomePage.cpp" line="109" />
        <source>%n run(s)</source>
        <translation><numerusform>%n 次运行</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/app/HomePage.cpp" line="110" />
        <source>%n evaluation(s)</source>
        <translation><numerusform>%n 次评估</numerusform></translation>
    </message>
</context>
<context>
    <name>tb::ui::ImportWizard</name>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="56" />
        <location filename="../ui/datasets/ImportWizard.cpp" line="103" />
        <source>Import a dataset</source>
        <translation>导入数据集</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="70" />
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="71" />
        <source>CSV or TSV with a header row, a JSON array of objects, or JSON Lines (one object per line).</source>
        <translation>带表头的 CSV 或 TSV、对象组成的 JSON 数组，或 JSON Lines（每行一个对象）。</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="76" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="79" />
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="81" />
        <location filename="../ui/datasets/ImportWizard.cpp" line="88" />
        <source>Detect</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="86" />
        <source>F&amp;ormat:</source>
        <translation>格式(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="89" />
        <source>Comma ( , )</source>
        <translation>逗号 ( , )</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="90" />
        <source>Semicolon ( ; )</source>
        <translation>分号 ( ; )</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="91" />
        <source>Tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="92" />
        <source>Pipe ( | )</source>
        <translation>竖线 ( | )</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="93" />
        <source>&amp;Delimiter (CSV):</source>
        <translation>分隔符（CSV）(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="94" />
        <source>The first row names the fields</source>
        <translation>第一行是字段名</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="99" />
        <source>The dataset's name in the workspace; it must be new.</source>
        <translation>数据集在工作区中的名称；必须是新名称。</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="100" />
        <source>Dataset &amp;name:</source>
        <translation>数据集名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="104" />
        <source>Data files (*.csv *.tsv *.tab *.json *.jsonl *.ndjson);;All files (*)</source>
        <translation>数据文件 (*.csv *.tsv *.tab *.json *.jsonl *.ndjson);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="121" />
        <source>Fields and preview</source>
        <translation>字段与预览</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="122" />
        <source>Untick the fields you do not need and rename the others; the preview shows the first rows as they will be stored.</source>
        <translation>取消勾选不需要的字段并重命名其余字段；预览显示前几行存储后的样子。</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="127" />
        <source>Source field</source>
        <translation>源字段</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="127" />
        <source>Stored as</source>
        <translation>存储为</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="142" />
        <source>Bad records in the previewed part:</source>
        <translation>预览部分中的错误记录：</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="165" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="166" />
        <source>The import runs in the background. It is all-or-nothing unless you choose to skip bad records.</source>
        <translation>导入在后台运行。除非选择跳过错误记录，否则要么全部导入，要么全不导入。</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="168" />
        <source>Skip bad records and list them (otherwise the first bad record stops the import and nothing is stored)</source>
        <translation>跳过错误记录并列出（否则第一条错误记录会终止导入，不会存储任何内容）</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="171" />
        <source>&amp;Start import</source>
        <translation>开始导入(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="173" />
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="184" />
        <source>Report:</source>
        <translation>报告：</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/datasets/ImportWizard.cpp" line="245" />
        <source>Format: %1%2 · %n field(s) · first %3 row(s) shown</source>
        <translation><numerusform>格式：%1%2 · %n 个字段 · 显示前 %3 行</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="247" />
        <source>, delimiter '%1'</source>
        <translation>，分隔符“%1”</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="269" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="281" />
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="285" />
        <source>%1 rows read, %2 skipped</source>
        <translation>已读取 %1 行，跳过 %2 行</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="291" />
        <source>Imported %1 rows into “%2” (%3, %4 s); %5 bad record(s) skipped.</source>
        <translation>已将 %1 行导入“%2”（%3，%4 秒）；跳过了 %5 条错误记录。</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="294" />
        <source>Fields: %1</source>
        <translation>字段：%1</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="296" />
        <source>Bad records:</source>
        <translation>错误记录：</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="307" />
        <source>Nothing was imported.</source>
        <translation>未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="309" />
        <source>Fix the file, or tick “Skip bad records” to import the good rows and get a list of the bad ones.</source>
        <translation>请修正文件，或勾选“跳过错误记录”以导入正确的行并获得错误记录列表。</translation>
    </message>
</context>
<context>
    <name>tb::ui::InstructionSetBuilder</name>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="46" />
        <source>Datasets and mixture weights</source>
        <translation>数据集与混合权重</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="50" />
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="50" />
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="50" />
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="50" />
        <source>Split</source>
        <translation>划分</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="53" />
        <source>Weight: about weight × rows training examples (below 1 keeps a subset, above 1 repeats rows with other templates). Split: a fixed split sends every row there (e.g. a test file).</source>
        <translation>权重：大约产生 权重 × 行数 个训练样本（小于 1 保留一个子集，大于 1 用其他模板重复行）。划分：固定划分会把每一行都放入该部分（例如测试文件）。</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="57" />
        <source>Templates (a task takes all of its paraphrases)</source>
        <translation>模板（选择任务即包含其全部改写版本）</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="82" />
        <source>Split train / validation / test:</source>
        <translation>训练 / 验证 / 测试 划分：</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="86" />
        <source>The same seed gives the same split and template choice for every row.</source>
        <translation>相同的种子会让每一行得到相同的划分和模板选择。</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="87" />
        <source>Seed:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="90" />
        <source>no cap</source>
        <translation>不设上限</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="91" />
        <source>Examples-proportional mixing: at most this many training rows per dataset.</source>
        <translation>按样本比例混合：每个数据集最多使用这么多训练行。</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="92" />
        <source>Rows per dataset (cap):</source>
        <translation>每个数据集的行数（上限）：</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="95" />
        <source>Counts tokens with this model's tokenizer (for the limit and the histogram).</source>
        <translation>用此模型的分词器统计词元数（用于长度上限和直方图）。</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="96" />
        <source>Tokenizer:</source>
        <translation>分词器：</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="99" />
        <source>no limit</source>
        <translation>无上限</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="100" />
        <source>Examples longer than this (prompt + completion tokens) are dropped.</source>
        <translation>超过此长度（提示 + 补全词元）的样本将被丢弃。</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="101" />
        <source>Max tokens:</source>
        <translation>最大词元数：</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="102" />
        <source>Remove exact duplicates</source>
        <translation>移除完全重复的样本</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="107" />
        <source>e.g. dialogsum-flan</source>
        <translation>例如 dialogsum-flan</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="108" />
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="109" />
        <source>Replace a set of the same name</source>
        <translation>替换同名的指令集</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="112" />
        <source>&amp;Build instruction set</source>
        <translation>构建指令集(&amp;B)</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="114" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="130" />
        <source>&lt;b&gt;Instruction sets in the workspace&lt;/b&gt;</source>
        <translation>&lt;b&gt;工作区中的指令集&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="206" />
        <source>by ratio</source>
        <translation>按比例</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="207" />
        <source>all train</source>
        <translation>全部训练</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="208" />
        <source>all validation</source>
        <translation>全部验证</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="209" />
        <source>all test</source>
        <translation>全部测试</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="217" />
        <source>(none: no token counts)</source>
        <translation>（无：不统计词元）</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="227" />
        <source>%1 — train %2 · validation %3 · test %4</source>
        <translation>%1 — 训练 %2 · 验证 %3 · 测试 %4</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="233" />
        <source>Build an instruction set to see its token lengths</source>
        <translation>构建指令集后即可查看其词元长度</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="276" />
        <source>Give the instruction set a name.</source>
        <translation>请为指令集命名。</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="277" />
        <source>Tick at least one dataset.</source>
        <translation>请至少勾选一个数据集。</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="278" />
        <source>Tick at least one template or task.</source>
        <translation>请至少勾选一个模板或任务。</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="294" />
        <source>Building…</source>
        <translation>正在构建…</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="296" />
        <source>Rendering %1: %2 rows</source>
        <translation>正在渲染 %1：%2 行</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="302" />
        <source>Built “%1”: %2 train, %3 validation, %4 test examples in %5 s.</source>
        <translation>已构建“%1”：训练 %2、验证 %3、测试 %4 个样本，用时 %5 秒。</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="325" />
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 train · %3 validation · %4 test</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;：训练 %2 · 验证 %3 · 测试 %4</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="326" />
        <source>duplicates removed: %1</source>
        <translation>已移除重复：%1</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="327" />
        <source>seed %1</source>
        <translation>种子 %1</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="333" />
        <source>Choose a tokenizer to see the token lengths</source>
        <translation>选择分词器以查看词元长度</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="347" />
        <source>Counting tokens…</source>
        <translation>正在统计词元…</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="369" />
        <source>tokens per example (prompt + completion)</source>
        <translation>每个样本的词元数（提示 + 补全）</translation>
    </message>
</context>
<context>
    <name>tb::ui::LossPlot</name>
    <message>
        <location filename="../ui/plots/LossPlot.cpp" line="16" />
        <source>training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location filename="../ui/plots/LossPlot.cpp" line="19" />
        <source>training loss (smoothed)</source>
        <translation>训练损失（平滑）</translation>
    </message>
    <message>
        <location filename="../ui/plots/LossPlot.cpp" line="22" />
        <source>validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <location filename="../ui/plots/LossPlot.cpp" line="26" />
        <location filename="../ui/plots/LossPlot.cpp" line="31" />
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../ui/plots/LossPlot.cpp" line="28" />
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../ui/plots/LossPlot.cpp" line="29" />
        <source>loss</source>
        <translation>损失</translation>
    </message>
</context>
<context>
    <name>tb::ui::MainWindow</name>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="70" />
        <source>Home</source>
        <translation>主页</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="71" />
        <source>Datasets</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="72" />
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="73" />
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="74" />
        <location filename="../ui/app/MainWindow.cpp" line="193" />
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="75" />
        <location filename="../ui/app/MainWindow.cpp" line="194" />
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="76" />
        <location filename="../ui/app/MainWindow.cpp" line="195" />
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="77" />
        <source>Runs</source>
        <translation>运行记录</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="102" />
        <source>A new workspace was created. Start by importing a dataset.</source>
        <translation>已创建新的工作区。请先导入一个数据集。</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="102" />
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="126" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="127" />
        <source>&amp;New Workspace…</source>
        <translation>新建工作区(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="129" />
        <source>&amp;Open Workspace…</source>
        <translation>打开工作区(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="132" />
        <source>&amp;Import Dataset…</source>
        <translation>导入数据集(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="136" />
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="137" />
        <source>&amp;Export Dataset…</source>
        <translation>导出数据集(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="141" />
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="142" />
        <source>Add &amp;Model Folder…</source>
        <translation>添加模型文件夹(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="146" />
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="147" />
        <source>&amp;Download Model…</source>
        <translation>下载模型(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="152" />
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="155" />
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="157" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="161" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="162" />
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="164" />
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="169" />
        <source>&amp;Find in Dataset</source>
        <translation>在数据集中查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="175" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="181" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="182" />
        <source>&amp;About Tunebench</source>
        <translation>关于 Tunebench(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="183" />
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="185" />
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="203" />
        <source>Tunebench — %1</source>
        <translation>Tunebench — %1</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="213" />
        <source>Opened workspace %1</source>
        <translation>已打开工作区 %1</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="216" />
        <source>Cannot open workspace</source>
        <translation>无法打开工作区</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="217" />
        <source>%1 could not be opened as a workspace:

%2

The file was left untouched; choose another file.</source>
        <translation>无法将 %1 作为工作区打开：

%2

该文件未被改动；请选择另一个文件。</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="224" />
        <source>Open workspace</source>
        <translation>打开工作区</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="225" />
        <source>Tunebench workspace (*.tunebench);;All files (*)</source>
        <translation>Tunebench 工作区 (*.tunebench);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="230" />
        <location filename="../ui/app/MainWindow.cpp" line="235" />
        <source>New workspace</source>
        <translation>新建工作区</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="231" />
        <source>Tunebench workspace (*.tunebench)</source>
        <translation>Tunebench 工作区 (*.tunebench)</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="235" />
        <source>%1 already exists; use Open Workspace to open it.</source>
        <translation>%1 已存在；请使用“打开工作区”打开它。</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="246" />
        <source>The new language takes effect when Tunebench starts again.</source>
        <translation>新的语言将在 Tunebench 下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="263" />
        <source>About Tunebench</source>
        <translation>关于 Tunebench</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="264" />
        <source>&lt;h3&gt;Tunebench %1&lt;/h3&gt;&lt;p&gt;A native workbench for fine-tuning language models.&lt;/p&gt;&lt;pre&gt;%2&lt;/pre&gt;</source>
        <translation>&lt;h3&gt;Tunebench %1&lt;/h3&gt;&lt;p&gt;用于微调语言模型的原生工作台。&lt;/p&gt;&lt;pre&gt;%2&lt;/pre&gt;</translation>
    </message>
</context>
<context>
    <name>tb::ui::ModelPicker</name>
    <message>
        <location filename="../ui/widgets/ModelPicker.cpp" line="24" />
        <source>%1 (base)</source>
        <translation>%1（基础）</translation>
    </message>
    <message>
        <location filename="../ui/widgets/ModelPicker.cpp" line="31" />
        <source>%1 + run #%2 (%3)</source>
        <translation>%1 + 运行 #%2（%3）</translation>
    </message>
</context>
<context>
    <name>tb::ui::ModelsPage</name>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="55" />
        <source>&lt;b&gt;Models in this workspace&lt;/b&gt;</source>
        <translation>&lt;b&gt;此工作区中的模型&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="59" />
        <source>Add model folder…</source>
        <translation>添加模型文件夹…</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="60" />
        <source>Remove from workspace</source>
        <translation>从工作区移除</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="61" />
        <source>Forgets the model; its folder on disk is left alone.</source>
        <translation>只移除记录；磁盘上的文件夹保持不变。</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="78" />
        <source>Download from the Hugging Face Hub</source>
        <translation>从 Hugging Face Hub 下载</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="83" />
        <source>Model id:</source>
        <translation>模型 ID：</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="85" />
        <source>Revision:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="88" />
        <source>(a folder beside the workspace, named after the model)</source>
        <translation>（工作区旁的文件夹，以模型命名）</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="89" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="92" />
        <source>Save to:</source>
        <translation>保存到：</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="95" />
        <source>only for gated or private models</source>
        <translation>仅用于受限或私有模型</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="96" />
        <source>Access token:</source>
        <translation>访问令牌：</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="98" />
        <source>The Hub or a mirror that serves the same endpoints.</source>
        <translation>Hub 或提供相同接口的镜像。</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="99" />
        <source>Hub address:</source>
        <translation>Hub 地址：</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="101" />
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="103" />
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="105" />
        <source>Stops the download; what arrived is kept and the next Download resumes it.</source>
        <translation>停止下载；已接收的部分会保留，下次下载会继续。</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="130" />
        <source>Download into</source>
        <translation>下载到</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="150" />
        <source>%1
%2 · %3 parameters</source>
        <translation>%1
%2 · %3 个参数</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="165" />
        <source>&lt;p&gt;No model yet.&lt;/p&gt;&lt;p&gt;Add a Hugging Face model folder (config.json, model.safetensors and tokenizer files), or download one from the Hub below.&lt;/p&gt;</source>
        <translation>&lt;p&gt;还没有模型。&lt;/p&gt;&lt;p&gt;添加一个 Hugging Face 模型文件夹（config.json、model.safetensors 和分词器文件），或在下方从 Hub 下载。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="176" />
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="177" />
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="178" />
        <source>Model type</source>
        <translation>模型类型</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="179" />
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="179" />
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="180" />
        <source>Weights dtype</source>
        <translation>权重数据类型</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="181" />
        <source>Size on disk</source>
        <translation>磁盘占用</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="182" />
        <source>Tokenizer</source>
        <translation>分词器</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="182" />
        <source>none found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="183" />
        <source>Vocabulary</source>
        <translation>词表大小</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="184" />
        <source>Layers</source>
        <translation>层数</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="185" />
        <source>Hidden size</source>
        <translation>隐藏层大小</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="186" />
        <source>Context length</source>
        <translation>上下文长度</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="187" />
        <source>Supported</source>
        <translation>是否支持</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="187" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="187" />
        <source>no — Tunebench cannot run this architecture yet</source>
        <translation>否 — Tunebench 暂不能运行此架构</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="190" />
        <source>Weight files</source>
        <translation>权重文件</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="217" />
        <source>Added model %1</source>
        <translation>已添加模型 %1</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="222" />
        <source>Add a Hugging Face model folder</source>
        <translation>添加 Hugging Face 模型文件夹</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="226" />
        <source>Not a model folder</source>
        <translation>不是模型文件夹</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="227" />
        <source>%1 cannot be used as a model:

%2

Pick the folder that holds config.json and model.safetensors.</source>
        <translation>%1 不能用作模型：

%2

请选择包含 config.json 和 model.safetensors 的文件夹。</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="261" />
        <source>Downloading %1 into %2</source>
        <translation>正在将 %1 下载到 %2</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="266" />
        <source>%1: %2 of %3 — all files: %4 of %5</source>
        <translation>%1：%2 / %3 — 全部文件：%4 / %5</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="267" />
        <source>?</source>
        <translation>？</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/models/ModelsPage.cpp" line="275" />
        <source>Done: %n file(s), %1 checked against the Hub's checksums.</source>
        <translation><numerusform>完成：%n 个文件，其中 %1 个已与 Hub 的校验和核对。</numerusform></translation>
    </message>
</context>
<context>
    <name>tb::ui::RunsPage</name>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="50" />
        <location filename="../ui/runs/RunsPage.cpp" line="79" />
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="50" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="50" />
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="50" />
        <location filename="../ui/runs/RunsPage.cpp" line="79" />
        <source>Rank</source>
        <translation>秩</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="50" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="50" />
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="50" />
        <source>Final loss</source>
        <translation>最终损失</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="51" />
        <location filename="../ui/runs/RunsPage.cpp" line="79" />
        <source>Best validation loss</source>
        <translation>最佳验证损失</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="51" />
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="57" />
        <source>Select several runs (Ctrl+click) to overlay their curves and compare their configs.</source>
        <translation>选择多个运行（Ctrl+单击）以叠加它们的曲线并比较配置。</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="61" />
        <source>Loss curves</source>
        <translation>损失曲线</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="64" />
        <source>Only the settings that differ</source>
        <translation>仅显示不同的设置</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="72" />
        <source>Config diff</source>
        <translation>配置对比</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="79" />
        <location filename="../ui/runs/RunsPage.cpp" line="262" />
        <source>ROUGE-L</source>
        <translation>ROUGE-L</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="79" />
        <source>Trainable parameters</source>
        <translation>可训练参数</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="85" />
        <source>LoRA rank sweep</source>
        <translation>LoRA 秩扫描</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="90" />
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="168" />
        <source>#%1 %2 train (smoothed)</source>
        <translation>#%1 %2 训练（平滑）</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="169" />
        <source>#%1 validation</source>
        <translation>#%1 验证</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="176" />
        <location filename="../ui/runs/RunsPage.cpp" line="188" />
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="176" />
        <source>Run #%1</source>
        <translation>运行 #%1</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="188" />
        <source>Run A</source>
        <translation>运行 A</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="188" />
        <source>Run B</source>
        <translation>运行 B</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="192" />
        <source>&lt;h3&gt;Run #%1 %2&lt;/h3&gt;&lt;p&gt;Status: %3 · created %4 · started %5 · finished %6&lt;/p&gt;&lt;p&gt;Output: %7&lt;br&gt;Adapter: %8&lt;/p&gt;&lt;p&gt;Final metrics: &lt;code&gt;%9&lt;/code&gt;&lt;/p&gt;&lt;pre&gt;%10&lt;/pre&gt;</source>
        <translation>&lt;h3&gt;运行 #%1 %2&lt;/h3&gt;&lt;p&gt;状态：%3 · 创建于 %4 · 开始于 %5 · 结束于 %6&lt;/p&gt;&lt;p&gt;输出：%7&lt;br&gt;适配器：%8&lt;/p&gt;&lt;p&gt;最终指标：&lt;code&gt;%9&lt;/code&gt;&lt;/p&gt;&lt;pre&gt;%10&lt;/pre&gt;</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="200" />
        <source>No run selected. Runs appear here when you train on the Train page or with `tunebench train`.</source>
        <translation>未选择运行。在训练页面或使用 `tunebench train` 训练后，运行会显示在这里。</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="240" />
        <location filename="../ui/runs/RunsPage.cpp" line="242" />
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="241" />
        <source>not evaluated</source>
        <translation>未评估</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="251" />
        <source>Train LoRA runs with different ranks on the same data to see the sweep here.</source>
        <translation>在相同数据上用不同的秩训练 LoRA，即可在此查看扫描结果。</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="257" />
        <source>best validation loss</source>
        <translation>最佳验证损失</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="267" />
        <location filename="../ui/runs/RunsPage.cpp" line="276" />
        <source>trainable parameters</source>
        <translation>可训练参数</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="273" />
        <source>LoRA rank</source>
        <translation>LoRA 秩</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="274" />
        <source>validation loss / ROUGE-L</source>
        <translation>验证损失 / ROUGE-L</translation>
    </message>
</context>
<context>
    <name>tb::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/app/SettingsDialog.cpp" line="17" />
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <location filename="../ui/app/SettingsDialog.cpp" line="24" />
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location filename="../ui/app/SettingsDialog.cpp" line="29" />
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../ui/app/SettingsDialog.cpp" line="30" />
        <source>A new language takes effect the next time Tunebench starts.</source>
        <translation>新的语言将在 Tunebench 下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../ui/app/SettingsDialog.cpp" line="36" />
        <source>The SQLite file that holds your datasets, models, runs and evaluations.</source>
        <translation>保存数据集、模型、运行和评估的 SQLite 文件。</translation>
    </message>
    <message>
        <location filename="../ui/app/SettingsDialog.cpp" line="37" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../ui/app/SettingsDialog.cpp" line="39" />
        <source>Workspace file</source>
        <translation>工作区文件</translation>
    </message>
    <message>
        <location filename="../ui/app/SettingsDialog.cpp" line="40" />
        <source>Tunebench workspace (*.tunebench);;All files (*)</source>
        <translation>Tunebench 工作区 (*.tunebench);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/app/SettingsDialog.cpp" line="46" />
        <source>&amp;Workspace:</source>
        <translation>工作区(&amp;W)：</translation>
    </message>
</context>
<context>
    <name>tb::ui::TemplateEditor</name>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="57" />
        <source>&lt;b&gt;Template library&lt;/b&gt;</source>
        <translation>&lt;b&gt;模板库&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="62" />
        <source>New template</source>
        <translation>新建模板</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="63" />
        <source>Open file…</source>
        <translation>打开文件…</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="75" />
        <source>Prompt + completion with {field} placeholders (FLAN)</source>
        <translation>带 {字段} 占位符的提示 + 补全（FLAN）</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="76" />
        <source>One Jinja text, prompt ||| completion (promptsource)</source>
        <translation>单个 Jinja 文本，提示 ||| 补全（promptsource）</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="77" />
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="78" />
        <source>Task:</source>
        <translation>任务：</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="79" />
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="88" />
        <source>Prompt:</source>
        <translation>提示：</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="90" />
        <source>Completion:</source>
        <translation>补全：</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="93" />
        <source>{{ dialogue }}
Summarise the dialogue above.
|||
{{ summary }}</source>
        <translation>{{ dialogue }}
请总结上面的对话。
|||
{{ summary }}</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="105" />
        <source>Save as file…</source>
        <translation>另存为文件…</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="106" />
        <source>Writes the template as JSON; the instruction-set builder and `tunebench build --templates FILE` read it.</source>
        <translation>将模板写为 JSON；指令集构建器和 `tunebench build --templates FILE` 可以读取它。</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="117" />
        <source>row </source>
        <translation>第 </translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="119" />
        <source>Preview on</source>
        <translation>预览数据</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="123" />
        <source>Fields (double-click to insert)</source>
        <translation>字段（双击插入）</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="137" />
        <source>&lt;b&gt;Rendered prompt&lt;/b&gt;</source>
        <translation>&lt;b&gt;渲染后的提示&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="139" />
        <source>&lt;b&gt;Rendered completion&lt;/b&gt;</source>
        <translation>&lt;b&gt;渲染后的补全&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="209" />
        <source>The built-in library could not be read: %1</source>
        <translation>无法读取内置模板库：%1</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="211" />
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="234" />
        <source>(import a dataset to preview)</source>
        <translation>（导入数据集后可预览）</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="308" />
        <source>Reads: %1</source>
        <translation>读取字段：%1</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="308" />
        <source>(no fields)</source>
        <translation>（无字段）</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="316" />
        <source>Import a dataset to see the template rendered on a row.</source>
        <translation>导入数据集后即可看到模板在某一行上的渲染结果。</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="325" />
        <source>Renders without errors.</source>
        <translation>渲染无错误。</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="338" />
        <location filename="../ui/templates/TemplateEditor.cpp" line="344" />
        <source>Save template</source>
        <translation>保存模板</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="339" />
        <location filename="../ui/templates/TemplateEditor.cpp" line="350" />
        <source>Template (*.json)</source>
        <translation>模板 (*.json)</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="344" />
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="346" />
        <source>Saved template to %1</source>
        <translation>模板已保存到 %1</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="350" />
        <location filename="../ui/templates/TemplateEditor.cpp" line="355" />
        <source>Open template</source>
        <translation>打开模板</translation>
    </message>
</context>
<context>
    <name>tb::ui::TemplatesPage</name>
    <message>
        <location filename="../ui/templates/TemplatesPage.cpp" line="16" />
        <source>Library and editor</source>
        <translation>模板库与编辑器</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplatesPage.cpp" line="17" />
        <source>Instruction-set builder</source>
        <translation>指令集构建器</translation>
    </message>
</context>
<context>
    <name>tb::ui::TrainConfigForm</name>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="44" />
        <source>Model and data</source>
        <translation>模型与数据</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="46" />
        <source>The base model (add folders on the Models page).</source>
        <translation>基础模型（在模型页面添加文件夹）。</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="48" />
        <source>The instruction set to train on: its train split for training, validation for the validation loss.</source>
        <translation>用于训练的指令集：训练部分用于训练，验证部分用于计算验证损失。</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="50" />
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="51" />
        <source>Instruction set:</source>
        <translation>指令集：</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="54" />
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="56" />
        <source>Full: every weight. Selective: chosen layers. LoRA: low-rank adapters on chosen projections. Prompt tuning: learned virtual tokens. IA3: learned rescaling vectors.</source>
        <translation>全量：所有权重。选择性：所选层。LoRA：在所选投影上添加低秩适配器。提示调优：学习的虚拟词元。IA3：学习的缩放向量。</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="59" />
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="60" />
        <source>Full fine-tuning</source>
        <translation>全量微调</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="61" />
        <source>Selective (layer range)</source>
        <translation>选择性（层范围）</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="62" />
        <source>Prompt tuning</source>
        <translation>提示调优</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="63" />
        <source>IA3</source>
        <translation>IA3</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="70" />
        <source>r: the rank of the update B·A. Higher ranks can fit more but train more parameters; 4–32 is typical. Type any value.</source>
        <translation>r：更新矩阵 B·A 的秩。秩越高拟合能力越强，但可训练参数越多；常用 4–32。可输入任意值。</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="76" />
        <source>lora_alpha: the update is scaled by alpha / r (alpha / √r with rsLoRA). Often 2 × r.</source>
        <translation>lora_alpha：更新按 alpha / r 缩放（rsLoRA 时为 alpha / √r）。通常取 2 × r。</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="79" />
        <source>lora_dropout: dropout on the adapter's input during training.</source>
        <translation>lora_dropout：训练时作用于适配器输入的 dropout。</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="83" />
        <source>rank-stabilised scaling (rsLoRA)</source>
        <translation>秩稳定缩放（rsLoRA）</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="83" />
        <source>Scale by alpha / √r instead of alpha / r.</source>
        <translation>按 alpha / √r 而不是 alpha / r 缩放。</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="84" />
        <source>target_modules: the projections that get an adapter, by the model's own module names.</source>
        <translation>target_modules：获得适配器的投影层，使用模型自身的模块名称。</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="87" />
        <source>Rank:</source>
        <translation>秩：</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="88" />
        <source>Alpha:</source>
        <translation>Alpha：</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="89" />
        <source>Dropout:</source>
        <translation>Dropout：</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="91" />
        <location filename="../ui/training/TrainConfigForm.cpp" line="138" />
        <source>Target modules:</source>
        <translation>目标模块：</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="95" />
        <source>Every parameter is trained; the output is a full model folder.</source>
        <translation>训练全部参数；输出为完整的模型文件夹。</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="103" />
        <source>The first transformer layer to train (0-based).</source>
        <translation>要训练的第一个 Transformer 层（从 0 开始）。</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="104" />
        <source>The last transformer layer to train (inclusive).</source>
        <translation>要训练的最后一个 Transformer 层（包含）。</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="105" />
        <source>also train the normalisation layers</source>
        <translation>同时训练归一化层</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="105" />
        <source>Adds every norm weight to the trained set.</source>
        <translation>将所有归一化权重加入训练集合。</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="106" />
        <source>biases only (BitFit)</source>
        <translation>仅偏置（BitFit）</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="106" />
        <source>Train only the bias terms in the chosen layers.</source>
        <translation>只训练所选层中的偏置项。</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="111" />
        <source>Layers:</source>
        <translation>层：</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="120" />
        <source>num_virtual_tokens: how many learned embeddings are prepended to every input.</source>
        <translation>num_virtual_tokens：在每个输入前添加的可学习嵌入数量。</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="123" />
        <source>Random: small random embeddings. Text: start from the embeddings of a text's tokens.</source>
        <translation>随机：较小的随机嵌入。文本：从一段文本的词元嵌入开始。</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="124" />
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="125" />
        <source>From text</source>
        <translation>来自文本</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="126" />
        <source>Summarize the following conversation.</source>
        <translation>请总结以下对话。</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="126" />
        <source>prompt_tuning_init_text: the text whose token embeddings start the soft prompt.</source>
        <translation>prompt_tuning_init_text：用其词元嵌入初始化软提示的文本。</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="127" />
        <source>Virtual tokens:</source>
        <translation>虚拟词元数：</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="128" />
        <source>Initialise:</source>
        <translation>初始化：</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="129" />
        <source>Init text:</source>
        <translation>初始文本：</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="136" />
        <source>The projections whose outputs (or, for feed-forward ones, inputs) get a learned scale.</source>
        <translation>其输出（前馈层则为输入）获得可学习缩放的投影层。</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="144" />
        <source>Hyperparameters</source>
        <translation>超参数</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="146" />
        <source>Passes over the training split (ignored when max steps is set).</source>
        <translation>遍历训练集的轮数（设置最大步数时忽略）。</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="148" />
        <source>Stop after this many optimiser steps; 0 = train for the epochs.</source>
        <translation>在这么多优化步后停止；0 = 按轮数训练。</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="151" />
        <source>by epochs</source>
        <translation>按轮数</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="152" />
        <source>Peak learning rate of AdamW. LoRA: 1e-4 to 1e-3; full fine-tuning: 1e-5 to 5e-5.</source>
        <translation>AdamW 的峰值学习率。LoRA：1e-4 到 1e-3；全量微调：1e-5 到 5e-5。</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="157" />
        <source>How the learning rate changes after warm-up: constant, linear decay to 0, or cosine decay.</source>
        <translation>预热后学习率的变化方式：常数、线性衰减到 0，或余弦衰减。</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="158" />
        <source>linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="159" />
        <source>cosine</source>
        <translation>余弦</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="160" />
        <source>constant</source>
        <translation>常数</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="161" />
        <source>Fraction of the steps over which the learning rate rises from 0.</source>
        <translation>学习率从 0 开始上升所占的步数比例。</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="165" />
        <source>Examples per micro-batch. Memory grows with batch × sequence length.</source>
        <translation>每个微批次的样本数。内存随 批次 × 序列长度 增长。</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="169" />
        <source>Micro-batches per optimiser step: the effective batch is batch × accumulation.</source>
        <translation>每个优化步包含的微批次数：有效批次为 批次 × 累积数。</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="171" />
        <source>Longer examples are cut to this many tokens.</source>
        <translation>更长的样本会被截断到这么多词元。</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="174" />
        <source>AdamW weight decay (never applied to biases and norms).</source>
        <translation>AdamW 权重衰减（从不作用于偏置和归一化层）。</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="177" />
        <source>Clip the global gradient norm to this value; 0 = no clipping.</source>
        <translation>将全局梯度范数裁剪到此值；0 = 不裁剪。</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="180" />
        <source>Compute the validation loss every N optimiser steps; 0 = only at the end.</source>
        <translation>每 N 个优化步计算一次验证损失；0 = 仅在结束时。</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="183" />
        <source>Save a checkpoint every N steps (resume continues from it); 0 = at the end and on stop.</source>
        <translation>每 N 步保存一个检查点（恢复时从这里继续）；0 = 仅在结束和停止时。</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="185" />
        <source>Early stopping: stop after this many evaluations without improvement; 0 = off.</source>
        <translation>早停：连续这么多次评估没有改进时停止；0 = 关闭。</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="187" />
        <source>Seeds initialisation, dropout and data order; the same seed on the CPU repeats a run step for step.</source>
        <translation>决定初始化、dropout 和数据顺序；在 CPU 上使用相同种子可以逐步重现一次运行。</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="190" />
        <source>also learn the prompt tokens</source>
        <translation>同时学习提示词元</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="190" />
        <source>By default only the completion tokens count in the loss.</source>
        <translation>默认只有补全词元计入损失。</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="191" />
        <source>Epochs:</source>
        <translation>轮数：</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="192" />
        <source>Max steps:</source>
        <translation>最大步数：</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="193" />
        <source>Learning rate:</source>
        <translation>学习率：</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="194" />
        <source>Schedule:</source>
        <translation>调度：</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="195" />
        <source>Warm-up ratio:</source>
        <translation>预热比例：</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="196" />
        <source>Batch size:</source>
        <translation>批次大小：</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="197" />
        <source>Gradient accumulation:</source>
        <translation>梯度累积：</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="198" />
        <source>Max sequence length:</source>
        <translation>最大序列长度：</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="199" />
        <source>Weight decay:</source>
        <translation>权重衰减：</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="200" />
        <source>Clip gradient norm:</source>
        <translation>梯度范数裁剪：</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="201" />
        <source>Evaluate every:</source>
        <translation>评估间隔：</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="202" />
        <source>Checkpoint every:</source>
        <translation>检查点间隔：</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="203" />
        <source>Early-stopping patience:</source>
        <translation>早停耐心值：</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="204" />
        <source>Seed:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="208" />
        <source>Device and precision</source>
        <translation>设备与精度</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="210" />
        <source>Auto uses the GPU when this build has CUDA and one is present, else the CPU.</source>
        <translation>自动：若此版本支持 CUDA 且有 GPU 则使用 GPU，否则使用 CPU。</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="211" />
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="212" />
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="213" />
        <source>CUDA</source>
        <translation>CUDA</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="214" />
        <source>fp32 everywhere; bf16 autocast on CUDA or on CPUs with AVX512-BF16 or AMX (there about 1.6x faster); fp16 with loss scaling needs CUDA.</source>
        <translation>全程 fp32；bf16 自动混合精度可用于 CUDA 或支持 AVX512-BF16 或 AMX 的 CPU（在这类 CPU 上约快 1.6 倍）；带损失缩放的 fp16 需要 CUDA。</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="218" />
        <source>gradient checkpointing</source>
        <translation>梯度检查点</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="218" />
        <source>Recompute each layer&apos;s activations in the backward pass: far less memory, about a third slower.</source>
        <translation>在反向传播时重新计算每一层的激活：内存大幅减少，速度约慢三分之一。</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="219" />
        <source>Device:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="220" />
        <source>Precision:</source>
        <translation>精度：</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="229" />
        <source>Point at a field to see what it does.</source>
        <translation>将鼠标指向某个字段即可查看其作用。</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="264" />
        <source>(add a model on the Models page)</source>
        <translation>（请在模型页面添加模型）</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="271" />
        <source>%1 (%2 train)</source>
        <translation>%1（训练 %2 条）</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="272" />
        <source>(build one on the Templates page)</source>
        <translation>（请在模板页面构建）</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="377" />
        <source>Add a model on the Models page first.</source>
        <translation>请先在模型页面添加模型。</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="378" />
        <source>Build an instruction set on the Templates page first.</source>
        <translation>请先在模板页面构建指令集。</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="380" />
        <source>Tick at least one target module.</source>
        <translation>请至少勾选一个目标模块。</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="387" />
        <source>Choose a model to see how many parameters this method trains.</source>
        <translation>选择模型以查看此方法训练多少参数。</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="393" />
        <source>&lt;b&gt;Trainable parameters: %1 of %2 (%3%)&lt;/b&gt;&lt;br&gt;Estimated memory: about %4. The time estimate is measured when the run starts.</source>
        <translation>&lt;b&gt;可训练参数：%2 中的 %1（%3%）&lt;/b&gt;&lt;br&gt;估计内存：约 %4。时间估计将在运行开始时测得。</translation>
    </message>
</context>
<context>
    <name>tb::ui::TrainPage</name>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="49" />
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="51" />
        <location filename="../ui/training/TrainPage.cpp" line="109" />
        <location filename="../ui/training/TrainPage.cpp" line="206" />
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="53" />
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="55" />
        <source>Stops after the current step and keeps a checkpoint; the run can be resumed.</source>
        <translation>在当前步结束后停止并保留检查点；之后可以恢复运行。</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="68" />
        <source>step %v of %m</source>
        <translation>第 %v / %m 步</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="91" />
        <location filename="../ui/training/TrainPage.cpp" line="105" />
        <source>Start training with these settings</source>
        <translation>使用这些设置开始训练</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="121" />
        <source>Cannot start</source>
        <translation>无法开始</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="133" />
        <location filename="../ui/training/TrainPage.cpp" line="150" />
        <location filename="../ui/training/TrainPage.cpp" line="163" />
        <location filename="../ui/training/TrainPage.cpp" line="169" />
        <location filename="../ui/training/TrainPage.cpp" line="208" />
        <location filename="../ui/training/TrainPage.cpp" line="217" />
        <source>info</source>
        <translation>信息</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="133" />
        <source>Starting: %1</source>
        <translation>开始：%1</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="137" />
        <source>run #%1</source>
        <translation>运行 #%1</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="139" />
        <source>Run #%1 prepared: %2 of %3 parameters trainable (%4%)</source>
        <translation>运行 #%1 已准备：%3 个参数中 %2 个可训练（%4%）</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="146" />
        <source>; estimated peak memory %1, about %2 per epoch (measured %3 GFLOP/s)</source>
        <translation>；估计峰值内存 %1，每轮约 %2（实测 %3 GFLOP/s）</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="158" />
        <source>eval</source>
        <translation>评估</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="158" />
        <source>step %1: validation loss %2, perplexity %3%4</source>
        <translation>第 %1 步：验证损失 %2，困惑度 %3%4</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="160" />
        <source> (best so far)</source>
        <translation>（目前最佳）</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="163" />
        <source>checkpoint at step %1: %2</source>
        <translation>第 %1 步的检查点：%2</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="169" />
        <source>Run #%1 %2 after %3 steps; final loss %4%5</source>
        <translation>运行 #%1 在 %3 步后%2；最终损失 %4%5</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="171" />
        <source>; saved to %1</source>
        <translation>；已保存到 %1</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="173" />
        <source>Training run #%1 %2</source>
        <translation>训练运行 #%1 %2</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="179" />
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="193" />
        <source>epoch %1 · loss %2 · lr %3 · %4 tokens/s · elapsed %5 · ETA %6%7</source>
        <translation>第 %1 轮 · 损失 %2 · 学习率 %3 · %4 词元/秒 · 已用 %5 · 剩余 %6%7</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="199" />
        <source> · memory %1</source>
        <translation> · 内存 %1</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="206" />
        <source>&amp;Continue</source>
        <translation>继续(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="208" />
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="208" />
        <source>Continuing</source>
        <translation>继续中</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="217" />
        <source>Stopping after the current step…</source>
        <translation>将在当前步结束后停止…</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="222" />
        <source>Training is running</source>
        <translation>训练正在进行</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="223" />
        <source>A training run is in progress. Stop it (a checkpoint is kept) and quit?</source>
        <translation>训练正在进行中。要停止它（会保留检查点）并退出吗？</translation>
    </message>
</context>
</TS>