#pragma once

#include <QLoggingCategory>

// One category per area; enable with QT_LOGGING_RULES="remix.*.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcApi)      // remix.api: HTTP requests and replies (never the key)
Q_DECLARE_LOGGING_CATEGORY(lcPoll)     // remix.poll: job submission and status polling
Q_DECLARE_LOGGING_CATEGORY(lcModel)    // remix.model: the job list model
Q_DECLARE_LOGGING_CATEGORY(lcSettings) // remix.settings: settings and environment
Q_DECLARE_LOGGING_CATEGORY(lcI18n)     // remix.i18n: translators and language switching
Q_DECLARE_LOGGING_CATEGORY(lcStore)    // remix.store: the job history database
Q_DECLARE_LOGGING_CATEGORY(lcDownload) // remix.download: saving finished videos and thumbnails
Q_DECLARE_LOGGING_CATEGORY(lcDemo)     // remix.demo: the built-in demo service
Q_DECLARE_LOGGING_CATEGORY(lcUi)       // remix.ui: the desktop around the window (notifications, file manager)
