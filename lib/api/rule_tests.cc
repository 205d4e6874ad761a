// RunRuleTests (include/zhuoyue/rule_tests.h): the criteria corpus format run as rule tests.
#include "zhuoyue/rule_tests.h"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <system_error>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "zhuoyue/explain.h"

namespace zhuoyue {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;  // expectations are checked in file order

// A malformed case: the message already carries its location.
struct Malformed {
  std::string message;
};

bool ReadText(const fs::path& path, std::string& text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream out;
  out << in.rdbuf();
  text = out.str();
  return true;
}

// nlohmann's "[json.exception.type_error.302] message" without the bracket.
std::string CleanWhat(const std::exception& e) {
  std::string what = e.what();
  if (what.starts_with("[json.exception.")) {
    size_t close = what.find("] ");
    if (close != std::string::npos) what = what.substr(close + 2);
  }
  static const std::regex kAt(R"(^parse error at line \d+, column \d+: )");
  what = std::regex_replace(what, kAt, "");
  return what;
}

std::string List(const std::vector<std::string>& items) {
  return absl::StrCat("[", absl::StrJoin(items, ", "), "]");
}

// "LINE:COLUMN" of byte `offset` (1-based; columns count bytes).
std::string LineColumn(const std::string& text, size_t offset) {
  offset = std::min(offset, text.size());
  size_t line = 1, column = 1;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return absl::StrCat(line, ":", column);
}

const CriterionResult* FindCriterion(const Report& report, const std::string& id) {
  for (const RequirementResult& r : report.requirements) {
    for (const CriterionResult& c : r.criteria) {
      if (c.id == id) return &c;
    }
  }
  return nullptr;
}

// The expected string at `json`, or a located Malformed.
std::string ExpectString(const Json& json, const std::string& where, const std::string& file) {
  if (!json.is_string()) throw Malformed{absl::StrCat(file, ": at ", where, ": expected a string")};
  return json.get<std::string>();
}

std::vector<std::string> ExpectList(const Json& json, const std::string& where,
                                    const std::string& file) {
  bool ok = json.is_array() && std::all_of(json.begin(), json.end(),
                                           [](const Json& item) { return item.is_string(); });
  if (!ok) throw Malformed{absl::StrCat(file, ": at ", where, ": expected a list of strings")};
  return json.get<std::vector<std::string>>();
}

void Compare(const std::string& what, const std::string& expected, const std::string& got,
             std::vector<std::string>& failures) {
  if (expected != got)
    failures.push_back(absl::StrCat(what, ": expected ", expected, ", got ", got));
}

// Compares each listed expectation with the report.
void CheckExpectations(const Json& expect, const Report& report, const std::string& file,
                       std::vector<std::string>& failures) {
  static const std::regex kCriterion(R"(\d+\.\d+)"), kRequirement(R"(\d+)"), kPoint(R"(G\d+)");
  if (!expect.is_object()) throw Malformed{file + ": at /expect: expected an object"};
  for (const auto& [key, expected] : expect.items()) {
    const std::string where = "/expect/" + key;
    if (std::regex_match(key, kCriterion) || std::regex_match(key, kRequirement) ||
        std::regex_match(key, kPoint)) {
      if (!expected.is_object() || !expected.contains("verdict")) {
        throw Malformed{absl::StrCat(file, ": at ", where, ": expected {\"verdict\": …}")};
      }
    }
    if (std::regex_match(key, kCriterion)) {
      const CriterionResult* c = FindCriterion(report, key);
      if (c == nullptr) {
        failures.push_back(key + ": no such criterion in the pack");
        continue;
      }
      Compare(key + " verdict", ExpectString(expected["verdict"], where + "/verdict", file),
              VerdictName(c->verdict), failures);
      if (expected.contains("witnesses")) {
        Compare(key + " witnesses",
                List(ExpectList(expected["witnesses"], where + "/witnesses", file)),
                List(c->witnesses), failures);
      }
    } else if (std::regex_match(key, kRequirement)) {
      auto r = std::find_if(report.requirements.begin(), report.requirements.end(),
                            [&key = key](const RequirementResult& r) { return r.id == key; });
      if (r == report.requirements.end()) {
        failures.push_back(key + ": no such requirement in the pack");
        continue;
      }
      Compare(key + " verdict", ExpectString(expected["verdict"], where + "/verdict", file),
              VerdictName(r->verdict), failures);
      if (expected.contains("level")) {
        Compare(key + " level", ExpectString(expected["level"], where + "/level", file), r->level,
                failures);
      }
    } else if (std::regex_match(key, kPoint)) {
      auto g = std::find_if(report.general_standard.begin(), report.general_standard.end(),
                            [&key = key](const GeneralPointResult& g) { return g.id == key; });
      if (g == report.general_standard.end()) {
        failures.push_back(key + ": no such general point in the pack");
        continue;
      }
      Compare(key + " verdict", ExpectString(expected["verdict"], where + "/verdict", file),
              VerdictName(g->verdict), failures);
    } else if (key == "overall") {
      Compare("overall", ExpectString(expected, where, file), report.overall, failures);
    } else if (key.starts_with("eligibility.")) {
      std::string id = key.substr(std::string("eligibility.").size());
      auto e = std::find_if(report.eligibility.begin(), report.eligibility.end(),
                            [&](const EligibilityResult& e) { return e.id == id; });
      if (e == report.eligibility.end()) {
        failures.push_back(key + ": no such eligibility condition in the pack");
        continue;
      }
      Compare(key, ExpectString(expected, where, file), VerdictName(e->verdict), failures);
    } else if (key == "coverage") {
      const Coverage& coverage = report.coverage;
      const std::map<std::string, const std::vector<std::string>*> lists = {
          {"uncovered_points", &coverage.uncovered_points},
          {"unassessed_points", &coverage.unassessed_points},
          {"courses_without_assessment", &coverage.courses_without_assessment},
          {"orphan_courses", &coverage.orphan_courses}};
      if (!expected.is_object()) throw Malformed{file + ": at " + where + ": expected an object"};
      for (const auto& [list, ids] : expected.items()) {
        if (!lists.contains(list)) {
          throw Malformed{absl::StrCat(file, ": at ", where, "/", list, ": unknown coverage list")};
        }
        Compare("coverage." + list, List(ExpectList(ids, where + "/" + list, file)),
                List(*lists.at(list)), failures);
      }
    } else {
      throw Malformed{absl::StrCat(file, ": at ", where, ": unknown expectation key `", key, "`")};
    }
  }
}

// Walks a trace and records the value of each boolean sub-expression: not the root (the
// criterion), not a member line; an expression that ever shows another value (a number, a
// text, "N members") is no condition and goes to `other`.
void CollectConditions(const Trace& trace, bool root, CriterionCoverage& coverage,
                       std::map<std::string, size_t>& index, std::set<std::string>& other) {
  if (!root && !trace.expression.starts_with("member ")) {
    if (trace.value == "true" || trace.value == "false" || trace.value == "unknown") {
      auto [it, inserted] = index.emplace(trace.expression, coverage.conditions.size());
      if (inserted) coverage.conditions.push_back({trace.expression});
      SubConditionCoverage& condition = coverage.conditions[it->second];
      condition.can_be_true = trace.can_be_true;
      condition.can_be_false = trace.can_be_false;
      condition.can_be_unknown = trace.can_be_unknown;
      (trace.value == "true"    ? condition.seen_true
       : trace.value == "false" ? condition.seen_false
                                : condition.seen_unknown) = true;
    } else {
      other.insert(trace.expression);
    }
  }
  for (const Trace& child : trace.children) {
    CollectConditions(child, false, coverage, index, other);
  }
}

class Runner {
 public:
  Runner(const Pack& pack, const RuleTestOptions& options) : pack_(pack), options_(options) {}

  // `found`: met in a directory scan, where a JSON file with neither `base` nor `expect` (a
  // dossier shipped next to the cases) is no case and is skipped.
  void Run(const fs::path& path, bool found, RuleTestResult& result) {
    RuleTestCase test{path.stem().string(), path.string(), {}, {}};
    try {
      if (!RunCase(path, found, test)) return;
    } catch (const Malformed& m) {
      test.error = m.message;
    } catch (const std::exception& e) {
      test.error = absl::StrCat(path.string(), ": ", CleanWhat(e));
    } catch (...) {
      test.error = absl::StrCat(path.string(), ": unexpected failure");
    }
    ++(test.passed() ? result.passed : result.failed);
    result.cases.push_back(std::move(test));
  }

  std::vector<CriterionCoverage> TakeCoverage() {
    std::vector<CriterionCoverage> coverage;
    for (const std::string& id : order_) {
      Collected& collected = criteria_[id];
      std::erase_if(collected.coverage.conditions, [&](const SubConditionCoverage& c) {
        return collected.other.contains(c.expression);
      });
      coverage.push_back(std::move(collected.coverage));
    }
    return coverage;
  }

 private:
  struct Collected {
    CriterionCoverage coverage;
    std::map<std::string, size_t> index;
    std::set<std::string> other;  // expressions seen with a value that is no truth value
  };

  // False for a skipped file.
  bool RunCase(const fs::path& path, bool found, RuleTestCase& test) {
    const std::string file = path.string();
    std::string text;
    if (!ReadText(path, text)) throw Malformed{file + ": cannot read the file"};
    Json json;
    try {
      json = Json::parse(text);
    } catch (const Json::parse_error& e) {
      throw Malformed{absl::StrCat(file, ":", LineColumn(text, e.byte == 0 ? 0 : e.byte - 1),
                                   ": invalid JSON: ", CleanWhat(e))};
    }
    if (!json.is_object()) throw Malformed{file + ": at /: expected a case object"};
    if (found && !json.contains("base") && !json.contains("expect")) return false;
    if (!json.contains("base")) throw Malformed{file + ": at /base: missing"};
    std::string base = ExpectString(json["base"], "/base", file);
    if (!json.contains("expect")) throw Malformed{file + ": at /expect: missing"};

    fs::path root = options_.root.empty() ? fs::current_path() : fs::path(options_.root);
    fs::path base_path = root / base;
    std::error_code ec;
    if (!fs::is_regular_file(base_path, ec)) base_path = path.parent_path() / base;
    std::string base_text;
    if (!fs::is_regular_file(base_path, ec) || !ReadText(base_path, base_text)) {
      throw Malformed{absl::StrCat(file, ": at /base: no dossier `", base, "` under ",
                                   root.string(), " or ", path.parent_path().string())};
    }
    Json dossier;
    try {
      dossier = Json::parse(base_text);
    } catch (const Json::parse_error& e) {
      throw Malformed{absl::StrCat(file, ": at /base: ", base_path.string(), ":",
                                   LineColumn(base_text, e.byte == 0 ? 0 : e.byte - 1),
                                   ": invalid JSON: ", CleanWhat(e))};
    }
    if (json.contains("patch")) {
      const Json& patch = json["patch"];
      if (!patch.is_array()) throw Malformed{file + ": at /patch: expected a list of operations"};
      for (size_t i = 0; i < patch.size(); ++i) {  // one at a time, to locate a failure
        try {
          dossier = dossier.patch(Json::array({patch[i]}));
        } catch (const std::exception& e) {
          throw Malformed{
              absl::StrCat(file, ": at /patch/", i, ": does not apply: ", CleanWhat(e))};
        }
      }
    }

    std::vector<Diagnostic> diagnostics;
    auto loaded = Dossier::FromJson(pack_, dossier.dump(), test.name, &diagnostics);
    if (!loaded.ok()) {
      throw Malformed{absl::StrCat(
          file, ": the patched dossier does not load: ",
          diagnostics.empty() ? std::string(loaded.status().message()) : diagnostics[0].Format())};
    }
    EvaluateOptions evaluate;
    if (json.contains("params")) {
      if (!json["params"].is_object()) throw Malformed{file + ": at /params: expected an object"};
      for (const auto& [name, value] : json["params"].items()) {
        evaluate.params.emplace_back(name, value.dump());
      }
    }
    auto report = Evaluate(pack_, **loaded, evaluate);
    if (!report.ok()) {
      throw Malformed{absl::StrCat(file, ": at /params: ", report.status().message())};
    }
    CheckExpectations(json["expect"], *report, file, test.failures);
    if (options_.coverage) Cover(*report, **loaded, evaluate);
    return true;
  }

  void Cover(const Report& report, const Dossier& dossier, const EvaluateOptions& evaluate) {
    for (const RequirementResult& r : report.requirements) {
      for (const CriterionResult& c : r.criteria) {
        auto [it, inserted] = criteria_.try_emplace(c.id);
        Collected& collected = it->second;
        if (inserted) {
          collected.coverage.id = c.id;
          order_.push_back(c.id);
        }
        (c.verdict == Verdict::kMet      ? collected.coverage.met
         : c.verdict == Verdict::kNotMet ? collected.coverage.not_met
                                         : collected.coverage.pending) = true;
        auto trace = ExplainCriterion(pack_, dossier, c.id, evaluate);
        if (trace.ok())
          CollectConditions(*trace, true, collected.coverage, collected.index, collected.other);
      }
    }
  }

  const Pack& pack_;
  const RuleTestOptions& options_;
  std::map<std::string, Collected> criteria_;
  std::vector<std::string> order_;
};

}  // namespace

absl::StatusOr<RuleTestResult> RunRuleTests(const Pack& pack, const std::vector<std::string>& paths,
                                            const RuleTestOptions& options) {
  try {
    std::vector<std::pair<fs::path, bool>> files;  // path, found in a directory scan
    for (const std::string& path : paths) {
      std::error_code ec;
      if (fs::is_directory(path, ec)) {
        std::vector<fs::path> found;
        for (auto it = fs::recursive_directory_iterator(path, ec);
             !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
          if (it->is_regular_file(ec) && it->path().extension() == ".json") {
            found.push_back(it->path());
          }
        }
        if (ec) return absl::NotFoundError(absl::StrCat(path, ": ", ec.message()));
        std::sort(found.begin(), found.end());
        for (fs::path& file : found) files.emplace_back(std::move(file), true);
      } else if (fs::exists(path, ec)) {
        files.emplace_back(path, false);
      } else {
        return absl::NotFoundError(absl::StrCat(path, ": no such file or directory"));
      }
    }
    if (files.empty()) return absl::InvalidArgumentError("no case files (*.json) found");
    RuleTestResult result;
    Runner runner(pack, options);
    for (const auto& [file, found] : files) runner.Run(file, found, result);
    if (result.cases.empty()) return absl::InvalidArgumentError("no case files found");
    if (options.coverage) result.coverage = runner.TakeCoverage();
    return result;
  } catch (const std::exception& e) {  // no exception crosses the API
    return absl::InternalError(absl::StrCat("running rule tests: ", e.what()));
  } catch (...) {
    return absl::InternalError("running rule tests: unexpected failure");
  }
}

}  // namespace zhuoyue
