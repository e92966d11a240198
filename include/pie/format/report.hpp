#pragma once

// A Report as text, markdown, JSON or CSV (§6). Each renderer returns the whole output.

#include <pie/report.hpp>

#include <nlohmann/json.hpp>

#include <string>

namespace pie {

// How text and markdown are drawn.
struct RenderOptions {
    int width = 80;      // no line is wider, by display width
    bool ascii = false;  // 7-bit ASCII only
    bool color = false;  // ANSI colours (text only)
};

// The narrowest --width a report is drawn at.
inline constexpr int k_min_width = 40;

// Header, attention pie with legend, satisfaction wheel with legend, findings, goals.
std::string render_text(const Report& report, const RenderOptions& options);

// The same content as headings, pipe tables (lists where a table would be too wide) and fenced
// code blocks for the charts; never coloured.
std::string render_markdown(const Report& report, const RenderOptions& options);

// Exactly the §6 schema; user text exactly as stored.
std::string render_json(const Report& report);

// The report's "balance" object: score, hyper_focus, neglected, needs_care (also in a review's).
nlohmann::ordered_json balance_json(const Report& report);

// slice,label,entries,minutes,share,rating,rating_change,days_since_last; one row per counted slice.
std::string render_csv(const Report& report);

// The findings in plain, kind sentences: balance, hyper-focus, neglect, needs care.
std::vector<std::string> report_findings(const Report& report);

}  // namespace pie
