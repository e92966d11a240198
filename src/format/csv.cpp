#include <pie/format/csv.hpp>

#include <pie/error.hpp>

#include <fmt/format.h>

namespace pie {

std::string csv_field(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string csv_row(const std::vector<std::string>& fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out += ',';
        out += csv_field(fields[i]);
    }
    return out + "\n";
}

CsvReader::CsvReader(std::istream& in, std::size_t first_line) : m_in(*in.rdbuf()), m_line(first_line) {}

bool CsvReader::next(std::vector<std::string>& fields) {
    using Traits = std::streambuf::traits_type;
    constexpr auto eof = Traits::eof();
    fields.clear();
    // Blank lines (LF or CRLF alone) are skipped.
    for (;;) {
        int c = m_in.sgetc();
        if (c == eof) return false;
        if (c == '\n') {
            m_in.sbumpc();
            ++m_line;
        } else if (c == '\r' && m_in.snextc() == '\n') {
            m_in.sbumpc();
            ++m_line;
        } else if (c == '\r') {
            m_record_line = m_line;
            throw UserError("a carriage return not followed by a line feed");
        } else {
            break;
        }
    }
    m_record_line = m_line;
    fields.emplace_back();
    for (;;) {
        int c = m_in.sbumpc();
        std::string& field = fields.back();
        if (c == eof) break;
        if (c == '\n') {
            ++m_line;
            break;
        }
        if (c == '\r') {
            if (m_in.sgetc() != '\n') throw UserError("a carriage return not followed by a line feed");
            continue;
        }
        if (c == ',') {
            fields.emplace_back();
            continue;
        }
        if (c != '"') {
            field += static_cast<char>(c);
            continue;
        }
        if (!field.empty()) throw UserError(fmt::format("a quote inside the unquoted field {}", fields.size()));
        // A quoted field: up to the quote that is not doubled.
        std::size_t opened = m_line;
        for (;;) {
            int q = m_in.sbumpc();
            if (q == eof) throw UserError(fmt::format("a quoted field opened on line {} never closes", opened));
            if (q == '"') {
                if (m_in.sgetc() != '"') break;
                m_in.sbumpc();
            }
            if (q == '\n') ++m_line;
            field += static_cast<char>(q);
        }
        int after = m_in.sgetc();
        if (after != eof && after != ',' && after != '\n' && after != '\r') {
            throw UserError(fmt::format("text after the closing quote of field {}", fields.size()));
        }
    }
    if (m_expected != 0 && fields.size() != m_expected) {
        throw UserError(fmt::format("{} field{} where the header has {}", fields.size(), fields.size() == 1 ? "" : "s",
                                    m_expected));
    }
    return true;
}

}  // namespace pie
