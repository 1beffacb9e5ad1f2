// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "protocol.h"

#include "discotr.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringDecoder>

#include <cmath>

namespace Disco::Protocol {
namespace {

bool isIntegral(double value)
{
    return std::isfinite(value) && std::floor(value) == value && std::fabs(value) < 9.007e15;
}

/**
 * Reads the members of one arguments object and reports the protocol's faults:
 * missing, unexpected and mistyped arguments. `prefix` names nested objects
 * ("address.port").
 */
class ArgumentReader
{
    using Error = Scs::Error;

public:
    ArgumentReader(const QJsonObject &object, QString prefix = {})
        : m_object(object)
        , m_prefix(std::move(prefix))
    {}

    QString path(const QString &name) const { return m_prefix + name; }

    /** Takes \p name; nullopt when absent (a fault if \p required). */
    std::optional<QJsonValue> take(const QString &name, bool required)
    {
        const auto it = m_object.constFind(name);
        if (it == m_object.constEnd()) {
            if (required && !m_error)
                m_error = Error{Error::Kind::InvalidInput,
                                Tr::tr("missing argument '%1'").arg(path(name))};
            return std::nullopt;
        }
        m_seen.append(name);
        return it.value();
    }

    std::optional<QString> string(const QString &name, bool required)
    {
        const auto value = take(name, required);
        if (!value)
            return std::nullopt;
        if (!value->isString()) {
            wrongType(name, u"string", *value);
            return std::nullopt;
        }
        return value->toString();
    }

    std::optional<QJsonObject> object(const QString &name, bool required)
    {
        const auto value = take(name, required);
        if (!value)
            return std::nullopt;
        if (!value->isObject()) {
            wrongType(name, u"object", *value);
            return std::nullopt;
        }
        return value->toObject();
    }

    std::optional<double> number(const QString &name, bool required)
    {
        const auto value = take(name, required);
        if (!value)
            return std::nullopt;
        if (!value->isDouble()) {
            wrongType(name, u"number", *value);
            return std::nullopt;
        }
        return nonNegative(name, value->toDouble());
    }

    std::optional<qint64> integer(const QString &name, bool required)
    {
        const auto value = take(name, required);
        if (!value)
            return std::nullopt;
        if (!value->isDouble() || !isIntegral(value->toDouble())) {
            wrongType(name, u"integer", *value);
            return std::nullopt;
        }
        return qint64(value->toDouble());
    }

    /** `wait`: absent → 0 (UntilAcked), null → None, number ≥ 0. */
    Wait wait()
    {
        const auto value = take(QStringLiteral("wait"), false);
        if (!value)
            return Wait{Wait::Mode::UntilAcked, 0};
        if (value->isNull())
            return Wait{Wait::Mode::None, 0};
        if (!value->isDouble()) {
            wrongType(QStringLiteral("wait"), u"number or null", *value);
            return {};
        }
        const auto seconds = nonNegative(QStringLiteral("wait"), value->toDouble());
        if (!seconds)
            return {};
        return *seconds > 0 ? Wait{Wait::Mode::Bounded, *seconds} : Wait{Wait::Mode::UntilAcked, 0};
    }

    std::optional<double> nonNegative(const QString &name, double value)
    {
        if (!std::isfinite(value) || value < 0) {
            fail(Tr::tr("argument '%1' must be a non-negative number").arg(path(name)));
            return std::nullopt;
        }
        return value;
    }

    void wrongType(const QString &name, QStringView expected, const QJsonValue &actual)
    {
        fail(Tr::tr("argument '%1' must be %2, not %3")
                 .arg(path(name), expected.toString(), jsonTypeName(actual)));
    }

    void fail(const QString &message)
    {
        if (!m_error)
            m_error = Error{Error::Kind::InvalidInput, message};
    }

    void fail(const Error &error)
    {
        if (!m_error)
            m_error = error;
    }

    /** The first fault, including arguments nobody took. */
    std::optional<Error> finish()
    {
        if (!m_error) {
            for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
                if (!m_seen.contains(it.key())) {
                    m_error = Error{Error::Kind::InvalidInput,
                                    Tr::tr("unexpected argument '%1'").arg(path(it.key()))};
                    break;
                }
            }
        }
        return m_error;
    }

private:
    const QJsonObject &m_object;
    QString m_prefix;
    QStringList m_seen;
    std::optional<Error> m_error;
};

std::optional<Key> readKey(ArgumentReader &reader)
{
    Key key;
    const auto environment = reader.string(QStringLiteral("environment"), true);
    const auto service = reader.string(QStringLiteral("service"), true);
    const auto role = reader.string(QStringLiteral("role"), true);
    const auto endpoint = reader.string(QStringLiteral("endpoint"), true);
    if (!environment || !service || !role || !endpoint)
        return std::nullopt;
    return Key{*environment, *service, *role, *endpoint};
}

/** An object whose values are all strings (provision attributes, requirement patterns). */
std::optional<QMap<QString, QString>> readStringMap(ArgumentReader &reader, const QString &name)
{
    const auto object = reader.object(name, false);
    if (!object)
        return QMap<QString, QString>{};
    QMap<QString, QString> map;
    for (auto it = object->constBegin(); it != object->constEnd(); ++it) {
        if (!it.value().isString()) {
            reader.wrongType(name + u'.' + it.key(), u"string", it.value());
            return std::nullopt;
        }
        map.insert(it.key(), it.value().toString());
    }
    return map;
}

std::optional<Address> readAddress(ArgumentReader &outer)
{
    const auto object = outer.object(QStringLiteral("address"), true);
    if (!object)
        return std::nullopt;
    ArgumentReader reader(*object, outer.path(QStringLiteral("address.")));
    const auto host = reader.string(QStringLiteral("host"), true);
    const auto port = reader.integer(QStringLiteral("port"), true);
    if (port && (*port < 0 || *port > 65535))
        reader.fail(Tr::tr("argument '%1' must be a port number (0-65535), not %2")
                        .arg(reader.path(QStringLiteral("port")))
                        .arg(*port));
    if (const auto error = reader.finish()) {
        outer.fail(*error);
        return std::nullopt;
    }
    return Address{*host, int(*port)};
}

template<typename T>
Scs::Result<T> finishWith(ArgumentReader &reader, T value)
{
    if (const auto error = reader.finish())
        return Scs::makeError(*error);
    return value;
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

ParseResult parse(QByteArrayView buffer)
{
    // Look no further than one byte past the limit (plus a `\r\n`): a longer line is refused
    // without scanning the rest of a huge buffer.
    const qsizetype scan = std::min(buffer.size(), MaxLineLength + 2);
    const qsizetype end = buffer.first(scan).indexOf('\n');
    if (end < 0) {
        if (buffer.size() > MaxLineLength + 1)
            return ParseResult{ParseStatus::TooLong, 0, {}};
        return ParseResult{ParseStatus::Incomplete, 0, {}};
    }
    QByteArrayView content = buffer.first(end);
    if (content.endsWith('\r'))
        content.chop(1);
    if (content.size() > MaxLineLength)
        return ParseResult{ParseStatus::TooLong, end + 1, {}};
    return ParseResult{ParseStatus::Ok, end + 1, parseLine(content)};
}

Line parseLine(QByteArrayView content)
{
    Line line;
    if (content.isEmpty()) {
        line.type = LineType::Heartbeat;
        return line;
    }
    auto invalid = [&line](const QString &problem) {
        line.type = LineType::Invalid;
        line.problem = problem;
        return line;
    };
    {
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString text = decoder.decode(content);
        if (decoder.hasError())
            return invalid(Tr::tr("the line is not valid UTF-8"));
    }

    QByteArrayView rest;
    LineType type;
    if (content.startsWith("c:")) {
        type = LineType::Command;
        rest = content.sliced(2);
    } else if (content.startsWith("r:")) {
        type = LineType::Reply;
        rest = content.sliced(2);
    } else if (content.startsWith("e ")) {
        type = LineType::Error;
        rest = content.sliced(2);
    } else {
        return invalid(Tr::tr("the line is not a heartbeat, a command (c:), a reply (r:) or an "
                              "error (e)"));
    }

    if (type != LineType::Error) {
        const qsizetype space = rest.indexOf(' ');
        const QByteArrayView msgid = space < 0 ? rest : rest.first(space);
        if (msgid.isEmpty())
            return invalid(Tr::tr("the line has no message id after '%1'")
                               .arg(type == LineType::Command ? u"c:" : u"r:"));
        line.msgid = msgid.toByteArray();
        rest = space < 0 ? QByteArrayView() : rest.sliced(space + 1);
        if (type == LineType::Command) {
            const qsizetype commandEnd = rest.indexOf(' ');
            const QByteArrayView command = commandEnd < 0 ? rest : rest.first(commandEnd);
            if (command.isEmpty())
                return invalid(Tr::tr("the command line '%1' names no command")
                                   .arg(QString::fromUtf8(line.msgid)));
            line.command = QString::fromUtf8(command);
            rest = commandEnd < 0 ? QByteArrayView() : rest.sliced(commandEnd + 1);
        }
    }

    rest = rest.trimmed();
    if (rest.isEmpty()) {
        if (type != LineType::Command)
            return invalid(Tr::tr("the line has no JSON object"));
    } else {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(rest.toByteArray(), &error);
        if (error.error != QJsonParseError::NoError)
            return invalid(Tr::tr("the JSON does not parse at offset %1: %2")
                               .arg(error.offset)
                               .arg(error.errorString()));
        if (!document.isObject())
            return invalid(Tr::tr("the JSON is not an object"));
        line.object = document.object();
        line.hasObject = true;
    }
    line.type = type;
    return line;
}

QByteArray encodeHeartbeat()
{
    return QByteArrayLiteral("\n");
}

QByteArray encodeCommand(QByteArrayView msgid, const QString &command)
{
    QByteArray line;
    line.reserve(msgid.size() + command.size() + 4);
    line.append("c:").append(msgid).append(' ').append(command.toUtf8()).append('\n');
    return line;
}

QByteArray encodeCommand(QByteArrayView msgid, const QString &command, const QJsonObject &arguments)
{
    const QByteArray json = compact(arguments);
    QByteArray line;
    line.reserve(msgid.size() + command.size() + json.size() + 5);
    line.append("c:").append(msgid).append(' ').append(command.toUtf8()).append(' ').append(json);
    line.append('\n');
    return line;
}

QByteArray encodeResult(QByteArrayView msgid, const QJsonObject &result)
{
    const QByteArray json = compact(result);
    QByteArray line;
    line.reserve(msgid.size() + json.size() + 16);
    line.append("r:").append(msgid).append(" {\"result\":").append(json).append("}\n");
    return line;
}

QByteArray encodeErrorReply(QByteArrayView msgid, const QString &name, const QString &message)
{
    const QJsonObject error{{QStringLiteral("name"), name}, {QStringLiteral("message"), message}};
    QByteArray line = "r:" + msgid.toByteArray() + ' ';
    line.append(compact(QJsonObject{{QStringLiteral("error"), error}})).append('\n');
    return line;
}

QByteArray encodeErrorReply(QByteArrayView msgid, const Scs::Error &error)
{
    return encodeErrorReply(msgid, errorName(error), error.message);
}

QByteArray encodeErrorLine(const QString &name, const QString &message)
{
    const QJsonObject error{{QStringLiteral("name"), name}, {QStringLiteral("message"), message}};
    return "e " + compact(error) + '\n';
}

QString errorName(const Scs::Error &error)
{
    return (error.kind == Scs::Error::Kind::InvalidInput ? SyntaxErrorName : ErrorName).toString();
}

std::unexpected<Scs::Error> syntaxError(const QString &message)
{
    return Scs::makeError(message, Scs::Error::Kind::InvalidInput);
}

std::unexpected<Scs::Error> plainError(const QString &message)
{
    return Scs::makeError(message, Scs::Error::Kind::Generic);
}

Command commandFromName(QStringView name)
{
    static const QHash<QString, Command> commands{
        {QStringLiteral("registry.join"), Command::RegistryJoin},
        {QStringLiteral("session.attach"), Command::SessionAttach},
        {QStringLiteral("ping"), Command::Ping},
        {QStringLiteral("provision.add"), Command::ProvisionAdd},
        {QStringLiteral("provision.drop"), Command::ProvisionDrop},
        {QStringLiteral("requirement.add"), Command::RequirementAdd},
        {QStringLiteral("requirement.drop"), Command::RequirementDrop},
        {QStringLiteral("session.detach"), Command::SessionDetach},
        {QStringLiteral("registry.leave"), Command::RegistryLeave},
        {QStringLiteral("requirement.changed"), Command::RequirementChanged},
    };
    return commands.value(name.toString(), Command::Unknown);
}

QString commandName(Command command)
{
    switch (command) {
    case Command::Unknown:
        break;
    case Command::RegistryJoin:
        return QStringLiteral("registry.join");
    case Command::SessionAttach:
        return QStringLiteral("session.attach");
    case Command::Ping:
        return QStringLiteral("ping");
    case Command::ProvisionAdd:
        return QStringLiteral("provision.add");
    case Command::ProvisionDrop:
        return QStringLiteral("provision.drop");
    case Command::RequirementAdd:
        return QStringLiteral("requirement.add");
    case Command::RequirementDrop:
        return QStringLiteral("requirement.drop");
    case Command::SessionDetach:
        return QStringLiteral("session.detach");
    case Command::RegistryLeave:
        return QStringLiteral("registry.leave");
    case Command::RequirementChanged:
        return QStringLiteral("requirement.changed");
    }
    return {};
}

bool allowedWithoutSession(Command command)
{
    return command == Command::RegistryJoin || command == Command::SessionAttach
           || command == Command::Ping;
}

bool allowedInSession(Command command)
{
    switch (command) {
    case Command::ProvisionAdd:
    case Command::ProvisionDrop:
    case Command::RequirementAdd:
    case Command::RequirementDrop:
    case Command::SessionDetach:
    case Command::RegistryLeave:
    case Command::Ping:
        return true;
    default:
        return false;
    }
}

Scs::Result<JoinArguments> parseJoin(const QJsonObject &arguments)
{
    ArgumentReader reader(arguments);
    JoinArguments join;
    if (const auto options = reader.object(QStringLiteral("options"), false)) {
        ArgumentReader inner(*options, QStringLiteral("options."));
        if (const auto attributes = inner.object(QStringLiteral("attributes"), false))
            join.attributes = *attributes;
        if (const auto timeout = inner.number(QStringLiteral("timeout"), false))
            join.timeout = *timeout;
        if (const auto error = inner.finish())
            reader.fail(*error);
    }
    return finishWith(reader, join);
}

Scs::Result<QString> parseAttach(const QJsonObject &arguments)
{
    ArgumentReader reader(arguments);
    const auto id = reader.string(QStringLiteral("id"), true);
    return finishWith(reader, id.value_or(QString()));
}

Scs::Result<PingArguments> parsePing(const QJsonObject &arguments)
{
    ArgumentReader reader(arguments);
    PingArguments ping;
    ping.reply = reader.string(QStringLiteral("reply"), false);
    if (const auto delay = reader.number(QStringLiteral("delay"), false))
        ping.delay = *delay;
    return finishWith(reader, ping);
}

Scs::Result<ProvisionSpec> parseProvisionAdd(const QJsonObject &arguments)
{
    ArgumentReader reader(arguments);
    ProvisionSpec spec;
    if (const auto key = readKey(reader))
        spec.key = *key;
    if (const auto address = readAddress(reader))
        spec.address = *address;
    if (const auto attributes = readStringMap(reader, QStringLiteral("attributes")))
        spec.attributes = *attributes;
    return finishWith(reader, spec);
}

Scs::Result<DropArguments> parseProvisionDrop(const QJsonObject &arguments)
{
    ArgumentReader reader(arguments);
    DropArguments drop;
    drop.id = reader.string(QStringLiteral("id"), true).value_or(QString());
    drop.wait = reader.wait();
    return finishWith(reader, drop);
}

Scs::Result<RequirementSpec> parseRequirementAdd(const QJsonObject &arguments)
{
    ArgumentReader reader(arguments);
    RequirementSpec spec;
    if (const auto key = readKey(reader))
        spec.key = *key;
    if (const auto attributes = readStringMap(reader, QStringLiteral("attributes")))
        spec.attributes = *attributes;
    return finishWith(reader, spec);
}

Scs::Result<QString> parseRequirementDrop(const QJsonObject &arguments)
{
    ArgumentReader reader(arguments);
    const auto id = reader.string(QStringLiteral("id"), true);
    return finishWith(reader, id.value_or(QString()));
}

Scs::Result<void> parseDetach(const QJsonObject &arguments)
{
    ArgumentReader reader(arguments);
    if (const auto error = reader.finish())
        return Scs::makeError(*error);
    return {};
}

Scs::Result<Wait> parseLeave(const QJsonObject &arguments)
{
    ArgumentReader reader(arguments);
    const Wait wait = reader.wait();
    return finishWith(reader, wait);
}

Scs::Result<RequirementChange> parseRequirementChanged(const QJsonObject &arguments)
{
    ArgumentReader reader(arguments);
    RequirementChange change;
    change.requirementId = reader.string(QStringLiteral("id"), true).value_or(QString());
    if (const auto action = reader.string(QStringLiteral("action"), true)) {
        if (*action == u"add")
            change.action = Action::Add;
        else if (*action == u"drop")
            change.action = Action::Drop;
        else
            reader.fail(
                Tr::tr("argument 'action' must be \"add\" or \"drop\", not \"%1\"").arg(*action));
    }
    if (const auto endpoints = reader.take(QStringLiteral("endpoints"), true)) {
        if (!endpoints->isArray()) {
            reader.wrongType(QStringLiteral("endpoints"), u"array", *endpoints);
        } else {
            const QJsonArray array = endpoints->toArray();
            for (qsizetype i = 0; i < array.size(); ++i) {
                const auto endpoint = Endpoint::fromJson(array.at(i).toObject());
                if (!array.at(i).isObject() || !endpoint) {
                    reader.fail(
                        Tr::tr("argument 'endpoints[%1]' is not an endpoint object").arg(i));
                    break;
                }
                change.endpoints.append(*endpoint);
            }
        }
    }
    return finishWith(reader, change);
}

QJsonObject provisionAddArguments(const ProvisionSpec &spec)
{
    QJsonObject attributes;
    for (auto it = spec.attributes.constBegin(); it != spec.attributes.constEnd(); ++it)
        attributes.insert(it.key(), it.value());
    QJsonObject object{
        {QStringLiteral("environment"), spec.key.environment},
        {QStringLiteral("service"), spec.key.service},
        {QStringLiteral("role"), spec.key.role},
        {QStringLiteral("endpoint"), spec.key.endpoint},
        {QStringLiteral("address"), QJsonObject{{QStringLiteral("host"), spec.address.host},
                                                {QStringLiteral("port"), spec.address.port}}},
    };
    if (!attributes.isEmpty())
        object.insert(QStringLiteral("attributes"), attributes);
    return object;
}

QJsonObject requirementAddArguments(const RequirementSpec &spec)
{
    QJsonObject object{
        {QStringLiteral("environment"), spec.key.environment},
        {QStringLiteral("service"), spec.key.service},
        {QStringLiteral("role"), spec.key.role},
        {QStringLiteral("endpoint"), spec.key.endpoint},
    };
    if (!spec.attributes.isEmpty()) {
        QJsonObject attributes;
        for (auto it = spec.attributes.constBegin(); it != spec.attributes.constEnd(); ++it)
            attributes.insert(it.key(), it.value());
        object.insert(QStringLiteral("attributes"), attributes);
    }
    return object;
}

QJsonObject requirementChangedArguments(const RequirementChange &change)
{
    QJsonArray endpoints;
    for (const Endpoint &endpoint : change.endpoints)
        endpoints.append(endpoint.toJson());
    return QJsonObject{{QStringLiteral("id"), change.requirementId},
                       {QStringLiteral("action"), actionName(change.action)},
                       {QStringLiteral("endpoints"), endpoints}};
}

QJsonValue waitToJson(const Wait &wait)
{
    switch (wait.mode) {
    case Wait::Mode::None:
        return QJsonValue(QJsonValue::Null);
    case Wait::Mode::UntilAcked:
        return 0;
    case Wait::Mode::Bounded:
        return wait.seconds;
    }
    return 0;
}

QString jsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Double:
        return isIntegral(value.toDouble()) ? QStringLiteral("integer") : QStringLiteral("number");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("undefined");
}

} // namespace Disco::Protocol
