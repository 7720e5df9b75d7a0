<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>EvalResults</name>
    <message>
        <location filename="../ui/evaluate/EvalResults.cpp" line="60" />
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>Pending</name>
    <message>
        <location filename="../ui/widgets/Pending.cpp" line="10" />
        <source>Not available in this build yet: waiting for %1.</source>
        <translation>Noch nicht in diesem Build verfügbar: wartet auf %1.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/Pending.cpp" line="14" />
        <source>Not available in this build yet: waiting for %1. The controls below show what this page will do; they are disabled until then.</source>
        <translation>Noch nicht in diesem Build verfügbar: wartet auf %1. Die Bedienelemente unten zeigen, was diese Seite tun wird; bis dahin sind sie deaktiviert.</translation>
    </message>
</context>
<context>
    <name>tb::DownloadJob</name>
    <message>
        <location filename="../core/jobs/DownloadJob.cpp" line="93" />
        <source>%1: access denied (HTTP %2). The model may be gated or private: accept its licence on the Hub and give an access token.</source>
        <translation>%1: Zugriff verweigert (HTTP %2). Das Modell ist eventuell geschützt oder privat: Akzeptieren Sie seine Lizenz auf dem Hub und geben Sie ein Zugriffstoken an.</translation>
    </message>
    <message>
        <location filename="../core/jobs/DownloadJob.cpp" line="96" />
        <source>%1: not found (HTTP 404). Check the model id and revision.</source>
        <translation>%1: nicht gefunden (HTTP 404). Prüfen Sie Modell-ID und Revision.</translation>
    </message>
    <message>
        <location filename="../core/jobs/DownloadJob.cpp" line="97" />
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../core/jobs/DownloadJob.cpp" line="109" />
        <source>Listing the files of %1</source>
        <translation>Dateiliste von %1 abrufen</translation>
    </message>
    <message>
        <location filename="../core/jobs/DownloadJob.cpp" line="113" />
        <source>The Hub's answer for %1 is not JSON: %2</source>
        <translation>Die Antwort des Hubs für %1 ist kein JSON: %2</translation>
    </message>
    <message>
        <location filename="../core/jobs/DownloadJob.cpp" line="208" />
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../core/jobs/DownloadJob.cpp" line="217" />
        <source>Resuming %1 at %2 bytes</source>
        <translation>Setze %1 bei %2 Bytes fort</translation>
    </message>
    <message>
        <location filename="../core/jobs/DownloadJob.cpp" line="233" />
        <source>Cannot write %1: %2 (is the disk full?)</source>
        <translation>%1 kann nicht geschrieben werden: %2 (ist der Datenträger voll?)</translation>
    </message>
    <message>
        <location filename="../core/jobs/DownloadJob.cpp" line="250" />
        <source>Downloading %1</source>
        <translation>%1 herunterladen</translation>
    </message>
    <message>
        <location filename="../core/jobs/DownloadJob.cpp" line="251" />
        <source> (what arrived is kept; start the download again to resume)</source>
        <translation> (das Empfangene bleibt erhalten; starten Sie den Download erneut, um fortzusetzen)</translation>
    </message>
    <message>
        <location filename="../core/jobs/DownloadJob.cpp" line="259" />
        <source>%1 is %2 bytes but the Hub says %3; start the download again to resume</source>
        <translation>%1 hat %2 Bytes, laut Hub aber %3; starten Sie den Download erneut, um fortzusetzen</translation>
    </message>
    <message>
        <location filename="../core/jobs/DownloadJob.cpp" line="264" />
        <source>Checksum mismatch for %1: expected %2, got %3. The damaged file was removed; download it again.</source>
        <translation>Prüfsumme von %1 stimmt nicht: erwartet %2, erhalten %3. Die beschädigte Datei wurde entfernt; laden Sie sie erneut herunter.</translation>
    </message>
    <message>
        <location filename="../core/jobs/DownloadJob.cpp" line="271" />
        <source>Cannot move %1 into place</source>
        <translation>%1 kann nicht an seinen Platz verschoben werden</translation>
    </message>
    <message>
        <location filename="../core/jobs/DownloadJob.cpp" line="282" />
        <source>Give a model id such as "HuggingFaceTB/SmolLM2-135M".</source>
        <translation>Geben Sie eine Modell-ID an, etwa „HuggingFaceTB/SmolLM2-135M“.</translation>
    </message>
    <message>
        <location filename="../core/jobs/DownloadJob.cpp" line="283" />
        <source>Choose a folder to download into.</source>
        <translation>Wählen Sie einen Ordner für den Download.</translation>
    </message>
    <message>
        <location filename="../core/jobs/DownloadJob.cpp" line="285" />
        <source>Cannot create the folder %1</source>
        <translation>Der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <location filename="../core/jobs/DownloadJob.cpp" line="295" />
        <source>%1 has no safetensors weights. Tunebench never loads pickled .bin files; pick a repository that has model.safetensors, or convert it with transformers (save_pretrained(safe_serialization=True)).</source>
        <translation>%1 hat keine safetensors-Gewichte. Tunebench lädt nie gepickelte .bin-Dateien; wählen Sie ein Repository mit model.safetensors oder konvertieren Sie es mit transformers (save_pretrained(safe_serialization=True)).</translation>
    </message>
    <message numerus="yes">
        <location filename="../core/jobs/DownloadJob.cpp" line="306" />
        <source>%n file(s) to fetch</source>
        <translation><numerusform>%n Datei abzurufen</numerusform><numerusform>%n Dateien abzurufen</numerusform></translation>
    </message>
    <message>
        <location filename="../core/jobs/DownloadJob.cpp" line="317" />
        <source>Download cancelled; start it again to resume.</source>
        <translation>Download abgebrochen; starten Sie ihn erneut, um fortzusetzen.</translation>
    </message>
</context>
<context>
    <name>tb::ui::ComparePage</name>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="30" />
        <source>&lt;b&gt;Models to compare&lt;/b&gt; (two or more)</source>
        <translation>&lt;b&gt;Zu vergleichende Modelle&lt;/b&gt; (zwei oder mehr)</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="39" />
        <source>auto</source>
        <translation>auto</translation>
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
        <translation>Auto nutzt die GPU, wenn dieser Build CUDA hat und eine vorhanden ist, sonst die CPU.</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="43" />
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="49" />
        <source>&lt;b&gt;Prompt&lt;/b&gt;</source>
        <translation>&lt;b&gt;Prompt&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="52" />
        <source>#Person1#: Have you finished the report?
#Person2#: Almost, I need one more hour.

Summarize the conversation above.</source>
        <translation>#Person1#: Hast du den Bericht fertig?
#Person2#: Fast, ich brauche noch eine Stunde.

Fasse das Gespräch oben zusammen.</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="57" />
        <source>&amp;Generate</source>
        <translation>&amp;Generieren</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="59" />
        <source>Each checked model answers the prompt in turn, with the same settings</source>
        <translation>Jedes angehakte Modell beantwortet den Prompt nacheinander, mit denselben Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="60" />
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="62" />
        <source>Stops at the next token; models not started yet are skipped</source>
        <translation>Stoppt beim nächsten Token; noch nicht gestartete Modelle werden übersprungen</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="78" />
        <source>Check two or more models, type a prompt and press Generate: each model&apos;s completion streams into its own column here, token by token.</source>
        <translation>Haken Sie zwei oder mehr Modelle an, geben Sie einen Prompt ein und klicken Sie auf „Generieren“: Die Ausgabe jedes Modells erscheint hier Token für Token in einer eigenen Spalte.</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="120" />
        <source>ended (end-of-sequence token)</source>
        <translation>beendet (Sequenzende-Token)</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="121" />
        <source>reached max new tokens</source>
        <translation>maximale Zahl neuer Tokens erreicht</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="122" />
        <source>the model&apos;s context is full</source>
        <translation>der Kontext des Modells ist voll</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="123" />
        <source>stop string</source>
        <translation>Stopp-Zeichenkette</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="124" />
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="132" />
        <source>Check at least two models or runs in the list to compare them.</source>
        <translation>Haken Sie mindestens zwei Modelle oder Läufe in der Liste an, um sie zu vergleichen.</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="133" />
        <source>Only one model is checked: check at least one more to compare.</source>
        <translation>Nur ein Modell ist angehakt: Haken Sie mindestens ein weiteres an, um zu vergleichen.</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="138" />
        <source>Type a prompt first.</source>
        <translation>Geben Sie zuerst einen Prompt ein.</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="163" />
        <source>%1
adapter: %2</source>
        <translation>%1
Adapter: %2</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="168" />
        <source>Waiting for the models before this one…</source>
        <translation>Wartet auf die Modelle davor…</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="183" />
        <location filename="../ui/compare/ComparePage.cpp" line="210" />
        <source>Loading the model…</source>
        <translation>Lade das Modell…</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="183" />
        <location filename="../ui/compare/ComparePage.cpp" line="210" />
        <source>Generating…</source>
        <translation>Generiere…</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="194" />
        <source>Stopped before this model ran.</source>
        <translation>Gestoppt, bevor dieses Modell lief.</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="195" />
        <source>(no text: the model ended at once)</source>
        <translation>(kein Text: das Modell hat sofort beendet)</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="199" />
        <source>%1 tokens/s · %2</source>
        <translation>%1 Tokens/s · %2</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="204" />
        <source>Stopped.</source>
        <translation>Gestoppt.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/compare/ComparePage.cpp" line="204" />
        <source>Done: %n model(s) answered.</source>
        <translation><numerusform>Fertig: %n Modell hat geantwortet.</numerusform><numerusform>Fertig: %n Modelle haben geantwortet.</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="210" />
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="211" />
        <source>Generation failed: %1</source>
        <translation>Generierung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="212" />
        <source>Compare: generation failed</source>
        <translation>Vergleichen: Generierung fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/compare/ComparePage.cpp" line="215" />
        <source>Generating with %n model(s)…</source>
        <translation><numerusform>Generiere mit %n Modell…</numerusform><numerusform>Generiere mit %n Modellen…</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparePage.cpp" line="224" />
        <source>Stopping at the next token…</source>
        <translation>Stoppe beim nächsten Token…</translation>
    </message>
</context>
<context>
    <name>tb::ui::DatasetCommands</name>
    <message>
        <location filename="../ui/datasets/DatasetCommands.cpp" line="14" />
        <source>edit %1 in row %2</source>
        <translation>%1 in Zeile %2 bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/datasets/DatasetCommands.cpp" line="22" />
        <source>add row %1</source>
        <translation>Zeile %1 hinzufügen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/datasets/DatasetCommands.cpp" line="32" />
        <source>delete %n row(s)</source>
        <translation><numerusform>%n Zeile löschen</numerusform><numerusform>%n Zeilen löschen</numerusform></translation>
    </message>
</context>
<context>
    <name>tb::ui::DatasetsPage</name>
    <message>
        <location filename="../ui/datasets/DatasetsPage.cpp" line="38" />
        <source>&lt;b&gt;Datasets&lt;/b&gt;</source>
        <translation>&lt;b&gt;Datensätze&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/datasets/DatasetsPage.cpp" line="42" />
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <location filename="../ui/datasets/DatasetsPage.cpp" line="43" />
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/datasets/DatasetsPage.cpp" line="44" />
        <location filename="../ui/datasets/DatasetsPage.cpp" line="241" />
        <location filename="../ui/datasets/DatasetsPage.cpp" line="248" />
        <source>Delete dataset</source>
        <translation>Datensatz löschen</translation>
    </message>
    <message>
        <location filename="../ui/datasets/DatasetsPage.cpp" line="55" />
        <source>Search the rows (Ctrl+F)</source>
        <translation>Zeilen durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <location filename="../ui/datasets/DatasetsPage.cpp" line="57" />
        <source>Add row</source>
        <translation>Zeile hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/datasets/DatasetsPage.cpp" line="58" />
        <source>Delete rows</source>
        <translation>Zeilen löschen</translation>
    </message>
    <message>
        <location filename="../ui/datasets/DatasetsPage.cpp" line="59" />
        <source>Delete the selected rows (Del); Undo brings them back.</source>
        <translation>Löscht die ausgewählten Zeilen (Entf); Rückgängig holt sie zurück.</translation>
    </message>
    <message>
        <location filename="../ui/datasets/DatasetsPage.cpp" line="103" />
        <source>Edit not saved</source>
        <translation>Änderung nicht gespeichert</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/datasets/DatasetsPage.cpp" line="126" />
        <location filename="../ui/datasets/DatasetsPage.cpp" line="181" />
        <source>%1
%n row(s)</source>
        <translation><numerusform>%1
%n Zeile</numerusform><numerusform>%1
%n Zeilen</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/datasets/DatasetsPage.cpp" line="128" />
        <source>%1 · %2 · fields: %3</source>
        <translation>%1 · %2 · Felder: %3</translation>
    </message>
    <message>
        <location filename="../ui/datasets/DatasetsPage.cpp" line="169" />
        <source>No datasets yet. Import a CSV, TSV, JSON or JSONL file to start.</source>
        <translation>Noch keine Datensätze. Importieren Sie eine CSV-, TSV-, JSON- oder JSONL-Datei, um zu beginnen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/datasets/DatasetsPage.cpp" line="173" />
        <source>%n row(s)</source>
        <translation><numerusform>%n Zeile</numerusform><numerusform>%n Zeilen</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/datasets/DatasetsPage.cpp" line="174" />
        <source>%1 of %n row(s) match “%2”</source>
        <translation><numerusform>%1 von %n Zeile passen zu „%2“</numerusform><numerusform>%1 von %n Zeilen passen zu „%2“</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/datasets/DatasetsPage.cpp" line="177" />
        <source>%1 · fields: %2 · double-click a cell to edit</source>
        <translation>%1 · Felder: %2 · Doppelklick auf eine Zelle zum Bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/datasets/DatasetsPage.cpp" line="192" />
        <source>Imported dataset %1</source>
        <translation>Datensatz %1 importiert</translation>
    </message>
    <message>
        <location filename="../ui/datasets/DatasetsPage.cpp" line="200" />
        <source>Export dataset</source>
        <translation>Datensatz exportieren</translation>
    </message>
    <message>
        <location filename="../ui/datasets/DatasetsPage.cpp" line="201" />
        <source>JSON Lines (*.jsonl);;JSON (*.json);;CSV (*.csv)</source>
        <translation>JSON Lines (*.jsonl);;JSON (*.json);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/datasets/DatasetsPage.cpp" line="205" />
        <source>Exported %1 rows to %2</source>
        <translation>%1 Zeilen nach %2 exportiert</translation>
    </message>
    <message>
        <location filename="../ui/datasets/DatasetsPage.cpp" line="207" />
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/datasets/DatasetsPage.cpp" line="242" />
        <source>Delete the dataset “%1” and its %n row(s) from the workspace? This cannot be undone.</source>
        <translation><numerusform>Den Datensatz „%1“ mit seiner %n Zeile aus dem Arbeitsbereich löschen? Das kann nicht rückgängig gemacht werden.</numerusform><numerusform>Den Datensatz „%1“ mit seinen %n Zeilen aus dem Arbeitsbereich löschen? Das kann nicht rückgängig gemacht werden.</numerusform></translation>
    </message>
</context>
<context>
    <name>tb::ui::EvalResultsView</name>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="70" />
        <source>metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="71" />
        <source>F1 (BLEU ÷ 100 to share the axis); whiskers: bootstrap 95% interval</source>
        <translation>F1 (BLEU ÷ 100 für dieselbe Achse); Fehlerbalken: Bootstrap-95-%-Intervall</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="98" />
        <source>Click a column header to sort. In the output columns, words added against the first model&apos;s output are green, removed words red and struck through.</source>
        <translation>Klicken Sie auf einen Spaltenkopf, um zu sortieren. In den Ausgabespalten sind Wörter, die gegenüber der Ausgabe des ersten Modells hinzukommen, grün, fehlende Wörter rot und durchgestrichen.</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="102" />
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="102" />
        <source>Export JSON…</source>
        <translation>JSON exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="102" />
        <source>Save chart as PNG…</source>
        <translation>Diagramm als PNG speichern…</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="102" />
        <source>Save chart as PDF…</source>
        <translation>Diagramm als PDF speichern…</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="117" />
        <source>No evaluation in this workspace yet</source>
        <translation>Noch keine Evaluation in diesem Arbeitsbereich</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="130" />
        <source>This evaluation has no scores</source>
        <translation>Diese Evaluation hat keine Werte</translation>
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
        <translation>Prompt</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="210" />
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="211" />
        <source>Output: %1</source>
        <translation>Ausgabe: %1</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="212" />
        <source>ROUGE-L: %1</source>
        <translation>ROUGE-L: %1</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="213" />
        <source>Gain (%1 − %2)</source>
        <translation>Gewinn (%1 − %2)</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="240" />
        <source>%1

(green: words not in %2&apos;s output; red, struck through: words only in it)</source>
        <translation>%1

(grün: Wörter, die nicht in der Ausgabe von %2 stehen; rot, durchgestrichen: Wörter, die nur dort stehen)</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="271" />
        <source>&lt;b&gt;Evaluation #%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;Evaluation #%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="271" />
        <source>&lt;b&gt;Evaluation&lt;/b&gt;</source>
        <translation>&lt;b&gt;Evaluation&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="273" />
        <source>%n example(s)</source>
        <translation><numerusform>%n Beispiel</numerusform><numerusform>%n Beispiele</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="274" />
        <source>cancelled (partial results)</source>
        <translation>abgebrochen (Teilergebnisse)</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="281" />
        <source>ROUGE-L %1 [%2, %3]</source>
        <translation>ROUGE-L %1 [%2, %3]</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="283" />
        <source>no scores</source>
        <translation>keine Werte</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="285" />
        <source>BLEU %1</source>
        <translation>BLEU %1</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="287" />
        <source>loss %1 (perplexity %2)</source>
        <translation>Verlust %1 (Perplexität %2)</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="289" />
        <source>%1 tokens/s</source>
        <translation>%1 Tokens/s</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="293" />
        <source>vs %1: %2 better, %3 same, %4 worse; mean ROUGE-L gain %5 [%6, %7]</source>
        <translation>gegenüber %1: %2 besser, %3 gleich, %4 schlechter; mittlerer ROUGE-L-Gewinn %5 [%6, %7]</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="315" />
        <source>Cannot write the chart to %1</source>
        <translation>Das Diagramm kann nicht nach %1 geschrieben werden</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="322" />
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="322" />
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="322" />
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="322" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="325" />
        <source>Save chart</source>
        <translation>Diagramm speichern</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="325" />
        <source>Export the per-example table</source>
        <translation>Tabelle der Beispiele exportieren</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvalResultsView.cpp" line="331" />
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
</context>
<context>
    <name>tb::ui::EvaluatePage</name>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="46" />
        <source>&lt;b&gt;Models and adapters&lt;/b&gt; (one base model and runs on it)</source>
        <translation>&lt;b&gt;Modelle und Adapter&lt;/b&gt; (ein Basismodell und Läufe darauf)</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="50" />
        <source>The first checked entry is the reference for the gain column, usually the base model.</source>
        <translation>Der erste angehakte Eintrag ist die Referenz für die Gewinn-Spalte, meist das Basismodell.</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="57" />
        <source>test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="58" />
        <source>validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="63" />
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="64" />
        <source> examples</source>
        <translation> Beispiele</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="65" />
        <source>Evaluate the first N examples of the split (0 = all of them).</source>
        <translation>Die ersten N Beispiele der Aufteilung evaluieren (0 = alle).</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="70" />
        <source>Prompts generated together; lower it when memory is short.</source>
        <translation>Gemeinsam generierte Prompts; verringern Sie den Wert, wenn der Speicher knapp ist.</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="73" />
        <source>auto</source>
        <translation>auto</translation>
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
        <translation>Auto nutzt die GPU, wenn dieser Build CUDA hat und eine vorhanden ist, sonst die CPU.</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="77" />
        <source>Instruction set:</source>
        <translation>Instruktionsdatensatz:</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="78" />
        <source>Split:</source>
        <translation>Aufteilung:</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="79" />
        <source>Limit:</source>
        <translation>Limit:</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="80" />
        <source>Batch size:</source>
        <translation>Batchgröße:</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="81" />
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="84" />
        <source>The same settings for every model. The repetition penalty applies to Compare only.</source>
        <translation>Dieselben Einstellungen für jedes Modell. Die Wiederholungsstrafe gilt nur beim Vergleichen.</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="87" />
        <source>&amp;Evaluate</source>
        <translation>&amp;Evaluieren</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="89" />
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="91" />
        <source>Stops after the current batch; the models already finished are kept.</source>
        <translation>Stoppt nach dem aktuellen Batch; bereits fertige Modelle bleiben erhalten.</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="132" />
        <source>Cannot list the instruction sets: %1</source>
        <translation>Die Instruktionsdatensätze können nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="165" />
        <source>Cannot read the evaluations: %1</source>
        <translation>Die Evaluationen können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="173" />
        <source>Evaluation #%1 has no results</source>
        <translation>Evaluation #%1 hat keine Ergebnisse</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="177" />
        <source>Cannot read evaluation #%1: %2</source>
        <translation>Evaluation #%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="184" />
        <source>Open a workspace first.</source>
        <translation>Öffnen Sie zuerst einen Arbeitsbereich.</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="189" />
        <source>Check the base model and the runs to evaluate in the list.</source>
        <translation>Haken Sie in der Liste das Basismodell und die zu evaluierenden Läufe an.</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="198" />
        <source>The checked entries use different base models (%1). An evaluation compares one base model with adapters trained on it: check entries of one base model only.</source>
        <translation>Die angehakten Einträge verwenden verschiedene Basismodelle (%1). Eine Evaluation vergleicht ein Basismodell mit darauf trainierten Adaptern: Haken Sie nur Einträge eines Basismodells an.</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="205" />
        <source>Build an instruction set first (Templates page), then choose it here.</source>
        <translation>Bauen Sie zuerst einen Instruktionsdatensatz (Vorlagenseite) und wählen Sie ihn dann hier.</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="245" />
        <source>loading</source>
        <translation>lädt</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="246" />
        <source>generating %1 of %2</source>
        <translation>generiert %1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="247" />
        <source>scoring the references (loss) %1 of %2</source>
        <translation>bewertet die Referenzen (Verlust) %1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="248" />
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="249" />
        <source>Model %1 of %2 (%3): %4</source>
        <translation>Modell %1 von %2 (%3): %4</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="255" />
        <source>Evaluation failed: %1</source>
        <translation>Evaluation fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="257" />
        <source>Evaluation failed</source>
        <translation>Evaluation fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="262" />
        <source>Starting the evaluation of %n model(s)…</source>
        <translation><numerusform>Starte die Evaluation von %n Modell…</numerusform><numerusform>Starte die Evaluation von %n Modellen…</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="277" />
        <source>Evaluation cancelled; the models that finished are kept.</source>
        <translation>Evaluation abgebrochen; die fertigen Modelle bleiben erhalten.</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="278" />
        <source>Evaluation #%1 finished: %2 model(s) on %3 example(s).</source>
        <translation>Evaluation #%1 fertig: %2 Modell(e) auf %3 Beispiel(en).</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="292" />
        <source>Cancelling after the current batch…</source>
        <translation>Breche nach dem aktuellen Batch ab…</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="162" />
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="164" />
        <source>No evaluation in this workspace yet</source>
        <translation>Noch keine Evaluation in diesem Arbeitsbereich</translation>
    </message>
    <message>
        <location filename="../ui/evaluate/EvaluatePage.cpp" line="130" />
        <source>%1 (%2 test)</source>
        <translation>%1 (%2 Test)</translation>
    </message>
</context>
<context>
    <name>tb::ui::GenerationSettings</name>
    <message>
        <location filename="../ui/widgets/GenerationSettings.cpp" line="10" />
        <source>Generation settings</source>
        <translation>Generierungseinstellungen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/GenerationSettings.cpp" line="16" />
        <source>Stop after this many new tokens (or at the end-of-sequence token).</source>
        <translation>Nach so vielen neuen Tokens anhalten (oder beim Sequenzende-Token).</translation>
    </message>
    <message>
        <location filename="../ui/widgets/GenerationSettings.cpp" line="17" />
        <source>sample (otherwise greedy)</source>
        <translation>Sampling (sonst greedy)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/GenerationSettings.cpp" line="23" />
        <source>Below 1 sharpens the distribution, above 1 flattens it.</source>
        <translation>Unter 1 schärft die Verteilung, über 1 flacht sie ab.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/GenerationSettings.cpp" line="28" />
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location filename="../ui/widgets/GenerationSettings.cpp" line="29" />
        <source>Sample only among the k most likely tokens.</source>
        <translation>Nur unter den k wahrscheinlichsten Tokens ziehen.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/GenerationSettings.cpp" line="35" />
        <source>Sample from the smallest set of tokens whose probabilities add up to p.</source>
        <translation>Aus der kleinsten Menge von Tokens ziehen, deren Wahrscheinlichkeiten zusammen p ergeben.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/GenerationSettings.cpp" line="41" />
        <source>Above 1 discourages tokens that already appeared (1 = off).</source>
        <translation>Über 1 bremst Tokens, die schon vorkamen (1 = aus).</translation>
    </message>
    <message>
        <location filename="../ui/widgets/GenerationSettings.cpp" line="46" />
        <source>Max new tokens:</source>
        <translation>Max. neue Tokens:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/GenerationSettings.cpp" line="48" />
        <source>Temperature:</source>
        <translation>Temperatur:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/GenerationSettings.cpp" line="49" />
        <source>Top-k:</source>
        <translation>Top-k:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/GenerationSettings.cpp" line="50" />
        <source>Top-p:</source>
        <translation>Top-p:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/GenerationSettings.cpp" line="51" />
        <source>Repetition penalty:</source>
        <translation>Wiederholungsstrafe:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/GenerationSettings.cpp" line="52" />
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
</context>
<context>
    <name>tb::ui::GuiMain</name>
    <message>
        <location filename="../ui/app/GuiMain.cpp" line="69" />
        <source>Cannot open workspace</source>
        <translation>Arbeitsbereich kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../ui/app/GuiMain.cpp" line="70" />
        <source>%1 could not be opened as a workspace:

%2

The file was left untouched. Choose another workspace file?</source>
        <translation>%1 konnte nicht als Arbeitsbereich geöffnet werden:

%2

Die Datei wurde nicht verändert. Eine andere Arbeitsbereichsdatei wählen?</translation>
    </message>
    <message>
        <location filename="../ui/app/GuiMain.cpp" line="76" />
        <source>Workspace file</source>
        <translation>Arbeitsbereichsdatei</translation>
    </message>
    <message>
        <location filename="../ui/app/GuiMain.cpp" line="78" />
        <source>Tunebench workspace (*.tunebench);;All files (*)</source>
        <translation>Tunebench-Arbeitsbereich (*.tunebench);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>tb::ui::HistogramPlot</name>
    <message>
        <location filename="../ui/plots/HistogramPlot.cpp" line="20" />
        <source>examples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <location filename="../ui/plots/HistogramPlot.cpp" line="40" />
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <location filename="../ui/plots/HistogramPlot.cpp" line="75" />
        <source>mean %1</source>
        <translation>Mittel %1</translation>
    </message>
    <message>
        <location filename="../ui/plots/HistogramPlot.cpp" line="76" />
        <source>p95 %1</source>
        <translation>p95 %1</translation>
    </message>
    <message>
        <location filename="../ui/plots/HistogramPlot.cpp" line="77" />
        <source>limit %1</source>
        <translation>Grenze %1</translation>
    </message>
</context>
<context>
    <name>tb::ui::HomePage</name>
    <message>
        <location filename="../ui/app/HomePage.cpp" line="32" />
        <source>&lt;h2&gt;Welcome to Tunebench&lt;/h2&gt;&lt;p&gt;A fresh workspace was created for you. Follow the steps below to fine-tune your first model.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Willkommen bei Tunebench&lt;/h2&gt;&lt;p&gt;Ein neuer Arbeitsbereich wurde für Sie angelegt. Folgen Sie den Schritten unten, um Ihr erstes Modell feinabzustimmen.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/app/HomePage.cpp" line="34" />
        <source>&lt;h2&gt;Tunebench&lt;/h2&gt;&lt;p&gt;Your workspace at a glance, and what to do next.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Tunebench&lt;/h2&gt;&lt;p&gt;Ihr Arbeitsbereich auf einen Blick und die nächsten Schritte.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/app/HomePage.cpp" line="50" />
        <source>1. Import a dataset</source>
        <translation>1. Einen Datensatz importieren</translation>
    </message>
    <message>
        <location filename="../ui/app/HomePage.cpp" line="51" />
        <source>CSV, TSV, JSON or JSONL rows with named fields, e.g. dialogues and their summaries.</source>
        <translation>CSV-, TSV-, JSON- oder JSONL-Zeilen mit benannten Feldern, z. B. Dialoge und ihre Zusammenfassungen.</translation>
    </message>
    <message>
        <location filename="../ui/app/HomePage.cpp" line="52" />
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <location filename="../ui/app/HomePage.cpp" line="53" />
        <source>2. Add a model</source>
        <translation>2. Ein Modell hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/app/HomePage.cpp" line="54" />
        <source>A Hugging Face model folder (config.json, safetensors, tokenizer), or download one from the Hub.</source>
        <translation>Ein Hugging-Face-Modellordner (config.json, safetensors, Tokenizer) oder ein Download vom Hub.</translation>
    </message>
    <message>
        <location filename="../ui/app/HomePage.cpp" line="55" />
        <source>Add folder…</source>
        <translation>Ordner hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/app/HomePage.cpp" line="56" />
        <source>Download…</source>
        <translation>Herunterladen…</translation>
    </message>
    <message>
        <location filename="../ui/app/HomePage.cpp" line="57" />
        <source>3. Build an instruction set</source>
        <translation>3. Einen Instruktionsdatensatz bauen</translation>
    </message>
    <message>
        <location filename="../ui/app/HomePage.cpp" line="58" />
        <source>Turn dataset rows into prompt/completion pairs with templates, and split them.</source>
        <translation>Datensatzzeilen mit Vorlagen in Prompt/Completion-Paare verwandeln und aufteilen.</translation>
    </message>
    <message>
        <location filename="../ui/app/HomePage.cpp" line="59" />
        <source>Open Templates</source>
        <translation>Vorlagen öffnen</translation>
    </message>
    <message>
        <location filename="../ui/app/HomePage.cpp" line="60" />
        <source>4. Fine-tune</source>
        <translation>4. Feinabstimmen</translation>
    </message>
    <message>
        <location filename="../ui/app/HomePage.cpp" line="61" />
        <source>Full, selective, LoRA, prompt tuning or IA3, with live loss curves.</source>
        <translation>Vollständig, selektiv, LoRA, Prompt-Tuning oder IA3, mit Live-Verlustkurven.</translation>
    </message>
    <message>
        <location filename="../ui/app/HomePage.cpp" line="62" />
        <source>Open Train</source>
        <translation>Training öffnen</translation>
    </message>
    <message>
        <location filename="../ui/app/HomePage.cpp" line="63" />
        <source>5. Evaluate and compare</source>
        <translation>5. Evaluieren und vergleichen</translation>
    </message>
    <message>
        <location filename="../ui/app/HomePage.cpp" line="64" />
        <source>ROUGE and BLEU of the base and tuned models, and their completions side by side.</source>
        <translation>ROUGE und BLEU von Basis- und abgestimmtem Modell und ihre Vervollständigungen nebeneinander.</translation>
    </message>
    <message>
        <location filename="../ui/app/HomePage.cpp" line="65" />
        <source>Open Evaluate</source>
        <translation>Evaluation öffnen</translation>
    </message>
    <message>
        <location filename="../ui/app/HomePage.cpp" line="105" />
        <source>Workspace: %1</source>
        <translation>Arbeitsbereich: %1</translation>
    </message>
    <message>
        <location filename="../ui/app/HomePage.cpp" line="105" />
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/app/HomePage.cpp" line="108" />
        <source>%n dataset(s)</source>
        <translation><numerusform>%n Datensatz</numerusform><numerusform>%n Datensätze</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/app/HomePage.cpp" line="108" />
        <source>%n model(s)</source>
        <translation><numerusform>%n Modell</numerusform><numerusform>%n Modelle</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/app/HomePage.cpp" line="109" />
        <source>%n instruction set(s)</source>
        <translation><numerusform>%n Instruktionsdatensatz</numerusform><numerusform>%n Instruktionsdatensätze</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/app/HomePage.cpp" line="109" />
        <source>%n run(s)</source>
        <translation><numerusform>%n Lauf</numerusform><numerusform>%n Läufe</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/app/HomePage.cpp" line="110" />
        <source>%n evaluation(s)</source>
        <translation><numerusform>%n Evaluation</numerusform><numerusform>%n Evaluationen</numerusform></translation>
    </message>
</context>
<context>
    <name>tb::ui::ImportWizard</name>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="56" />
        <location filename="../ui/datasets/ImportWizard.cpp" line="103" />
        <source>Import a dataset</source>
        <translation>Einen Datensatz importieren</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="70" />
        <source>Choose a file</source>
        <translation>Datei wählen</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="71" />
        <source>CSV or TSV with a header row, a JSON array of objects, or JSON Lines (one object per line).</source>
        <translation>CSV oder TSV mit Kopfzeile, ein JSON-Array von Objekten oder JSON Lines (ein Objekt pro Zeile).</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="76" />
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="79" />
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="81" />
        <location filename="../ui/datasets/ImportWizard.cpp" line="88" />
        <source>Detect</source>
        <translation>Erkennen</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="86" />
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormat:</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="89" />
        <source>Comma ( , )</source>
        <translation>Komma ( , )</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="90" />
        <source>Semicolon ( ; )</source>
        <translation>Semikolon ( ; )</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="91" />
        <source>Tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="92" />
        <source>Pipe ( | )</source>
        <translation>Senkrechter Strich ( | )</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="93" />
        <source>&amp;Delimiter (CSV):</source>
        <translation>&amp;Trennzeichen (CSV):</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="94" />
        <source>The first row names the fields</source>
        <translation>Die erste Zeile benennt die Felder</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="99" />
        <source>The dataset's name in the workspace; it must be new.</source>
        <translation>Der Name des Datensatzes im Arbeitsbereich; er muss neu sein.</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="100" />
        <source>Dataset &amp;name:</source>
        <translation>Datensatz&amp;name:</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="104" />
        <source>Data files (*.csv *.tsv *.tab *.json *.jsonl *.ndjson);;All files (*)</source>
        <translation>Datendateien (*.csv *.tsv *.tab *.json *.jsonl *.ndjson);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="121" />
        <source>Fields and preview</source>
        <translation>Felder und Vorschau</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="122" />
        <source>Untick the fields you do not need and rename the others; the preview shows the first rows as they will be stored.</source>
        <translation>Entfernen Sie die Haken bei nicht benötigten Feldern und benennen Sie die übrigen um; die Vorschau zeigt die ersten Zeilen so, wie sie gespeichert werden.</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="127" />
        <source>Source field</source>
        <translation>Quellfeld</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="127" />
        <source>Stored as</source>
        <translation>Gespeichert als</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="142" />
        <source>Bad records in the previewed part:</source>
        <translation>Fehlerhafte Datensätze im Vorschauteil:</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="165" />
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="166" />
        <source>The import runs in the background. It is all-or-nothing unless you choose to skip bad records.</source>
        <translation>Der Import läuft im Hintergrund. Er gilt ganz oder gar nicht, außer Sie überspringen fehlerhafte Datensätze.</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="168" />
        <source>Skip bad records and list them (otherwise the first bad record stops the import and nothing is stored)</source>
        <translation>Fehlerhafte Datensätze überspringen und auflisten (sonst stoppt der erste fehlerhafte Datensatz den Import und nichts wird gespeichert)</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="171" />
        <source>&amp;Start import</source>
        <translation>Import &amp;starten</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="173" />
        <source>Cancel import</source>
        <translation>Import abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="184" />
        <source>Report:</source>
        <translation>Bericht:</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/datasets/ImportWizard.cpp" line="245" />
        <source>Format: %1%2 · %n field(s) · first %3 row(s) shown</source>
        <translation><numerusform>Format: %1%2 · %n Feld · erste %3 Zeile(n) gezeigt</numerusform><numerusform>Format: %1%2 · %n Felder · erste %3 Zeile(n) gezeigt</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="247" />
        <source>, delimiter '%1'</source>
        <translation>, Trennzeichen '%1'</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="269" />
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="281" />
        <source>Importing…</source>
        <translation>Importiere…</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="285" />
        <source>%1 rows read, %2 skipped</source>
        <translation>%1 Zeilen gelesen, %2 übersprungen</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="291" />
        <source>Imported %1 rows into “%2” (%3, %4 s); %5 bad record(s) skipped.</source>
        <translation>%1 Zeilen in „%2“ importiert (%3, %4 s); %5 fehlerhafte(r) Datensatz/Datensätze übersprungen.</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="294" />
        <source>Fields: %1</source>
        <translation>Felder: %1</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="296" />
        <source>Bad records:</source>
        <translation>Fehlerhafte Datensätze:</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="307" />
        <source>Nothing was imported.</source>
        <translation>Nichts wurde importiert.</translation>
    </message>
    <message>
        <location filename="../ui/datasets/ImportWizard.cpp" line="309" />
        <source>Fix the file, or tick “Skip bad records” to import the good rows and get a list of the bad ones.</source>
        <translation>Korrigieren Sie die Datei oder setzen Sie den Haken bei „Fehlerhafte Datensätze überspringen“, um die guten Zeilen zu importieren und eine Liste der fehlerhaften zu erhalten.</translation>
    </message>
</context>
<context>
    <name>tb::ui::InstructionSetBuilder</name>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="46" />
        <source>Datasets and mixture weights</source>
        <translation>Datensätze und Mischungsgewichte</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="50" />
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="50" />
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="50" />
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="50" />
        <source>Split</source>
        <translation>Aufteilung</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="53" />
        <source>Weight: about weight × rows training examples (below 1 keeps a subset, above 1 repeats rows with other templates). Split: a fixed split sends every row there (e.g. a test file).</source>
        <translation>Gewicht: etwa Gewicht × Zeilen Trainingsbeispiele (unter 1 bleibt eine Teilmenge, über 1 werden Zeilen mit anderen Vorlagen wiederholt). Aufteilung: eine feste Aufteilung schickt jede Zeile dorthin (z. B. eine Testdatei).</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="57" />
        <source>Templates (a task takes all of its paraphrases)</source>
        <translation>Vorlagen (eine Aufgabe nimmt alle ihre Umschreibungen)</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="82" />
        <source>Split train / validation / test:</source>
        <translation>Aufteilung Training / Validierung / Test:</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="86" />
        <source>The same seed gives the same split and template choice for every row.</source>
        <translation>Derselbe Seed ergibt für jede Zeile dieselbe Aufteilung und Vorlagenwahl.</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="87" />
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="90" />
        <source>no cap</source>
        <translation>keine Obergrenze</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="91" />
        <source>Examples-proportional mixing: at most this many training rows per dataset.</source>
        <translation>Beispielproportionales Mischen: höchstens so viele Trainingszeilen pro Datensatz.</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="92" />
        <source>Rows per dataset (cap):</source>
        <translation>Zeilen pro Datensatz (Obergrenze):</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="95" />
        <source>Counts tokens with this model's tokenizer (for the limit and the histogram).</source>
        <translation>Zählt Tokens mit dem Tokenizer dieses Modells (für die Grenze und das Histogramm).</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="96" />
        <source>Tokenizer:</source>
        <translation>Tokenizer:</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="99" />
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="100" />
        <source>Examples longer than this (prompt + completion tokens) are dropped.</source>
        <translation>Längere Beispiele (Prompt- plus Completion-Tokens) werden verworfen.</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="101" />
        <source>Max tokens:</source>
        <translation>Max. Tokens:</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="102" />
        <source>Remove exact duplicates</source>
        <translation>Exakte Duplikate entfernen</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="107" />
        <source>e.g. dialogsum-flan</source>
        <translation>z. B. dialogsum-flan</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="108" />
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="109" />
        <source>Replace a set of the same name</source>
        <translation>Einen gleichnamigen Datensatz ersetzen</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="112" />
        <source>&amp;Build instruction set</source>
        <translation>Instruktionsdatensatz &amp;bauen</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="114" />
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="130" />
        <source>&lt;b&gt;Instruction sets in the workspace&lt;/b&gt;</source>
        <translation>&lt;b&gt;Instruktionsdatensätze im Arbeitsbereich&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="206" />
        <source>by ratio</source>
        <translation>nach Verhältnis</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="207" />
        <source>all train</source>
        <translation>alles Training</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="208" />
        <source>all validation</source>
        <translation>alles Validierung</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="209" />
        <source>all test</source>
        <translation>alles Test</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="217" />
        <source>(none: no token counts)</source>
        <translation>(keiner: keine Tokenzählung)</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="227" />
        <source>%1 — train %2 · validation %3 · test %4</source>
        <translation>%1 — Training %2 · Validierung %3 · Test %4</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="233" />
        <source>Build an instruction set to see its token lengths</source>
        <translation>Bauen Sie einen Instruktionsdatensatz, um seine Tokenlängen zu sehen</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="276" />
        <source>Give the instruction set a name.</source>
        <translation>Geben Sie dem Instruktionsdatensatz einen Namen.</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="277" />
        <source>Tick at least one dataset.</source>
        <translation>Wählen Sie mindestens einen Datensatz.</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="278" />
        <source>Tick at least one template or task.</source>
        <translation>Wählen Sie mindestens eine Vorlage oder Aufgabe.</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="294" />
        <source>Building…</source>
        <translation>Baue…</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="296" />
        <source>Rendering %1: %2 rows</source>
        <translation>Rendere %1: %2 Zeilen</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="302" />
        <source>Built “%1”: %2 train, %3 validation, %4 test examples in %5 s.</source>
        <translation>„%1“ gebaut: %2 Trainings-, %3 Validierungs-, %4 Testbeispiele in %5 s.</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="325" />
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 train · %3 validation · %4 test</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: %2 Training · %3 Validierung · %4 Test</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="326" />
        <source>duplicates removed: %1</source>
        <translation>entfernte Duplikate: %1</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="327" />
        <source>seed %1</source>
        <translation>Seed %1</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="333" />
        <source>Choose a tokenizer to see the token lengths</source>
        <translation>Wählen Sie einen Tokenizer, um die Tokenlängen zu sehen</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="347" />
        <source>Counting tokens…</source>
        <translation>Zähle Tokens…</translation>
    </message>
    <message>
        <location filename="../ui/templates/InstructionSetBuilder.cpp" line="369" />
        <source>tokens per example (prompt + completion)</source>
        <translation>Tokens pro Beispiel (Prompt + Completion)</translation>
    </message>
</context>
<context>
    <name>tb::ui::LossPlot</name>
    <message>
        <location filename="../ui/plots/LossPlot.cpp" line="16" />
        <source>training loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <location filename="../ui/plots/LossPlot.cpp" line="19" />
        <source>training loss (smoothed)</source>
        <translation>Trainingsverlust (geglättet)</translation>
    </message>
    <message>
        <location filename="../ui/plots/LossPlot.cpp" line="22" />
        <source>validation loss</source>
        <translation>Validierungsverlust</translation>
    </message>
    <message>
        <location filename="../ui/plots/LossPlot.cpp" line="26" />
        <location filename="../ui/plots/LossPlot.cpp" line="31" />
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location filename="../ui/plots/LossPlot.cpp" line="28" />
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../ui/plots/LossPlot.cpp" line="29" />
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
</context>
<context>
    <name>tb::ui::MainWindow</name>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="70" />
        <source>Home</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="71" />
        <source>Datasets</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="72" />
        <source>Templates</source>
        <translation>Vorlagen</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="73" />
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="74" />
        <location filename="../ui/app/MainWindow.cpp" line="193" />
        <source>Train</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="75" />
        <location filename="../ui/app/MainWindow.cpp" line="194" />
        <source>Evaluate</source>
        <translation>Evaluation</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="76" />
        <location filename="../ui/app/MainWindow.cpp" line="195" />
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="77" />
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="102" />
        <source>A new workspace was created. Start by importing a dataset.</source>
        <translation>Ein neuer Arbeitsbereich wurde angelegt. Beginnen Sie mit dem Import eines Datensatzes.</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="102" />
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="126" />
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="127" />
        <source>&amp;New Workspace…</source>
        <translation>&amp;Neuer Arbeitsbereich…</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="129" />
        <source>&amp;Open Workspace…</source>
        <translation>Arbeitsbereich ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="132" />
        <source>&amp;Import Dataset…</source>
        <translation>Datensatz &amp;importieren…</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="136" />
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="137" />
        <source>&amp;Export Dataset…</source>
        <translation>Datensatz &amp;exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="141" />
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="142" />
        <source>Add &amp;Model Folder…</source>
        <translation>&amp;Modellordner hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="146" />
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="147" />
        <source>&amp;Download Model…</source>
        <translation>Modell herunter&amp;laden…</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="152" />
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="155" />
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="157" />
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="161" />
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="162" />
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="164" />
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="169" />
        <source>&amp;Find in Dataset</source>
        <translation>Im Datensatz &amp;suchen</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="175" />
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="181" />
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="182" />
        <source>&amp;About Tunebench</source>
        <translation>Über &amp;Tunebench</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="183" />
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="185" />
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="203" />
        <source>Tunebench — %1</source>
        <translation>Tunebench — %1</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="213" />
        <source>Opened workspace %1</source>
        <translation>Arbeitsbereich %1 geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="216" />
        <source>Cannot open workspace</source>
        <translation>Arbeitsbereich kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="217" />
        <source>%1 could not be opened as a workspace:

%2

The file was left untouched; choose another file.</source>
        <translation>%1 konnte nicht als Arbeitsbereich geöffnet werden:

%2

Die Datei wurde nicht verändert; wählen Sie eine andere Datei.</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="224" />
        <source>Open workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="225" />
        <source>Tunebench workspace (*.tunebench);;All files (*)</source>
        <translation>Tunebench-Arbeitsbereich (*.tunebench);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="230" />
        <location filename="../ui/app/MainWindow.cpp" line="235" />
        <source>New workspace</source>
        <translation>Neuer Arbeitsbereich</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="231" />
        <source>Tunebench workspace (*.tunebench)</source>
        <translation>Tunebench-Arbeitsbereich (*.tunebench)</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="235" />
        <source>%1 already exists; use Open Workspace to open it.</source>
        <translation>%1 existiert bereits; öffnen Sie es mit „Arbeitsbereich öffnen“.</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="246" />
        <source>The new language takes effect when Tunebench starts again.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start von Tunebench.</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="263" />
        <source>About Tunebench</source>
        <translation>Über Tunebench</translation>
    </message>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="264" />
        <source>&lt;h3&gt;Tunebench %1&lt;/h3&gt;&lt;p&gt;A native workbench for fine-tuning language models.&lt;/p&gt;&lt;pre&gt;%2&lt;/pre&gt;</source>
        <translation>&lt;h3&gt;Tunebench %1&lt;/h3&gt;&lt;p&gt;Eine native Werkbank zum Feinabstimmen von Sprachmodellen.&lt;/p&gt;&lt;pre&gt;%2&lt;/pre&gt;</translation>
    </message>
</context>
<context>
    <name>tb::ui::ModelPicker</name>
    <message>
        <location filename="../ui/widgets/ModelPicker.cpp" line="24" />
        <source>%1 (base)</source>
        <translation>%1 (Basis)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/ModelPicker.cpp" line="31" />
        <source>%1 + run #%2 (%3)</source>
        <translation>%1 + Lauf #%2 (%3)</translation>
    </message>
</context>
<context>
    <name>tb::ui::ModelsPage</name>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="55" />
        <source>&lt;b&gt;Models in this workspace&lt;/b&gt;</source>
        <translation>&lt;b&gt;Modelle in diesem Arbeitsbereich&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="59" />
        <source>Add model folder…</source>
        <translation>Modellordner hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="60" />
        <source>Remove from workspace</source>
        <translation>Aus dem Arbeitsbereich entfernen</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="61" />
        <source>Forgets the model; its folder on disk is left alone.</source>
        <translation>Vergisst das Modell; sein Ordner auf dem Datenträger bleibt unberührt.</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="78" />
        <source>Download from the Hugging Face Hub</source>
        <translation>Vom Hugging Face Hub herunterladen</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="83" />
        <source>Model id:</source>
        <translation>Modell-ID:</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="85" />
        <source>Revision:</source>
        <translation>Revision:</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="88" />
        <source>(a folder beside the workspace, named after the model)</source>
        <translation>(ein Ordner neben dem Arbeitsbereich, nach dem Modell benannt)</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="89" />
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="92" />
        <source>Save to:</source>
        <translation>Speichern in:</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="95" />
        <source>only for gated or private models</source>
        <translation>nur für geschützte oder private Modelle</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="96" />
        <source>Access token:</source>
        <translation>Zugriffstoken:</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="98" />
        <source>The Hub or a mirror that serves the same endpoints.</source>
        <translation>Der Hub oder ein Spiegel mit denselben Endpunkten.</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="99" />
        <source>Hub address:</source>
        <translation>Hub-Adresse:</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="101" />
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="103" />
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="105" />
        <source>Stops the download; what arrived is kept and the next Download resumes it.</source>
        <translation>Stoppt den Download; das Empfangene bleibt erhalten und der nächste Download setzt fort.</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="130" />
        <source>Download into</source>
        <translation>Herunterladen nach</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="150" />
        <source>%1
%2 · %3 parameters</source>
        <translation>%1
%2 · %3 Parameter</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="165" />
        <source>&lt;p&gt;No model yet.&lt;/p&gt;&lt;p&gt;Add a Hugging Face model folder (config.json, model.safetensors and tokenizer files), or download one from the Hub below.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Noch kein Modell.&lt;/p&gt;&lt;p&gt;Fügen Sie einen Hugging-Face-Modellordner hinzu (config.json, model.safetensors und Tokenizer-Dateien) oder laden Sie unten eines vom Hub herunter.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="176" />
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="177" />
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="178" />
        <source>Model type</source>
        <translation>Modelltyp</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="179" />
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="179" />
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="180" />
        <source>Weights dtype</source>
        <translation>Datentyp der Gewichte</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="181" />
        <source>Size on disk</source>
        <translation>Größe auf dem Datenträger</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="182" />
        <source>Tokenizer</source>
        <translation>Tokenizer</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="182" />
        <source>none found</source>
        <translation>keiner gefunden</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="183" />
        <source>Vocabulary</source>
        <translation>Vokabular</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="184" />
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="185" />
        <source>Hidden size</source>
        <translation>Verborgene Größe</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="186" />
        <source>Context length</source>
        <translation>Kontextlänge</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="187" />
        <source>Supported</source>
        <translation>Unterstützt</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="187" />
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="187" />
        <source>no — Tunebench cannot run this architecture yet</source>
        <translation>nein — Tunebench kann diese Architektur noch nicht ausführen</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="190" />
        <source>Weight files</source>
        <translation>Gewichtsdateien</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="217" />
        <source>Added model %1</source>
        <translation>Modell %1 hinzugefügt</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="222" />
        <source>Add a Hugging Face model folder</source>
        <translation>Einen Hugging-Face-Modellordner hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="226" />
        <source>Not a model folder</source>
        <translation>Kein Modellordner</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="227" />
        <source>%1 cannot be used as a model:

%2

Pick the folder that holds config.json and model.safetensors.</source>
        <translation>%1 kann nicht als Modell verwendet werden:

%2

Wählen Sie den Ordner, der config.json und model.safetensors enthält.</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="261" />
        <source>Downloading %1 into %2</source>
        <translation>Lade %1 nach %2 herunter</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="266" />
        <source>%1: %2 of %3 — all files: %4 of %5</source>
        <translation>%1: %2 von %3 — alle Dateien: %4 von %5</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsPage.cpp" line="267" />
        <source>?</source>
        <translation>?</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/models/ModelsPage.cpp" line="275" />
        <source>Done: %n file(s), %1 checked against the Hub's checksums.</source>
        <translation><numerusform>Fertig: %n Datei, %1 gegen die Prüfsummen des Hubs geprüft.</numerusform><numerusform>Fertig: %n Dateien, %1 gegen die Prüfsummen des Hubs geprüft.</numerusform></translation>
    </message>
</context>
<context>
    <name>tb::ui::RunsPage</name>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="50" />
        <location filename="../ui/runs/RunsPage.cpp" line="79" />
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="50" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="50" />
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="50" />
        <location filename="../ui/runs/RunsPage.cpp" line="79" />
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="50" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="50" />
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="50" />
        <source>Final loss</source>
        <translation>Endverlust</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="51" />
        <location filename="../ui/runs/RunsPage.cpp" line="79" />
        <source>Best validation loss</source>
        <translation>Bester Validierungsverlust</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="51" />
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="57" />
        <source>Select several runs (Ctrl+click) to overlay their curves and compare their configs.</source>
        <translation>Mehrere Läufe auswählen (Strg+Klick), um ihre Kurven zu überlagern und ihre Konfigurationen zu vergleichen.</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="61" />
        <source>Loss curves</source>
        <translation>Verlustkurven</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="64" />
        <source>Only the settings that differ</source>
        <translation>Nur die abweichenden Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="72" />
        <source>Config diff</source>
        <translation>Konfigurationsvergleich</translation>
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
        <translation>Trainierbare Parameter</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="85" />
        <source>LoRA rank sweep</source>
        <translation>LoRA-Rang-Vergleich</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="90" />
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="168" />
        <source>#%1 %2 train (smoothed)</source>
        <translation>#%1 %2 Training (geglättet)</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="169" />
        <source>#%1 validation</source>
        <translation>#%1 Validierung</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="176" />
        <location filename="../ui/runs/RunsPage.cpp" line="188" />
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="176" />
        <source>Run #%1</source>
        <translation>Lauf #%1</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="188" />
        <source>Run A</source>
        <translation>Lauf A</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="188" />
        <source>Run B</source>
        <translation>Lauf B</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="192" />
        <source>&lt;h3&gt;Run #%1 %2&lt;/h3&gt;&lt;p&gt;Status: %3 · created %4 · started %5 · finished %6&lt;/p&gt;&lt;p&gt;Output: %7&lt;br&gt;Adapter: %8&lt;/p&gt;&lt;p&gt;Final metrics: &lt;code&gt;%9&lt;/code&gt;&lt;/p&gt;&lt;pre&gt;%10&lt;/pre&gt;</source>
        <translation>&lt;h3&gt;Lauf #%1 %2&lt;/h3&gt;&lt;p&gt;Status: %3 · erstellt %4 · gestartet %5 · beendet %6&lt;/p&gt;&lt;p&gt;Ausgabe: %7&lt;br&gt;Adapter: %8&lt;/p&gt;&lt;p&gt;Endmetriken: &lt;code&gt;%9&lt;/code&gt;&lt;/p&gt;&lt;pre&gt;%10&lt;/pre&gt;</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="200" />
        <source>No run selected. Runs appear here when you train on the Train page or with `tunebench train`.</source>
        <translation>Kein Lauf ausgewählt. Läufe erscheinen hier, wenn Sie auf der Trainingsseite oder mit `tunebench train` trainieren.</translation>
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
        <translation>nicht evaluiert</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="251" />
        <source>Train LoRA runs with different ranks on the same data to see the sweep here.</source>
        <translation>Trainieren Sie LoRA-Läufe mit verschiedenen Rängen auf denselben Daten, um den Vergleich hier zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="257" />
        <source>best validation loss</source>
        <translation>bester Validierungsverlust</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="267" />
        <location filename="../ui/runs/RunsPage.cpp" line="276" />
        <source>trainable parameters</source>
        <translation>trainierbare Parameter</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="273" />
        <source>LoRA rank</source>
        <translation>LoRA-Rang</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="274" />
        <source>validation loss / ROUGE-L</source>
        <translation>Validierungsverlust / ROUGE-L</translation>
    </message>
</context>
<context>
    <name>tb::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/app/SettingsDialog.cpp" line="17" />
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <location filename="../ui/app/SettingsDialog.cpp" line="24" />
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/app/SettingsDialog.cpp" line="29" />
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <location filename="../ui/app/SettingsDialog.cpp" line="30" />
        <source>A new language takes effect the next time Tunebench starts.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von Tunebench.</translation>
    </message>
    <message>
        <location filename="../ui/app/SettingsDialog.cpp" line="36" />
        <source>The SQLite file that holds your datasets, models, runs and evaluations.</source>
        <translation>Die SQLite-Datei mit Ihren Datensätzen, Modellen, Läufen und Evaluationen.</translation>
    </message>
    <message>
        <location filename="../ui/app/SettingsDialog.cpp" line="37" />
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/app/SettingsDialog.cpp" line="39" />
        <source>Workspace file</source>
        <translation>Arbeitsbereichsdatei</translation>
    </message>
    <message>
        <location filename="../ui/app/SettingsDialog.cpp" line="40" />
        <source>Tunebench workspace (*.tunebench);;All files (*)</source>
        <translation>Tunebench-Arbeitsbereich (*.tunebench);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/app/SettingsDialog.cpp" line="46" />
        <source>&amp;Workspace:</source>
        <translation>&amp;Arbeitsbereich:</translation>
    </message>
</context>
<context>
    <name>tb::ui::TemplateEditor</name>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="57" />
        <source>&lt;b&gt;Template library&lt;/b&gt;</source>
        <translation>&lt;b&gt;Vorlagenbibliothek&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="62" />
        <source>New template</source>
        <translation>Neue Vorlage</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="63" />
        <source>Open file…</source>
        <translation>Datei öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="75" />
        <source>Prompt + completion with {field} placeholders (FLAN)</source>
        <translation>Prompt + Completion mit {feld}-Platzhaltern (FLAN)</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="76" />
        <source>One Jinja text, prompt ||| completion (promptsource)</source>
        <translation>Ein Jinja-Text, Prompt ||| Completion (promptsource)</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="77" />
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="78" />
        <source>Task:</source>
        <translation>Aufgabe:</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="79" />
        <source>Kind:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="88" />
        <source>Prompt:</source>
        <translation>Prompt:</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="90" />
        <source>Completion:</source>
        <translation>Completion:</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="93" />
        <source>{{ dialogue }}
Summarise the dialogue above.
|||
{{ summary }}</source>
        <translation>{{ dialogue }}
Fasse den Dialog oben zusammen.
|||
{{ summary }}</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="105" />
        <source>Save as file…</source>
        <translation>Als Datei speichern…</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="106" />
        <source>Writes the template as JSON; the instruction-set builder and `tunebench build --templates FILE` read it.</source>
        <translation>Schreibt die Vorlage als JSON; der Instruktions-Builder und `tunebench build --templates DATEI` lesen sie.</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="117" />
        <source>row </source>
        <translation>Zeile </translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="119" />
        <source>Preview on</source>
        <translation>Vorschau auf</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="123" />
        <source>Fields (double-click to insert)</source>
        <translation>Felder (Doppelklick zum Einfügen)</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="137" />
        <source>&lt;b&gt;Rendered prompt&lt;/b&gt;</source>
        <translation>&lt;b&gt;Gerenderter Prompt&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="139" />
        <source>&lt;b&gt;Rendered completion&lt;/b&gt;</source>
        <translation>&lt;b&gt;Gerenderte Completion&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="209" />
        <source>The built-in library could not be read: %1</source>
        <translation>Die eingebaute Bibliothek konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="211" />
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="234" />
        <source>(import a dataset to preview)</source>
        <translation>(Datensatz importieren für eine Vorschau)</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="308" />
        <source>Reads: %1</source>
        <translation>Liest: %1</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="308" />
        <source>(no fields)</source>
        <translation>(keine Felder)</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="316" />
        <source>Import a dataset to see the template rendered on a row.</source>
        <translation>Importieren Sie einen Datensatz, um die Vorlage auf einer Zeile gerendert zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="325" />
        <source>Renders without errors.</source>
        <translation>Rendert ohne Fehler.</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="338" />
        <location filename="../ui/templates/TemplateEditor.cpp" line="344" />
        <source>Save template</source>
        <translation>Vorlage speichern</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="339" />
        <location filename="../ui/templates/TemplateEditor.cpp" line="350" />
        <source>Template (*.json)</source>
        <translation>Vorlage (*.json)</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="344" />
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="346" />
        <source>Saved template to %1</source>
        <translation>Vorlage in %1 gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplateEditor.cpp" line="350" />
        <location filename="../ui/templates/TemplateEditor.cpp" line="355" />
        <source>Open template</source>
        <translation>Vorlage öffnen</translation>
    </message>
</context>
<context>
    <name>tb::ui::TemplatesPage</name>
    <message>
        <location filename="../ui/templates/TemplatesPage.cpp" line="16" />
        <source>Library and editor</source>
        <translation>Bibliothek und Editor</translation>
    </message>
    <message>
        <location filename="../ui/templates/TemplatesPage.cpp" line="17" />
        <source>Instruction-set builder</source>
        <translation>Instruktions-Builder</translation>
    </message>
</context>
<context>
    <name>tb::ui::TrainConfigForm</name>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="44" />
        <source>Model and data</source>
        <translation>Modell und Daten</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="46" />
        <source>The base model (add folders on the Models page).</source>
        <translation>Das Basismodell (Ordner auf der Modellseite hinzufügen).</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="48" />
        <source>The instruction set to train on: its train split for training, validation for the validation loss.</source>
        <translation>Der Instruktionsdatensatz zum Trainieren: sein Trainingsteil fürs Training, der Validierungsteil für den Validierungsverlust.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="50" />
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="51" />
        <source>Instruction set:</source>
        <translation>Instruktionsdatensatz:</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="54" />
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="56" />
        <source>Full: every weight. Selective: chosen layers. LoRA: low-rank adapters on chosen projections. Prompt tuning: learned virtual tokens. IA3: learned rescaling vectors.</source>
        <translation>Vollständig: jedes Gewicht. Selektiv: gewählte Schichten. LoRA: Niedrigrang-Adapter auf gewählten Projektionen. Prompt-Tuning: gelernte virtuelle Tokens. IA3: gelernte Skalierungsvektoren.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="59" />
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="60" />
        <source>Full fine-tuning</source>
        <translation>Vollständiges Feinabstimmen</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="61" />
        <source>Selective (layer range)</source>
        <translation>Selektiv (Schichtbereich)</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="62" />
        <source>Prompt tuning</source>
        <translation>Prompt-Tuning</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="63" />
        <source>IA3</source>
        <translation>IA3</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="70" />
        <source>r: the rank of the update B·A. Higher ranks can fit more but train more parameters; 4–32 is typical. Type any value.</source>
        <translation>r: der Rang der Aktualisierung B·A. Höhere Ränge passen mehr an, trainieren aber mehr Parameter; 4–32 ist üblich. Jeder Wert ist erlaubt.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="76" />
        <source>lora_alpha: the update is scaled by alpha / r (alpha / √r with rsLoRA). Often 2 × r.</source>
        <translation>lora_alpha: die Aktualisierung wird mit alpha / r skaliert (alpha / √r mit rsLoRA). Oft 2 × r.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="79" />
        <source>lora_dropout: dropout on the adapter's input during training.</source>
        <translation>lora_dropout: Dropout auf der Eingabe des Adapters während des Trainings.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="83" />
        <source>rank-stabilised scaling (rsLoRA)</source>
        <translation>rangstabilisierte Skalierung (rsLoRA)</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="83" />
        <source>Scale by alpha / √r instead of alpha / r.</source>
        <translation>Mit alpha / √r statt alpha / r skalieren.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="84" />
        <source>target_modules: the projections that get an adapter, by the model's own module names.</source>
        <translation>target_modules: die Projektionen, die einen Adapter bekommen, nach den eigenen Modulnamen des Modells.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="87" />
        <source>Rank:</source>
        <translation>Rang:</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="88" />
        <source>Alpha:</source>
        <translation>Alpha:</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="89" />
        <source>Dropout:</source>
        <translation>Dropout:</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="91" />
        <location filename="../ui/training/TrainConfigForm.cpp" line="138" />
        <source>Target modules:</source>
        <translation>Zielmodule:</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="95" />
        <source>Every parameter is trained; the output is a full model folder.</source>
        <translation>Jeder Parameter wird trainiert; das Ergebnis ist ein vollständiger Modellordner.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="103" />
        <source>The first transformer layer to train (0-based).</source>
        <translation>Die erste zu trainierende Transformer-Schicht (ab 0).</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="104" />
        <source>The last transformer layer to train (inclusive).</source>
        <translation>Die letzte zu trainierende Transformer-Schicht (einschließlich).</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="105" />
        <source>also train the normalisation layers</source>
        <translation>auch die Normalisierungsschichten trainieren</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="105" />
        <source>Adds every norm weight to the trained set.</source>
        <translation>Fügt jedes Norm-Gewicht der trainierten Menge hinzu.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="106" />
        <source>biases only (BitFit)</source>
        <translation>nur Biases (BitFit)</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="106" />
        <source>Train only the bias terms in the chosen layers.</source>
        <translation>Nur die Bias-Terme in den gewählten Schichten trainieren.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="111" />
        <source>Layers:</source>
        <translation>Schichten:</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="120" />
        <source>num_virtual_tokens: how many learned embeddings are prepended to every input.</source>
        <translation>num_virtual_tokens: wie viele gelernte Einbettungen jeder Eingabe vorangestellt werden.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="123" />
        <source>Random: small random embeddings. Text: start from the embeddings of a text's tokens.</source>
        <translation>Zufällig: kleine zufällige Einbettungen. Text: mit den Einbettungen der Tokens eines Textes beginnen.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="124" />
        <source>Random</source>
        <translation>Zufällig</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="125" />
        <source>From text</source>
        <translation>Aus Text</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="126" />
        <source>Summarize the following conversation.</source>
        <translation>Fasse das folgende Gespräch zusammen.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="126" />
        <source>prompt_tuning_init_text: the text whose token embeddings start the soft prompt.</source>
        <translation>prompt_tuning_init_text: der Text, dessen Token-Einbettungen den Soft-Prompt beginnen.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="127" />
        <source>Virtual tokens:</source>
        <translation>Virtuelle Tokens:</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="128" />
        <source>Initialise:</source>
        <translation>Initialisieren:</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="129" />
        <source>Init text:</source>
        <translation>Starttext:</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="136" />
        <source>The projections whose outputs (or, for feed-forward ones, inputs) get a learned scale.</source>
        <translation>Die Projektionen, deren Ausgaben (bei Feed-Forward-Projektionen die Eingaben) eine gelernte Skalierung bekommen.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="144" />
        <source>Hyperparameters</source>
        <translation>Hyperparameter</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="146" />
        <source>Passes over the training split (ignored when max steps is set).</source>
        <translation>Durchläufe über den Trainingsteil (ignoriert, wenn Max. Schritte gesetzt ist).</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="148" />
        <source>Stop after this many optimiser steps; 0 = train for the epochs.</source>
        <translation>Nach so vielen Optimierungsschritten anhalten; 0 = nach Epochen trainieren.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="151" />
        <source>by epochs</source>
        <translation>nach Epochen</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="152" />
        <source>Peak learning rate of AdamW. LoRA: 1e-4 to 1e-3; full fine-tuning: 1e-5 to 5e-5.</source>
        <translation>Spitzen-Lernrate von AdamW. LoRA: 1e-4 bis 1e-3; vollständiges Feinabstimmen: 1e-5 bis 5e-5.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="157" />
        <source>How the learning rate changes after warm-up: constant, linear decay to 0, or cosine decay.</source>
        <translation>Wie sich die Lernrate nach dem Aufwärmen ändert: konstant, linear auf 0 oder Kosinus-Abfall.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="158" />
        <source>linear</source>
        <translation>linear</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="159" />
        <source>cosine</source>
        <translation>Kosinus</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="160" />
        <source>constant</source>
        <translation>konstant</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="161" />
        <source>Fraction of the steps over which the learning rate rises from 0.</source>
        <translation>Anteil der Schritte, über den die Lernrate von 0 ansteigt.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="165" />
        <source>Examples per micro-batch. Memory grows with batch × sequence length.</source>
        <translation>Beispiele pro Mikro-Batch. Der Speicher wächst mit Batch × Sequenzlänge.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="169" />
        <source>Micro-batches per optimiser step: the effective batch is batch × accumulation.</source>
        <translation>Mikro-Batches pro Optimierungsschritt: der effektive Batch ist Batch × Akkumulation.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="171" />
        <source>Longer examples are cut to this many tokens.</source>
        <translation>Längere Beispiele werden auf so viele Tokens gekürzt.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="174" />
        <source>AdamW weight decay (never applied to biases and norms).</source>
        <translation>AdamW-Gewichtsabnahme (nie auf Biases und Normen angewandt).</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="177" />
        <source>Clip the global gradient norm to this value; 0 = no clipping.</source>
        <translation>Die globale Gradientennorm auf diesen Wert begrenzen; 0 = keine Begrenzung.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="180" />
        <source>Compute the validation loss every N optimiser steps; 0 = only at the end.</source>
        <translation>Den Validierungsverlust alle N Optimierungsschritte berechnen; 0 = nur am Ende.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="183" />
        <source>Save a checkpoint every N steps (resume continues from it); 0 = at the end and on stop.</source>
        <translation>Alle N Schritte einen Checkpoint speichern (Fortsetzen beginnt dort); 0 = am Ende und beim Stoppen.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="185" />
        <source>Early stopping: stop after this many evaluations without improvement; 0 = off.</source>
        <translation>Frühes Stoppen: nach so vielen Evaluationen ohne Verbesserung anhalten; 0 = aus.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="187" />
        <source>Seeds initialisation, dropout and data order; the same seed on the CPU repeats a run step for step.</source>
        <translation>Bestimmt Initialisierung, Dropout und Datenreihenfolge; derselbe Seed auf der CPU wiederholt einen Lauf Schritt für Schritt.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="190" />
        <source>also learn the prompt tokens</source>
        <translation>auch die Prompt-Tokens lernen</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="190" />
        <source>By default only the completion tokens count in the loss.</source>
        <translation>Standardmäßig zählen nur die Completion-Tokens im Verlust.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="191" />
        <source>Epochs:</source>
        <translation>Epochen:</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="192" />
        <source>Max steps:</source>
        <translation>Max. Schritte:</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="193" />
        <source>Learning rate:</source>
        <translation>Lernrate:</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="194" />
        <source>Schedule:</source>
        <translation>Verlauf:</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="195" />
        <source>Warm-up ratio:</source>
        <translation>Aufwärmanteil:</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="196" />
        <source>Batch size:</source>
        <translation>Batchgröße:</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="197" />
        <source>Gradient accumulation:</source>
        <translation>Gradientenakkumulation:</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="198" />
        <source>Max sequence length:</source>
        <translation>Max. Sequenzlänge:</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="199" />
        <source>Weight decay:</source>
        <translation>Gewichtsabnahme:</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="200" />
        <source>Clip gradient norm:</source>
        <translation>Gradientennorm begrenzen:</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="201" />
        <source>Evaluate every:</source>
        <translation>Evaluieren alle:</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="202" />
        <source>Checkpoint every:</source>
        <translation>Checkpoint alle:</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="203" />
        <source>Early-stopping patience:</source>
        <translation>Geduld für frühes Stoppen:</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="204" />
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="208" />
        <source>Device and precision</source>
        <translation>Gerät und Genauigkeit</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="210" />
        <source>Auto uses the GPU when this build has CUDA and one is present, else the CPU.</source>
        <translation>Auto nutzt die GPU, wenn dieser Build CUDA hat und eine vorhanden ist, sonst die CPU.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="211" />
        <source>auto</source>
        <translation>auto</translation>
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
        <translation>fp32 überall; bf16-Autocast auf CUDA oder auf CPUs mit AVX512-BF16 oder AMX (dort etwa 1,6-mal schneller); fp16 mit Loss-Scaling braucht CUDA.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="218" />
        <source>gradient checkpointing</source>
        <translation>Gradient-Checkpointing</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="218" />
        <source>Recompute each layer&apos;s activations in the backward pass: far less memory, about a third slower.</source>
        <translation>Aktivierungen jeder Schicht im Rückwärtsdurchlauf neu berechnen: weit weniger Speicher, etwa ein Drittel langsamer.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="219" />
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="220" />
        <source>Precision:</source>
        <translation>Genauigkeit:</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="229" />
        <source>Point at a field to see what it does.</source>
        <translation>Zeigen Sie auf ein Feld, um zu sehen, was es bewirkt.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="264" />
        <source>(add a model on the Models page)</source>
        <translation>(Modell auf der Modellseite hinzufügen)</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="271" />
        <source>%1 (%2 train)</source>
        <translation>%1 (%2 Training)</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="272" />
        <source>(build one on the Templates page)</source>
        <translation>(einen auf der Vorlagenseite bauen)</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="377" />
        <source>Add a model on the Models page first.</source>
        <translation>Fügen Sie zuerst auf der Modellseite ein Modell hinzu.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="378" />
        <source>Build an instruction set on the Templates page first.</source>
        <translation>Bauen Sie zuerst auf der Vorlagenseite einen Instruktionsdatensatz.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="380" />
        <source>Tick at least one target module.</source>
        <translation>Wählen Sie mindestens ein Zielmodul.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="387" />
        <source>Choose a model to see how many parameters this method trains.</source>
        <translation>Wählen Sie ein Modell, um zu sehen, wie viele Parameter diese Methode trainiert.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainConfigForm.cpp" line="393" />
        <source>&lt;b&gt;Trainable parameters: %1 of %2 (%3%)&lt;/b&gt;&lt;br&gt;Estimated memory: about %4. The time estimate is measured when the run starts.</source>
        <translation>&lt;b&gt;Trainierbare Parameter: %1 von %2 (%3 %)&lt;/b&gt;&lt;br&gt;Geschätzter Speicher: etwa %4. Die Zeitschätzung wird beim Start des Laufs gemessen.</translation>
    </message>
</context>
<context>
    <name>tb::ui::TrainPage</name>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="49" />
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="51" />
        <location filename="../ui/training/TrainPage.cpp" line="109" />
        <location filename="../ui/training/TrainPage.cpp" line="206" />
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="53" />
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="55" />
        <source>Stops after the current step and keeps a checkpoint; the run can be resumed.</source>
        <translation>Stoppt nach dem aktuellen Schritt und behält einen Checkpoint; der Lauf kann fortgesetzt werden.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="68" />
        <source>step %v of %m</source>
        <translation>Schritt %v von %m</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="91" />
        <location filename="../ui/training/TrainPage.cpp" line="105" />
        <source>Start training with these settings</source>
        <translation>Training mit diesen Einstellungen starten</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="121" />
        <source>Cannot start</source>
        <translation>Start nicht möglich</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="133" />
        <location filename="../ui/training/TrainPage.cpp" line="150" />
        <location filename="../ui/training/TrainPage.cpp" line="163" />
        <location filename="../ui/training/TrainPage.cpp" line="169" />
        <location filename="../ui/training/TrainPage.cpp" line="208" />
        <location filename="../ui/training/TrainPage.cpp" line="217" />
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="133" />
        <source>Starting: %1</source>
        <translation>Starte: %1</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="137" />
        <source>run #%1</source>
        <translation>Lauf #%1</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="139" />
        <source>Run #%1 prepared: %2 of %3 parameters trainable (%4%)</source>
        <translation>Lauf #%1 vorbereitet: %2 von %3 Parametern trainierbar (%4 %)</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="146" />
        <source>; estimated peak memory %1, about %2 per epoch (measured %3 GFLOP/s)</source>
        <translation>; geschätzter Spitzenspeicher %1, etwa %2 pro Epoche (gemessen %3 GFLOP/s)</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="158" />
        <source>eval</source>
        <translation>Eval</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="158" />
        <source>step %1: validation loss %2, perplexity %3%4</source>
        <translation>Schritt %1: Validierungsverlust %2, Perplexität %3%4</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="160" />
        <source> (best so far)</source>
        <translation> (bisher bester)</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="163" />
        <source>checkpoint at step %1: %2</source>
        <translation>Checkpoint bei Schritt %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="169" />
        <source>Run #%1 %2 after %3 steps; final loss %4%5</source>
        <translation>Lauf #%1 %2 nach %3 Schritten; Endverlust %4%5</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="171" />
        <source>; saved to %1</source>
        <translation>; gespeichert in %1</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="173" />
        <source>Training run #%1 %2</source>
        <translation>Trainingslauf #%1 %2</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="179" />
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="193" />
        <source>epoch %1 · loss %2 · lr %3 · %4 tokens/s · elapsed %5 · ETA %6%7</source>
        <translation>Epoche %1 · Verlust %2 · LR %3 · %4 Tokens/s · vergangen %5 · Restzeit %6%7</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="199" />
        <source> · memory %1</source>
        <translation> · Speicher %1</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="206" />
        <source>&amp;Continue</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="208" />
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="208" />
        <source>Continuing</source>
        <translation>Setze fort</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="217" />
        <source>Stopping after the current step…</source>
        <translation>Stoppe nach dem aktuellen Schritt…</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="222" />
        <source>Training is running</source>
        <translation>Training läuft</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainPage.cpp" line="223" />
        <source>A training run is in progress. Stop it (a checkpoint is kept) and quit?</source>
        <translation>Ein Trainingslauf ist im Gange. Ihn stoppen (ein Checkpoint bleibt erhalten) und beenden?</translation>
    </message>
</context>
</TS>