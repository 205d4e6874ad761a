// The C ABI (include/zhuoyue/zhuoyue.h), called as a C program would, against the shared
// library: results agree with the golden reports, every error code is reachable with its
// message and diagnostics, and the error state is per thread.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "capi/files.h"
#include "nlohmann/json.hpp"
#include "zhuoyue/zhuoyue.h"

namespace {

using ::testing::HasSubstr;

using zhuoyue::testing::Example;
using zhuoyue::testing::ReadFile;

// Owning wrappers, so that a failed assertion frees what it holds.
struct PackFree {
  void operator()(zy_pack* p) const { zy_pack_free(p); }
};
struct DossierFree {
  void operator()(zy_dossier* d) const { zy_dossier_free(d); }
};
struct ReportFree {
  void operator()(zy_report* r) const { zy_report_free(r); }
};
using PackPtr = std::unique_ptr<zy_pack, PackFree>;
using DossierPtr = std::unique_ptr<zy_dossier, DossierFree>;
using ReportPtr = std::unique_ptr<zy_report, ReportFree>;

PackPtr Builtin() {
  zy_pack* pack = nullptr;
  EXPECT_EQ(zy_pack_builtin(&pack, nullptr), ZY_OK) << zy_error_last();
  return PackPtr(pack);
}

ReportPtr EvaluateFile(const zy_pack* pack, const std::string& path,
                       const zy_evaluate_options* options = nullptr) {
  zy_report* report = nullptr;
  EXPECT_EQ(zy_evaluate_file(&report, pack, path.c_str(), options), ZY_OK) << zy_error_last();
  return ReportPtr(report);
}

std::string Render(const zy_report* report, zy_format format,
                   zy_language language = ZY_LANGUAGE_ZH) {
  char* text = nullptr;
  size_t length = 0;
  EXPECT_EQ(zy_report_render(report, format, language, &text, &length), ZY_OK) << zy_error_last();
  std::string result(text ? text : "", length);
  EXPECT_EQ(std::strlen(text), length);
  zy_free(text);
  return result;
}

const char* VerdictOf(const zy_report* report, zy_item_kind kind, const std::string& id) {
  const zy_item* item = zy_report_find(report, kind, id.c_str());
  return item ? zy_verdict_name(item->verdict) : "absent";
}

TEST(CApiTest, VersionsAreThoseOfTheBuild) {
  EXPECT_STREQ(zy_version(), ZHUOYUE_VERSION);
  EXPECT_EQ(zy_abi_version(), ZY_ABI_VERSION);
}

// Every verdict the accessors give is the golden report's, and the JSON rendering is the
// golden file byte for byte.
class GoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenTest, AccessorsAndJsonAgreeWithTheGoldenReport) {
  PackPtr pack = Builtin();
  ReportPtr report = EvaluateFile(pack.get(), "examples/" + GetParam() + ".json");
  ASSERT_TRUE(report);
  std::string golden_text =
      ReadFile(std::string(ZHUOYUE_SOURCE_DIR) + "/tests/golden/" + GetParam() + ".json");
  EXPECT_EQ(Render(report.get(), ZY_FORMAT_JSON), golden_text);

  nlohmann::json golden = nlohmann::json::parse(golden_text);
  EXPECT_EQ(zy_report_program(report.get()), golden["program"].get<std::string>());
  EXPECT_EQ(zy_report_overall(report.get()), golden["overall"].get<std::string>());
  ASSERT_EQ(zy_report_count(report.get(), ZY_ITEM_ELIGIBILITY), golden["eligibility"].size());
  for (const auto& e : golden["eligibility"]) {
    EXPECT_EQ(VerdictOf(report.get(), ZY_ITEM_ELIGIBILITY, e["id"]), e["verdict"]) << e["id"];
  }
  ASSERT_EQ(zy_report_count(report.get(), ZY_ITEM_GENERAL_POINT),
            golden["general_standard"].size());
  for (const auto& g : golden["general_standard"]) {
    EXPECT_EQ(VerdictOf(report.get(), ZY_ITEM_GENERAL_POINT, g["id"]), g["verdict"]) << g["id"];
  }
  size_t criteria = 0;
  ASSERT_EQ(zy_report_count(report.get(), ZY_ITEM_REQUIREMENT), golden["requirements"].size());
  for (const auto& r : golden["requirements"]) {
    const zy_item* requirement =
        zy_report_find(report.get(), ZY_ITEM_REQUIREMENT, r["id"].get<std::string>().c_str());
    ASSERT_NE(requirement, nullptr);
    EXPECT_EQ(zy_verdict_name(requirement->verdict), r["verdict"]);
    EXPECT_EQ(requirement->level, r["level"]);
    EXPECT_EQ(requirement->title, r["title"]);
    for (const auto& c : r["criteria"]) {
      ++criteria;
      const zy_item* criterion =
          zy_report_find(report.get(), ZY_ITEM_CRITERION, c["id"].get<std::string>().c_str());
      ASSERT_NE(criterion, nullptr) << c["id"];
      EXPECT_EQ(zy_verdict_name(criterion->verdict), c["verdict"]) << c["id"];
      EXPECT_EQ(criterion->requirement, r["id"]);
      std::vector<std::string> witnesses(criterion->witnesses,
                                         criterion->witnesses + criterion->witness_count);
      EXPECT_EQ(witnesses, c.value("witnesses", std::vector<std::string>{})) << c["id"];
      EXPECT_EQ(criterion->witnesses[criterion->witness_count], nullptr);  // NULL-terminated
      std::vector<std::string> missing(criterion->missing,
                                       criterion->missing + criterion->missing_count);
      EXPECT_EQ(missing, c.value("missing", std::vector<std::string>{})) << c["id"];
      if (c.contains("value") && c["value"].is_number()) {
        ASSERT_TRUE(criterion->has_value) << c["id"];
        EXPECT_DOUBLE_EQ(criterion->value, c["value"].get<double>()) << c["id"];
      }
      if (c.contains("threshold") && c["threshold"].is_number()) {
        ASSERT_TRUE(criterion->has_threshold) << c["id"];
        EXPECT_DOUBLE_EQ(criterion->threshold, c["threshold"].get<double>()) << c["id"];
      }
    }
  }
  EXPECT_EQ(zy_report_count(report.get(), ZY_ITEM_CRITERION), criteria);
}

INSTANTIATE_TEST_SUITE_P(Examples, GoldenTest,
                         ::testing::Values("compliant", "failing", "incomplete"));

TEST(CApiTest, AJsonStringInMemoryGivesTheSameReportAsTheFile) {
  PackPtr pack = Builtin();
  std::string path = "examples/failing.json";
  std::string json = ReadFile(path);
  zy_report* from_memory = nullptr;
  ASSERT_EQ(
      zy_evaluate_json(&from_memory, pack.get(), json.data(), json.size(), path.c_str(), nullptr),
      ZY_OK)
      << zy_error_last();
  ReportPtr owned(from_memory);
  EXPECT_EQ(Render(from_memory, ZY_FORMAT_JSON),
            Render(EvaluateFile(pack.get(), path).get(), ZY_FORMAT_JSON));
  // Loading once and evaluating twice gives the same report too.
  zy_dossier* dossier = nullptr;
  ASSERT_EQ(zy_dossier_parse(&dossier, pack.get(), json.data(), json.size(), "x.json"), ZY_OK);
  DossierPtr owned_dossier(dossier);
  zy_report* again = nullptr;
  ASSERT_EQ(zy_evaluate(&again, pack.get(), dossier, nullptr), ZY_OK);
  ReportPtr owned_again(again);
  EXPECT_STREQ(zy_report_overall(again), zy_report_overall(from_memory));
}

TEST(CApiTest, AParameterOverrideChangesTheVerdictItGoverns) {
  PackPtr pack = Builtin();
  const char* names[] = {"research_learning_share"};
  const char* values[] = {"0.8"};  // the example has 0.75
  zy_evaluate_options options = ZY_EVALUATE_OPTIONS_INIT;
  options.param_count = 1;
  options.param_names = names;
  options.param_values = values;
  ReportPtr strict = EvaluateFile(pack.get(), Example("failing"), &options);
  ReportPtr standard = EvaluateFile(pack.get(), Example("failing"));
  EXPECT_STREQ(VerdictOf(standard.get(), ZY_ITEM_CRITERION, "3.1"), "met");
  EXPECT_STREQ(VerdictOf(strict.get(), ZY_ITEM_CRITERION, "3.1"), "not_met");
  const zy_item* criterion = zy_report_find(strict.get(), ZY_ITEM_CRITERION, "3.1");
  EXPECT_DOUBLE_EQ(criterion->value, 0.75);
  EXPECT_DOUBLE_EQ(criterion->threshold, 0.8);
}

TEST(CApiTest, OptionsInitFillsTheDefaultsOfAKnownVersion) {
  zy_evaluate_options evaluate;
  ASSERT_EQ(zy_evaluate_options_init(&evaluate, ZY_EVALUATE_OPTIONS_VERSION), ZY_OK);
  EXPECT_EQ(evaluate.version, 1u);
  EXPECT_EQ(evaluate.param_count, 0u);
  zy_pack_options pack;
  ASSERT_EQ(zy_pack_options_init(&pack, ZY_PACK_OPTIONS_VERSION), ZY_OK);
  EXPECT_EQ(pack.max_nesting, 3);
  EXPECT_EQ(zy_pack_options_init(&pack, 99), ZY_EINVALID);
  EXPECT_THAT(zy_error_last(), HasSubstr("unknown zy_pack_options version 99"));
  EXPECT_EQ(zy_evaluate_options_init(&evaluate, 0), ZY_EINVALID);
}

TEST(CApiTest, AMissingFileIsAnIoErrorAndLeavesOutNull) {
  PackPtr pack = Builtin();
  zy_report* report = reinterpret_cast<zy_report*>(0x1);  // must be reset
  EXPECT_EQ(zy_evaluate_file(&report, pack.get(), "no/such/dossier.json", nullptr), ZY_EIO);
  EXPECT_EQ(report, nullptr);
  EXPECT_EQ(zy_error_last_code(), ZY_EIO);
  EXPECT_THAT(zy_error_last(), HasSubstr("cannot open no/such/dossier.json"));
  zy_pack* other = nullptr;
  EXPECT_EQ(zy_pack_open(&other, "no/such/rules", nullptr), ZY_EIO);
  EXPECT_EQ(other, nullptr);
}

TEST(CApiTest, ABrokenDossierGivesLocatedDiagnosticsAndNothingElse) {
  PackPtr pack = Builtin();
  std::string json = R"({"format": "zhuoyue.dossier/1", "program": {"id": "x"},
    "courses": [{"id": "C1", "kind": "lecture-ish"}]})";
  zy_report* report = nullptr;
  ASSERT_EQ(zy_evaluate_json(&report, pack.get(), json.data(), json.size(), "bad.json", nullptr),
            ZY_EDOSSIER);
  EXPECT_EQ(report, nullptr);
  ASSERT_GT(zy_diagnostic_count(), 0u);
  bool found = false;
  for (size_t i = 0; i < zy_diagnostic_count(); ++i) {
    const zy_diagnostic* d = zy_diagnostic_at(i);
    EXPECT_EQ(d->severity, ZY_SEVERITY_ERROR);
    EXPECT_THAT(d->code, ::testing::StartsWith("ZY2"));
    EXPECT_STREQ(d->file, "bad.json");
    EXPECT_THAT(d->text, HasSubstr(d->message));
    // Every error diagnostic is also a line of the message.
    EXPECT_THAT(zy_error_last(), HasSubstr(d->text));
    if (std::string(d->pointer) == "/courses/0/kind") found = true;
  }
  EXPECT_TRUE(found) << zy_error_last();
  EXPECT_EQ(zy_diagnostic_at(zy_diagnostic_count()), nullptr);
}

TEST(CApiTest, BrokenRulesGiveDiagnosticsWithLineAndColumn) {
  std::string rules = "pack p version \"1\"\nparam x = )\nparam y = 2\n";
  zy_pack* pack = nullptr;
  ASSERT_EQ(zy_pack_compile(&pack, "rules.zy", rules.data(), rules.size(), nullptr), ZY_ERULES);
  EXPECT_EQ(pack, nullptr);
  ASSERT_GT(zy_diagnostic_count(), 0u);
  const zy_diagnostic* d = zy_diagnostic_at(0);
  EXPECT_STREQ(d->file, "rules.zy");
  EXPECT_EQ(d->line, 2);
  EXPECT_GT(d->column, 0);
  EXPECT_THAT(d->text, HasSubstr("rules.zy:2:"));
}

TEST(CApiTest, AWarningIsReadableAfterASuccess) {
  std::string rules =
      "pack p version \"1\"\n"
      "param unused = 3\n"
      "table courses \"课程\" {\n  id: string id\n}\n"
      "requirement 1 \"课程\" {\n"
      "  criterion 1.1 computed \"有课程\" = count(c in courses) >= 1\n"
      "}\n";
  zy_pack* pack = nullptr;
  ASSERT_EQ(zy_pack_compile(&pack, "rules.zy", rules.data(), rules.size(), nullptr), ZY_OK)
      << zy_error_last();
  PackPtr owned(pack);
  EXPECT_STREQ(zy_pack_name(pack), "p");
  EXPECT_STREQ(zy_pack_version(pack), "1");
  EXPECT_STREQ(zy_error_last(), "");
  EXPECT_EQ(zy_error_last_code(), ZY_OK);
  ASSERT_EQ(zy_diagnostic_count(), 1u);
  EXPECT_STREQ(zy_diagnostic_at(0)->code, "ZY1201");
  EXPECT_EQ(zy_diagnostic_at(0)->severity, ZY_SEVERITY_WARNING);

  std::string json = R"({"format": "zhuoyue.dossier/1", "program": {"id": "p1"},
                         "courses": [{"id": "C1"}]})";
  zy_report* report = nullptr;
  ASSERT_EQ(zy_evaluate_json(&report, pack, json.data(), json.size(), "p1.json", nullptr), ZY_OK)
      << zy_error_last();
  ReportPtr owned_report(report);
  EXPECT_STREQ(VerdictOf(report, ZY_ITEM_CRITERION, "1.1"), "met");
}

TEST(CApiTest, MisuseIsInvalidWithAMessage) {
  PackPtr pack = Builtin();
  EXPECT_EQ(zy_pack_builtin(nullptr, nullptr), ZY_EINVALID);
  EXPECT_THAT(zy_error_last(), HasSubstr("out pointer is NULL"));
  zy_report* report = nullptr;
  EXPECT_EQ(zy_evaluate_file(&report, nullptr, "x.json", nullptr), ZY_EINVALID);
  EXPECT_THAT(zy_error_last(), HasSubstr("pack is NULL"));

  zy_pack_options bad_version = ZY_PACK_OPTIONS_INIT;
  bad_version.version = 2;
  zy_pack* other = nullptr;
  EXPECT_EQ(zy_pack_builtin(&other, &bad_version), ZY_EINVALID);

  const char* names[] = {"no_such_param"};
  const char* values[] = {"1"};
  zy_evaluate_options options = ZY_EVALUATE_OPTIONS_INIT;
  options.param_count = 1;
  options.param_names = names;
  options.param_values = values;
  EXPECT_EQ(zy_evaluate_file(&report, pack.get(), Example("failing").c_str(), &options),
            ZY_EINVALID);
  EXPECT_THAT(zy_error_last(), HasSubstr("no_such_param"));
  names[0] = "research_learning_share";
  values[0] = "a lot";
  EXPECT_EQ(zy_evaluate_file(&report, pack.get(), Example("failing").c_str(), &options),
            ZY_EINVALID);
  EXPECT_THAT(zy_error_last(), HasSubstr("takes a number"));

  // A dossier loaded with one pack cannot be evaluated with another.
  PackPtr second = Builtin();
  zy_dossier* dossier = nullptr;
  ASSERT_EQ(zy_dossier_open(&dossier, pack.get(), Example("failing").c_str()), ZY_OK);
  DossierPtr owned(dossier);
  EXPECT_EQ(zy_evaluate(&report, second.get(), dossier, nullptr), ZY_EINVALID);
  EXPECT_THAT(zy_error_last(), HasSubstr("another pack"));
  EXPECT_EQ(report, nullptr);
}

TEST(CApiTest, ReadingFunctionsAreSafeOnNullAndUnknownIds) {
  EXPECT_EQ(zy_report_count(nullptr, ZY_ITEM_CRITERION), 0u);
  EXPECT_EQ(zy_report_item(nullptr, ZY_ITEM_CRITERION, 0), nullptr);
  EXPECT_EQ(zy_report_find(nullptr, ZY_ITEM_CRITERION, "1.1"), nullptr);
  EXPECT_STREQ(zy_report_overall(nullptr), "");
  EXPECT_EQ(zy_verdict_name(static_cast<zy_verdict>(7)), nullptr);
  PackPtr pack = Builtin();
  ReportPtr report = EvaluateFile(pack.get(), Example("failing"));
  EXPECT_EQ(zy_report_find(report.get(), ZY_ITEM_CRITERION, "99.9"), nullptr);
  EXPECT_EQ(zy_report_find(report.get(), ZY_ITEM_REQUIREMENT, "1.1"), nullptr);  // a criterion
  EXPECT_EQ(zy_report_count(report.get(), static_cast<zy_item_kind>(9)), 0u);
  EXPECT_EQ(zy_report_item(report.get(), ZY_ITEM_CRITERION,
                           zy_report_count(report.get(), ZY_ITEM_CRITERION)),
            nullptr);
  zy_pack_free(nullptr);
  zy_dossier_free(nullptr);
  zy_report_free(nullptr);
  zy_free(nullptr);
}

TEST(CApiTest, EveryFormatRendersInBothLanguages) {
  PackPtr pack = Builtin();
  ReportPtr report = EvaluateFile(pack.get(), Example("failing"));
  std::string zh = Render(report.get(), ZY_FORMAT_TEXT, ZY_LANGUAGE_ZH);
  std::string en = Render(report.get(), ZY_FORMAT_TEXT, ZY_LANGUAGE_EN);
  EXPECT_THAT(en, HasSubstr("general standard: 10/11 covered"));
  EXPECT_NE(zh, en);
  EXPECT_EQ(zh, ReadFile(std::string(ZHUOYUE_SOURCE_DIR) + "/tests/golden/failing.txt"));
  EXPECT_EQ(Render(report.get(), ZY_FORMAT_MARKDOWN),
            ReadFile(std::string(ZHUOYUE_SOURCE_DIR) + "/tests/golden/failing.md"));
  EXPECT_THAT(Render(report.get(), ZY_FORMAT_HTML), HasSubstr("<!DOCTYPE html>"));
  char* text = nullptr;
  EXPECT_EQ(
      zy_report_render(report.get(), static_cast<zy_format>(42), ZY_LANGUAGE_ZH, &text, nullptr),
      ZY_EINVALID);
  EXPECT_EQ(text, nullptr);
  EXPECT_EQ(
      zy_report_render(report.get(), ZY_FORMAT_TEXT, static_cast<zy_language>(5), &text, nullptr),
      ZY_EINVALID);
}

TEST(CApiTest, AReportRoundTripsThroughItsJson) {
  PackPtr pack = Builtin();
  ReportPtr report = EvaluateFile(pack.get(), Example("incomplete"));
  std::string json = Render(report.get(), ZY_FORMAT_JSON);
  zy_report* parsed = nullptr;
  ASSERT_EQ(zy_report_parse(&parsed, json.data(), json.size()), ZY_OK) << zy_error_last();
  ReportPtr owned(parsed);
  EXPECT_EQ(Render(parsed, ZY_FORMAT_JSON), json);
  std::string not_a_report = R"({"format": "zhuoyue.dossier/1"})";
  EXPECT_EQ(zy_report_parse(&parsed, not_a_report.data(), not_a_report.size()), ZY_EDOSSIER);
  EXPECT_THAT(zy_error_last(), HasSubstr("zhuoyue.dossier/1"));
}

TEST(CApiTest, AWorkbookIsWrittenOrTheFailureNamesThePath) {
  PackPtr pack = Builtin();
  ReportPtr report = EvaluateFile(pack.get(), Example("failing"));
  std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("capi_test_" + std::to_string(getpid()) + ".xlsx");
  ASSERT_EQ(zy_report_write_xlsx(report.get(), path.c_str(), ZY_LANGUAGE_EN), ZY_OK)
      << zy_error_last();
  EXPECT_GT(std::filesystem::file_size(path), 1000u);
  std::filesystem::remove(path);
  EXPECT_EQ(zy_report_write_xlsx(report.get(), "/no/such/folder/r.xlsx", ZY_LANGUAGE_ZH), ZY_EIO);
  EXPECT_THAT(zy_error_last(), HasSubstr("/no/such/folder/r.xlsx"));
  // A failed write leaves a file already at the path as it was: here the temporary file
  // cannot be created, as a folder stands in its place.
  { std::ofstream(path) << "the filed report"; }
  std::filesystem::create_directory(path.string() + ".tmp");
  EXPECT_EQ(zy_report_write_xlsx(report.get(), path.c_str(), ZY_LANGUAGE_ZH), ZY_EIO);
  EXPECT_EQ(ReadFile(path), "the filed report");
  std::filesystem::remove(path.string() + ".tmp");
  std::filesystem::remove(path);
}

TEST(CApiTest, HandlesOutliveTheHandlesTheyCameFrom) {
  zy_pack* pack = nullptr;
  ASSERT_EQ(zy_pack_builtin(&pack, nullptr), ZY_OK);
  zy_dossier* dossier = nullptr;
  ASSERT_EQ(zy_dossier_open(&dossier, pack, Example("failing").c_str()), ZY_OK);
  zy_report* report = nullptr;
  ASSERT_EQ(zy_evaluate(&report, pack, dossier, nullptr), ZY_OK);
  zy_pack_free(pack);
  zy_dossier_free(dossier);
  EXPECT_STREQ(zy_report_overall(report), "passed_not_met");
  EXPECT_STREQ(VerdictOf(report, ZY_ITEM_CRITERION, "5.2"), "not_met");
  zy_report_free(report);
}

TEST(CApiTest, TheErrorStateBelongsToTheThread) {
  PackPtr pack = Builtin();
  zy_report* report = nullptr;
  ASSERT_EQ(zy_evaluate_file(&report, pack.get(), "missing.json", nullptr), ZY_EIO);
  std::string other_thread_error = "unset";
  std::thread([&] {
    other_thread_error = zy_error_last();
    zy_report* r = nullptr;
    zy_evaluate_file(&r, nullptr, "x", nullptr);  // fails on that thread only
  }).join();
  EXPECT_EQ(other_thread_error, "");
  EXPECT_EQ(zy_error_last_code(), ZY_EIO);
  EXPECT_THAT(zy_error_last(), HasSubstr("missing.json"));
}

}  // namespace
