// The JSON dossier loader, in two passes:
//
// 1. Parse: nlohmann's SAX reader feeds DomBuilder, which builds the flat DOM of dom.h
//    (objects keep their members in order, numbers keep their literal text) and checks what
//    only the text can tell: well-formedness, duplicate keys, nesting depth, finite numbers.
// 2. Load: LoadDom (dom_loader.cc) walks the DOM along the schema into DossierTables.
//
// Error codes are declared in base/diagnostic_kinds.def.
#include "load/json_loader.h"

#include <charconv>
#include <cstdint>
#include <exception>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "base/codes.h"
#include "load/dom.h"

namespace zhuoyue {
namespace {

using namespace codes;  // NOLINT: the codes are this file's vocabulary.
using namespace load;   // NOLINT: the DOM is what this file builds.

// ---------------------------------------------------------------------------------------
// Pass 1: JSON text -> DOM (a SAX handler for nlohmann::json::sax_parse)

class DomBuilder {
 public:
  using json = nlohmann::json;

  DomBuilder(std::string_view input, const LoadOptions& options, Dom& dom, Reporter& reporter)
      : input_(input),
        max_depth_(options.max_depth),
        max_text_bytes_(options.max_text_bytes),
        dom_(dom),
        reporter_(reporter) {
    // Decoded text is never longer than its source, so the arena never reallocates; a
    // dossier has roughly one value per eight bytes of text.
    dom_.arena.reserve(input.size());
    dom_.nodes.reserve(input.size() / 8 + 1);
  }

  bool null() {
    Add(Kind::kNull);
    return true;
  }
  bool boolean(bool value) {
    dom_.nodes[Add(Kind::kBool)].boolean = value;
    return true;
  }
  bool number_integer(json::number_integer_t value) { return Integer(value); }
  bool number_unsigned(json::number_unsigned_t value) { return Integer(value); }
  // `text` is the literal as written: the value stays exact (Number::Parse reads it later).
  bool number_float(json::number_float_t, const json::string_t& text) {
    AddText(Kind::kNumber, text);
    return true;
  }
  bool string(json::string_t& text) {
    if (!WithinTextLimit(text, NextPointer())) return false;
    AddText(Kind::kString, text);
    return true;
  }
  bool binary(json::binary_t&) { return true; }  // only binary formats produce it, not JSON
  bool start_object(std::size_t) { return Open(Kind::kObject); }
  bool key(json::string_t& key) {
    if (!WithinTextLimit(key, OpenPointer())) return false;  // the object holding it
    pending_key_ = Append(key);
    return true;
  }
  bool end_object() {
    CheckDuplicateKeys();
    stack_.pop_back();
    return !reporter_.stopped();
  }
  bool start_array(std::size_t) { return Open(Kind::kArray); }
  bool end_array() {
    stack_.pop_back();
    return true;
  }

  bool parse_error(std::size_t position, const std::string& last_token,
                   const nlohmann::detail::exception& error) {
    // `position` counts the bytes read, the failing one included (the end of input counts
    // as one more), so the text stopped making sense at `position - 1`. `last_token` may
    // include earlier text, so it only serves to clean the message.
    size_t offset = std::min(position, input_.size() + 1);
    offset = offset == 0 ? 0 : offset - 1;
    if (error.id == 406) {  // out_of_range.406: a literal that overflows to infinity
      while (offset > 0 && IsNumberChar(input_[offset - 1])) --offset;
      auto [line, column] = LineColumn(input_, offset);
      reporter_.Error(kBadNumber, NextPointer(), "number is not finite", line, column);
      return false;
    }
    auto [line, column] = LineColumn(input_, offset);
    reporter_.Error(kMalformedJson, "",
                    Cat("malformed json: ", ParseErrorDetail(error.what(), last_token)), line,
                    column);
    return false;
  }

 private:
  struct Frame {
    uint32_t node;
    uint32_t last_child;
  };
  struct Span {
    size_t begin = 0;
    size_t size = 0;
  };

  static bool IsNumberChar(char c) {
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
  }

  // nlohmann's what(): "[json.exception.parse_error.101] parse error at line 1, column 7:
  // syntax error while parsing value - invalid literal; last read: '…'; expected …". Keep
  // what follows " - ", without the last-read part: our location is better, and the token
  // may hold invalid UTF-8.
  static std::string ParseErrorDetail(std::string_view what, const std::string& last_token) {
    size_t syntax = what.find("syntax error");
    size_t dash = syntax == std::string_view::npos ? syntax : what.find(" - ", syntax);
    std::string detail(dash == std::string_view::npos ? what : what.substr(dash + 3));
    const std::string last_read = Cat("; last read: '", last_token, "'");
    if (size_t at = detail.find(last_read); at != std::string::npos) {
      detail.erase(at, last_read.size());
    }
    return detail;
  }

  Span Append(std::string_view text) {
    Span span{dom_.arena.size(), text.size()};
    dom_.arena.append(text);
    return span;
  }

  template <typename Int>
  bool Integer(Int value) {
    char buffer[24];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    AddText(Kind::kNumber, std::string_view(buffer, end - buffer));
    return true;
  }

  void AddText(Kind kind, std::string_view text) {
    Span span = Append(text);
    Node& n = dom_.nodes[Add(kind)];
    n.text_begin = span.begin;
    n.text_size = span.size;
  }

  // Adds a value to the innermost open container (as the member named by the pending key,
  // or as the next item) and returns its index.
  uint32_t Add(Kind kind) {
    const auto id = static_cast<uint32_t>(dom_.nodes.size());
    Node& n = dom_.nodes.emplace_back();
    n.kind = kind;
    if (!stack_.empty()) {
      Frame& frame = stack_.back();
      Node& parent = dom_.nodes[frame.node];
      if (parent.kind == Kind::kObject) {
        n.key_begin = pending_key_.begin;
        n.key_size = pending_key_.size;
      }
      if (frame.last_child == kNoNode) {
        parent.first_child = id;
      } else {
        dom_.nodes[frame.last_child].next_sibling = id;
      }
      frame.last_child = id;
      ++parent.size;
    }
    return id;
  }

  bool Open(Kind kind) {
    if (stack_.size() >= static_cast<size_t>(std::max(max_depth_, 0))) {
      reporter_.Error(kTooDeep, NextPointer(), Cat("nesting deeper than ", max_depth_, " levels"));
      return false;
    }
    stack_.push_back({Add(kind), kNoNode});
    return true;
  }

  // Pointer of the innermost open container: each frame is the last child of the one below.
  std::string OpenPointer() const {
    std::string pointer;
    for (size_t i = 1; i < stack_.size(); ++i) {
      const Node& parent = dom_.nodes[stack_[i - 1].node];
      if (parent.kind == Kind::kObject) {
        AppendPointerToken(pointer, dom_.Key(dom_.nodes[stack_[i].node]));
      } else {
        AppendPointerToken(pointer, Cat(parent.size - 1));
      }
    }
    return pointer;
  }

  // A text over the limit stops the load, reported at `pointer`: the rest of the input is
  // suspect.
  bool WithinTextLimit(std::string_view text, std::string pointer) {
    if (text.size() <= max_text_bytes_) return true;
    reporter_.Error(kTooLarge, std::move(pointer),
                    Cat("a text of ", text.size(), " bytes; the limit is ", max_text_bytes_));
    return false;
  }
  // Pointer of the value about to be added.
  std::string NextPointer() const {
    std::string pointer = OpenPointer();
    if (stack_.empty()) return pointer;
    const Node& top = dom_.nodes[stack_.back().node];
    if (top.kind == Kind::kObject) {
      AppendPointerToken(pointer, {dom_.arena.data() + pending_key_.begin, pending_key_.size});
    } else {
      AppendPointerToken(pointer, Cat(top.size));
    }
    return pointer;
  }

  // Reports every key of the closing object that an earlier member already used. Sorting
  // (stably, so the first occurrence stays first) keeps large objects O(n log n).
  void CheckDuplicateKeys() {
    const Node& object = dom_.nodes[stack_.back().node];
    if (object.size < 2) return;
    members_.clear();
    for (uint32_t c = object.first_child; c != kNoNode; c = dom_.nodes[c].next_sibling) {
      members_.push_back(c);
    }
    auto key = [this](uint32_t id) { return dom_.Key(dom_.nodes[id]); };
    std::stable_sort(members_.begin(), members_.end(),
                     [&](uint32_t a, uint32_t b) { return key(a) < key(b); });
    for (size_t i = 1; i < members_.size(); ++i) {
      if (key(members_[i]) != key(members_[i - 1])) continue;
      std::string pointer = OpenPointer();
      AppendPointerToken(pointer, key(members_[i]));
      std::string message = Cat("duplicate key \"", key(members_[i]), "\"");
      reporter_.Error(kDuplicateKey, std::move(pointer), std::move(message));
    }
  }

  std::string_view input_;
  int max_depth_;
  size_t max_text_bytes_;
  Dom& dom_;
  Reporter& reporter_;
  std::vector<Frame> stack_;
  Span pending_key_;
  std::vector<uint32_t> members_;  // scratch of CheckDuplicateKeys
};

// Parses `input` into `dom`; false when the text could not be read to its end.
bool ParseJson(std::string_view input, const LoadOptions& options, Dom& dom, Reporter& reporter) {
  // JSON text cannot hold a raw NUL (inside a string it is written \u0000), and nlohmann's
  // lexer would take one for the end of the input, ignoring whatever follows it.
  if (size_t nul = input.find('\0'); nul != std::string_view::npos) {
    // A NUL among the first bytes, or a UTF-16 byte-order mark: a UTF-16 or UTF-32 file.
    const bool wide = input.size() >= 4 && nul < 4 &&
                      input.substr(0, 4).find_first_not_of('\0') != std::string_view::npos;
    if (wide || input.starts_with("\xFF\xFE") || input.starts_with("\xFE\xFF")) {
      reporter.Error(kMalformedJson, "", "the file is UTF-16 or UTF-32; a dossier is UTF-8", 1, 1);
      return false;
    }
    auto [line, column] = LineColumn(input, nul);
    reporter.Error(kMalformedJson, "", "a NUL byte; JSON text cannot contain one unescaped", line,
                   column);
    return false;
  }
  DomBuilder builder(input, options, dom, reporter);
  return nlohmann::json::sax_parse(input.data(), input.data() + input.size(), &builder);
}

}  // namespace

void ReportTooLarge(std::string_view name, uint64_t size, const LoadOptions& options,
                    Diagnostics& diagnostics) {
  Reporter(name, diagnostics, options.max_errors)
      .Error(kTooLarge, "",
             Cat("the input is ", size, " bytes; the limit is ", options.max_bytes, " bytes"));
}

std::unique_ptr<DossierTables> LoadJsonDossier(std::string_view json, std::string_view source_name,
                                               const Schema& schema, Diagnostics& diagnostics,
                                               const LoadOptions& options) {
  if (json.size() > options.max_bytes) {
    ReportTooLarge(source_name, json.size(), options, diagnostics);
    return nullptr;
  }
  Reporter reporter(source_name, diagnostics, options.max_errors);
  // nlohmann reports syntax errors through the handler, but allocation failures and the like
  // still throw; nothing may cross this boundary.
  try {
    Dom dom;
    if (!ParseJson(json, options, dom, reporter)) return nullptr;
    auto dossier = std::make_unique<DossierTables>();
    dossier->source_name = std::string(source_name);
    LoadDom(dom, schema, reporter, *dossier);
    if (reporter.failed()) return nullptr;
    return dossier;
  } catch (const std::exception& e) {
    reporter.Error(kMalformedJson, "", Cat("could not read the dossier: ", e.what()));
  } catch (...) {
    reporter.Error(kMalformedJson, "", "could not read the dossier");
  }
  return nullptr;
}

}  // namespace zhuoyue