// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "buildsupport.h"

#include <QTimer>

namespace Cli {

Scs::Result<Docker::HostConfig> dockerHostFromOption(const QString &address)
{
    QString chosen = address;
    if (chosen.isEmpty())
        chosen = qEnvironmentVariable("DOCKER_HOST");
    if (chosen.isEmpty())
        chosen = QStringLiteral("unix:///var/run/docker.sock");
    auto config = Docker::HostConfig::fromAddress(QStringLiteral("local"), chosen);
    if (config)
        config->timeoutMs = 120000; // a busy engine (parallel builds) may be slow to answer
    return config;
}

int runUntilFinished(const std::function<void()> &start)
{
    QTimer::singleShot(0, QCoreApplication::instance(), start);
    return QCoreApplication::exec();
}

void finish(int exitCode)
{
    QCoreApplication::exit(exitCode);
}

} // namespace Cli
