#include "io/scene_cache.hpp"

#include "core/error.hpp"
#include "io/atomic_file.hpp"

#include <fmt/format.h>

#include <zlib.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string_view>
#include <type_traits>

namespace sitmap::io {

namespace fs = std::filesystem;

namespace {

// Raised whenever the stored layout changes. The sizes below fail the build when a field is added
// to one of the stored structs: store it in put()/get() and raise kFormat.
constexpr std::uint32_t kFormat = 1;
constexpr char kMagic[8] = {'S', 'I', 'T', 'S', 'C', 'E', 'N', 'E'};
constexpr char kEnd[4] = {'E', 'N', 'D', '.'};
#if defined(__x86_64__) && defined(__GLIBCXX__)  // the sizes of Debian's amd64 build
static_assert(sizeof(core::SceneLayer) == 448, "a SceneLayer field is not stored: update scene_cache.cpp");
static_assert(sizeof(core::FillPart) == 112, "a FillPart field is not stored: update scene_cache.cpp");
static_assert(sizeof(core::Place) == 144, "a Place field is not stored: update scene_cache.cpp");
static_assert(sizeof(core::MapText) == 72, "a MapText field is not stored: update scene_cache.cpp");
static_assert(sizeof(core::Scene) == 88, "a Scene field is not stored: update scene_cache.cpp");
static_assert(sizeof(core::GreyRaster) == 96, "a GreyRaster field is not stored: update scene_cache.cpp");
#endif

class Writer {
public:
    template <typename T>
    void pod(const T& v) {
        static_assert(std::is_trivially_copyable_v<T>);
        out.append(reinterpret_cast<const char*>(&v), sizeof v);
    }
    template <typename T>
    void pods(const std::vector<T>& v) {
        static_assert(std::is_trivially_copyable_v<T>);
        pod(static_cast<std::uint64_t>(v.size()));
        out.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
    }
    void str(const std::string& s) {
        pod(static_cast<std::uint64_t>(s.size()));
        out += s;
    }
    std::string out;
};

class Reader {
public:
    Reader(const char* p, const char* end) : p_(p), end_(end) {}
    bool ok() const { return ok_; }
    bool at_end() const { return p_ == end_; }
    template <typename T>
    void pod(T& v) {
        static_assert(std::is_trivially_copyable_v<T>);
        if (!take(sizeof v)) return;
        std::memcpy(&v, p_ - sizeof v, sizeof v);
    }
    template <typename T>
    void pods(std::vector<T>& v) {
        const std::uint64_t n = count(sizeof(T));
        v.resize(n);
        if (n && take(n * sizeof(T))) std::memcpy(v.data(), p_ - n * sizeof(T), n * sizeof(T));
    }
    void str(std::string& s) {
        const std::uint64_t n = count(1);
        if (take(n)) s.assign(p_ - n, n);
    }
    /// A stored element count, checked against the bytes left (each element takes at least `min_size`).
    std::uint64_t count(std::size_t min_size) {
        std::uint64_t n = 0;
        pod(n);
        if (!ok_ || n > static_cast<std::uint64_t>(end_ - p_) / min_size) {
            ok_ = false;
            return 0;
        }
        return n;
    }

private:
    bool take(std::uint64_t n) {
        if (!ok_ || n > static_cast<std::uint64_t>(end_ - p_)) {
            ok_ = false;
            return false;
        }
        p_ += n;
        return true;
    }
    const char* p_;
    const char* end_;
    bool ok_ = true;
};

// One function per stored struct, for writing (W = Writer) and reading (W = Reader) alike, so the
// two cannot disagree on the order of fields.
template <typename W, typename M>
void mesh(W& w, M& m) {
    w.pods(m.vertices);
    w.pods(m.indices);
}

template <typename W, typename P>
void fill_part(W& w, P& f) {
    mesh(w, f.mesh);
    w.pod(f.color);
    w.pod(f.box);
    w.pod(f.valid);
    w.pod(f.hatched);
    w.pod(f.changed_hands);
}

template <typename W, typename P>
void place(W& w, P& p) {
    w.pod(p.pos);
    w.pod(p.lonlat);
    w.str(p.name);
    w.str(p.name_alt);
    w.str(p.name_local);
    w.pod(p.rank);
    w.pod(p.population);
}

template <typename W, typename T>
void map_text(W& w, T& t) {
    w.pod(t.pos);
    w.str(t.text);
    w.pod(t.role);
    w.pod(t.min_mpp);
    w.pod(t.max_mpp);
}

// A vector of non-trivial elements: the count, then each element by `item`.
template <typename T, typename Item>
void items(Writer& w, const std::vector<T>& v, Item item) {
    w.pod(static_cast<std::uint64_t>(v.size()));
    for (const auto& x : v) item(w, x);
}
template <typename T, typename Item>
void items(Reader& r, std::vector<T>& v, Item item) {
    v.resize(r.count(8));
    for (auto& x : v) item(r, x);
}

template <typename W, typename L>
void layer(W& w, L& l) {
    w.str(l.id);
    w.str(l.title);
    w.str(l.source);
    w.pod(l.kind);
    w.pod(l.visible);
    w.pod(l.opacity);
    w.pod(l.land_mask);
    w.pod(l.in_legend);
    items(w, l.fills, [](auto& ww, auto& f) { fill_part(ww, f); });
    w.pods(l.line_styles);
    items(w, l.lines, [](auto& ww, auto& lods) {
        items(ww, lods, [](auto& www, auto& lod) {
            www.pod(lod.tolerance_m);
            www.pods(lod.segments);
        });
    });
    w.pods(l.line_valid);
    w.pod(l.highlight_recent_days);
    w.pod(l.highlight_color);
    w.str(l.raster.path);
    w.pod(l.raster.width);
    w.pod(l.raster.height);
    w.pod(l.raster.extent);
    w.pods(l.raster.pixels);
    mesh(w, l.raster_grid);
    w.pods(l.raster_uv);
    items(w, l.places, [](auto& ww, auto& p) { place(ww, p); });
    items(w, l.texts, [](auto& ww, auto& t) { map_text(ww, t); });
}

template <typename W, typename S>
void scene_fields(W& w, S& s) {
    items(w, s.layers, [](auto& ww, auto& l) { layer(ww, l); });
    w.pod(s.bounds);
    w.str(s.attribution);
}

std::uint32_t checksum(std::string_view bytes) {
    return static_cast<std::uint32_t>(
        crc32(0L, reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(bytes.size())));
}

/// The file's modification time in nanoseconds and its size, or nullopt when it cannot be read.
std::optional<std::pair<std::int64_t, std::uintmax_t>> file_stamp(const fs::path& path) {
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec) return std::nullopt;
    const auto time = fs::last_write_time(path, ec);
    if (ec) return std::nullopt;
    return std::make_pair(static_cast<std::int64_t>(time.time_since_epoch().count()), size);
}

}  // namespace

fs::path user_cache_dir() {
    if (const char* dir = std::getenv("SITMAP_CACHE_DIR"); dir && *dir)
        return std::string(dir) == "off" ? fs::path() : fs::path(dir);
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return fs::path(xdg) / "sitmap";
    if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".cache" / "sitmap";
    return {};
}

std::string cache_key(const std::vector<fs::path>& inputs, const std::string& extra) {
    std::string key = fmt::format("format {}\n", kFormat);
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    const auto exe_stamp = ec ? std::nullopt : file_stamp(exe);
    key += exe_stamp ? fmt::format("program {} {} {}\n", exe.string(), exe_stamp->second, exe_stamp->first)
                     : "program unknown\n";
    for (const auto& in : inputs) {
        const fs::path abs = fs::absolute(in, ec);
        const auto stamp = file_stamp(in);
        key += stamp ? fmt::format("file {} {} {}\n", abs.string(), stamp->second, stamp->first)
                     : fmt::format("missing {}\n", abs.string());
    }
    return key + extra;
}

std::string serialize_scene(const core::Scene& scene, const std::string& key) {
    Writer w;
    w.out.append(kMagic, sizeof kMagic);
    w.pod(kFormat);
    w.str(key);
    scene_fields(w, scene);
    w.pod(checksum(w.out));
    w.out.append(kEnd, sizeof kEnd);
    return std::move(w.out);
}

std::optional<core::Scene> read_scene_cache(const fs::path& path, const std::string& key) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::size_t head = sizeof kMagic + sizeof kFormat, tail = sizeof(std::uint32_t) + sizeof kEnd;
    if (bytes.size() < head + tail || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0 ||
        std::memcmp(bytes.data() + bytes.size() - sizeof kEnd, kEnd, sizeof kEnd) != 0)
        return std::nullopt;
    const std::string_view body(bytes.data(), bytes.size() - tail);
    std::uint32_t stored_sum = 0;
    std::memcpy(&stored_sum, bytes.data() + body.size(), sizeof stored_sum);
    if (stored_sum != checksum(body)) return std::nullopt;  // damaged
    Reader r(bytes.data() + sizeof kMagic, bytes.data() + body.size());
    std::uint32_t format = 0;
    r.pod(format);
    std::string stored_key;
    r.str(stored_key);
    if (!r.ok() || format != kFormat || stored_key != key) return std::nullopt;
    core::Scene scene;
    scene_fields(r, scene);
    if (!r.ok() || !r.at_end()) return std::nullopt;
    return scene;
}

bool write_scene_cache(const fs::path& path, const std::string& key, const core::Scene& scene) {
    std::error_code ec;
    if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
    try {
        write_file_atomically(path, serialize_scene(scene, key), "base-map cache");
        return true;
    } catch (const Error&) {
        return false;  // a cache that cannot be written is only a slower next run
    }
}

}  // namespace sitmap::io
