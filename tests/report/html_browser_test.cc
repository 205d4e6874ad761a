// The HTML report in a real browser: Debian's headless Chromium loads the pages of the three
// examples (evaluated with the built-in pack) and of a hand-built report with a realisation
// matrix and attainment, and the test checks what it renders.
//
// Each page is loaded twice, both times in a network namespace of its own (`unshare --net`,
// where the machine allows it) and with every host name resolving to nothing:
//   - as written, with `--dump-dom`: the DOM after load holds every criterion with its
//     verdict; Chromium's NetLog shows no request made by the page;
//   - a probe copy — the page with its Content-Security-Policy removed and a script appended
//     that measures the laid-out page (boxes, colours, SVG bar widths, the resources the page
//     loaded) and writes the result as JSON into the DOM: the measures are compared with the
//     Report. Without the policy, the NetLog check shows that the page itself asks for
//     nothing, not only that the policy stopped it.
// The failing example is also saved as a full-page PNG screenshot, and the hand-built one
// too, in <build>/tests/html_report/ (with the HTML files), for a person to look at.
//
// Chromium is required: when it is missing the test fails (tools/dev.sh installs it).
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "report/examples.h"
#include "report/render.h"
#include "zhuoyue/zhuoyue.hpp"

namespace zhuoyue {
namespace {

using report_test::ReadFile;

namespace fs = std::filesystem;
using Json = nlohmann::json;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// Where the pages, screenshots and NetLogs go: html_report/ beside the test binary, in the
// build directory.
fs::path ArtifactDir() {
  std::error_code error;
  fs::path self = fs::read_symlink("/proc/self/exe", error);
  fs::path dir = (error ? fs::current_path() : self.parent_path()) / "html_report";
  fs::create_directories(dir);
  return dir;
}

void WriteFile(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

std::string ShellQuote(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

// `chromium` on the PATH (or $ZHUOYUE_CHROMIUM); empty when there is none.
std::string FindChromium() {
  if (const char* forced = std::getenv("ZHUOYUE_CHROMIUM"); forced && *forced) {
    return access(forced, X_OK) == 0 ? forced : "";
  }
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "/usr/bin:/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    fs::path candidate = fs::path(dir.empty() ? "." : dir) / "chromium";
    if (access(candidate.c_str(), X_OK) == 0) return candidate.string();
  }
  return "";
}

// Whether this machine lets us run a command without network (root, or user namespaces).
bool CanUnshareNetwork() {
  static const bool can = std::system("unshare --net true >/dev/null 2>&1") == 0;
  return can;
}

struct BrowserRun {
  int status = -1;
  std::string out;  // stdout: the DOM with --dump-dom
  std::string err;
  fs::path net_log;
};

// Runs headless Chromium on `page` with `extra` arguments: no network namespace's
// interfaces, every host name unresolvable, an unreachable proxy, no background traffic of
// the browser's own, a fresh profile, and a NetLog.
BrowserRun RunChromium(const fs::path& page, const std::vector<std::string>& extra) {
  static std::atomic<int> counter{0};
  std::string tag =
      page.stem().string() + "-" + std::to_string(getpid()) + "-" + std::to_string(counter++);
  fs::path dir = ArtifactDir();
  fs::path profile = dir / ("profile-" + tag);
  fs::remove_all(profile);
  BrowserRun run;
  run.net_log = dir / ("netlog-" + tag + ".json");
  fs::path out = dir / ("stdout-" + tag + ".txt");
  fs::path err = dir / ("stderr-" + tag + ".txt");
  std::vector<std::string> args = {
      FindChromium(),
      "--headless",
      "--disable-gpu",
      "--no-sandbox",
      "--no-first-run",
      "--no-default-browser-check",
      "--user-data-dir=" + profile.string(),
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-default-apps",
      "--disable-extensions",
      "--disable-sync",
      "--disable-client-side-phishing-detection",
      "--disable-features=Translate,OptimizationHints,MediaRouter,SpellCheck,"
      "AutofillServerCommunication",
      "--metrics-recording-only",
      "--host-resolver-rules=MAP * ~NOTFOUND",
      "--proxy-server=127.0.0.1:9",
      "--hide-scrollbars",
      "--force-device-scale-factor=1",
      "--log-net-log=" + run.net_log.string(),
  };
  args.insert(args.end(), extra.begin(), extra.end());
  args.push_back("file://" + fs::absolute(page).string());
  std::string command = "timeout 120 ";
  if (CanUnshareNetwork()) command += "unshare --net ";
  for (const std::string& arg : args) command += ShellQuote(arg) + " ";
  command += ">" + ShellQuote(out.string()) + " 2>" + ShellQuote(err.string());
  run.status = std::system(command.c_str());
  run.out = ReadFile(out);
  run.err = ReadFile(err);
  fs::remove_all(profile);
  fs::remove(out);
  fs::remove(err);
  return run;
}

// The requests the page made, from Chromium's NetLog: URL_REQUEST_START_JOB events whose
// initiator is the page's origin — the browser's own requests (update checks …) have "not an
// origin" and are not the page's doing.
std::vector<std::string> PageRequests(const fs::path& net_log) {
  std::string text = ReadFile(net_log);
  Json log = Json::parse(text, nullptr, false);
  if (log.is_discarded()) {
    // A log cut short by the browser's exit: close the event array.
    while (!text.empty() && (text.back() == '\n' || text.back() == ',')) text.pop_back();
    log = Json::parse(text + "]}", nullptr, false);
  }
  if (log.is_discarded() || !log.contains("constants") || !log.contains("events")) {
    ADD_FAILURE() << "cannot read the NetLog " << net_log;
    return {"<unreadable NetLog>"};
  }
  int start_job = log["constants"]["logEventTypes"].value("URL_REQUEST_START_JOB", -1);
  EXPECT_NE(start_job, -1) << "the NetLog names no URL_REQUEST_START_JOB";
  std::vector<std::string> requests;
  for (const Json& event : log["events"]) {
    if (event.value("type", -2) != start_job || !event.contains("params")) continue;
    const Json& params = event["params"];
    if (!params.contains("url")) continue;  // the end of a job
    std::string initiator;
    if (params.contains("initiator") && params["initiator"].is_string()) {
      initiator = params["initiator"].get<std::string>();
    }
    if (initiator == "not an origin") continue;
    requests.push_back(params.value("url", "?") + " (initiator " + initiator + ")");
  }
  return requests;
}

// Measures the laid-out page: appended to a copy of the page, it writes JSON into
// <pre id="zy-probe"> (with & < > and U+00A0 as \u escapes, so the DOM dump needs no
// unescaping).
constexpr char kProbe[] = R"js(
<script>
(function () {
  const all = (selector, root) => Array.from((root || document).querySelectorAll(selector));
  const box = (e) => { const r = e.getBoundingClientRect(); return {w: r.width, h: r.height}; };
  const shown = (e) => {
    const r = e.getBoundingClientRect(), s = getComputedStyle(e);
    return r.width > 0 && r.height > 0 && s.display !== 'none' && s.visibility !== 'hidden';
  };
  const overall = document.getElementById('overall');
  const out = {
    lang: document.documentElement.lang,
    charset: document.characterSet,
    title: document.title,
    overall: overall ? overall.dataset.overall : null,
    overallShown: overall ? shown(overall) : false,
    criteria: all('[data-criterion]').map(e => ({
      id: e.dataset.criterion, verdict: e.dataset.verdict, shown: shown(e),
      border: getComputedStyle(e).borderLeftColor,
      text: (e.querySelector('[data-part=text]') || {}).textContent})),
    badges: all('[data-requirement-badge]').map(e => ({
      id: e.dataset.requirementBadge, verdict: e.dataset.verdict, level: e.dataset.level,
      shown: shown(e), background: getComputedStyle(e).backgroundColor})),
    general: all('tr[data-general-point]').map(e => ({
      id: e.dataset.generalPoint, verdict: e.dataset.verdict, shown: shown(e)})),
    gaps: all('tr.gap').map(e => ({kind: e.dataset.gapKind, id: e.dataset.gapId,
                                   path: e.dataset.path, shown: shown(e)})),
    materials: all('tr[data-material]').map(e => ({id: e.dataset.material,
                                                   provided: e.dataset.provided})),
    cells: all('#heatmap td.cell').map(e => Object.assign({
      point: e.dataset.point, course: e.dataset.course, weight: e.dataset.weight,
      assessments: e.dataset.assessments, text: e.textContent,
      background: getComputedStyle(e).backgroundColor}, box(e))),
    emptyCells: all('#heatmap td.cell-empty').length,
    itemCells: all('#items td[data-covered=true]').map(e => e.dataset.item + '>' +
                                                         e.dataset.generalPoint),
    charts: all('svg.chart').map(svg => {
      const grid = all('line.grid', svg).map(l => l.x1.baseVal.value);
      const x0 = Math.min(...grid), plot = Math.max(...grid) - x0;
      const threshold = svg.querySelector('line.threshold');
      return {
        id: svg.id, shown: shown(svg),
        threshold: threshold ? (threshold.x1.baseVal.value - x0) / plot : null,
        rows: all('g.bar-row', svg).map(g => {
          const rect = g.querySelector('rect.bar');
          return {id: g.dataset.id, value: g.dataset.value,
                  share: rect ? rect.width.baseVal.value / plot : null,
                  drawn: rect ? rect.getBoundingClientRect().width : null,
                  fill: rect ? getComputedStyle(rect).fill : null,
                  noData: g.querySelector('text.no-data') ? g.querySelector('text.no-data').textContent : null};
        })};
    }),
    attainmentComputed: (document.getElementById('attainment') || {dataset: {}}).dataset.computed,
    noScores: document.getElementById('no-scores') ? shown(document.getElementById('no-scores')) : false,
    formula: (document.getElementById('formula') || {}).textContent || '',
    resources: performance.getEntriesByType('resource').map(e => e.name),
    height: Math.ceil(document.documentElement.getBoundingClientRect().height),
    width: document.documentElement.scrollWidth,
  };
  const pre = document.createElement('pre');
  pre.id = 'zy-probe';
  pre.textContent = JSON.stringify(out).replace(/[&<>\u00a0]/g,
      c => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
  document.body.appendChild(pre);
})();
</script>
)js";

constexpr char kPolicyStart[] = "<meta http-equiv=\"Content-Security-Policy\"";

// The probe copy of `html`: the policy removed (the probe is a script), the probe appended.
std::string ProbeCopy(const std::string& html) {
  std::string copy = html;
  size_t policy = copy.find(kPolicyStart);
  if (policy != std::string::npos) copy.erase(policy, copy.find('>', policy) + 1 - policy);
  size_t end = copy.rfind("</body>");
  copy.insert(end == std::string::npos ? copy.size() : end, kProbe);
  return copy;
}

// Renders `report`, writes the page and its probe copy as <name>.html and <name>.probe.html,
// loads both, and returns the probe's measures; the page's own DOM dump goes to `dom`.
Json LoadInBrowser(const Report& report, Language language, const std::string& name,
                   std::string* dom) {
  std::string chromium = FindChromium();
  if (chromium.empty()) {
    ADD_FAILURE() << "chromium is not installed: run `bash tools/dev.sh build` (it installs the "
                     "Debian package chromium) or set ZHUOYUE_CHROMIUM";
    return Json();
  }
  std::string html = RenderHtml(report, language);
  fs::path page = ArtifactDir() / (name + ".html");
  fs::path probe = ArtifactDir() / (name + ".probe.html");
  WriteFile(page, html);
  WriteFile(probe, ProbeCopy(html));

  // The page as written: the DOM after load, and nothing asked of the network.
  BrowserRun plain = RunChromium(page, {"--dump-dom"});
  EXPECT_EQ(plain.status, 0) << plain.err;
  EXPECT_THAT(PageRequests(plain.net_log), IsEmpty()) << name;
  fs::remove(plain.net_log);
  *dom = plain.out;

  BrowserRun measured = RunChromium(probe, {"--dump-dom", "--window-size=1280,900"});
  EXPECT_EQ(measured.status, 0) << measured.err;
  EXPECT_THAT(PageRequests(measured.net_log), IsEmpty()) << name << " (probe copy)";
  fs::remove(measured.net_log);
  // Found by hand: std::regex recurses once per character and overflows on a long probe.
  const std::string open = "<pre id=\"zy-probe\">";
  size_t begin = measured.out.find(open);
  size_t end = begin == std::string::npos ? begin : measured.out.find("</pre>", begin);
  if (end == std::string::npos) {
    ADD_FAILURE() << "the probe wrote nothing; Chromium said:\n" << measured.err;
    return Json();
  }
  std::string written = measured.out.substr(begin + open.size(), end - begin - open.size());
  Json probed = Json::parse(written, nullptr, false);
  EXPECT_FALSE(probed.is_discarded()) << written;
  return probed;
}

int Count(const std::string& text, const std::string& needle) {
  int count = 0;
  for (size_t at = text.find(needle); at != std::string::npos;
       at = text.find(needle, at + needle.size())) {
    ++count;
  }
  return count;
}

// Saves a full-page screenshot of `name`.html (already written) as <name>.png, `height`
// pixels high, and checks it is a PNG of that size with something in it.
void Screenshot(const std::string& name, int height) {
  fs::path page = ArtifactDir() / (name + ".html");
  fs::path png = ArtifactDir() / (name + ".png");
  fs::remove(png);
  height = std::clamp(height, 600, 30000);
  BrowserRun run = RunChromium(
      page, {"--screenshot=" + png.string(), "--window-size=1280," + std::to_string(height)});
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_THAT(PageRequests(run.net_log), IsEmpty()) << name << " (screenshot)";
  fs::remove(run.net_log);
  ASSERT_TRUE(fs::exists(png)) << run.err;
  std::string bytes = ReadFile(png);
  ASSERT_GT(bytes.size(), 24u);
  EXPECT_EQ(bytes.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  auto big_endian = [&](size_t at) {
    uint32_t value = 0;
    for (size_t i = 0; i < 4; ++i) value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
    return value;
  };
  EXPECT_EQ(bytes.substr(12, 4), "IHDR");
  EXPECT_EQ(big_endian(16), 1280u);
  EXPECT_EQ(big_endian(20), static_cast<uint32_t>(height));
  // A blank page of that size compresses to a few kilobytes; text, badges and tables don't.
  EXPECT_GT(bytes.size(), 50u * 1024) << png;
  std::cerr << "screenshot: " << png << " (" << bytes.size() << " bytes)\n";
}

// The probe's measures against the report they came from.
void ExpectRendered(const Report& report, const Json& probe, const std::string& dom,
                    const std::string& lang) {
  ASSERT_TRUE(probe.is_object());
  EXPECT_EQ(probe["lang"], lang);
  EXPECT_EQ(probe["charset"], "UTF-8");
  EXPECT_EQ(probe["overall"], report.overall);
  EXPECT_TRUE(probe["overallShown"].get<bool>());
  EXPECT_THAT(probe["resources"], IsEmpty()) << "the page loaded resources";
  EXPECT_LE(probe["width"].get<int>(), 1280) << "the page is wider than the window";

  // Every criterion, in order, with its verdict, text and verdict colour; laid out.
  std::map<std::string, std::string> colour_of;
  std::vector<const CriterionResult*> criteria;
  for (const RequirementResult& r : report.requirements) {
    for (const CriterionResult& c : r.criteria) criteria.push_back(&c);
  }
  const Json& shown = probe["criteria"];
  ASSERT_EQ(shown.size(), criteria.size());
  for (size_t i = 0; i < criteria.size(); ++i) {
    SCOPED_TRACE(criteria[i]->id);
    EXPECT_EQ(shown[i]["id"], criteria[i]->id);
    EXPECT_EQ(shown[i]["verdict"], VerdictName(criteria[i]->verdict));
    EXPECT_EQ(shown[i]["text"], criteria[i]->text);
    EXPECT_TRUE(shown[i]["shown"].get<bool>());
    // One border colour per verdict, different verdicts different colours.
    std::string verdict = VerdictName(criteria[i]->verdict);
    std::string border = shown[i]["border"];
    auto [it, inserted] = colour_of.emplace(verdict, border);
    EXPECT_EQ(it->second, border) << "two colours for " << verdict;
  }
  std::vector<std::string> colours;
  for (const auto& [verdict, colour] : colour_of) colours.push_back(colour);
  std::sort(colours.begin(), colours.end());
  EXPECT_EQ(std::unique(colours.begin(), colours.end()), colours.end())
      << "verdicts share a colour";

  // The page as written (no script) holds the same criteria in its DOM after load.
  EXPECT_EQ(Count(dom, "data-criterion=\""), static_cast<int>(criteria.size()));
  for (const CriterionResult* c : criteria) {
    EXPECT_THAT(dom, HasSubstr("data-criterion=\"" + c->id + "\" data-verdict=\"" +
                               VerdictName(c->verdict) + "\""));
  }
  EXPECT_THAT(dom, ::testing::Not(HasSubstr("<script")));

  ASSERT_EQ(probe["badges"].size(), report.requirements.size());
  for (size_t i = 0; i < report.requirements.size(); ++i) {
    const RequirementResult& r = report.requirements[i];
    EXPECT_EQ(probe["badges"][i]["id"], r.id);
    EXPECT_EQ(probe["badges"][i]["verdict"], VerdictName(r.verdict));
    EXPECT_EQ(probe["badges"][i]["level"], r.level);
    EXPECT_TRUE(probe["badges"][i]["shown"].get<bool>());
    EXPECT_NE(probe["badges"][i]["background"], "rgba(0, 0, 0, 0)") << "badge " << r.id;
  }
  ASSERT_EQ(probe["general"].size(), report.general_standard.size());
  for (size_t i = 0; i < report.general_standard.size(); ++i) {
    EXPECT_EQ(probe["general"][i]["id"], report.general_standard[i].id);
    EXPECT_EQ(probe["general"][i]["verdict"], VerdictName(report.general_standard[i].verdict));
  }
  ASSERT_EQ(probe["gaps"].size(), report.coverage.gaps.size());
  for (size_t i = 0; i < report.coverage.gaps.size(); ++i) {
    const CoverageGap& gap = report.coverage.gaps[i];
    std::string path;
    for (const std::string& step : gap.path) path += (path.empty() ? "" : "/") + step;
    EXPECT_EQ(probe["gaps"][i]["kind"], gap.kind);
    EXPECT_EQ(probe["gaps"][i]["id"], gap.id);
    EXPECT_EQ(probe["gaps"][i]["path"], path);
    EXPECT_TRUE(probe["gaps"][i]["shown"].get<bool>());
  }
  size_t materials = 0;
  for (const RequirementResult& r : report.requirements) materials += r.materials.size();
  EXPECT_EQ(probe["materials"].size(), materials);

  // The realisation matrix, when the report has one: one coloured, laid-out cell per matrix
  // cell, its weight and assessments written in it, darker for heavier support.
  const RealisationMatrix& m = report.matrix;
  if (!m.points.empty() && !m.courses.empty()) {
    ASSERT_EQ(probe["cells"].size(), m.cells.size());
    EXPECT_EQ(probe["emptyCells"].get<size_t>(),
              m.points.size() * m.courses.size() - m.cells.size());
    std::map<double, double> alpha_of_weight;
    for (const Json& cell : probe["cells"]) {
      SCOPED_TRACE(cell.dump());
      EXPECT_GT(cell["w"].get<double>(), 20);
      EXPECT_GT(cell["h"].get<double>(), 10);
      std::string background = cell["background"];
      std::smatch rgba;
      static const std::regex kRgba(R"(rgba\(9, 105, 218, ([0-9.]+)\))");
      ASSERT_TRUE(std::regex_match(background, rgba, kRgba)) << background;
      const MatrixCell* source = nullptr;
      for (const MatrixCell& c : m.cells) {
        if (m.points[c.point].id == cell["point"] && m.courses[c.course].id == cell["course"]) {
          source = &c;
        }
      }
      ASSERT_NE(source, nullptr);
      EXPECT_EQ(cell["weight"], source->weight);
      EXPECT_THAT(cell["text"].get<std::string>(), HasSubstr(source->weight));
      for (const std::string& assessment : source->assessments) {
        EXPECT_THAT(cell["text"].get<std::string>(), HasSubstr(assessment));
      }
      alpha_of_weight[source->weight_value] = std::stod(rgba[1]);
    }
    double previous = 0;
    for (const auto& [weight, alpha] : alpha_of_weight) {
      EXPECT_GT(alpha, previous) << "weight " << weight;
      previous = alpha;
    }
  } else {
    EXPECT_THAT(probe["cells"], IsEmpty());
  }

  // Attainment, when computed: bars as long as their values, the threshold line where the
  // threshold is, null values written as no data and never drawn.
  const Attainment& a = report.attainment;
  EXPECT_EQ(probe["attainmentComputed"], a.computed ? "true" : "false");
  EXPECT_EQ(probe["noScores"].get<bool>(), !a.computed);
  EXPECT_FALSE(probe["formula"].get<std::string>().empty());
  if (!a.computed) {
    EXPECT_THAT(probe["charts"], IsEmpty());
    return;
  }
  std::map<std::string, Json> charts;
  for (const Json& chart : probe["charts"]) charts[chart["id"].get<std::string>()] = chart;
  auto expect_bars = [&](const std::string& id, const auto& rows, auto value_of) {
    SCOPED_TRACE(id);
    ASSERT_EQ(charts.count(id), 1u);
    const Json& chart = charts[id];
    EXPECT_TRUE(chart["shown"].get<bool>());
    ASSERT_EQ(chart["rows"].size(), rows.size());
    for (size_t i = 0; i < rows.size(); ++i) {
      const Json& row = chart["rows"][i];
      std::optional<double> value = value_of(rows[i]);
      SCOPED_TRACE(row.dump());
      if (value) {
        EXPECT_NEAR(row["share"].get<double>(), std::clamp(*value, 0.0, 1.0), 0.001);
        if (*value > 0.01) EXPECT_GT(row["drawn"].get<double>(), 0);
        EXPECT_TRUE(row["noData"].is_null());
      } else {
        EXPECT_EQ(row["value"], "null");
        EXPECT_TRUE(row["share"].is_null()) << "a null value drawn as a bar";
        EXPECT_FALSE(row["noData"].is_null()) << "a null value not written as no data";
      }
    }
  };
  if (!a.points.empty()) {
    expect_bars("point-chart", a.points, [](const PointAttainment& p) { return p.value; });
    EXPECT_NEAR(charts["point-chart"]["threshold"].get<double>(), a.method.threshold, 0.001);
    expect_bars("share-chart", a.points,
                [](const PointAttainment& p) { return p.share_at_threshold; });
  }
  if (!a.items.empty()) {
    expect_bars("item-chart", a.items, [](const ItemAttainment& i) { return i.value; });
    EXPECT_NEAR(charts["item-chart"]["threshold"].get<double>(), a.method.threshold, 0.001);
  }
}

Report EvaluateExample(const std::string& name) {
  std::vector<Diagnostic> problems;
  auto pack = Pack::Builtin();
  EXPECT_TRUE(pack.ok()) << pack.status();
  if (!pack.ok()) return Report{};
  auto dossier = Dossier::FromFile(
      **pack, std::string(ZHUOYUE_SOURCE_DIR) + "/examples/" + name + ".json", &problems);
  EXPECT_TRUE(dossier.ok()) << dossier.status();
  if (!dossier.ok()) return Report{};
  auto report = Evaluate(**pack, **dossier);
  EXPECT_TRUE(report.ok()) << report.status();
  return report.ok() ? *std::move(report) : Report{};
}

TEST(HtmlBrowserTest, ChromiumIsInstalled) {
  EXPECT_FALSE(FindChromium().empty())
      << "chromium is not installed: run `bash tools/dev.sh build` (it installs the Debian "
         "package chromium) or set ZHUOYUE_CHROMIUM";
  if (!CanUnshareNetwork()) {
    std::cerr << "note: `unshare --net` is not allowed here; Chromium runs with unresolvable "
                 "hosts and an unreachable proxy only\n";
  }
}

// The NetLog check can see a request: a page with a remote image (and no policy) makes one.
TEST(HtmlBrowserTest, NetLogSeesARequestOfThePage) {
  ASSERT_FALSE(FindChromium().empty()) << "chromium is not installed";
  fs::path page = ArtifactDir() / "remote_image.html";
  WriteFile(page,
            "<!DOCTYPE html><html><body><img src=\"https://zhuoyue.invalid/x.png\"></body></html>");
  BrowserRun run = RunChromium(page, {"--dump-dom"});
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_THAT(PageRequests(run.net_log),
              ::testing::Contains(HasSubstr("https://zhuoyue.invalid/x.png")));
  fs::remove(run.net_log);
}

TEST(HtmlBrowserTest, CompliantExample) {
  Report report = EvaluateExample("compliant");
  std::string dom;
  Json probe = LoadInBrowser(report, Language::kZh, "compliant", &dom);
  ExpectRendered(report, probe, dom, "zh-CN");
  // The example has a realisation matrix and scores: both sections are drawn.
  EXPECT_FALSE(report.matrix.cells.empty());
  EXPECT_TRUE(report.attainment.computed);
}

TEST(HtmlBrowserTest, FailingExampleWithScreenshot) {
  Report report = EvaluateExample("failing");
  std::string dom;
  Json probe = LoadInBrowser(report, Language::kZh, "failing", &dom);
  ExpectRendered(report, probe, dom, "zh-CN");
  ASSERT_TRUE(probe.is_object());
  // The failing criteria of the example, by name.
  for (const char* id : {"1.1", "2.2", "2.5", "5.2", "5.4", "7.2"}) {
    EXPECT_THAT(dom,
                HasSubstr(std::string("data-criterion=\"") + id + "\" data-verdict=\"not_met\""));
  }
  // Its defects in the heat-map: no course supports S3.1; C15, which supports S8.2, has no
  // assessment.
  EXPECT_TRUE(report.attainment.computed);
  EXPECT_THAT(dom, HasSubstr(R"(<tr data-point-row="S3.1" data-item="S3" class="uncovered">)"));
  EXPECT_THAT(dom,
              ::testing::ContainsRegex(
                  R"(<td class="cell [^"]*no-assessment" data-point="S8.2" data-course="C15")"));
  Screenshot("failing", probe["height"].get<int>());
}

TEST(HtmlBrowserTest, IncompleteExampleInEnglish) {
  Report report = EvaluateExample("incomplete");
  std::string dom;
  Json probe = LoadInBrowser(report, Language::kEn, "incomplete", &dom);
  ExpectRendered(report, probe, dom, "en");
  // The example has no scores: the page says so (ExpectRendered checks it is shown).
  EXPECT_FALSE(report.attainment.computed);
  EXPECT_THAT(dom, HasSubstr("No scores were provided"));
}

// A matrix and attainment with what the examples lack: a numeric support weight, a point
// with every figure null next to attained, good and not-attained ones, items with industry
// points.
Report HandBuiltMatrixAndAttainment() {
  Report report = EvaluateExample("failing");
  RealisationMatrix& m = report.matrix;
  m.points = {{"S1.1", "S1", "职业道德与社会责任"},
              {"S1.2", "S1", "工程伦理"},
              {"S2.1", "S2", "数学与自然科学"},
              {"S3.1", "S3", "机械设计"}};
  m.courses = {{"C01", "工程伦理", "course", true, "3", "2", "school", {"lecture"}},
               {"C02", "高等数学", "course", true, "1", "6", "school", {}},
               {"C03", "机械设计", "design", true, "5", "4", "school", {"project"}},
               {"C12", "企业实习", "internship", false, "7", "8", "enterprise", {}}};
  m.cells = {{0, 0, "H", 3, {"A01", "A02"}},
             {0, 3, "M", 2, {"A12"}},
             {1, 0, "L", 1, {}},
             {2, 1, "H", 3, {"A03"}},
             {3, 2, "2.5", 2.5, {"A05", "A06"}}};
  m.items = {{"S1", "职业素养", {"G1", "G3", "I1"}},
             {"S2", "基础知识", {"G2"}},
             {"S3", "专业能力", {"G4", "I2"}}};
  Attainment& a = report.attainment;
  a.computed = true;
  a.points = {{"S1.1", "S1", 0.82, "41/50", 2, 24, 0.9, 21, "good"},
              {"S1.2", "S1", std::nullopt, "", 0, 0, std::nullopt, 0, "unknown"},
              {"S2.1", "S2", 0.55, "11/20", 1, 24, 0.4, 10, "not_attained"},
              {"S3.1", "S3", 0.7, "7/10", 1, 22, 0.75, 16, "attained"}};
  a.items = {{"S1", 0.82, "41/50", 1, "good"},
             {"S2", 0.55, "11/20", 1, "not_attained"},
             {"S3", 0.7, "7/10", 1, "attained"}};
  a.course_points = {{"C01", "S1.1", 0.8, "4/5", 3, {"A01", "A02"}, 24, 48},
                     {"C01", "S1.2", std::nullopt, "", 1, {}, 0, 0}};
  return report;
}

TEST(HtmlBrowserTest, HandBuiltMatrixAndAttainmentWithScreenshot) {
  Report report = HandBuiltMatrixAndAttainment();
  std::string dom;
  Json probe = LoadInBrowser(report, Language::kEn, "matrix_attainment", &dom);
  ExpectRendered(report, probe, dom, "en");
  ASSERT_TRUE(probe.is_object());
  EXPECT_THAT(probe["itemCells"], ::testing::ElementsAre("S1>G1", "S1>G3", "S2>G2", "S3>G4"));
  Screenshot("matrix_attainment", probe["height"].get<int>());
}

}  // namespace
}  // namespace zhuoyue
