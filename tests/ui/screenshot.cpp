// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
//
// ui_screenshot OUT.png [dark]: draws the real main window over the example stack on three
// hosts, filled into a Topology the way the container manager fills it (FakeStackController),
// and saves the picture. Used for resources/screenshots/dashboard.png.

#include "fakestackcontroller.h"
#include "graph/containeritem.h"
#include "graph/topologyscene.h"
#include "graph/topologyview.h"
#include "mainwindow.h"
#include "models/discoverytimelinemodel.h"
#include "theme.h"
#include "widgets/logview.h"

#include <QApplication>
#include <QDockWidget>
#include <QTimer>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("scs-screenshot"));
    if (argc < 2) {
        std::fprintf(stderr, "usage: ui_screenshot OUT.png [dark]\n");
        return 2;
    }
    const QString out = QString::fromLocal8Bit(argv[1]);
    if (argc > 2 && QByteArrayView(argv[2]) == "dark")
        Ui::Theme::apply(Ui::Theme::Mode::Dark);

    FakeStackController controller;
    Ui::MainWindow window;
    window.setController(&controller);
    window.setStack(qEnvironmentVariable("SCS_SOURCE_DIR", QStringLiteral("."))
                        + QStringLiteral("/manifests/stack.yaml"),
                    QString());
    window.setDiscoAddress(QStringLiteral("127.0.0.1:9640"));
    window.resize(1600, 1000);
    window.show();

    const QDateTime now = QDateTime::currentDateTimeUtc();
    using Kind = Ui::Models::DiscoveryEvent::Kind;
    const QString key = QStringLiteral("dev/blog/mysqlmaster/mysql");
    window.timelineModel()->append({now.addSecs(-9), Kind::Add, key,
                                    QStringLiteral("10.231.0.1:3306"),
                                    QStringLiteral("mysqlmaster@db-1"), -1});
    window.timelineModel()->append({now.addSecs(-9), Kind::Notify, key,
                                    QStringLiteral("add 10.231.0.1:3306"),
                                    QStringLiteral("wordpress@web-1"), -1});
    window.timelineModel()->append({now.addSecs(-9), Kind::Ack, key,
                                    QStringLiteral("add 10.231.0.1:3306"),
                                    QStringLiteral("wordpress@web-1"), 1420});
    window.timelineModel()->append({now.addSecs(-9), Kind::Ack, key,
                                    QStringLiteral("add 10.231.0.1:3306"),
                                    QStringLiteral("mysqlslave@db-2"), 1870});

    QTimer::singleShot(300, &window, [&] {
        window.scene()->containerItem(QStringLiteral("wordpress@web-1"))->setSelected(true);
        window.findChild<QDockWidget *>(QStringLiteral("timelineDockWidget"))->raise();
        window.view()->fitAll();
    });
    QTimer::singleShot(900, &window, [&] {
        const bool saved = window.grab().save(out);
        std::printf("%s %s\n", saved ? "wrote" : "could not write", qPrintable(out));
        QApplication::exit(saved ? 0 : 1);
    });
    return QApplication::exec();
}
