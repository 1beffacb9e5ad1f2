// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
//
// The registry as pure logic, with the time injected: matching, ordering,
// acknowledgements, the three `wait` modes, detached queues, timeouts.
#include "disco/protocol.h"
#include "disco/registry.h"
#include "testutil.h"

#include <QTest>

#include <limits>

using namespace Disco;

// QVERIFY_RESULT evaluates its argument more than once: never give it a call with effects.
#define VERIFY_OK(expression)                                                                      \
    do {                                                                                           \
        const auto verifyOkResult = (expression);                                                  \
        QVERIFY_RESULT(verifyOkResult);                                                            \
    } while (false)

namespace {

const Key Mysql{QStringLiteral("dev"), QStringLiteral("blog"), QStringLiteral("mysqlmaster"),
                QStringLiteral("mysql")};
const Key Http{QStringLiteral("dev"), QStringLiteral("blog"), QStringLiteral("wordpress"),
               QStringLiteral("http")};
constexpr TimePoint Second = 1'000'000;

ProvisionSpec at(const Key &key, int port, QMap<QString, QString> attributes = {})
{
    return ProvisionSpec{key, Address{QStringLiteral("10.0.0.1"), port}, std::move(attributes)};
}

const Wait UntilAcked{Wait::Mode::UntilAcked, 0};
const Wait NoWait{Wait::Mode::None, 0};

Wait bounded(double seconds)
{
    return Wait{Wait::Mode::Bounded, seconds};
}

/** Records what the observer hears. */
class Recorder : public RegistryObserver
{
public:
    void sessionJoined(const SessionInfo &s) override { events << u"joined " + s.id; }
    void sessionEnded(const SessionInfo &s) override { events << u"ended " + s.id; }
    void provisionAdded(const ProvisionInfo &p) override { events << u"provided " + p.id; }
    void provisionDropped(const ProvisionInfo &p) override { events << u"dropped " + p.id; }
    void requirementAdded(const RequirementInfo &r) override { events << u"required " + r.id; }
    void requirementDropped(const RequirementInfo &r) override { events << u"unrequired " + r.id; }
    void notificationAcknowledged(const NotificationInfo &n, qint64 latency) override
    {
        events << u"acked " + n.msgid;
        latencies << latency;
    }
    QStringList events;
    QList<qint64> latencies;
};

} // namespace

class tst_Registry : public QObject
{
    Q_OBJECT

private slots:
    void addNotifiesMatchingRequirements();
    void matching_data();
    void matching();
    void requirementSeesExistingProvisions();
    void unknownIdsAndOwnership();
    void regexErrorsNameTheKey();
    void waitNoneAnswersAtOnce();
    void waitUntilAckedAnswersAfterEveryAck();
    void waitBoundedTimesOut();
    void waitReleasedWhenSubscriberEnds();
    void detachedSessionQueuesInOrder();
    void unacknowledgedAreRedeliveredOnAttach();
    void timeoutDestroysSession();
    void reattachCancelsTimeout();
    void hugeDurationsSaturate_data();
    void hugeDurationsSaturate();
    void leaveDropsAndWaits();
    void endAllNotifiesEveryone();
    void observerAndLatency();
    void indexIsPerKey();
    void readSide();
};

void tst_Registry::addNotifiesMatchingRequirements()
{
    Registry registry;
    const QString a = registry.join({}, 0, QStringLiteral("a"), 0);
    const QString b = registry.join({}, 0, QStringLiteral("b"), 0);
    const auto required = registry.addRequirement(a, RequirementSpec{Mysql, {}}, 0);
    QVERIFY_RESULT(required);
    QVERIFY(required->endpoints.isEmpty());

    Registry::Effects effects;
    const auto provided = registry.addProvision(b, at(Mysql, 3306), 10, effects);
    QVERIFY_RESULT(provided);
    QCOMPARE(effects.deliveries.size(), 1);
    const Registry::Delivery delivery = effects.deliveries.at(0);
    QCOMPARE(delivery.sessionId, a);
    QCOMPARE(delivery.notification.requirementId, required->id);
    QCOMPARE(delivery.notification.action, Action::Add);
    QCOMPARE(delivery.notification.endpoints.at(0).id, *provided);
    QCOMPARE(registry.pendingNotificationCount(), 1);

    // Another key notifies nobody.
    Registry::Effects other;
    VERIFY_OK(registry.addProvision(b, at(Http, 80), 10, other));
    QVERIFY(other.isEmpty());
}

void tst_Registry::matching_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("value"); // empty: the provision lacks the attribute
    QTest::addColumn<bool>("matches");
    QTest::newRow("unanchored") << "us-west-2"
                                << "us-west-2c" << true;
    QTest::newRow("anchored whole") << "^a$"
                                    << "a" << true;
    QTest::newRow("anchored, longer value") << "^a$"
                                            << "ab" << false;
    QTest::newRow("alternation") << "one|two"
                                 << "two" << true;
    QTest::newRow("class") << "^[0-9]+$"
                           << "123" << true;
    QTest::newRow("case sensitive") << "ZONE"
                                    << "zone" << false;
    QTest::newRow("missing attribute") << ".*"
                                       << "" << false;
    QTest::newRow("empty pattern") << ""
                                   << "x" << true;
    QTest::newRow("escape class") << "^eu-west-\\d[a-c]$"
                                  << "eu-west-1b" << true;
    QTest::newRow("non-ASCII value") << "^zürich$"
                                     << "zürich" << true;
    // A pattern that backtracks exponentially ends at the engine's match limit as "no match"
    // instead of holding the server's only thread.
    QTest::newRow("catastrophic backtracking")
        << "^(a+)+$" << QString(QString(4000, u'a') + u'b') << false;
}

void tst_Registry::matching()
{
    QFETCH(QString, pattern);
    QFETCH(QString, value);
    QFETCH(bool, matches);
    Registry registry;
    const QString s = registry.join({}, 0, {}, 0);
    Registry::Effects effects;
    QMap<QString, QString> attributes;
    if (!value.isEmpty())
        attributes.insert(QStringLiteral("zone"), value);
    VERIFY_OK(registry.addProvision(s, at(Mysql, 1, attributes), 0, effects));
    const auto required = registry.addRequirement(
        s, RequirementSpec{Mysql, {{QStringLiteral("zone"), pattern}}}, 0);
    QVERIFY_RESULT(required);
    QCOMPARE(required->endpoints.size(), matches ? 1 : 0);
}

void tst_Registry::requirementSeesExistingProvisions()
{
    Registry registry;
    const QString s = registry.join({}, 0, {}, 0);
    Registry::Effects effects;
    const auto first = registry.addProvision(s, at(Mysql, 1), 0, effects);
    const auto second = registry.addProvision(s, at(Mysql, 2), 0, effects);
    const auto required = registry.addRequirement(s, RequirementSpec{Mysql, {}}, 0);
    QVERIFY_RESULT(required);
    QCOMPARE(required->endpoints.size(), 2);
    QCOMPARE(required->endpoints.at(0).id, *first); // oldest first
    QCOMPARE(required->endpoints.at(1).id, *second);
}

void tst_Registry::unknownIdsAndOwnership()
{
    Registry registry;
    const QString a = registry.join({}, 0, {}, 0);
    const QString b = registry.join({}, 0, {}, 0);
    Registry::Effects effects;
    const auto provided = registry.addProvision(a, at(Mysql, 1), 0, effects);
    const auto dropped = registry.dropProvision(b, *provided, NoWait, 1, 0, effects);
    QVERIFY(!dropped); // not b's
    QCOMPARE(Protocol::errorName(dropped.error()), u"Error");
    QVERIFY(dropped.error().message.contains(*provided));
    QVERIFY(!registry.dropProvision(a, QStringLiteral("nope"), NoWait, 1, 0, effects));
    const auto unrequired = registry.dropRequirement(a, QStringLiteral("r-x"));
    QVERIFY(!unrequired);
    QVERIFY(unrequired.error().message.contains(u"r-x"));
    const auto attached = registry.attach(QStringLiteral("s-gone"), {}, 0);
    QVERIFY(!attached);
    QVERIFY(attached.error().message.contains(u"s-gone"));
    QVERIFY(!registry.addProvision(QStringLiteral("s-gone"), at(Mysql, 1), 0, effects));
    // Ids are unique across kinds.
    QVERIFY(a != b && a != *provided);
}

void tst_Registry::regexErrorsNameTheKey()
{
    Registry registry;
    const QString s = registry.join({}, 0, {}, 0);
    const auto bad = registry.addRequirement(
        s, RequirementSpec{Mysql, {{QStringLiteral("rack"), QStringLiteral("[unclosed")}}}, 0);
    QVERIFY(!bad);
    QCOMPARE(Protocol::errorName(bad.error()), u"SyntaxError");
    QVERIFY(bad.error().message.contains(u"'rack'"));
    QCOMPARE(registry.requirementCount(), 0);

    // The fuzzer's find: a repeat count past any integer is refused, not overflowed.
    const auto count = registry.addRequirement(
        s,
        RequirementSpec{Mysql,
                        {{QStringLiteral("zone"), QStringLiteral("a{2222222222222222222}")}}},
        0);
    QVERIFY(!count);
    QCOMPARE(Protocol::errorName(count.error()), u"SyntaxError");
    QVERIFY(count.error().message.contains(u"'zone'"));
    const auto tooLong = registry.addRequirement(
        s, RequirementSpec{Mysql, {{QStringLiteral("zone"), QString(1025, u'a')}}}, 0);
    QVERIFY(!tooLong);
    QCOMPARE(registry.requirementCount(), 0);

    Registry::Effects effects;
    const auto huge = registry.addProvision(
        s, at(Mysql, 1, {{QStringLiteral("blob"), QString(5000, u'x')}}), 0, effects);
    QVERIFY(!huge);
    QCOMPARE(Protocol::errorName(huge.error()), u"SyntaxError");
    QVERIFY(huge.error().message.contains(u"attributes.blob"));
}

void tst_Registry::waitNoneAnswersAtOnce()
{
    Registry registry;
    const QString a = registry.join({}, 0, {}, 0);
    const QString b = registry.join({}, 0, {}, 0);
    VERIFY_OK(registry.addRequirement(a, RequirementSpec{Mysql, {}}, 0));
    Registry::Effects effects;
    const auto p = registry.addProvision(b, at(Mysql, 1), 0, effects);
    effects = {};
    VERIFY_OK(registry.dropProvision(b, *p, NoWait, 42, 0, effects));
    QCOMPARE(effects.deliveries.size(), 1);
    QCOMPARE(effects.deliveries.at(0).notification.action, Action::Drop);
    QCOMPARE(effects.completions.size(), 1);
    QCOMPARE(effects.completions.at(0).token, 42u);
    QCOMPARE(effects.completions.at(0).result, QJsonObject({{QStringLiteral("ack"), true}}));
}

void tst_Registry::waitUntilAckedAnswersAfterEveryAck()
{
    Registry registry;
    const QString a = registry.join({}, 0, {}, 0);
    const QString c = registry.join({}, 0, {}, 0);
    const QString b = registry.join({}, 0, {}, 0);
    VERIFY_OK(registry.addRequirement(a, RequirementSpec{Mysql, {}}, 0));
    VERIFY_OK(registry.addRequirement(c, RequirementSpec{Mysql, {}}, 0));
    Registry::Effects effects;
    const auto p = registry.addProvision(b, at(Mysql, 1), 0, effects);
    for (const auto &d : std::as_const(effects.deliveries))
        registry.acknowledge(d.sessionId, d.notification.msgid, 0, effects);
    effects = {};
    VERIFY_OK(registry.dropProvision(b, *p, UntilAcked, 7, 0, effects));
    QCOMPARE(effects.deliveries.size(), 2);
    QVERIFY(effects.completions.isEmpty());
    const auto deliveries = effects.deliveries;
    Registry::Effects ack;
    registry.acknowledge(deliveries.at(0).sessionId, deliveries.at(0).notification.msgid, 5, ack);
    QVERIFY(ack.completions.isEmpty());
    registry.acknowledge(deliveries.at(0).sessionId, deliveries.at(0).notification.msgid, 5, ack);
    QVERIFY(ack.completions.isEmpty()); // a repeated answer counts once
    registry.acknowledge(deliveries.at(1).sessionId, deliveries.at(1).notification.msgid, 6, ack);
    QCOMPARE(ack.completions.size(), 1);
    QCOMPARE(ack.completions.at(0).token, 7u);
    QCOMPARE(ack.completions.at(0).result, QJsonObject({{QStringLiteral("timed_out"), false}}));
    // Time alone never answers an unbounded wait.
    QVERIFY(!registry.nextDeadline());

    // Nobody to notify: answered at once.
    Registry::Effects lonely;
    const auto q = registry.addProvision(b, at(Http, 1), 0, lonely);
    VERIFY_OK(registry.dropProvision(b, *q, UntilAcked, 8, 0, lonely));
    QCOMPARE(lonely.completions.size(), 1);
    QCOMPARE(lonely.completions.at(0).result.value(u"timed_out"), QJsonValue(false));
}

void tst_Registry::waitBoundedTimesOut()
{
    Registry registry;
    const QString a = registry.join({}, 0, {}, 0);
    const QString b = registry.join({}, 0, {}, 0);
    VERIFY_OK(registry.addRequirement(a, RequirementSpec{Mysql, {}}, 0));
    Registry::Effects effects;
    const auto p = registry.addProvision(b, at(Mysql, 1), 0, effects);
    effects = {};
    VERIFY_OK(registry.dropProvision(b, *p, bounded(2), 9, 10 * Second, effects));
    QVERIFY(effects.completions.isEmpty());
    QCOMPARE(registry.nextDeadline(), 12 * Second);
    Registry::Effects early;
    registry.expire(12 * Second - 1, early);
    QVERIFY(early.completions.isEmpty());
    Registry::Effects late;
    registry.expire(12 * Second, late);
    QCOMPARE(late.completions.size(), 1);
    QCOMPARE(late.completions.at(0).result, QJsonObject({{QStringLiteral("timed_out"), true}}));
    // The late acknowledgement answers nothing more.
    Registry::Effects ack;
    registry.acknowledge(a, effects.deliveries.at(0).notification.msgid, 13 * Second, ack);
    QVERIFY(ack.completions.isEmpty());
}

void tst_Registry::waitReleasedWhenSubscriberEnds()
{
    Registry registry;
    const QString a = registry.join({}, 0, {}, 0);
    const QString b = registry.join({}, 0, {}, 0);
    VERIFY_OK(registry.addRequirement(a, RequirementSpec{Mysql, {}}, 0));
    Registry::Effects effects;
    const auto p = registry.addProvision(b, at(Mysql, 1), 0, effects);
    effects = {};
    VERIFY_OK(registry.dropProvision(b, *p, UntilAcked, 3, 0, effects));
    QVERIFY(effects.completions.isEmpty());
    Registry::Effects gone;
    registry.detach(a, 1, gone); // timeout 0: the subscriber ends, nobody is left to wait for
    QCOMPARE(gone.completions.size(), 1);
    QCOMPARE(gone.completions.at(0).token, 3u);
    QCOMPARE(registry.pendingNotificationCount(), 0);
}

void tst_Registry::detachedSessionQueuesInOrder()
{
    Registry registry;
    const QString a = registry.join({}, 30, {}, 0);
    const QString b = registry.join({}, 0, {}, 0);
    const auto r = registry.addRequirement(a, RequirementSpec{Mysql, {}}, 0);
    Registry::Effects effects;
    registry.detach(a, 0, effects);
    QVERIFY(effects.isEmpty());
    QVERIFY(registry.hasSession(a));
    QVERIFY(!registry.isAttached(a));

    const auto p1 = registry.addProvision(b, at(Mysql, 1), 1, effects);
    const auto p2 = registry.addProvision(b, at(Mysql, 2), 2, effects);
    VERIFY_OK(registry.dropProvision(b, *p1, NoWait, 1, 3, effects));
    QVERIFY(effects.deliveries.isEmpty()); // queued, not delivered

    const auto queued = registry.attach(a, QStringLiteral("again"), 4);
    QVERIFY_RESULT(queued);
    QCOMPARE(queued->size(), 3);
    QCOMPARE(queued->at(0).action, Action::Add);
    QCOMPARE(queued->at(0).endpoints.at(0).id, *p1);
    QCOMPARE(queued->at(1).endpoints.at(0).id, *p2);
    QCOMPARE(queued->at(2).action, Action::Drop);
    QCOMPARE(queued->at(2).requirementId, r->id);
    QCOMPARE(registry.session(a)->remote, u"again");
}

void tst_Registry::unacknowledgedAreRedeliveredOnAttach()
{
    Registry registry;
    const QString a = registry.join({}, 30, {}, 0);
    VERIFY_OK(registry.addRequirement(a, RequirementSpec{Mysql, {}}, 0));
    Registry::Effects effects;
    VERIFY_OK(registry.addProvision(a, at(Mysql, 1), 0, effects));
    VERIFY_OK(registry.addProvision(a, at(Mysql, 2), 0, effects));
    QCOMPARE(effects.deliveries.size(), 2);
    registry.acknowledge(a, effects.deliveries.at(0).notification.msgid, 1, effects);
    registry.detach(a, 2, effects);
    const auto again = registry.attach(a, {}, 3);
    QVERIFY_RESULT(again);
    QCOMPARE(again->size(), 1); // the second was sent but never answered
    QCOMPARE(again->at(0).msgid, effects.deliveries.at(1).notification.msgid);
}

void tst_Registry::timeoutDestroysSession()
{
    Registry registry;
    const QString a = registry.join({}, 0, {}, 0);
    const QString b = registry.join({}, 1.5, {}, 0);
    VERIFY_OK(registry.addRequirement(a, RequirementSpec{Mysql, {}}, 0));
    Registry::Effects effects;
    VERIFY_OK(registry.addProvision(b, at(Mysql, 1), 0, effects));
    effects = {};
    registry.detach(b, 10 * Second, effects);
    QVERIFY(effects.isEmpty());
    QCOMPARE(registry.nextDeadline(), TimePoint(11.5 * Second));
    registry.expire(11 * Second, effects);
    QVERIFY(registry.hasSession(b));
    registry.expire(TimePoint(11.5 * Second), effects);
    QVERIFY(!registry.hasSession(b));
    QCOMPARE(effects.deliveries.size(), 1);
    QCOMPARE(effects.deliveries.at(0).notification.action, Action::Drop);
    QCOMPARE(registry.provisionCount(), 0);
}

void tst_Registry::reattachCancelsTimeout()
{
    Registry registry;
    const QString b = registry.join({}, 1, {}, 0);
    Registry::Effects effects;
    registry.detach(b, 0, effects);
    VERIFY_OK(registry.attach(b, {}, Second / 2));
    registry.expire(5 * Second, effects);
    QVERIFY(registry.hasSession(b));
    // A second detach starts a new timeout from its own time.
    registry.detach(b, 6 * Second, effects);
    registry.expire(6 * Second + Second / 2, effects);
    QVERIFY(registry.hasSession(b));
    registry.expire(7 * Second, effects);
    QVERIFY(!registry.hasSession(b));
}

void tst_Registry::hugeDurationsSaturate_data()
{
    QTest::addColumn<double>("seconds");
    QTest::addColumn<TimePoint>("expected");
    QTest::newRow("zero") << 0.0 << TimePoint(0);
    QTest::newRow("one and a half") << 1.5 << TimePoint(1.5 * Second);
    QTest::newRow("the limit") << MaxDurationSeconds << TimePoint(MaxDurationSeconds * Second);
    QTest::newRow("past the clock") << 9.3e12 << TimePoint(MaxDurationSeconds * Second);
    QTest::newRow("1e300") << 1e300 << TimePoint(MaxDurationSeconds * Second);
    QTest::newRow("negative") << -4.0 << TimePoint(0);
}

void tst_Registry::hugeDurationsSaturate()
{
    QFETCH(double, seconds);
    QFETCH(TimePoint, expected);
    QCOMPARE(deadlineAfter(0, seconds), expected);
    QCOMPARE(deadlineAfter(std::numeric_limits<TimePoint>::max() - 5, seconds),
             seconds > 0 ? std::numeric_limits<TimePoint>::max()
                         : std::numeric_limits<TimePoint>::max() - 5);

    // A session that outlives its socket "for ever" and a drop that waits as long both get
    // real deadlines the registry can order, and still end when told to.
    Registry registry;
    const QString owner = registry.join({}, seconds, {}, 0);
    const QString subscriber = registry.join({}, 0, {}, 0);
    VERIFY_OK(registry.addRequirement(subscriber, RequirementSpec{Mysql, {}}, 0));
    Registry::Effects effects;
    const auto id = registry.addProvision(owner, at(Mysql, 1), 0, effects);
    QVERIFY_RESULT(id);
    effects = {};
    VERIFY_OK(registry.dropProvision(owner, *id, bounded(seconds), 7, Second, effects));
    registry.detach(owner, 2 * Second, effects);
    const auto next = registry.nextDeadline();
    QVERIFY(next);
    QVERIFY(*next >= Second);
    Registry::Effects ended;
    registry.endAll(3 * Second, ended);
    QCOMPARE(registry.sessionCount(), 0);
}

void tst_Registry::leaveDropsAndWaits()
{
    Registry registry;
    const QString a = registry.join({}, 0, {}, 0);
    const QString b = registry.join({}, 0, {}, 0);
    VERIFY_OK(registry.addRequirement(a, RequirementSpec{Mysql, {}}, 0));
    VERIFY_OK(registry.addRequirement(b, RequirementSpec{Mysql, {}}, 0));
    Registry::Effects effects;
    VERIFY_OK(registry.addProvision(b, at(Mysql, 1), 0, effects));
    VERIFY_OK(registry.addProvision(b, at(Mysql, 2), 0, effects));
    effects = {};
    registry.leave(b, UntilAcked, 77, 1, effects);
    QVERIFY(!registry.hasSession(b));
    QCOMPARE(registry.requirementCount(), 1);
    QCOMPARE(effects.deliveries.size(), 2); // only to a: b is not told about its own
    for (const auto &d : std::as_const(effects.deliveries))
        QCOMPARE(d.sessionId, a);
    QVERIFY(effects.completions.isEmpty());
    const auto deliveries = effects.deliveries;
    Registry::Effects acks;
    for (const auto &d : deliveries)
        registry.acknowledge(a, d.notification.msgid, 2, acks);
    QCOMPARE(acks.completions.size(), 1);
    QCOMPARE(acks.completions.at(0).token, 77u);
}

void tst_Registry::endAllNotifiesEveryone()
{
    Registry registry;
    const QString a = registry.join({}, 0, {}, 0);
    const QString b = registry.join({}, 60, {}, 0);
    VERIFY_OK(registry.addRequirement(b, RequirementSpec{Mysql, {}}, 0));
    Registry::Effects effects;
    VERIFY_OK(registry.addProvision(a, at(Mysql, 1), 0, effects));
    effects = {};
    registry.endAll(1, effects);
    QCOMPARE(registry.sessionCount(), 0);
    QCOMPARE(effects.deliveries.size(), 1);
    QCOMPARE(effects.deliveries.at(0).sessionId, b);
    QVERIFY(registry.keys().isEmpty());
}

void tst_Registry::observerAndLatency()
{
    Registry registry;
    Recorder recorder;
    registry.setObserver(&recorder);
    const QString a = registry.join({}, 0, {}, 0);
    const auto r = registry.addRequirement(a, RequirementSpec{Mysql, {}}, 0);
    Registry::Effects effects;
    const auto p = registry.addProvision(a, at(Mysql, 1), 100, effects);
    registry.acknowledge(a, effects.deliveries.at(0).notification.msgid, 350, effects);
    QCOMPARE(recorder.latencies, QList<qint64>{250});
    VERIFY_OK(registry.dropRequirement(a, r->id));
    registry.detach(a, 400, effects);
    QCOMPARE(recorder.events,
             QStringList({u"joined " + a, u"required " + r->id, u"provided " + *p,
                          u"acked " + effects.deliveries.at(0).notification.msgid,
                          u"unrequired " + r->id, u"dropped " + *p, u"ended " + a}));
}

void tst_Registry::indexIsPerKey()
{
    // Many subscribers of other keys do not receive (or cost) anything.
    Registry registry;
    const QString s = registry.join({}, 0, {}, 0);
    for (int i = 0; i < 1000; ++i) {
        const Key key{QStringLiteral("dev"), QStringLiteral("svc%1").arg(i), QStringLiteral("r"),
                      QStringLiteral("e")};
        VERIFY_OK(registry.addRequirement(s, RequirementSpec{key, {}}, 0));
    }
    VERIFY_OK(registry.addRequirement(s, RequirementSpec{Mysql, {}}, 0));
    Registry::Effects effects;
    VERIFY_OK(registry.addProvision(s, at(Mysql, 1), 0, effects));
    QCOMPARE(effects.deliveries.size(), 1);
    QCOMPARE(registry.keys().size(), 1001);
}

void tst_Registry::readSide()
{
    Registry registry;
    const QString s = registry.join({{QStringLiteral("host"), QStringLiteral("h1")}}, 5,
                                    QStringLiteral("127.0.0.1:1"), 0);
    Registry::Effects effects;
    const auto p = registry.addProvision(
        s, at(Mysql, 1, {{QStringLiteral("z"), QStringLiteral("1")}}), 0, effects);
    const auto r = registry.addRequirement(s, RequirementSpec{Http, {}}, 0);
    QCOMPARE(registry.sessions().size(), 1);
    QCOMPARE(registry.sessions().at(0).attributes.value(u"host").toString(), u"h1");
    QCOMPARE(registry.sessions().at(0).timeout, 5.0);
    QCOMPARE(registry.provisions(s).at(0).id, *p);
    QCOMPARE(registry.requirements(s).at(0).id, r->id);
    QCOMPARE(registry.provision(*p)->attributes.value(QStringLiteral("z")), u"1");
    QCOMPARE(registry.endpoints(Mysql).size(), 1);
    QCOMPARE(registry.keys(), (QList<Key>{Mysql, Http}));
}

QTEST_APPLESS_MAIN(tst_Registry)
#include "tst_registry.moc"
