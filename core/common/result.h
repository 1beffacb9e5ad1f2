// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QMetaType>
#include <QString>

#include <expected>
#include <utility>

namespace Scs {

/**
 * What went wrong, in words a user can act on.
 *
 * `message` says what and where (file:line:column, host and operation, ...).
 * `kind` is there for callers that branch on the failure; `status` carries an
 * HTTP status or an exit code when the failure came from one.
 */
struct Error
{
    enum class Kind {
        Generic,
        InvalidInput,
        NotFound,
        Conflict,
        Io,
        Network,
        Timeout,
        Cancelled,
        Remote,
    };

    Kind kind = Kind::Generic;
    QString message;
    int status = 0;

    /** Returns a copy whose message is prefixed with \p context ("context: message"). */
    [[nodiscard]] Error withContext(const QString &context) const;

    // Lets Result<T> be compared and used as a signal argument / QVariant payload.
    friend bool operator==(const Error &, const Error &) = default;
};

template<typename T = void>
using Result = std::expected<T, Error>;

[[nodiscard]] inline std::unexpected<Error>
makeError(QString message, Error::Kind kind = Error::Kind::Generic, int status = 0)
{
    return std::unexpected<Error>(Error{kind, std::move(message), status});
}

[[nodiscard]] inline std::unexpected<Error> makeError(Error error)
{
    return std::unexpected<Error>(std::move(error));
}

} // namespace Scs

Q_DECLARE_METATYPE(Scs::Error)
