// How numbers are rounded for output: shares, scores and ratings in every format.
#pragma once

#include <cmath>

namespace pie {

// `value` rounded half away from zero to `decimals` places: round_to(0.12345, 4) == 0.1235.
inline double round_to(double value, int decimals) {
    double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

}  // namespace pie
