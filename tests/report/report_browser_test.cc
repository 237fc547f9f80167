// The HTML report in headless Chromium from disk: #selftest follows every count; screenshots.
#include <catch2/catch.hpp>
#include <filesystem>

#include "heard/report.h"
#include "report/report_fixture.h"

namespace heard {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

constexpr const char* kChromium = "/usr/bin/chromium";

// Headless Chromium with no network chatter and a profile of its own, as root in CI.
std::string Chromium(const TempDir& profile, const std::string& extra) {
  return std::string("timeout 300 ") + kChromium +
         " --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking"
         " --disable-component-update --disable-sync --disable-quic --hide-scrollbars"
         " --user-data-dir=" +
         profile.path().string() + " " + extra;
}

size_t Occurrences(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

// Loads report.html#selftest and returns what the page wrote into <pre id="selftest">.
std::string SelfTest(const std::string& html_path, std::string* dom = nullptr) {
  TempDir profile;
  const std::string url = "file://" + fs::absolute(html_path).string() + "#selftest";
  testing::CommandOutcome run =
      testing::Shell(Chromium(profile, "--virtual-time-budget=10000 --dump-dom '" + url + "'"));
  INFO("chromium exit code " << run.code);
  REQUIRE(run.code == 0);
  const size_t pre = run.out.find("<pre id=\"selftest\"");
  REQUIRE(pre != std::string::npos);
  const size_t begin = run.out.find('>', pre) + 1;
  const size_t end = run.out.find("</pre>", begin);
  REQUIRE(end != std::string::npos);
  if (dom != nullptr) *dom = run.out;
  return run.out.substr(begin, end - begin);
}

// The value of "name=N" in the self-test line.
std::string Field(const std::string& line, const std::string& name) {
  const size_t at = line.find(" " + name + "=");
  if (at == std::string::npos) return "";
  const size_t begin = at + name.size() + 2;
  return line.substr(begin, line.find_first_of(" \n", begin) - begin);
}

void Screenshot(const std::string& html_path, const std::string& hash, const std::string& png) {
  TempDir profile;
  fs::remove(png);
  const std::string url = "file://" + fs::absolute(html_path).string() + hash;
  testing::CommandOutcome run = testing::Shell(Chromium(
      profile,
      "--window-size=1280,2000 --virtual-time-budget=3000 --screenshot=" + png + " '" + url + "'"));
  REQUIRE(run.code == 0);
  const std::string bytes = testing::ReadFile(png);
  CHECK(bytes.size() > 20000);  // a rendered page, not a blank one
  CHECK(bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
}

bool HaveChromium() {
  if (fs::exists(kChromium)) return true;
  WARN("SKIPPED: " << kChromium
                   << " is missing (apt-get install chromium); the page was not "
                      "checked in a browser");
  return false;
}

}  // namespace

TEST_CASE("report: in Chromium every count link lists exactly the records it counts",
          "[report][browser]") {
  if (!HaveChromium()) return;
  TempDir dir;
  const std::string db = dir / "sample.db";
  testing::LoadSampleRound(db);
  testing::CommandOutcome made = testing::Heard("report --db " + db + " --out " + (dir / "out"));
  REQUIRE(made.code == 0);
  const std::string html_path = dir / "out/report.html";
  const std::string html = testing::ReadFile(html_path);

  const std::string line = SelfTest(html_path);
  INFO(line);
  CHECK_THAT(line, Catch::StartsWith("PASS "));
  CHECK(Field(line, "mismatches") == "0");
  // Every link of the page was followed, every quote's record shown, every chart drawn.
  CHECK(Field(line, "links") == std::to_string(Occurrences(html, "<a class=\"count\"")));
  CHECK(std::stoul(Field(line, "links")) > 2000);
  CHECK(Field(line, "quotes") == std::to_string(Occurrences(html, "<a class=\"rec-link\"")));
  const std::string charts = std::to_string(Occurrences(html, "<svg class=\"chart"));
  CHECK(Field(line, "svgs") == charts + "/" + charts);
  CHECK(Field(line, "records") == "1850");
  WARN("selftest: " << line);

  // Screenshots for a person to look at: the top of the report, and a count's records listed.
  const std::string shot = std::string(HEARD_BINARY_DIR) + "/report_screenshot.png";
  Screenshot(html_path, "", shot);
  Screenshot(html_path, "#example", std::string(HEARD_BINARY_DIR) + "/report_screenshot_panel.png");
  WARN("screenshot: " << shot);
}

TEST_CASE("report: in Chromium text with markup stays text", "[report][browser]") {
  if (!HaveChromium()) return;
  TempDir dir;
  auto store = testing::MarkupStore(dir / "markup.db");
  auto report = BuildReport(*store, "Round </script> & co");
  REQUIRE(report.ok());
  REQUIRE(WriteReport(*report, dir / "out").ok());

  std::string dom;
  const std::string line = SelfTest(dir / "out/report.html", &dom);
  INFO(line);
  CHECK_THAT(line, Catch::StartsWith("PASS "));
  CHECK(Field(line, "records") == "3");
  // The parser saw the whole page: the section after the data, and no element made from text.
  CHECK_THAT(dom, Catch::Contains("id=\"about\""));
  CHECK(dom.find("<b>") == std::string::npos);
  CHECK_THAT(dom, Catch::Contains("&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;"));
}

}  // namespace heard
