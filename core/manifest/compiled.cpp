// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "compiled.h"

#include "manifesttr.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace Manifest {

namespace {

const QString kSchema = QStringLiteral("scs.compiled/1");

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonObject toObject(const QMap<QString, QString> &map)
{
    QJsonObject o;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QJsonValue optionalInt(const std::optional<int> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonObject hostToJson(const CompiledHost &h)
{
    QJsonObject tls{{QStringLiteral("ca"), h.tls.ca},
                    {QStringLiteral("cert"), h.tls.cert},
                    {QStringLiteral("key"), h.tls.key}};
    return QJsonObject{{QStringLiteral("name"), h.name},
                       {QStringLiteral("docker"), h.docker},
                       {QStringLiteral("tls"), tls},
                       {QStringLiteral("address"), h.address},
                       {QStringLiteral("attributes"), toObject(h.attributes)}};
}

// Reads JSON with type checks; the first problem is kept with its path.
class JsonReader
{
public:
    explicit JsonReader(QString context)
        : m_context(std::move(context))
    {}

    QString error() const { return m_error; }
    bool ok() const { return m_error.isEmpty(); }

    QJsonValue get(const QJsonObject &o, const QString &path, const QString &key, bool required)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() && required)
            fail(path + u'.' + key, Tr::tr("is missing"));
        return v;
    }
    QString string(const QJsonObject &o, const QString &path, const QString &key,
                   bool required = false)
    {
        const QJsonValue v = get(o, path, key, required);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isString())
            fail(path + u'.' + key, Tr::tr("is not a string"));
        return v.toString();
    }
    double number(const QJsonObject &o, const QString &path, const QString &key, double fallback,
                  bool required = false)
    {
        const QJsonValue v = get(o, path, key, required);
        if (v.isUndefined() || v.isNull())
            return fallback;
        if (!v.isDouble())
            fail(path + u'.' + key, Tr::tr("is not a number"));
        return v.toDouble(fallback);
    }
    std::optional<int> optionalInt(const QJsonObject &o, const QString &path, const QString &key)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (!v.isDouble())
            fail(path + u'.' + key, Tr::tr("is not a number"));
        return v.toInt();
    }
    QJsonObject object(const QJsonObject &o, const QString &path, const QString &key,
                       bool required = false)
    {
        const QJsonValue v = get(o, path, key, required);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isObject())
            fail(path + u'.' + key, Tr::tr("is not an object"));
        return v.toObject();
    }
    QStringList strings(const QJsonObject &o, const QString &path, const QString &key)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isArray()) {
            fail(path + u'.' + key, Tr::tr("is not an array"));
            return {};
        }
        QStringList out;
        for (const QJsonValue &item : v.toArray()) {
            if (!item.isString())
                fail(path + u'.' + key, Tr::tr("holds a value that is not a string"));
            out.append(item.toString());
        }
        return out;
    }
    QMap<QString, QString> stringMap(const QJsonObject &o, const QString &path, const QString &key)
    {
        QMap<QString, QString> out;
        const QJsonObject m = object(o, path, key);
        for (auto it = m.begin(); it != m.end(); ++it) {
            if (!it.value().isString())
                fail(path + u'.' + key + u'.' + it.key(), Tr::tr("is not a string"));
            out.insert(it.key(), it.value().toString());
        }
        return out;
    }
    void fail(const QString &path, const QString &what)
    {
        if (m_error.isEmpty())
            m_error = Tr::tr("%1: '%2' %3").arg(m_context, path, what);
    }

private:
    QString m_context;
    QString m_error;
};

CompiledHost hostFromJson(JsonReader &r, const QJsonObject &o, const QString &path)
{
    CompiledHost h;
    h.name = r.string(o, path, QStringLiteral("name"), true);
    h.docker = r.string(o, path, QStringLiteral("docker"), true);
    const QJsonObject tls = r.object(o, path, QStringLiteral("tls"));
    h.tls.ca = r.string(tls, path + QStringLiteral(".tls"), QStringLiteral("ca"));
    h.tls.cert = r.string(tls, path + QStringLiteral(".tls"), QStringLiteral("cert"));
    h.tls.key = r.string(tls, path + QStringLiteral(".tls"), QStringLiteral("key"));
    h.address = r.string(o, path, QStringLiteral("address"));
    h.attributes = r.stringMap(o, path, QStringLiteral("attributes"));
    return h;
}

void flattenConfig(const QString &prefix, const QJsonValue &value, QMap<QString, QString> &out)
{
    const auto envName = [](const QString &key) {
        QString name = key.toUpper();
        for (QChar &c : name) {
            if (!((c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')))
                c = u'_';
        }
        return name;
    };
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            flattenConfig(prefix + u'_' + envName(it.key()), it.value(), out);
        return;
    }
    QString text;
    switch (value.type()) {
    case QJsonValue::Bool:
        text = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        break;
    case QJsonValue::Double: {
        const double d = value.toDouble();
        text = (d == double(qint64(d))) ? QString::number(qint64(d)) : QString::number(d, 'g', 17);
        break;
    }
    case QJsonValue::String:
        text = value.toString();
        break;
    case QJsonValue::Array:
        text = QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
        break;
    default:
        break;
    }
    out.insert(prefix, text);
}

void flattenJson(const QString &prefix, const QJsonValue &value,
                 QList<QPair<QString, QString>> &out)
{
    if (value.isObject() && !value.toObject().isEmpty()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            flattenJson(prefix.isEmpty() ? it.key() : prefix + u'/' + it.key(), it.value(), out);
        return;
    }
    QString text;
    if (value.isString())
        text = value.toString();
    else if (value.isObject())
        text = QStringLiteral("{}");
    else if (value.isArray())
        text = QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    else if (value.isNull())
        text = QStringLiteral("null");
    else
        text = QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))
                   .mid(1)
                   .chopped(1);
    out.append({prefix, text});
}

} // namespace

QString ContainerName::path() const
{
    return environment + u'/' + service + u'/' + role;
}

QString ContainerName::dockerName() const
{
    return QStringLiteral("scs-") + environment + u'-' + service + u'-' + role;
}

QMap<QString, QString> CompiledImage::configEnvironment() const
{
    QMap<QString, QString> out;
    for (auto it = config.begin(); it != config.end(); ++it) {
        QMap<QString, QString> part;
        flattenConfig(QStringLiteral("SCS_CONFIG"), QJsonObject{{it.key(), it.value()}}, part);
        out.insert(part);
    }
    return out;
}

const CompiledProvide *CompiledContainer::provide(const QString &name) const
{
    for (const CompiledProvide &p : provides) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

const CompiledRequire *CompiledContainer::require(const QString &name) const
{
    for (const CompiledRequire &r : requirements) {
        if (r.name == name)
            return &r;
    }
    return nullptr;
}

const CompiledVolume *CompiledContainer::volume(const QString &name) const
{
    for (const CompiledVolume &v : volumes) {
        if (v.name == name)
            return &v;
    }
    return nullptr;
}

QJsonObject CompiledContainer::toJson(bool withSecrets) const
{
    QJsonObject imageObject{
        {QStringLiteral("name"), image.name},
        {QStringLiteral("tag"), image.tag},
        {QStringLiteral("hash"), image.hash},
        {QStringLiteral("sourceDir"), image.sourceDir},
        {QStringLiteral("manifest"), image.manifestPath},
        {QStringLiteral("base"), image.base},
        {QStringLiteral("title"), image.title},
        {QStringLiteral("description"), image.description},
        {QStringLiteral("run"), QJsonObject{{QStringLiteral("command"), toArray(image.runCommand)},
                                            {QStringLiteral("stopTimeout"), image.stopTimeout}}},
        {QStringLiteral("config"), QJsonObject{{QStringLiteral("method"), image.configMethod},
                                               {QStringLiteral("script"), image.configScript},
                                               {QStringLiteral("values"), image.config}}},
    };
    if (!image.gitCommit.isEmpty()) {
        imageObject.insert(QStringLiteral("git"),
                           QJsonObject{{QStringLiteral("url"), image.gitUrl},
                                       {QStringLiteral("ref"), image.gitRef},
                                       {QStringLiteral("commit"), image.gitCommit}});
    }
    if (image.health) {
        imageObject.insert(QStringLiteral("health"),
                           QJsonObject{{QStringLiteral("command"), toArray(image.health->command)},
                                       {QStringLiteral("interval"), image.health->interval},
                                       {QStringLiteral("timeout"), image.health->timeout},
                                       {QStringLiteral("retries"), image.health->retries},
                                       {QStringLiteral("startPeriod"), image.health->startPeriod}});
    } else {
        imageObject.insert(QStringLiteral("health"), QJsonValue(QJsonValue::Null));
    }

    QJsonObject providesObject;
    for (const CompiledProvide &p : provides) {
        providesObject.insert(
            p.name, QJsonObject{{QStringLiteral("method"), p.method},
                                {QStringLiteral("description"), p.description},
                                {QStringLiteral("containerPort"), p.containerPort},
                                {QStringLiteral("protocol"), p.protocol},
                                {QStringLiteral("publishPort"), optionalInt(p.publishPort)},
                                {QStringLiteral("staticIp"), p.staticIp},
                                {QStringLiteral("staticPort"), optionalInt(p.staticPort)},
                                {QStringLiteral("discoKey"), p.discoKey}});
    }
    QJsonObject requiresObject;
    for (const CompiledRequire &r : requirements) {
        QJsonArray endpoints;
        for (const StaticEndpoint &e : r.endpoints) {
            endpoints.append(QJsonObject{{QStringLiteral("ip"), e.ip},
                                         {QStringLiteral("port"), e.port},
                                         {QStringLiteral("attributes"), toObject(e.attributes)}});
        }
        requiresObject.insert(r.name,
                              QJsonObject{{QStringLiteral("method"), r.method},
                                          {QStringLiteral("description"), r.description},
                                          {QStringLiteral("lookupRole"), r.lookupRole},
                                          {QStringLiteral("discoKey"), r.discoKey},
                                          {QStringLiteral("attributes"), toObject(r.attributes)},
                                          {QStringLiteral("liveupdate"), r.liveupdateCommand},
                                          {QStringLiteral("endpoints"), endpoints}});
    }
    QJsonObject volumesObject;
    for (const CompiledVolume &v : volumes) {
        volumesObject.insert(v.name, QJsonObject{{QStringLiteral("method"), v.method},
                                                 {QStringLiteral("description"), v.description},
                                                 {QStringLiteral("containerPath"), v.containerPath},
                                                 {QStringLiteral("hostPath"), v.hostPath},
                                                 {QStringLiteral("options"), v.options}});
    }
    QJsonObject secretsObject;
    for (auto it = secrets.cbegin(); it != secrets.cend(); ++it) {
        QJsonObject s{{QStringLiteral("description"), it->description}};
        if (withSecrets)
            s.insert(QStringLiteral("value"), it->value);
        secretsObject.insert(it.key(), s);
    }
    return QJsonObject{
        {QStringLiteral("schema"), kSchema},
        {QStringLiteral("role"), role},
        {QStringLiteral("name"), QJsonObject{{QStringLiteral("environment"), name.environment},
                                             {QStringLiteral("service"), name.service},
                                             {QStringLiteral("role"), name.role}}},
        {QStringLiteral("image"), imageObject},
        {QStringLiteral("provides"), providesObject},
        {QStringLiteral("requires"), requiresObject},
        {QStringLiteral("volumes"), volumesObject},
        {QStringLiteral("network"), QJsonObject{{QStringLiteral("method"), networkMethod},
                                                {QStringLiteral("options"), networkOptions}}},
        {QStringLiteral("environment"), toObject(environment)},
        {QStringLiteral("secrets"), secretsObject},
        {QStringLiteral("restart"),
         QJsonObject{{QStringLiteral("policy"), restart.policy},
                     {QStringLiteral("maxRetries"), restart.maxRetries}}},
        {QStringLiteral("host"), hostToJson(host)},
        {QStringLiteral("disco"), QJsonObject{{QStringLiteral("address"), discoAddress}}},
        {QStringLiteral("configFiles"), toArray(configFiles)},
    };
}

QByteArray CompiledContainer::toJsonBytes(bool withSecrets) const
{
    return QJsonDocument(toJson(withSecrets)).toJson(QJsonDocument::Indented);
}

Scs::Result<CompiledContainer> CompiledContainer::fromJson(const QJsonObject &o)
{
    JsonReader r(Tr::tr("compiled container"));
    CompiledContainer c;
    const QString schema = r.string(o, QStringLiteral("$"), QStringLiteral("schema"), true);
    if (r.ok() && schema != kSchema) {
        return Scs::makeError(Tr::tr("compiled container: schema '%1' is not supported; expected "
                                     "'%2' (recompile with this version of scs)")
                                  .arg(schema, kSchema),
                              Scs::Error::Kind::InvalidInput);
    }
    const QString root = QStringLiteral("$");
    c.role = r.string(o, root, QStringLiteral("role"), true);
    const QJsonObject name = r.object(o, root, QStringLiteral("name"), true);
    c.name.environment
        = r.string(name, QStringLiteral("$.name"), QStringLiteral("environment"), true);
    c.name.service = r.string(name, QStringLiteral("$.name"), QStringLiteral("service"), true);
    c.name.role = r.string(name, QStringLiteral("$.name"), QStringLiteral("role"), true);

    const QString ip = QStringLiteral("$.image");
    const QJsonObject image = r.object(o, root, QStringLiteral("image"), true);
    c.image.name = r.string(image, ip, QStringLiteral("name"), true);
    c.image.tag = r.string(image, ip, QStringLiteral("tag"), true);
    c.image.hash = r.string(image, ip, QStringLiteral("hash"), true);
    c.image.sourceDir = r.string(image, ip, QStringLiteral("sourceDir"));
    c.image.manifestPath = r.string(image, ip, QStringLiteral("manifest"));
    c.image.base = r.string(image, ip, QStringLiteral("base"));
    c.image.title = r.string(image, ip, QStringLiteral("title"));
    c.image.description = r.string(image, ip, QStringLiteral("description"));
    const QJsonObject run = r.object(image, ip, QStringLiteral("run"), true);
    c.image.runCommand = r.strings(run, ip + QStringLiteral(".run"), QStringLiteral("command"));
    c.image.stopTimeout
        = r.number(run, ip + QStringLiteral(".run"), QStringLiteral("stopTimeout"), 10);
    const QJsonObject git = r.object(image, ip, QStringLiteral("git"));
    if (!git.isEmpty()) {
        const QString gp = ip + QStringLiteral(".git");
        c.image.gitUrl = r.string(git, gp, QStringLiteral("url"));
        c.image.gitRef = r.string(git, gp, QStringLiteral("ref"));
        c.image.gitCommit = r.string(git, gp, QStringLiteral("commit"), true);
    }
    const QJsonObject health = r.object(image, ip, QStringLiteral("health"));
    if (!health.isEmpty()) {
        const QString hp = ip + QStringLiteral(".health");
        Health h;
        h.command = r.strings(health, hp, QStringLiteral("command"));
        h.interval = r.number(health, hp, QStringLiteral("interval"), 2);
        h.timeout = r.number(health, hp, QStringLiteral("timeout"), 5);
        h.retries = int(r.number(health, hp, QStringLiteral("retries"), 30));
        h.startPeriod = r.number(health, hp, QStringLiteral("startPeriod"), 0);
        c.image.health = h;
    }
    const QJsonObject config = r.object(image, ip, QStringLiteral("config"));
    c.image.configMethod
        = r.string(config, ip + QStringLiteral(".config"), QStringLiteral("method"));
    c.image.configScript
        = r.string(config, ip + QStringLiteral(".config"), QStringLiteral("script"));
    c.image.config = r.object(config, ip + QStringLiteral(".config"), QStringLiteral("values"));

    const QJsonObject provides = r.object(o, root, QStringLiteral("provides"));
    for (auto it = provides.begin(); it != provides.end(); ++it) {
        const QString pp = QStringLiteral("$.provides.") + it.key();
        const QJsonObject p = it.value().toObject();
        CompiledProvide provide;
        provide.name = it.key();
        provide.method = r.string(p, pp, QStringLiteral("method"), true);
        provide.description = r.string(p, pp, QStringLiteral("description"));
        provide.containerPort = int(r.number(p, pp, QStringLiteral("containerPort"), 0, true));
        provide.protocol = r.string(p, pp, QStringLiteral("protocol"));
        if (provide.protocol.isEmpty())
            provide.protocol = QStringLiteral("tcp");
        provide.publishPort = r.optionalInt(p, pp, QStringLiteral("publishPort"));
        provide.staticIp = r.string(p, pp, QStringLiteral("staticIp"));
        provide.staticPort = r.optionalInt(p, pp, QStringLiteral("staticPort"));
        provide.discoKey = r.string(p, pp, QStringLiteral("discoKey"));
        c.provides.append(provide);
    }
    const QJsonObject requires_ = r.object(o, root, QStringLiteral("requires"));
    for (auto it = requires_.begin(); it != requires_.end(); ++it) {
        const QString rp = QStringLiteral("$.requires.") + it.key();
        const QJsonObject q = it.value().toObject();
        CompiledRequire require;
        require.name = it.key();
        require.method = r.string(q, rp, QStringLiteral("method"), true);
        require.description = r.string(q, rp, QStringLiteral("description"));
        require.lookupRole = r.string(q, rp, QStringLiteral("lookupRole"));
        require.discoKey = r.string(q, rp, QStringLiteral("discoKey"));
        require.attributes = r.stringMap(q, rp, QStringLiteral("attributes"));
        require.liveupdateCommand = r.string(q, rp, QStringLiteral("liveupdate"));
        for (const QJsonValue &e : q.value(QStringLiteral("endpoints")).toArray()) {
            const QJsonObject eo = e.toObject();
            StaticEndpoint endpoint;
            endpoint.ip
                = r.string(eo, rp + QStringLiteral(".endpoints"), QStringLiteral("ip"), true);
            endpoint.port = int(
                r.number(eo, rp + QStringLiteral(".endpoints"), QStringLiteral("port"), 0, true));
            endpoint.attributes
                = r.stringMap(eo, rp + QStringLiteral(".endpoints"), QStringLiteral("attributes"));
            require.endpoints.append(endpoint);
        }
        c.requirements.append(require);
    }
    const QJsonObject volumes = r.object(o, root, QStringLiteral("volumes"));
    for (auto it = volumes.begin(); it != volumes.end(); ++it) {
        const QString vp = QStringLiteral("$.volumes.") + it.key();
        const QJsonObject v = it.value().toObject();
        CompiledVolume volume;
        volume.name = it.key();
        volume.method = r.string(v, vp, QStringLiteral("method"), true);
        volume.description = r.string(v, vp, QStringLiteral("description"));
        volume.containerPath = r.string(v, vp, QStringLiteral("containerPath"), true);
        volume.hostPath = r.string(v, vp, QStringLiteral("hostPath"));
        volume.options = r.object(v, vp, QStringLiteral("options"));
        c.volumes.append(volume);
    }
    const QJsonObject network = r.object(o, root, QStringLiteral("network"));
    c.networkMethod = r.string(network, QStringLiteral("$.network"), QStringLiteral("method"));
    if (c.networkMethod.isEmpty())
        c.networkMethod = QStringLiteral("default");
    c.networkOptions = r.object(network, QStringLiteral("$.network"), QStringLiteral("options"));
    c.environment = r.stringMap(o, root, QStringLiteral("environment"));
    const QJsonObject secrets = r.object(o, root, QStringLiteral("secrets"));
    for (auto it = secrets.begin(); it != secrets.end(); ++it) {
        const QJsonObject s = it.value().toObject();
        const QString sp = QStringLiteral("$.secrets.") + it.key();
        c.secrets.insert(it.key(), Secret{r.string(s, sp, QStringLiteral("value")),
                                          r.string(s, sp, QStringLiteral("description"))});
    }
    const QJsonObject restart = r.object(o, root, QStringLiteral("restart"));
    c.restart.policy = r.string(restart, QStringLiteral("$.restart"), QStringLiteral("policy"));
    if (c.restart.policy.isEmpty())
        c.restart.policy = QStringLiteral("unless-stopped");
    c.restart.maxRetries
        = int(r.number(restart, QStringLiteral("$.restart"), QStringLiteral("maxRetries"), 0));
    c.host = hostFromJson(r, r.object(o, root, QStringLiteral("host"), true),
                          QStringLiteral("$.host"));
    c.discoAddress = r.string(r.object(o, root, QStringLiteral("disco")), QStringLiteral("$.disco"),
                              QStringLiteral("address"));
    c.configFiles = r.strings(o, root, QStringLiteral("configFiles"));
    if (!r.ok())
        return Scs::makeError(r.error(), Scs::Error::Kind::InvalidInput);
    return c;
}

Scs::Result<CompiledContainer> CompiledContainer::fromJsonBytes(const QByteArray &bytes,
                                                                const QString &fileName)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    const QString where = fileName.isEmpty() ? Tr::tr("compiled container") : fileName;
    if (error.error != QJsonParseError::NoError) {
        return Scs::makeError(Tr::tr("%1: invalid JSON at offset %2: %3")
                                  .arg(where)
                                  .arg(error.offset)
                                  .arg(error.errorString()),
                              Scs::Error::Kind::InvalidInput);
    }
    if (!doc.isObject()) {
        return Scs::makeError(Tr::tr("%1: expected a JSON object").arg(where),
                              Scs::Error::Kind::InvalidInput);
    }
    auto c = fromJson(doc.object());
    if (!c && !fileName.isEmpty())
        return std::unexpected(c.error().withContext(fileName));
    return c;
}

QString CompiledContainer::explain() const
{
    QList<QPair<QString, QString>> leaves;
    flattenJson(QString(), toJson(true), leaves);
    QString out;
    for (const auto &[path, value] : leaves) {
        // The longest registered prefix names the origin; "image/config/values/mysql/x" falls
        // back to "image/config/values/mysql" when only the section was registered.
        QString probe = path;
        Origin origin;
        bool found = false;
        while (!probe.isEmpty()) {
            const auto it = origins.constFind(probe);
            if (it != origins.cend()) {
                origin = *it;
                found = true;
                break;
            }
            const qsizetype slash = probe.lastIndexOf(u'/');
            if (slash < 0)
                break;
            probe.truncate(slash);
        }
        QString where = found ? origin.describe() : QStringLiteral("default");
        if (found && !origin.isDefault() && origin.layer >= 0 && origin.layer < configFiles.size())
            where = origin.position() + QStringLiteral(" (layer %1)").arg(origin.layer);
        const QString shown
            = path.startsWith(QStringLiteral("secrets/")) && path.endsWith(QStringLiteral("/value"))
                  ? QStringLiteral("<secret>")
                  : value;
        out += path + QStringLiteral(" = ") + shown + QStringLiteral("    <- ") + where + u'\n';
    }
    return out;
}

const CompiledContainer *CompiledStack::container(const QString &role) const
{
    for (const CompiledContainer &c : containers) {
        if (c.role == role)
            return &c;
    }
    return nullptr;
}

const CompiledHost *CompiledStack::host(const QString &name) const
{
    for (const CompiledHost &h : hosts) {
        if (h.name == name)
            return &h;
    }
    return nullptr;
}

QJsonObject CompiledStack::toJson() const
{
    QJsonArray hostArray;
    for (const CompiledHost &h : hosts)
        hostArray.append(hostToJson(h));
    QJsonObject roles;
    for (const CompiledContainer &c : containers) {
        roles.insert(
            c.role, QJsonObject{{QStringLiteral("file"), QString(c.role + QStringLiteral(".json"))},
                                {QStringLiteral("host"), c.host.name},
                                {QStringLiteral("image"), c.image.tag}});
    }
    return QJsonObject{
        {QStringLiteral("schema"), QStringLiteral("scs.compiled-stack/1")},
        {QStringLiteral("service"), service},
        {QStringLiteral("environment"), environment},
        {QStringLiteral("stackFile"), stackFile},
        {QStringLiteral("hostsFile"), hostsFile},
        {QStringLiteral("disco"), QJsonObject{{QStringLiteral("address"), discoAddress}}},
        {QStringLiteral("hosts"), hostArray},
        {QStringLiteral("roles"), roles}};
}

QJsonObject CompiledStack::toFullJson(bool withSecrets) const
{
    QJsonObject o = toJson();
    QJsonObject all;
    for (const CompiledContainer &c : containers)
        all.insert(c.role, c.toJson(withSecrets));
    o.insert(QStringLiteral("containers"), all);
    return o;
}

Scs::Result<CompiledStack> CompiledStack::fromFullJson(const QJsonObject &o)
{
    JsonReader r(Tr::tr("compiled stack"));
    const QString root = QStringLiteral("$");
    CompiledStack s;
    s.service = r.string(o, root, QStringLiteral("service"), true);
    s.environment = r.string(o, root, QStringLiteral("environment"), true);
    s.stackFile = r.string(o, root, QStringLiteral("stackFile"));
    s.hostsFile = r.string(o, root, QStringLiteral("hostsFile"));
    s.discoAddress = r.string(r.object(o, root, QStringLiteral("disco")), QStringLiteral("$.disco"),
                              QStringLiteral("address"));
    for (const QJsonValue &h : o.value(QStringLiteral("hosts")).toArray())
        s.hosts.append(hostFromJson(r, h.toObject(), QStringLiteral("$.hosts[]")));
    if (!r.ok())
        return Scs::makeError(r.error(), Scs::Error::Kind::InvalidInput);
    const QJsonObject containers = o.value(QStringLiteral("containers")).toObject();
    for (auto it = containers.begin(); it != containers.end(); ++it) {
        auto c = CompiledContainer::fromJson(it.value().toObject());
        if (!c)
            return std::unexpected(c.error().withContext(it.key()));
        s.containers.append(*c);
    }
    return s;
}

Scs::Result<void> CompiledStack::writeTo(const QString &dir) const
{
    if (!QDir().mkpath(dir)) {
        return Scs::makeError(Tr::tr("%1: cannot create the output folder").arg(dir),
                              Scs::Error::Kind::Io);
    }
    const auto write = [&](const QString &name, const QByteArray &bytes) -> Scs::Result<void> {
        QSaveFile file(QDir(dir).filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()
            || !file.commit()) {
            return Scs::makeError(
                Tr::tr("%1: cannot write: %2").arg(file.fileName(), file.errorString()),
                Scs::Error::Kind::Io);
        }
        return {};
    };
    if (auto ok = write(QStringLiteral("stack.json"),
                        QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
        !ok) {
        return ok;
    }
    for (const CompiledContainer &c : containers) {
        if (auto ok = write(c.role + QStringLiteral(".json"), c.toJsonBytes()); !ok)
            return ok;
    }
    return {};
}

Scs::Result<CompiledStack> CompiledStack::readFrom(const QString &dir)
{
    const auto read = [&](const QString &name) -> Scs::Result<QJsonObject> {
        QFile file(QDir(dir).filePath(name));
        if (!file.open(QIODevice::ReadOnly)) {
            return Scs::makeError(
                Tr::tr("%1: cannot read: %2").arg(file.fileName(), file.errorString()),
                Scs::Error::Kind::Io);
        }
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            return Scs::makeError(
                Tr::tr("%1: invalid JSON: %2").arg(file.fileName(), error.errorString()),
                Scs::Error::Kind::InvalidInput);
        }
        return doc.object();
    };
    auto index = read(QStringLiteral("stack.json"));
    if (!index)
        return std::unexpected(index.error());
    QJsonObject full = *index;
    QJsonObject containers;
    const QJsonObject roles = index->value(QStringLiteral("roles")).toObject();
    for (auto it = roles.begin(); it != roles.end(); ++it) {
        const QString file = it.value().toObject().value(QStringLiteral("file")).toString();
        if (file.isEmpty() || file.contains(u'/') || file.startsWith(u'.')) {
            return Scs::makeError(
                Tr::tr("%1: role '%2' names no valid file")
                    .arg(QDir(dir).filePath(QStringLiteral("stack.json")), it.key()),
                Scs::Error::Kind::InvalidInput);
        }
        auto c = read(file);
        if (!c)
            return std::unexpected(c.error());
        containers.insert(it.key(), *c);
    }
    full.insert(QStringLiteral("containers"), containers);
    auto stack = fromFullJson(full);
    if (!stack)
        return std::unexpected(stack.error().withContext(dir));
    return stack;
}

} // namespace Manifest
