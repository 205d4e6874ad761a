// zy gen: synthetic dossiers at named sizes, as JSON files, CSV bundles or one SQLite
// database (benchmarks/gen, docs/generator.md).
//
// Exit status: 0 written, 1 when the output cannot be written, 2 on a usage error.
#include <algorithm>
#include <charconv>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "benchmarks/gen/generator.h"
#include "tools/zy/commands.h"

namespace zy {
namespace {

constexpr char kUsage[] =
    "usage: zy gen --size SIZE --format json|csv|sqlite --out PATH [options]\n"
    "\n"
    "Generates synthetic, realistic dossiers (zhuoyue.dossier/1): programs with their\n"
    "school standard, standard points, courses, assessments, teachers, students and\n"
    "scores. The same seed gives the same bytes, whatever the number of threads; program i\n"
    "is the same in every run that includes it.\n"
    "\n"
    "sizes: program (1), university (100), province (1,000), nation (16,284, about 5.12 M\n"
    "students)\n"
    "\n"
    "options:\n"
    "  --size SIZE          the number of programs by name\n"
    "  --programs N         N programs instead (N >= 1)\n"
    "  --first I            start at program I (default 0), to write a slice of a run\n"
    "  --seed S             the seed, an unsigned integer (default 1)\n"
    "  --format FORMAT      json: PATH/<program-id>.json; csv: a CSV bundle folder\n"
    "                       PATH/<program-id>/; sqlite: one database file PATH\n"
    "  --out PATH           where to write\n"
    "  --bom                start CSV files with a UTF-8 BOM, as Excel writes them\n"
    "  --threads N          programs generated at once (default: the processors)\n"
    "  --progress           report progress on stderr\n"
    "\n"
    "exit status: 0 written, 1 the output cannot be written, 2 usage error\n";

int Usage(const std::string& problem) { return UsageError(kUsage, problem); }

template <class T>
bool ParseNumber(const std::string& text, T& into) {
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), into);
  return error == std::errc() && end == text.data() + text.size() && !text.empty();
}

}  // namespace

int RunGen(const std::vector<std::string>& args) {
  zhuoyue::gen::GenOptions options;
  options.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::string size, format, out;
  bool progress = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    auto value = [&](std::string& into) { return OptionValue(args, i, into); };
    std::string text;
    if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      return kExitOk;
    } else if (arg == "--size") {
      if (!value(size)) return Usage("--size needs a size");
    } else if (arg == "--programs") {
      if (!value(text) || !ParseNumber(text, options.programs) || options.programs < 1) {
        return Usage("--programs needs a number of at least 1");
      }
    } else if (arg == "--first") {
      if (!value(text) || !ParseNumber(text, options.first) || options.first < 0) {
        return Usage("--first needs a program index (0 or more)");
      }
    } else if (arg == "--seed") {
      if (!value(text) || !ParseNumber(text, options.seed)) {
        return Usage("--seed needs an unsigned integer");
      }
    } else if (arg == "--threads") {
      if (!value(text) || !ParseNumber(text, options.threads) || options.threads < 1) {
        return Usage("--threads needs a number of at least 1");
      }
    } else if (arg == "--format") {
      if (!value(format) || (format != "json" && format != "csv" && format != "sqlite")) {
        return Usage("--format is json, csv or sqlite");
      }
    } else if (arg == "--out") {
      if (!value(out) || out.empty()) return Usage("--out needs a path");
    } else if (arg == "--bom") {
      options.bom = true;
    } else if (arg == "--progress") {
      progress = true;
    } else {
      return Usage("unexpected argument `" + arg + "`");
    }
  }
  if (size.empty() && options.programs == -1) return Usage("--size or --programs is required");
  if (!size.empty()) options.size = size;
  if (format.empty()) return Usage("--format is required");
  if (out.empty()) return Usage("--out is required");
  if (options.bom && format != "csv") return Usage("--bom applies to --format csv only");
  absl::StatusOr<int64_t> count = zhuoyue::gen::ProgramCount(options);
  if (!count.ok()) return Usage(std::string(count.status().message()));
  if (progress) {
    // About twenty reports a run, at least one every hundred programs.
    int64_t step = std::clamp<int64_t>(*count / 20, 1, 100);
    options.progress = [step](int64_t done, int64_t total) {
      if (done % step == 0 || done == total) {
        std::cerr << "zy gen: " << done << "/" << total << " programs\n";
      }
    };
  }
  absl::Status written = format == "json"  ? zhuoyue::gen::WriteJson(options, out)
                         : format == "csv" ? zhuoyue::gen::WriteCsv(options, out)
                                           : zhuoyue::gen::WriteSqlite(options, out);
  if (!written.ok()) {
    std::cerr << "zy: " << written.message() << "\n";
    return kExitInput;
  }
  return kExitOk;
}

}  // namespace zy
