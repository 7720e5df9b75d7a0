#pragma once
// Why this exists: the workspace schema as numbered steps. Step N takes version N-1 to N;
// a new table or column is a new step appended at the end, never an edit of an old one.
#include <QStringList>

namespace tb::schema {

// Statements of each step, index 0 = step 1.
const QList<QStringList>& steps();

} // namespace tb::schema
