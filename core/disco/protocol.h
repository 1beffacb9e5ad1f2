// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

#include "types.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

#include <optional>

/**
 * The disco wire format (disco-protocol.md): line framing, the four line
 * forms, and the argument checking of every command. Pure functions, no I/O;
 * the server, the client and the fuzz target share them.
 */
namespace Disco::Protocol {

/** Longest accepted line, without its line end. */
inline constexpr qsizetype MaxLineLength = 1024 * 1024;

enum class ParseStatus {
    Ok,         ///< one line framed: consume frameSize bytes
    Incomplete, ///< no line end yet: wait for more bytes
    TooLong,    ///< the line exceeds MaxLineLength: answer with `e` and close
};

enum class LineType {
    Heartbeat, ///< an empty line
    Command,   ///< `c:<msgid> <command> [<json-object>]`
    Reply,     ///< `r:<msgid> <json-object>`
    Error,     ///< `e <json-object>`
    Invalid,   ///< matches no form, or its JSON does not parse: `problem` says why
};

struct Line
{
    LineType type = LineType::Invalid;
    QByteArray msgid;
    QString command;
    QJsonObject object; ///< the arguments, the answer or the error
    bool hasObject = false;
    QString problem;
};

struct ParseResult
{
    ParseStatus status = ParseStatus::Incomplete;
    qsizetype frameSize = 0; ///< bytes of the line including its `\n`
    Line line;
};

/** Frames and parses the first line of \p buffer. */
[[nodiscard]] ParseResult parse(QByteArrayView buffer);
/** Parses one line's content (without the line end). */
[[nodiscard]] Line parseLine(QByteArrayView content);

[[nodiscard]] QByteArray encodeHeartbeat();
[[nodiscard]] QByteArray encodeCommand(QByteArrayView msgid, const QString &command);
[[nodiscard]] QByteArray encodeCommand(QByteArrayView msgid, const QString &command,
                                       const QJsonObject &arguments);
[[nodiscard]] QByteArray encodeResult(QByteArrayView msgid, const QJsonObject &result);
[[nodiscard]] QByteArray encodeErrorReply(QByteArrayView msgid, const QString &name,
                                          const QString &message);
[[nodiscard]] QByteArray encodeErrorReply(QByteArrayView msgid, const Scs::Error &error);
[[nodiscard]] QByteArray encodeErrorLine(const QString &name, const QString &message);

/** The two error names of the protocol. */
inline constexpr QStringView ErrorName = u"Error";
inline constexpr QStringView SyntaxErrorName = u"SyntaxError";

/** "SyntaxError" for Error::Kind::InvalidInput, "Error" for everything else. */
[[nodiscard]] QString errorName(const Scs::Error &error);
[[nodiscard]] std::unexpected<Scs::Error> syntaxError(const QString &message);
[[nodiscard]] std::unexpected<Scs::Error> plainError(const QString &message);

enum class Command {
    Unknown,
    RegistryJoin,
    SessionAttach,
    Ping,
    ProvisionAdd,
    ProvisionDrop,
    RequirementAdd,
    RequirementDrop,
    SessionDetach,
    RegistryLeave,
    RequirementChanged, ///< server → client
};

[[nodiscard]] Command commandFromName(QStringView name);
[[nodiscard]] QString commandName(Command command);
/** Whether a client may send \p command on a socket without / with a session. */
[[nodiscard]] bool allowedWithoutSession(Command command);
[[nodiscard]] bool allowedInSession(Command command);

// Argument checking: each returns the typed arguments or the protocol's error
// (SyntaxError naming the argument, with both types for a wrong type).

struct JoinArguments
{
    QJsonObject attributes;
    double timeout = 0;
};
struct PingArguments
{
    std::optional<QString> reply;
    double delay = 0;
};
struct DropArguments
{
    QString id;
    Wait wait;
};
struct RequirementChange
{
    QString requirementId;
    Action action = Action::Add;
    QList<Endpoint> endpoints;
};

[[nodiscard]] Scs::Result<JoinArguments> parseJoin(const QJsonObject &arguments);
[[nodiscard]] Scs::Result<QString> parseAttach(const QJsonObject &arguments);
[[nodiscard]] Scs::Result<PingArguments> parsePing(const QJsonObject &arguments);
[[nodiscard]] Scs::Result<ProvisionSpec> parseProvisionAdd(const QJsonObject &arguments);
[[nodiscard]] Scs::Result<DropArguments> parseProvisionDrop(const QJsonObject &arguments);
[[nodiscard]] Scs::Result<RequirementSpec> parseRequirementAdd(const QJsonObject &arguments);
[[nodiscard]] Scs::Result<QString> parseRequirementDrop(const QJsonObject &arguments);
[[nodiscard]] Scs::Result<void> parseDetach(const QJsonObject &arguments);
[[nodiscard]] Scs::Result<Wait> parseLeave(const QJsonObject &arguments);
[[nodiscard]] Scs::Result<RequirementChange> parseRequirementChanged(const QJsonObject &arguments);

/** The arguments of a command for sending: the inverse of the parse functions. */
[[nodiscard]] QJsonObject provisionAddArguments(const ProvisionSpec &spec);
[[nodiscard]] QJsonObject requirementAddArguments(const RequirementSpec &spec);
[[nodiscard]] QJsonObject requirementChangedArguments(const RequirementChange &change);
[[nodiscard]] QJsonValue waitToJson(const Wait &wait);

/** The JSON type name of \p value as the error messages use it ("integer", "string", ...). */
[[nodiscard]] QString jsonTypeName(const QJsonValue &value);

} // namespace Disco::Protocol
