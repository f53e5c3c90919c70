#include "core/user_views.hpp"

#include "core/error.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace sitmap::core {

const std::vector<NamedView>& builtin_views() {
    // Extents chosen to frame each area with a little margin (lon W, lat S, lon E, lat N):
    // Lachin corridor: Kornidzor/Goris (46.35E) to Khankendi (46.75E), the 2022 Aghavno-Lachin
    // re-route included; Syunik: Armenia's southern province, Sisian (39.52N) to Meghri (38.90N),
    // from the Nakhchivan border (45.9E) to Kapan's east (46.6E); Nakhchivan: the exclave,
    // Sadarak (44.8E) to Ordubad (46.1E).
    static const std::vector<NamedView> views{
        {"region", "South Caucasus (region)", GeoBox{39.5, 37.6, 50.6, 43.3}},
        {"karabakh", "Karabakh", GeoBox{45.6, 38.85, 47.4, 40.45}},
        {"lachin", "Lachin corridor", GeoBox{46.15, 39.35, 46.95, 39.95}},
        {"syunik", "Syunik", GeoBox{45.7, 38.8, 46.75, 39.9}},
        {"nakhchivan", "Nakhchivan", GeoBox{44.65, 38.75, 46.25, 39.85}},
    };
    return views;
}

std::string builtin_view_names() {
    std::string out;
    for (const auto& v : builtin_views()) out += (out.empty() ? "" : ", ") + v.name;
    return out;
}

std::string_view opened_kind_name(OpenedKind k) {
    switch (k) {
        case OpenedKind::Documents:
            return "documents";
        case OpenedKind::Events:
            return "events";
        case OpenedKind::Briefing:
            return "briefing";
    }
    return "documents";
}

std::optional<OpenedKind> parse_opened_kind(std::string_view text) {
    for (OpenedKind k : {OpenedKind::Documents, OpenedKind::Events, OpenedKind::Briefing})
        if (opened_kind_name(k) == text) return k;
    return std::nullopt;
}

bool save_view(UserViews& views, NamedView view) {
    if (view.name.empty() || view.box.empty()) return false;
    if (view.title.empty()) view.title = view.name;
    auto it =
        std::find_if(views.saved.begin(), views.saved.end(), [&](const NamedView& v) { return v.name == view.name; });
    if (it != views.saved.end())
        *it = std::move(view);
    else
        views.saved.push_back(std::move(view));
    return true;
}

const NamedView* find_saved_view(const UserViews& views, std::string_view name) {
    for (const auto& v : views.saved)
        if (v.name == name) return &v;
    return nullptr;
}

void remember_recent(UserViews& views, RecentFile file) {
    std::erase_if(views.recent, [&](const RecentFile& r) { return r.path == file.path; });
    views.recent.insert(views.recent.begin(), std::move(file));
    if (views.recent.size() > kMaxRecentFiles) views.recent.resize(kMaxRecentFiles);
}

std::string user_views_to_json(const UserViews& views) {
    nlohmann::ordered_json j;
    j["views"] = nlohmann::ordered_json::array();
    for (const auto& v : views.saved)
        j["views"].push_back(
            {{"name", v.name}, {"title", v.title}, {"bbox", {v.box.min_x, v.box.min_y, v.box.max_x, v.box.max_y}}});
    j["recent"] = nlohmann::ordered_json::array();
    for (const auto& r : views.recent)
        j["recent"].push_back({{"path", r.path}, {"kind", std::string(opened_kind_name(r.kind))}});
    return j.dump(2) + "\n";
}

namespace {

std::string required_string(const nlohmann::json& obj, const char* key, std::string_view file, const std::string& at) {
    const auto it = obj.find(key);
    if (it == obj.end() || !it->is_string()) throw fmt_error("{}: {}.{}: expected a string", file, at, key);
    return it->get<std::string>();
}

GeoBox parse_bbox(const nlohmann::json& obj, std::string_view file, const std::string& at) {
    const auto it = obj.find("bbox");
    const auto bad = [&] { return fmt_error("{}: {}.bbox: expected [W,S,E,N] in degrees with W<E and S<N", file, at); };
    if (it == obj.end() || !it->is_array() || it->size() != 4) throw bad();
    for (const auto& n : *it)
        if (!n.is_number()) throw bad();
    const GeoBox b{(*it)[0].get<double>(), (*it)[1].get<double>(), (*it)[2].get<double>(), (*it)[3].get<double>()};
    if (!(b.min_x < b.max_x && b.min_y < b.max_y) || b.min_x < -180 || b.max_x > 180 || b.min_y < -90 || b.max_y > 90)
        throw bad();
    return b;
}

}  // namespace

UserViews user_views_from_json(std::string_view text, std::string_view file) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        throw fmt_error("{}: not valid JSON (byte {}): {}", file, e.byte, e.what());
    }
    if (!j.is_object()) throw fmt_error("{}: expected a JSON object with \"views\" and \"recent\"", file);
    UserViews out;
    if (const auto v = j.find("views"); v != j.end()) {
        if (!v->is_array()) throw fmt_error("{}: views: expected an array", file);
        for (std::size_t i = 0; i < v->size(); ++i) {
            const auto& item = (*v)[i];
            const std::string at = fmt::format("views[{}]", i);
            if (!item.is_object()) throw fmt_error("{}: {}: expected an object", file, at);
            NamedView view{
                .name = required_string(item, "name", file, at), .title = {}, .box = parse_bbox(item, file, at)};
            if (const auto t = item.find("title"); t != item.end() && t->is_string())
                view.title = t->get<std::string>();
            if (view.name.empty()) throw fmt_error("{}: {}.name: empty", file, at);
            save_view(out, std::move(view));
        }
    }
    if (const auto r = j.find("recent"); r != j.end()) {
        if (!r->is_array()) throw fmt_error("{}: recent: expected an array", file);
        for (std::size_t i = 0; i < r->size(); ++i) {
            const auto& item = (*r)[i];
            const std::string at = fmt::format("recent[{}]", i);
            if (!item.is_object()) throw fmt_error("{}: {}: expected an object", file, at);
            const std::string kind = required_string(item, "kind", file, at);
            const auto k = parse_opened_kind(kind);
            if (!k) throw fmt_error("{}: {}.kind: '{}' (expected documents, events or briefing)", file, at, kind);
            RecentFile rf{.path = required_string(item, "path", file, at), .kind = *k};
            if (out.recent.size() < kMaxRecentFiles) out.recent.push_back(std::move(rf));
        }
    }
    return out;
}

}  // namespace sitmap::core
