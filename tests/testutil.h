// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>
#include <QTest>

/**
 * Verifies that a Result holds a value; on failure prints the error's message.
 * Evaluates \p result once (it is often a call with side effects).
 */
#define QVERIFY_RESULT(result)                                                                     \
    do {                                                                                           \
        const auto &scsVerifiedResult_ = (result);                                                 \
        QVERIFY2(bool(scsVerifiedResult_),                                                         \
                 scsVerifiedResult_ ? "" : qPrintable(scsVerifiedResult_.error().message));        \
    } while (false)

namespace TestUtil {

/**
 * The Docker endpoint the test command provides, e.g. "unix:///tmp/x/docker.sock".
 * Tests that need Docker call this and fail (never skip) when it is not set.
 */
inline QString dockerHost()
{
    return qEnvironmentVariable("SCS_TEST_DOCKER_HOST");
}

} // namespace TestUtil

/** Fails the current test when no Docker engine was provided. */
#define SCS_REQUIRE_DOCKER()                                                                       \
    do {                                                                                           \
        if (TestUtil::dockerHost().isEmpty())                                                      \
            QFAIL("SCS_TEST_DOCKER_HOST is not set: run the tests through tests/run-all.sh, "      \
                  "which starts a private dockerd");                                               \
    } while (false)
