// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
//
// libFuzzer target over the disco line codec and the server's command
// dispatcher (with the real Registry): the input is split into the byte
// streams of three connections; control bytes also close connections and
// advance the clock, so timeouts, detaches and re-attaches are reached.
#include "disco/dispatcher.h"
#include "disco/protocol.h"
#include "disco/registry.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

namespace {

class NullTransport final : public Disco::Internal::Dispatcher::Transport
{
public:
    void send(Disco::Internal::Dispatcher::ConnectionId, const QByteArray &data) override
    {
        bytes += data.size();
        // Every line the server writes must itself parse as a valid line.
        const auto parsed = Disco::Protocol::parse(data);
        if (parsed.status != Disco::Protocol::ParseStatus::Ok
            || parsed.line.type == Disco::Protocol::LineType::Invalid)
            __builtin_trap();
    }
    qsizetype bytes = 0;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Disco::Registry registry;
    NullTransport transport;
    Disco::Internal::Dispatcher dispatcher(registry, transport);
    Disco::TimePoint now = 0;
    QByteArray buffers[3];
    bool open[3] = {true, true, true};
    for (quint64 c = 0; c < 3; ++c)
        dispatcher.connectionOpened(c, QStringLiteral("127.0.0.1:%1").arg(c));

    auto drain = [&](int c) {
        while (open[c]) {
            const auto parsed = Disco::Protocol::parse(buffers[c]);
            if (parsed.status == Disco::Protocol::ParseStatus::Incomplete)
                break;
            if (parsed.status == Disco::Protocol::ParseStatus::TooLong) {
                open[c] = false;
                dispatcher.connectionClosed(quint64(c), now);
                break;
            }
            buffers[c].remove(0, parsed.frameSize);
            dispatcher.handleLine(quint64(c), parsed.line, now);
        }
    };

    // Format: a selector byte, then bytes up to the next 0xff go to that connection.
    size_t i = 0;
    while (i < size) {
        const uint8_t selector = data[i++];
        size_t end = i;
        while (end < size && data[end] != 0xff)
            ++end;
        const int c = selector % 3;
        switch (selector >> 6) {
        case 0:
        case 1:
            if (open[c]) {
                buffers[c].append(reinterpret_cast<const char *>(data + i), qsizetype(end - i));
                drain(c);
            }
            break;
        case 2: // the clock moves on
            now += Disco::TimePoint(selector & 0x3f) * 100'000;
            dispatcher.expire(now);
            break;
        case 3: // the socket closes; a new one takes its place
            if (open[c])
                dispatcher.connectionClosed(quint64(c), now);
            buffers[c].clear();
            open[c] = true;
            dispatcher.connectionOpened(quint64(c), QStringLiteral("127.0.0.1:9"));
            break;
        }
        i = end + 1;
    }
    dispatcher.expire(now + 3600LL * 1'000'000);
    dispatcher.shutdown(now);
    if (registry.sessionCount() != 0 || registry.provisionCount() != 0
        || registry.requirementCount() != 0)
        __builtin_trap();
    return 0;
}
