// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
//
// bench_disco: the disco server against a load generator in another process,
// on loopback, and etcd 3.4's watch latency measured the same way in the same run.
//
//   bench_disco [--rounds N] [--no-etcd]     runs everything, prints numbers
//   bench_disco --serve                      (internal) the server process
//
// 1. latency: provision.add sent -> the subscriber reads requirement.changed,
//    sequential (the next round starts after the previous one is drained);
//    etcd: PUT sent (JSON gateway) -> a watcher on the prefix reads the event.
// 2. fan-out: one provision.add -> 1,000 subscribed sessions; time to the last read.
// 3. registration: provision.add per second from 50 pipelined clients.
// 4. memory: 10,000 sessions with one provision and one requirement each: server RSS.
//
// The load generator uses plain blocking/poll()ed POSIX sockets so that it
// measures the server, not a client library.
#include "disco/server.h"

#include <QCoreApplication>
#include <QDir>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

using Clock = std::chrono::steady_clock;

double microsSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::micro>(Clock::now() - start).count();
}

void raiseFileLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

int connectTo(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
        ::close(fd);
        return -1;
    }
    const int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

bool sendAll(int fd, const std::string &data)
{
    size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::send(fd, data.data() + done, data.size() - done, MSG_NOSIGNAL);
        if (n <= 0)
            return false;
        done += size_t(n);
    }
    return true;
}

/** A socket with a line buffer. */
struct Peer
{
    int fd = -1;
    std::string buffer;
    size_t scanned = 0;

    /** Blocks until a full line is there; returns it without the newline. */
    std::optional<std::string> line()
    {
        while (true) {
            const size_t end = buffer.find('\n', scanned);
            if (end != std::string::npos) {
                std::string result = buffer.substr(0, end);
                buffer.erase(0, end + 1);
                scanned = 0;
                return result;
            }
            scanned = buffer.size();
            char chunk[65536];
            const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
            if (n <= 0)
                return std::nullopt;
            buffer.append(chunk, size_t(n));
        }
    }
    /** Non-blocking: complete lines already received plus what recv gives now. */
    bool pump()
    {
        char chunk[65536];
        const ssize_t n = ::recv(fd, chunk, sizeof chunk, MSG_DONTWAIT);
        if (n > 0) {
            buffer.append(chunk, size_t(n));
            return true;
        }
        return false;
    }
    std::optional<std::string> bufferedLine()
    {
        const size_t end = buffer.find('\n');
        if (end == std::string::npos)
            return std::nullopt;
        std::string result = buffer.substr(0, end);
        buffer.erase(0, end + 1);
        return result;
    }
    /** The next line that is not a heartbeat. */
    std::optional<std::string> nextNonEmpty()
    {
        while (auto l = line()) {
            if (!l->empty())
                return l;
        }
        return std::nullopt;
    }
};

std::string msgidOf(const std::string &line)
{
    const size_t space = line.find(' ');
    return line.substr(2, space - 2);
}

std::string jsonString(const std::string &line, const std::string &field)
{
    const std::string needle = "\"" + field + "\":\"";
    const size_t at = line.find(needle);
    if (at == std::string::npos)
        return {};
    const size_t start = at + needle.size();
    return line.substr(start, line.find('"', start) - start);
}

std::string keyJson(const std::string &service)
{
    return R"("environment":"bench","service":")" + service + R"(","role":"db","endpoint":"mysql")";
}

std::string provisionAdd(const std::string &msgid, const std::string &service, int port)
{
    return "c:" + msgid + " provision.add {" + keyJson(service)
           + R"(,"address":{"host":"10.0.0.1","port":)" + std::to_string(port) + "}}\n";
}

bool join(Peer &peer)
{
    if (!sendAll(peer.fd, "c:j registry.join\n"))
        return false;
    const auto reply = peer.nextNonEmpty();
    return reply && reply->rfind("r:j ", 0) == 0;
}

struct Stats
{
    double median = 0;
    double p99 = 0;
    double mean = 0;
    double max = 0;
};

Stats stats(std::vector<double> samples)
{
    Stats s;
    if (samples.empty())
        return s;
    std::sort(samples.begin(), samples.end());
    s.median = samples[samples.size() / 2];
    s.p99 = samples[std::min(samples.size() - 1, size_t(double(samples.size()) * 0.99))];
    double sum = 0;
    for (double v : samples)
        sum += v;
    s.mean = sum / double(samples.size());
    s.max = samples.back();
    return s;
}

// ---------------------------------------------------------------- disco scenarios

std::vector<double> discoLatency(quint16 port, int rounds)
{
    Peer provider{connectTo(port)};
    Peer subscriber{connectTo(port)};
    if (!join(provider) || !join(subscriber))
        return {};
    sendAll(subscriber.fd, "c:r requirement.add {" + keyJson("latency") + "}\n");
    subscriber.nextNonEmpty();
    std::vector<double> samples;
    samples.reserve(size_t(rounds));
    for (int i = 0; i < rounds + 20; ++i) { // 20 warm-up rounds
        const std::string add = provisionAdd("a" + std::to_string(i), "latency", 1000 + i);
        const auto start = Clock::now();
        sendAll(provider.fd, add);
        const auto notification = subscriber.nextNonEmpty();
        const double micros = microsSince(start);
        if (!notification)
            return {};
        if (i >= 20)
            samples.push_back(micros);
        const auto reply = provider.nextNonEmpty();
        sendAll(subscriber.fd, "r:" + msgidOf(*notification) + " {\"result\":{\"ack\":true}}\n");
        const std::string id = jsonString(*reply, "id");
        sendAll(provider.fd, "c:d" + std::to_string(i) + " provision.drop {\"id\":\"" + id
                                 + "\",\"wait\":null}\n");
        const auto drop = subscriber.nextNonEmpty();
        sendAll(subscriber.fd, "r:" + msgidOf(*drop) + " {\"result\":{\"ack\":true}}\n");
        provider.nextNonEmpty();
    }
    ::close(provider.fd);
    ::close(subscriber.fd);
    return samples;
}

std::vector<double> discoFanout(quint16 port, int subscribers, int rounds)
{
    std::vector<Peer> peers(static_cast<size_t>(subscribers));
    for (Peer &peer : peers) {
        peer.fd = connectTo(port);
        if (peer.fd < 0 || !join(peer))
            return {};
        sendAll(peer.fd, "c:r requirement.add {" + keyJson("fanout") + "}\n");
        peer.nextNonEmpty();
    }
    Peer provider{connectTo(port)};
    join(provider);
    std::vector<pollfd> fds(peers.size());
    std::vector<double> samples;
    std::string provisionId;
    for (int round = 0; round < rounds + 5; ++round) {
        for (int phase = 0; phase < 2; ++phase) { // add, then drop
            std::string msgid;
            std::string command;
            if (phase == 0) {
                msgid = "a" + std::to_string(round);
                command = provisionAdd(msgid, "fanout", 2000 + round);
            } else {
                msgid = "d" + std::to_string(round);
                command = "c:" + msgid + " provision.drop {\"id\":\"" + provisionId
                          + "\",\"wait\":null}\n";
            }
            const auto start = Clock::now();
            sendAll(provider.fd, command);
            size_t done = 0;
            std::vector<char> got(peers.size(), 0);
            std::vector<std::string> msgids(peers.size());
            while (done < peers.size()) {
                size_t n = 0;
                std::vector<size_t> index;
                for (size_t i = 0; i < peers.size(); ++i) {
                    if (got[i])
                        continue;
                    fds[n] = pollfd{peers[i].fd, POLLIN, 0};
                    index.push_back(i);
                    ++n;
                }
                if (::poll(fds.data(), nfds_t(n), 5000) <= 0)
                    return {};
                for (size_t k = 0; k < n; ++k) {
                    if (!(fds[k].revents & POLLIN))
                        continue;
                    Peer &peer = peers[index[k]];
                    peer.pump();
                    while (auto l = peer.bufferedLine()) {
                        if (l->rfind("c:", 0) == 0) {
                            got[index[k]] = 1;
                            msgids[index[k]] = msgidOf(*l);
                            ++done;
                            break;
                        }
                    }
                }
            }
            const double micros = microsSince(start);
            if (phase == 0 && round >= 5)
                samples.push_back(micros);
            for (size_t i = 0; i < peers.size(); ++i)
                sendAll(peers[i].fd, "r:" + msgids[i] + " {\"result\":{\"ack\":true}}\n");
            // The provider's answer (its id, for the drop).
            while (true) {
                const auto reply = provider.nextNonEmpty();
                if (!reply)
                    return {};
                if (reply->rfind("r:" + msgid + " ", 0) == 0) {
                    if (phase == 0)
                        provisionId = jsonString(*reply, "id");
                    break;
                }
            }
        }
    }
    for (Peer &peer : peers)
        ::close(peer.fd);
    ::close(provider.fd);
    return samples;
}

double discoRegistration(quint16 port, int clients, int perClient)
{
    std::vector<Peer> peers(static_cast<size_t>(clients));
    std::vector<std::string> outgoing(static_cast<size_t>(clients));
    for (int c = 0; c < clients; ++c) {
        peers[size_t(c)].fd = connectTo(port);
        if (!join(peers[size_t(c)]))
            return 0;
        std::string &out = outgoing[size_t(c)];
        for (int i = 0; i < perClient; ++i)
            out += provisionAdd(std::to_string(i), "reg" + std::to_string(c % 10), i % 60000 + 1);
        fcntl(peers[size_t(c)].fd, F_SETFL, O_NONBLOCK);
    }
    std::vector<size_t> sent(size_t(clients), 0);
    std::vector<int> replies(size_t(clients), 0);
    int done = 0;
    const auto start = Clock::now();
    std::vector<pollfd> fds(static_cast<size_t>(clients));
    while (done < clients) {
        for (int c = 0; c < clients; ++c) {
            short events = replies[size_t(c)] < perClient ? POLLIN : 0;
            if (sent[size_t(c)] < outgoing[size_t(c)].size())
                events |= POLLOUT;
            fds[size_t(c)] = pollfd{peers[size_t(c)].fd, events, 0};
        }
        if (::poll(fds.data(), nfds_t(clients), 10000) <= 0)
            return 0;
        for (int c = 0; c < clients; ++c) {
            Peer &peer = peers[size_t(c)];
            if (fds[size_t(c)].revents & POLLOUT) {
                const std::string &out = outgoing[size_t(c)];
                const ssize_t n = ::send(peer.fd, out.data() + sent[size_t(c)],
                                         std::min<size_t>(out.size() - sent[size_t(c)], 256 * 1024),
                                         MSG_NOSIGNAL);
                if (n > 0)
                    sent[size_t(c)] += size_t(n);
            }
            if (fds[size_t(c)].revents & POLLIN) {
                char chunk[262144];
                const ssize_t n = ::recv(peer.fd, chunk, sizeof chunk, 0);
                if (n <= 0)
                    return 0;
                // One line per answer (a heartbeat would add one; none is due in this run).
                for (ssize_t i = 0; i < n; ++i) {
                    if (chunk[i] == '\n')
                        ++replies[size_t(c)];
                }
                if (replies[size_t(c)] >= perClient)
                    ++done;
            }
        }
    }
    const double seconds = microsSince(start) / 1e6;
    for (Peer &peer : peers)
        ::close(peer.fd);
    return double(clients) * perClient / seconds;
}

qint64 rssKiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

std::pair<qint64, qint64> discoMemory(quint16 port, qint64 serverPid, int sessions)
{
    const qint64 before = rssKiB(serverPid);
    std::vector<Peer> peers;
    peers.reserve(size_t(sessions));
    int outstanding = 0;
    size_t next = 0;
    // Connect in waves so the listen backlog never overflows.
    for (int i = 0; i < sessions; ++i) {
        Peer peer{connectTo(port)};
        if (peer.fd < 0) {
            std::fprintf(stderr, "connect %d failed: %s\n", i, std::strerror(errno));
            return {before, -1};
        }
        const std::string service = "m" + std::to_string(i);
        sendAll(peer.fd, "c:1 registry.join\n" + provisionAdd("2", service, 3306)
                             + "c:3 requirement.add {" + keyJson(service) + "}\n");
        peers.push_back(std::move(peer));
        ++outstanding;
        while (outstanding > 200 || (i == sessions - 1 && next < peers.size())) {
            Peer &p = peers[next];
            int replies = 0;
            while (replies < 3) {
                const auto l = p.nextNonEmpty();
                if (!l)
                    return {before, -1};
                if (l->rfind("r:", 0) == 0)
                    ++replies;
            }
            ++next;
            --outstanding;
        }
    }
    const qint64 after = rssKiB(serverPid);
    for (Peer &peer : peers)
        ::close(peer.fd);
    return {before, after};
}

// ---------------------------------------------------------------- etcd

struct Etcd
{
    QProcess process;
    QTemporaryDir dir;
    quint16 port = 0;
};

quint16 freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address);
    socklen_t length = sizeof address;
    getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length);
    ::close(fd);
    return ntohs(address.sin_port);
}

std::string httpPost(const std::string &path, const std::string &body, quint16 port)
{
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port)
           + "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size())
           + "\r\n\r\n" + body;
}

/** Reads one HTTP response (Content-Length or chunked with one chunk... ) fully. */
bool readResponse(Peer &peer)
{
    // Headers.
    while (peer.buffer.find("\r\n\r\n") == std::string::npos) {
        char chunk[8192];
        const ssize_t n = ::recv(peer.fd, chunk, sizeof chunk, 0);
        if (n <= 0)
            return false;
        peer.buffer.append(chunk, size_t(n));
    }
    const size_t headerEnd = peer.buffer.find("\r\n\r\n") + 4;
    std::string headers = peer.buffer.substr(0, headerEnd);
    std::transform(headers.begin(), headers.end(), headers.begin(), ::tolower);
    peer.buffer.erase(0, headerEnd);
    const size_t lengthAt = headers.find("content-length:");
    if (lengthAt != std::string::npos) {
        const size_t length = std::stoul(headers.substr(lengthAt + 15));
        while (peer.buffer.size() < length) {
            char chunk[8192];
            const ssize_t n = ::recv(peer.fd, chunk, sizeof chunk, 0);
            if (n <= 0)
                return false;
            peer.buffer.append(chunk, size_t(n));
        }
        peer.buffer.erase(0, length);
        return true;
    }
    // Chunked: read until the terminating zero chunk.
    while (peer.buffer.find("\r\n0\r\n\r\n") == std::string::npos
           && peer.buffer.rfind("0\r\n\r\n", 0) != 0) {
        char chunk[8192];
        const ssize_t n = ::recv(peer.fd, chunk, sizeof chunk, 0);
        if (n <= 0)
            return false;
        peer.buffer.append(chunk, size_t(n));
    }
    peer.buffer.clear();
    return true;
}

bool startEtcd(Etcd &etcd)
{
    etcd.port = freePort();
    const quint16 peerPort = freePort();
    const quint16 metricsPort = freePort();
    const QString client = QStringLiteral("http://127.0.0.1:%1").arg(etcd.port);
    const QString peer = QStringLiteral("http://127.0.0.1:%1").arg(peerPort);
    etcd.process.setProcessChannelMode(QProcess::MergedChannels);
    etcd.process.setStandardOutputFile(etcd.dir.filePath(QStringLiteral("etcd.log")));
    etcd.process.start(
        QStringLiteral("etcd"),
        {QStringLiteral("--data-dir"), etcd.dir.filePath(QStringLiteral("data")),
         QStringLiteral("--listen-client-urls"), client, QStringLiteral("--advertise-client-urls"),
         client, QStringLiteral("--listen-peer-urls"), peer,
         QStringLiteral("--initial-advertise-peer-urls"), peer, QStringLiteral("--initial-cluster"),
         QStringLiteral("default=") + peer, QStringLiteral("--listen-metrics-urls"),
         QStringLiteral("http://127.0.0.1:%1").arg(metricsPort)});
    if (!etcd.process.waitForStarted(5000))
        return false;
    for (int i = 0; i < 100; ++i) {
        Peer probe{connectTo(etcd.port)};
        if (probe.fd >= 0) {
            sendAll(probe.fd, httpPost("/v3/kv/range", R"({"key":"Zm9v"})", etcd.port));
            const bool ok = readResponse(probe);
            ::close(probe.fd);
            if (ok)
                return true;
        }
        ::usleep(100000);
    }
    return false;
}

std::vector<double> etcdLatency(quint16 port, int rounds)
{
    // base64("bench/") = YmVuY2gv, base64("bench0") = YmVuY2gw
    Peer watcher{connectTo(port)};
    Peer putter{connectTo(port)};
    if (watcher.fd < 0 || putter.fd < 0)
        return {};
    sendAll(watcher.fd,
            httpPost("/v3/watch", R"({"create_request":{"key":"YmVuY2gv","range_end":"YmVuY2gw"}})",
                     port));
    // Wait for the "created" message.
    while (watcher.buffer.find("\"created\":true") == std::string::npos) {
        char chunk[8192];
        const ssize_t n = ::recv(watcher.fd, chunk, sizeof chunk, 0);
        if (n <= 0)
            return {};
        watcher.buffer.append(chunk, size_t(n));
    }
    watcher.buffer.clear();
    std::vector<double> samples;
    for (int i = 0; i < rounds + 20; ++i) {
        const std::string value = QByteArray::number(i).toBase64().toStdString();
        const std::string put
            = httpPost("/v3/kv/put", R"({"key":"YmVuY2gva2V5","value":")" + value + "\"}", port);
        const auto start = Clock::now();
        sendAll(putter.fd, put);
        while (watcher.buffer.find("\"events\"") == std::string::npos) {
            char chunk[8192];
            const ssize_t n = ::recv(watcher.fd, chunk, sizeof chunk, 0);
            if (n <= 0)
                return {};
            watcher.buffer.append(chunk, size_t(n));
        }
        const double micros = microsSince(start);
        watcher.buffer.erase(0, watcher.buffer.find("\"events\"") + 8);
        if (i >= 20)
            samples.push_back(micros);
        if (!readResponse(putter))
            return {};
    }
    ::close(watcher.fd);
    ::close(putter.fd);
    return samples;
}

int serve()
{
    raiseFileLimit();
    QLoggingCategory::setFilterRules(QStringLiteral("scs.disco.debug=false"));
    Disco::Server server;
    if (auto started = server.start(QHostAddress::LocalHost, 0); !started) {
        std::fprintf(stderr, "%s\n", qPrintable(started.error().message));
        return 1;
    }
    std::printf("%u\n", unsigned(server.serverPort()));
    std::fflush(stdout);
    return QCoreApplication::exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.contains(u"--serve"))
        return serve();
    raiseFileLimit();
    int rounds = 500;
    if (const qsizetype at = args.indexOf(u"--rounds"); at > 0)
        rounds = args.value(at + 1).toInt();
    const bool withEtcd = !args.contains(u"--no-etcd");

    QProcess server;
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--serve")});
    if (!server.waitForReadyRead(10000)) {
        std::fprintf(stderr, "the server process did not start\n");
        return 1;
    }
    const quint16 port = quint16(server.readLine().trimmed().toUInt());
    QTextStream out(stdout);
    out << "disco server pid " << server.processId() << " on 127.0.0.1:" << port << "\n";
    out.flush();

    const Stats disco = stats(discoLatency(port, rounds));
    out << QString::asprintf("1. latency, %d sequential rounds: disco median %.1f us, p99 %.1f us, "
                             "mean %.1f us\n",
                             rounds, disco.median, disco.p99, disco.mean);
    out.flush();
    if (withEtcd) {
        Etcd etcd;
        if (!startEtcd(etcd)) {
            out << "   etcd did not start (is etcd-server installed?)\n";
        } else {
            const Stats e = stats(etcdLatency(etcd.port, rounds));
            out << QString::asprintf(
                "   etcd 3.4 JSON gateway, same method: median %.1f us, p99 %.1f us, "
                "mean %.1f us\n",
                e.median, e.p99, e.mean);
            if (e.median > 0)
                out << QString::asprintf("   disco median / etcd median = %.3f (target <= 0.2)\n",
                                         disco.median / e.median);
            etcd.process.terminate();
            etcd.process.waitForFinished(5000);
        }
        out.flush();
    }

    const Stats fanout = stats(discoFanout(port, 1000, 100));
    out << QString::asprintf(
        "2. fan-out to 1000 sessions, 100 changes: change -> last subscriber read "
        "median %.0f us, p99 %.0f us, max %.0f us (target p99 < 5000 us)\n",
        fanout.median, fanout.p99, fanout.max);
    out.flush();

    const double rate = discoRegistration(port, 50, 2000);
    out << QString::asprintf("3. registration: %.0f provision.add/s from 50 pipelined clients "
                             "(100000 in total; target >= 50000/s)\n",
                             rate);
    out.flush();

    // A fresh server, so the memory is that of the 10,000 sessions only.
    server.kill();
    server.waitForFinished();
    server.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--serve")});
    if (!server.waitForReadyRead(10000))
        return 1;
    const quint16 memoryPort = quint16(server.readLine().trimmed().toUInt());
    const auto [before, after] = discoMemory(memoryPort, server.processId(), 10000);
    out << QString::asprintf("4. memory: server RSS %.1f MiB idle, %.1f MiB with 10000 sessions "
                             "(1 provision + 1 requirement each; target < 100 MiB)\n",
                             double(before) / 1024, double(after) / 1024);
    out.flush();

    server.kill();
    server.waitForFinished();
    return 0;
}
