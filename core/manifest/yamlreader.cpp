// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
// The one file of the project that includes the YAML library (yaml-cpp). Its event
// parser (YAML::Parser with an EventHandler) builds the Node tree directly, with the
// position of every part, and skips yaml-cpp's own node tree; anchors, aliases and merge
// keys are expanded here under the limits, so a hostile document fails early. Every
// exception yaml-cpp throws stops here and becomes an Error with file:line:column.
#include "yamlreader.h"

#include "manifesttr.h"

#include <QFile>
#include <QHash>
#include <QScopeGuard>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <exception>
#include <istream>
#include <new>
#include <streambuf>
#include <string>
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

/** Reads a byte array in place: yaml-cpp takes a std::istream, and copying costs time. */
class ByteArrayBuffer : public std::streambuf
{
public:
    explicit ByteArrayBuffer(const QByteArray &bytes)
    {
        char *begin = const_cast<char *>(bytes.constData()); // only ever read
        setg(begin, begin, begin + bytes.size());
    }
};

/** Thrown by the handler to stop the parser at the first error; never leaves this file. */
struct Stop
{};

class Builder : public YAML::EventHandler
{
public:
    Builder(const QByteArray &text, const QString &fileName, const YamlLimits &limits)
        : m_text(text)
        , m_fileName(fileName)
        , m_limits(limits)
    {}

    /** Parses the first document of the text; false with error() set on failure. */
    bool run()
    {
        try {
            ByteArrayBuffer buffer(m_text);
            std::istream stream(&buffer);
            YAML::Parser parser(stream);
            parser.HandleNextDocument(*this); // the first document is the manifest
            return true;
        } catch (const Stop &) {
            return false;
        } catch (const YAML::Exception &e) {
            m_error = positionOf(e.mark) + QStringLiteral(": ")
                      + Tr::tr("invalid YAML: %1").arg(QString::fromStdString(e.msg));
        } catch (const std::bad_alloc &) {
            m_error = Tr::tr("%1: out of memory while reading YAML").arg(m_fileName);
        } catch (const std::exception &e) {
            m_error
                = Tr::tr("%1: invalid YAML: %2").arg(m_fileName, QString::fromLocal8Bit(e.what()));
        }
        return false;
    }

    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] Node takeRoot() { return std::move(m_root); }

    void OnDocumentStart(const YAML::Mark &) override {}
    void OnDocumentEnd() override {}

    void OnAnchor(const YAML::Mark &, const std::string &name) override
    {
        m_anchorName = QString::fromStdString(name);
    }

    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        // yaml-cpp reports plain null, Null, NULL, ~ and empty values as null; the Node
        // keeps them as the plain scalar they were written as, typed on use.
        Node node;
        node.type = Node::Type::Scalar;
        node.origin = originOf(mark);
        node.scalar = nullSpelling(mark);
        count(node.origin, 1);
        remember(anchor, node);
        deliver(std::move(node));
    }

    void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                  const std::string &value) override
    {
        Node node;
        node.type = Node::Type::Scalar;
        node.origin = originOf(mark);
        node.scalar = QString::fromStdString(value);
        // yaml-cpp tags plain scalars "?" and quoted or block scalars "!": a plain scalar
        // without a tag is typed on use; quoted, block and tagged scalars are strings.
        node.quoted = tag != "?";
        count(node.origin, 1);
        remember(anchor, node);
        deliver(std::move(node));
    }

    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        const Origin at = originOf(mark);
        if (anchor >= m_anchors.size() || !m_anchors[anchor].complete) {
            const QString name = anchor < m_anchors.size() ? m_anchors[anchor].name : QString();
            fail(at, Tr::tr("alias '*%1' names no anchor defined before it").arg(name));
        }
        const Node &target = m_anchors[anchor].node;
        count(at, nodeCount(target));
        deliver(Node(target));
    }

    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override
    {
        open(mark, anchor, Node::Type::Sequence);
    }

    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override
    {
        open(mark, anchor, Node::Type::Map);
    }

    void OnMapEnd() override { close(); }

private:
    struct Frame
    {
        Node node;
        YAML::anchor_t anchor = YAML::NullAnchor;
        bool haveKey = false;
        bool keyIsMerge = false; // a plain "<<"
        QString key;
        Origin keyOrigin;
        QHash<QString, int> seen; // key → its line
        std::vector<Node> merges; // values of "<<", applied at the end of the map
    };

    struct Anchor
    {
        QString name;
        bool complete = false; // false while its own value is still being read
        Node node;
    };

    void open(const YAML::Mark &mark, YAML::anchor_t anchor, Node::Type type)
    {
        Frame frame;
        frame.node.type = type;
        frame.node.origin = originOf(mark);
        frame.anchor = anchor;
        if (anchor != YAML::NullAnchor)
            anchorSlot(anchor); // an alias to it inside its own value is refused
        if (qsizetype(m_stack.size()) >= m_limits.maxDepth)
            fail(frame.node.origin,
                 Tr::tr("values nest deeper than %1 levels; refusing the document")
                     .arg(m_limits.maxDepth));
        count(frame.node.origin, 1);
        m_stack.push_back(std::move(frame));
    }

    void close()
    {
        Frame frame = std::move(m_stack.back());
        m_stack.pop_back();
        if (frame.node.isMap())
            applyMerges(frame);
        remember(frame.anchor, frame.node);
        deliver(std::move(frame.node));
    }

    Anchor &anchorSlot(YAML::anchor_t anchor)
    {
        if (anchor >= m_anchors.size())
            m_anchors.resize(anchor + 1);
        Anchor &slot = m_anchors[anchor];
        if (slot.name.isEmpty())
            slot.name = m_anchorName;
        return slot;
    }

    void remember(YAML::anchor_t anchor, const Node &node)
    {
        if (anchor == YAML::NullAnchor)
            return;
        Anchor &slot = anchorSlot(anchor);
        slot.node = node;
        slot.complete = true;
    }

    void deliver(Node node)
    {
        if (m_stack.empty()) {
            m_root = std::move(node);
            return;
        }
        Frame &top = m_stack.back();
        if (top.node.isSequence()) {
            top.node.items.push_back(std::move(node));
            return;
        }
        if (!top.haveKey) {
            if (!node.isScalar())
                fail(node.origin, Tr::tr("a map key must be a plain value, not a %1")
                                      .arg(node.isMap() ? Tr::tr("map") : Tr::tr("list")));
            top.haveKey = true;
            top.keyIsMerge = !node.quoted && node.scalar == u"<<";
            top.key = std::move(node.scalar);
            top.keyOrigin = node.origin;
            return;
        }
        top.haveKey = false;
        if (top.keyIsMerge) {
            top.merges.push_back(std::move(node));
            return;
        }
        if (const auto previous = top.seen.constFind(top.key); previous != top.seen.cend())
            fail(top.keyOrigin,
                 Tr::tr("duplicate key '%1' (first at line %2)").arg(top.key).arg(*previous));
        top.seen.insert(top.key, top.keyOrigin.line);
        count(top.keyOrigin, 1);
        top.node.entries.push_back(Node::Entry{std::move(top.key), top.keyOrigin, std::move(node)});
    }

    // YAML merge keys: `<<: *base` or `<<: [*a, *b]`; explicit keys win, then earlier sources.
    void applyMerges(Frame &frame)
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
                fail(value.origin, Tr::tr("'<<' expects a map or a list of maps"));
            for (Node *source : sources) {
                if (!source->isMap())
                    fail(source->origin, Tr::tr("'<<' expects a map or a list of maps"));
                for (Node::Entry &entry : source->entries) {
                    if (frame.seen.contains(entry.key))
                        continue;
                    frame.seen.insert(entry.key, entry.keyOrigin.line);
                    frame.node.entries.push_back(std::move(entry));
                }
            }
        }
    }

    void count(const Origin &at, qint64 nodes)
    {
        m_nodes += nodes;
        if (m_nodes > m_limits.maxNodes)
            fail(at, Tr::tr("the document expands to more than %1 values (through aliases?); "
                            "refusing it")
                         .arg(m_limits.maxNodes));
    }

    /** How a null at \p mark is written: "~", "null", "Null", "NULL" or nothing. */
    [[nodiscard]] QString nullSpelling(const YAML::Mark &mark) const
    {
        if (mark.is_null() || mark.pos < 0 || mark.pos >= m_text.size())
            return {};
        const QByteArrayView rest = QByteArrayView(m_text).sliced(mark.pos);
        for (const char *spelling : {"~", "null", "Null", "NULL"}) {
            const QByteArrayView word(spelling);
            if (!rest.startsWith(word))
                continue;
            const char next = rest.size() > word.size() ? rest[word.size()] : ' ';
            if (std::strchr(" \t\r\n,:]}#", next) != nullptr)
                return QString::fromLatin1(word);
        }
        return {};
    }

    /** yaml-cpp counts lines and columns from 0. */
    [[nodiscard]] Origin originOf(const YAML::Mark &mark) const
    {
        if (mark.is_null())
            return Origin{m_fileName, 0, 0, -1};
        return Origin{m_fileName, mark.line + 1, mark.column + 1, -1};
    }

    [[nodiscard]] QString positionOf(const YAML::Mark &mark) const
    {
        return mark.is_null() ? m_fileName : originOf(mark).position();
    }

    [[noreturn]] void fail(const Origin &at, const QString &what)
    {
        m_error = at.position() + QStringLiteral(": ") + what;
        throw Stop{};
    }

    const QByteArray &m_text;
    QString m_fileName;
    YamlLimits m_limits;
    qint64 m_nodes = 0;
    std::vector<Frame> m_stack;
    std::vector<Anchor> m_anchors; // by yaml-cpp's anchor number
    QString m_anchorName;          // of the node whose events come next
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
    Builder builder(text, fileName, limits);
    if (!builder.run())
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
