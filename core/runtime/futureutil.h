// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

namespace Runtime::Internal {

/**
 * Calls \p handler with the future's result on \p context's thread once it is ready,
 * unless \p context is gone. A cancelled future gives a Cancelled error.
 */
template<typename T, typename F>
void onResult(QFuture<Scs::Result<T>> future, QObject *context, F &&handler)
{
    auto *watcher = new QFutureWatcher<Scs::Result<T>>(context);
    // The handler runs once even if the watcher reports "finished" more than once.
    QObject::connect(
        watcher, &QFutureWatcherBase::finished, context,
        [watcher, handler = std::forward<F>(handler), done = false]() mutable {
            if (done)
                return;
            done = true;
            watcher->deleteLater();
            const QFuture<Scs::Result<T>> f = watcher->future();
            if (f.isCanceled() || f.resultCount() == 0) {
                handler(Scs::Result<T>(Scs::makeError(QStringLiteral("the operation was cancelled"),
                                                      Scs::Error::Kind::Cancelled)));
                return;
            }
            handler(f.result());
        });
    watcher->setFuture(future);
}

/**
 * Breaks the self-reference of a recursive callback (a shared std::function that captures
 * itself) from the event loop: resetting it inside its own call would destroy the
 * closure that is running.
 */
template<typename Signature>
void releaseLater(const std::shared_ptr<std::function<Signature>> &function)
{
    QTimer::singleShot(0, QCoreApplication::instance(), [function]() { *function = nullptr; });
}

} // namespace Runtime::Internal
