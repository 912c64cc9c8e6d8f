#include "logging.h"

Q_LOGGING_CATEGORY(lcApi, "remix.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcPoll, "remix.poll", QtInfoMsg)
Q_LOGGING_CATEGORY(lcModel, "remix.model", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSettings, "remix.settings", QtInfoMsg)
Q_LOGGING_CATEGORY(lcI18n, "remix.i18n", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "remix.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDownload, "remix.download", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDemo, "remix.demo", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "remix.ui", QtInfoMsg)
