// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "exporter.h"

#include "manifesttr.h"
#include "yamlwriter.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cmath>

namespace Manifest {

namespace {

const QString kPlaceholder = QStringLiteral("REPLACE-ME");

QString seconds(double s)
{
    if (s == double(qint64(s)))
        return QString::number(qint64(s)) + u's';
    return QString::number(qint64(std::llround(s * 1000))) + QStringLiteral("ms");
}

QString secretsFile(const QString &role)
{
    return QStringLiteral("secrets/") + role + QStringLiteral(".env");
}

QByteArray envExample(const CompiledContainer &c)
{
    QByteArray out = "# Secrets of role " + c.role.toUtf8() + ": write the real values into "
                     + secretsFile(c.role).toUtf8() + " (KEY=value lines).\n";
    for (auto it = c.secrets.cbegin(); it != c.secrets.cend(); ++it) {
        if (!it->description.isEmpty())
            out += "# " + it->description.toUtf8() + '\n';
        out += it.key().toUtf8() + "=\n";
    }
    return out;
}

void listSecrets(const CompiledContainer &c, const QString &where, QStringList &out)
{
    for (auto it = c.secrets.cbegin(); it != c.secrets.cend(); ++it) {
        out.append(QStringLiteral("%1: %2%3 -> %4")
                       .arg(c.role, it.key(),
                            it->description.isEmpty()
                                ? QString()
                                : QStringLiteral(" (%1)").arg(it->description),
                            where));
    }
}

// Where a require's endpoint lives for an engine that has no disco.
struct Endpoint
{
    QString host;
    int port = 0;
};

QMap<QString, QString> requireEnvironment(const QString &name, const QList<Endpoint> &endpoints)
{
    QMap<QString, QString> env;
    if (endpoints.isEmpty())
        return env;
    const QString var = Exporter::requireVariable(name);
    QStringList all;
    for (const Endpoint &e : endpoints)
        all.append(e.host + u':' + QString::number(e.port));
    env.insert(var, all.constFirst());
    env.insert(var + QStringLiteral("_HOST"), endpoints.constFirst().host);
    env.insert(var + QStringLiteral("_PORT"), QString::number(endpoints.constFirst().port));
    env.insert(var + QStringLiteral("_ENDPOINTS"), all.join(u','));
    return env;
}

QJsonObject toObject(const QMap<QString, QString> &map)
{
    QJsonObject o;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QString restartString(const RestartPolicy &r)
{
    if (r.policy == u"on-failure" && r.maxRetries > 0)
        return QStringLiteral("on-failure:%1").arg(r.maxRetries);
    return r.policy;
}

// A Kubernetes object name: DNS-1123 label, at most 63 characters.
QString k8sName(const QString &text)
{
    QString out;
    for (const QChar c : text.toLower())
        out += ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9')) ? c : u'-';
    while (out.contains(QStringLiteral("--")))
        out.replace(QStringLiteral("--"), QStringLiteral("-"));
    out = out.left(63);
    while (out.endsWith(u'-'))
        out.chop(1);
    while (out.startsWith(u'-'))
        out.remove(0, 1);
    return out.isEmpty() ? QStringLiteral("x") : out;
}

QString k8sPortName(const QString &text)
{
    QString name = k8sName(text).left(15);
    while (name.endsWith(u'-'))
        name.chop(1);
    bool hasLetter = false;
    for (const QChar c : name)
        hasLetter = hasLetter || (c >= u'a' && c <= u'z');
    return hasLetter ? name : QStringLiteral("p-") + name.left(13);
}

} // namespace

QString Exporter::requireVariable(const QString &requireName)
{
    QString name = requireName.toUpper();
    for (QChar &c : name) {
        if (!((c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')))
            c = u'_';
    }
    return QStringLiteral("SCS_REQUIRE_") + name;
}

Scs::Result<void> ExportResult::writeTo(const QString &dir) const
{
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        const QString path = QDir(dir).filePath(it.key());
        if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
            return Scs::makeError(
                Tr::tr("%1: cannot create the folder").arg(QFileInfo(path).absolutePath()),
                Scs::Error::Kind::Io);
        }
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(it.value()) != it.value().size()
            || !file.commit()) {
            return Scs::makeError(Tr::tr("%1: cannot write: %2").arg(path, file.errorString()),
                                  Scs::Error::Kind::Io);
        }
        if (executables.contains(it.key())) {
            QFile::setPermissions(path, QFile::permissions(path) | QFileDevice::ExeOwner
                                            | QFileDevice::ExeGroup | QFileDevice::ExeOther);
        }
    }
    return {};
}

Scs::Result<ExportResult> Exporter::compose(const CompiledStack &stack, const QString &fileName,
                                            const QString &host)
{
    if (!host.isEmpty() && !stack.host(host)) {
        return Scs::makeError(Tr::tr("host '%1' is not in the hosts file; expected one of: %2")
                                  .arg(host,
                                       [&] {
                                           QStringList names;
                                           for (const CompiledHost &h : stack.hosts)
                                               names.append(h.name);
                                           return names.join(QStringLiteral(", "));
                                       }()),
                              Scs::Error::Kind::InvalidInput);
    }
    QList<const CompiledContainer *> local;
    for (const CompiledContainer &c : stack.containers) {
        if (host.isEmpty() || c.host.name == host)
            local.append(&c);
    }
    if (local.isEmpty()) {
        return Scs::makeError(Tr::tr("no role of the stack is placed on host '%1'").arg(host),
                              Scs::Error::Kind::InvalidInput);
    }
    const auto isLocal = [&](const QString &role) {
        for (const CompiledContainer *c : local) {
            if (c->role == role)
                return true;
        }
        return false;
    };

    ExportResult result;
    QJsonObject services;
    QJsonObject namedVolumes;
    for (const CompiledContainer *c : local) {
        QJsonObject service;
        service.insert(QStringLiteral("image"), c->image.tag);
        QMap<QString, QString> env = c->environment;
        QJsonArray dependsOn;
        for (const CompiledRequire &r : c->requirements) {
            QList<Endpoint> endpoints;
            if (r.method == u"static") {
                for (const StaticEndpoint &e : r.endpoints)
                    endpoints.append(Endpoint{e.ip, e.port});
            } else if (isLocal(r.lookupRole)) {
                const CompiledContainer *provider = stack.container(r.lookupRole);
                const CompiledProvide *p = provider ? provider->provide(r.name) : nullptr;
                if (p) {
                    endpoints.append(Endpoint{r.lookupRole, p->containerPort});
                    if (!dependsOn.contains(r.lookupRole))
                        dependsOn.append(r.lookupRole);
                }
            } else {
                const CompiledContainer *provider = stack.container(r.lookupRole);
                const CompiledProvide *p = provider ? provider->provide(r.name) : nullptr;
                if (!p || !p->publishPort) {
                    return Scs::makeError(
                        Tr::tr("role '%1' requires '%2' from role '%3' on host '%4', which does "
                               "not publish it on a fixed port; expected 'publish.port' in the "
                               "options of provide '%2' of role '%3'")
                            .arg(c->role, r.name, r.lookupRole,
                                 provider ? provider->host.name : QString()),
                        Scs::Error::Kind::InvalidInput);
                }
                endpoints.append(Endpoint{provider->host.address, *p->publishPort});
            }
            env.insert(requireEnvironment(r.name, endpoints));
        }
        service.insert(QStringLiteral("environment"), toObject(env));
        if (!dependsOn.isEmpty())
            service.insert(QStringLiteral("depends_on"), dependsOn);
        if (!c->secrets.isEmpty()) {
            service.insert(QStringLiteral("env_file"), QJsonArray{secretsFile(c->role)});
            result.files.insert(secretsFile(c->role) + QStringLiteral(".example"), envExample(*c));
            listSecrets(*c, secretsFile(c->role), result.valuesToSupply);
        }
        QJsonArray ports;
        QJsonArray expose;
        for (const CompiledProvide &p : c->provides) {
            expose.append(QStringLiteral("%1/%2").arg(p.containerPort).arg(p.protocol));
            if (p.publishPort) {
                ports.append(QStringLiteral("%1:%2/%3")
                                 .arg(*p.publishPort)
                                 .arg(p.containerPort)
                                 .arg(p.protocol));
            }
        }
        if (!ports.isEmpty())
            service.insert(QStringLiteral("ports"), ports);
        if (!expose.isEmpty() && c->networkMethod != u"host")
            service.insert(QStringLiteral("expose"), expose);
        QJsonArray volumes;
        for (const CompiledVolume &v : c->volumes) {
            if (v.method == u"local" || v.method == u"metavol") {
                volumes.append(QString(v.hostPath + u':' + v.containerPath));
                continue;
            }
            const QString name = k8sName(c->name.dockerName() + u'-' + v.name);
            QJsonObject definition;
            if (v.method == u"docker") {
                definition.insert(QStringLiteral("name"), v.hostPath);
                if (v.options.contains(QStringLiteral("driver")))
                    definition.insert(QStringLiteral("driver"),
                                      v.options.value(QStringLiteral("driver")));
            } else if (v.method == u"nfs") {
                definition.insert(QStringLiteral("driver"), QStringLiteral("local"));
                definition.insert(
                    QStringLiteral("driver_opts"),
                    QJsonObject{
                        {QStringLiteral("type"), QStringLiteral("nfs")},
                        {QStringLiteral("o"),
                         QStringLiteral("addr=%1,%2")
                             .arg(v.options.value(QStringLiteral("server")).toString(),
                                  v.options.value(QStringLiteral("options"))
                                      .toString(QStringLiteral("rw")))},
                        {QStringLiteral("device"),
                         QString(u':' + v.options.value(QStringLiteral("export")).toString())}});
            } else {
                // aws-ec2-ebs: Compose cannot attach a block device; a plain named volume
                // stands in and the operator is told.
                result.valuesToSupply.append(
                    Tr::tr("%1: volume '%2' uses %3, which Compose cannot provision; it is a "
                           "local named volume '%4' in this export")
                        .arg(c->role, v.name, v.method, name));
            }
            namedVolumes.insert(name, definition);
            volumes.append(QString(name + u':' + v.containerPath));
        }
        if (!volumes.isEmpty())
            service.insert(QStringLiteral("volumes"), volumes);
        if (c->networkMethod == u"host")
            service.insert(QStringLiteral("network_mode"), QStringLiteral("host"));
        service.insert(QStringLiteral("restart"), restartString(c->restart));
        service.insert(QStringLiteral("stop_grace_period"), seconds(c->image.stopTimeout));
        if (c->image.health && !c->image.health->command.isEmpty()) {
            QJsonArray test{QStringLiteral("CMD")};
            for (const QString &part : c->image.health->command)
                test.append(part);
            service.insert(
                QStringLiteral("healthcheck"),
                QJsonObject{
                    {QStringLiteral("test"), test},
                    {QStringLiteral("interval"), seconds(c->image.health->interval)},
                    {QStringLiteral("timeout"), seconds(c->image.health->timeout)},
                    {QStringLiteral("retries"), c->image.health->retries},
                    {QStringLiteral("start_period"), seconds(c->image.health->startPeriod)}});
        }
        service.insert(QStringLiteral("labels"),
                       QJsonObject{{QStringLiteral("scs.role"), c->role},
                                   {QStringLiteral("scs.name"), c->name.path()},
                                   {QStringLiteral("scs.image.hash"), c->image.hash},
                                   {QStringLiteral("scs.image.name"), c->image.name}});
        services.insert(c->role, service);
    }
    QJsonObject document{{QStringLiteral("version"), QStringLiteral("3.8")},
                         {QStringLiteral("services"), services}};
    if (!namedVolumes.isEmpty())
        document.insert(QStringLiteral("volumes"), namedVolumes);
    QByteArray text = "# Docker Compose export of stack '" + stack.service.toUtf8()
                      + "' (environment " + stack.environment.toUtf8() + ") made by scs.\n"
                      + "# Images: build them with 'scs build' (tags scs/<image>:<hash>).\n";
    if (!result.valuesToSupply.isEmpty()) {
        text += "# Before 'docker-compose up', supply these values:\n";
        for (const QString &line : std::as_const(result.valuesToSupply))
            text += "#   " + line.toUtf8() + '\n';
    }
    text += YamlWriter::write(document);
    result.files.insert(fileName, text);
    return result;
}

Scs::Result<ExportResult> Exporter::kubernetes(const CompiledStack &stack, const QString &fileName)
{
    ExportResult result;
    QList<QJsonValue> documents;
    const auto serviceName
        = [&](const QString &role) { return k8sName(stack.service + u'-' + role); };
    for (const CompiledContainer &c : stack.containers) {
        const QString base = serviceName(c.role);
        const QJsonObject labels{
            {QStringLiteral("app.kubernetes.io/name"), k8sName(c.role)},
            {QStringLiteral("app.kubernetes.io/part-of"), k8sName(stack.service)},
            {QStringLiteral("app.kubernetes.io/managed-by"), QStringLiteral("scs")}};
        const auto metadata = [&](const QString &name) {
            return QJsonObject{{QStringLiteral("name"), name},
                               {QStringLiteral("labels"), labels},
                               {QStringLiteral("annotations"),
                                QJsonObject{{QStringLiteral("scs/name"), c.name.path()},
                                            {QStringLiteral("scs/image-hash"), c.image.hash}}}};
        };

        // ConfigMap: the image config, flattened as the build saw it.
        const QString configName = base + QStringLiteral("-config");
        QJsonObject configData = toObject(c.image.configEnvironment());
        documents.append(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                     {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
                                     {QStringLiteral("metadata"), metadata(configName)},
                                     {QStringLiteral("data"), configData}});
        // Secret: placeholders only.
        const QString secretName = base + QStringLiteral("-secrets");
        if (!c.secrets.isEmpty()) {
            QJsonObject data;
            for (auto it = c.secrets.cbegin(); it != c.secrets.cend(); ++it)
                data.insert(it.key(), kPlaceholder);
            documents.append(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                         {QStringLiteral("kind"), QStringLiteral("Secret")},
                                         {QStringLiteral("metadata"), metadata(secretName)},
                                         {QStringLiteral("type"), QStringLiteral("Opaque")},
                                         {QStringLiteral("stringData"), data}});
            listSecrets(
                c, QStringLiteral("Secret %1 (stringData, now '%2')").arg(secretName, kPlaceholder),
                result.valuesToSupply);
        }
        // Service for the provides.
        QJsonArray servicePorts;
        QJsonArray containerPorts;
        for (const CompiledProvide &p : c.provides) {
            const QString protocol = p.protocol.toUpper();
            servicePorts.append(QJsonObject{{QStringLiteral("name"), k8sPortName(p.name)},
                                            {QStringLiteral("port"), p.containerPort},
                                            {QStringLiteral("targetPort"), p.containerPort},
                                            {QStringLiteral("protocol"), protocol}});
            containerPorts.append(QJsonObject{{QStringLiteral("name"), k8sPortName(p.name)},
                                              {QStringLiteral("containerPort"), p.containerPort},
                                              {QStringLiteral("protocol"), protocol}});
        }
        const QJsonObject selector{
            {QStringLiteral("app.kubernetes.io/name"), k8sName(c.role)},
            {QStringLiteral("app.kubernetes.io/part-of"), k8sName(stack.service)}};
        if (!servicePorts.isEmpty() || !c.volumes.isEmpty()) {
            QJsonObject spec{{QStringLiteral("selector"), selector}};
            if (servicePorts.isEmpty()) {
                // A StatefulSet needs a governing Service even without ports: headless.
                spec.insert(QStringLiteral("clusterIP"), QStringLiteral("None"));
                spec.insert(QStringLiteral("ports"),
                            QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("none")},
                                                   {QStringLiteral("port"), 1}}});
            } else {
                spec.insert(QStringLiteral("ports"), servicePorts);
            }
            documents.append(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                         {QStringLiteral("kind"), QStringLiteral("Service")},
                                         {QStringLiteral("metadata"), metadata(base)},
                                         {QStringLiteral("spec"), spec}});
        }
        // Volumes: one claim each.
        QJsonArray podVolumes;
        QJsonArray mounts;
        for (const CompiledVolume &v : c.volumes) {
            const QString claim = base + u'-' + k8sName(v.name);
            QString size = QStringLiteral("1Gi");
            const QJsonValue optionSize = v.options.value(QStringLiteral("size"));
            if (optionSize.isDouble())
                size = QString::number(optionSize.toInt()) + QStringLiteral("Gi");
            else if (optionSize.isString())
                size = optionSize.toString();
            documents.append(QJsonObject{
                {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                {QStringLiteral("kind"), QStringLiteral("PersistentVolumeClaim")},
                {QStringLiteral("metadata"), metadata(claim)},
                {QStringLiteral("spec"),
                 QJsonObject{
                     {QStringLiteral("accessModes"), QJsonArray{QStringLiteral("ReadWriteOnce")}},
                     {QStringLiteral("resources"),
                      QJsonObject{{QStringLiteral("requests"),
                                   QJsonObject{{QStringLiteral("storage"), size}}}}}}}});
            podVolumes.append(QJsonObject{{QStringLiteral("name"), k8sName(v.name)},
                                          {QStringLiteral("persistentVolumeClaim"),
                                           QJsonObject{{QStringLiteral("claimName"), claim}}}});
            mounts.append(QJsonObject{{QStringLiteral("name"), k8sName(v.name)},
                                      {QStringLiteral("mountPath"), v.containerPath}});
        }
        // The workload.
        QMap<QString, QString> envMap = c.environment;
        for (const CompiledRequire &r : c.requirements) {
            QList<Endpoint> endpoints;
            if (r.method == u"static") {
                for (const StaticEndpoint &e : r.endpoints)
                    endpoints.append(Endpoint{e.ip, e.port});
            } else if (const CompiledContainer *provider = stack.container(r.lookupRole)) {
                if (const CompiledProvide *p = provider->provide(r.name))
                    endpoints.append(Endpoint{serviceName(r.lookupRole), p->containerPort});
            }
            envMap.insert(requireEnvironment(r.name, endpoints));
        }
        QJsonArray env;
        for (auto it = envMap.cbegin(); it != envMap.cend(); ++it)
            env.append(QJsonObject{{QStringLiteral("name"), it.key()},
                                   {QStringLiteral("value"), it.value()}});
        QJsonArray envFrom{QJsonObject{
            {QStringLiteral("configMapRef"), QJsonObject{{QStringLiteral("name"), configName}}}}};
        if (!c.secrets.isEmpty()) {
            envFrom.append(QJsonObject{
                {QStringLiteral("secretRef"), QJsonObject{{QStringLiteral("name"), secretName}}}});
        }
        QJsonObject container{{QStringLiteral("name"), k8sName(c.role)},
                              {QStringLiteral("image"), c.image.tag},
                              {QStringLiteral("imagePullPolicy"), QStringLiteral("IfNotPresent")},
                              {QStringLiteral("env"), env},
                              {QStringLiteral("envFrom"), envFrom}};
        if (!containerPorts.isEmpty())
            container.insert(QStringLiteral("ports"), containerPorts);
        if (!mounts.isEmpty())
            container.insert(QStringLiteral("volumeMounts"), mounts);
        if (c.image.health && !c.image.health->command.isEmpty()) {
            const Health &h = *c.image.health;
            container.insert(
                QStringLiteral("readinessProbe"),
                QJsonObject{
                    {QStringLiteral("exec"), QJsonObject{{QStringLiteral("command"),
                                                          QJsonArray::fromStringList(h.command)}}},
                    {QStringLiteral("periodSeconds"), std::max(1, int(std::ceil(h.interval)))},
                    {QStringLiteral("timeoutSeconds"), std::max(1, int(std::ceil(h.timeout)))},
                    {QStringLiteral("failureThreshold"), std::max(1, h.retries)},
                    {QStringLiteral("initialDelaySeconds"), int(std::ceil(h.startPeriod))}});
        }
        QJsonObject podSpec{
            {QStringLiteral("containers"), QJsonArray{container}},
            {QStringLiteral("terminationGracePeriodSeconds"), int(std::ceil(c.image.stopTimeout))}};
        if (!podVolumes.isEmpty())
            podSpec.insert(QStringLiteral("volumes"), podVolumes);
        if (c.networkMethod == u"host")
            podSpec.insert(QStringLiteral("hostNetwork"), true);
        QJsonObject workloadSpec{
            {QStringLiteral("replicas"), 1},
            {QStringLiteral("selector"), QJsonObject{{QStringLiteral("matchLabels"), selector}}},
            {QStringLiteral("template"),
             QJsonObject{
                 {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("labels"), labels}}},
                 {QStringLiteral("spec"), podSpec}}}};
        const bool stateful = !c.volumes.isEmpty();
        if (stateful)
            workloadSpec.insert(QStringLiteral("serviceName"), base);
        else
            workloadSpec.insert(QStringLiteral("strategy"),
                                QJsonObject{{QStringLiteral("type"), QStringLiteral("Recreate")}});
        documents.append(
            QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                        {QStringLiteral("kind"),
                         stateful ? QStringLiteral("StatefulSet") : QStringLiteral("Deployment")},
                        {QStringLiteral("metadata"), metadata(base)},
                        {QStringLiteral("spec"), workloadSpec}});
    }
    QByteArray text = "# Kubernetes export of stack '" + stack.service.toUtf8() + "' (environment "
                      + stack.environment.toUtf8() + ") made by scs.\n";
    if (!result.valuesToSupply.isEmpty()) {
        text += "# Before applying, replace the placeholders of these secrets:\n";
        for (const QString &line : std::as_const(result.valuesToSupply))
            text += "#   " + line.toUtf8() + '\n';
    }
    text += YamlWriter::writeDocuments(documents);
    result.files.insert(fileName, text);
    return result;
}

Scs::Result<ExportResult> Exporter::bundle(const CompiledStack &stack)
{
    ExportResult result;
    CompiledStack copy = stack;
    QMap<QString, QString> imageDirs; // image name -> source dir
    for (CompiledContainer &c : copy.containers) {
        if (const auto it = imageDirs.constFind(c.image.name);
            it != imageDirs.cend() && *it != c.image.sourceDir) {
            return Scs::makeError(Tr::tr("two image folders are named '%1' (%2 and %3); expected "
                                         "distinct names in one bundle")
                                      .arg(c.image.name, *it, c.image.sourceDir),
                                  Scs::Error::Kind::Conflict);
        }
        imageDirs.insert(c.image.name, c.image.sourceDir);
        c.image.sourceDir = QStringLiteral("images/") + c.image.name;
        c.image.manifestPath = c.image.sourceDir + QStringLiteral("/scs.yaml");
        if (!c.secrets.isEmpty()) {
            result.files.insert(secretsFile(c.role) + QStringLiteral(".example"), envExample(c));
            listSecrets(c, secretsFile(c.role), result.valuesToSupply);
        }
        result.files.insert(c.role + QStringLiteral(".json"), c.toJsonBytes(false));
    }
    result.files.insert(QStringLiteral("stack.json"),
                        QJsonDocument(copy.toJson()).toJson(QJsonDocument::Indented));
    for (auto it = imageDirs.cbegin(); it != imageDirs.cend(); ++it) {
        const QDir source(it.value());
        QDirIterator files(it.value(), QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                           QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QString path = files.next();
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                return Scs::makeError(Tr::tr("%1: cannot read: %2").arg(path, file.errorString()),
                                      Scs::Error::Kind::Io);
            }
            const QString target
                = QStringLiteral("images/") + it.key() + u'/' + source.relativeFilePath(path);
            result.files.insert(target, file.readAll());
            if (QFileInfo(path).permissions() & QFileDevice::ExeOwner)
                result.executables.append(target);
        }
    }
    QByteArray readme = "# scs bundle: stack '" + stack.service.toUtf8() + "', environment '"
                        + stack.environment.toUtf8() + "'\n\n"
                        + "Made by `scs export --format bundle`. It holds the compiled document of "
                          "every container (`<role>.json`, index `stack.json`) and the source "
                          "folder of every image (`images/<name>/`, manifest `scs.yaml`).\n\n"
                          "## Values to supply\n\n"
                          "Secret values are not in this bundle. For each line below, write "
                          "`KEY=value` into the named file (start from its `.example`):\n\n";
    if (result.valuesToSupply.isEmpty())
        readme += "- none\n";
    for (const QString &line : std::as_const(result.valuesToSupply))
        readme += "- " + line.toUtf8() + '\n';
    readme += "\n## Roles\n\n";
    for (const CompiledContainer &c : stack.containers) {
        readme += "- `" + c.role.toUtf8() + "`: image `" + c.image.tag.toUtf8() + "` on host `"
                  + c.host.name.toUtf8() + "` (" + c.host.docker.toUtf8() + ")\n";
    }
    result.files.insert(QStringLiteral("README.md"), readme);
    return result;
}

Scs::Result<CompiledStack> readBundle(const QString &dir)
{
    auto stack = CompiledStack::readFrom(dir);
    if (!stack)
        return stack;
    const QDir base(dir);
    for (CompiledContainer &c : stack->containers) {
        if (!c.image.sourceDir.isEmpty() && QDir::isRelativePath(c.image.sourceDir))
            c.image.sourceDir = QDir::cleanPath(base.absoluteFilePath(c.image.sourceDir));
        if (!c.image.manifestPath.isEmpty() && QDir::isRelativePath(c.image.manifestPath))
            c.image.manifestPath = QDir::cleanPath(base.absoluteFilePath(c.image.manifestPath));
        QFile env(base.filePath(secretsFile(c.role)));
        if (!env.open(QIODevice::ReadOnly))
            continue;
        int lineNumber = 0;
        while (!env.atEnd()) {
            ++lineNumber;
            const QString line = QString::fromUtf8(env.readLine()).trimmed();
            if (line.isEmpty() || line.startsWith(u'#'))
                continue;
            const qsizetype eq = line.indexOf(u'=');
            if (eq <= 0) {
                return Scs::makeError(
                    Tr::tr("%1:%2: expected KEY=value").arg(env.fileName()).arg(lineNumber),
                    Scs::Error::Kind::InvalidInput);
            }
            const QString key = line.left(eq);
            if (!c.secrets.contains(key)) {
                return Scs::makeError(Tr::tr("%1:%2: role '%3' has no secret '%4'")
                                          .arg(env.fileName())
                                          .arg(lineNumber)
                                          .arg(c.role, key),
                                      Scs::Error::Kind::InvalidInput);
            }
            c.secrets[key].value = line.mid(eq + 1);
        }
    }
    return stack;
}

} // namespace Manifest
