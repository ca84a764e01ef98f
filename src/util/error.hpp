#pragma once
// The exception hierarchy. Every message carries where the problem is (file, line, record)
// so a user can find the bad value; only cli/main.cpp turns an exception into an exit code.
#include <cstddef>
#include <stdexcept>
#include <string>

namespace kuril {

// Where a problem sits in the inputs. line is 1-based; 0 means "the file as a whole".
struct Location {
    std::string file;
    std::size_t line = 0;
    std::string record;  // the record's id, where it has one

    [[nodiscard]] std::string str() const;
};

class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Bad input data: malformed file, impossible date, unknown reference, invalid geometry.
class InputError : public Error {
public:
    InputError(Location where, const std::string& message);
    [[nodiscard]] const Location& where() const noexcept { return where_; }
    [[nodiscard]] const std::string& reason() const noexcept { return reason_; }

private:
    Location where_;
    std::string reason_;
};

// A geometry operation failed (GEOS, PROJ).
class GeometryError : public Error {
public:
    using Error::Error;
};

// Writing an output failed (disk, GDAL driver).
class OutputError : public Error {
public:
    using Error::Error;
};

// An external program the project runs (GMT's coast, for the coastline import) failed or is missing.
class ExternalProgramError : public Error {
public:
    ExternalProgramError(std::string program, const std::string& message)
        : Error(message), program_(std::move(program)) {}
    [[nodiscard]] const std::string& program() const noexcept { return program_; }

private:
    std::string program_;
};

// Wrong command-line arguments: detected in a command's setup(), before any file is touched.
class UsageError : public Error {
public:
    using Error::Error;
};

}  // namespace kuril
