// FlatStringMap: a hash map from short strings (folded words, gazetteer keys) to values, for the
// extractor's per-token lookups. Open addressing with linear probing in one array whose size is a
// power of two; each slot keeps the key's full FoldedHash, so a probe compares 64-bit hashes and
// only compares strings when they agree. std::unordered_map, by contrast, follows a node pointer
// per lookup, divides by a prime, and (FoldedHash being noexcept) compares the key string of every
// node in the bucket. No iteration order is offered: callers only look up and insert.
// Part of sitmap_core: std only.
#pragma once
#include "core/text_tokens.hpp"

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sitmap::core {

template <class V>
class FlatStringMap {
public:
    FlatStringMap() = default;
    /// Built from pairs; of repeated keys the first stands (as std::unordered_map's constructor).
    FlatStringMap(std::initializer_list<std::pair<std::string_view, V>> pairs) {
        for (const auto& [k, v] : pairs) try_emplace(k, v);
    }

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }

    /// Drops every entry (pointers returned earlier become invalid).
    void clear() {
        slots_.clear();
        size_ = 0;
        mask_ = 0;
    }

    /// The value of `key`, or nullptr. Valid until the next insertion or clear().
    const V* find(std::string_view key) const { return find_hashed(key, FoldedHash{}(key)); }
    V* find(std::string_view key) { return const_cast<V*>(std::as_const(*this).find(key)); }

    bool contains(std::string_view key) const { return find(key) != nullptr; }

    /// Inserts `key` with `value` unless present; returns the stored value and whether it was
    /// inserted. The reference is valid until the next insertion or clear().
    std::pair<V&, bool> try_emplace(std::string_view key, V value = V{}) {
        const std::uint64_t h = FoldedHash{}(key);
        if (V* v = const_cast<V*>(find_hashed(key, h))) return {*v, false};
        if ((size_ + 1) * 2 > slots_.size()) grow();
        std::size_t i = probe_start(h);
        while (slots_[i].used) i = (i + 1) & mask_;
        Slot& slot = slots_[i];
        slot.used = true;
        slot.hash = h;
        slot.key.assign(key.data(), key.size());
        slot.value = std::move(value);
        ++size_;
        return {slot.value, true};
    }

    /// The value of `key`, inserted value-initialised when absent.
    V& operator[](std::string_view key) { return try_emplace(key).first; }

private:
    struct Slot {
        std::uint64_t hash = 0;
        bool used = false;
        std::string key;
        V value{};
    };
    std::vector<Slot> slots_;
    std::size_t size_ = 0;
    std::size_t mask_ = 0;

    std::size_t probe_start(std::uint64_t h) const {
        // The high bits mix better than FNV-1a's low bits for short keys.
        return static_cast<std::size_t>((h ^ (h >> 29)) & mask_);
    }

    const V* find_hashed(std::string_view key, std::uint64_t h) const {
        if (slots_.empty()) return nullptr;
        for (std::size_t i = probe_start(h);; i = (i + 1) & mask_) {
            const Slot& s = slots_[i];
            if (!s.used) return nullptr;
            if (s.hash == h && s.key == key) return &s.value;
        }
    }

    void grow() {
        std::vector<Slot> old = std::move(slots_);
        const std::size_t n = old.empty() ? 16 : old.size() * 2;
        slots_ = std::vector<Slot>(n);
        mask_ = n - 1;
        for (Slot& o : old) {
            if (!o.used) continue;
            std::size_t i = probe_start(o.hash);
            while (slots_[i].used) i = (i + 1) & mask_;
            slots_[i] = std::move(o);
        }
    }
};

}  // namespace sitmap::core
