// The report's charts as inline SVG: stacked theme bars and the district × theme heat map.
#ifndef HEARD_SRC_REPORT_SVG_CHARTS_H_
#define HEARD_SRC_REPORT_SVG_CHARTS_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "heard/report.h"
#include "report/report_markup.h"

namespace heard::report {

// One bar: a theme's records, stacked by channel. `filter` selects the bar's
// records; each channel's segment adds its channel to it.
struct Bar {
  std::string label;
  CountFilter filter;
  int64_t total = 0;
  std::map<std::string, int64_t> by_channel;  // channel name -> records; sums to total
};

// <svg class="chart bars">: one row per bar, most first, as given. The total
// at the end of each bar is a count link; so is each segment (its <title>
// starts with its count). Empty `bars` draws an empty chart with its title.
std::string BarChart(const std::string& title, const std::vector<Bar>& bars);

// <svg class="chart heatmap">: themes down, districts across; every non-zero
// cell shows its count and links to its records (theme and district filter).
std::string HeatMap(const DistrictThemeMap& map,
                    const std::map<std::string, std::string>& theme_names);

}  // namespace heard::report

#endif  // HEARD_SRC_REPORT_SVG_CHARTS_H_
