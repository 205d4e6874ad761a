// zy batch: evaluates many dossiers in parallel against one compiled pack.
//
// Inputs are listed first (in name order, so the run is the same whatever the order the
// file system gives), then a pool of threads takes them one at a time: load, evaluate,
// render, write the report atomically. Each report's name comes from its input, so what is
// written does not depend on --jobs. The main thread shows progress and, at the end, the
// summary: programs per overall verdict and the criteria failed most often.
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "tools/zy/commands.h"
#include "tools/zy/diagnostics_output.h"

namespace zy {
namespace {

namespace fs = std::filesystem;

constexpr char kUsage[] =
    "usage: zy batch INPUT... --out DIR [options]\n"
    "\n"
    "Evaluates every dossier given and writes one report each into DIR, named after its\n"
    "input (failing.json -> DIR/failing.json), then prints a summary.\n"
    "\n"
    "INPUT is a dossier (a JSON file or a CSV bundle folder), a folder of dossiers (its\n"
    "*.json files and bundle folders), or a SQLite database of many programs (one report\n"
    "per program, named after its id).\n"
    "\n"
    "options:\n"
    "  --out DIR              where the reports go (created if missing)\n"
    "  --jobs N               threads evaluating at once (default: the number of cores)\n"
    "  --format json|md|html  the form of each report (default json)\n"
    "  --lang zh|en           the language of md and html reports (default zh)\n"
    "  --rules PATH           a rule pack instead of the built-in one\n"
    "  --param NAME=VALUE     override a pack parameter (repeatable)\n"
    "  --max-steps N          stop an evaluation after N steps (default 10^9)\n"
    "  --progress auto|always|never\n"
    "                         progress on stderr: a bar on a terminal, lines otherwise\n"
    "\n"
    "exit status: 0 every dossier evaluated, 1 some could not be read (the others are\n"
    "written), 2 usage error, 130 interrupted (reports finished so far are kept; no file is\n"
    "half-written)\n";

std::atomic<bool> interrupted{false};
extern "C" void OnInterrupt(int) { interrupted = true; }

// One dossier to evaluate and where its report goes.
struct Job {
  std::string input;
  std::string program;  // a program of the SQLite database `input`; empty for a file
  std::string output;
};

// A dossier an INPUT names: its path, the program for a database, its report's name.
struct Named {
  std::string input;
  std::string program;
  std::string stem;
};

// SQLite databases start with this header.
bool IsSqlite(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  char header[16] = {};
  in.read(header, sizeof header);
  return in && std::string_view(header, sizeof header) == std::string_view("SQLite format 3\0", 16);
}

// What became of one job.
struct Outcome {
  bool done = false;
  std::string overall;  // empty when the dossier could not be read
  std::vector<std::string> failing;
  std::string error;
};

bool IsBundle(const fs::path& folder) {
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(folder, error)) {
    if (entry.path().extension() == ".csv") return true;
  }
  return false;
}

// The dossiers an INPUT names, each with its report's file name (without the extension).
absl::Status ExpandInput(const std::string& input, std::vector<Named>& out) {
  const fs::path path(input);
  std::error_code error;
  if (!fs::is_directory(path, error) && IsSqlite(path)) {
    absl::StatusOr<std::vector<std::string>> programs = zhuoyue::Dossier::SqlitePrograms(input);
    if (!programs.ok()) return programs.status();
    for (const std::string& program : *programs) out.push_back({input, program, program});
    return absl::OkStatus();
  }
  if (!fs::is_directory(path, error) || IsBundle(path)) {
    std::string stem = path.filename().string();
    if (stem.empty()) stem = path.parent_path().filename().string();  // "folder/"
    if (stem.ends_with(".json")) stem.resize(stem.size() - 5);
    out.push_back({input, "", stem});
    return absl::OkStatus();
  }
  std::vector<fs::path> entries;
  for (const auto& entry : fs::directory_iterator(path, error)) {
    if ((entry.is_regular_file() && entry.path().extension() == ".json") ||
        (entry.is_directory() && IsBundle(entry.path()))) {
      entries.push_back(entry.path());
    }
  }
  std::sort(entries.begin(), entries.end());
  for (const fs::path& entry : entries) {
    out.push_back(
        {entry.string(), "",
         entry.extension() == ".json" ? entry.stem().string() : entry.filename().string()});
  }
  return absl::OkStatus();
}

std::string Render(const zhuoyue::Report& report, const std::string& format,
                   zhuoyue::Language language) {
  if (format == "md") return zhuoyue::ReportToMarkdown(report, language);
  if (format == "html") return zhuoyue::ReportToHtml(report, language);
  return zhuoyue::ReportToJson(report);
}

// Criterion ids in the standard's order: "2.9" before "2.10".
bool CriterionBefore(const std::string& a, const std::string& b) {
  auto parts = [](const std::string& id) {
    std::vector<int> numbers;
    std::stringstream in(id);
    std::string part;
    while (std::getline(in, part, '.')) numbers.push_back(std::atoi(part.c_str()));
    return numbers;
  };
  std::vector<int> x = parts(a), y = parts(b);
  return x != y ? x < y : a < b;
}

std::string Duration(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  std::ostringstream out;
  if (s >= 3600)
    out << s / 3600 << ":" << std::setw(2) << std::setfill('0') << (s / 60) % 60;
  else
    out << s / 60;
  out << ":" << std::setw(2) << std::setfill('0') << s % 60;
  return out.str();
}

// Progress on stderr: a redrawn bar with rate and ETA on a terminal, else a line every
// 10 % (and at the end), so logs stay short.
class Progress {
 public:
  Progress(size_t total, bool bar) : total_(total), bar_(bar), start_(Clock::now()) {}

  void Show(size_t done, bool final) {
    const double elapsed = std::chrono::duration<double>(Clock::now() - start_).count();
    const double rate = elapsed > 0 ? done / elapsed : 0;
    const double eta = rate > 0 ? (total_ - done) / rate : 0;
    const int percent = total_ == 0 ? 100 : static_cast<int>(100 * done / total_);
    std::ostringstream text;
    text << done << "/" << total_ << " (" << percent << "%) " << std::fixed << std::setprecision(1)
         << rate << "/s";
    if (!final) text << ", ETA " << Duration(eta);
    if (bar_) {
      constexpr int kWidth = 30;
      const int filled = total_ == 0 ? kWidth : static_cast<int>(kWidth * done / total_);
      std::cerr << "\r[" << std::string(filled, '#') << std::string(kWidth - filled, '.') << "] "
                << text.str() << "   " << (final ? "\n" : "") << std::flush;
    } else if (final || percent / 10 > last_decile_) {
      last_decile_ = percent / 10;
      std::cerr << "zy batch: " << text.str() << "\n";
    }
  }

 private:
  using Clock = std::chrono::steady_clock;
  size_t total_;
  bool bar_;
  Clock::time_point start_;
  int last_decile_ = 0;
};

}  // namespace

int RunBatch(const std::vector<std::string>& args) {
  std::vector<std::string> inputs;
  std::string out_dir, progress = "auto";
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  zhuoyue::Language language = zhuoyue::Language::kZh;
  CommonOptions common;
  common.format = "json";
  common.formats = {"json", "md", "html"};
  auto usage = [](const std::string& problem) { return UsageError(kUsage, problem); };
  for (size_t i = 0; i < args.size(); ++i) {
    bool taken = false;
    if (auto exit = ReadCommonOption(args, i, /*accepts_params=*/true, kUsage, common, taken)) {
      return *exit;
    }
    if (taken) continue;
    const std::string& arg = args[i];
    auto value = [&](std::string& into) { return OptionValue(args, i, into); };
    std::string text;
    if (arg == "--out") {
      if (!value(out_dir)) return usage("--out needs a folder");
    } else if (arg == "--jobs") {
      if (!value(text) || text.find_first_not_of("0123456789") != std::string::npos ||
          std::atoi(text.c_str()) < 1) {
        return usage("--jobs needs a number of threads, 1 or more");
      }
      jobs = std::atoi(text.c_str());
    } else if (arg == "--lang") {
      if (!value(text) || (text != "zh" && text != "en")) return usage("--lang is zh or en");
      language = text == "zh" ? zhuoyue::Language::kZh : zhuoyue::Language::kEn;
    } else if (arg == "--progress") {
      if (!value(progress) || (progress != "auto" && progress != "always" && progress != "never")) {
        return usage("--progress is auto, always or never");
      }
    } else if (arg.starts_with("-")) {
      return usage("unknown option `" + arg + "`");
    } else {
      inputs.push_back(arg);
    }
  }
  if (inputs.empty()) return usage("no input given");
  if (out_dir.empty()) return usage("--out is required");

  // The jobs, and an error for two inputs whose reports would have the same name.
  std::vector<Named> named;
  for (const std::string& input : inputs) {
    std::error_code error;
    if (!fs::exists(input, error)) {
      std::cerr << "zy: cannot open " << input << "\n";
      return kExitInput;
    }
    if (absl::Status expanded = ExpandInput(input, named); !expanded.ok()) {
      std::cerr << "zy: " << expanded.message() << "\n";
      return kExitInput;
    }
  }
  const std::string extension = common.format == "md" ? ".md" : "." + common.format;
  std::vector<Job> work;
  std::map<std::string, std::string> by_output;
  for (const Named& dossier : named) {
    const std::string output = (fs::path(out_dir) / (dossier.stem + extension)).string();
    const std::string input =
        dossier.program.empty() ? dossier.input : dossier.input + " (" + dossier.program + ")";
    if (auto [it, added] = by_output.emplace(output, input); !added) {
      return usage("`" + input + "` and `" + it->second + "` would both write " + output +
                   "; give inputs with distinct names");
    }
    work.push_back({dossier.input, dossier.program, output});
  }

  std::vector<zhuoyue::Diagnostic> diagnostics;
  auto pack = LoadPack(common.rules, &diagnostics);
  if (!pack.ok()) {
    PrintDiagnostics(diagnostics, DiagnosticsStyle::kHuman);
    std::cerr << "zy: " << pack.status().message() << "\n";
    return kExitInput;
  }
  std::error_code error;
  fs::create_directories(out_dir, error);
  if (error) {
    std::cerr << "zy: cannot write " << out_dir << ": " << error.message() << "\n";
    return kExitInput;
  }

  // Ctrl-C stops taking new dossiers; those in hand are finished or their temporary file
  // removed, so no report is left half-written.
  struct sigaction action = {};
  action.sa_handler = OnInterrupt;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);

  std::vector<Outcome> outcomes(work.size());
  std::atomic<size_t> next{0}, finished{0};
  auto worker = [&] {
    for (size_t j = next++; j < work.size() && !interrupted; j = next++) {
      Outcome& outcome = outcomes[j];
      std::vector<zhuoyue::Diagnostic> problems;
      auto dossier =
          work[j].program.empty()
              ? zhuoyue::Dossier::FromFile(**pack, work[j].input, &problems)
              : zhuoyue::Dossier::FromSqlite(**pack, work[j].input, work[j].program, &problems);
      absl::StatusOr<zhuoyue::Report> report =
          dossier.ok() ? zhuoyue::Evaluate(**pack, **dossier, common.evaluate)
                       : absl::StatusOr<zhuoyue::Report>(dossier.status());
      if (!report.ok()) {
        outcome.error =
            problems.empty() ? std::string(report.status().message()) : problems.front().Format();
        if (problems.size() > 1)
          absl::StrAppend(&outcome.error, " (and ", problems.size() - 1, " more)");
      } else {
        const std::string text = Render(*report, common.format, language);
        absl::Status written = WriteAtomically(work[j].output, [&](const std::string& temporary) {
          return WriteText(temporary, text);
        });
        if (!written.ok()) {
          outcome.error = std::string(written.message());
        } else {
          outcome.overall = report->overall;
          for (const auto& requirement : report->requirements) {
            for (const auto& criterion : requirement.criteria) {
              if (criterion.verdict == zhuoyue::Verdict::kNotMet) {
                outcome.failing.push_back(criterion.id);
              }
            }
          }
        }
      }
      outcome.done = true;
      ++finished;
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < std::min<size_t>(jobs, work.size()); ++t) threads.emplace_back(worker);

  // `auto` and `always`: a bar on a terminal, else a line per 10 % (batch runs end up in
  // logs); `never`: nothing.
  const bool show = progress != "never";
  Progress meter(work.size(), show && isatty(STDERR_FILENO));
  while (finished < work.size() && !interrupted) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (show && finished < work.size()) meter.Show(finished, false);
  }
  for (std::thread& thread : threads) thread.join();
  if (show) meter.Show(finished, true);

  // The summary, from the outcomes in input order: the same whatever --jobs was.
  std::map<std::string, int> overall;
  std::map<std::string, int> failing;
  std::vector<size_t> unreadable;
  size_t evaluated = 0;
  for (size_t j = 0; j < work.size(); ++j) {
    if (!outcomes[j].done) continue;
    if (!outcomes[j].error.empty()) {
      unreadable.push_back(j);
      continue;
    }
    ++evaluated;
    ++overall[outcomes[j].overall];
    for (const std::string& id : outcomes[j].failing) ++failing[id];
  }
  std::cout << evaluated << " of " << work.size() << " dossiers evaluated into " << out_dir
            << "\n\n";
  std::cout << "overall\n";
  for (const char* verdict : {"passed_and_met", "passed_not_met", "not_passed", "pending"}) {
    const int count = overall[verdict];
    std::cout << "  " << std::left << std::setw(16) << verdict << std::right << std::setw(8)
              << count << "  " << std::fixed << std::setprecision(1)
              << (evaluated ? 100.0 * count / evaluated : 0.0) << "%\n";
  }
  std::vector<std::pair<std::string, int>> ranked(failing.begin(), failing.end());
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : CriterionBefore(a.first, b.first);
  });
  if (!ranked.empty()) {
    std::cout << "\nmost often not met\n";
    for (size_t k = 0; k < std::min<size_t>(10, ranked.size()); ++k) {
      std::cout << "  " << std::left << std::setw(8) << ranked[k].first << std::right
                << std::setw(8) << ranked[k].second << " programs\n";
    }
  }
  if (!unreadable.empty()) std::cout << "\nnot evaluated\n";
  for (size_t j : unreadable) {
    std::cout << "  " << work[j].input
              << (work[j].program.empty() ? "" : " (" + work[j].program + ")") << ": "
              << outcomes[j].error << "\n";
  }
  if (interrupted) {
    std::cerr << "zy: interrupted after " << finished << " of " << work.size()
              << " dossiers; the reports written are complete\n";
    return 130;
  }
  return unreadable.empty() ? kExitOk : kExitInput;
}

}  // namespace zy
