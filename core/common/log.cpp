// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "log.h"

#include <QDateTime>

#include <cstdio>

Q_LOGGING_CATEGORY(scsLog, "scs")

namespace Scs {
namespace {

int rank(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return 0;
    case QtInfoMsg:
        return 1;
    case QtWarningMsg:
        return 2;
    case QtCriticalMsg:
        return 3;
    case QtFatalMsg:
        return 4;
    }
    return 4;
}

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "critical";
    case QtFatalMsg:
        return "fatal";
    }
    return "fatal";
}

int g_minimumRank = 1;

void cliHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (rank(type) < g_minimumRank)
        return;
    const QByteArray stamp = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8();
    const char *category = context.category ? context.category : "default";
    std::fprintf(stderr, "%s %s %s: %s\n", stamp.constData(), levelName(type), category,
                 message.toLocal8Bit().constData());
    std::fflush(stderr);
}

} // namespace

bool installCliLogHandler(const QString &minimumLevel)
{
    const QString level = minimumLevel.toLower();
    if (level == u"debug")
        g_minimumRank = 0;
    else if (level == u"info")
        g_minimumRank = 1;
    else if (level == u"warning")
        g_minimumRank = 2;
    else if (level == u"critical" || level == u"error")
        g_minimumRank = 3;
    else
        return false;
    // Qt filters debug/info per category by default; let our own threshold decide.
    QLoggingCategory::setFilterRules(QStringLiteral("scs.*=true"));
    qInstallMessageHandler(cliHandler);
    return true;
}

} // namespace Scs
