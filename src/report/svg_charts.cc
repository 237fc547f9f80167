// The report's SVG charts, drawn in C++ so the page needs no charting library.
#include "report/svg_charts.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace heard::report {
namespace {

constexpr int kBarWidth = 960;  // viewBox width of a bar chart
constexpr int kBarLabel = 330;  // room for the theme names
constexpr int kBarValue = 64;   // room for the total after the longest bar
constexpr int kBarRow = 26;
constexpr int kBarHeight = 18;

constexpr int kMapLabel = 340;  // room for the theme names
constexpr int kMapCell = 50;
constexpr int kMapRow = 26;
constexpr int kMapHead = 150;   // room for the slanted district names
constexpr int kMapRight = 110;  // the last district names run past the last column

std::string Fixed(double value) { return fmt::format("{:.1f}", value); }

// Pale blue through mid blue to navy; `t` in [0, 1].
std::string HeatColour(double t) {
  static const int kStops[3][3] = {{236, 244, 251}, {107, 174, 214}, {8, 48, 107}};
  const int lower = t < 0.5 ? 0 : 1;
  const double f = t < 0.5 ? t * 2 : (t - 0.5) * 2;
  int rgb[3];
  for (int i = 0; i < 3; ++i) {
    rgb[i] = static_cast<int>(
        std::lround(kStops[lower][i] + (kStops[lower + 1][i] - kStops[lower][i]) * f));
  }
  return fmt::format("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2]);
}

}  // namespace

std::string BarChart(const std::string& title, const std::vector<Bar>& bars) {
  int64_t most = 1;
  for (const Bar& bar : bars) most = std::max(most, bar.total);
  const int height = static_cast<int>(bars.size()) * kBarRow + 12;
  const double area = kBarWidth - kBarLabel - kBarValue;
  std::string svg = fmt::format(
      "<svg class=\"chart bars\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" height=\"{1}\" "
      "role=\"img\"><title>{2}</title>\n",
      kBarWidth, height, Html(title));
  svg += fmt::format("<line class=\"axis\" x1=\"{0}\" y1=\"2\" x2=\"{0}\" y2=\"{1}\"/>\n",
                     kBarLabel, height - 6);
  int y = 6;
  for (const Bar& bar : bars) {
    const std::string label = Shorten(bar.label, 46);
    svg += fmt::format("<text class=\"label\" x=\"{}\" y=\"{}\">{}", kBarLabel - 10, y + 14,
                       Html(label));
    if (label != bar.label) svg += fmt::format("<title>{}</title>", Html(bar.label));
    svg += "</text>\n";
    double x = kBarLabel;
    for (const char* channel : kChannelOrder) {
      const auto found = bar.by_channel.find(channel);
      if (found == bar.by_channel.end() || found->second == 0) continue;
      const double width = area * static_cast<double>(found->second) / static_cast<double>(most);
      CountFilter segment = bar.filter;
      segment.channel = channel;
      svg += fmt::format(
          "<a {}><title>{} {} records: {}</title><rect class=\"seg seg-{}\" x=\"{}\" y=\"{}\" "
          "width=\"{}\" height=\"{}\"/></a>\n",
          CountAttributes(segment), Number(found->second), ChannelLabel(channel), Html(bar.label),
          channel, Fixed(x), y, Fixed(std::max(width, 0.5)), kBarHeight);
      x += width;
    }
    svg += fmt::format("<a {}><text class=\"value\" x=\"{}\" y=\"{}\">{}</text></a>\n",
                       CountAttributes(bar.filter), Fixed(x + 6), y + 14, Number(bar.total));
    y += kBarRow;
  }
  return svg + "</svg>";
}

std::string HeatMap(const DistrictThemeMap& map,
                    const std::map<std::string, std::string>& theme_names) {
  int64_t most = 1;
  for (const auto& row : map.records) {
    for (int64_t n : row) most = std::max(most, n);
  }
  const int columns = static_cast<int>(map.districts.size());
  const int width = kMapLabel + columns * kMapCell + kMapRight;
  const int height = kMapHead + static_cast<int>(map.theme_ids.size()) * kMapRow + 8;
  std::string svg = fmt::format(
      "<svg class=\"chart heatmap\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" height=\"{1}\" "
      "role=\"img\"><title>Records by district and theme</title>\n",
      width, height);
  for (int c = 0; c < columns; ++c) {
    const int x = kMapLabel + c * kMapCell + kMapCell / 2;
    svg +=
        fmt::format("<text class=\"column\" transform=\"translate({} {}) rotate(-40)\">{}</text>\n",
                    x, kMapHead - 8, Html(map.districts[c]));
  }
  for (size_t r = 0; r < map.theme_ids.size(); ++r) {
    const int y = kMapHead + static_cast<int>(r) * kMapRow;
    const auto name = theme_names.find(map.theme_ids[r]);
    const std::string full = name == theme_names.end() ? map.theme_ids[r] : name->second;
    const std::string label = Shorten(full, 48);
    svg += fmt::format("<text class=\"label\" x=\"{}\" y=\"{}\">{}", kMapLabel - 10,
                       y + kMapRow / 2 + 5, Html(label));
    if (label != full) svg += fmt::format("<title>{}</title>", Html(full));
    svg += "</text>\n";
    for (int c = 0; c < columns; ++c) {
      const int64_t n = map.records[r][c];
      const int x = kMapLabel + c * kMapCell;
      const double t = static_cast<double>(n) / static_cast<double>(most);
      const std::string rect = fmt::format(
          "<rect class=\"cell\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" "
          "fill=\"{}\"/>",
          x + 1, y + 1, kMapCell - 2, kMapRow - 2,
          n == 0 ? "#f7f8fa" : HeatColour(0.06 + 0.94 * t));
      if (n == 0) {
        svg += rect + "\n";
        continue;
      }
      CountFilter filter;
      filter.theme = map.theme_ids[r];
      filter.district = map.districts[c];
      svg += fmt::format("<a {}>{}<text class=\"cell-value{}\" x=\"{}\" y=\"{}\">{}</text></a>\n",
                         CountAttributes(filter), rect, t > 0.6 ? " dark" : "", x + kMapCell / 2,
                         y + kMapRow / 2 + 5, Number(n));
    }
  }
  return svg + "</svg>";
}

}  // namespace heard::report
