#include "compose/layout.hpp"

#include "compose/label_candidates.hpp"
#include "compose/overlays.hpp"
#include "compose/symbol_index.hpp"
#include "core/control_scene.hpp"
#include "core/event_style.hpp"
#include "core/event_view.hpp"
#include "core/label_placer.hpp"
#include "core/projector.hpp"
#include "core/utf8.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace sitmap::compose {

using core::Rgba;

int max_place_rank(double mpp) {
    if (mpp >= 2500) return 0;
    if (mpp >= 1100) return 1;
    if (mpp >= 500) return 2;
    if (mpp >= 220) return 3;
    // Closer than a Karabakh-wide view, every village is a candidate: the placer keeps the ones
    // that fit (rank, then population first), so density follows the free space, never overlapping.
    return 5;
}

double nice_scale_length(double target_m) {
    if (target_m <= 0) return 1;
    const double p = std::pow(10.0, std::floor(std::log10(target_m)));
    const double f = target_m / p;
    return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * p;
}

FillStyle part_fill(const core::FillPart& part, float s) {
    return part.hatched ? FillStyle{part.color, 9.0f * s, 2.2f * s} : FillStyle{part.color, 0, 0};
}

std::optional<FillStyle> recent_change_fill(const core::SceneLayer& layer, const core::FillPart& part, std::int32_t day,
                                            float s) {
    // Only land that changed hands is striped (core::recent_change_strength), fading over the window.
    const auto strength = core::recent_change_strength(layer, part, day);
    if (!strength) return std::nullopt;
    core::Rgba c = layer.highlight_color;
    c.a *= *strength;
    return FillStyle{c, 7.0f * s, 2.2f * s};
}

core::Camera locator_camera(const core::Scene& scene, const PixelRect& r) {
    // The region without its far margins, so the Caucasus fills the inset.
    core::WorldBox b = scene.bounds;
    const double mx = b.width() * 0.08, my = b.height() * 0.08;
    b = core::WorldBox{b.min_x + mx, b.min_y + my, b.max_x - mx, b.max_y - my};
    return core::Camera::fit(b, r.width, r.height);
}

namespace {

/// The land colour the control areas lie on (the "land" layer's focus colour).
core::Rgba land_under(const core::Scene& scene) {
    if (const auto* land = scene.layer("land"))
        for (const auto& part : land->fills) return part.color;
    return core::rgb(0xf5f1e6);
}

}  // namespace

std::vector<ControlKey> control_keys(const core::Scene& scene, float s) {
    using core::ControlKind;
    using core::Controller;
    const FillStyle land{land_under(scene)};
    // A part styled as core::build_control_layers styles a period of this controller and kind.
    auto area = [&](Controller c, ControlKind k) {
        core::FillPart part;
        part.color = core::control_color(c, k);
        std::vector<FillStyle> fills{land, part_fill(part, s)};
        if (k == ControlKind::Peacekeeping || k == ControlKind::AzerbaijanInArmenia) {  // fill, hatching on top
            core::FillPart hatch;
            hatch.color = k == ControlKind::Peacekeeping ? core::peacekeeping_hatch_color()
                                                         : core::azerbaijan_in_armenia_hatch_color();
            hatch.hatched = true;
            fills.push_back(part_fill(hatch, s));
        }
        return fills;
    };
    std::vector<ControlKey> keys;
    keys.push_back({"Azerbaijan", {area(Controller::Azerbaijan, ControlKind::Control)}});
    keys.push_back({"Armenian forces / NK authorities", {area(Controller::Armenian, ControlKind::Control)}});
    keys.push_back({"Lachin corridor", {area(Controller::Armenian, ControlKind::Corridor)}});
    keys.push_back({"grey hatching: Russian peacekeepers (Nov 2020 - Jun 2024)",
                    {area(Controller::Armenian, ControlKind::Peacekeeping),
                     area(Controller::Azerbaijan, ControlKind::Peacekeeping)}});
    keys.push_back({"red hatching: Azerbaijani forces inside Armenia (since May 2021)",
                    {area(Controller::Azerbaijan, ControlKind::AzerbaijanInArmenia)}});
    const core::SceneLayer* control = scene.layer("control");
    if (control && control->highlight_recent_days > 0) {
        // A part that changed hands today, as the map stripes it.
        core::FillPart changed;
        changed.color = core::control_color(Controller::Azerbaijan, ControlKind::Control);
        changed.valid = {0, core::DaySpan::kMax};
        changed.changed_hands = true;
        auto stripes = area(Controller::Azerbaijan, ControlKind::Control);
        if (const auto st = recent_change_fill(*control, changed, 0, s)) stripes.push_back(*st);
        keys.push_back({fmt::format("white stripes: changed hands in the last {} days", control->highlight_recent_days),
                        {stripes}});
    }
    keys.push_back({"lines approximate (settlement areas)", {}});
    return keys;
}

namespace {

bool same_colour(const core::Rgba& a, const core::Rgba& b) {
    return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a;
}

}  // namespace

std::vector<ControlKey> control_keys(const core::Scene& scene, std::int32_t day, const core::WorldBox& view, float s) {
    using core::ControlKind;
    using core::Controller;
    const core::SceneLayer* control = scene.layer("control");
    // What the map shows of each key's state: the parts valid on `day` inside the view.
    bool azerbaijan = false, armenian = false, corridor = false, peacekeeping = false, in_armenia = false,
         recent = false;
    if (control && control->visible) {
        for (const auto& part : control->fills) {
            if (!part.valid.contains(day) || part.mesh.indices.empty() || !part.box.intersects(view)) continue;
            if (part.hatched) {
                peacekeeping = peacekeeping || same_colour(part.color, core::peacekeeping_hatch_color());
                in_armenia = in_armenia || same_colour(part.color, core::azerbaijan_in_armenia_hatch_color());
                continue;
            }
            azerbaijan = azerbaijan ||
                         same_colour(part.color, core::control_color(Controller::Azerbaijan, ControlKind::Control));
            armenian =
                armenian || same_colour(part.color, core::control_color(Controller::Armenian, ControlKind::Control));
            corridor =
                corridor || same_colour(part.color, core::control_color(Controller::Armenian, ControlKind::Corridor));
            recent = recent || (part.changed_hands && recent_change_fill(*control, part, day, s).has_value());
        }
    }
    const bool any = azerbaijan || armenian || corridor;
    std::vector<ControlKey> keys;
    for (auto& k : control_keys(scene, s)) {
        const std::string_view t = k.text;
        const bool shown = t == "Azerbaijan"                  ? azerbaijan
                           : t.starts_with("Armenian forces") ? armenian
                           : t == "Lachin corridor"           ? corridor
                           : t.starts_with("grey hatching")   ? peacekeeping
                           : t.starts_with("red hatching")    ? in_armenia
                           : t.starts_with("white stripes")   ? recent
                                                              : any;
        if (shown) keys.push_back(std::move(k));
    }
    return keys;
}

namespace {

/// One frame's layout pass: the renderer's former layout_* members, writing into a FrameLayout.
class Layouter {
public:
    Layouter(const FontMetrics& fm, FrameLayout& out) : fm_(fm), out_(out) {}
    /// Which places a layout_labels call offers: the capitals, then the towns that matter in the
    /// view (capitals, PPLA and cities: rank <= 2, and the places the shown events name), which are
    /// placed before the event symbols and make them give way; then the rest.
    /// Retry: the places the Rest pass could not name, tried again where only placed names and
    /// dots are in the way. Survey: the places of the Rest pass with their candidate positions,
    /// recorded (nothing placed) so that each name of the Rest pass takes the position that leaves
    /// the names after it the most room.
    enum class Pass { Capitals, Important, Survey, Rest, Retry };
    /// Places labels of free texts (country, sea; when `with_texts`) and then of the places `pass` offers.
    void layout_labels(const core::Scene& scene, const core::Camera& camera, float ui_scale, core::LabelPlacer& placer,
                       Pass pass, bool with_texts);
    /// Country, sea and region names shown at this zoom, where they fit.
    void layout_texts(const core::Scene& scene, const core::Camera& camera, float ui_scale, core::LabelPlacer& placer);
    /// One place of `layer`, if `pass` offers it: its dot (or the event symbol on it) and its name
    /// at the first free candidate position.
    void layout_place(const core::SceneLayer& layer, const core::Place& place, const core::Camera& camera,
                      float ui_scale, core::LabelPlacer& placer, Pass pass);
    /// Screen positions of the event symbols, before they are placed (labels need them first).
    void locate_events(const core::Camera& camera, const FrameOptions& options);
    void layout_events(const core::Camera& camera, const FrameOptions& options, core::LabelPlacer& placer);
    void layout_furniture(const core::Scene& scene, const core::Camera& camera, const FrameOptions& options,
                          core::LabelPlacer& placer);
    /// The image's size for furniture: ui scale, width, and height above the bottom inset.
    struct Area {
        float s, W, H;
    };
    /// The title block, top left; the subtitle (a slide's caption) wrapped.
    void layout_title(const FrameOptions& o, const Area& area, core::LabelPlacer& placer);
    /// The shown date and the control legend, top right.
    void layout_date_box(const core::Scene& scene, const FrameOptions& o, const Area& area, const core::WorldBox& view,
                         core::LabelPlacer& placer);
    /// The attribution line, bottom right, always whole.
    void layout_attribution(const core::Scene& scene, const FrameOptions& o, const Area& area,
                            core::LabelPlacer& placer);
    /// The scale bar, bottom left (true ground distance).
    void layout_scale_bar(const core::Camera& camera, const FrameOptions& o, const Area& area,
                          core::LabelPlacer& placer);
    /// The north arrow beside the scale bar (true north).
    void layout_north_arrow(const core::Camera& camera, const FrameOptions& o, const Area& area,
                            core::LabelPlacer& placer);
    /// Where the locator inset goes, its frame and the view's box on it.
    void layout_locator_frame(const core::Scene& scene, const core::Camera& camera, const FrameOptions& o,
                              const Area& area, core::LabelPlacer& placer);
    void layout_legend(const core::Scene& scene, const core::Camera& camera, const FrameOptions& options,
                       core::LabelPlacer& placer);
    /// The "not on the map" box at the right edge, from `top` down to at most `bottom`.
    void layout_off_map(const FrameOptions& options, float right, float top, float bottom, core::LabelPlacer& placer);

private:
    const FontMetrics& fm_;
    FrameLayout& out_;
    float scale_bar_right_ = 0;                        ///< right end of the scale bar (the north arrow goes beside it)
    float right_column_top_ = 0;                       ///< top of the right-hand column below the date box
    float attribution_top_ = 0;                        ///< top of the attribution line
    const std::vector<std::string>* named_ = nullptr;  ///< FrameOptions::named_places
    std::vector<core::MarkerHit> symbols_;             ///< where the event symbols would go (locate_events)
    SymbolIndex symbol_index_;                         ///< symbols_ on a grid, for the labels' tests
    std::vector<core::PxBox> protected_;               ///< names of towns that matter: symbols give way
    /// The dots of every place that may be labelled in this frame (collect_dots), with their
    /// places: other places' names keep off them, as point symbols are obstacles in QGIS.
    std::vector<std::pair<const core::Place*, core::PxBox>> dots_;
    std::vector<std::pair<const core::SceneLayer*, const core::Place*>> retry_;  ///< unnamed in the Rest pass
    /// A place of the Rest pass not named yet (Pass::Survey): its positions inside the image and
    /// off other dots, and their bounds.
    struct Pending {
        const core::Place* place;
        std::vector<core::PxBox> boxes;
        core::PxBox bounds;
    };
    std::vector<Pending> pending_;
    std::size_t pending_at_ = 0;  ///< the place the Rest pass is naming, in pending_
    /// How many places after the one being named (pending_at_) would lose their last free position
    /// if `box` were taken.
    int names_lost(const core::PxBox& box, const core::LabelPlacer& placer) const;
    /// The first of the free boxes of `allowed` whose `names_lost` is least; -1 when none is free.
    int pick_roomiest(const std::vector<core::PxBox>& allowed, core::LabelPlacer& placer) const;

public:
    /// Collects the dots of the places that may be labelled (before any name is placed).
    void collect_dots(const core::Scene& scene, const core::Camera& camera, float ui_scale);
};

bool named(const std::vector<std::string>* names, const std::string& name) {
    return names && std::find(names->begin(), names->end(), name) != names->end();
}

constexpr float kSymbolRadius = 9.5f;  ///< event symbol radius at ui_scale 1

void Layouter::locate_events(const core::Camera& camera, const FrameOptions& o) {
    named_ = o.named_places;
    symbols_.clear();
    symbol_index_ = SymbolIndex();
    if (!o.events) return;
    for (const auto& m : *o.events) {
        const auto p = camera.screen(m.pos);
        symbols_.push_back({m.id, p.x, p.y, kSymbolRadius * o.ui_scale});
    }
    symbol_index_ = SymbolIndex(symbols_);
}

void Layouter::layout_texts(const core::Scene& scene, const core::Camera& camera, float s, core::LabelPlacer& placer) {
    const double mpp = camera.metres_per_pixel();
    for (const auto& layer : scene.layers) {
        if (!layer.visible || layer.kind != core::LayerKind::Texts) continue;
        for (const auto& t : layer.texts) {
            if (mpp < t.min_mpp || mpp > t.max_mpp) continue;
            TextStyle st;
            std::string text = t.text;
            if (t.role == core::TextRole::Country) {
                text = core::to_upper_label(text);
                st = {.face = Face::Bold,
                      .px = 14.0f * s,
                      .color = core::rgb(0x6f5f78, 0.9f * layer.opacity),
                      .halo = core::rgb(0xf5f1e6, 0.8f),
                      .halo_px = 1.5f * s,
                      .tracking_px = 2.5f * s};
            } else {
                st = {.face = Face::Italic,
                      .px = 13.0f * s,
                      .color = core::rgb(0x3f6f99, layer.opacity),
                      .halo = core::rgb(0xb5d0e2, 0.8f),
                      .halo_px = 1.2f * s,
                      .tracking_px = 0.8f * s};
            }
            const auto p = camera.screen(t.pos);
            const float w = fm_.measure(text, st), h = st.px;
            const core::PxBox box{p.x - w / 2 - 2 * s, p.y - h / 2 - 2 * s, p.x + w / 2 + 2 * s, p.y + h / 2 + 2 * s};
            if (!placer.try_place(box)) continue;
            out_.map.add_text(text, static_cast<float>(p.x - w / 2), static_cast<float>(p.y + fm_.ascent(st) / 2), st);
            ++out_.labels;
        }
    }
}

void Layouter::layout_labels(const core::Scene& scene, const core::Camera& camera, float s, core::LabelPlacer& placer,
                             Pass pass, bool with_texts) {
    // Free-standing names first (few and important), then places in priority order.
    if (with_texts) layout_texts(scene, camera, s, placer);
    if (pass == Pass::Rest) {
        // First the survey: where each of the places may go, so each takes the position that
        // costs the others least.
        pending_.clear();
        pending_at_ = 0;
        layout_labels(scene, camera, s, placer, Pass::Survey, false);
    }
    if (pass == Pass::Retry) {
        const auto again = std::move(retry_);
        retry_.clear();
        for (const auto& [layer, place] : again) layout_place(*layer, *place, camera, s, placer, pass);
        return;
    }
    for (const auto& layer : scene.layers) {
        if (!layer.visible || layer.kind != core::LayerKind::Places) continue;
        for (const auto& place : layer.places) layout_place(layer, place, camera, s, placer, pass);
    }
}

/// Radius in pixels of a place's dot at `ui_scale`.
float dot_radius(const core::Place& place, float ui_scale) {
    return (place.rank == 0 ? 4.2f : place.rank == 1 ? 3.4f : place.rank <= 3 ? 2.8f : 2.3f) * ui_scale;
}

/// Half a pixel beyond the dot: with the 2.5 px label padding and the 3 px gap, a label box
/// touches its own dot's box but never overlaps it.
core::PxBox dot_box(core::ScreenPx p, float r) {
    return {p.x - r - 0.5, p.y - r - 0.5, p.x + r + 0.5, p.y + r + 0.5};
}

void Layouter::collect_dots(const core::Scene& scene, const core::Camera& camera, float s) {
    dots_.clear();
    const int max_rank = max_place_rank(camera.metres_per_pixel());
    const auto view = camera.visible_box();
    for (const auto& layer : scene.layers) {
        if (!layer.visible || layer.kind != core::LayerKind::Places) continue;
        for (const auto& place : layer.places) {
            if ((place.rank > max_rank && !named(named_, place.name)) || !view.contains(place.pos.x, place.pos.y))
                continue;
            dots_.push_back({&place, dot_box(camera.screen(place.pos), dot_radius(place, s))});
        }
    }
}

void Layouter::layout_place(const core::SceneLayer& layer, const core::Place& place, const core::Camera& camera,
                            float s, core::LabelPlacer& placer, Pass pass) {
    const double mpp = camera.metres_per_pixel();
    const Rgba halo = core::rgb(0xffffff, 0.92f);
    const int max_rank = max_place_rank(mpp);
    const auto view = camera.visible_box();
    const bool is_named = named(named_, place.name);
    const bool matters = place.rank <= 2 || is_named;
    if ((place.rank > max_rank && !is_named) || !view.contains(place.pos.x, place.pos.y)) return;
    if (pass == Pass::Capitals    ? place.rank != 0
        : pass == Pass::Important ? place.rank == 0 || !matters
                                  : place.rank == 0 || matters)
        return;  // (Survey and Retry offer only places of the Rest pass)
    const auto p = camera.screen(place.pos);
    const float r = dot_radius(place, s);
    const core::PxBox symbol = dot_box(p, r);
    // A town under an event symbol keeps its name beside the symbol (important places only).
    const bool under_marker = symbol_index_.any_within(p.x, p.y, r);
    if (under_marker ? !matters : !placer.free(symbol)) return;
    TextStyle st{.face = place.rank <= 1 ? Face::Bold : Face::Regular,
                 .px = (place.rank == 0   ? 15.0f
                        : place.rank == 1 ? 13.0f
                        : place.rank == 2 ? 12.5f
                                          : 11.5f) *
                       s,
                 .color = core::rgb(place.rank <= 2 ? 0x1f1f1f : 0x3a3a3a, layer.opacity),
                 .halo = halo,
                 .halo_px = 1.6f * s};
    const std::string full = place.name_alt.empty() ? place.name : place.name + " / " + place.name_alt;
    const bool local = (place.rank == 0 || (place.rank == 1 && mpp < 700)) && !place.name_local.empty() &&
                       place.name_local != place.name && place.name_local != place.name_alt;
    TextStyle lst = st;
    lst.face = Face::Regular;
    lst.px = st.px * 0.82f;
    lst.color = core::rgb(0x555555, layer.opacity);
    const float w2 = local ? fm_.measure(place.name_local, lst) : 0.0f;
    const float h = st.px + (local ? lst.px + 1 * s : 0.0f);
    const double gap = under_marker ? 13.0 * s : r + 3 * s;
    // Breathing space between names: test with a padded box, keep the padding reserved.
    const bool rest = pass == Pass::Survey || pass == Pass::Rest || pass == Pass::Retry;
    const double pad = (rest ? 2.0 : 2.5) * s;
    const CandidateSet set{.diagonals = under_marker || rest, .slides = rest, .far = under_marker ? 12.0 * s : 0.0};
    const auto candidates_for = [&](float w) { return label_candidates(p, w, h, st.px, gap, pad, set); };
    // Whether a position covers another place's dot: every dot in the Rest pass (placed or not yet:
    // a name over a village's dot costs that village its name, as point symbols are obstacles in
    // QGIS), only the dots of towns that matter in the first passes; none in the Retry pass (the
    // villages still unnamed have no dot drawn).
    const auto on_dot = [&](const core::PxBox& box, bool any_dot) {
        if (pass == Pass::Retry) return false;
        for (const auto& [other, dot] : dots_)
            if (other != &place && box.overlaps(dot) &&
                (any_dot || pass == Pass::Rest || pass == Pass::Survey || other->rank <= 2 ||
                 named(named_, other->name)))
                return true;
        return false;
    };
    const auto on_symbol = [&](const core::PxBox& box) { return symbol_index_.any_overlapping(box, 2); };
    // The first free position of the first tier that has one; -1 when none is free.
    const auto choose = [&](const std::vector<LabelCandidate>& c) {
        // A town that matters takes a position clear of every other dot and of event symbols if
        // there is one, then clear of other towns' dots and of symbols, then clear of those dots,
        // then of symbols, and otherwise one clear of names and furniture only: the symbols then
        // give way (layout_events moves them beside the name, with a leader line). The other
        // places keep clear of every dot.
        const bool important = pass == Pass::Capitals || pass == Pass::Important;
        for (int tier = 0; tier < (important ? 5 : 1); ++tier) {
            std::vector<core::PxBox> allowed;
            std::vector<int> index;
            for (std::size_t k = 0; k < c.size(); ++k) {
                const bool dot_ok = (important && tier >= 3) || !on_dot(c[k].box, important && tier == 0);
                const bool symbol_ok = !important || tier == 2 || tier == 4 || !on_symbol(c[k].box);
                if (dot_ok && symbol_ok) allowed.push_back(c[k].box), index.push_back(static_cast<int>(k));
            }
            const int i = pass == Pass::Rest ? pick_roomiest(allowed, placer) : placer.place_first(allowed);
            if (i >= 0) return index[static_cast<std::size_t>(i)];
        }
        return -1;
    };
    std::string name = full;
    float w1 = fm_.measure(name, st);
    std::vector<LabelCandidate> candidates = candidates_for(std::max(w1, w2));
    if (pass == Pass::Survey) {
        Pending pending{&place, {}, {}};
        for (const auto& c : candidates) {
            const auto& b = c.box;
            if (b.x0 < 0 || b.y0 < 0 || b.x1 > camera.width() || b.y1 > camera.height() || on_dot(b, false)) continue;
            pending.bounds = pending.boxes.empty()
                                 ? b
                                 : core::PxBox{std::min(pending.bounds.x0, b.x0), std::min(pending.bounds.y0, b.y0),
                                               std::max(pending.bounds.x1, b.x1), std::max(pending.bounds.y1, b.y1)};
            pending.boxes.push_back(b);
        }
        pending_.push_back(std::move(pending));
        return;
    }
    if (pass == Pass::Rest)
        for (std::size_t k = pending_at_; k < pending_.size(); ++k)
            if (pending_[k].place == &place) {
                pending_at_ = k;
                break;
            }
    int chosen = choose(candidates);
    if (chosen < 0 && name != place.name && (pass == Pass::Rest || pass == Pass::Retry)) {
        // A village whose "name / other name" finds no room is still worth its first name.
        name = place.name;
        w1 = fm_.measure(name, st);
        candidates = candidates_for(std::max(w1, w2));
        chosen = choose(candidates);
    }
    if (chosen < 0 && pass == Pass::Rest) retry_.push_back({&layer, &place});
    if (chosen < 0) return;
    if (!under_marker) placer.reserve(symbol);
    const auto& [padded, align] = candidates[static_cast<std::size_t>(chosen)];
    const core::PxBox b{padded.x0 + pad, padded.y0 + pad, padded.x1 - pad, padded.y1 - pad};
    auto x_for = [&](float width) {
        return static_cast<float>(align == LabelAlign::Centre  ? (b.x0 + b.x1) / 2 - width / 2
                                  : align == LabelAlign::Right ? b.x1 - width
                                                               : b.x0);
    };
    const float base1 = static_cast<float>(b.y0) + fm_.ascent(st) + 0.5f * s;
    out_.map.add_text(name, x_for(w1), base1, st);
    out_.place_labels.push_back({place.name, b});
    if (pass == Pass::Capitals || pass == Pass::Important) protected_.push_back(b);
    if (local) out_.map.add_text(place.name_local, x_for(w2), base1 + lst.px + 1.5f * s, lst);
    if (under_marker) {
        // the event symbol stands in for the town's dot
    } else if (place.rank == 0) {
        out_.map.add_symbol(kSymbolRing, static_cast<float>(p.x), static_cast<float>(p.y), r + 1.2f * s,
                            core::rgb(0x222222, layer.opacity), halo, 1.2f * s);
        out_.map.add_symbol(kSymbolDot, static_cast<float>(p.x), static_cast<float>(p.y), r * 0.45f,
                            core::rgb(0x222222, layer.opacity), halo, 0);
    } else {
        out_.map.add_symbol(kSymbolDot, static_cast<float>(p.x), static_cast<float>(p.y), r,
                            core::rgb(place.rank <= 2 ? 0x2b2b2b : 0x4a4a4a, layer.opacity), halo, 1.1f * s);
    }
    ++out_.labels;
}

int Layouter::names_lost(const core::PxBox& box, const core::LabelPlacer& placer) const {
    int lost = 0;
    for (std::size_t k = pending_at_ + 1; k < pending_.size(); ++k) {
        const Pending& q = pending_[k];
        if (!q.bounds.overlaps(box)) continue;
        bool any_free = false, survives = false;
        for (const auto& b : q.boxes) {
            if (!placer.free(b)) continue;
            any_free = true;
            if (!b.overlaps(box)) {
                survives = true;
                break;
            }
        }
        lost += any_free && !survives ? 1 : 0;
    }
    return lost;
}

int Layouter::pick_roomiest(const std::vector<core::PxBox>& allowed, core::LabelPlacer& placer) const {
    // Greedy placement names a place at its first free position; here the first free position
    // that leaves every later place of the pass a free position of its own, if one does (else
    // the one that costs the fewest names), so crowded villages are not lost to a neighbour's
    // name that had room elsewhere.
    int best = -1, best_lost = 0;
    for (std::size_t i = 0; i < allowed.size(); ++i) {
        if (!placer.free(allowed[i])) continue;
        const int lost = names_lost(allowed[i], placer);
        if (best < 0 || lost < best_lost) best = static_cast<int>(i), best_lost = lost;
        if (lost == 0) break;
    }
    if (best >= 0 && !placer.try_place(allowed[static_cast<std::size_t>(best)])) return placer.place_first(allowed);
    return best;
}

/// Where a symbol of half-size `half` at `p` goes so that it covers none of `names`: `p` itself
/// when it is clear, else the nearest spot just above, below, left or right of a name it covers.
core::ScreenPx give_way(core::ScreenPx p, double half, const std::vector<core::PxBox>& names) {
    auto box = [&](core::ScreenPx q) { return core::PxBox{q.x - half, q.y - half, q.x + half, q.y + half}; };
    auto clear = [&](core::ScreenPx q) {
        return std::none_of(names.begin(), names.end(), [&](const core::PxBox& n) { return box(q).overlaps(n); });
    };
    if (clear(p)) return p;
    std::optional<core::ScreenPx> best;
    double best_d = 0;
    for (const auto& n : names) {
        if (!box(p).overlaps(n)) continue;
        for (const core::ScreenPx q : {core::ScreenPx{p.x, n.y0 - half - 1}, core::ScreenPx{p.x, n.y1 + half + 1},
                                       core::ScreenPx{n.x0 - half - 1, p.y}, core::ScreenPx{n.x1 + half + 1, p.y}}) {
            const double d = std::hypot(q.x - p.x, q.y - p.y);
            if (clear(q) && (!best || d < best_d)) best = q, best_d = d;
        }
    }
    return best.value_or(p);
}

void Layouter::layout_events(const core::Camera& camera, const FrameOptions& o, core::LabelPlacer& placer) {
    out_.marker_hits.clear();
    if (!o.events || o.events->empty()) return;
    const float s = o.ui_scale;
    const double mpp = camera.metres_per_pixel();
    const float W = static_cast<float>(camera.width()), H = static_cast<float>(camera.height());
    const core::Rgba white = core::rgb(0xffffff), ink = core::rgb(0x202020), accent = core::rgb(0xffb000);
    // Pass 1: uncertainty areas underneath every symbol, so no symbol hides under another's area.
    // District-level: a light disc with a rim. Region- and country-level events never reach here
    // (compose::layout_events lists them beside the map instead: a ring over the control areas would
    // claim a place it does not know). An area that would fill most of the view adds nothing and
    // is skipped; the symbol's thin rim (pass 3) still says "not an exact point".
    const float max_r = 0.45f * std::min(W, H);
    // With many areas on screen, discs would pile up into a grey fog: rims only.
    std::size_t areas = 0;
    for (const auto& m : *o.events) areas += m.radius_m > 0 && !m.fanned ? 1 : 0;
    const bool few_areas = areas <= 40;
    for (const auto& m : *o.events) {
        if (m.radius_m <= 0 || m.fanned) continue;
        const auto p = camera.screen(m.pos);
        const float r = static_cast<float>(m.radius_m / mpp);
        if (r < 6 * s || r > max_r || p.x + r < 0 || p.y + r < 0 || p.x - r > W || p.y - r > H) continue;
        core::Rgba c = core::event_type_style(m.type).color;
        const bool district = m.radius_m <= core::precision_radius_m(core::LocationPrecision::District);
        core::Rgba fill = c, edge = c;
        fill.a = district && few_areas ? 0.10f * m.alpha : 0.0f;
        edge.a = (district ? 0.7f : 0.35f) * m.alpha;
        const float x = static_cast<float>(p.x), y = static_cast<float>(p.y);
        if (fill.a > 0) out_.map.add_circle(x, y, r, fill, core::Rgba{}, 0);
        // The rim as a thin polygon band: its cost grows with the circumference, not the area
        // (software rendering pays for every pixel a quad covers).
        const int segments = std::clamp(static_cast<int>(r / 3), 16, 96);
        for (int k = 0; k < segments; ++k) {
            const float a0 = 6.2831853f * static_cast<float>(k) / static_cast<float>(segments);
            const float a1 = 6.2831853f * static_cast<float>(k + 1) / static_cast<float>(segments);
            out_.map.add_line(x + r * std::cos(a0), y + r * std::sin(a0), x + r * std::cos(a1), y + r * std::sin(a1),
                              1.4f * s, edge);
        }
    }
    // Symbols give way to the names of towns that matter: a symbol over such a name moves just
    // clear of it, joined to where its events happened by a leader line (pass 2).
    const float R = kSymbolRadius * s;
    std::vector<core::ScreenPx> at;
    for (const auto& m : *o.events) at.push_back(give_way(camera.screen(m.pos), R + 2, protected_));
    // Pass 2: leader lines of fanned-out groups and of symbols that gave way.
    for (std::size_t i = 0; i < o.events->size(); ++i) {
        const auto& m = (*o.events)[i];
        const auto home = camera.screen(m.pos);
        const bool moved = std::hypot(at[i].x - home.x, at[i].y - home.y) >= 0.5;
        if (!m.fanned && !moved) continue;
        const auto a = moved ? home : camera.screen(m.anchor), p = at[i];
        out_.map.add_line(static_cast<float>(a.x), static_cast<float>(a.y), static_cast<float>(p.x),
                          static_cast<float>(p.y), 1.2f * s, core::rgb(0x404040, 0.8f * m.alpha));
    }
    // Pass 3: symbols, selected last (on top).
    auto draw_symbol = [&](const core::EventMarker& m, core::ScreenPx p) {
        if (p.x < -R || p.y < -R || p.x > W + R || p.y > H + R) return;
        const float x = static_cast<float>(p.x), y = static_cast<float>(p.y);
        const auto& style = core::event_type_style(m.type);
        core::Rgba c = style.color;
        c.a *= m.alpha;
        core::Rgba bg = white;
        bg.a = 0.95f * m.alpha;
        if (m.selected) out_.map.add_circle(x, y, R + 4.5f * s, core::rgb(0xffb000, 0.35f), accent, 2.5f * s);
        if (m.time_span) {
            // Dated only to a span: hollow (the map shows through) with a dashed rim, so it never
            // reads as something that happened on the shown day.
            bg.a = 0.45f * m.alpha;
            out_.map.add_circle(x, y, R, bg, core::Rgba{}, 0);
            constexpr int kDashes = 10;
            for (int k = 0; k < kDashes; ++k) {
                const float a0 = 6.2831853f * static_cast<float>(k) / kDashes;
                const float a1 = a0 + 6.2831853f * 0.55f / kDashes;
                out_.map.add_line(x + R * std::cos(a0), y + R * std::sin(a0), x + R * std::cos(a1),
                                  y + R * std::sin(a1), 1.8f * s, c);
            }
        } else {
            // A point event has a solid rim; a district event a thin rim, so nobody reads it as an
            // exact location.
            out_.map.add_circle(x, y, R, bg, c, m.radius_m > 0 ? 1.2f * s : 2.2f * s);
        }
        TextStyle st{.face = Face::Regular, .px = 12.5f * s, .color = c};
        std::string glyph;
        core::append_utf8(glyph, style.symbol);
        const float gw = fm_.measure(glyph, st);
        out_.map.add_text(glyph, x - gw / 2, y + fm_.ascent(st) / 2 - 0.5f * s, st);
        if (m.count > 1) {
            const std::string n = m.count > 99 ? "99+" : std::to_string(m.count);
            TextStyle nst{.face = Face::Bold, .px = 9.5f * s, .color = white};
            const float nw = fm_.measure(n, nst);
            const float bx = x + R * 0.75f, by = y - R * 0.75f, br = std::max(6.5f * s, nw / 2 + 3 * s);
            core::Rgba badge = ink;
            badge.a = m.alpha;
            out_.map.add_circle(bx, by, br, badge, white, 1.2f * s);
            out_.map.add_text(n, bx - nw / 2, by + fm_.ascent(nst) / 2, nst);
        }
        if (m.edited) out_.map.add_circle(x - R * 0.8f, y + R * 0.8f, 3.0f * s, accent, ink, 1.0f * s);
        placer.reserve({p.x - R - 2, p.y - R - 2, p.x + R + 2, p.y + R + 2});
        out_.marker_hits.push_back({m.id, p.x, p.y, R});
    };
    for (std::size_t i = 0; i < o.events->size(); ++i)
        if (!(*o.events)[i].selected) draw_symbol((*o.events)[i], at[i]);
    for (std::size_t i = 0; i < o.events->size(); ++i)
        if ((*o.events)[i].selected) draw_symbol((*o.events)[i], at[i]);
}

/// `text` broken into lines no wider than `max_w` at `st`: at spaces, at newlines, and inside a
/// word only when the word alone is wider than the line.
std::vector<std::string> wrap_text(const FontMetrics& fm, const std::string& text, const TextStyle& st, float max_w) {
    std::vector<std::string> lines;
    std::string line, word;
    auto flush_word = [&] {
        if (word.empty()) return;
        const std::string candidate = line.empty() ? word : line + " " + word;
        if (fm.measure(candidate, st) <= max_w) {
            line = candidate;
        } else {
            if (!line.empty()) lines.push_back(line);
            line.clear();
            // A word wider than the line is cut between characters (UTF-8 sequences kept whole).
            while (fm.measure(word, st) > max_w) {
                std::size_t cut = 0;
                for (std::size_t i = 1; i <= word.size(); ++i) {
                    if (i < word.size() && (static_cast<unsigned char>(word[i]) & 0xC0) == 0x80) continue;
                    if (fm.measure(word.substr(0, i), st) > max_w) break;
                    cut = i;
                }
                if (cut == 0) break;
                lines.push_back(word.substr(0, cut));
                word.erase(0, cut);
            }
            line = word;
        }
        word.clear();
    };
    for (char c : text) {
        if (c == ' ' || c == '\n') {
            flush_word();
            if (c == '\n' && !line.empty()) lines.push_back(line), line.clear();
        } else {
            word += c;
        }
    }
    flush_word();
    if (!line.empty()) lines.push_back(line);
    return lines;
}

void Layouter::layout_title(const FrameOptions& o, const Area& area, core::LabelPlacer& placer) {
    [[maybe_unused]] const float s = area.s, W = area.W, H = area.H;
    if (o.title.empty() && o.subtitle.empty()) return;
    // Title block, top left; the subtitle (a slide's caption) wraps to at most ~55 % of the width.
    // Both grow with the frame's height so a projector shows them from the back of the room
    // (caption >= 20 px, title >= 31 px at 1080 rows), and never below the UI-scaled sizes.
    const float rows = H - o.inset_top;
    TextStyle t{.face = Face::Bold, .px = std::max(22 * s, rows * 0.029f), .color = core::rgb(0x111111)};
    TextStyle st{.px = std::max(13 * s, rows * 0.0190f), .color = core::rgb(0x333333)};
    const float pad = std::max(8 * s, st.px * 0.6f), x0 = 10 * s;
    float y0 = o.inset_top + 10 * s;
    float max_w = std::max(200 * s, W * 0.55f);
    // The block ends left of the date box (laid out first), so neither covers the other at any
    // size or text scale; where that leaves too narrow a column it goes below the date box.
    const core::PxBox& date = out_.date_box;
    if (date.x1 > date.x0) {
        const float beside = static_cast<float>(date.x0) - 10 * s - x0 - 2 * pad;
        if (beside >= std::min(max_w, 180 * s))
            max_w = std::min(max_w, beside);
        else
            y0 = static_cast<float>(date.y1) + 8 * s, max_w = std::min(max_w, W - 2 * x0 - 2 * pad);
    }
    const std::vector<std::string> lines = wrap_text(fm_, o.subtitle, st, max_w);
    // A long title wraps too, so the block never runs under the date box on the right.
    const std::vector<std::string> title_lines =
        o.title.empty() ? std::vector<std::string>{} : wrap_text(fm_, o.title, t, max_w);
    float w = 0;
    for (const auto& l : title_lines) w = std::max(w, fm_.measure(l, t));
    for (const auto& l : lines) w = std::max(w, fm_.measure(l, st));
    const float h = static_cast<float>(title_lines.size()) * t.px * 1.15f +
                    static_cast<float>(lines.size()) * st.px * 1.35f + 2 * pad;
    out_.furniture.add_rect(x0, y0, x0 + w + 2 * pad, y0 + h, core::rgb(0xffffff, 0.88f));
    out_.furniture.add_rect(x0, y0, x0 + 3 * s, y0 + h, core::rgb(0x5f4b8b));
    placer.reserve({x0, y0, x0 + w + 2 * pad, y0 + h});
    out_.title_box = {x0, y0, x0 + w + 2 * pad, y0 + h};
    float y = y0 + pad;
    for (const auto& l : title_lines) {
        out_.furniture.add_text(l, x0 + pad + 2 * s, y + fm_.ascent(t) * 1.05f, t);
        y += t.px * 1.15f;
    }
    for (const auto& l : lines) {
        out_.furniture.add_text(l, x0 + pad + 2 * s, y + st.px, st);
        y += st.px * 1.35f;
    }
}

void Layouter::layout_date_box(const core::Scene& scene, const FrameOptions& o, const Area& area,
                               const core::WorldBox& view, core::LabelPlacer& placer) {
    [[maybe_unused]] const float s = area.s, W = area.W, H = area.H;
    // A split view's halves carry their dates in stamps beside the divider: the box keeps the
    // control legend alone.
    const std::string label = o.split ? std::string() : o.date_label;
    if (!label.empty() || o.split) {
        // The shown date and the control legend, top right (colours as core::control_color).
        const float pad = 6 * s, y0 = o.inset_top + 10 * s;
        TextStyle big{.px = 26 * s, .color = core::rgb(0x1a1a1a)};
        TextStyle small{.px = 11 * s, .color = core::rgb(0x333333)};
        // Swatches are filled by the map's own fill code (FillStyle, drawn by the renderer's fill
        // program): what the key shows is what the map shows.
        // Only the states the map shows that day in this view (all of them without a date).
        // (A split view's halves share one box, which must not change at the divider: all keys.)
        const std::vector<ControlKey> keys =
            o.day && !o.split ? control_keys(scene, *o.day, view, s) : control_keys(scene, s);
        const core::SceneLayer* control = scene.layer("control");
        const float control_opacity = control ? control->opacity : 1.0f;
        const std::size_t shown_keys = H >= 360 * s ? std::size(keys) : 0;  // small images: the date only
        const float head_h = label.empty() ? 0.0f : big.px;
        float w = label.empty() ? 0.0f : fm_.measure(label, big);
        const float key_w = 24 * s;
        for (std::size_t i = 0; i < shown_keys; ++i) w = std::max(w, key_w + fm_.measure(keys[i].text, small));
        if (shown_keys == 0 && label.empty()) return;
        const float h = head_h + static_cast<float>(shown_keys) * (small.px + 4 * s) + 2 * pad;
        const float x0 = W - w - 2 * pad - 10 * s;
        out_.furniture.add_rect(x0, y0, x0 + w + 2 * pad, y0 + h, core::rgb(0xffffff, 0.82f));
        placer.reserve({x0, y0, x0 + w + 2 * pad, y0 + h});
        out_.date_box = {x0, y0, x0 + w + 2 * pad, y0 + h};
        right_column_top_ = y0 + h + 8 * s;
        if (!label.empty()) out_.furniture.add_text(label, x0 + pad, y0 + pad + 0.8f * big.px, big);
        float y = y0 + pad + (label.empty() ? 0.0f : big.px + 4 * s);
        for (std::size_t i = 0; i < shown_keys; ++i) {
            const ControlKey& k = keys[i];
            const float sx0 = x0 + pad, sy0 = y + 1 * s, sy1 = y + small.px + 1 * s;
            const float part_w = 18 * s / static_cast<float>(std::max<std::size_t>(1, k.parts.size()));
            for (std::size_t j = 0; j < k.parts.size(); ++j) {
                const float px0 = sx0 + part_w * static_cast<float>(j);
                out_.swatches.push_back({{px0, sy0, px0 + part_w, sy1}, k.parts[j], control_opacity});
            }
            out_.furniture.add_text(k.text, x0 + pad + key_w, y + 0.85f * small.px, small);
            y += small.px + 4 * s;
        }
    }
}

void Layouter::layout_attribution(const core::Scene& scene, const FrameOptions& o, const Area& area,
                                  core::LabelPlacer& placer) {
    [[maybe_unused]] const float s = area.s, W = area.W, H = area.H;
    if (o.attribution && !scene.attribution.empty()) {
        TextStyle st{.px = 10.5f * s, .color = core::rgb(0x333333)};
        float w = fm_.measure(scene.attribution, st);
        if (w > W - 12 * s) {  // the credits must always show in full: shrink rather than clip
            st.px *= (W - 12 * s) / w;
            w = fm_.measure(scene.attribution, st);
        }
        const float pad = 4 * s;
        out_.furniture.add_rect(W - w - 3 * pad, H - st.px - 2 * pad, W, H, core::rgb(0xffffff, 0.78f));
        placer.reserve({W - w - 3 * pad, H - st.px - 2 * pad, W, H});
        attribution_top_ = H - st.px - 2 * pad;
        out_.furniture.add_text(scene.attribution, W - w - 1.5f * pad, H - pad - 0.22f * st.px, st);
    }
}

void Layouter::layout_scale_bar(const core::Camera& camera, const FrameOptions& o, const Area& area,
                                core::LabelPlacer& placer) {
    [[maybe_unused]] const float s = area.s, W = area.W, H = area.H;
    if (o.scale_bar) {
        // True ground distance at the view centre: map metres divided by the projection's scale factor.
        const core::Projector projector;
        const double lat = projector.inverse(camera.centre()).lat;
        const double ground_per_px = camera.metres_per_pixel() / projector.scale_factor(lat);
        const double length_m = nice_scale_length(ground_per_px * 130 * s);
        const float len_px = static_cast<float>(length_m / ground_per_px);
        const float x0 = 14 * s, y1 = H - 16 * s, bar_h = 5 * s;
        TextStyle st{
            .px = 11 * s, .color = core::rgb(0x222222), .halo = core::rgb(0xffffff, 0.9f), .halo_px = 1.6f * s};
        out_.furniture.add_rect(x0 - 1 * s, y1 - bar_h - 1 * s, x0 + len_px + 1 * s, y1 + 1 * s, core::rgb(0x222222));
        placer.reserve({0, y1 - bar_h - 4 * s - st.px * 1.2, x0 + len_px + 40 * s, H});
        for (int i = 0; i < 4; ++i) {
            const float a = x0 + len_px * static_cast<float>(i) / 4, b = x0 + len_px * static_cast<float>(i + 1) / 4;
            out_.furniture.add_rect(a, y1 - bar_h, b, y1, i % 2 ? core::rgb(0x222222) : core::rgb(0xffffff));
        }
        const std::string label =
            length_m >= 1000 ? fmt::format("{:g} km", length_m / 1000) : fmt::format("{:g} m", length_m);
        out_.furniture.add_text("0", x0 - fm_.measure("0", st) / 2, y1 - bar_h - 4 * s, st);
        out_.furniture.add_text(label, x0 + len_px - fm_.measure(label, st) / 2, y1 - bar_h - 4 * s, st);
        scale_bar_right_ = x0 + len_px + fm_.measure(label, st) / 2;
    } else {
        scale_bar_right_ = 0;
    }
}

void Layouter::layout_north_arrow(const core::Camera& camera, const FrameOptions& o, const Area& area,
                                  core::LabelPlacer& placer) {
    [[maybe_unused]] const float s = area.s, W = area.W, H = area.H;
    if (o.north_arrow) {
        // True north at the view centre: the meridian's direction on the map (LCC meridians
        // converge towards the pole, so it tilts away from the central meridian).
        const core::Projector projector;
        const core::LonLat c = projector.inverse(camera.centre());
        const core::WorldXY a = projector.forward(c), b = projector.forward({c.lon, c.lat + 0.05});
        const double len = std::hypot(b.x - a.x, b.y - a.y);
        const float dx = static_cast<float>((b.x - a.x) / len), dy = static_cast<float>(-(b.y - a.y) / len);  // y down
        const float cx = std::max(scale_bar_right_ + 30 * s, 40 * s), cy = H - 34 * s, L = 13 * s;
        const float tipx = cx + dx * L, tipy = cy + dy * L, tailx = cx - dx * L, taily = cy - dy * L;
        const float nx = -dy, ny = dx;  // perpendicular
        const core::Rgba ink = core::rgb(0x222222);
        out_.furniture.add_circle(cx, cy, L + 10 * s, core::rgb(0xffffff, 0.75f), core::rgb(0x222222, 0.5f), 1 * s);
        out_.furniture.add_line(tailx, taily, tipx, tipy, 2.2f * s, ink);
        out_.furniture.add_line(tipx, tipy, tipx - dx * 8 * s + nx * 5 * s, tipy - dy * 8 * s + ny * 5 * s, 2.2f * s,
                                ink);
        out_.furniture.add_line(tipx, tipy, tipx - dx * 8 * s - nx * 5 * s, tipy - dy * 8 * s - ny * 5 * s, 2.2f * s,
                                ink);
        TextStyle n{.face = Face::Bold, .px = 12 * s, .color = ink, .halo = core::rgb(0xffffff), .halo_px = 1.5f * s};
        const float nw = fm_.measure("N", n);
        // "N" just beyond the tip.
        out_.furniture.add_text("N", tipx + dx * 9 * s - nw / 2, tipy + dy * 9 * s + n.px * 0.38f, n);
        placer.reserve({cx - L - 11 * s, cy - L - 11 * s, cx + L + 11 * s, cy + L + 11 * s});
        scale_bar_right_ = cx + L + 11 * s;
    }
}

void Layouter::layout_locator_frame(const core::Scene& scene, const core::Camera& camera, const FrameOptions& o,
                                    const Area& area, core::LabelPlacer& placer) {
    [[maybe_unused]] const float s = area.s, W = area.W, H = area.H;
    out_.locator_rect = {};
    // Optional furniture that would cover too much of a small image is left out.
    const bool roomy = W >= 640 * s && H >= 420 * s;
    if (o.locator && roomy && !scene.bounds.empty()) {
        // Inset locator: bottom right, above the attribution line.
        const int w = static_cast<int>(190 * s), h = static_cast<int>(120 * s);
        const int x = static_cast<int>(W - static_cast<float>(w) - 10 * s);
        const int y = static_cast<int>(H - 22 * s - static_cast<float>(h) - 8 * s);
        out_.locator_rect = {x, y, w, h};
        placer.reserve({x - 2.0 * s, y - 2.0 * s, x + w + 2.0 * s, y + h + 2.0 * s});
        const core::Camera inset = locator_camera(scene, out_.locator_rect);
        // Frame and the view's box, drawn with the text batch after the inset's map (draw_locator).
        const core::Rgba frame = core::rgb(0x333333);
        const float fx0 = static_cast<float>(x), fy0 = static_cast<float>(y);
        const float fx1 = fx0 + static_cast<float>(w), fy1 = fy0 + static_cast<float>(h);
        out_.furniture.add_line(fx0, fy0, fx1, fy0, 1.5f * s, frame);
        out_.furniture.add_line(fx1, fy0, fx1, fy1, 1.5f * s, frame);
        out_.furniture.add_line(fx1, fy1, fx0, fy1, 1.5f * s, frame);
        out_.furniture.add_line(fx0, fy1, fx0, fy0, 1.5f * s, frame);
        const auto view = camera.visible_box();
        auto to_inset = [&](double wx, double wy) {
            const auto p = inset.screen({wx, wy});
            return std::pair<float, float>{std::clamp(static_cast<float>(p.x), 0.0f, static_cast<float>(w)) + fx0,
                                           std::clamp(static_cast<float>(p.y), 0.0f, static_cast<float>(h)) + fy0};
        };
        auto [ax, ay] = to_inset(view.min_x, view.max_y);
        auto [bx, by] = to_inset(view.max_x, view.min_y);
        if (bx - ax < 4 * s) ax -= 2 * s, bx += 2 * s;  // keep a tiny view visible
        if (by - ay < 4 * s) ay -= 2 * s, by += 2 * s;
        const core::Rgba red = core::rgb(0xd7301f);
        out_.furniture.add_rect(ax, ay, bx, by, core::rgb(0xd7301f, 0.15f));
        out_.furniture.add_line(ax, ay, bx, ay, 2 * s, red);
        out_.furniture.add_line(bx, ay, bx, by, 2 * s, red);
        out_.furniture.add_line(bx, by, ax, by, 2 * s, red);
        out_.furniture.add_line(ax, by, ax, ay, 2 * s, red);
    }
}

float furniture_scale(float ui_scale, double rows) {
    return std::max(ui_scale, static_cast<float>(rows / kFurnitureRows));
}

void Layouter::layout_furniture(const core::Scene& scene, const core::Camera& camera, const FrameOptions& frame,
                                core::LabelPlacer& placer) {
    const float W = static_cast<float>(camera.width());
    const float H = static_cast<float>(camera.height()) - frame.inset_bottom;
    // Every piece of furniture at one scale, which grows with the frame's height beyond 1080 rows
    // as the title does: at 4K the date box, legend and scale bar stand beside the title as at 1080.
    FrameOptions o = frame;
    o.ui_scale = furniture_scale(frame.ui_scale, H - frame.inset_top);
    out_.furniture_scale = o.ui_scale;
    const float s = o.ui_scale;
    if (o.inset_bottom > 0) placer.reserve({0, H, W, static_cast<double>(camera.height())});
    if (o.inset_top > 0) placer.reserve({0, 0, W, o.inset_top});
    right_column_top_ = o.inset_top + 10 * s;  // below the date box, once it is placed
    attribution_top_ = H;
    const Area area{s, W, H};
    if (o.split) layout_split_divider(*o.split, frame.ui_scale, o.inset_top, H, out_.furniture);  // under the boxes
    layout_date_box(scene, o, area, camera.visible_box(), placer);  // first: the title block keeps clear of it
    layout_title(o, area, placer);
    if (o.split) layout_split_marks(*o.split, frame.ui_scale, s, o.inset_top, H, W, fm_, out_, placer);
    layout_attribution(scene, o, area, placer);
    layout_scale_bar(camera, o, area, placer);
    layout_north_arrow(camera, o, area, placer);
    layout_locator_frame(scene, camera, o, area, placer);
    if (o.legend && H >= 380 * s) layout_legend(scene, camera, o, placer);
    const float bottom =
        out_.locator_rect.width > 0 ? static_cast<float>(out_.locator_rect.y) - 8 * s : attribution_top_ - 6 * s;
    layout_off_map(o, W - 10 * s, right_column_top_, bottom, placer);
}

void Layouter::layout_off_map(const FrameOptions& o, float right, float top, float bottom, core::LabelPlacer& placer) {
    out_.off_map_lines.clear();
    out_.off_map_box = {};
    if (!o.off_map || o.off_map->total() == 0) return;
    const core::OffMapSummary& sum = *o.off_map;
    const float s = o.ui_scale;
    const float pad = 6 * s;
    TextStyle head{.face = Face::Bold, .px = 11.5f * s, .color = core::rgb(0x111111)};
    TextStyle st{.px = 11 * s, .color = core::rgb(0x222222)};
    // The count always shows, whole: on a narrow image the text shrinks rather than clips.
    out_.off_map_lines.push_back(core::off_map_sentence(sum));
    const float max_w = std::max(right * 0.5f, 120 * s);
    if (const float hw = fm_.measure(out_.off_map_lines.front(), head); hw > max_w) {
        head.px *= max_w / hw;
        st.px = std::min(st.px, head.px);
    }
    const float row_h = st.px * 1.35f;
    // Then the places, as many as fit above `bottom`; the rest are summed up in one line.
    const float room = bottom - top - 2 * pad - head.px * 1.45f;
    const auto fit = static_cast<std::size_t>(std::max(0.0f, std::floor(room / row_h)));
    const std::size_t n = sum.groups.size();
    const std::size_t shown = n <= fit ? n : (fit > 1 ? fit - 1 : 0);
    for (std::size_t k = 0; k < shown; ++k)
        out_.off_map_lines.push_back(
            fmt::format("{}: {}", core::off_map_label(sum.groups[k]), sum.groups[k].members.size()));
    if (shown < n && fit > 0) {
        std::size_t rest = 0;
        for (std::size_t k = shown; k < n; ++k) rest += sum.groups[k].members.size();
        out_.off_map_lines.push_back(
            fmt::format("and {} more place{} ({} events)", n - shown, n - shown == 1 ? "" : "s", rest));
    }
    float w = fm_.measure(out_.off_map_lines.front(), head);
    for (std::size_t k = 1; k < out_.off_map_lines.size(); ++k)
        w = std::max(w, 8 * s + fm_.measure(out_.off_map_lines[k], st));
    const float h = 2 * pad + head.px * 1.25f + row_h * static_cast<float>(out_.off_map_lines.size() - 1);
    const float x0 = right - w - 2 * pad, y0 = top;
    out_.furniture.add_rect(x0, y0, right, y0 + h, core::rgb(0xffffff, 0.88f));
    out_.furniture.add_rect(x0, y0, x0 + 3 * s, y0 + h, core::rgb(0x888888));  // a grey bar: not on the map
    out_.furniture.add_text(out_.off_map_lines.front(), x0 + pad, y0 + pad + head.px, head);
    float y = y0 + pad + head.px * 1.25f;
    for (std::size_t k = 1; k < out_.off_map_lines.size(); ++k) {
        out_.furniture.add_text(out_.off_map_lines[k], x0 + pad + 8 * s, y + st.px, st);
        y += row_h;
    }
    out_.off_map_box = {x0, y0, right, y0 + h};
    placer.reserve(out_.off_map_box);
}

void Layouter::layout_legend(const core::Scene& scene, const core::Camera& camera, const FrameOptions& o,
                             core::LabelPlacer& placer) {
    const float s = o.ui_scale;
    const float H = static_cast<float>(camera.height()) - o.inset_bottom;
    TextStyle head{.face = Face::Bold, .px = 12 * s, .color = core::rgb(0x111111)};
    TextStyle st{.px = 11 * s, .color = core::rgb(0x222222)};
    struct Row {
        enum Kind { Event, Line, Area, Ring, Span, Faint } kind;
        std::string text;
        core::EventType type = core::EventType::Other;
        core::LineStyle line;
        core::Rgba fill;
        float opacity = 1;
    };
    std::vector<Row> rows;
    const bool any_events = (o.events && !o.events->empty()) || (o.legend_also && !o.legend_also->empty());
    if (any_events) {
        std::vector<char> present(core::all_event_types.size(), 0);
        bool ring = false, span = false, faint = false;
        // A split view's legend lists both halves' kinds, so the two halves draw the same legend.
        for (const auto* markers : {o.events, o.legend_also}) {
            if (!markers) continue;
            for (const auto& m : *markers) {
                present[static_cast<std::size_t>(m.type)] = 1;
                ring = ring || m.radius_m > 0;
                span = span || m.time_span;
                faint = faint || m.alpha < 0.9f;
            }
        }
        for (auto t : core::all_event_types)
            if (present[static_cast<std::size_t>(t)])
                rows.push_back({Row::Event, core::event_type_style(t).label, t, {}, {}});
        if (ring) rows.push_back({Row::Ring, "area: place known only to a district", {}, {}, {}});
        if (span)
            rows.push_back({Row::Span, "hollow, dashed: date known only to a span (month, year, war)", {}, {}, {}});
        if (faint) rows.push_back({Row::Faint, "paler: older in the time window, or less confident", {}, {}, {}});
    }
    for (const auto& layer : scene.layers) {
        if (!layer.visible || !layer.in_legend) continue;
        if (layer.kind == core::LayerKind::Line && !layer.line_styles.empty())
            rows.push_back({Row::Line, layer.title, {}, layer.line_styles.front(), {}});
        else if (layer.kind == core::LayerKind::Fill && !layer.fills.empty() && !layer.fills.front().valid.timed())
            rows.push_back({Row::Area, layer.title, {}, {}, layer.fills.front().color, layer.opacity});
    }
    if (rows.empty()) return;
    const float pad = 7 * s, row_h = 17 * s, key_w = 26 * s;
    float w = fm_.measure("Legend", head);
    for (const auto& r : rows) w = std::max(w, key_w + fm_.measure(r.text, st));
    const float h = pad * 2 + head.px * 1.4f + row_h * static_cast<float>(rows.size());
    const float x0 = 10 * s, y0 = H - 60 * s - h;
    out_.furniture.add_rect(x0, y0, x0 + w + 2 * pad, y0 + h, core::rgb(0xffffff, 0.88f));
    placer.reserve({x0, y0, x0 + w + 2 * pad, y0 + h});
    out_.furniture.add_text("Legend", x0 + pad, y0 + pad + head.px, head);
    float y = y0 + pad + head.px * 1.4f;
    for (const auto& r : rows) {
        const float cy = y + row_h / 2, kx = x0 + pad + key_w / 2 - 3 * s;
        switch (r.kind) {
            case Row::Event: {
                const auto& es = core::event_type_style(r.type);
                out_.furniture.add_circle(kx, cy, 7.5f * s, core::rgb(0xffffff), es.color, 1.8f * s);
                TextStyle g{.px = 10 * s, .color = es.color};
                std::string glyph;
                core::append_utf8(glyph, es.symbol);
                out_.furniture.add_text(glyph, kx - fm_.measure(glyph, g) / 2, cy + fm_.ascent(g) / 2, g);
                break;
            }
            case Row::Ring:
                out_.furniture.add_circle(kx, cy, 7.5f * s, core::rgb(0x555555, 0.1f), core::rgb(0x555555, 0.7f),
                                          1.3f * s);
                break;
            case Row::Span:
                for (int k = 0; k < 10; ++k) {  // as Layouter::layout_events draws it
                    const float a0 = 6.2831853f * static_cast<float>(k) / 10, a1 = a0 + 6.2831853f * 0.055f;
                    const float kr = 7.5f * s;
                    out_.furniture.add_line(kx + kr * std::cos(a0), cy + kr * std::sin(a0), kx + kr * std::cos(a1),
                                            cy + kr * std::sin(a1), 1.5f * s, core::rgb(0x444444));
                }
                break;
            case Row::Faint:
                out_.furniture.add_circle(kx - 4 * s, cy, 5.5f * s, core::rgb(0xffffff), core::rgb(0x444444), 1.6f * s);
                out_.furniture.add_circle(kx + 5 * s, cy, 5.5f * s, core::rgb(0xffffff, 0.5f),
                                          core::rgb(0x444444, 0.35f), 1.6f * s);
                break;
            case Row::Line:
                if (r.line.casing_px > 0)
                    out_.furniture.add_line(kx - 10 * s, cy, kx + 10 * s, cy, r.line.casing_px * s,
                                            r.line.casing_color);
                if (r.line.dash_px > 0) {
                    for (float x = kx - 10 * s; x < kx + 10 * s; x += (r.line.dash_px + r.line.gap_px) * s)
                        out_.furniture.add_line(x, cy, std::min(x + r.line.dash_px * s, kx + 10 * s), cy,
                                                std::max(1.0f, r.line.width_px) * s, r.line.color);
                } else {
                    out_.furniture.add_line(kx - 10 * s, cy, kx + 10 * s, cy, std::max(1.0f, r.line.width_px) * s,
                                            r.line.color);
                }
                break;
            case Row::Area:
                out_.swatches.push_back({{kx - 9 * s, cy - 5 * s, kx + 9 * s, cy + 5 * s},
                                         {FillStyle{land_under(scene)}, FillStyle{r.fill}},
                                         r.opacity});
                break;
        }
        out_.furniture.add_text(r.text, x0 + pad + key_w, cy + st.px * 0.38f, st);
        y += row_h;
    }
}

}  // namespace

FrameLayout layout_frame(const core::Scene& scene, const core::Camera& camera, const FrameOptions& options,
                         const FontMetrics& fonts) {
    FrameLayout out;
    Layouter layouter(fonts, out);
    // Furniture first: its boxes are reserved so no label slides under the scale bar or credits.
    core::LabelPlacer placer(camera.width(), camera.height(), 48.0 * options.ui_scale);
    layouter.layout_furniture(scene, camera, options, placer);
    // Annotations are the presenter's: place names keep off their text boxes.
    if (options.annotations) {
        AnnotationLayout a = layout_annotations(*options.annotations, camera, core::Projector{}, fonts,
                                                options.ui_scale, options.selected_annotation);
        for (const auto& hit : a.hits) {
            if (hit.text_box) placer.reserve(*hit.text_box);
            if (hit.label_box) placer.reserve(*hit.label_box);
        }
        out.annotations = std::move(a.draw);
        out.annotation_hits = std::move(a.hits);
    }
    // Capitals, country and sea names, then the towns that matter in the view (rank <= 2 and the
    // places the shown events name) are placed first: they are always labelled, beside any event
    // symbol on them. Event symbols are always drawn; those over such a name give way beside it.
    // The other places then take the free space around them (eight candidate positions each, off
    // every other place's dot); those left over try again where only placed names are in the way.
    using Pass = Layouter::Pass;
    layouter.locate_events(camera, options);
    layouter.collect_dots(scene, camera, options.ui_scale);
    layouter.layout_labels(scene, camera, options.ui_scale, placer, Pass::Capitals, false);
    layouter.layout_labels(scene, camera, options.ui_scale, placer, Pass::Important, true);
    layouter.layout_events(camera, options, placer);
    layouter.layout_labels(scene, camera, options.ui_scale, placer, Pass::Rest, false);
    layouter.layout_labels(scene, camera, options.ui_scale, placer, Pass::Retry, false);
    out.label_boxes = placer.placed();
    // The measure line goes over everything else on the map: it is what the user is pointing at.
    if (options.measure) layout_measure(*options.measure, camera, options.ui_scale, fonts, out.map);
    return out;
}

}  // namespace sitmap::compose
