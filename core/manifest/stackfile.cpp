// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#include "stackfile.h"

#include "fieldreader.h"
#include "manifesttr.h"
#include "yamlreader.h"

#include <QFileInfo>

namespace Manifest {

using Internal::FieldReader;

bool isValidRoleName(const QString &name)
{
    if (name.isEmpty() || name.size() > 63 || !(name.at(0) >= u'a' && name.at(0) <= u'z'))
        return false;
    for (const QChar c : name) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-';
        if (!ok)
            return false;
    }
    return true;
}

const StackFile::Role *StackFile::role(const QString &name) const
{
    for (const Role &r : roles) {
        if (r.name == name)
            return &r;
    }
    return nullptr;
}

QStringList StackFile::roleNames() const
{
    QStringList names;
    for (const Role &r : roles)
        names.append(r.name);
    return names;
}

Scs::Result<StackFile> StackFile::load(const QString &path)
{
    const QString file = QFileInfo(path).absoluteFilePath();
    auto root = YamlReader::readFile(file);
    if (!root)
        return std::unexpected(root.error());
    Diagnostics diagnostics;
    StackFile stack = fromNode(*root, file, diagnostics);
    if (!diagnostics.isEmpty())
        return std::unexpected(diagnostics.toError());
    return stack;
}

StackFile StackFile::fromNode(const Node &root, const QString &path, Diagnostics &diagnostics)
{
    StackFile s;
    s.path = path;
    s.tree = root;
    if (root.isNullLike()) {
        diagnostics.error(root.origin, Tr::tr("the stack file is empty; expected 'service' and "
                                              "'roles'"));
        return s;
    }
    FieldReader top(&root, QString(), diagnostics);
    if (!top.isValid())
        return s;
    if (const Node::Entry *e = top.entry(QStringLiteral("service")))
        s.serviceOrigin = e->value.origin;
    s.service = top.string(QStringLiteral("service")).value_or(QString());
    if (!s.service.isEmpty() && !isValidRoleName(s.service)) {
        diagnostics.error(s.serviceOrigin, Tr::tr("'service' is '%1'; expected lower-case "
                                                  "letters, digits and '-', starting with a "
                                                  "letter")
                                               .arg(s.service));
    }
    top.require(QStringLiteral("service"), Tr::tr("the application's name, e.g. blog"));
    if (const Node *roles = top.map(QStringLiteral("roles"))) {
        for (const Node::Entry &e : roles->entries) {
            Role role;
            role.name = e.key;
            role.origin = e.keyOrigin;
            if (!isValidRoleName(e.key)) {
                diagnostics.error(e.keyOrigin, Tr::tr("role name '%1' is not valid; expected "
                                                      "lower-case letters, digits and '-', "
                                                      "starting with a letter")
                                                   .arg(e.key));
            }
            const QString ctx = QStringLiteral("roles.") + e.key;
            FieldReader r(&e.value, ctx, diagnostics);
            if (const Node *config = r.value(QStringLiteral("config"))) {
                QList<const Node *> files;
                if (config->isScalar()) {
                    files.append(config);
                } else if (config->isSequence()) {
                    for (const Node &item : config->items)
                        files.append(&item);
                } else {
                    r.wrongType(*config, QStringLiteral("config"),
                                Tr::tr("a list of config files"));
                }
                for (const Node *file : files) {
                    if (!file->isScalar() || file->scalar.isEmpty()) {
                        diagnostics.error(file->origin, Tr::tr("an item of '%1.config' is %2; "
                                                               "expected a file name")
                                                            .arg(ctx, file->kindName()));
                        continue;
                    }
                    const QString resolved = Internal::resolvePath(file->scalar, file->origin);
                    if (!QFileInfo(resolved).isFile()) {
                        diagnostics.error(file->origin,
                                          Tr::tr("config file '%1' of role '%2' does not exist "
                                                 "(%3); expected a file next to the stack")
                                              .arg(file->scalar, e.key, resolved));
                        continue;
                    }
                    role.configFiles.append(resolved);
                    role.configOrigins.append(file->origin);
                }
                if (config->isSequence() && config->items.empty()) {
                    diagnostics.error(config->origin, Tr::tr("'%1.config' is empty; expected at "
                                                             "least one config file")
                                                          .arg(ctx));
                }
            }
            if (r.isValid() && !r.node()) {
                diagnostics.error(e.keyOrigin, Tr::tr("role '%1' is empty; expected "
                                                      "'{ config: [files...] }'")
                                                   .arg(e.key));
            } else {
                r.require(QStringLiteral("config"), Tr::tr("a list of config files"));
            }
            r.finish();
            s.roles.append(role);
        }
        if (roles->entries.empty()) {
            diagnostics.error(roles->origin, Tr::tr("'roles' is empty; expected at least one "
                                                    "role"));
        }
    }
    top.require(QStringLiteral("roles"), Tr::tr("a map of role names to '{ config: [...] }'"));
    top.finish();
    return s;
}

} // namespace Manifest
