// Record-level exports: JSON Lines and CSV, every record with its tags and evidence.
#include "heard/export.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "report/export_support.h"

namespace heard {
namespace {

using nlohmann::ordered_json;

struct Lists {
  std::vector<std::string> outcomes, themes, districts, partners, attributions;
};

Lists Collect(const Record& record, const SummaryOptions& counting) {
  Lists lists;
  auto add = [](std::vector<std::string>& list, const std::string& value) {
    if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
  };
  for (const Tag& tag : record.tags) {
    switch (tag.kind) {
      case TagKind::kOutcome: add(lists.outcomes, tag.value); break;
      case TagKind::kTheme:
        if (CountsTag(tag, counting)) add(lists.themes, tag.value);
        break;
      case TagKind::kDistrict: add(lists.districts, tag.value); break;
      case TagKind::kPartner: add(lists.partners, tag.value); break;
      case TagKind::kAttribution: add(lists.attributions, tag.value); break;
    }
  }
  return lists;
}

ordered_json EvidenceJson(const Record& record) {
  ordered_json evidence = ordered_json::array();
  for (const Tag& tag : record.tags) {
    evidence.push_back({{"kind", TagKindName(tag.kind)},
                        {"value", tag.value},
                        {"origin", OriginName(tag.origin)},
                        {"pattern", tag.evidence.pattern},
                        {"matched", tag.evidence.matched},
                        {"start", tag.evidence.start},
                        {"end", tag.evidence.end},
                        {"confidence", tag.confidence},
                        {"note", tag.evidence.note},
                        {"qualifier", QualifierName(tag.qualifier)}});
  }
  return evidence;
}

std::string Dump(const ordered_json& json) {
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

namespace report {

std::string CsvField(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string JoinList(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& value : values) out += (out.empty() ? "" : "; ") + value;
  return out;
}

}  // namespace report

Status ExportRecords(Store& store, const std::string& round, ExportFormat format,
                     std::ostream& out, const SummaryOptions& counting) {
  using report::CsvField;
  using report::JoinList;
  if (format == ExportFormat::kCsvThemes) return report::WriteCsvThemes(store, round, out, counting);
  static const char* kColumns[] = {"id",        "round",    "channel",      "source",
                                   "locator",   "respondent", "question",   "text",
                                   "outcomes",  "themes",   "districts",    "partners",
                                   "attributions", "attributes", "flags",   "evidence"};
  if (format == ExportFormat::kCsv) {
    for (size_t i = 0; i < std::size(kColumns); ++i) out << (i ? "," : "") << kColumns[i];
    out << "\r\n";
  }
  Status status = store.ForEachRecord(round, [&](const Record& record) {
    const Lists lists = Collect(record, counting);
    ordered_json attributes = ordered_json::object();
    for (const Attribute& a : record.attributes) attributes[a.name] = a.value;
    if (format == ExportFormat::kJsonl) {
      ordered_json line = {{"id", record.id},
                           {"round", record.round},
                           {"channel", ChannelName(record.channel)},
                           {"source", record.source},
                           {"locator", record.locator.ToString()},
                           {"respondent", record.respondent},
                           {"question", record.question},
                           {"text", record.text},
                           {"outcomes", lists.outcomes},
                           {"themes", lists.themes},
                           {"districts", lists.districts},
                           {"partners", lists.partners},
                           {"attributions", lists.attributions},
                           {"attributes", attributes},
                           {"flags", record.flags},
                           {"redactions", record.redactions},
                           {"evidence", EvidenceJson(record)}};
      out << Dump(line) << '\n';
    } else {
      const std::string fields[] = {record.id,
                                    record.round,
                                    std::string(ChannelName(record.channel)),
                                    record.source,
                                    record.locator.ToString(),
                                    record.respondent,
                                    record.question,
                                    record.text,
                                    JoinList(lists.outcomes),
                                    JoinList(lists.themes),
                                    JoinList(lists.districts),
                                    JoinList(lists.partners),
                                    JoinList(lists.attributions),
                                    Dump(attributes),
                                    std::to_string(record.flags),
                                    Dump(EvidenceJson(record))};
      for (size_t i = 0; i < std::size(fields); ++i) out << (i ? "," : "") << CsvField(fields[i]);
      out << "\r\n";
    }
    return static_cast<bool>(out);
  });
  if (!status.ok()) return status;
  if (!out) return Status::Io("cannot write the export");
  return Status::Ok();
}

}  // namespace heard
