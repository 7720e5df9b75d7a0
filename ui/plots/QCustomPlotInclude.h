#pragma once
// Why this exists: qcustomplot.h uses Qt's foreach, which our strict build (QT_NO_FOREACH)
// switches off. A .cpp that draws charts includes this header FIRST, before any Qt header,
// so QCustomPlot's own inline code compiles; our code still never uses foreach.
#undef QT_NO_FOREACH
#include <qcustomplot.h>
