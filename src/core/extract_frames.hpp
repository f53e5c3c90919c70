// Extraction stage 2, sentences, clauses and event frames: a passage is split into sentences
// (the part of the Unicode sentence rules news needs, plus abbreviations), a sentence into clauses
// (at ; : — and at ", and" / ", while" / ", after" ...), and each clause with an event word gives a
// frame: the event word, its type, and the token range it governs. A claim and the act it reports
// ("the ministry said forces shelled Tartar") give two frames, a statement and the act; two acts
// joined in one sentence give two, and so do two claims ("A said X, B admitted Y") and a clause that
// leaves out the verb of the act before it ("Jabrayil fell in early October, Fuzuli in late
// October"); ", saying ..." opens a clause of its own. Forecasts, negated acts, questions and remarks
// about the reporting itself ("no further details were released") give none. Part of sitmap_core:
// std only.
#pragma once
#include "core/document.hpp"
#include "core/extract_lexicon.hpp"
#include "core/text_tokens.hpp"

#include <vector>

namespace sitmap::core::extract {

/// Byte ranges of the sentences of `text` (whitespace trimmed).
std::vector<TextSpan> split_sentences(std::string_view text);

struct Frame {
    std::size_t trigger = 0;  ///< token index of the event word
    Trigger word;             ///< what it says
    std::size_t begin = 0;    ///< token range the frame governs: its dates and places come from here
    std::size_t end = 0;
    std::size_t quote_begin = 0;  ///< token range of the clause quoted for it
    std::size_t quote_end = 0;
    bool statement = false;  ///< a claim, denial, appeal ...
    bool reported = false;   ///< an act that a statement in the same clause reports
    bool hedged = false;     ///< "reportedly", "allegedly"
    bool present = false;    ///< told in the present or present perfect: happening now
    bool gapped = false;     ///< a clause that leaves out the act's verb ("..., Fuzuli in late October")
    bool document = false;   ///< the event word names an agreed document ("the trilateral statement of 10 November")
};

/// The frames of one sentence (tokens from tokenize(sentence)), in text order.
std::vector<Frame> find_frames(std::string_view sentence, const std::vector<Token>& tokens);

/// True when the sentence says nothing happened or talks about the reporting itself.
bool is_meta_sentence(const std::vector<Token>& tokens);

}  // namespace sitmap::core::extract
