// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

// A disco client written only from disco-protocol.md: a socket, lines and JSON.
// It deliberately uses nothing of core/disco, so the tests prove that a client
// of any language that follows the page interoperates with the server.

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QTcpSocket>
#include <QTest>

class RawPeer
{
public:
    struct Message
    {
        char kind = 0; // 'c', 'r', 'e' or 'h' (heartbeat)
        QByteArray msgid;
        QByteArray command;
        QJsonObject object;
        QByteArray raw;
    };

    RawPeer() = default;
    RawPeer(const RawPeer &) = delete;
    RawPeer &operator=(const RawPeer &) = delete;

    bool connectTo(quint16 port)
    {
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [this] {
            buffer.append(socket.readAll());
            qsizetype end;
            while ((end = buffer.indexOf('\n')) >= 0) {
                QByteArray line = buffer.left(end);
                buffer.remove(0, end + 1);
                if (line.endsWith('\r'))
                    line.chop(1);
                lines.append(line);
            }
        });
        socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        return waitUntil([this] { return socket.state() == QAbstractSocket::ConnectedState; });
    }

    template<typename Predicate>
    static bool waitUntil(Predicate predicate, int timeoutMs = 5000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!predicate()) {
            if (deadline.hasExpired())
                return false;
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            QTest::qSleep(1);
        }
        return true;
    }

    void sendRaw(const QByteArray &data)
    {
        socket.write(data);
        socket.flush();
    }

    /** Sends `c:<id> <command> [<json>]`, returns the msgid. */
    QByteArray command(const QByteArray &command, const QByteArray &json = {})
    {
        const QByteArray msgid = QByteArray::number(++nextId);
        sendRaw("c:" + msgid + ' ' + command + (json.isEmpty() ? QByteArray() : ' ' + json) + '\n');
        return msgid;
    }

    static Message parse(const QByteArray &line)
    {
        Message m;
        m.raw = line;
        if (line.isEmpty()) {
            m.kind = 'h';
            return m;
        }
        m.kind = line.at(0);
        QByteArray rest = line.mid(2);
        if (m.kind == 'c' || m.kind == 'r') {
            const qsizetype space = rest.indexOf(' ');
            m.msgid = rest.left(space);
            rest = rest.mid(space + 1);
        }
        if (m.kind == 'c') {
            const qsizetype space = rest.indexOf(' ');
            m.command = space < 0 ? rest : rest.left(space);
            rest = space < 0 ? QByteArray() : rest.mid(space + 1);
        }
        m.object = QJsonDocument::fromJson(rest).object();
        return m;
    }

    /** The next line that is not a heartbeat (or kind 0 on timeout). */
    Message next(int timeoutMs = 5000, bool skipHeartbeats = true)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (true) {
            while (!lines.isEmpty()) {
                const Message m = parse(lines.takeFirst());
                if (m.kind == 'h' && skipHeartbeats)
                    continue;
                return m;
            }
            if (deadline.hasExpired())
                return Message{};
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            QTest::qSleep(1);
        }
    }

    /** Waits for the answer to \p msgid, collecting notifications that arrive before it. */
    Message reply(const QByteArray &msgid, int timeoutMs = 5000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            const Message m = next(int(std::max<qint64>(1, deadline.remainingTime())));
            if (m.kind == 0)
                break;
            if (m.kind == 'r' && m.msgid == msgid)
                return m;
            notifications.append(m);
        }
        return Message{};
    }

    /** The next `requirement.changed` (from those collected first). */
    Message notification(int timeoutMs = 5000)
    {
        if (!notifications.isEmpty())
            return notifications.takeFirst();
        return next(timeoutMs);
    }

    void ack(const Message &notification)
    {
        sendRaw("r:" + notification.msgid + " {\"result\":{\"ack\":true}}\n");
    }

    /** Sends a command and returns its `result` object (empty + QTest failure text on error). */
    QJsonObject call(const QByteArray &command, const QByteArray &json = {})
    {
        const Message m = reply(this->command(command, json));
        lastError = m.object.value(QStringLiteral("error")).toObject();
        return m.object.value(QStringLiteral("result")).toObject();
    }

    bool isConnected() const { return socket.state() == QAbstractSocket::ConnectedState; }

    QTcpSocket socket;
    QByteArray buffer;
    QList<QByteArray> lines;
    QList<Message> notifications;
    QJsonObject lastError;
    int nextId = 0;
};
