// Precompiled header for the LibTorch components (tb_ml). Never include from a
// header that ui/ or app/ can see.
#pragma once
#include <torch/torch.h>
