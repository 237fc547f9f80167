// The statistics against values worked out by hand: G2 (four-cell), p, log ratio, Holm.
#include <catch2/catch.hpp>
#include <cmath>

#include "heard/compare.h"

namespace heard {
namespace {

using Catch::Detail::Approx;

TEST_CASE("G2 is the four-cell log-likelihood of a 2x2 table of records", "[keyness]") {
  // a = 10 of n1 = 50 group records carry the theme; c = 20 of n2 = 200 in the rest.
  // N = 250; with = 30, without = 220. Expected = row total * column total / N:
  //   E11 = 50*30/250 = 6, E12 = 50*220/250 = 44, E21 = 200*30/250 = 24, E22 = 200*220/250 = 176.
  // Observed 10, 40, 20, 180:
  //   10 ln(10/6)    =  5.108256
  //   40 ln(40/44)   = -3.812408
  //   20 ln(20/24)   = -3.646431
  //   180 ln(180/176) =  4.045115
  //   sum = 1.694532, G2 = 2 * sum = 3.389064.
  // p = erfc(sqrt(3.389064 / 2)) = erfc(1.301742) = 0.06563 (chi-square 1 df: 3.39 < 3.84, so p >
  // 0.05). log ratio = log2((10/50) / (20/200)) = log2(0.2 / 0.1) = 1.
  const Keyness k = ComputeKeyness(10, 50, 20, 200);
  CHECK(k.g2 == Approx(3.389064).epsilon(1e-6));
  CHECK(k.p == Approx(0.06563).epsilon(1e-3));
  CHECK(k.p > 0.05);
  CHECK(k.log_ratio == Approx(1.0));
  CHECK(k.direction == 1);
  // The two-cell corpus form would be 2 * (5.108256 - 3.646431) = 2.923650: not what we report.
  CHECK(std::abs(k.g2 - 2.923650) > 0.4);
}

TEST_CASE("a zero cell counts 0 ln 0 = 0 and the log ratio puts 0.5 in its place", "[keyness]") {
  // a = 0 of 10, c = 10 of 10. N = 20, with = 10, without = 10, every E = 10*10/20 = 5.
  // Observed 0, 10, 10, 0: 0 + 10 ln(10/5) + 10 ln(10/5) + 0 = 20 ln 2 = 13.862944,
  // G2 = 27.725887. p = erfc(sqrt(13.862944)) = erfc(3.723297) = 1.4e-7 (well under 0.001).
  // log ratio = log2((0.5/10) / (10/10)) = log2(0.05) = -4.321928.
  const Keyness k = ComputeKeyness(0, 10, 10, 10);
  CHECK(k.g2 == Approx(27.725887).epsilon(1e-6));
  CHECK(k.p < 0.001);
  CHECK(k.p == Approx(std::erfc(std::sqrt(13.862944))).epsilon(1e-6));
  CHECK(k.log_ratio == Approx(-4.321928).epsilon(1e-6));
  CHECK(k.direction == -1);
  CHECK(SignificanceMark(k.p) == std::string("***"));

  // The mirror image: the group has it, the rest has none. Same G2, opposite direction.
  const Keyness mirror = ComputeKeyness(10, 10, 0, 10);
  CHECK(mirror.g2 == Approx(27.725887).epsilon(1e-6));
  CHECK(mirror.log_ratio == Approx(4.321928).epsilon(1e-6));
  CHECK(mirror.direction == 1);
}

TEST_CASE("equal shares, everyone, and empty tables give no evidence", "[keyness]") {
  // 5/10 against 5/10: every O equals its E (5), so every term is 0.
  const Keyness equal = ComputeKeyness(5, 10, 5, 10);
  CHECK(equal.g2 == Approx(0).margin(1e-12));
  CHECK(equal.p == Approx(1));
  CHECK(equal.log_ratio == Approx(0));
  CHECK(equal.direction == 0);
  // Every record carries the theme: the "without" column is all zeros; G2 = 0.
  CHECK(ComputeKeyness(7, 7, 3, 3).g2 == Approx(0).margin(1e-12));
  // Nothing to compare with.
  const Keyness empty = ComputeKeyness(3, 10, 0, 0);
  CHECK(empty.g2 == 0);
  CHECK(empty.p == 1);
  CHECK(empty.direction == 0);
}

TEST_CASE("a clear difference passes the 0.05, 0.01 and 0.001 thresholds in turn", "[keyness]") {
  // G2 thresholds for 1 df: 3.84 (p = 0.05), 6.63 (0.01), 10.83 (0.001).
  CHECK(std::string(SignificanceMark(0.2)).empty());
  CHECK(SignificanceMark(0.04) == std::string("*"));
  CHECK(SignificanceMark(0.009) == std::string("**"));
  CHECK(SignificanceMark(0.0009) == std::string("***"));
  // p of G2 = 3.841459 is 0.05 exactly (the chi-square 1 df critical value).
  const double p = std::erfc(std::sqrt(3.841459 / 2));
  CHECK(p == Approx(0.05).epsilon(1e-5));
}

TEST_CASE("Holm's adjustment: sorted, times (m - i + 1), kept monotone", "[keyness]") {
  // p = {0.01, 0.04, 0.03, 0.005}, m = 4. Ascending: 0.005 x4 = 0.02; 0.01 x3 = 0.03;
  // 0.03 x2 = 0.06; 0.04 x1 = 0.04, raised to 0.06 so it is not below the one before.
  const std::vector<double> adjusted = HolmAdjust({0.01, 0.04, 0.03, 0.005});
  REQUIRE(adjusted.size() == 4);
  CHECK(adjusted[0] == Approx(0.03));
  CHECK(adjusted[1] == Approx(0.06));
  CHECK(adjusted[2] == Approx(0.06));
  CHECK(adjusted[3] == Approx(0.02));
  CHECK(HolmAdjust({0.6, 0.7})[1] == Approx(1.0));  // capped at 1
}

}  // namespace
}  // namespace heard
