// Links from an event: the briefing slides that show it ("shown in slide 4", clicking goes there)
// and its document's source URL, when the document names one, to open in a browser. Part of
// sitmap_core: finds the links; opening them is the app's job. No GL, GDAL or ImGui.
#pragma once
#include "core/briefing.hpp"
#include "core/event.hpp"
#include "core/projector.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sitmap::core {

/// A slide that shows an event.
struct SlideLink {
    std::size_t slide = 0;     ///< index into Briefing::slides (slide 1 is index 0)
    bool highlighted = false;  ///< the slide names the event among its highlighted events
};

/// The slides of `briefing` that show `event` (whose key, core::event_key, is `key`): those that
/// highlight it, and those whose date, time window, event filter (type, document) and view box
/// (SlideView::bbox, or the centre and zoom at `viewport_w` x `viewport_h` pixels) take it in.
/// In slide order.
std::vector<SlideLink> slides_showing(const Briefing& briefing, const Event& event, std::string_view key,
                                      const Projector& projector, int viewport_w = 1280, int viewport_h = 800);

/// "shown in slide 4", "highlighted in slide 2", "shown in slides 3, 4 and 9": what the event's
/// panel says (empty when no slide shows it).
std::string slide_links_sentence(const std::vector<SlideLink>& links);

/// The first http:// or https:// URL in `text` (a document's Source or URL header), without
/// trailing punctuation a sentence adds ("(see https://x.org/a)." gives "https://x.org/a");
/// nullopt when there is none. Only characters RFC 3986 allows in a URL are kept, so the result
/// can be passed to a browser as one argument.
std::optional<std::string> find_url(std::string_view text);

}  // namespace sitmap::core
