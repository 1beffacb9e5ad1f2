// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "disco/protocol.h"
#include "testutil.h"

#include <QJsonDocument>
#include <QTest>

using namespace Disco;
using namespace Disco::Protocol;

namespace {

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

template<typename T>
Scs::Result<void> voidOf(const Scs::Result<T> &result)
{
    if (!result)
        return std::unexpected(result.error());
    return {};
}

} // namespace

class tst_Protocol : public QObject
{
    Q_OBJECT

private slots:
    void framing_data();
    void framing();
    void lineForms_data();
    void lineForms();
    void tooLong();
    void encode();
    void arguments_data();
    void arguments();
    void typedArguments();
    void roundTrip();
};

void tst_Protocol::framing_data()
{
    QTest::addColumn<QByteArray>("buffer");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("frameSize");

    QTest::newRow("empty buffer") << QByteArray() << int(ParseStatus::Incomplete) << 0;
    QTest::newRow("partial") << QByteArray("c:1 ping") << int(ParseStatus::Incomplete) << 0;
    QTest::newRow("heartbeat") << QByteArray("\n") << int(ParseStatus::Ok) << 1;
    QTest::newRow("crlf heartbeat") << QByteArray("\r\n") << int(ParseStatus::Ok) << 2;
    QTest::newRow("two lines") << QByteArray("c:1 ping\nc:2 ping\n") << int(ParseStatus::Ok) << 9;
    QTest::newRow("crlf command") << QByteArray("c:1 ping\r\nrest") << int(ParseStatus::Ok) << 10;
    QTest::newRow("exactly the limit") << QByteArray(MaxLineLength, 'x') + '\n'
                                       << int(ParseStatus::Ok) << int(MaxLineLength + 1);
    QTest::newRow("limit with crlf") << QByteArray(MaxLineLength, 'x') + "\r\n"
                                     << int(ParseStatus::Ok) << int(MaxLineLength + 2);
    QTest::newRow("one over the limit") << QByteArray(MaxLineLength + 1, 'x') + '\n'
                                        << int(ParseStatus::TooLong) << int(MaxLineLength + 2);
    QTest::newRow("no newline, over the limit")
        << QByteArray(MaxLineLength + 2, 'x') << int(ParseStatus::TooLong) << 0;
    QTest::newRow("no newline, at the limit")
        << QByteArray(MaxLineLength, 'x') << int(ParseStatus::Incomplete) << 0;
}

void tst_Protocol::framing()
{
    QFETCH(QByteArray, buffer);
    QFETCH(int, status);
    QFETCH(int, frameSize);
    const ParseResult result = parse(buffer);
    QCOMPARE(int(result.status), status);
    if (result.status == ParseStatus::Ok)
        QCOMPARE(result.frameSize, frameSize);
}

void tst_Protocol::lineForms_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("type");
    QTest::addColumn<QByteArray>("msgid");
    QTest::addColumn<QString>("command");
    QTest::addColumn<bool>("hasObject");

    QTest::newRow("heartbeat") << QByteArray() << int(LineType::Heartbeat) << QByteArray()
                               << QString() << false;
    QTest::newRow("command without arguments")
        << QByteArray("c:1 registry.join") << int(LineType::Command) << QByteArray("1")
        << QStringLiteral("registry.join") << false;
    QTest::newRow("command with arguments")
        << QByteArray("c:a-7 ping {\"reply\":\"x\"}") << int(LineType::Command) << QByteArray("a-7")
        << QStringLiteral("ping") << true;
    QTest::newRow("command, trailing space") << QByteArray("c:1 ping ") << int(LineType::Command)
                                             << QByteArray("1") << QStringLiteral("ping") << false;
    QTest::newRow("reply") << QByteArray("r:7f2 {\"result\":{\"ack\":true}}")
                           << int(LineType::Reply) << QByteArray("7f2") << QString() << true;
    QTest::newRow("error") << QByteArray("e {\"name\":\"Error\",\"message\":\"x\"}")
                           << int(LineType::Error) << QByteArray() << QString() << true;
    QTest::newRow("garbage") << QByteArray("hello") << int(LineType::Invalid) << QByteArray()
                             << QString() << false;
    QTest::newRow("no msgid") << QByteArray("c: ping") << int(LineType::Invalid) << QByteArray()
                              << QString() << false;
    QTest::newRow("no command") << QByteArray("c:1") << int(LineType::Invalid) << QByteArray()
                                << QString() << false;
    QTest::newRow("bad json") << QByteArray("c:1 ping {\"reply\":") << int(LineType::Invalid)
                              << QByteArray() << QString() << false;
    QTest::newRow("json array") << QByteArray("c:1 ping [1]") << int(LineType::Invalid)
                                << QByteArray() << QString() << false;
    QTest::newRow("reply without json")
        << QByteArray("r:1") << int(LineType::Invalid) << QByteArray() << QString() << false;
    QTest::newRow("error without json")
        << QByteArray("e ") << int(LineType::Invalid) << QByteArray() << QString() << false;
    QTest::newRow("invalid utf-8") << QByteArray("c:1 ping {\"reply\":\"\xff\xfe\"}")
                                   << int(LineType::Invalid) << QByteArray() << QString() << false;
    QTest::newRow("space only") << QByteArray(" ") << int(LineType::Invalid) << QByteArray()
                                << QString() << false;
}

void tst_Protocol::lineForms()
{
    QFETCH(QByteArray, content);
    QFETCH(int, type);
    QFETCH(QByteArray, msgid);
    QFETCH(QString, command);
    QFETCH(bool, hasObject);
    const Line line = parseLine(content);
    QCOMPARE(int(line.type), type);
    if (line.type == LineType::Invalid) {
        QVERIFY(!line.problem.isEmpty());
        return;
    }
    QCOMPARE(line.msgid, msgid);
    QCOMPARE(line.command, command);
    QCOMPARE(line.hasObject, hasObject);
}

void tst_Protocol::tooLong()
{
    // A huge buffer without a newline is refused without scanning it all.
    const QByteArray huge(8 * MaxLineLength, 'x');
    QCOMPARE(parse(huge).status, ParseStatus::TooLong);
}

void tst_Protocol::encode()
{
    QCOMPARE(encodeHeartbeat(), QByteArray("\n"));
    QCOMPARE(encodeCommand("1", QStringLiteral("registry.join")),
             QByteArray("c:1 registry.join\n"));
    QCOMPARE(encodeCommand("2", QStringLiteral("ping"), json(R"({"reply":"x"})")),
             QByteArray("c:2 ping {\"reply\":\"x\"}\n"));
    QCOMPARE(encodeResult("3", json(R"({"ack":true})")),
             QByteArray("r:3 {\"result\":{\"ack\":true}}\n"));
    const Line reply
        = parseLine(encodeErrorReply("4", QStringLiteral("Error"), QStringLiteral("m")).chopped(1));
    QCOMPARE(reply.type, LineType::Reply);
    QCOMPARE(reply.object.value(u"error").toObject().value(u"name").toString(), u"Error");
    const Line error = parseLine(
        encodeErrorLine(QStringLiteral("SyntaxError"), QStringLiteral("bad")).chopped(1));
    QCOMPARE(error.type, LineType::Error);
    QCOMPARE(error.object.value(u"message").toString(), u"bad");
}

// Every argument fault of the protocol page's table that can be found without state:
// missing, unexpected, wrong type (the message names the argument and both types).
void tst_Protocol::arguments_data()
{
    QTest::addColumn<QByteArray>("command");
    QTest::addColumn<QByteArray>("arguments");
    QTest::addColumn<QByteArray>("errorName"); // empty: accepted
    QTest::addColumn<QByteArrayList>("mentions");

    const QByteArray ok;
    const QByteArray syntax("SyntaxError");
    const QByteArray key = R"("environment":"dev","service":"blog","role":"db","endpoint":"mysql")";

    QTest::newRow("join: none") << QByteArray("registry.join") << QByteArray("{}") << ok
                                << QByteArrayList();
    QTest::newRow("join: options")
        << QByteArray("registry.join")
        << QByteArray(R"({"options":{"attributes":{"host":"a"},"timeout":2.5}})") << ok
        << QByteArrayList();
    QTest::newRow("join: unexpected")
        << QByteArray("registry.join") << QByteArray(R"({"timeout":1})") << syntax
        << QByteArrayList{"timeout"};
    QTest::newRow("join: nested unexpected")
        << QByteArray("registry.join") << QByteArray(R"({"options":{"color":1}})") << syntax
        << QByteArrayList{"options.color"};
    QTest::newRow("join: options wrong type")
        << QByteArray("registry.join") << QByteArray(R"({"options":[]})") << syntax
        << QByteArrayList{"options", "object", "array"};
    QTest::newRow("join: timeout wrong type")
        << QByteArray("registry.join") << QByteArray(R"({"options":{"timeout":"5"}})") << syntax
        << QByteArrayList{"options.timeout", "number", "string"};
    QTest::newRow("join: negative timeout")
        << QByteArray("registry.join") << QByteArray(R"({"options":{"timeout":-1}})") << syntax
        << QByteArrayList{"options.timeout"};
    QTest::newRow("join: attributes wrong type")
        << QByteArray("registry.join") << QByteArray(R"({"options":{"attributes":"x"}})") << syntax
        << QByteArrayList{"options.attributes", "object", "string"};
    QTest::newRow("attach: ok") << QByteArray("session.attach") << QByteArray(R"({"id":"s1"})")
                                << ok << QByteArrayList();
    QTest::newRow("attach: missing")
        << QByteArray("session.attach") << QByteArray("{}") << syntax << QByteArrayList{"id"};
    QTest::newRow("attach: wrong type") << QByteArray("session.attach") << QByteArray(R"({"id":5})")
                                        << syntax << QByteArrayList{"id", "string", "integer"};
    QTest::newRow("ping: ok") << QByteArray("ping") << QByteArray(R"({"reply":"x","delay":0.5})")
                              << ok << QByteArrayList();
    QTest::newRow("ping: reply wrong type")
        << QByteArray("ping") << QByteArray(R"({"reply":true})") << syntax
        << QByteArrayList{"reply", "string", "boolean"};
    QTest::newRow("ping: delay wrong type") << QByteArray("ping") << QByteArray(R"({"delay":null})")
                                            << syntax << QByteArrayList{"delay", "number", "null"};
    QTest::newRow("provision.add: ok")
        << QByteArray("provision.add")
        << "{" + key + R"(,"address":{"host":"10.0.0.1","port":3306},"attributes":{"zone":"a"}})"
        << ok << QByteArrayList();
    QTest::newRow("provision.add: missing role")
        << QByteArray("provision.add")
        << QByteArray(
               R"({"environment":"dev","service":"blog","endpoint":"mysql","address":{"host":"h","port":1}})")
        << syntax << QByteArrayList{"role"};
    QTest::newRow("provision.add: missing address")
        << QByteArray("provision.add") << "{" + key + "}" << syntax << QByteArrayList{"address"};
    QTest::newRow("provision.add: missing port")
        << QByteArray("provision.add") << "{" + key + R"(,"address":{"host":"h"}})" << syntax
        << QByteArrayList{"address.port"};
    QTest::newRow("provision.add: port wrong type")
        << QByteArray("provision.add") << "{" + key + R"(,"address":{"host":"h","port":"80"}})"
        << syntax << QByteArrayList{"address.port", "integer", "string"};
    QTest::newRow("provision.add: port fractional")
        << QByteArray("provision.add") << "{" + key + R"(,"address":{"host":"h","port":80.5}})"
        << syntax << QByteArrayList{"address.port", "integer", "number"};
    QTest::newRow("provision.add: port out of range")
        << QByteArray("provision.add") << "{" + key + R"(,"address":{"host":"h","port":70000}})"
        << syntax << QByteArrayList{"address.port"};
    QTest::newRow("provision.add: unexpected in address")
        << QByteArray("provision.add")
        << "{" + key + R"(,"address":{"host":"h","port":1,"proto":"tcp"}})" << syntax
        << QByteArrayList{"address.proto"};
    QTest::newRow("provision.add: unexpected")
        << QByteArray("provision.add") << "{" + key + R"(,"address":{"host":"h","port":1},"ttl":5})"
        << syntax << QByteArrayList{"ttl"};
    QTest::newRow("provision.add: attribute not a string")
        << QByteArray("provision.add")
        << "{" + key + R"(,"address":{"host":"h","port":1},"attributes":{"n":1}})" << syntax
        << QByteArrayList{"attributes.n", "string", "integer"};
    QTest::newRow("provision.add: environment wrong type")
        << QByteArray("provision.add")
        << QByteArray(
               R"({"environment":1,"service":"blog","role":"db","endpoint":"mysql","address":{"host":"h","port":1}})")
        << syntax << QByteArrayList{"environment", "string", "integer"};
    QTest::newRow("provision.drop: ok")
        << QByteArray("provision.drop") << QByteArray(R"({"id":"p1","wait":null})") << ok
        << QByteArrayList();
    QTest::newRow("provision.drop: missing id")
        << QByteArray("provision.drop") << QByteArray("{}") << syntax << QByteArrayList{"id"};
    QTest::newRow("provision.drop: wait wrong type")
        << QByteArray("provision.drop") << QByteArray(R"({"id":"p1","wait":"1"})") << syntax
        << QByteArrayList{"wait", "number", "string"};
    QTest::newRow("requirement.add: ok")
        << QByteArray("requirement.add") << "{" + key + R"(,"attributes":{"zone":"^a$"}})" << ok
        << QByteArrayList();
    QTest::newRow("requirement.add: missing endpoint")
        << QByteArray("requirement.add")
        << QByteArray(R"({"environment":"dev","service":"blog","role":"db"})") << syntax
        << QByteArrayList{"endpoint"};
    QTest::newRow("requirement.add: pattern wrong type")
        << QByteArray("requirement.add") << "{" + key + R"(,"attributes":{"zone":["a"]}})" << syntax
        << QByteArrayList{"attributes.zone", "string", "array"};
    QTest::newRow("requirement.drop: unexpected")
        << QByteArray("requirement.drop") << QByteArray(R"({"id":"r1","wait":0})") << syntax
        << QByteArrayList{"wait"};
    QTest::newRow("session.detach: ok")
        << QByteArray("session.detach") << QByteArray("{}") << ok << QByteArrayList();
    QTest::newRow("session.detach: unexpected")
        << QByteArray("session.detach") << QByteArray(R"({"id":"s"})") << syntax
        << QByteArrayList{"id"};
    QTest::newRow("registry.leave: wait")
        << QByteArray("registry.leave") << QByteArray(R"({"wait":2})") << ok << QByteArrayList();
    QTest::newRow("registry.leave: negative wait")
        << QByteArray("registry.leave") << QByteArray(R"({"wait":-2})") << syntax
        << QByteArrayList{"wait"};
}

void tst_Protocol::arguments()
{
    QFETCH(QByteArray, command);
    QFETCH(QByteArray, arguments);
    QFETCH(QByteArray, errorName);
    QFETCH(QByteArrayList, mentions);
    const QJsonObject object = QJsonDocument::fromJson(arguments).object();
    QVERIFY2(!object.isEmpty() || arguments == "{}", arguments.constData());

    Scs::Result<void> result;
    switch (commandFromName(QString::fromUtf8(command))) {
    case Command::RegistryJoin:
        result = voidOf(parseJoin(object));
        break;
    case Command::SessionAttach:
        result = voidOf(parseAttach(object));
        break;
    case Command::Ping:
        result = voidOf(parsePing(object));
        break;
    case Command::ProvisionAdd:
        result = voidOf(parseProvisionAdd(object));
        break;
    case Command::ProvisionDrop:
        result = voidOf(parseProvisionDrop(object));
        break;
    case Command::RequirementAdd:
        result = voidOf(parseRequirementAdd(object));
        break;
    case Command::RequirementDrop:
        result = voidOf(parseRequirementDrop(object));
        break;
    case Command::SessionDetach:
        result = parseDetach(object);
        break;
    case Command::RegistryLeave:
        result = voidOf(parseLeave(object));
        break;
    default:
        QFAIL("unexpected command in the table");
    }
    if (errorName.isEmpty()) {
        QVERIFY_RESULT(result);
        return;
    }
    QVERIFY(!result);
    QCOMPARE(Protocol::errorName(result.error()), QString::fromUtf8(errorName));
    for (const QByteArray &mention : mentions)
        QVERIFY2(result.error().message.contains(QString::fromUtf8(mention)),
                 qPrintable(result.error().message + u" lacks " + QString::fromUtf8(mention)));
}

void tst_Protocol::typedArguments()
{
    const auto drop = parseProvisionDrop(json(R"({"id":"p1","wait":null})"));
    QVERIFY_RESULT(drop);
    QCOMPARE(drop->wait.mode, Wait::Mode::None);
    const auto dropDefault = parseProvisionDrop(json(R"({"id":"p1"})"));
    QVERIFY_RESULT(dropDefault);
    QCOMPARE(dropDefault->wait.mode, Wait::Mode::UntilAcked);
    const auto dropBounded = parseProvisionDrop(json(R"({"id":"p1","wait":1.5})"));
    QVERIFY_RESULT(dropBounded);
    QCOMPARE(dropBounded->wait.mode, Wait::Mode::Bounded);
    QCOMPARE(dropBounded->wait.seconds, 1.5);

    const auto join = parseJoin(json(R"({"options":{"attributes":{"host":"h1"},"timeout":3}})"));
    QVERIFY_RESULT(join);
    QCOMPARE(join->timeout, 3.0);
    QCOMPARE(join->attributes.value(u"host").toString(), u"h1");

    const auto ping = parsePing(QJsonObject());
    QVERIFY_RESULT(ping);
    QVERIFY(!ping->reply);

    // The message of a wrong type names the argument and both types.
    const auto wrong = parseProvisionAdd(json(
        R"({"environment":"d","service":"s","role":"r","endpoint":"e","address":{"host":"h","port":"x"}})"));
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().message, u"argument 'address.port' must be integer, not string");
}

void tst_Protocol::roundTrip()
{
    const ProvisionSpec spec{{QStringLiteral("dev"), QStringLiteral("blog"),
                              QStringLiteral("mysqlmaster"), QStringLiteral("mysql")},
                             {QStringLiteral("192.0.2.11"), 39313},
                             {{QStringLiteral("zone"), QStringLiteral("one")}}};
    const auto parsed = parseProvisionAdd(provisionAddArguments(spec));
    QVERIFY_RESULT(parsed);
    QCOMPARE(parsed->key, spec.key);
    QCOMPARE(parsed->address, spec.address);
    QCOMPARE(parsed->attributes, spec.attributes);

    const RequirementChange change{QStringLiteral("r1"),
                                   Action::Drop,
                                   {Endpoint{QStringLiteral("p1"), spec.address, spec.attributes}}};
    const auto back = parseRequirementChanged(requirementChangedArguments(change));
    QVERIFY_RESULT(back);
    QCOMPARE(back->requirementId, change.requirementId);
    QCOMPARE(back->action, Action::Drop);
    QCOMPARE(back->endpoints, change.endpoints);

    QCOMPARE(Key::fromString(QStringLiteral("dev/blog/mysqlmaster/mysql")).value(), spec.key);
    QVERIFY(!Key::fromString(QStringLiteral("dev/blog/mysql")));
    QVERIFY(!Key::fromString(QStringLiteral("dev//x/mysql")));
}

QTEST_APPLESS_MAIN(tst_Protocol)
#include "tst_protocol.moc"
