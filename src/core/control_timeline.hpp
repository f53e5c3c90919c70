// Control of territory through time: dated control areas (ControlPeriod) and the questions asked of
// them (who held this point on that day, when is the next change). Part of sitmap_core: pure data
// and geometry in lon/lat, no GDAL (io/control_io loads geodata/control.gpkg into these types), no GL.
#pragma once
#include "core/date.hpp"
#include "core/geometry.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sitmap::core {

/// Who held an area: Azerbaijan, the Armenian side (Armenia or the de facto Nagorno-Karabakh
/// authorities), or neither (outside both countries and the disputed area).
enum class Controller { Azerbaijan, Armenian, Other };
/// What a control area is: ordinary control, inside the Russian peacekeeping zone, the Lachin corridor, or
/// positions held by Azerbaijani forces inside Armenia's international boundary (since May 2021).
enum class ControlKind { Control, Peacekeeping, Corridor, AzerbaijanInArmenia };
enum class Confidence { High, Medium, Low };

std::string_view controller_name(Controller c);  ///< "azerbaijan", "armenian", "other"
std::string_view kind_name(ControlKind k);       ///< "control", "peacekeeping", "corridor", "azerbaijan_in_armenia"
std::string_view confidence_name(Confidence c);  ///< "high", "medium", "low"
std::optional<Controller> parse_controller(std::string_view text);  ///< only "azerbaijan" | "armenian"
std::optional<ControlKind> parse_kind(std::string_view text);
std::optional<Confidence> parse_confidence(std::string_view text);

/// An area held by one controller from `valid_from` (inclusive) to `valid_to` (exclusive; nullopt = still).
struct ControlPeriod {
    Date valid_from;
    std::optional<Date> valid_to;
    Controller controller = Controller::Armenian;
    ControlKind kind = ControlKind::Control;
    std::string place;   ///< the change that started the period ("Shusha (Shushi) and Shusha district")
    std::string source;  ///< URLs / dataset of that change
    Confidence confidence = Confidence::Medium;
    MultiPolygon<LonLat> area;
    GeoBox box;  ///< bounds of `area` (filled by ControlTimeline)

    /// True when valid_from <= d < valid_to.
    bool valid_on(Date d) const;
    /// Even-odd point-in-polygon over every part (holes excluded).
    bool contains(LonLat p) const;
};

/// One dated change used to build the periods (for listings and the map's change markers).
struct ControlChange {
    Date date;
    LonLat where;
    std::string place, from, to, how, source;
    Confidence confidence = Confidence::Medium;
};

/// The international boundaries that answer for points outside every control period.
struct ControlBackground {
    Controller controller = Controller::Other;
    std::string source;
    MultiPolygon<LonLat> area;
    GeoBox box;
};

/// What `ControlTimeline::control_at` says about one point on one day.
struct ControlAnswer {
    Controller controller = Controller::Other;
    bool peacekeeping = false;  ///< inside the Russian peacekeeping zone or the Lachin corridor
    ControlKind kind = ControlKind::Control;
    std::string place;  ///< the change that made it so (empty for background answers)
    std::string source;
    Confidence confidence = Confidence::High;
};

class ControlTimeline {
public:
    ControlTimeline() = default;
    /// Takes the periods (any order), the changes, the background areas and the covered span. Without
    /// `first`/`last` the span runs from the earliest valid_from to the latest valid_from/valid_to.
    ControlTimeline(std::vector<ControlPeriod> periods, std::vector<ControlChange> changes = {},
                    std::vector<ControlBackground> background = {}, std::optional<Date> first = {},
                    std::optional<Date> last = {});

    /// Who controlled `p` on `d`: the first period valid on `d` containing `p`, else the background
    /// country, else Controller::Other. Dates outside [first_date, last_date] are the caller's to
    /// reject (see covers()); they are answered from whatever periods are valid.
    ControlAnswer control_at(Date d, LonLat p) const;
    /// Every period valid on `d` that contains `p` (more than one means overlapping data).
    std::vector<const ControlPeriod*> periods_at(Date d, LonLat p) const;
    /// Every period valid on `d`.
    std::vector<const ControlPeriod*> periods_on(Date d) const;

    /// Sorted, unique days on which control changes (period starts and ends after first_date()).
    const std::vector<Date>& change_dates() const { return change_dates_; }
    /// First change date strictly after `d`, if any.
    std::optional<Date> next_change(Date d) const;
    /// Last change date strictly before `d`, if any.
    std::optional<Date> previous_change(Date d) const;
    Date first_date() const { return first_; }
    Date last_date() const { return last_; }
    /// True when first_date() <= d <= last_date().
    bool covers(Date d) const;
    bool empty() const { return periods_.empty(); }

    const std::vector<ControlPeriod>& periods() const { return periods_; }
    const std::vector<ControlChange>& changes() const { return changes_; }
    const std::vector<ControlBackground>& background() const { return background_; }

private:
    std::vector<ControlPeriod> periods_;
    std::vector<ControlChange> changes_;
    std::vector<ControlBackground> background_;
    std::vector<Date> change_dates_;
    Date first_{};
    Date last_{};
};

/// Even-odd point-in-multipolygon in lon/lat (outer rings minus holes).
bool contains_lonlat(const MultiPolygon<LonLat>& area, LonLat p);

}  // namespace sitmap::core
