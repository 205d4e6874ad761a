// The synthetic data generator (benchmarks/gen, `zy gen`): reproducible bytes, programs
// independent of the run, dossiers that load and get the verdicts their profile promises,
// the same data as JSON, CSV bundle and SQLite, the size figures, and the command's exits.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "benchmarks/gen/generator.h"
#include "zhuoyue/zhuoyue.hpp"
#include "zy_process.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::HasSubstr;
using zhuoyue::gen::GenOptions;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Every file under `dir`, by relative path, with its bytes.
std::map<std::string, std::string> Files(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) {
      files[fs::relative(entry.path(), dir).string()] = ReadFile(entry.path());
    }
  }
  return files;
}

// RFC 4180: rows of cells; quoted cells may hold commas, quotes ("") and line breaks.
std::vector<std::vector<std::string>> ParseCsv(std::string_view text) {
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char ch = text[i];
    std::string& cell = rows.back().back();
    if (quoted) {
      if (ch == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (ch == '"') {
        quoted = false;
      } else {
        cell += ch;
      }
    } else if (ch == '"') {
      quoted = true;
    } else if (ch == ',') {
      rows.back().emplace_back();
    } else if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      ++i;
      rows.emplace_back(1);
    } else {
      cell += ch;
    }
  }
  rows.pop_back();  // after the last line end
  return rows;
}

// A scratch folder, removed with the fixture.
class Gen : public testing::Test {
 protected:
  void SetUp() override {
    static int counter = 0;
    dir_ = fs::temp_directory_path() /
           ("zy_gen_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path Path(const std::string& name) const { return dir_ / name; }

  fs::path dir_;
};

TEST_F(Gen, TheSameSeedGivesTheSameBytesOnAnyNumberOfThreads) {
  GenOptions one{.programs = 4, .seed = 11, .threads = 1};
  GenOptions two{.programs = 4, .seed = 11, .threads = 2};
  ASSERT_TRUE(zhuoyue::gen::WriteJson(one, Path("a").string()).ok());
  ASSERT_TRUE(zhuoyue::gen::WriteJson(two, Path("b").string()).ok());
  auto a = Files(Path("a")), b = Files(Path("b"));
  ASSERT_EQ(a.size(), 4u);  // and no temporary file left behind
  EXPECT_TRUE(a == b);
  std::string id = zhuoyue::gen::DescribeProgram(one, 2).id;
  EXPECT_EQ(a[id + ".json"], zhuoyue::gen::GenerateProgramJson(one, 2));

  ASSERT_TRUE(zhuoyue::gen::WriteCsv(one, Path("csv1").string()).ok());
  ASSERT_TRUE(zhuoyue::gen::WriteCsv(two, Path("csv2").string()).ok());
  EXPECT_TRUE(Files(Path("csv1")) == Files(Path("csv2")));
  ASSERT_TRUE(zhuoyue::gen::WriteSqlite(one, Path("one.db").string()).ok());
  ASSERT_TRUE(zhuoyue::gen::WriteSqlite(two, Path("two.db").string()).ok());
  EXPECT_EQ(ReadFile(Path("one.db")), ReadFile(Path("two.db")));

  GenOptions other{.programs = 4, .seed = 12};
  EXPECT_NE(zhuoyue::gen::GenerateProgramJson(one, 2), zhuoyue::gen::GenerateProgramJson(other, 2));
  EXPECT_NE(zhuoyue::gen::GenerateProgramJson(one, 2), zhuoyue::gen::GenerateProgramJson(one, 3));
}

TEST_F(Gen, AProgramIsTheSameAloneOrInALargerRun) {
  GenOptions run{.programs = 9, .seed = 5, .threads = 2};
  GenOptions alone{.programs = 1, .first = 7, .seed = 5};
  ASSERT_TRUE(zhuoyue::gen::WriteJson(run, Path("run").string()).ok());
  ASSERT_TRUE(zhuoyue::gen::WriteJson(alone, Path("alone").string()).ok());
  auto files = Files(Path("alone"));
  ASSERT_EQ(files.size(), 1u);
  const auto& [name, text] = *files.begin();
  EXPECT_EQ(name, zhuoyue::gen::DescribeProgram(run, 7).id + ".json");
  EXPECT_EQ(text, ReadFile(Path("run") / name));
}

// The criterion each defect (failing) makes not_met, and each gap (incomplete) pending.
const std::map<std::string, std::string>& Criterion() {
  static const std::map<std::string, std::string> criteria = {
      {"uncovered_general", "1.1"},
      {"uncovered_industry", "1.2"},
      {"no_industry_expert", "1.4"},
      {"unsupported_point", "2.2"},
      {"no_implementation", "2.3"},
      {"unassessed_course", "2.5"},
      {"low_research_share", "3.1"},
      {"exam_only_research", "3.7"},
      {"missing_faculty_plan", "4.1"},
      {"no_secondment_plan", "4.2"},
      {"low_part_time", "4.6"},
      {"untrained_part_time", "4.7"},
      {"few_industry_courses", "5.1"},
      {"inexperienced_lecturer", "5.2"},
      {"overloaded_lecturer", "5.4"},
      {"no_joint_plan", "6.3"},
      {"plan_course_without_part_time", "6.8"},
      {"short_plan", "7.1"},
      {"short_weeks", "7.2"},
      {"plan_course_at_school", "7.3"},
      {"thesis_at_school", "8.2"},
      {"no_enterprise_supervisor", "8.3"},
      {"missing_policy_topic", "10.1"},
      {"no_funding", "10.3"},
      {"missing_incentive_target", "10.5"},
      {"no_judgements", "1.3"},
      {"partial_judgements", "10.2"},
      {"no_materials", "4.1"},
      {"unknown_industry_years", "5.2"},
      {"unknown_exchange", "9.6"},
  };
  return criteria;
}

const zhuoyue::CriterionResult* FindCriterion(const zhuoyue::Report& report,
                                              const std::string& id) {
  for (const auto& requirement : report.requirements) {
    for (const auto& criterion : requirement.criteria) {
      if (criterion.id == id) return &criterion;
    }
  }
  return nullptr;
}

TEST_F(Gen, EveryProgramLoadsAndGetsTheVerdictsOfItsProfile) {
  GenOptions options{.programs = 20, .seed = 3, .threads = 2};
  ASSERT_TRUE(zhuoyue::gen::WriteJson(options, dir_.string()).ok());
  auto pack = zhuoyue::Pack::Builtin();
  ASSERT_TRUE(pack.ok()) << pack.status();
  std::set<std::string> overall;
  for (int64_t index = 0; index < 20; ++index) {
    zhuoyue::gen::ProgramProfile profile = zhuoyue::gen::DescribeProgram(options, index);
    SCOPED_TRACE(profile.id + " " + profile.archetype);
    std::vector<zhuoyue::Diagnostic> problems;
    auto dossier =
        zhuoyue::Dossier::FromFile(**pack, Path(profile.id + ".json").string(), &problems);
    ASSERT_TRUE(dossier.ok()) << dossier.status() << " "
                              << (problems.empty() ? "" : problems[0].message);
    EXPECT_TRUE(problems.empty());
    auto report = zhuoyue::Evaluate(**pack, **dossier);
    ASSERT_TRUE(report.ok()) << report.status();
    EXPECT_EQ(report->overall, profile.expected_overall);
    overall.insert(report->overall);
    for (const std::string& label : profile.defects) {
      auto it = Criterion().find(label);
      if (it == Criterion().end()) continue;
      const zhuoyue::CriterionResult* criterion = FindCriterion(*report, it->second);
      ASSERT_NE(criterion, nullptr);
      EXPECT_EQ(criterion->verdict, profile.archetype == "incomplete" ? zhuoyue::Verdict::kPending
                                                                      : zhuoyue::Verdict::kNotMet)
          << label << " → " << it->second;
    }
  }
  EXPECT_GE(overall.size(), 3u);  // batch summaries have something to count
}

// The JSON rows of a CSV table, each with the key of its parent row in nested tables; none
// when the dossier lacks the table (and so the bundle its file).
std::optional<std::vector<std::pair<std::string, json>>> JsonRows(const json& doc,
                                                                  const std::string& table) {
  std::vector<std::pair<std::string, json>> rows;
  auto all = [&](const json& owner, const std::string& member, const std::string& parent = "") {
    if (!owner.contains(member)) return false;
    for (const json& row : owner[member]) rows.emplace_back(parent, row);
    return true;
  };
  const json& program = doc["program"];
  json none = json::object();
  const json& international = doc.contains("international") ? doc["international"] : none;
  const json& support = doc.contains("support") ? doc["support"] : none;
  bool present = false;
  if (table == "program") {
    rows.emplace_back("", program);
    present = true;
  } else if (table == "standard_contributors" || table == "curriculum_contributors") {
    present = all(program, table);
  } else if (table == "international") {
    present = doc.contains(table);
    if (present) rows.emplace_back("", international);
  } else if (table == "cooperation" || table == "industry_partners" || table == "activities") {
    present = all(international, table);
  } else if (table == "policies" || table == "funding" || table == "incentives") {
    present = all(support, table);
  } else if (table == "points") {
    present = doc.contains("school_standard");
    for (const json& item : doc.value("school_standard", json::array())) {
      all(item, "points", item["id"]);
    }
  } else if (table == "supports" || table == "assessments" || table == "assessment_points") {
    present = doc.contains("courses");
    for (const json& course : doc.value("courses", json::array())) {
      if (table != "assessment_points") all(course, table, course["id"]);
      if (table != "assessment_points") continue;
      for (const json& a : course["assessments"]) all(a, "points", a["id"]);
    }
  } else {
    present = all(doc, table);
  }
  if (!present) return std::nullopt;
  return rows;
}

// A cell as the CSV form writes it.
std::string CellOf(const json& value) {
  if (value.is_null()) return "";
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_array()) {
    std::string joined;
    for (size_t i = 0; i < value.size(); ++i) joined += (i ? ";" : "") + CellOf(value[i]);
    return joined;
  }
  return value.dump();
}

json AtPath(const json& row, const std::string& dotted) {
  const json* at = &row;
  std::stringstream parts(dotted);
  for (std::string part; std::getline(parts, part, '.');) {
    if (!at->is_object() || !at->contains(part)) return nullptr;
    at = &(*at)[part];
  }
  return *at;
}

// The dotted paths of a row's fields: with a value, or present at all (null, or an empty
// list). Arrays of objects are child tables, not fields.
void Leaves(const json& row, const std::string& prefix, std::set<std::string>& with_value,
            std::set<std::string>& present) {
  for (const auto& [key, value] : row.items()) {
    std::string path = prefix + key;
    if (value.is_object()) {
      Leaves(value, path + ".", with_value, present);
    } else if (value.is_array() && !value.empty() && value[0].is_object()) {
      continue;
    } else if (value.is_null() || (value.is_array() && value.empty())) {
      present.insert(path);
    } else {
      with_value.insert(path);
    }
  }
}

constexpr const char* kCsvFiles[] = {"program",
                                     "standard_contributors",
                                     "curriculum_contributors",
                                     "industry_standard",
                                     "school_standard",
                                     "points",
                                     "courses",
                                     "supports",
                                     "assessments",
                                     "assessment_points",
                                     "teachers",
                                     "students",
                                     "scores",
                                     "enterprise_centers",
                                     "international",
                                     "cooperation",
                                     "industry_partners",
                                     "activities",
                                     "policies",
                                     "funding",
                                     "incentives",
                                     "materials",
                                     "judgements"};

// Programs of `options` that together show every shape a bundle can take: each archetype,
// absent columns (unknown_*), absent tables (no_*), empty tables (weak_international,
// no_funding), a null accreditation validity (accreditation_pending).
std::vector<int64_t> Showcase(const GenOptions& options) {
  std::set<std::string> wanted = {"compliant",
                                  "failing",
                                  "incomplete",
                                  "not_passed",
                                  "unknown_exchange",
                                  "unknown_industry_years",
                                  "unknown_funding_amount",
                                  "no_scores",
                                  "no_judgements",
                                  "no_materials",
                                  "weak_international",
                                  "no_funding",
                                  "accreditation_pending"};
  std::vector<int64_t> chosen;
  for (int64_t index = 0; index < 1000 && !wanted.empty(); ++index) {
    zhuoyue::gen::ProgramProfile profile = zhuoyue::gen::DescribeProgram(options, index);
    bool shows = wanted.erase(profile.archetype) > 0;
    for (const std::string& label : profile.defects) shows |= wanted.erase(label) > 0;
    if (shows) chosen.push_back(index);
  }
  EXPECT_TRUE(wanted.empty());
  return chosen;
}

TEST_F(Gen, TheCsvBundleHoldsTheDataOfTheJson) {
  GenOptions options{.seed = 3, .bom = true};
  for (int64_t index : Showcase(options)) {
    options.first = index;
    options.programs = 1;
    ASSERT_TRUE(zhuoyue::gen::WriteCsv(options, dir_.string()).ok());
    std::string id = zhuoyue::gen::DescribeProgram(options, index).id;
    SCOPED_TRACE(id);
    json doc = json::parse(zhuoyue::gen::GenerateProgramJson(options, index));
    std::set<std::string> expected_files, files;
    for (const char* table : kCsvFiles) {
      if (JsonRows(doc, table)) expected_files.insert(std::string(table) + ".csv");
    }
    for (const auto& entry : fs::directory_iterator(dir_ / id)) {
      files.insert(entry.path().filename().string());
    }
    EXPECT_EQ(files, expected_files);
    for (const std::string& file : files) {
      std::string table = file.substr(0, file.size() - 4);
      std::string text = ReadFile(dir_ / id / file);
      ASSERT_EQ(text.substr(0, 3), "\xEF\xBB\xBF") << file;
      auto csv = ParseCsv(std::string_view(text).substr(3));
      auto rows = *JsonRows(doc, table);
      ASSERT_EQ(csv.size(), rows.size() + 1) << file;
      const std::vector<std::string>& header = csv[0];
      for (size_t r = 0; r < rows.size(); ++r) {
        ASSERT_EQ(csv[r + 1].size(), header.size()) << file << " row " << r;
        for (size_t k = 0; k < header.size(); ++k) {
          bool parent_key = k == 0 && !rows[r].first.empty();
          std::string expected =
              parent_key ? rows[r].first : CellOf(AtPath(rows[r].second, header[k]));
          EXPECT_EQ(csv[r + 1][k], expected) << file << " row " << r << " " << header[k];
        }
      }
      // The columns are the fields some row has: every field with a value, and no more
      // than the fields present (an empty list may be a list column or a child table).
      std::set<std::string> columns(header.begin(), header.end()), with_value, present;
      for (const auto& [parent, row] : rows) {
        if (!parent.empty()) with_value.insert(header[0]);
        Leaves(row, "", with_value, present);
      }
      present.insert(with_value.begin(), with_value.end());
      EXPECT_TRUE(
          std::includes(columns.begin(), columns.end(), with_value.begin(), with_value.end()))
          << file;
      EXPECT_TRUE(rows.empty() ||  // an empty table's file has the header of every column
                  std::includes(present.begin(), present.end(), columns.begin(), columns.end()))
          << file;
    }
  }
}

TEST_F(Gen, TheSqliteFileHasEveryTableWithItsProgramColumn) {
  // Five programs, the last without scores.
  GenOptions options{.programs = 5, .seed = 8, .threads = 2};
  while (true) {
    auto defects = zhuoyue::gen::DescribeProgram(options, options.first + 4).defects;
    if (std::find(defects.begin(), defects.end(), "no_scores") != defects.end()) break;
    ++options.first;
  }
  fs::path db_path = Path("programs.db");
  ASSERT_TRUE(zhuoyue::gen::WriteSqlite(options, db_path.string()).ok());
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  auto query = [&](const std::string& sql) {
    std::vector<std::vector<std::string>> rows;
    sqlite3_stmt* statement = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr), SQLITE_OK) << sql;
    while (sqlite3_step(statement) == SQLITE_ROW) {
      std::vector<std::string> row;
      for (int k = 0; k < sqlite3_column_count(statement); ++k) {
        const unsigned char* text = sqlite3_column_text(statement, k);
        row.push_back(text == nullptr ? "NULL" : reinterpret_cast<const char*>(text));
      }
      rows.push_back(row);
    }
    sqlite3_finalize(statement);
    return rows;
  };
  for (const char* table : kCsvFiles) {
    auto columns = query(std::string("PRAGMA table_info(\"") + table + "\")");
    ASSERT_FALSE(columns.empty()) << table;
    EXPECT_EQ(columns[0][1], "program") << table;
    EXPECT_EQ(columns[0][3], "1") << table;  // NOT NULL
    auto indexes = query(std::string("PRAGMA index_list(\"") + table + "\")");
    EXPECT_EQ(indexes.size(), 1u) << table;
  }
  for (int64_t index = options.first; index < options.first + 5; ++index) {
    json doc = json::parse(zhuoyue::gen::GenerateProgramJson(options, index));
    std::string id = doc["program"]["id"];
    for (const char* table : kCsvFiles) {
      auto count =
          query(std::string("SELECT count(*) FROM \"") + table + "\" WHERE program = '" + id + "'");
      auto rows = JsonRows(doc, table);
      EXPECT_EQ(count[0][0], std::to_string(rows ? rows->size() : 0)) << id << " " << table;
      // _tables lists the tables the program's bundle has, with their rows.
      auto listed =
          query("SELECT rows FROM _tables WHERE program = '" + id + "' AND name = '" + table + "'");
      EXPECT_EQ(listed.size(), rows ? 1u : 0u) << id << " " << table;
      if (rows && !listed.empty()) EXPECT_EQ(listed[0][0], std::to_string(rows->size()));
    }
  }
  auto program = query("SELECT program, id FROM program");
  ASSERT_EQ(program.size(), 5u);
  EXPECT_EQ(program[0][0], program[0][1]);
  // Integral numbers are INTEGER, other numbers their exact decimal TEXT, booleans 0/1.
  auto types = query(
      "SELECT DISTINCT typeof(credits) FROM courses WHERE credits != CAST(credits AS INTEGER) "
      "UNION ALL SELECT typeof(semester) FROM courses LIMIT 2");
  EXPECT_EQ(types, (std::vector<std::vector<std::string>>{{"text"}, {"integer"}}));
  auto weights = query("SELECT DISTINCT weight FROM assessments WHERE weight = '0.6'");
  EXPECT_EQ(weights, (std::vector<std::vector<std::string>>{{"0.6"}}));
  auto flags = query("SELECT DISTINCT core FROM courses ORDER BY core");
  EXPECT_EQ(flags, (std::vector<std::vector<std::string>>{{"0"}, {"1"}}));
  auto meta = query("SELECT value FROM _meta WHERE key = 'seed'");
  EXPECT_EQ(meta, (std::vector<std::vector<std::string>>{{"8"}}));
  sqlite3_close(db);
}

TEST_F(Gen, SizeFiguresAreComputedWithoutGenerating) {
  GenOptions small{.programs = 3, .seed = 8};
  auto figures = zhuoyue::gen::ComputeSizes(small);
  ASSERT_TRUE(figures.ok());
  int64_t students = 0, scores = 0;
  for (int64_t index = 0; index < 3; ++index) {
    json doc = json::parse(zhuoyue::gen::GenerateProgramJson(small, index));
    students += static_cast<int64_t>(doc["students"].size());
    scores += static_cast<int64_t>(doc.value("scores", json::array()).size());
  }
  EXPECT_EQ(figures->students, students);
  EXPECT_EQ(figures->scores, scores);

  auto nation = zhuoyue::gen::ComputeSizes({.size = "nation", .threads = 2});
  ASSERT_TRUE(nation.ok());
  EXPECT_EQ(nation->programs, 16284);
  EXPECT_NEAR(static_cast<double>(nation->students), 5.12e6, 0.05e6);
  EXPECT_GT(nation->scores, 100'000'000);
  EXPECT_LT(nation->scores, 250'000'000);
  EXPECT_EQ(*zhuoyue::gen::ProgramCount({.size = "university"}), 100);
  EXPECT_EQ(*zhuoyue::gen::ProgramCount({.size = "province"}), 1000);
  EXPECT_FALSE(zhuoyue::gen::ProgramCount({.size = "galaxy"}).ok());
}

TEST_F(Gen, TheCommand) {
  std::string out = Path("out").string();
  EXPECT_EQ(Zy("gen").status, 2);
  EXPECT_EQ(Zy("gen --size galaxy --format json --out '" + out + "'").status, 2);
  EXPECT_EQ(Zy("gen --size program --format xml --out '" + out + "'").status, 2);
  EXPECT_EQ(Zy("gen --size program --format json").status, 2);
  EXPECT_EQ(Zy("gen --size program --format json --out '" + out + "' --bom").status, 2);
  EXPECT_EQ(Zy("gen --programs 0 --format json --out '" + out + "'").status, 2);
  EXPECT_EQ(Zy("gen --size program --seed -1 --format json --out '" + out + "'").status, 2);

  std::ofstream(Path("file")) << "not a folder";
  std::string blocked = Path("file").string() + "/out";
  ZyResult unwritable = Zy("gen --size program --format json --out '" + blocked + "'");
  EXPECT_EQ(unwritable.status, 1);
  EXPECT_THAT(unwritable.out, HasSubstr(blocked));
  EXPECT_EQ(Zy("gen --size program --format sqlite --out '" + blocked + "'").status, 1);

  ZyResult run = Zy("gen --programs 2 --seed 4 --format csv --out '" + out + "' --progress");
  EXPECT_EQ(run.status, 0) << run.out;
  EXPECT_THAT(run.out, HasSubstr("2/2 programs"));
  std::string id = zhuoyue::gen::DescribeProgram({.seed = 4}, 1).id;
  EXPECT_TRUE(fs::exists(Path("out") / id / "program.csv"));
  ZyResult sqlite = Zy("gen --size program --format sqlite --out '" + Path("p.db").string() + "'");
  EXPECT_EQ(sqlite.status, 0) << sqlite.out;
  EXPECT_TRUE(fs::exists(Path("p.db")));
}

}  // namespace
