// A gazetteer entry for the unit tests: a curated place with its position, kind and precision.
// Tests set any further field (country, curated) on what it returns.
#pragma once

#include "core/gazetteer.hpp"

#include <string>
#include <utility>
#include <vector>

namespace sitmap::core::testing {

inline NamedPlace test_place(std::string name, std::vector<std::string> variants, double lat, double lon,
                             std::string kind, LocationPrecision precision) {
    NamedPlace np;
    np.name = std::move(name);
    np.variants = std::move(variants);
    np.position = {lon, lat};
    np.has_position = true;
    np.kind = std::move(kind);
    np.precision = precision;
    np.curated = true;
    return np;
}

}  // namespace sitmap::core::testing
