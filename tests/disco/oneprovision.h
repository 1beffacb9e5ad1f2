// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once
// The registry the read-API tests look at: a real server on a free loopback port, with one
// session (a RawPeer) that provides dev/blog/mysqlmaster/mysql at 127.0.0.1:3306.
#include "disco/server.h"
#include "rawpeer.h"

inline bool startWithOneProvision(Disco::Server &server, RawPeer &peer)
{
    if (!server.start(QHostAddress::LocalHost, 0) || !peer.connectTo(server.serverPort()))
        return false;
    peer.call("registry.join");
    return peer
        .call("provision.add", R"({"environment":"dev","service":"blog","role":"mysqlmaster",)"
                               R"("endpoint":"mysql","address":{"host":"127.0.0.1","port":3306}})")
        .contains(u"id");
}
