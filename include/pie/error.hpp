#pragma once

#include <stdexcept>
#include <string>

namespace pie {

// A runtime failure (exit 1): the database cannot be read or written, nothing to undo, ...
// Caught once, in pie::run, and printed as `pie: error: <what>` plus an optional `hint: ...`.
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message, std::string hint = {})
        : std::runtime_error(message), m_hint(std::move(hint)) {}

    const std::string& hint() const noexcept { return m_hint; }

private:
    std::string m_hint;
};

// Bad input from the user (exit 2): unknown command or slice, malformed WHEN, ...
class UserError : public Error {
public:
    using Error::Error;
};

}  // namespace pie
