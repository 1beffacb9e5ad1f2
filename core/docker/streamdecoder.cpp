// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "streamdecoder.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QtEndian>

namespace Docker {

QList<QJsonObject> JsonLineDecoder::feed(const QByteArray &data)
{
    m_buffer.append(data);
    QList<QJsonObject> out;
    qsizetype start = 0;
    for (;;) {
        const qsizetype newline = m_buffer.indexOf('\n', start);
        if (newline < 0)
            break;
        parseLine(m_buffer.mid(start, newline - start), out);
        start = newline + 1;
    }
    m_buffer.remove(0, start);
    return out;
}

QList<QJsonObject> JsonLineDecoder::finish()
{
    QList<QJsonObject> out;
    parseLine(m_buffer, out);
    m_buffer.clear();
    return out;
}

QList<QByteArray> JsonLineDecoder::takeErrors()
{
    return std::exchange(m_errors, {});
}

void JsonLineDecoder::parseLine(const QByteArray &line, QList<QJsonObject> &out)
{
    const QByteArray trimmed = line.trimmed();
    if (trimmed.isEmpty())
        return;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        m_errors.append(trimmed);
        return;
    }
    out.append(doc.object());
}

QList<LogFrame> FrameDecoder::feed(const QByteArray &data)
{
    QList<LogFrame> frames;
    if (m_raw) {
        if (!data.isEmpty())
            frames.append(LogFrame{LogFrame::Stream::StdOut, data});
        return frames;
    }
    m_buffer.append(data);
    qsizetype at = 0;
    while (m_buffer.size() - at >= 8) {
        const auto *header = reinterpret_cast<const uchar *>(m_buffer.constData() + at);
        const quint32 size = qFromBigEndian<quint32>(header + 4);
        if (m_buffer.size() - at - 8 < qsizetype(size))
            break;
        LogFrame frame;
        switch (header[0]) {
        case 0:
            frame.stream = LogFrame::Stream::StdIn;
            break;
        case 2:
            frame.stream = LogFrame::Stream::StdErr;
            break;
        default:
            frame.stream = LogFrame::Stream::StdOut;
            break;
        }
        frame.data = m_buffer.mid(at + 8, size);
        frames.append(std::move(frame));
        at += 8 + qsizetype(size);
    }
    m_buffer.remove(0, at);
    return frames;
}

BuildProgress parseBuildProgress(const QJsonObject &line)
{
    static const QRegularExpression stepRe(QStringLiteral("^Step (\\d+)/(\\d+) : "));
    BuildProgress progress;
    if (line.contains(QStringLiteral("error"))) {
        progress.error = line.value(QStringLiteral("error")).toString();
        const QString detail = line.value(QStringLiteral("errorDetail"))
                                   .toObject()
                                   .value(QStringLiteral("message"))
                                   .toString();
        if (progress.error.isEmpty())
            progress.error = detail;
        progress.text = progress.error;
        return progress;
    }
    if (line.contains(QStringLiteral("aux"))) {
        progress.imageId
            = line.value(QStringLiteral("aux")).toObject().value(QStringLiteral("ID")).toString();
        return progress;
    }
    if (line.contains(QStringLiteral("stream"))) {
        progress.text = line.value(QStringLiteral("stream")).toString();
        if (const auto match = stepRe.match(progress.text); match.hasMatch()) {
            progress.step = match.captured(1).toInt();
            progress.totalSteps = match.captured(2).toInt();
        }
        return progress;
    }
    QString status = line.value(QStringLiteral("status")).toString();
    if (const QString progressText = line.value(QStringLiteral("progress")).toString();
        !progressText.isEmpty())
        status += u' ' + progressText;
    progress.text = status;
    return progress;
}

} // namespace Docker
