#pragma once

#include <QDateTime>
#include <QString>

namespace DownloadNaming {
QString suggestedFileName(const QDateTime &when, const QString &prompt, const QString &videoId, const QString &extension);
QString defaultDownloadFolder();
QString uniquePath(const QString &dir, const QString &fileName);
} // namespace DownloadNaming
