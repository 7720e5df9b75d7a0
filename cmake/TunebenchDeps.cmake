# Third-party packages. All are Debian packages installed by scripts/install-deps.sh.
# Another LibTorch (>= 1.13, e.g. the official CUDA archive) is used when
# CMAKE_PREFIX_PATH or Torch_DIR points at it.
find_package(Qt6 6.2 REQUIRED COMPONENTS Core Sql Network Widgets Test PrintSupport LinguistTools)
find_package(Torch REQUIRED)
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
target_include_directories(tb_torch INTERFACE ${TORCH_INCLUDE_DIRS})
message(STATUS "Tunebench: LibTorch ${Torch_VERSION} from ${Torch_DIR}")
