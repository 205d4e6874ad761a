// zy fmt: put rule files in the canonical layout (zhuoyue/format.h), or with --check list
// those that are not, for CI.
//
// Exit status: 0 done (with --check: every file formatted), 1 a file that is not formatted
// (--check), cannot be read or written, or does not parse (its diagnostics on stderr; the
// file is left untouched), 2 on a usage error.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "tools/zy/commands.h"
#include "zhuoyue/format.h"

namespace zy {
namespace {

namespace fs = std::filesystem;

constexpr char kUsage[] =
    "usage: zy fmt [--check] PATH...\n"
    "\n"
    "Puts rule files in the canonical layout: one space around operators, 2 spaces of\n"
    "indentation per brace, one item per line, comments kept where they are. PATH is a .zy\n"
    "file or a directory (every *.zy file below it, in name order). Files are rewritten in\n"
    "place, and only when their layout changes.\n"
    "\n"
    "options:\n"
    "  --check   rewrite nothing; print the files that are not formatted\n"
    "\n"
    "exit status: 0 done (--check: all formatted), 1 a file not formatted (--check) or that\n"
    "cannot be read, written or parsed, 2 usage error\n";

int Usage(const std::string& problem) { return UsageError(kUsage, problem); }

// The files a PATH names, in order; false (after a message) when it cannot be listed.
bool CollectFiles(const std::string& path, std::vector<std::string>& files) {
  std::error_code error;
  if (!fs::is_directory(path, error)) {
    if (!fs::exists(path, error)) {
      std::cerr << "zy: cannot read " << path << ": no such file or directory\n";
      return false;
    }
    files.push_back(path);  // a file named on the command line is taken whatever its name
    return true;
  }
  std::vector<std::string> found;
  fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, error);
  for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (it->path().extension() == ".zy" && it->is_regular_file(error)) {
      found.push_back(it->path().string());
    }
  }
  if (error) {
    std::cerr << "zy: cannot list " << path << ": " << error.message() << "\n";
    return false;
  }
  std::sort(found.begin(), found.end());
  files.insert(files.end(), found.begin(), found.end());
  return true;
}

bool ReadFile(const std::string& path, std::string& text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  text = buffer.str();
  return !in.bad();
}

// Replaces the file through a temporary file in its directory and a rename, so that a
// reader (or a crash) never sees half a file; the file keeps its permissions, and a symbolic
// link stays a link (its target is replaced).
bool WriteAtomically(const std::string& name, const std::string& text, std::string& problem) {
  std::error_code error;
  std::string path = fs::is_symlink(name, error) ? fs::canonical(name, error).string() : name;
  if (error) {
    problem = error.message();
    return false;
  }
  struct stat original;
  if (::stat(path.c_str(), &original) != 0) {
    problem = std::strerror(errno);
    return false;
  }
  std::string temporary = path + ".zyfmt-XXXXXX";  // mkstemp fills in the Xs
  int fd = ::mkstemp(temporary.data());
  if (fd < 0) {
    problem = std::strerror(errno);
    return false;
  }
  bool ok = ::fchmod(fd, original.st_mode & 07777) == 0;
  for (size_t written = 0; ok && written < text.size();) {
    ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) written += static_cast<size_t>(n);
  }
  ok = ok && ::fsync(fd) == 0;
  if (!ok) problem = std::strerror(errno);
  if (::close(fd) != 0 && ok) {
    ok = false;
    problem = std::strerror(errno);
  }
  if (ok && ::rename(temporary.c_str(), path.c_str()) != 0) {
    ok = false;
    problem = std::strerror(errno);
  }
  if (!ok) ::unlink(temporary.c_str());
  return ok;
}

}  // namespace

int RunFmt(const std::vector<std::string>& args) {
  bool check = false;
  bool options_done = false;
  std::vector<std::string> paths;
  for (const std::string& arg : args) {
    if (!options_done && (arg == "--help" || arg == "-h")) {
      std::cout << kUsage;
      return kExitOk;
    } else if (!options_done && arg == "--check") {
      check = true;
    } else if (!options_done && arg == "--") {
      options_done = true;
    } else if (!options_done && arg.starts_with("-")) {
      return Usage("unknown option " + arg);
    } else {
      paths.push_back(arg);
    }
  }
  if (paths.empty()) return Usage("no file or directory given");

  std::vector<std::string> files;
  bool failed = false;
  for (const std::string& path : paths) failed |= !CollectFiles(path, files);

  bool unformatted = false;
  for (const std::string& file : files) {
    std::string text;
    if (!ReadFile(file, text)) {
      std::cerr << "zy: cannot read " << file << "\n";
      failed = true;
      continue;
    }
    std::vector<zhuoyue::Diagnostic> diagnostics;
    absl::StatusOr<std::string> formatted = zhuoyue::FormatRules(text, file, &diagnostics);
    if (!formatted.ok()) {
      for (const zhuoyue::Diagnostic& d : diagnostics) std::cerr << d.Format() << "\n";
      if (diagnostics.empty()) std::cerr << "zy: " << formatted.status().message() << "\n";
      failed = true;
      continue;
    }
    if (*formatted == text) continue;
    if (check) {
      std::cout << file << "\n";
      unformatted = true;
      continue;
    }
    std::string problem;
    if (!WriteAtomically(file, *formatted, problem)) {
      std::cerr << "zy: cannot write " << file << ": " << problem << "\n";
      failed = true;
    }
  }
  std::cout.flush();
  return failed || unformatted ? kExitInput : kExitOk;
}

}  // namespace zy
