#include "control_grid.hpp"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <queue>
#include <stdexcept>
#include <utility>

namespace control_grid {

int day_number(const std::string& iso) {
    int y = 0, m = 0, d = 0;
    char tail = 0;
    if (iso.size() != 10 || std::sscanf(iso.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || m < 1 || m > 12 ||
        d < 1 || d > 31)
        throw std::invalid_argument("not a YYYY-MM-DD date: '" + iso + "'");
    // Days from civil (proleptic Gregorian), after H. Hinnant's public-domain algorithm.
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

namespace {

double dist(const Site& s, double x, double y) {
    return std::hypot(s.x - x, s.y - y);
}

// Half the distance to the nearest other site, at least own_km.
std::vector<double> own_radius(const std::vector<Site>& sites, double own_km) {
    std::vector<double> r(sites.size(), own_km);
    for (std::size_t i = 0; i < sites.size(); ++i) {
        double nearest = 1e9;
        for (std::size_t j = 0; j < sites.size(); ++j)
            if (j != i) nearest = std::min(nearest, dist(sites[j], sites[i].x, sites[i].y));
        r[i] = std::max(own_km, nearest / 2);
    }
    return r;
}

int owner_at(const std::vector<Site>& sites, const std::vector<double>& own, const Params& p, double x, double y,
             bool& is_own) {
    std::vector<std::pair<double, int>> near;  // (distance km, site)
    near.reserve(sites.size());
    for (std::size_t i = 0; i < sites.size(); ++i) near.emplace_back(dist(sites[i], x, y), static_cast<int>(i));
    const std::size_t k = std::min(p.neighbours, near.size());
    std::partial_sort(near.begin(), near.begin() + static_cast<std::ptrdiff_t>(k), near.end());
    is_own = near.front().first <= own[static_cast<std::size_t>(near.front().second)];
    if (is_own) return near.front().second;
    std::vector<std::pair<int, std::pair<double, int>>> by_day;
    for (std::size_t j = 0; j < k; ++j)
        by_day.push_back({sites[static_cast<std::size_t>(near[j].second)].day, near[j]});
    std::sort(by_day.begin(), by_day.end());
    const bool far = p.far_km > 0 && near.front().first > p.far_km;
    return by_day[far ? k - 1 : k / 2].second.second;
}

// Widest path to the rear: best[i] = the latest day d such that a 4-connected path of inside squares joins i to a
// rear square with every square on it taken on day d or later; via[i] = the next square on that path (-1 at the
// rear), cut[i] = the square whose day sets best[i]. Squares with no path keep INT_MIN.
struct Paths {
    std::vector<int> best, via, cut;
};

Paths widest_paths(const Grid& g, const std::vector<int>& day, const std::vector<char>& closed) {
    const std::size_t n = g.inside.size();
    Paths w{std::vector<int>(n, INT_MIN), std::vector<int>(n, -1), std::vector<int>(n, -1)};
    std::priority_queue<std::pair<int, int>> queue;  // (best, square), latest first
    for (std::size_t i = 0; i < n; ++i)
        if (g.inside[i] && g.rear[i] && !closed[i]) {
            w.best[i] = day[i];
            w.cut[i] = static_cast<int>(i);
            queue.push({day[i], static_cast<int>(i)});
        }
    while (!queue.empty()) {
        const auto [b, i] = queue.top();
        queue.pop();
        if (b < w.best[static_cast<std::size_t>(i)]) continue;
        const int ix = i / g.ny, iy = i % g.ny;
        const int steps[4][2] = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
        for (const auto& s : steps) {
            const int jx = ix + s[0], jy = iy + s[1];
            if (jx < 0 || jy < 0 || jx >= g.nx || jy >= g.ny) continue;
            const auto j = static_cast<std::size_t>(g.index(jx, jy));
            if (!g.inside[j] || closed[j]) continue;
            const int cand = std::min(b, day[j]);
            if (cand <= w.best[j]) continue;
            w.best[j] = cand;
            w.via[j] = i;
            w.cut[j] = cand == day[j] ? static_cast<int>(j) : w.cut[static_cast<std::size_t>(i)];
            queue.push({cand, static_cast<int>(j)});
        }
    }
    return w;
}

// Cheapest 4-connected way from square q to a rear square through open inside squares: a step onto a square taken
// before `until` (which must then be held longer) costs 10, onto one held as long already (another island's strip)
// 1, so the way is short and runs along such land where it can. The squares from q to the rear (q first), empty
// when there is none.
std::vector<int> shortest_way(const Grid& g, int q, const std::vector<char>& closed, const std::vector<int>& day,
                              int until) {
    const std::size_t n = g.inside.size();
    std::vector<int> from(n, -2), cost(n, INT_MAX);
    std::priority_queue<std::pair<int, int>, std::vector<std::pair<int, int>>, std::greater<>> queue;  // (cost, sq)
    from[static_cast<std::size_t>(q)] = -1;
    cost[static_cast<std::size_t>(q)] = 0;
    queue.push({0, q});
    while (!queue.empty()) {
        const auto [c0, i] = queue.top();
        queue.pop();
        if (c0 > cost[static_cast<std::size_t>(i)]) continue;
        if (g.rear[static_cast<std::size_t>(i)]) {
            std::vector<int> way;
            for (int k = i; k >= 0; k = from[static_cast<std::size_t>(k)]) way.push_back(k);
            std::reverse(way.begin(), way.end());
            return way;
        }
        const int ix = i / g.ny, iy = i % g.ny;
        const int steps[4][2] = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
        for (const auto& st : steps) {
            const int jx = ix + st[0], jy = iy + st[1];
            if (jx < 0 || jy < 0 || jx >= g.nx || jy >= g.ny) continue;
            const auto j = static_cast<std::size_t>(g.index(jx, jy));
            if (!g.inside[j] || closed[j]) continue;
            const int c = c0 + (day[j] < until ? 10 : 1);
            if (c >= cost[j]) continue;
            cost[j] = c;
            from[j] = i;
            queue.push({c, static_cast<int>(j)});
        }
    }
    return {};
}

}  // namespace

void connect_to_rear(const Grid& g, const std::vector<Site>& sites, std::vector<int>& owner,
                     const std::vector<char>& own, const Params& p) {
    const double corridor_km = p.corridor_km;
    const std::size_t n = g.inside.size();
    std::vector<int> day(n, INT_MIN);
    for (std::size_t i = 0; i < n; ++i)
        if (owner[i] != kNone) day[i] = sites[static_cast<std::size_t>(owner[i])].day;
    // Island settlements, latest first: each keeps the widest path to the rear (and corridor_km around it) until
    // its own day, so a later one can use an earlier one's strip.
    std::vector<int> order(sites.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return sites[static_cast<std::size_t>(a)].day > sites[static_cast<std::size_t>(b)].day;
    });
    const int reach = static_cast<int>(std::floor(corridor_km / g.cell + 1e-9));
    // One settlement: 0 = not an island (or no way to the rear), 1 = joined, 2 = its strip is too long for now.
    const auto join = [&](int s) {
        const Site& site = sites[static_cast<std::size_t>(s)];
        const int ix = static_cast<int>(std::floor((site.x - g.x0) / g.cell)),
                  iy = static_cast<int>(std::floor((site.y - g.y0) / g.cell));
        if (ix < 0 || iy < 0 || ix >= g.nx || iy >= g.ny) return 0;
        const auto q = static_cast<std::size_t>(g.index(ix, iy));
        if (!g.inside[q] || owner[q] != s) return 0;
        // The strip may not cross another settlement's own land (its own day is sourced); too long a strip is not
        // drawn (the settlement stays an island: a pocket, or an announcement later than the fighting).
        std::vector<char> closed(n, 0);
        for (std::size_t j = 0; j < n; ++j) closed[j] = own[j] && owner[j] != s && day[j] < site.day;
        const Paths w = widest_paths(g, day, closed);
        if (w.best[q] == INT_MIN || w.best[q] >= site.day) return 0;  // no way to the rear, or not an island
        std::vector<std::size_t> strip;
        for (int i : shortest_way(g, static_cast<int>(q), closed, day, site.day)) {
            const int px = i / g.ny, py = i % g.ny;
            for (int dx = -reach; dx <= reach; ++dx)
                for (int dy = -reach; dy <= reach; ++dy) {
                    const int jx = px + dx, jy = py + dy;
                    if (jx < 0 || jy < 0 || jx >= g.nx || jy >= g.ny) continue;
                    const auto j = static_cast<std::size_t>(g.index(jx, jy));
                    if (!g.inside[j] || day[j] >= site.day) continue;
                    if (!closed[j]) strip.push_back(j);
                }
        }
        const double strip_km = static_cast<double>(strip.size()) * g.cell * g.cell / (2 * corridor_km + g.cell);
        if (p.corridor_max_km > 0 && strip_km > p.corridor_max_km && !site.anchor) return 2;
        for (std::size_t j : strip) {
            owner[j] = s;
            day[j] = site.day;
        }
        return 1;
    };
    // A settlement whose strip was too long is tried again once others' strips are drawn: it may join one of them
    // (land held as long costs nothing), until a round joins none.
    std::vector<int> pending = order;
    for (bool joined = true; joined && !pending.empty();) {
        joined = false;
        std::vector<int> retry;
        for (int s : pending) {
            const int r = join(s);
            joined |= r == 1;
            if (r == 2) retry.push_back(s);
        }
        pending.swap(retry);
    }
    // Whatever is still cut off goes with the square that cuts it off.
    if (!p.lower) return;
    const Paths w = widest_paths(g, day, std::vector<char>(n, 0));
    std::vector<int> lowered(owner);
    for (std::size_t i = 0; i < n; ++i)
        if (g.inside[i] && w.best[i] != INT_MIN && w.best[i] < day[i])
            lowered[i] = owner[static_cast<std::size_t>(w.cut[i])];
    owner.swap(lowered);
}

std::vector<int> assign_owners(const Grid& g, const std::vector<Site>& sites, const Params& p) {
    std::vector<int> owner(g.inside.size(), kNone);
    std::vector<char> own_sq(g.inside.size(), 0);
    if (sites.empty()) return owner;
    const std::vector<double> own = own_radius(sites, p.own_km);
    for (int ix = 0; ix < g.nx; ++ix)
        for (int iy = 0; iy < g.ny; ++iy) {
            const auto i = static_cast<std::size_t>(g.index(ix, iy));
            if (!g.inside[i]) continue;
            bool is_own = false;
            owner[i] = owner_at(sites, own, p, g.x0 + (ix + 0.5) * g.cell, g.y0 + (iy + 0.5) * g.cell, is_own);
            own_sq[i] = is_own;
        }
    if (p.connect) connect_to_rear(g, sites, owner, own_sq, p);
    return owner;
}

}  // namespace control_grid
