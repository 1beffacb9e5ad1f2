#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The scs authors
# SPDX-License-Identifier: MIT
"""Checks a multi-document Kubernetes YAML file against the official model
classes of the Kubernetes Python client (Debian's python3-kubernetes): every
field name and type is walked recursively through `openapi_types` /
`attribute_map`, then each document is deserialized into its model, which
enforces required fields. Prints one line per problem; exit 1 if any.
Run with /usr/bin/python3 (Debian's Python sees python3-kubernetes)."""
import json
import sys

import kubernetes.client as k8s
import kubernetes.client.models as models
import yaml

KINDS = {
    ("v1", "ConfigMap"): "V1ConfigMap",
    ("v1", "Secret"): "V1Secret",
    ("v1", "Service"): "V1Service",
    ("v1", "PersistentVolumeClaim"): "V1PersistentVolumeClaim",
    ("apps/v1", "Deployment"): "V1Deployment",
    ("apps/v1", "StatefulSet"): "V1StatefulSet",
}
PRIMITIVES = {"str": str, "int": int, "bool": bool, "float": (int, float)}


def check(value, type_name, path, problems):
    if type_name.startswith("list["):
        if not isinstance(value, list):
            problems.append(f"{path}: expected a list ({type_name}), got {type(value).__name__}")
            return
        for i, item in enumerate(value):
            check(item, type_name[5:-1], f"{path}[{i}]", problems)
        return
    if type_name.startswith("dict("):
        if not isinstance(value, dict):
            problems.append(f"{path}: expected a map ({type_name}), got {type(value).__name__}")
            return
        inner = type_name[5:-1].split(", ", 1)[1]
        for key, item in value.items():
            check(item, inner, f"{path}.{key}", problems)
        return
    if type_name in PRIMITIVES:
        if isinstance(value, bool) and type_name != "bool":
            problems.append(f"{path}: expected {type_name}, got bool")
        elif not isinstance(value, PRIMITIVES[type_name]):
            problems.append(f"{path}: expected {type_name}, got {type(value).__name__}")
        return
    if type_name in ("object", "datetime", "date"):
        return
    cls = getattr(models, type_name, None)
    if cls is None:
        problems.append(f"{path}: unknown model type {type_name}")
        return
    if not isinstance(value, dict):
        problems.append(f"{path}: expected an object ({type_name}), got {type(value).__name__}")
        return
    by_json = {json_name: attr for attr, json_name in cls.attribute_map.items()}
    for key, item in value.items():
        attr = by_json.get(key)
        if attr is None:
            problems.append(f"{path}.{key}: no such field in {type_name}")
            continue
        check(item, cls.openapi_types[attr], f"{path}.{key}", problems)


class Response:
    def __init__(self, data):
        self.data = json.dumps(data)


def main():
    problems = []
    kinds = []
    with open(sys.argv[1], encoding="utf-8") as f:
        documents = [d for d in yaml.safe_load_all(f) if d is not None]
    client = k8s.ApiClient()
    for index, doc in enumerate(documents):
        where = f"document {index + 1}"
        key = (doc.get("apiVersion"), doc.get("kind"))
        if key not in KINDS:
            problems.append(f"{where}: unexpected apiVersion/kind {key}")
            continue
        kinds.append(doc["kind"])
        where += f" ({doc['kind']} {doc.get('metadata', {}).get('name')})"
        check(doc, KINDS[key], where, problems)
        try:
            client.deserialize(Response(doc), KINDS[key])
        except (ValueError, TypeError) as error:
            problems.append(f"{where}: {error}")
    for p in problems:
        print(p)
    print("kinds: " + " ".join(sorted(set(kinds))))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
