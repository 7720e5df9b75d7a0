# Third-party packages. All are Debian packages installed by scripts/install-deps.sh.
# Another LibTorch (>= 1.13, e.g. the official CUDA archive) is used when
# CMAKE_PREFIX_PATH or Torch_DIR points at it, or a PyTorch wheel's with TUNEBENCH_TORCH_PYTHON_DIR.
find_package(Qt6 6.2 REQUIRED COMPONENTS Core Sql Network Widgets Test PrintSupport LinguistTools)
# TUNEBENCH_TORCH_PYTHON_DIR: build against the LibTorch inside an installed PyTorch (the
# site-packages/torch folder of a pip wheel, CUDA builds included) without its CMake package,
# which would want the CUDA toolkit and can resolve to another LibTorch on the system paths.
set(TUNEBENCH_TORCH_PYTHON_DIR "" CACHE PATH "site-packages/torch of a PyTorch install to build against")
if(TUNEBENCH_TORCH_PYTHON_DIR)
  set(_tp "${TUNEBENCH_TORCH_PYTHON_DIR}")
  if(NOT EXISTS "${_tp}/lib/libtorch_cpu.so" OR NOT EXISTS "${_tp}/include/torch/csrc/api/include/torch/torch.h")
    message(FATAL_ERROR "TUNEBENCH_TORCH_PYTHON_DIR=${_tp} holds no LibTorch (lib/libtorch_cpu.so, include/torch/...)")
  endif()
  set(TORCH_INCLUDE_DIRS "${_tp}/include" "${_tp}/include/torch/csrc/api/include")
  # The wheels' libtorch.so exports its own static copy of std::filesystem, which crashes when
  # called from here (seen: remove_all jumping to address 0). libstdc++ goes first among the
  # needed libraries so that the dynamic linker binds those symbols to it. Everything is linked
  # as needed-or-not, so that the CUDA hooks register even where nothing names a CUDA symbol.
  set(TORCH_LIBRARIES "-Wl,--push-state,--no-as-needed" "-lstdc++"
      "${_tp}/lib/libtorch.so" "${_tp}/lib/libtorch_cpu.so" "${_tp}/lib/libc10.so")
  if(EXISTS "${_tp}/lib/libtorch_cuda.so")
    list(APPEND TORCH_LIBRARIES "${_tp}/lib/libtorch_cuda.so" "${_tp}/lib/libc10_cuda.so")
    set(TUNEBENCH_TORCH_HAS_CUDA ON)
  endif()
  list(APPEND TORCH_LIBRARIES "-Wl,--pop-state")
  file(STRINGS "${_tp}/share/cmake/Torch/TorchConfig.cmake" _abi REGEX "_GLIBCXX_USE_CXX11_ABI=[01]")
  string(REGEX MATCH "_GLIBCXX_USE_CXX11_ABI=[01]" _abi "${_abi}")
  set(TORCH_CXX_FLAGS "")   # newer wheels use the compiler's default (C++11) ABI and name none
  if(_abi)
    set(TORCH_CXX_FLAGS "-D${_abi}")
    add_compile_options(${TORCH_CXX_FLAGS})
  endif()
  file(STRINGS "${_tp}/version.py" _ver REGEX "^__version__")
  string(REGEX MATCH "[0-9]+\\.[0-9]+\\.[0-9]+" Torch_VERSION "${_ver}")
  set(Torch_DIR "${_tp}")
  set(CMAKE_BUILD_RPATH "${_tp}/lib")
  # A CUDA wheel's libraries need NVIDIA's own wheels (cuBLAS, NVSHMEM, ...), which they find at
  # run time through their RUNPATH; the linker need not see them.
  add_link_options("-Wl,--allow-shlib-undefined")
else()
  find_package(Torch REQUIRED)
  if(TARGET c10_cuda)   # an official CUDA LibTorch archive
    list(APPEND TORCH_LIBRARIES c10_cuda)
    set(TUNEBENCH_TORCH_HAS_CUDA ON)
  endif()
endif()
find_package(nlohmann_json 3 REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(PCRE2 REQUIRED IMPORTED_TARGET libpcre2-8)
pkg_check_modules(SENTENCEPIECE REQUIRED IMPORTED_TARGET sentencepiece)
find_path(UTF8PROC_INCLUDE_DIR utf8proc.h REQUIRED)
find_library(UTF8PROC_LIBRARY utf8proc REQUIRED)
add_library(tb_utf8proc INTERFACE)
target_include_directories(tb_utf8proc INTERFACE ${UTF8PROC_INCLUDE_DIR})
target_link_libraries(tb_utf8proc INTERFACE ${UTF8PROC_LIBRARY})

# Torch's imported target carries flags (-D_GLIBCXX_USE_CXX11_ABI) that every TU
# linked with it must share; wrap it so we can link it PRIVATE and still keep the ABI define.
add_library(tb_torch INTERFACE)
target_link_libraries(tb_torch INTERFACE ${TORCH_LIBRARIES})
# at::parallel_for is inline: compiled without -fopenmp (no _OPENMP, so no INTRA_OP_PARALLEL in
# ATen/ParallelOpenMP.h) it runs every range on the calling thread. Our kernels split rows over
# LibTorch's threads through it, so everything that includes torch is built with OpenMP and
# linked to libgomp (a PyTorch wheel's own copy, found first through the run path, where it
# ships one).
find_package(OpenMP REQUIRED COMPONENTS CXX)
target_link_libraries(tb_torch INTERFACE OpenMP::OpenMP_CXX)
target_include_directories(tb_torch INTERFACE ${TORCH_INCLUDE_DIRS})
message(STATUS "Tunebench: LibTorch ${Torch_VERSION} from ${Torch_DIR}")
