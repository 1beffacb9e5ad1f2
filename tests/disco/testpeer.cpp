// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
//
// A disco peer in its own process, for tests that kill it: joins, provides one
// endpoint, prints "ready" and then only answers (it sends no heartbeats, so a
// stopped process looks exactly like a half-open peer).
//
//   disco_testpeer SERVERPORT ENV/SERVICE/ROLE/ENDPOINT HOST PORT

#include <QCoreApplication>
#include <QTcpSocket>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5) {
        std::fprintf(stderr, "usage: disco_testpeer SERVERPORT KEY HOST PORT\n");
        return 2;
    }
    const QStringList key = args.at(2).split(u'/');
    if (key.size() != 4)
        return 2;
    QTcpSocket socket;
    QObject::connect(&socket, &QTcpSocket::disconnected, &app, [] { QCoreApplication::exit(1); });
    QObject::connect(&socket, &QTcpSocket::readyRead, &app, [&socket] {
        while (socket.canReadLine()) {
            const QByteArray line = socket.readLine();
            if (line.startsWith("r:2 ")) {
                std::printf("ready %s", line.constData() + 4);
                std::fflush(stdout);
            }
        }
    });
    QObject::connect(&socket, &QTcpSocket::connected, &app, [&] {
        const QString json
            = QStringLiteral(R"({"environment":"%1","service":"%2","role":"%3",)"
                             R"("endpoint":"%4","address":{"host":"%5","port":%6}})")
                  .arg(key.at(0), key.at(1), key.at(2), key.at(3), args.at(3), args.at(4));
        socket.write("c:1 registry.join\nc:2 provision.add " + json.toUtf8() + '\n');
        socket.flush();
    });
    socket.connectToHost(QStringLiteral("127.0.0.1"), args.at(1).toUShort());
    return app.exec();
}
