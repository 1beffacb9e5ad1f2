// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
#pragma once

// Internal: the Engine API's JSON ⇄ the value types (API 1.41 field names).

#include "types.h"

#include <QJsonObject>

namespace Docker::Internal {

[[nodiscard]] VersionInfo versionFromJson(const QJsonObject &o);
[[nodiscard]] ContainerSummary containerSummaryFromJson(const QJsonObject &o);
[[nodiscard]] ContainerInfo containerInfoFromJson(const QJsonObject &o);
[[nodiscard]] ImageSummary imageSummaryFromJson(const QJsonObject &o);
[[nodiscard]] ImageInfo imageInfoFromJson(const QJsonObject &o);
[[nodiscard]] VolumeInfo volumeInfoFromJson(const QJsonObject &o);
[[nodiscard]] NetworkInfo networkInfoFromJson(const QJsonObject &o);
[[nodiscard]] Event eventFromJson(const QJsonObject &o);
/** CPU use is computed between the sample and its precpu_stats. */
[[nodiscard]] StatsSample statsFromJson(const QJsonObject &o);

[[nodiscard]] QJsonObject containerCreateBody(const ContainerSpec &spec);
[[nodiscard]] QJsonObject volumeCreateBody(const VolumeSpec &spec);
[[nodiscard]] QJsonObject networkCreateBody(const NetworkSpec &spec);
[[nodiscard]] QJsonObject execCreateBody(const ExecSpec &spec);
/** {"label": ["k=v", "k2"]} for ?filters= */
[[nodiscard]] QByteArray labelFilters(const QMap<QString, QString> &labels,
                                      const QStringList &names = {}, const QString &reference = {});

} // namespace Docker::Internal
