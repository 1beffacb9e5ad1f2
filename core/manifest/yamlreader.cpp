// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
// The one file of the project that includes yaml-cpp. Every exception it can
// throw stops here and becomes an Error with file:line:column.
#include "yamlreader.h"

#include "manifesttr.h"

#include <QFile>
#include <QHash>
#include <QStringDecoder>

// GCC 12 reports false -Wdangling-pointer positives inside yaml-cpp 0.7's inline node code.
#pragma GCC diagnostic ignored "-Wdangling-pointer"
#include <yaml-cpp/yaml.h>

#include <exception>
#include <new>

namespace Manifest {

namespace {

class Converter
{
public:
    Converter(const QString &fileName, const YamlLimits &limits)
        : m_fileName(fileName)
        , m_limits(limits)
    {}

    // Returns false and fills m_error when a limit is hit.
    bool convert(const YAML::Node &in, Node &out, int depth)
    {
        if (++m_nodes > m_limits.maxNodes) {
            fail(in.Mark(), Tr::tr("the document expands to more than %1 values (through "
                                   "aliases?); refusing it")
                                .arg(m_limits.maxNodes));
            return false;
        }
        if (depth > m_limits.maxDepth) {
            fail(in.Mark(), Tr::tr("values nest deeper than %1 levels; refusing the document")
                                .arg(m_limits.maxDepth));
            return false;
        }
        out.origin = originOf(in.Mark());
        switch (in.Type()) {
        case YAML::NodeType::Undefined:
        case YAML::NodeType::Null:
            out.type = Node::Type::Null;
            return true;
        case YAML::NodeType::Scalar:
            out.type = Node::Type::Scalar;
            out.scalar = QString::fromStdString(in.Scalar());
            // yaml-cpp tags plain scalars "?" and quoted or block scalars "!".
            out.quoted = in.Tag() != "?";
            return true;
        case YAML::NodeType::Sequence:
            out.type = Node::Type::Sequence;
            out.items.reserve(in.size());
            for (const YAML::Node &child : in) {
                out.items.emplace_back();
                if (!convert(child, out.items.back(), depth + 1))
                    return false;
            }
            return true;
        case YAML::NodeType::Map:
            return convertMap(in, out, depth);
        }
        return true;
    }

    QString error() const { return m_error; }

private:
    bool convertMap(const YAML::Node &in, Node &out, int depth)
    {
        out.type = Node::Type::Map;
        QHash<QString, Origin> seen;
        std::vector<YAML::Node> mergeValues;
        for (auto it = in.begin(); it != in.end(); ++it) {
            const YAML::Node &keyNode = it->first;
            if (!keyNode.IsScalar()) {
                fail(keyNode.Mark(), Tr::tr("a map key must be a plain value, not a %1")
                                         .arg(keyNode.IsMap() ? Tr::tr("map") : Tr::tr("list")));
                return false;
            }
            const QString key = QString::fromStdString(keyNode.Scalar());
            if (key == u"<<" && keyNode.Tag() == "?") {
                mergeValues.push_back(it->second);
                continue;
            }
            const Origin keyOrigin = originOf(keyNode.Mark());
            if (const auto previous = seen.constFind(key); previous != seen.cend()) {
                fail(keyNode.Mark(),
                     Tr::tr("duplicate key '%1' (first at line %2)").arg(key).arg(previous->line));
                return false;
            }
            seen.insert(key, keyOrigin);
            Node::Entry entry;
            entry.key = key;
            entry.keyOrigin = keyOrigin;
            if (++m_nodes > m_limits.maxNodes) {
                fail(keyNode.Mark(), Tr::tr("the document expands to more than %1 values "
                                            "(through aliases?); refusing it")
                                         .arg(m_limits.maxNodes));
                return false;
            }
            if (!convert(it->second, entry.value, depth + 1))
                return false;
            out.entries.push_back(std::move(entry));
        }
        // YAML merge keys: `<<: *base` or `<<: [*a, *b]`; explicit keys win, then earlier sources.
        for (const YAML::Node &value : mergeValues) {
            std::vector<YAML::Node> sources;
            if (value.IsMap()) {
                sources.push_back(value);
            } else if (value.IsSequence()) {
                for (const YAML::Node &item : value)
                    sources.push_back(item);
            }
            if (sources.empty()) {
                fail(value.Mark(), Tr::tr("'<<' expects a map or a list of maps"));
                return false;
            }
            for (const YAML::Node &source : sources) {
                if (!source.IsMap()) {
                    fail(source.Mark(), Tr::tr("'<<' expects a map or a list of maps"));
                    return false;
                }
                Node merged;
                if (!convertMap(source, merged, depth + 1))
                    return false;
                for (Node::Entry &entry : merged.entries) {
                    if (seen.contains(entry.key))
                        continue;
                    seen.insert(entry.key, entry.keyOrigin);
                    out.entries.push_back(std::move(entry));
                }
            }
        }
        return true;
    }

    Origin originOf(const YAML::Mark &mark) const
    {
        Origin origin;
        origin.file = m_fileName;
        if (!mark.is_null()) {
            origin.line = mark.line + 1;
            origin.column = mark.column + 1;
        }
        return origin;
    }

    void fail(const YAML::Mark &mark, const QString &what)
    {
        m_error = originOf(mark).position() + QStringLiteral(": ") + what;
    }

    QString m_fileName;
    YamlLimits m_limits;
    qint64 m_nodes = 0;
    QString m_error;
};

QString positionOf(const QString &fileName, const YAML::Mark &mark)
{
    if (mark.is_null())
        return fileName;
    return QStringLiteral("%1:%2:%3").arg(fileName).arg(mark.line + 1).arg(mark.column + 1);
}

} // namespace

Scs::Result<Node> YamlReader::parse(const QByteArray &text, const QString &fileName,
                                    const YamlLimits &limits)
{
    if (text.size() > limits.maxFileBytes) {
        return Scs::makeError(Tr::tr("%1: the file has %2 bytes, more than the %3 a manifest "
                                     "may have")
                                  .arg(fileName)
                                  .arg(text.size())
                                  .arg(limits.maxFileBytes),
                              Scs::Error::Kind::InvalidInput);
    }
    if (text.contains('\0')) {
        return Scs::makeError(
            Tr::tr("%1: the file contains NUL bytes; expected YAML text").arg(fileName),
            Scs::Error::Kind::InvalidInput);
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder.decode(text);
    if (decoder.hasError()) {
        return Scs::makeError(
            Tr::tr("%1: the file is not valid UTF-8 text; expected YAML").arg(fileName),
            Scs::Error::Kind::InvalidInput);
    }
    Q_UNUSED(decoded)
    try {
        const YAML::Node root = YAML::Load(text.toStdString());
        Converter converter(fileName, limits);
        Node out;
        if (!converter.convert(root, out, 0))
            return Scs::makeError(converter.error(), Scs::Error::Kind::InvalidInput);
        if (out.origin.line == 0) {
            out.origin.line = 1;
            out.origin.column = 1;
        }
        return out;
    } catch (const YAML::Exception &e) {
        return Scs::makeError(positionOf(fileName, e.mark) + QStringLiteral(": ")
                                  + Tr::tr("invalid YAML: %1").arg(QString::fromStdString(e.msg)),
                              Scs::Error::Kind::InvalidInput);
    } catch (const std::bad_alloc &) {
        return Scs::makeError(Tr::tr("%1: out of memory while reading YAML").arg(fileName),
                              Scs::Error::Kind::InvalidInput);
    } catch (const std::exception &e) {
        return Scs::makeError(
            Tr::tr("%1: invalid YAML: %2").arg(fileName, QString::fromLocal8Bit(e.what())),
            Scs::Error::Kind::InvalidInput);
    } catch (...) {
        return Scs::makeError(Tr::tr("%1: invalid YAML").arg(fileName),
                              Scs::Error::Kind::InvalidInput);
    }
}

Scs::Result<Node> YamlReader::readFile(const QString &path, const YamlLimits &limits)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Scs::makeError(Tr::tr("%1: cannot read the file: %2").arg(path, file.errorString()),
                              Scs::Error::Kind::Io);
    }
    if (file.size() > limits.maxFileBytes) {
        return Scs::makeError(Tr::tr("%1: the file has %2 bytes, more than the %3 a manifest "
                                     "may have")
                                  .arg(path)
                                  .arg(file.size())
                                  .arg(limits.maxFileBytes),
                              Scs::Error::Kind::InvalidInput);
    }
    return parse(file.read(limits.maxFileBytes + 1), path, limits);
}

} // namespace Manifest
