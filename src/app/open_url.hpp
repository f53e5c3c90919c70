// Opening a link in the user's browser: runs xdg-open (or $SITMAP_URL_OPENER, which tests set to
// a script that records its argument) with the URL as its one argument, without a shell, and
// does not wait for it. Part of sitmap_app.
#pragma once
#include <string>

namespace sitmap::app {

/// Starts the opener on `url`; returns an empty string, or why it could not be started.
/// Only http:// and https:// URLs are passed on (anything else is refused with a message).
std::string open_url(const std::string& url);

}  // namespace sitmap::app
