// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
// Compiles a generated stack of 1,000 roles, each with 3 layers (common, role,
// role.prod), 10 image folders and 10 hosts, and prints how long it takes.
// Target: under 200 ms per compile on the project's 2-core machine.
#include "manifest/compiler.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <vector>

#include <time.h>

namespace {

bool writeFile(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}

bool generate(const QString &dir, int roles, int images, int hosts)
{
    for (int i = 0; i < images; ++i) {
        const QString image = dir + QStringLiteral("/images/app%1").arg(i);
        QByteArray manifest = "about: { title: app" + QByteArray::number(i)
                              + " }\n"
                                "config: { method: script, script: scs/configure.sh }\n"
                                "provide:\n  http: { port: 80 }\n"
                                "require:\n  http: { optional: true, liveupdate: { command: "
                                "/scs/bin/reload } }\n"
                                "volume:\n  data: { path: /var/lib/app }\n"
                                "health: { command: [/scs/bin/health], interval: 2 }\n"
                                "run: { command: [/scs/bin/start], stop_timeout: 5 }\n";
        if (!writeFile(image + QStringLiteral("/scs.yaml"), manifest)
            || !writeFile(image + QStringLiteral("/scs/configure.sh"), "#!/bin/sh\nexit 0\n")
            || !writeFile(image + QStringLiteral("/scs/bin/start"), QByteArray(4096, 'x')))
            return false;
    }
    QByteArray stack = "service: bench\nroles:\n";
    QByteArray placement = "placement:\n";
    for (int r = 0; r < roles; ++r) {
        const QByteArray name = "role" + QByteArray::number(r);
        stack += "  " + name + ": { config: [common.yaml, " + name + ".yaml, " + name
                 + ".prod.yaml] }\n";
        placement += "  " + name + ": host" + QByteArray::number(r % hosts) + "\n";
        QByteArray layer
            = "image:\n  source: { type: path, path: images/app" + QByteArray::number(r % images)
              + " }\n  config:\n    app: { id: " + QByteArray::number(r) + ", name: " + name
              + " }\ncontainer:\n  provide:\n    http:\n      method: disco\n"
                "      options: { publish.port: "
              + QByteArray::number(10000 + r) + " }\n";
        if (r > 0) {
            layer += "  require:\n    http:\n      method: disco\n      options: { name.role: "
                     "role"
                     + QByteArray::number(r - 1) + ", attributes: { zone: \"^z\" } }\n";
        }
        layer += "  volume:\n    data: { method: local, options: { path: ./data/" + name
                 + " } }\n"
                   "  environment: { ROLE: "
                 + name + ", LEVEL: \"2\" }\n";
        QByteArray prod = "image:\n  config:\n    app: { mode: prod }\ncontainer:\n"
                          "  environment: { LEVEL: \"3\" }\n  restart: { policy: always }\n";
        if (!writeFile(dir + u'/' + QString::fromUtf8(name) + QStringLiteral(".yaml"), layer)
            || !writeFile(dir + u'/' + QString::fromUtf8(name) + QStringLiteral(".prod.yaml"),
                          prod))
            return false;
    }
    QByteArray hostsFile = "environment: prod\ndisco: { address: disco.example:9640 }\nhosts:\n";
    for (int h = 0; h < hosts; ++h) {
        hostsFile += "  host" + QByteArray::number(h) + ": { docker: \"tcp://host"
                     + QByteArray::number(h) + ".example:2376\", address: 192.0.2."
                     + QByteArray::number(h + 1) + ", attributes: { zone: z"
                     + QByteArray::number(h % 2) + " } }\n";
    }
    return writeFile(dir + QStringLiteral("/stack.yaml"), stack)
           && writeFile(dir + QStringLiteral("/common.yaml"),
                        "container:\n  network: { method: default }\n  restart: { policy: "
                        "on-failure, max_retries: 3 }\n"
                        "  environment: { TZ: UTC }\n  secrets: { TOKEN: { value: x, description: "
                        "api token } }\n")
           && writeFile(dir + QStringLiteral("/hosts.yaml"), hostsFile + placement);
}

/** CPU time of this process (all threads), in ms: the machine is shared, wall time is not ours. */
double cpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const int roles = 1000;
    QTemporaryDir dir;
    if (!dir.isValid() || !generate(dir.path(), roles, 10, 10)) {
        out << "bench_manifest: cannot generate the stack\n";
        return 1;
    }
    std::vector<double> times;
    std::vector<double> cpuTimes;
    for (int run = 0; run < 7; ++run) {
        QElapsedTimer timer;
        const double cpuStart = cpuMs();
        timer.start();
        const auto stack = Manifest::Compiler::compile(dir.filePath(QStringLiteral("stack.yaml")),
                                                       dir.filePath(QStringLiteral("hosts.yaml")));
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        cpuTimes.push_back(cpuMs() - cpuStart);
        if (!stack) {
            out << "bench_manifest: compile failed:\n" << stack.error().message.left(2000) << "\n";
            return 1;
        }
        if (stack->containers.size() != roles) {
            out << "bench_manifest: expected " << roles << " containers\n";
            return 1;
        }
        times.push_back(ms);
    }
    std::sort(times.begin(), times.end());
    std::sort(cpuTimes.begin(), cpuTimes.end());
    out << "bench_manifest: compile of " << roles << " roles x 3 layers (10 images, 10 hosts): "
        << "min " << QString::number(times.front(), 'f', 1) << " ms, median "
        << QString::number(times[times.size() / 2], 'f', 1) << " ms, max "
        << QString::number(times.back(), 'f', 1) << " ms (target < 200 ms); CPU time min "
        << QString::number(cpuTimes.front(), 'f', 1) << " ms, median "
        << QString::number(cpuTimes[cpuTimes.size() / 2], 'f', 1) << " ms; load " <<
        [] {
            QFile load(QStringLiteral("/proc/loadavg"));
            return load.open(QIODevice::ReadOnly) ? load.readAll().left(14).trimmed()
                                                  : QByteArray("?");
        }()
        << "\n";
    return 0;
}
