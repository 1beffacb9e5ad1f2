# SPDX-FileCopyrightText: 2026 The scs authors
# SPDX-License-Identifier: MIT
# Settings every scs target links: language level, Qt strictness, warnings.
add_library(scs_common_cfg INTERFACE)
target_compile_features(scs_common_cfg INTERFACE cxx_std_23)
target_compile_definitions(scs_common_cfg INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    SCS_VERSION="${PROJECT_VERSION}")
target_compile_options(scs_common_cfg INTERFACE
    -Wall -Wextra -pedantic -Wold-style-cast -Woverloaded-virtual -Wnon-virtual-dtor)
if(SCS_SANITIZE)
    target_compile_options(scs_common_cfg INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(scs_common_cfg INTERFACE -fsanitize=address,undefined)
endif()
