// SPDX-FileCopyrightText: 2026 The scs authors
// SPDX-License-Identifier: MIT
//
// Only for the clang fuzz build: clang 14 cannot compile libstdc++ 12's
// <expected> (it needs P0848 conditionally trivial special members), so this
// minimal std::expected stands in for it. Force-included before anything else.
#pragma once

#define _GLIBCXX_EXPECTED 1

#include <type_traits>
#include <utility>
#include <variant>

namespace std {

template<typename E>
class unexpected
{
public:
    explicit unexpected(E e)
        : m_error(std::move(e))
    {}
    const E &error() const & { return m_error; }
    E &error() & { return m_error; }

private:
    E m_error;
};
template<typename E>
unexpected(E) -> unexpected<E>;

template<typename T, typename E>
class expected
{
public:
    expected()
        : m_value(std::in_place_index<0>)
    {}
    template<typename U = T,
             typename = std::enable_if_t<
                 std::is_constructible_v<T, U &&> && !std::is_same_v<std::decay_t<U>, expected>>>
    expected(U &&value)
        : m_value(std::in_place_index<0>, std::forward<U>(value))
    {}
    template<typename G>
    expected(const unexpected<G> &e)
        : m_value(std::in_place_index<1>, e.error())
    {}
    template<typename G>
    expected(unexpected<G> &&e)
        : m_value(std::in_place_index<1>, std::move(e.error()))
    {}
    bool has_value() const { return m_value.index() == 0; }
    explicit operator bool() const { return has_value(); }
    T &operator*() { return std::get<0>(m_value); }
    const T &operator*() const { return std::get<0>(m_value); }
    T *operator->() { return &std::get<0>(m_value); }
    const T *operator->() const { return &std::get<0>(m_value); }
    T &value() { return std::get<0>(m_value); }
    const T &value() const { return std::get<0>(m_value); }
    const E &error() const { return std::get<1>(m_value); }
    template<typename U>
    T value_or(U &&other) const
    {
        return has_value() ? **this : T(std::forward<U>(other));
    }

private:
    std::variant<T, E> m_value;
};

template<typename E>
class expected<void, E>
{
public:
    expected() = default;
    template<typename G>
    expected(const unexpected<G> &e)
        : m_error(e.error())
        , m_has(false)
    {}
    template<typename G>
    expected(unexpected<G> &&e)
        : m_error(std::move(e.error()))
        , m_has(false)
    {}
    bool has_value() const { return m_has; }
    explicit operator bool() const { return m_has; }
    const E &error() const { return m_error; }

private:
    E m_error{};
    bool m_has = true;
};

} // namespace std
