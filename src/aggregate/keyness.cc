// The statistics of comparison: four-cell log-likelihood G2, its p-value, Hardie's log ratio, Holm.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "heard/compare.h"

namespace heard {
namespace {

// O * ln(O / E), with 0 * ln 0 = 0 (the limit), so zero cells contribute nothing.
double Term(double observed, double expected) {
  if (observed <= 0 || expected <= 0) return 0;
  return observed * std::log(observed / expected);
}

}  // namespace

Keyness ComputeKeyness(int64_t a, int64_t n1, int64_t c, int64_t n2) {
  Keyness k;
  if (n1 <= 0 || n2 <= 0 || a < 0 || c < 0 || a > n1 || c > n2) return k;
  const double A = static_cast<double>(a), B = static_cast<double>(n1 - a);
  const double C = static_cast<double>(c), D = static_cast<double>(n2 - c);
  const double N = A + B + C + D;
  const double with = A + C, without = B + D;
  const double r1 = static_cast<double>(n1), r2 = static_cast<double>(n2);
  const double g2 = 2 * (Term(A, r1 * with / N) + Term(B, r1 * without / N) +
                         Term(C, r2 * with / N) + Term(D, r2 * without / N));
  k.g2 = g2 < 0 ? 0 : g2;  // rounding can leave -1e-15 for identical shares
  k.p = std::erfc(std::sqrt(k.g2 / 2));
  const double share1 = (a == 0 ? 0.5 : A) / r1, share2 = (c == 0 ? 0.5 : C) / r2;
  k.log_ratio = std::log2(share1 / share2);
  // Exact comparison of a/n1 and c/n2 in integers (no rounding).
  const __int128 left = static_cast<__int128>(a) * n2, right = static_cast<__int128>(c) * n1;
  k.direction = left > right ? 1 : left < right ? -1 : 0;
  return k;
}

const char* SignificanceMark(double p) {
  if (p < 0.001) return "***";
  if (p < 0.01) return "**";
  if (p < 0.05) return "*";
  return "";
}

std::vector<double> HolmAdjust(const std::vector<double>& p) {
  const size_t m = p.size();
  std::vector<size_t> order(m);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) { return p[x] < p[y]; });
  std::vector<double> adjusted(m, 1.0);
  double running = 0;
  for (size_t i = 0; i < m; ++i) {
    const double value = std::min(1.0, p[order[i]] * static_cast<double>(m - i));
    running = std::max(running, value);  // monotone: never below an earlier adjusted p
    adjusted[order[i]] = running;
  }
  return adjusted;
}

const char* VerdictName(Verdict verdict) {
  switch (verdict) {
    case Verdict::kNew:
      return "new";
    case Verdict::kGone:
      return "gone";
    case Verdict::kRising:
      return "rising";
    case Verdict::kFalling:
      return "falling";
    case Verdict::kSteady:
      return "steady";
    case Verdict::kFew:
      return "few";
  }
  return "steady";
}

}  // namespace heard
