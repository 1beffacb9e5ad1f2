// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

// Shared by `scs image` and `scs build`: which engine to talk to, and running the
// asynchronous client under QCoreApplication::exec() (never a nested event loop).

#include "common/result.h"
#include "docker/endpoint.h"

#include <QCoreApplication>
#include <QFuture>
#include <QObject>

#include <functional>

namespace Cli {

/** \p address, else $DOCKER_HOST, else unix:///var/run/docker.sock, as host "local". */
[[nodiscard]] Scs::Result<Docker::HostConfig> dockerHostFromOption(const QString &address);

/**
 * Schedules \p start, then runs the application's event loop until a callback calls
 * finish(exitCode). Returns that exit code.
 */
int runUntilFinished(const std::function<void()> &start);
void finish(int exitCode);

/** Calls \p f with the value of \p future in \p context's thread once it is ready. */
template<typename T, typename F>
void whenReady(QFuture<T> future, QObject *context, F &&f)
{
    future.then(context, std::forward<F>(f));
}

} // namespace Cli
