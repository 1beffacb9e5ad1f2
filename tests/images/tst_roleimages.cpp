// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
//
// The role images of the example stack (manifests/images/mysql, manifests/images/wordpress),
// compiled from manifests/stack.yaml by the manifest compiler, built by Runtime::ImageBuilder
// and run through Docker::EngineClient on the real engine the test command provides, with the
// environment the compiler gives each role: a MySQL master accepts SQL on a port published on
// 127.0.0.1, a replica replicates from it and its liveupdate re-points it,
// WordPress pointed at the master answers its install page, installs, and its liveupdate
// switches the database host without failing a request; every container stops cleanly on
// SIGTERM.

#include "imagetestutil.h"
#include "manifest/compiler.h"
#include "runtime/imagebuilder.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QTextStream>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace {

// Replaces the stack's dev password: quotes and a backslash, which the image scripts must
// escape for SQL.
const QString DbPassword = uR"(it's "db" \pw)"_s;

struct HttpAnswer
{
    int status = 0;
    QByteArray location;
    QByteArray body;
    QString error;
};

/** One request without following redirects; waits at most \p timeoutMs. */
HttpAnswer httpRequest(QNetworkAccessManager &nam, const QUrl &url, const QByteArray &postBody = {},
                       int timeoutMs = 30000)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(timeoutMs);
    QNetworkReply *reply = nullptr;
    if (postBody.isNull()) {
        reply = nam.get(request);
    } else {
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          u"application/x-www-form-urlencoded"_s);
        reply = nam.post(request, postBody);
    }
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    HttpAnswer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.location = reply->rawHeader("Location");
    answer.body = reply->readAll();
    if (reply->error() != QNetworkReply::NoError && answer.status == 0)
        answer.error = reply->errorString();
    reply->deleteLater();
    return answer;
}

/** Runs the host's mariadb client against 127.0.0.1:\p port; its output, or an error. */
Scs::Result<QString> hostSql(int port, const QString &user, const QString &database,
                             const QString &sql)
{
    QProcess client;
    client.setProcessChannelMode(QProcess::SeparateChannels);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"MYSQL_PWD"_s, DbPassword); // not on the command line
    client.setProcessEnvironment(env);
    client.start(u"mariadb"_s, {u"--protocol=tcp"_s, u"-h127.0.0.1"_s, u"-P%1"_s.arg(port),
                                u"-u"_s + user, u"--connect-timeout=5"_s, u"--batch"_s,
                                u"--skip-column-names"_s, database, u"-e"_s, sql});
    if (!client.waitForStarted(5000))
        return Scs::makeError(u"cannot run the mariadb client (install mariadb-client): %1"_s.arg(
            client.errorString()));
    if (!client.waitForFinished(30000)) {
        client.kill();
        client.waitForFinished();
        return Scs::makeError(u"mariadb client on 127.0.0.1:%1 timed out"_s.arg(port));
    }
    if (client.exitStatus() != QProcess::NormalExit || client.exitCode() != 0)
        return Scs::makeError(u"mariadb client on 127.0.0.1:%1 failed (exit %2): %3"_s.arg(port)
                                  .arg(client.exitCode())
                                  .arg(QString::fromLocal8Bit(client.readAllStandardError())));
    return QString::fromUtf8(client.readAllStandardOutput()).trimmed();
}

} // namespace

class tst_RoleImages : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void mysqlMasterAcceptsSqlOnLoopback();
    void mysqlReplicaFollowsAndLiveupdateRepoints();
    void wordpressAnswersInstallPageAndInstalls();
    void wordpressLiveupdateDropsNoRequest();
    void liveupdateRejectsBadEndpoints();
    void containersStopCleanlyOnSigterm();
    void cleanupTestCase();

private:
    Scs::Result<QString> startRole(const Manifest::CompiledContainer &container,
                                   const QMap<QString, QString> &requireEnvironment,
                                   int containerPort);
    Scs::Result<Docker::ExecResult> exec(const QString &container, const QStringList &command,
                                         const QMap<QString, QString> &environment = {});
    Scs::Result<QString> rootSql(const QString &container, const QString &sql);
    QString sqlUser() const;
    QString sqlDatabase() const;

    std::unique_ptr<Docker::EngineClient> m_client;
    Manifest::CompiledStack m_stack;
    Manifest::CompiledContainer m_master;
    Manifest::CompiledContainer m_replica;
    Manifest::CompiledContainer m_wordpress;
    QString m_prefix;
    QStringList m_containers; // every container this test created, removed at the end
    QString m_masterId;
    QString m_replicaId;
    QString m_wordpressId;
    QString m_masterAddress; // on the default bridge
    QString m_bridgeGateway;
    int m_masterGatewayPort = 0;
    int m_wordpressPort = 0;
};

void tst_RoleImages::initTestCase()
{
    SCS_REQUIRE_DOCKER();
    auto host = Docker::HostConfig::fromAddress(u"test"_s, TestUtil::dockerHost());
    QVERIFY_RESULT(host);
    host->timeoutMs = 120000;
    m_client = std::make_unique<Docker::EngineClient>(*host);
    m_prefix = ImageTest::uniqueName(u"img"_s);

    auto bridge = ImageTest::await(m_client->inspectNetwork(u"bridge"_s));
    QVERIFY_RESULT(bridge);
    m_bridgeGateway = bridge->gateway;
    QVERIFY2(!m_bridgeGateway.isEmpty(), "the default bridge has no gateway address");

    const QString source = QString::fromLocal8Bit(qgetenv("SCS_SOURCE_DIR"));
    auto stack = Manifest::Compiler::compile(source + u"/manifests/stack.yaml"_s);
    QVERIFY_RESULT(stack);
    m_stack = *stack;
    for (const auto &[role, into] :
         {std::pair{u"mysqlmaster"_s, &m_master}, std::pair{u"mysqlslave"_s, &m_replica},
          std::pair{u"wordpress"_s, &m_wordpress}}) {
        const Manifest::CompiledContainer *container = m_stack.container(role);
        QVERIFY2(container, qPrintable(u"the example stack has no role "_s + role));
        *into = *container;
    }
    QCOMPARE(m_master.image.name, u"mysql"_s);
    QCOMPARE(m_replica.image.name, u"mysql"_s);
    QCOMPARE(m_wordpress.image.name, u"wordpress"_s);
    QVERIFY(m_master.image.tag != m_replica.image.tag); // same folder, other image.config

    QVERIFY_RESULT(ImageTest::ensureBaseImage(*m_client, m_master.image.base));

    // Cold: each image 1-2 min on an idle machine (apt-get from the mirror); warm: skipped.
    Runtime::ImageBuilder builder(*m_client);
    QStringList report;
    QStringList failures;
    bool finished = false;
    connect(&builder, &Runtime::ImageBuilder::imageBuilt, this,
            [&](const QString &tag, const QString &, qint64 ms) {
                report << u"%1 built in %2 s"_s.arg(tag).arg(double(ms) / 1000.0, 0, 'f', 1);
            });
    connect(&builder, &Runtime::ImageBuilder::imageSkipped, this,
            [&](const QString &tag) { report << tag + u" already built"_s; });
    connect(&builder, &Runtime::ImageBuilder::imageFailed, this,
            [&](const QString &tag, const Scs::Error &error) {
                failures << tag + u": "_s + error.message;
            });
    connect(&builder, &Runtime::ImageBuilder::finished, this, [&] { finished = true; });
    builder.build({m_master.image, m_replica.image, m_wordpress.image});
    QVERIFY(QTest::qWaitFor([&] { return finished; }, 40 * 60 * 1000));
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u"\n"_s)));
    QTextStream out(stdout);
    for (const QString &line : std::as_const(report))
        out << line << "\n";
    for (const auto *container : {&m_master, &m_replica, &m_wordpress}) {
        auto image = ImageTest::await(m_client->inspectImage(container->image.tag));
        QVERIFY_RESULT(image);
        QCOMPARE(image->labels.value(u"scs.image.hash"_s), container->image.hash);
        out << container->image.tag << ": " << image->size / 1000000 << " MB\n";
    }
    out.flush();
}

QString tst_RoleImages::sqlUser() const
{
    return m_master.environment.value(u"SCS_DB_USER"_s);
}

QString tst_RoleImages::sqlDatabase() const
{
    return m_master.environment.value(u"SCS_DB_NAME"_s);
}

Scs::Result<QString> tst_RoleImages::startRole(const Manifest::CompiledContainer &container,
                                               const QMap<QString, QString> &requireEnvironment,
                                               int containerPort)
{
    const QString role = container.role;
    Docker::ContainerSpec spec;
    spec.name = m_prefix + u"-"_s + role;
    spec.image = container.image.tag;
    // what the container manager gives it: the compiled environment, the secrets' values, and
    // SCS_REQUIRE_* for what it requires
    spec.environment = container.environment;
    for (auto it = container.secrets.cbegin(); it != container.secrets.cend(); ++it)
        spec.environment.insert(it.key(), it.value().value);
    spec.environment.insert(u"SCS_DB_PASSWORD"_s, DbPassword);
    spec.environment.insert(requireEnvironment);
    spec.labels = {{u"scs.test"_s, m_prefix}};
    // loopback for the test, the bridge gateway (the "host address") for other containers
    spec.ports = {Docker::PortBinding{containerPort, u"tcp"_s, u"127.0.0.1"_s, 0},
                  Docker::PortBinding{containerPort, u"tcp"_s, m_bridgeGateway, 0}};
    spec.stopTimeoutSeconds = int(container.image.stopTimeout);
    // the image's health command, checked more often so the test does not wait long
    if (!container.image.health)
        return Scs::makeError(u"%1: the image has no health check"_s.arg(role));
    spec.health = Docker::HealthCheck{container.image.health->command, 0.5, 5, 120, 0};
    auto id = ImageTest::await(m_client->createContainer(spec));
    if (!id)
        return id;
    m_containers << *id;
    if (auto started = ImageTest::await(m_client->startContainer(*id)); !started)
        return Scs::makeError(started.error());
    // healthy = the server answers (MySQL) / nginx passes a request to php-fpm (WordPress)
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 90000) {
        auto info = ImageTest::await(m_client->inspectContainer(*id));
        if (!info)
            return Scs::makeError(info.error());
        if (!info->state.running)
            return Scs::makeError(
                u"%1 exited (code %2) while starting"_s.arg(role).arg(info->state.exitCode));
        if (info->state.health == u"healthy"_s) {
            QTextStream(stdout) << role << " healthy after " << timer.elapsed() << " ms\n";
            return *id;
        }
        QTest::qWait(200);
    }
    return Scs::makeError(u"%1 did not become healthy within 90 s"_s.arg(role));
}

Scs::Result<Docker::ExecResult> tst_RoleImages::exec(const QString &container,
                                                     const QStringList &command,
                                                     const QMap<QString, QString> &environment)
{
    Docker::ExecSpec spec;
    spec.command = command;
    spec.environment = environment;
    return ImageTest::await(m_client->exec(container, spec));
}

Scs::Result<QString> tst_RoleImages::rootSql(const QString &container, const QString &sql)
{
    auto result
        = exec(container, {u"mariadb"_s, u"--batch"_s, u"--skip-column-names"_s, u"-e"_s, sql});
    if (!result)
        return Scs::makeError(result.error());
    if (result->exitCode != 0)
        return Scs::makeError(u"SQL in %1 failed (exit %2): %3"_s.arg(container)
                                  .arg(result->exitCode)
                                  .arg(QString::fromUtf8(result->standardError)));
    return QString::fromUtf8(result->standardOutput).trimmed();
}

void tst_RoleImages::mysqlMasterAcceptsSqlOnLoopback()
{
    auto id = startRole(m_master, {}, 3306);
    QVERIFY_RESULT(id);
    m_masterId = *id;
    auto info = ImageTest::await(m_client->inspectContainer(m_masterId));
    QVERIFY_RESULT(info);
    m_masterAddress = info->networks.value(u"bridge"_s);
    QVERIFY(!m_masterAddress.isEmpty());
    int loopbackPort = 0;
    for (const auto &binding : info->ports) {
        if (binding.containerPort == 3306 && binding.hostIp == u"127.0.0.1"_s)
            loopbackPort = binding.hostPort;
        if (binding.containerPort == 3306 && binding.hostIp == m_bridgeGateway)
            m_masterGatewayPort = binding.hostPort;
    }
    QVERIFY(loopbackPort > 0);
    QVERIFY(m_masterGatewayPort > 0);

    // the application user, with the password from the environment, over TCP on loopback
    auto who = hostSql(loopbackPort, sqlUser(), sqlDatabase(),
                       u"SELECT CURRENT_USER(), DATABASE(), @@server_id, @@log_bin, @@read_only"_s);
    QVERIFY_RESULT(who);
    QCOMPARE(*who, u"%1@%\t%2\t1\t1\t0"_s.arg(sqlUser(), sqlDatabase()));
    auto write = hostSql(loopbackPort, sqlUser(), sqlDatabase(),
                         u"CREATE TABLE notes (id INT PRIMARY KEY, text "
                         "VARCHAR(40)); INSERT INTO notes VALUES (1, 'first'); "
                         "SELECT text FROM notes"_s);
    QVERIFY_RESULT(write);
    QCOMPARE(*write, u"first"_s);
    // the application user has no rights outside its database
    auto other = hostSql(loopbackPort, sqlUser(), sqlDatabase(), u"CREATE DATABASE intruder"_s);
    QVERIFY(!other);
    QVERIFY2(other.error().message.contains(u"denied"_s), qPrintable(other.error().message));
}

void tst_RoleImages::mysqlReplicaFollowsAndLiveupdateRepoints()
{
    QVERIFY(!m_masterId.isEmpty());
    auto id = startRole(
        m_replica,
        {{u"SCS_REQUIRE_MYSQL_HOST"_s, m_masterAddress}, {u"SCS_REQUIRE_MYSQL_PORT"_s, u"3306"_s}},
        3306);
    QVERIFY_RESULT(id);
    m_replicaId = *id;

    const QString notes = sqlDatabase() + u".notes"_s;
    auto waitForRow = [this, notes](const QString &text) {
        QString last;
        for (int i = 0; i < 150; ++i) {
            auto rows = rootSql(m_replicaId, u"SELECT text FROM %1 ORDER BY id"_s.arg(notes));
            if (rows && rows->split(u'\n').contains(text))
                return true;
            last = rows ? *rows : rows.error().message;
            QTest::qWait(200);
        }
        qWarning() << "replica never showed" << text << "last:" << last;
        return false;
    };
    QVERIFY(waitForRow(u"first"_s));
    auto readOnly = rootSql(m_replicaId, u"SELECT @@read_only, @@server_id"_s);
    QVERIFY_RESULT(readOnly);
    QCOMPARE(*readOnly, u"1\t2"_s);

    // the master "moved": same server, now reached through the host address and published port
    const QMap<QString, QString> moved{
        {u"SCS_REQUIRE_MYSQL_HOST"_s, m_bridgeGateway},
        {u"SCS_REQUIRE_MYSQL_PORT"_s, QString::number(m_masterGatewayPort)}};
    auto update = exec(m_replicaId, {u"/scs/bin/liveupdate-mysql"_s}, moved);
    QVERIFY_RESULT(update);
    QVERIFY2(update->exitCode == 0, update->standardError.constData());
    auto status
        = exec(m_replicaId, {u"mariadb"_s, u"--vertical"_s, u"-e"_s, u"SHOW SLAVE STATUS"_s});
    QVERIFY_RESULT(status);
    QMap<QString, QString> fields;
    for (const QString &line : QString::fromUtf8(status->standardOutput).split(u'\n')) {
        const qsizetype colon = line.indexOf(u": "_s);
        if (colon > 0)
            fields.insert(line.left(colon).trimmed(), line.mid(colon + 2));
    }
    QCOMPARE(fields.value(u"Master_Host"_s), m_bridgeGateway);
    QCOMPARE(fields.value(u"Master_Port"_s), QString::number(m_masterGatewayPort));
    QCOMPARE(fields.value(u"Using_Gtid"_s), u"Slave_Pos"_s);
    // idempotent: the same endpoint again changes nothing and succeeds
    auto again = exec(m_replicaId, {u"/scs/bin/liveupdate-mysql"_s}, moved);
    QVERIFY_RESULT(again);
    QCOMPARE(again->exitCode, 0);
    QVERIFY2(again->standardError.contains("already replicating"),
             again->standardError.constData());

    auto insert = rootSql(m_masterId, u"INSERT INTO %1 VALUES (2, 'after-move')"_s.arg(notes));
    QVERIFY_RESULT(insert);
    QVERIFY(waitForRow(u"after-move"_s));

    // a master ignores the liveupdate
    auto onMaster = exec(m_masterId, {u"/scs/bin/liveupdate-mysql"_s}, moved);
    QVERIFY_RESULT(onMaster);
    QCOMPARE(onMaster->exitCode, 0);
}

void tst_RoleImages::wordpressAnswersInstallPageAndInstalls()
{
    QVERIFY(!m_masterId.isEmpty());
    auto id = startRole(
        m_wordpress,
        {{u"SCS_REQUIRE_MYSQL_HOST"_s, m_masterAddress}, {u"SCS_REQUIRE_MYSQL_PORT"_s, u"3306"_s}},
        80);
    QVERIFY_RESULT(id);
    m_wordpressId = *id;
    auto info = ImageTest::await(m_client->inspectContainer(m_wordpressId));
    QVERIFY_RESULT(info);
    for (const auto &binding : info->ports)
        if (binding.containerPort == 80 && binding.hostIp == u"127.0.0.1"_s)
            m_wordpressPort = binding.hostPort;
    QVERIFY(m_wordpressPort > 0);
    const QString base = u"http://127.0.0.1:%1"_s.arg(m_wordpressPort);

    QNetworkAccessManager nam;
    const HttpAnswer root = httpRequest(nam, QUrl(base + u"/"_s));
    QVERIFY2(root.error.isEmpty(), qPrintable(root.error));
    QCOMPARE(root.status, 302);
    QCOMPARE(root.location, (base + u"/wp-admin/install.php"_s).toUtf8());

    const HttpAnswer install = httpRequest(nam, QUrl(base + u"/wp-admin/install.php"_s));
    QCOMPARE(install.status, 200);
    QVERIFY2(install.body.contains("<title>WordPress &rsaquo; Installation</title>"),
             install.body.left(400).constData());

    QUrlQuery form;
    form.addQueryItem(u"weblog_title"_s, u"scs test blog"_s);
    form.addQueryItem(u"user_name"_s, u"admin"_s);
    form.addQueryItem(u"admin_password"_s, u"Scs-test-pass-1234"_s);
    form.addQueryItem(u"admin_password2"_s, u"Scs-test-pass-1234"_s);
    form.addQueryItem(u"pw_weak"_s, u"1"_s);
    form.addQueryItem(u"admin_email"_s, u"admin@blog.example"_s);
    form.addQueryItem(u"blog_public"_s, u"0"_s);
    const HttpAnswer step2 = httpRequest(nam, QUrl(base + u"/wp-admin/install.php?step=2"_s),
                                         form.toString(QUrl::FullyEncoded).toUtf8(), 120000);
    QCOMPARE(step2.status, 200);
    QVERIFY2(step2.body.contains("Success!"), step2.body.left(400).constData());

    auto tables = rootSql(m_masterId,
                          u"SELECT COUNT(*) FROM information_schema.tables WHERE "
                          "table_schema = '%1' AND table_name LIKE 'wp\\_%'"_s.arg(sqlDatabase()));
    QVERIFY_RESULT(tables);
    QCOMPARE(tables->toInt(), 12);

    const HttpAnswer home = httpRequest(nam, QUrl(base + u"/"_s));
    QCOMPARE(home.status, 200);
    QVERIFY2(home.body.contains("scs test blog"), home.body.left(400).constData());
}

void tst_RoleImages::wordpressLiveupdateDropsNoRequest()
{
    QVERIFY(m_wordpressPort > 0);
    const QUrl home(u"http://127.0.0.1:%1/"_s.arg(m_wordpressPort));

    // keep 4 requests in flight all the time while the liveupdate reloads php-fpm
    QNetworkAccessManager nam;
    int ok = 0;
    QStringList failures;
    bool running = true;
    int inFlight = 0;
    std::function<void()> fire = [&] {
        QNetworkRequest request(home);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::ManualRedirectPolicy);
        request.setTransferTimeout(30000);
        QNetworkReply *reply = nam.get(request);
        ++inFlight;
        connect(reply, &QNetworkReply::finished, this, [&, reply] {
            --inFlight;
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status == 200)
                ++ok;
            else
                failures << u"%1 %2"_s.arg(status).arg(reply->errorString());
            reply->deleteLater();
            if (running)
                fire();
        });
    };
    for (int i = 0; i < 4; ++i)
        fire();
    QTest::qWait(500);

    Docker::ExecSpec spec;
    spec.command = {u"/scs/bin/liveupdate-wordpress"_s};
    spec.environment = {{u"SCS_REQUIRE_MYSQL_HOST"_s, m_bridgeGateway},
                        {u"SCS_REQUIRE_MYSQL_PORT"_s, QString::number(m_masterGatewayPort)}};
    auto future = m_client->exec(m_wordpressId, spec);
    QVERIFY(QTest::qWaitFor([&] { return future.isFinished(); }, 60000));
    const auto update = future.result();
    QTest::qWait(500);
    running = false;
    QVERIFY(QTest::qWaitFor([&] { return inFlight == 0; }, 60000));

    QVERIFY_RESULT(update);
    QVERIFY2(update->exitCode == 0, update->standardError.constData());
    QVERIFY2(update->standardError.contains("php-fpm reloaded"), update->standardError.constData());
    QTextStream(stdout) << "requests during the reload: " << ok << " answered 200, "
                        << failures.size() << " failed\n";
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u"; "_s)));
    QVERIFY(ok > 0);

    auto file = exec(m_wordpressId, {u"cat"_s, u"/etc/wordpress/scs-db-host.php"_s});
    QVERIFY_RESULT(file);
    QVERIFY2(file->standardOutput.contains(
                 u"'%1:%2'"_s.arg(m_bridgeGateway).arg(m_masterGatewayPort).toUtf8()),
             file->standardOutput.constData());
    // WordPress now reads through the new address
    QNetworkAccessManager check;
    const HttpAnswer after = httpRequest(check, home);
    QCOMPARE(after.status, 200);
    QVERIFY(after.body.contains("scs test blog"));

    // idempotent
    auto again = exec(m_wordpressId, {u"/scs/bin/liveupdate-wordpress"_s}, spec.environment);
    QVERIFY_RESULT(again);
    QCOMPARE(again->exitCode, 0);
    QVERIFY2(again->standardError.contains("already at"), again->standardError.constData());
}

void tst_RoleImages::liveupdateRejectsBadEndpoints()
{
    QVERIFY(!m_wordpressId.isEmpty() && !m_replicaId.isEmpty());
    const QList<QPair<QString, QString>> cases{{u"mysql:3306; rm -rf /"_s, u"3306"_s},
                                               {u"db.example"_s, u"70000"_s},
                                               {u"db.example"_s, u"x"_s}};
    for (const auto &[host, port] : cases) {
        const QMap<QString, QString> env{{u"SCS_REQUIRE_MYSQL_HOST"_s, host},
                                         {u"SCS_REQUIRE_MYSQL_PORT"_s, port}};
        for (const auto &[container, command] :
             {std::pair{m_wordpressId, u"/scs/bin/liveupdate-wordpress"_s},
              std::pair{m_replicaId, u"/scs/bin/liveupdate-mysql"_s}}) {
            auto result = exec(container, {command}, env);
            QVERIFY_RESULT(result);
            QVERIFY2(result->exitCode != 0, qPrintable(host + u":"_s + port));
            QVERIFY2(result->standardError.contains("SCS_REQUIRE_MYSQL_"),
                     result->standardError.constData());
        }
    }
    // nothing changed: WordPress still answers
    QNetworkAccessManager nam;
    QCOMPARE(httpRequest(nam, QUrl(u"http://127.0.0.1:%1/"_s.arg(m_wordpressPort))).status, 200);
}

void tst_RoleImages::containersStopCleanlyOnSigterm()
{
    QVERIFY(!m_wordpressId.isEmpty() && !m_replicaId.isEmpty() && !m_masterId.isEmpty());
    QTextStream out(stdout);
    for (const auto &[name, id] :
         {std::pair{u"wordpress"_s, m_wordpressId}, std::pair{u"mysqlslave"_s, m_replicaId},
          std::pair{u"mysqlmaster"_s, m_masterId}}) {
        QElapsedTimer timer;
        timer.start();
        auto stopped = ImageTest::await(m_client->stopContainer(id, 10));
        QVERIFY_RESULT(stopped);
        const qint64 ms = timer.elapsed();
        auto info = ImageTest::await(m_client->inspectContainer(id));
        QVERIFY_RESULT(info);
        out << name << " stopped in " << ms << " ms, exit " << info->state.exitCode << "\n";
        // 0: the supervisor stopped its servers and exited itself (SIGKILL would be 137)
        QCOMPARE(info->state.exitCode, 0);
        QVERIFY2(ms < 9000, qPrintable(u"%1 took %2 ms to stop"_s.arg(name).arg(ms)));
    }
}

void tst_RoleImages::cleanupTestCase()
{
    if (!m_client)
        return;
    for (const QString &id : std::as_const(m_containers)) {
        auto removed = ImageTest::await(m_client->removeContainer(id, true, true));
        if (!removed)
            qWarning() << "could not remove" << id << removed.error().message;
    }
}

QTEST_GUILESS_MAIN(tst_RoleImages)
#include "tst_roleimages.moc"
