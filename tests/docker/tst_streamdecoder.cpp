// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
// The incremental decoders of the Engine's streamed answers.

#include "docker/streamdecoder.h"
#include "testutil.h"

#include <QtEndian>

using namespace Docker;

namespace {

QByteArray frame(int stream, const QByteArray &payload)
{
    QByteArray header(8, '\0');
    header[0] = char(stream);
    qToBigEndian<quint32>(quint32(payload.size()), header.data() + 4);
    return header + payload;
}

} // namespace

class tst_StreamDecoder : public QObject
{
    Q_OBJECT

private slots:
    void framesSplitAnywhere()
    {
        const QByteArray stream = frame(1, "hello\n") + frame(2, "oops\n") + frame(1, "")
                                  + frame(1, QByteArray(70000, 'x'));
        // Every split point must give the same frames.
        for (qsizetype cut :
             {qsizetype(1), qsizetype(3), qsizetype(8), qsizetype(13), stream.size() - 1}) {
            FrameDecoder decoder;
            QList<LogFrame> frames = decoder.feed(stream.left(cut));
            frames += decoder.feed(stream.mid(cut));
            QCOMPARE(frames.size(), 4);
            QCOMPARE(frames[0].stream, LogFrame::Stream::StdOut);
            QCOMPARE(frames[0].data, QByteArray("hello\n"));
            QCOMPARE(frames[1].stream, LogFrame::Stream::StdErr);
            QCOMPARE(frames[1].data, QByteArray("oops\n"));
            QCOMPARE(frames[2].data, QByteArray());
            QCOMPARE(frames[3].data.size(), 70000);
            QCOMPARE(decoder.pendingBytes(), 0);
        }
    }

    void truncatedFrameIsKept()
    {
        FrameDecoder decoder;
        const QList<LogFrame> frames = decoder.feed(frame(1, "abcdef").left(10));
        QVERIFY(frames.isEmpty());
        QCOMPARE(decoder.pendingBytes(), 10);
    }

    void rawStream()
    {
        FrameDecoder decoder(true);
        const QList<LogFrame> frames = decoder.feed("plain tty output");
        QCOMPARE(frames.size(), 1);
        QCOMPARE(frames[0].data, QByteArray("plain tty output"));
    }

    void jsonLines()
    {
        JsonLineDecoder decoder;
        QList<QJsonObject> objects = decoder.feed("{\"a\":1}\r\n{\"b\"");
        QCOMPARE(objects.size(), 1);
        QCOMPARE(objects[0].value(QStringLiteral("a")).toInt(), 1);
        objects = decoder.feed(":2}\nnot json\n\n{\"c\":3}");
        QCOMPARE(objects.size(), 1);
        QCOMPARE(objects[0].value(QStringLiteral("b")).toInt(), 2);
        QCOMPARE(decoder.takeErrors(), QList<QByteArray>{"not json"});
        objects = decoder.finish();
        QCOMPARE(objects.size(), 1);
        QCOMPARE(objects[0].value(QStringLiteral("c")).toInt(), 3);
    }

    void buildProgress_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<int>("step");
        QTest::addColumn<int>("total");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("imageId");
        QTest::newRow("step") << QByteArray(R"({"stream":"Step 3/7 : RUN apt-get update"})") << 3
                              << 7 << "Step 3/7 : RUN apt-get update"
                              << ""
                              << "";
        QTest::newRow("output") << QByteArray(R"({"stream":" ---> Running in 1234\n"})") << 0 << 0
                                << " ---> Running in 1234\n"
                                << ""
                                << "";
        QTest::newRow("error") << QByteArray(
            R"({"errorDetail":{"code":1,"message":"x"},"error":"The command '/bin/sh -c false' returned a non-zero code: 1"})")
                               << 0 << 0
                               << "The command '/bin/sh -c false' returned a non-zero code: 1"
                               << "The command '/bin/sh -c false' returned a non-zero code: 1"
                               << "";
        QTest::newRow("aux") << QByteArray(R"({"aux":{"ID":"sha256:abc"}})") << 0 << 0 << ""
                             << ""
                             << "sha256:abc";
        QTest::newRow("status") << QByteArray(R"({"status":"Downloading","progress":"[=> ] 1MB"})")
                                << 0 << 0 << "Downloading [=> ] 1MB"
                                << ""
                                << "";
    }

    void buildProgress()
    {
        QFETCH(QByteArray, line);
        QFETCH(int, step);
        QFETCH(int, total);
        QFETCH(QString, text);
        QFETCH(QString, error);
        QFETCH(QString, imageId);
        JsonLineDecoder decoder;
        const QList<QJsonObject> objects = decoder.feed(line + '\n');
        QCOMPARE(objects.size(), 1);
        const BuildProgress progress = parseBuildProgress(objects.first());
        QCOMPARE(progress.step, step);
        QCOMPARE(progress.totalSteps, total);
        QCOMPARE(progress.text, text);
        QCOMPARE(progress.error, error);
        QCOMPARE(progress.imageId, imageId);
    }
};

QTEST_APPLESS_MAIN(tst_StreamDecoder)
#include "tst_streamdecoder.moc"
