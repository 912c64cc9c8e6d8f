#include "downloadnaming.h"

namespace DownloadNaming {
QString suggestedFileName(const QDateTime &, const QString &, const QString &, const QString &) { return {}; }
QString defaultDownloadFolder() { return {}; }
QString uniquePath(const QString &, const QString &) { return {}; }
} // namespace DownloadNaming
