// docs/tutorial.md, tested: every code block of the tutorial is a complete file, a fragment of
// one, a rendered diagnostic, or a console session, and each is checked here (the markers are
// described in the tutorial's appendix).
//
//   <!-- file: STEP/NAME -->        a complete file; the .zy files of STEP form a pack
//   <!-- copy: FROM TO -->          folder TO starts as a copy of folder FROM
//   <!-- fragment [: STEP] -->      must appear verbatim in a file of its step
//   <!-- expect: STEP [dossier=PATH] [--param N=V]… CHECK… -->
//   <!-- diagnostic: STEP [dossier=PATH] -->   the block (or a console block's output) is
//                                   the diagnostics as the library renders them
//   ```console                      `$ zy …` lines run with the real zy; output compared
#include <stdio.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "zhuoyue/diagnostic.h"
#include "zhuoyue/zhuoyue.hpp"
#if __has_include("zhuoyue/format.h")
#include "zhuoyue/format.h"
#define ZHUOYUE_TUTORIAL_HAS_FORMAT 1
#endif

namespace zhuoyue {
namespace {

namespace fs = std::filesystem;

constexpr char kTutorial[] = "docs/tutorial.md";

// ------------------------------------------------------------------ the document

struct Block {
  int line = 0;        // 1-based line of the opening fence
  std::string lang;    // info string of the fence
  std::string marker;  // the comment directly above the fence, without <!-- -->; may be empty
  std::string step;    // the `## Step N` section it is in ("step3"), empty before the first
  std::string text;    // the lines between the fences, each ending in '\n'
};

struct Directive {
  int line = 0;
  std::string text;  // without <!-- -->
};

struct Document {
  std::vector<Block> blocks;
  std::vector<Directive> expects;  // `expect:` comments
  std::vector<Directive> copies;   // `copy:` comments
  // The files of each folder after every `file:` and `copy:` is applied in document order.
  std::map<std::string, std::map<std::string, std::string>> folders;
  std::vector<std::string> errors;  // problems with the markers themselves
};

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::vector<std::string> SplitWords(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

std::string Trim(const std::string& text) {
  size_t begin = text.find_first_not_of(" \t");
  size_t end = text.find_last_not_of(" \t");
  return begin == std::string::npos ? "" : text.substr(begin, end - begin + 1);
}

bool StartsWith(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

const std::regex& FolderPattern() {
  static const std::regex pattern("step[0-9]+(-[a-z]+)?");
  return pattern;
}

std::string At(int line) { return std::string(kTutorial) + ":" + std::to_string(line); }

Document Parse(const std::string& markdown) {
  Document doc;
  std::vector<std::string> lines = SplitLines(markdown);
  static const std::regex comment("^<!-- (.*) -->$");
  static const std::regex heading("^## Step ([0-9]+)\\b.*");
  static const std::regex file_marker("^file: (step[0-9]+(-[a-z]+)?)/([A-Za-z0-9_.-]+)$");
  std::string step, marker;
  std::set<std::string> shown;   // STEP/NAME given by a `file:` block
  std::set<std::string> frozen;  // folders already copied from: they may not change any more
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    int number = static_cast<int>(i) + 1;
    std::smatch match;
    if (std::regex_match(line, match, heading)) {
      step = "step" + match[1].str();
      marker.clear();
      continue;
    }
    if (std::regex_match(line, match, comment)) {
      marker = match[1].str();
      if (StartsWith(marker, "expect:")) {
        doc.expects.push_back({number, Trim(marker.substr(7))});
      } else if (StartsWith(marker, "copy:")) {
        std::vector<std::string> words = SplitWords(marker.substr(5));
        doc.copies.push_back({number, marker});
        if (words.size() != 2 || !std::regex_match(words[0], FolderPattern()) ||
            !std::regex_match(words[1], FolderPattern())) {
          doc.errors.push_back(At(number) + ": malformed copy marker");
        } else if (!doc.folders.contains(words[0])) {
          doc.errors.push_back(At(number) + ": copy from a folder with no files: " + words[0]);
        } else if (doc.folders.contains(words[1])) {
          doc.errors.push_back(At(number) + ": copy into a folder that exists: " + words[1]);
        } else {
          doc.folders[words[1]] = doc.folders[words[0]];
          frozen.insert(words[0]);
        }
      }
      continue;
    }
    if (!StartsWith(line, "```")) {
      if (!Trim(line).empty()) marker.clear();  // a marker binds to the very next block
      continue;
    }
    Block block{number, Trim(line.substr(3)), marker, step, ""};
    size_t j = i + 1;
    for (; j < lines.size() && !StartsWith(lines[j], "```"); ++j) block.text += lines[j] + "\n";
    if (j == lines.size()) {
      doc.errors.push_back(At(number) + ": unclosed code block");
      break;
    }
    i = j;
    marker.clear();
    if (std::regex_match(block.marker, match, file_marker)) {
      std::string folder = match[1].str(), name = match[3].str();
      std::string path = folder + "/" + name;
      if (!shown.insert(path).second) {
        doc.errors.push_back(At(number) + ": " + path + " is shown twice");
      }
      if (frozen.contains(folder)) {
        doc.errors.push_back(At(number) + ": " + folder +
                             " changes after it was copied; the copy would not see it");
      }
      std::string extension = fs::path(name).extension().string();
      if ((extension == ".zy" && block.lang != "zy") ||
          (extension == ".json" && block.lang != "json") ||
          (extension != ".zy" && extension != ".json")) {
        doc.errors.push_back(At(number) + ": " + path + " in a ```" + block.lang + " block");
      }
      doc.folders[folder][name] = block.text;
    }
    doc.blocks.push_back(std::move(block));
  }
  return doc;
}

const Document& Tutorial() {
  static const Document* doc =
      new Document(Parse(ReadFile(fs::path(ZHUOYUE_SOURCE_DIR) / kTutorial)));
  return *doc;
}

// ------------------------------------------------------------------ packs and dossiers

// The .zy files of a folder, in name order (as zy reads a folder), named "FOLDER/NAME".
std::vector<SourceText> PackSources(const std::string& folder) {
  std::vector<SourceText> sources;
  auto it = Tutorial().folders.find(folder);
  if (it == Tutorial().folders.end()) return sources;
  for (const auto& [name, text] : it->second) {  // std::map: name order
    if (fs::path(name).extension() == ".zy") sources.push_back({folder + "/" + name, text});
  }
  return sources;
}

struct Compiled {
  std::shared_ptr<const Pack> pack;  // null when it failed
  Diagnostics diagnostics;
};

Compiled CompileFolder(const std::string& folder) {
  Compiled compiled;
  auto pack = Pack::FromSources(PackSources(folder), &compiled.diagnostics);
  if (pack.ok()) compiled.pack = *pack;
  return compiled;
}

// A dossier path "FOLDER/NAME" → its text, if the tutorial shows or copies it.
std::optional<std::string> DossierText(const std::string& path) {
  size_t slash = path.find('/');
  if (slash == std::string::npos) return std::nullopt;
  auto folder = Tutorial().folders.find(path.substr(0, slash));
  if (folder == Tutorial().folders.end()) return std::nullopt;
  auto file = folder->second.find(path.substr(slash + 1));
  if (file == folder->second.end()) return std::nullopt;
  return file->second;
}

std::string Rendered(const Diagnostics& diagnostics) {
  std::string text;
  for (const Diagnostic& d : diagnostics) text += (text.empty() ? "" : "\n") + d.Render(false);
  return text;
}

std::string Located(const Diagnostic& d) {
  if (d.line > 0) {
    return d.code + "@" + d.file + ":" + std::to_string(d.line) + ":" + std::to_string(d.column);
  }
  return d.code + "@" + d.pointer;
}

std::string Joined(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) text += (text.empty() ? "" : ",") + item;
  return text;
}

// ------------------------------------------------------------------ expectations

struct Expectation {
  std::string folder;
  std::string dossier;  // "FOLDER/dossier.json" unless dossier= says otherwise
  EvaluateOptions options;
  std::vector<std::string> checks;
  std::vector<std::string> errors;  // error=CODE@LOCATION, in order
};

std::optional<Expectation> ParseExpectation(const std::string& text, std::string* problem) {
  std::vector<std::string> words = SplitWords(text);
  if (words.empty() || !std::regex_match(words[0], FolderPattern())) {
    *problem = "an expectation starts with a folder name";
    return std::nullopt;
  }
  Expectation e;
  e.folder = words[0];
  e.dossier = e.folder + "/dossier.json";
  for (size_t i = 1; i < words.size(); ++i) {
    const std::string& word = words[i];
    if (StartsWith(word, "dossier=")) {
      e.dossier = word.substr(8);
    } else if (word == "--param") {
      size_t equals = i + 1 < words.size() ? words[i + 1].find('=') : std::string::npos;
      if (equals == std::string::npos) {
        *problem = "--param needs NAME=VALUE";
        return std::nullopt;
      }
      e.options.params.emplace_back(words[i + 1].substr(0, equals),
                                    words[i + 1].substr(equals + 1));
      ++i;
    } else if (StartsWith(word, "error=")) {
      e.errors.push_back(word.substr(6));
    } else {
      e.checks.push_back(word);
    }
  }
  if (e.checks.empty() == e.errors.empty()) {
    *problem = "an expectation has either checks or error= entries";
    return std::nullopt;
  }
  return e;
}

const CriterionResult* FindCriterion(const Report& report, const std::string& id) {
  for (const RequirementResult& r : report.requirements) {
    for (const CriterionResult& c : r.criteria) {
      if (c.id == id) return &c;
    }
  }
  return nullptr;
}

const RequirementResult* FindRequirement(const Report& report, const std::string& id) {
  for (const RequirementResult& r : report.requirements) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

// Checks one CHECK against the report; an empty string when it holds, else the problem.
std::string Check(const Report& report, const std::string& check) {
  static const std::regex verdict("^([0-9]+(\\.[0-9]+)*)=(met|not_met|pending)$");
  static const std::regex call("^(witnesses|missing|judgement|level)\\(([0-9.]+)\\)=(.*)$");
  std::smatch match;
  if (StartsWith(check, "overall=")) {
    std::string want = check.substr(8);
    return report.overall == want ? "" : "overall is " + report.overall;
  }
  if (std::regex_match(check, match, verdict)) {
    std::string id = match[1].str(), want = match[3].str();
    if (id.find('.') != std::string::npos) {
      const CriterionResult* c = FindCriterion(report, id);
      if (c == nullptr) return "no criterion " + id;
      return VerdictName(c->verdict) == want ? ""
                                             : "criterion " + id + " is " + VerdictName(c->verdict);
    }
    const RequirementResult* r = FindRequirement(report, id);
    if (r == nullptr) return "no requirement " + id;
    return VerdictName(r->verdict) == want ? ""
                                           : "requirement " + id + " is " + VerdictName(r->verdict);
  }
  if (std::regex_match(check, match, call)) {
    std::string what = match[1].str(), id = match[2].str(), want = match[3].str();
    if (what == "level") {
      const RequirementResult* r = FindRequirement(report, id);
      if (r == nullptr) return "no requirement " + id;
      return r->level == want ? "" : "level is " + r->level;
    }
    const CriterionResult* c = FindCriterion(report, id);
    if (c == nullptr) return "no criterion " + id;
    std::string got = what == "witnesses" ? Joined(c->witnesses)
                      : what == "missing" ? Joined(c->missing)
                      : c->judgement      ? VerdictName(*c->judgement)
                                          : "(none)";
    return got == want ? "" : what + " is " + got;
  }
  return "unknown check form";
}

// ------------------------------------------------------------------ console sessions

// `expected` may hold lines "…", each standing for any number of lines.
bool LinesMatch(const std::vector<std::string>& expected, size_t e,
                const std::vector<std::string>& actual, size_t a) {
  if (e == expected.size()) return a == actual.size();
  if (expected[e] == "…") {
    for (size_t skip = a; skip <= actual.size(); ++skip) {
      if (LinesMatch(expected, e + 1, actual, skip)) return true;
    }
    return false;
  }
  return a < actual.size() && expected[e] == actual[a] &&
         LinesMatch(expected, e + 1, actual, a + 1);
}

// Lines without trailing blanks and without trailing empty lines.
std::vector<std::string> Normalized(const std::string& text) {
  std::vector<std::string> lines = SplitLines(text);
  for (std::string& line : lines) line.erase(line.find_last_not_of(" \t\r") + 1);
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  return lines;
}

std::string Quoted(const std::string& word) {
  std::string quoted = "'";
  for (char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// Writes every folder of the tutorial under a fresh temporary directory.
fs::path Materialize() {
  // mkdtemp replaces the trailing Xs with a unique suffix.
  std::string pattern = (fs::temp_directory_path() / "zy-tutorial-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) return {};
  fs::path root = pattern;
  for (const auto& [folder, files] : Tutorial().folders) {
    fs::create_directories(root / folder);
    for (const auto& [name, text] : files) {
      std::ofstream(root / folder / name, std::ios::binary) << text;
    }
  }
  return root;
}

std::string RunZy(const fs::path& directory, const std::string& binary,
                  const std::vector<std::string>& args) {
  std::string command = "cd " + Quoted(directory.string()) + " && " + Quoted(binary);
  for (const std::string& arg : args) command += " " + Quoted(arg);
  command += " 2>&1";
  std::string output;
  if (FILE* pipe = popen(command.c_str(), "r")) {
    char buffer[4096];
    for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) output.append(buffer, n);
    pclose(pipe);
  }
  return output;
}

// ------------------------------------------------------------------ the tests

TEST(Tutorial, MarkersAreWellFormed) {
  const Document& doc = Tutorial();
  EXPECT_THAT(doc.errors, ::testing::IsEmpty());
  // The tutorial has nine steps; a parse that finds far less has lost its way.
  EXPECT_GE(doc.folders.size(), 9u);
  EXPECT_GE(doc.expects.size(), 15u);
  EXPECT_GE(doc.blocks.size(), 40u);
}

TEST(Tutorial, EveryBlockIsTested) {
  for (const Block& block : Tutorial().blocks) {
    SCOPED_TRACE(At(block.line));
    if (block.lang == "console") {
      EXPECT_TRUE(block.marker.empty() || StartsWith(block.marker, "expect:") ||
                  StartsWith(block.marker, "diagnostic:"))
          << "a console block needs no marker but diagnostic:";
      continue;
    }
    bool marked = StartsWith(block.marker, "file:") || StartsWith(block.marker, "fragment") ||
                  StartsWith(block.marker, "diagnostic:");
    EXPECT_TRUE(marked) << "a ```" << block.lang
                        << " block without a file:, fragment or diagnostic: marker";
  }
}

TEST(Tutorial, EveryPackCompilesCleanlyUnlessAnErrorIsExpected) {
  std::set<std::string> failing;  // folders whose pack is expected to be refused
  for (const Directive& d : Tutorial().expects) {
    std::string problem;
    std::optional<Expectation> e = ParseExpectation(d.text, &problem);
    if (e && !e->errors.empty() && d.text.find("dossier=") == std::string::npos) {
      failing.insert(e->folder);
    }
  }
  for (const auto& [folder, files] : Tutorial().folders) {
    SCOPED_TRACE(folder);
    std::vector<SourceText> sources = PackSources(folder);
    ASSERT_FALSE(sources.empty()) << "a folder without a pack";
    Compiled compiled = CompileFolder(folder);
    if (failing.contains(folder)) {
      EXPECT_EQ(compiled.pack, nullptr) << "the pack was expected to be refused";
    } else {
      EXPECT_NE(compiled.pack, nullptr);
      EXPECT_EQ(Rendered(compiled.diagnostics), "") << "no error and no warning expected";
    }
  }
}

// The tutorial teaches by example, so its rule files are in the layout `zy fmt` gives.
TEST(Tutorial, RuleFilesAreInTheCanonicalLayout) {
#ifndef ZHUOYUE_TUTORIAL_HAS_FORMAT
  GTEST_SKIP() << "built without the formatter";
#else
  for (const Block& block : Tutorial().blocks) {
    if (!StartsWith(block.marker, "file:") || block.lang != "zy") continue;
    SCOPED_TRACE(At(block.line));
    Diagnostics diagnostics;
    absl::StatusOr<std::string> formatted =
        FormatRules(block.text, Trim(block.marker.substr(5)), &diagnostics);
    if (!formatted.ok()) {
      // Only a file meant to fail may fail to parse; the pack tests say which.
      EXPECT_TRUE(absl::IsInvalidArgument(formatted.status())) << formatted.status();
      continue;
    }
    EXPECT_EQ(*formatted, block.text) << "zy fmt would change this file";
  }
#endif
}

TEST(Tutorial, Expectations) {
  std::set<std::string> folders_used, dossiers_used;
  for (const Directive& d : Tutorial().expects) {
    SCOPED_TRACE(At(d.line) + ": " + d.text);
    std::string problem;
    std::optional<Expectation> e = ParseExpectation(d.text, &problem);
    ASSERT_TRUE(e.has_value()) << problem;
    folders_used.insert(e->folder);
    Compiled compiled = CompileFolder(e->folder);
    bool dossier_given = d.text.find("dossier=") != std::string::npos;
    if (!e->errors.empty() && !dossier_given) {  // the pack must be refused
      ASSERT_EQ(compiled.pack, nullptr);
      std::vector<std::string> got;
      for (const Diagnostic& diag : compiled.diagnostics) got.push_back(Located(diag));
      EXPECT_EQ(got, e->errors) << Rendered(compiled.diagnostics);
      continue;
    }
    ASSERT_NE(compiled.pack, nullptr) << Rendered(compiled.diagnostics);
    std::optional<std::string> json = DossierText(e->dossier);
    ASSERT_TRUE(json.has_value()) << "the tutorial shows no file " << e->dossier;
    dossiers_used.insert(e->dossier);
    Diagnostics problems;
    auto dossier = Dossier::FromJson(*compiled.pack, *json, e->dossier, &problems);
    if (!e->errors.empty()) {  // the dossier must be refused
      ASSERT_FALSE(dossier.ok());
      std::vector<std::string> got;
      for (const Diagnostic& diag : problems) got.push_back(Located(diag));
      EXPECT_EQ(got, e->errors) << Rendered(problems);
      continue;
    }
    ASSERT_TRUE(dossier.ok()) << Rendered(problems);
    auto report = Evaluate(*compiled.pack, **dossier, e->options);
    ASSERT_TRUE(report.ok()) << report.status();
    for (const std::string& check : e->checks) {
      std::string failure = Check(*report, check);
      EXPECT_EQ(failure, "") << check << "\n" << ReportToText(*report, false);
    }
  }
  // Every folder is evaluated (or refused) at least once, and every dossier shown is read.
  for (const auto& [folder, files] : Tutorial().folders) {
    EXPECT_TRUE(folders_used.contains(folder)) << folder << " has no expectation";
  }
  for (const Block& block : Tutorial().blocks) {
    if (!StartsWith(block.marker, "file:") || block.lang != "json") continue;
    std::string path = Trim(block.marker.substr(5));
    EXPECT_TRUE(dossiers_used.contains(path))
        << At(block.line) << ": " << path << " is never evaluated";
  }
}

TEST(Tutorial, FragmentsAppearInTheirStep) {
  static const std::regex named("^fragment(: (step[0-9]+(-[a-z]+)?))?$");
  int fragments = 0;
  for (const Block& block : Tutorial().blocks) {
    if (!StartsWith(block.marker, "fragment")) continue;
    SCOPED_TRACE(At(block.line));
    ++fragments;
    std::smatch match;
    ASSERT_TRUE(std::regex_match(block.marker, match, named)) << block.marker;
    std::string folder = match[2].matched ? match[2].str() : block.step;
    ASSERT_FALSE(folder.empty()) << "a fragment before the first step names its folder";
    auto files = Tutorial().folders.find(folder);
    ASSERT_NE(files, Tutorial().folders.end()) << "no folder " << folder;
    std::string text = block.text.substr(0, block.text.size() - 1);  // without the last '\n'
    ASSERT_FALSE(Trim(text).empty());
    bool found = std::any_of(files->second.begin(), files->second.end(), [&](const auto& file) {
      return file.second.find(text) != std::string::npos;
    });
    EXPECT_TRUE(found) << "not found verbatim in any file of " << folder << ":\n" << text;
  }
  EXPECT_GE(fragments, 5);
}

TEST(Tutorial, DiagnosticsAreWhatTheLibraryRenders) {
  static const std::regex form("^diagnostic: (step[0-9]+(-[a-z]+)?)( dossier=(\\S+))?$");
  int shown = 0;
  for (const Block& block : Tutorial().blocks) {
    if (!StartsWith(block.marker, "diagnostic:")) continue;
    SCOPED_TRACE(At(block.line));
    ++shown;
    std::smatch match;
    ASSERT_TRUE(std::regex_match(block.marker, match, form)) << block.marker;
    Compiled compiled = CompileFolder(match[1].str());
    Diagnostics diagnostics = compiled.diagnostics;
    if (match[4].matched) {
      ASSERT_NE(compiled.pack, nullptr) << Rendered(compiled.diagnostics);
      std::optional<std::string> json = DossierText(match[4].str());
      ASSERT_TRUE(json.has_value());
      diagnostics.clear();
      EXPECT_FALSE(Dossier::FromJson(*compiled.pack, *json, match[4].str(), &diagnostics).ok());
    }
    ASSERT_FALSE(diagnostics.empty());
    if (block.lang == "console") {
      // What zy printed (checked against zy itself below) is what the library renders:
      // the command line, then the diagnostics.
      std::vector<std::string> lines = Normalized(block.text);
      ASSERT_FALSE(lines.empty());
      EXPECT_TRUE(StartsWith(lines[0], "$ zy "));
      lines.erase(lines.begin());
      EXPECT_EQ(lines, Normalized(Rendered(diagnostics)));
    } else {
      EXPECT_EQ(block.text, Rendered(diagnostics));
    }
  }
  EXPECT_GE(shown, 1);
}

TEST(Tutorial, ConsoleSessionsAreWhatZyPrints) {
#ifndef ZY_BINARY
  GTEST_SKIP() << "built without the zy command";
#else
  fs::path root = Materialize();
  ASSERT_FALSE(root.empty());
  struct Cleanup {
    fs::path root;
    ~Cleanup() {
      std::error_code ignored;
      fs::remove_all(root, ignored);
    }
  } cleanup{root};
  int commands = 0;
  for (const Block& block : Tutorial().blocks) {
    if (block.lang != "console") continue;
    std::vector<std::string> lines = SplitLines(block.text);
    for (size_t i = 0; i < lines.size();) {
      SCOPED_TRACE(At(block.line + 1 + static_cast<int>(i)) + ": " + lines[i]);
      ASSERT_TRUE(StartsWith(lines[i], "$ zy ")) << "a console block runs zy commands only";
      ASSERT_EQ(lines[i].find_first_of("'\"\\$`;|&<>*?", 1), std::string::npos)
          << "commands are plain words, so that they run the same everywhere";
      std::vector<std::string> args = SplitWords(lines[i].substr(5));
      std::vector<std::string> expected;
      for (++i; i < lines.size() && !StartsWith(lines[i], "$ "); ++i) expected.push_back(lines[i]);
      std::string joined;
      for (const std::string& line : expected) joined += line + "\n";
      expected = Normalized(joined);
      std::string output = RunZy(root, ZY_BINARY, args);
      ++commands;
      EXPECT_TRUE(LinesMatch(expected, 0, Normalized(output), 0)) << "zy printed:\n" << output;
    }
  }
  EXPECT_GE(commands, 10);
#endif
}

}  // namespace
}  // namespace zhuoyue
