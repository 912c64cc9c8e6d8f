#pragma once

#include <QDateTime>
#include <QSet>
#include <QString>

// File names and places for downloaded videos, chosen so a person can find them again:
// "2026-11-24 让这个视频背景变成紫色 a1b2c3.mp4", in "~/Videos/Video Remix" unless the user chose another folder.
namespace DownloadNaming {

// "<date> <first words of the prompt> <short id>.<extension>", legal on Windows, macOS and Linux.
// - date: when.date() as yyyy-MM-dd (today when `when` is invalid);
// - words: Chinese/Japanese/Korean prompts give their first 12 characters, others up to 6 words and
//   40 characters; characters illegal in file names (<>:"/\|?* and controls), emoji and other symbols,
//   and invisible format characters (bidi overrides, zero-width joiners) are dropped;
// - short id: the last 6 ASCII letters or digits of the video id;
// - extension: with or without the leading dot; may be empty.
// Never empty: the date is always there.
QString
suggestedFileName(const QDateTime &when, const QString &prompt, const QString &videoId, const QString &extension);

// The system Videos folder plus "Video Remix" (the home folder when the system has no Videos folder).
// The folder is not created here.
QString defaultDownloadFolder();

// dir/fileName when no such file exists, otherwise "name (2).ext", "name (3).ext", ...
// Only the final name is looked at: a "<name>.part" left by an interrupted download does not count,
// so the same target can be passed again to resume it.
QString uniquePath(const QString &dir, const QString &fileName);

// Like uniquePath(), for a download about to begin: a name is also taken while "<name>.part" exists
// (another download's partial file) or while it is in reserved (downloads queued, not begun yet), so
// two jobs with the same date and prompt words never write into one file.
QString pathForNewDownload(const QString &dir, const QString &fileName, const QSet<QString> &reserved);

} // namespace DownloadNaming
