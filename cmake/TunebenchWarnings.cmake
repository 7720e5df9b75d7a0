# Warnings for our own targets; -Werror when TUNEBENCH_WERROR is on (CI).
function(tunebench_warnings target)
  # -Wno-maybe-uninitialized: GCC 12 reports false positives inside nlohmann-json's iterators at -O2.
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wno-unused-parameter -Wno-maybe-uninitialized)
  if(TUNEBENCH_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# Qt's strictness macros, for every target that uses Qt.
function(tunebench_qt_strict target)
  target_compile_definitions(${target} PRIVATE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING QT_NO_FOREACH
    QT_NO_CAST_FROM_BYTEARRAY)
endfunction()
