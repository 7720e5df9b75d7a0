# Fails when a file under ui/ or app/, or a header of core/workspace, core/jobs or core/cli,
# includes a torch/ATen/c10 header.
set(bad "")
file(GLOB_RECURSE files ${ROOT}/ui/* ${ROOT}/app/*
     ${ROOT}/core/workspace/*.h ${ROOT}/core/jobs/*.h ${ROOT}/core/cli/*.h ${ROOT}/core/io/RuntimeInfo.h)
foreach(f ${files})
  if(f MATCHES "\\.(h|hpp|cpp|cc)$")
    file(STRINGS ${f} lines REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"](torch|ATen|c10)/")
    if(lines)
      list(APPEND bad "${f}: ${lines}")
    endif()
  endif()
endforeach()
if(bad)
  string(REPLACE ";" "\n" bad "${bad}")
  message(FATAL_ERROR "torch headers where they must not be (keep torch inside core's ML rooms):\n${bad}")
endif()
message(STATUS "no torch header under ui/ or app/ or in core's Qt-facing headers")
