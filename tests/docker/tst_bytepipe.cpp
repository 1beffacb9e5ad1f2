// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
// Internal::BytePipe, the buffer between one engine's download and another's upload: it is
// bounded, wakes a side only after that side found it full or empty, reports how the other
// side ended, and carries every byte in order between two threads.

#include "docker/bytepipe.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>

#include <atomic>
#include <thread>

using Docker::Internal::BytePipe;

class tst_BytePipe : public QObject
{
    Q_OBJECT

private slots:
    void boundedAndWakesOnlyAWaitingSide()
    {
        BytePipe pipe;
        int writerWakes = 0;
        int readerWakes = 0;
        pipe.setWakeWriter([&] { ++writerWakes; });
        pipe.setWakeReader([&] { ++readerWakes; });

        char buffer[100];
        qsizetype copied = -1;
        QCOMPARE(pipe.pull(buffer, sizeof buffer, copied), BytePipe::Pull::Empty);
        QCOMPARE(copied, 0);
        QCOMPARE(pipe.push("abc", 3), BytePipe::Push::Accepted);
        QCOMPARE(readerWakes, 1); // it was waiting
        QCOMPARE(pipe.push("def", 3), BytePipe::Push::Accepted);
        QCOMPARE(readerWakes, 1); // it was not
        QCOMPARE(pipe.pull(buffer, 4, copied), BytePipe::Pull::Data);
        QCOMPARE(QByteArray(buffer, copied), QByteArray("abcd"));
        QCOMPARE(pipe.pull(buffer, sizeof buffer, copied), BytePipe::Pull::Data);
        QCOMPARE(QByteArray(buffer, copied), QByteArray("ef"));

        // Fill it: a piece that does not fit is refused whole, and the writer waits.
        const QByteArray big(BytePipe::capacity - 10, 'x');
        QCOMPARE(pipe.push(big.constData(), big.size()), BytePipe::Push::Accepted);
        QCOMPARE(pipe.push("0123456789A", 11), BytePipe::Push::Full);
        QCOMPARE(writerWakes, 0);
        // Draining a little is not enough to wake it; draining half is.
        std::vector<char> sink(BytePipe::capacity);
        QCOMPARE(pipe.pull(sink.data(), 1000, copied), BytePipe::Pull::Data);
        QCOMPARE(writerWakes, 0);
        QCOMPARE(pipe.pull(sink.data(), BytePipe::capacity / 2, copied), BytePipe::Pull::Data);
        QCOMPARE(writerWakes, 1);
        QCOMPARE(pipe.push("0123456789A", 11), BytePipe::Push::Accepted);
    }

    void anEmptyPipeTakesAnyPiece()
    {
        BytePipe pipe;
        const QByteArray huge(BytePipe::capacity * 2, 'y');
        QCOMPARE(pipe.push(huge.constData(), huge.size()), BytePipe::Push::Accepted);
    }

    void endsAreReported()
    {
        char buffer[8];
        qsizetype copied = 0;
        {
            BytePipe pipe;
            int readerWakes = 0;
            pipe.setWakeReader([&] { ++readerWakes; });
            QCOMPARE(pipe.push("xy", 2), BytePipe::Push::Accepted);
            pipe.finishWriting(true);
            QCOMPARE(readerWakes, 1); // the end always wakes the reader
            QCOMPARE(pipe.pull(buffer, sizeof buffer, copied), BytePipe::Pull::Data);
            QCOMPARE(pipe.pull(buffer, sizeof buffer, copied), BytePipe::Pull::End);
        }
        {
            BytePipe pipe;
            QCOMPARE(pipe.push("xy", 2), BytePipe::Push::Accepted);
            pipe.finishWriting(false); // a failed download: nothing more is delivered
            QCOMPARE(pipe.pull(buffer, sizeof buffer, copied), BytePipe::Pull::WriterFailed);
        }
        {
            BytePipe pipe;
            int writerWakes = 0;
            pipe.setWakeWriter([&] { ++writerWakes; });
            pipe.closeReader();
            QCOMPARE(writerWakes, 1);
            QCOMPARE(pipe.push("xy", 2), BytePipe::Push::ReaderGone);
        }
        {
            BytePipe pipe; // a cleared wake function is not called
            pipe.setWakeReader([] { QFAIL("woken after clearing"); });
            pipe.setWakeReader(nullptr);
            pipe.finishWriting(true);
        }
    }

    void carriesEveryByteBetweenThreads()
    {
        // Writer and reader on two threads, pausing on full/empty like the curl callbacks
        // and resuming only when woken; 64 MiB in random pieces arrive intact and in order.
        BytePipe pipe;
        std::atomic<bool> writerMayGo{true};
        std::atomic<bool> readerMayGo{true};
        pipe.setWakeWriter([&] { writerMayGo = true; });
        pipe.setWakeReader([&] { readerMayGo = true; });
        constexpr qsizetype total = 64 * 1024 * 1024;
        QCryptographicHash sent(QCryptographicHash::Sha256);
        QCryptographicHash received(QCryptographicHash::Sha256);
        std::thread writer([&] {
            QRandomGenerator random(42);
            QByteArray piece;
            qsizetype done = 0;
            while (done < total) {
                if (piece.isEmpty()) {
                    piece.resize(std::min<qsizetype>(random.bounded(1, 300000), total - done));
                    for (qsizetype i = 0; i < piece.size(); ++i)
                        piece[i] = char(random.generate());
                }
                while (!writerMayGo)
                    std::this_thread::yield();
                writerMayGo = false; // before asking: a wake after the answer is never lost
                if (pipe.push(piece.constData(), piece.size()) == BytePipe::Push::Full)
                    continue;
                writerMayGo = true;
                sent.addData(piece);
                done += piece.size();
                piece.clear();
            }
            pipe.finishWriting(true);
        });
        std::vector<char> buffer(65536);
        qsizetype got = 0;
        for (;;) {
            while (!readerMayGo)
                std::this_thread::yield();
            readerMayGo = false;
            qsizetype copied = 0;
            const auto pulled = pipe.pull(buffer.data(), qsizetype(buffer.size()), copied);
            if (pulled == BytePipe::Pull::End)
                break;
            QVERIFY(pulled != BytePipe::Pull::WriterFailed);
            if (pulled == BytePipe::Pull::Empty)
                continue;
            readerMayGo = true;
            received.addData(QByteArrayView(buffer.data(), copied));
            got += copied;
        }
        writer.join();
        QCOMPARE(got, total);
        QCOMPARE(received.result(), sent.result());
    }
};

QTEST_GUILESS_MAIN(tst_BytePipe)
#include "tst_bytepipe.moc"
