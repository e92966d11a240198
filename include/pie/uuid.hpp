#pragma once

// UUIDs: random ones for new records, and name-based ones for imported records that carry none
// (CSV rows, Timewarrior intervals), so that importing the same data twice finds the same UUIDs and
// adds nothing. Pure: no database.

#include <string>
#include <string_view>
#include <vector>

namespace pie {

// A new random (version 4) UUID, for a record made here.
std::string new_uuid();

// pie's namespace for name-based UUIDs (a fixed, random version 4 UUID).
inline constexpr std::string_view k_pie_uuid_namespace = "6f1c7a52-3e0b-4d8e-9a57-2b9c4f0e8d31";

// The version 5 UUID (RFC 9562: SHA-1 of namespace and name) of `name` in `name_space`.
std::string uuid_v5(std::string_view name_space, std::string_view name);

// The UUID of a record made of `parts`, in pie's namespace. Each part is prefixed with its length,
// so no two lists of parts give the same name ("a,b" + "c" differs from "a" + "b,c").
std::string record_uuid(const std::vector<std::string>& parts);

// Whether `text` is a UUID in its canonical form: 8-4-4-4-12 lowercase hex digits.
bool is_uuid(std::string_view text);

// The SHA-1 digest of `data` (FIPS 180-4), as 20 bytes.
std::string sha1(std::string_view data);

}  // namespace pie
