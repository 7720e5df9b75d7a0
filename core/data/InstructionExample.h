#pragma once
// Why this exists: one rendered example of an instruction set, as the builder makes it, the
// workspace stores it (instruction_examples) and the exporters, trainer and evaluator read it.
#include <cstdint>
#include <string>
#include <vector>

namespace tb {

struct InstructionExample {
    std::string split;          // train, validation, test
    std::string dataset;        // source dataset name
    int64_t datasetId = 0;      // its workspace id (0 when not from the workspace)
    int64_t rowIdx = -1;        // row index in the dataset
    int copy = 0;               // > 0 for extra copies made by a mixture weight > 1
    std::string templateName;
    std::string prompt, completion;
    std::vector<std::string> references;   // every reference target; empty = just `completion`
    int64_t tokens = -1;        // prompt+completion tokens for the chosen tokenizer (-1: not counted)

    // The targets an evaluation scores against.
    std::vector<std::string> targets() const { return references.empty() ? std::vector<std::string>{completion} : references; }
};

} // namespace tb
