// The dossier as a document, between reading an input and filling the tables.
//
// Every input form is read into one small DOM of JSON values (dom.h): the JSON text by
// json_loader.cc, a CSV bundle by csv_loader.cc. LoadDom, the second pass, walks it along
// the pack's schema into DossierTables, so that types, closed sets, ids, references and
// bounds are checked once, the same way, whatever the input was. Internal to lib/load.
#ifndef ZHUOYUE_LIB_LOAD_DOM_H_
#define ZHUOYUE_LIB_LOAD_DOM_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "base/codes.h"
#include "check/schema.h"
#include "load/dossier.h"
#include "zhuoyue/diagnostic.h"

namespace zhuoyue::load {

// ---------------------------------------------------------------------------------------
// Diagnostics

// absl::StrCat and StrJoin take absl::string_view, which Debian's Abseil does not alias to
// std::string_view; these cover what messages need.
template <typename... Parts>
std::string Cat(const Parts&... parts) {
  std::string out;
  auto append = [&out](const auto& part) {
    if constexpr (std::is_integral_v<std::decay_t<decltype(part)>>) {
      out += std::to_string(part);
    } else {
      out += std::string_view(part);
    }
  };
  (append(parts), ...);
  return out;
}

template <typename Strings>
std::string Join(const Strings& parts, std::string_view separator) {
  std::string out;
  bool first = true;
  for (const auto& part : parts) {
    if (!first) out += separator;
    first = false;
    out += std::string_view(part);
  }
  return out;
}

// Appends the load's errors to the caller's list and enforces `max_errors`.
class Reporter {
 public:
  Reporter(std::string_view file, Diagnostics& out, size_t max_errors)
      : file_(file), out_(out), max_errors_(max_errors) {}

  void Error(std::string_view code, std::string pointer, std::string message, int line = 0,
             int column = 0) {
    if (stopped_) return;
    if (count_ == max_errors_) {
      stopped_ = true;
      Add(codes::kTooManyErrors, "", Cat("too many errors; stopped after ", count_), 0, 0);
      return;
    }
    ++count_;
    Add(code, std::move(pointer), std::move(message), line, column);
  }

  // An error in one file of an input made of several (a CSV bundle): `file` replaces the
  // input's name.
  void ErrorIn(std::string_view code, std::string file, int line, int column, std::string message) {
    const size_t before = out_.size();
    Error(code, "", std::move(message), line, column);
    if (out_.size() > before && out_.back().code == code) out_.back().file = std::move(file);
  }

  // True once anything was reported (even with max_errors == 0).
  bool failed() const { return count_ > 0 || stopped_; }
  // True once the limit was hit: callers stop walking, nothing more would be reported.
  bool stopped() const { return stopped_; }

  // For inputs that are not JSON text (a CSV bundle): turns the JSON pointer of each
  // diagnostic into the file, line and column it came from.
  void set_locator(std::function<void(Diagnostic&)> locator) { locator_ = std::move(locator); }

 private:
  void Add(std::string_view code, std::string pointer, std::string message, int line, int column) {
    Diagnostic& d = out_.emplace_back();
    d.code = std::string(code);
    d.file = file_;
    d.line = line;
    d.column = column;
    d.pointer = std::move(pointer);
    d.message = std::move(message);
    if (locator_ && d.line == 0 && !d.pointer.empty()) locator_(d);
  }

  std::string file_;
  Diagnostics& out_;
  size_t max_errors_;
  size_t count_ = 0;
  bool stopped_ = false;
  std::function<void(Diagnostic&)> locator_;
};

// Appends `token` to a JSON pointer, escaped as RFC 6901 requires.
void AppendPointerToken(std::string& pointer, std::string_view token);

// 1-based line and column of byte `offset`; columns count UTF-8 characters, not bytes.
std::pair<int, int> LineColumn(std::string_view text, size_t offset);

// ---------------------------------------------------------------------------------------
// The DOM

enum class Kind : uint8_t { kNull, kBool, kNumber, kString, kArray, kObject };

constexpr uint32_t kNoNode = UINT32_MAX;

// One JSON value. Containers link their children (first_child, then next_sibling), so the
// whole document is one vector and one text arena.
struct Node {
  Kind kind = Kind::kNull;
  bool boolean = false;
  uint32_t first_child = kNoNode;
  uint32_t next_sibling = kNoNode;
  uint32_t size = 0;  // members or items
  // As a member of an object: its key in the arena.
  size_t key_begin = 0;
  size_t key_size = 0;
  // kString: the decoded text; kNumber: the literal as written (integers: their decimal).
  size_t text_begin = 0;
  size_t text_size = 0;
};

struct Dom {
  std::vector<Node> nodes;  // nodes[0] is the root
  std::string arena;        // keys, strings and number literals, back to back

  std::string_view Key(const Node& n) const { return {arena.data() + n.key_begin, n.key_size}; }
  std::string_view Text(const Node& n) const { return {arena.data() + n.text_begin, n.text_size}; }
};

// `text`, or its first 40 bytes and its length when longer, for messages.
std::string Abridged(std::string_view text);

// "null", "a boolean", "a number", … for messages.
std::string_view KindName(Kind kind);

// Compact JSON text of a value, for members the schema does not declare.
std::string ToJson(const Dom& dom, uint32_t id);

// Pass 2 of every loader: walks `dom` (the dossier as a JSON document) along `schema`,
// filling `dossier` row by row, then resolves references, checks bounds that go through
// references and finishes the child-table indexes. Problems go to `reporter`.
void LoadDom(const Dom& dom, const Schema& schema, Reporter& reporter, DossierTables& dossier);

}  // namespace zhuoyue::load

#endif  // ZHUOYUE_LIB_LOAD_DOM_H_
