// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "dnsresponder.h"

#include "discolog.h"
#include "discotr.h"
#include "registry.h"

#include <QNetworkDatagram>
#include <QtEndian>
#include <QUdpSocket>

namespace Disco {
namespace {

enum : quint16 {
    TypeA = 1,
    TypeAAAA = 28,
    TypeSRV = 33,
    TypeANY = 255,
    ClassIN = 1,
    ClassANY = 255,
};
enum : quint8 {
    RcodeNoError = 0,
    RcodeFormErr = 1,
    RcodeNxDomain = 3,
    RcodeNotImp = 4,
    RcodeRefused = 5,
};
constexpr qsizetype MaxUdpAnswer = 512;
constexpr quint32 Ttl = 5; // short: provisions come and go within seconds

void put16(QByteArray &out, quint16 value)
{
    out.append(char(value >> 8)).append(char(value & 0xff));
}

void put32(QByteArray &out, quint32 value)
{
    put16(out, quint16(value >> 16));
    put16(out, quint16(value & 0xffff));
}

/** Encodes a dotted name; false if a label is empty or longer than 63 bytes. */
bool putName(QByteArray &out, const QStringList &labels)
{
    qsizetype total = 1;
    for (const QString &label : labels) {
        const QByteArray bytes = label.toUtf8();
        if (bytes.isEmpty() || bytes.size() > 63)
            return false;
        total += bytes.size() + 1;
        out.append(char(bytes.size())).append(bytes);
    }
    out.append('\0');
    return total <= 255;
}

struct Record
{
    QByteArray bytes;
};

} // namespace

DnsResponder::DnsResponder(const Registry *registry, QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_socket(new QUdpSocket(this))
{
    connect(m_socket, &QUdpSocket::readyRead, this, &DnsResponder::handleReadyRead);
}

DnsResponder::~DnsResponder() = default;

Scs::Result<void> DnsResponder::start(const QHostAddress &address, quint16 port)
{
    if (!m_socket->bind(address, port))
        return Scs::makeError(Tr::tr("cannot listen for DNS on %1:%2 (UDP): %3")
                                  .arg(address.toString())
                                  .arg(port)
                                  .arg(m_socket->errorString()),
                              Scs::Error::Kind::Network);
    qCInfo(discoLog).noquote() << Tr::tr("disco DNS SRV responder on %1:%2 (UDP)")
                                      .arg(m_socket->localAddress().toString())
                                      .arg(m_socket->localPort());
    return {};
}

quint16 DnsResponder::port() const
{
    return m_socket->localPort();
}

void DnsResponder::handleReadyRead()
{
    while (m_socket->hasPendingDatagrams()) {
        const QNetworkDatagram datagram = m_socket->receiveDatagram(4096);
        if (!datagram.isValid())
            continue;
        const QByteArray reply = answer(datagram.data());
        if (!reply.isEmpty())
            m_socket->writeDatagram(datagram.makeReply(reply));
    }
}

QByteArray DnsResponder::answer(const QByteArray &query) const
{
    const auto *data = reinterpret_cast<const uchar *>(query.constData());
    const qsizetype size = query.size();
    if (size < 12)
        return {};
    const quint16 flags = qFromBigEndian<quint16>(data + 2);
    if (flags & 0x8000)
        return {}; // a response: never answer those (no reflection loops)
    const quint16 questions = qFromBigEndian<quint16>(data + 4);

    auto header = [&](quint8 rcode, quint16 answers, quint16 additional, bool truncated,
                      bool withQuestion) {
        QByteArray out = query.left(2);
        // QR, opcode copied, AA, TC, RD copied; RA off.
        quint16 outFlags = 0x8000 | (flags & 0x7800) | 0x0400 | (flags & 0x0100) | rcode;
        if (truncated)
            outFlags |= 0x0200;
        put16(out, outFlags);
        put16(out, withQuestion ? 1 : 0);
        put16(out, answers);
        put16(out, 0);
        put16(out, additional);
        return out;
    };

    const quint8 opcode = quint8((flags >> 11) & 0xf);
    if (opcode != 0)
        return header(RcodeNotImp, 0, 0, false, false);
    if (questions != 1)
        return header(RcodeFormErr, 0, 0, false, false);

    // The question: labels without compression (a query has nothing to point to).
    qsizetype pos = 12;
    QStringList labels;
    qsizetype nameLength = 0;
    while (true) {
        if (pos >= size)
            return header(RcodeFormErr, 0, 0, false, false);
        const quint8 length = data[pos];
        if (length == 0) {
            ++pos;
            break;
        }
        if (length > 63 || pos + 1 + length > size)
            return header(RcodeFormErr, 0, 0, false, false);
        nameLength += length + 1;
        if (nameLength > 255)
            return header(RcodeFormErr, 0, 0, false, false);
        labels.append(QString::fromUtf8(query.mid(pos + 1, length)));
        pos += 1 + length;
    }
    if (pos + 4 > size)
        return header(RcodeFormErr, 0, 0, false, false);
    const quint16 qtype = qFromBigEndian<quint16>(data + pos);
    const quint16 qclass = qFromBigEndian<quint16>(data + pos + 2);
    const QByteArray question = query.mid(12, pos + 4 - 12);

    auto reply
        = [&](quint8 rcode, const QList<QByteArray> &answers, const QList<QByteArray> &additional) {
              // Fit into a plain UDP answer: drop additional records first, then truncate.
              qsizetype total = 12 + question.size();
              QList<QByteArray> fittedAnswers;
              bool truncated = false;
              for (const QByteArray &record : answers) {
                  if (total + record.size() > MaxUdpAnswer) {
                      truncated = true;
                      break;
                  }
                  total += record.size();
                  fittedAnswers.append(record);
              }
              QList<QByteArray> fittedAdditional;
              for (const QByteArray &record : additional) {
                  if (truncated || total + record.size() > MaxUdpAnswer)
                      break;
                  total += record.size();
                  fittedAdditional.append(record);
              }
              QByteArray out = header(rcode, quint16(fittedAnswers.size()),
                                      quint16(fittedAdditional.size()), truncated, true);
              out += question;
              for (const QByteArray &record : std::as_const(fittedAnswers))
                  out += record;
              for (const QByteArray &record : std::as_const(fittedAdditional))
                  out += record;
              return out;
          };

    if (qclass != ClassIN && qclass != ClassANY)
        return reply(RcodeRefused, {}, {});
    if (labels.isEmpty() || labels.constLast().compare(u"disco", Qt::CaseInsensitive) != 0)
        return reply(RcodeRefused, {}, {}); // not our zone

    auto addressRecord = [](const QByteArray &name, const QHostAddress &address) {
        QByteArray record = name;
        const bool v4 = address.protocol() == QAbstractSocket::IPv4Protocol;
        put16(record, v4 ? TypeA : TypeAAAA);
        put16(record, ClassIN);
        put32(record, Ttl);
        if (v4) {
            put16(record, 4);
            put32(record, address.toIPv4Address());
        } else {
            put16(record, 16);
            const Q_IPV6ADDR v6 = address.toIPv6Address();
            record.append(reinterpret_cast<const char *>(v6.c), 16);
        }
        return record;
    };

    // _{endpoint}._tcp.{role}.{service}.{environment}.disco
    if (labels.size() == 6 && labels.at(0).startsWith(u'_') && labels.at(0).size() > 1
        && labels.at(1).compare(u"_tcp", Qt::CaseInsensitive) == 0) {
        const Key key{labels.at(4), labels.at(3), labels.at(2), labels.at(0).mid(1)};
        const QList<Endpoint> endpoints = m_registry->endpoints(key);
        if (endpoints.isEmpty())
            return reply(RcodeNxDomain, {}, {});
        if (qtype != TypeSRV && qtype != TypeANY)
            return reply(RcodeNoError, {}, {}); // the name exists, without records of that type
        QList<QByteArray> answers;
        QList<QByteArray> additional;
        for (const Endpoint &endpoint : endpoints) {
            const QHostAddress address(endpoint.address.host);
            QByteArray target;
            if (!address.isNull()) {
                if (!putName(target, {endpoint.id, key.role, key.service, key.environment,
                                      QStringLiteral("disco")}))
                    continue;
                additional.append(addressRecord(target, address));
            } else {
                QString host = endpoint.address.host;
                if (host.endsWith(u'.'))
                    host.chop(1);
                if (!putName(target, host.split(u'.')))
                    continue;
            }
            QByteArray record;
            put16(record, 0xc00c); // the question's name
            put16(record, TypeSRV);
            put16(record, ClassIN);
            put32(record, Ttl);
            put16(record, quint16(6 + target.size()));
            put16(record, 0); // priority
            put16(record, 1); // weight
            put16(record, quint16(endpoint.address.port));
            record += target;
            answers.append(record);
        }
        return reply(RcodeNoError, answers, additional);
    }

    // {provision-id}.{role}.{service}.{environment}.disco: the target of an SRV record.
    if (labels.size() == 5) {
        const auto provision = m_registry->provision(labels.at(0));
        const Key key{labels.at(3), labels.at(2), labels.at(1), {}};
        if (provision && provision->key.environment == key.environment
            && provision->key.service == key.service && provision->key.role == key.role) {
            const QHostAddress address(provision->address.host);
            if (address.isNull())
                return reply(RcodeNoError, {}, {});
            const bool v4 = address.protocol() == QAbstractSocket::IPv4Protocol;
            if (qtype == TypeANY || qtype == (v4 ? TypeA : TypeAAAA)) {
                QByteArray name;
                put16(name, 0xc00c);
                return reply(RcodeNoError, {addressRecord(name, address)}, {});
            }
            return reply(RcodeNoError, {}, {});
        }
    }
    return reply(RcodeNxDomain, {}, {});
}

} // namespace Disco
