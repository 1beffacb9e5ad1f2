// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QThread>

namespace Docker::Internal {

/** Deleter for an owned QThread: asks it to quit and waits, so no thread outlives its owner. */
struct GracefulDeleter
{
    void operator()(QThread *thread) const
    {
        if (!thread)
            return;
        thread->quit();
        thread->wait();
        delete thread;
    }
};

} // namespace Docker::Internal
