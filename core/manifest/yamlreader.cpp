// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
// The one file of the project that includes the YAML library (libyaml). Its event parser
// builds the Node tree directly, with the position of every part; anchors, aliases and
// merge keys are expanded here under the limits, so a hostile document fails early.
#include "yamlreader.h"

#include "manifesttr.h"

#include <QFile>
#include <QHash>
#include <QScopeGuard>

#include <yaml.h>

#include <memory>
#include <vector>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Manifest {

namespace {

/** Nodes in \p node and below, as the limit counts them (map entries count twice). */
qint64 nodeCount(const Node &node)
{
    qint64 count = 1;
    for (const Node &item : node.items)
        count += nodeCount(item);
    for (const Node::Entry &e : node.entries)
        count += 1 + nodeCount(e.value);
    return count;
}

class Builder
{
public:
    Builder(const QString &fileName, const YamlLimits &limits)
        : m_fileName(fileName)
        , m_limits(limits)
    {}

    /** Parses the first document of \p text; false with error() set on failure. */
    bool run(const QByteArray &text)
    {
        yaml_parser_t parser;
        if (!yaml_parser_initialize(&parser))
            return fail(Origin{m_fileName, 0, 0, -1}, Tr::tr("cannot initialise the YAML parser"));
        const std::unique_ptr<yaml_parser_t, void (*)(yaml_parser_t *)> guard(&parser,
                                                                              yaml_parser_delete);
        yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char *>(text.data()),
                                     size_t(text.size()));
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
        for (;;) {
            yaml_event_t event;
            if (!yaml_parser_parse(&parser, &event)) {
                const Origin at = originOf(parser.problem_mark);
                QString what = QString::fromUtf8(parser.problem ? parser.problem : "syntax error");
                if (parser.context)
                    what += QStringLiteral(" (%1)").arg(QString::fromUtf8(parser.context));
                return fail(at, Tr::tr("invalid YAML: %1").arg(what));
            }
            const bool ok = handle(event);
            const yaml_event_type_t type = event.type;
            yaml_event_delete(&event);
            if (!ok)
                return false;
            if (type == YAML_DOCUMENT_END_EVENT || type == YAML_STREAM_END_EVENT)
                return true; // the first document is the manifest
        }
    }

    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] Node takeRoot() { return std::move(m_root); }

private:
    struct Frame
    {
        Node node;
        QString anchor;
        bool haveKey = false;
        bool keyIsMerge = false; // a plain "<<"
        QString key;
        Origin keyOrigin;
        QHash<QString, int> seen; // key → its line
        std::vector<Node> merges; // values of "<<", applied at the end of the map
    };

    bool handle(const yaml_event_t &event)
    {
        switch (event.type) {
        case YAML_SCALAR_EVENT: {
            Node node;
            node.type = Node::Type::Scalar;
            node.origin = originOf(event.start_mark);
            node.scalar = QString::fromUtf8(reinterpret_cast<const char *>(event.data.scalar.value),
                                            qsizetype(event.data.scalar.length));
            // A plain scalar without a tag is typed on use; quoted, block and tagged
            // scalars are strings.
            node.quoted = event.data.scalar.tag != nullptr
                          || event.data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
            if (!count(node.origin, 1))
                return false;
            remember(event.data.scalar.anchor, node);
            return deliver(std::move(node));
        }
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT: {
            const bool map = event.type == YAML_MAPPING_START_EVENT;
            Frame frame;
            frame.node.type = map ? Node::Type::Map : Node::Type::Sequence;
            frame.node.origin = originOf(event.start_mark);
            const yaml_char_t *anchor
                = map ? event.data.mapping_start.anchor : event.data.sequence_start.anchor;
            if (anchor)
                frame.anchor = QString::fromUtf8(reinterpret_cast<const char *>(anchor));
            if (qsizetype(m_stack.size()) >= m_limits.maxDepth)
                return fail(frame.node.origin,
                            Tr::tr("values nest deeper than %1 levels; refusing the document")
                                .arg(m_limits.maxDepth));
            if (!count(frame.node.origin, 1))
                return false;
            m_stack.push_back(std::move(frame));
            return true;
        }
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT: {
            Frame frame = std::move(m_stack.back());
            m_stack.pop_back();
            if (frame.node.isMap() && !applyMerges(frame))
                return false;
            if (!frame.anchor.isEmpty())
                m_anchors.insert(frame.anchor, frame.node);
            return deliver(std::move(frame.node));
        }
        case YAML_ALIAS_EVENT: {
            const QString name
                = QString::fromUtf8(reinterpret_cast<const char *>(event.data.alias.anchor));
            const Origin at = originOf(event.start_mark);
            const auto it = m_anchors.constFind(name);
            if (it == m_anchors.cend())
                return fail(at, Tr::tr("alias '*%1' names no anchor defined before it").arg(name));
            if (!count(at, nodeCount(*it)))
                return false;
            return deliver(Node(*it));
        }
        case YAML_NO_EVENT:
        case YAML_STREAM_START_EVENT:
        case YAML_STREAM_END_EVENT:
        case YAML_DOCUMENT_START_EVENT:
        case YAML_DOCUMENT_END_EVENT:
            break;
        }
        return true;
    }

    void remember(const yaml_char_t *anchor, const Node &node)
    {
        if (anchor)
            m_anchors.insert(QString::fromUtf8(reinterpret_cast<const char *>(anchor)), node);
    }

    bool deliver(Node node)
    {
        if (m_stack.empty()) {
            m_root = std::move(node);
            return true;
        }
        Frame &top = m_stack.back();
        if (top.node.isSequence()) {
            top.node.items.push_back(std::move(node));
            return true;
        }
        if (!top.haveKey) {
            if (!node.isScalar())
                return fail(node.origin, Tr::tr("a map key must be a plain value, not a %1")
                                             .arg(node.isMap() ? Tr::tr("map") : Tr::tr("list")));
            top.haveKey = true;
            top.keyIsMerge = !node.quoted && node.scalar == u"<<";
            top.key = std::move(node.scalar);
            top.keyOrigin = node.origin;
            return true;
        }
        top.haveKey = false;
        if (top.keyIsMerge) {
            top.merges.push_back(std::move(node));
            return true;
        }
        if (const auto previous = top.seen.constFind(top.key); previous != top.seen.cend())
            return fail(
                top.keyOrigin,
                Tr::tr("duplicate key '%1' (first at line %2)").arg(top.key).arg(*previous));
        top.seen.insert(top.key, top.keyOrigin.line);
        if (!count(top.keyOrigin, 1))
            return false;
        top.node.entries.push_back(Node::Entry{std::move(top.key), top.keyOrigin, std::move(node)});
        return true;
    }

    // YAML merge keys: `<<: *base` or `<<: [*a, *b]`; explicit keys win, then earlier sources.
    bool applyMerges(Frame &frame)
    {
        for (Node &value : frame.merges) {
            std::vector<Node *> sources;
            if (value.isMap()) {
                sources.push_back(&value);
            } else if (value.isSequence()) {
                for (Node &item : value.items)
                    sources.push_back(&item);
            }
            if (sources.empty())
                return fail(value.origin, Tr::tr("'<<' expects a map or a list of maps"));
            for (Node *source : sources) {
                if (!source->isMap())
                    return fail(source->origin, Tr::tr("'<<' expects a map or a list of maps"));
                for (Node::Entry &entry : source->entries) {
                    if (frame.seen.contains(entry.key))
                        continue;
                    frame.seen.insert(entry.key, entry.keyOrigin.line);
                    frame.node.entries.push_back(std::move(entry));
                }
            }
        }
        return true;
    }

    bool count(const Origin &at, qint64 nodes)
    {
        m_nodes += nodes;
        if (m_nodes <= m_limits.maxNodes)
            return true;
        return fail(at, Tr::tr("the document expands to more than %1 values (through aliases?); "
                               "refusing it")
                            .arg(m_limits.maxNodes));
    }

    [[nodiscard]] Origin originOf(const yaml_mark_t &mark) const
    {
        return Origin{m_fileName, int(mark.line) + 1, int(mark.column) + 1, -1};
    }

    bool fail(const Origin &at, const QString &what)
    {
        m_error = at.position() + QStringLiteral(": ") + what;
        return false;
    }

    QString m_fileName;
    YamlLimits m_limits;
    qint64 m_nodes = 0;
    std::vector<Frame> m_stack;
    QHash<QString, Node> m_anchors;
    Node m_root;
    QString m_error;
};

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
    if (!text.isValidUtf8()) {
        return Scs::makeError(
            Tr::tr("%1: the file is not valid UTF-8 text; expected YAML").arg(fileName),
            Scs::Error::Kind::InvalidInput);
    }
    Builder builder(fileName, limits);
    if (!builder.run(text))
        return Scs::makeError(builder.error(), Scs::Error::Kind::InvalidInput);
    Node out = builder.takeRoot();
    if (out.origin.line == 0) {
        out.origin.file = fileName;
        out.origin.line = 1;
        out.origin.column = 1;
    }
    return out;
}

Scs::Result<Node> YamlReader::readFile(const QString &path, const YamlLimits &limits)
{
    // Plain POSIX calls: a compile reads thousands of small files, and QFile's own
    // bookkeeping per open cost as much as parsing them.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return Scs::makeError(Tr::tr("%1: cannot read the file: %2")
                                  .arg(path, QString::fromLocal8Bit(strerror(errno))),
                              Scs::Error::Kind::Io);
    }
    const auto closeFile = qScopeGuard([fd] { ::close(fd); });
    struct stat info = {};
    if (::fstat(fd, &info) != 0 || S_ISDIR(info.st_mode)) {
        return Scs::makeError(Tr::tr("%1: cannot read the file: %2")
                                  .arg(path, S_ISDIR(info.st_mode)
                                                 ? Tr::tr("it is a folder")
                                                 : QString::fromLocal8Bit(strerror(errno))),
                              Scs::Error::Kind::Io);
    }
    if (info.st_size > limits.maxFileBytes) {
        return Scs::makeError(Tr::tr("%1: the file has %2 bytes, more than the %3 a manifest "
                                     "may have")
                                  .arg(path)
                                  .arg(qint64(info.st_size))
                                  .arg(limits.maxFileBytes),
                              Scs::Error::Kind::InvalidInput);
    }
    QByteArray text;
    text.resize(qsizetype(std::min<qint64>(limits.maxFileBytes + 1, qint64(info.st_size) + 1)));
    qsizetype got = 0;
    for (;;) {
        if (got == text.size()) {
            if (got > limits.maxFileBytes)
                break; // grew while being read; parse() refuses it
            text.resize(std::min<qsizetype>(text.size() * 2, limits.maxFileBytes + 1));
        }
        const ssize_t n = ::read(fd, text.data() + got, size_t(text.size() - got));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            return Scs::makeError(Tr::tr("%1: cannot read the file: %2")
                                      .arg(path, QString::fromLocal8Bit(strerror(errno))),
                                  Scs::Error::Kind::Io);
        }
        if (n == 0)
            break;
        got += n;
    }
    text.truncate(got);
    return parse(text, path, limits);
}

} // namespace Manifest
