/* Preloaded into sanitized test runs (scripts/sanitize.sh): dlclose() does nothing, so a library a
 * process unloads before it exits (GLVND unloads Mesa's GL driver in eglTerminate) is still mapped
 * when LeakSanitizer scans memory at exit. The driver's own pointers then keep its allocations
 * reachable, and what it still reports carries module names scripts/lsan.supp can match, instead of
 * "<unknown module>" frames no suppression can name. */
int dlclose(void *handle) {
    (void)handle;
    return 0;
}
