// The shipped lexicon (lexicons/*.toml): it loads, it is complete, and its
// cues find the themes that realistic comments are about, and not others.
#include <algorithm>
#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "heard/lexicon.h"
#include "heard/normalise.h"
#include "heard/record.h"
#include "heard/tagger.h"

namespace {

// The lexicon in lexicons/, loaded once for all cases.
const heard::Lexicon& Shipped() {
  static const heard::Result<heard::Lexicon> loaded =
      heard::Lexicon::Load(std::string(HEARD_SOURCE_DIR) + "/lexicons");
  INFO("lexicons/ does not compile: " << loaded.status().message());
  REQUIRE(loaded.ok());
  return *loaded;
}

// Themes the tagger finds in `text`, as a free-text note with no structure.
std::set<std::string> ThemesOf(const std::string& text) {
  heard::Record record;
  record.channel = heard::Channel::kFocusGroup;
  record.text = text;
  heard::FoldedText folded = heard::NormaliseRecord(record);
  heard::TagRecord(Shipped(), folded, record);
  std::set<std::string> themes;
  for (const heard::Tag& tag : record.tags) {
    if (tag.kind == heard::TagKind::kTheme) themes.insert(tag.value);
  }
  return themes;
}

std::string Join(const std::set<std::string>& values) {
  std::string out;
  for (const std::string& v : values) out += (out.empty() ? "" : ", ") + v;
  return "{" + out + "}";
}

struct ThemeCase {
  const char* text;
  std::vector<std::string> must;      // themes that must be found
  std::vector<std::string> must_not;  // themes that must not be found
};

// Sentences written for this test in the way people write on comment cards,
// in surveys and in workshop notes: short, abbreviated, sometimes misspelt.
const std::vector<ThemeCase>& Cases() {
  static const std::vector<ThemeCase> cases = {
      // primary care
      {"Couldn't get a GP appointment for three weeks, rang at 8am every day.",
       {"gp-access"},
       {"dentistry", "transport"}},
      {"cant get through to the surgery, number 27 in the queue then it cuts off",
       {"gp-access"},
       {}},
      {"Tried for weeks to get an apointment with my doctor", {"gp-access"}, {}},
      {"No NHS dentist taking on adults anywhere near Sheerness", {"dentistry"}, {"gp-access"}},
      {"Can't get an appointment with the dentist for my son", {"dentistry"}, {"gp-access"}},
      {"Waited 6 weeks for a dental appointment", {"dentistry", "waiting-times"}, {"gp-access"}},
      {"Pharmacy keeps running out of my repeat prescription", {"pharmacy"}, {"substance-misuse"}},
      {"Shortage of prescription drugs at the chemist again", {"pharmacy"}, {"substance-misuse"}},
      {"Would like to see the same GP each time, not a different doctor every visit",
       {"continuity-of-care"},
       {}},
      // waits, urgent care, discharge, joined-up care
      {"MH services for teens have huge waits",
       {"cyp-mental-health", "waiting-times"},
       {"adult-mental-health"}},
      {"CAMHS waiting lists are over a year",
       {"cyp-mental-health", "waiting-times"},
       {"adult-mental-health"}},
      {"The A&E at Margate was rammed, we waited 9 hours", {"urgent-care", "waiting-times"}, {}},
      {"Sorry, can't wait to see the final version!", {}, {"waiting-times"}},
      {"Mum was discharged from hospital at 11pm with no care package in place",
       {"hospital-discharge", "social-care"},
       {}},
      {"He was discharged from the army ten years ago and has never had support",
       {"armed-forces"},
       {"hospital-discharge"}},
      {"Had to tell my story five times to different people - why can't services talk to each "
       "other?",
       {"joined-up-care"},
       {}},
      {"The hospital couldn't see my GP records so I had to explain everything again",
       {"data-sharing", "joined-up-care"},
       {}},
      {"ASC assessments take months and nobody rings back", {"social-care"}, {}},
      {"The paid carers turn up late and are always rushed", {"social-care"}, {"carers"}},
      // mental health and neurodiversity
      {"Mental health crisis team never answered the phone",
       {"adult-mental-health"},
       {"cyp-mental-health"}},
      {"Veterans need help to access mental health support",
       {"armed-forces", "adult-mental-health"},
       {}},
      {"Autism assessment waiting list is over two years", {"autism-adhd", "waiting-times"}, {}},
      {"LD annual health checks just aren't happening at our practice",
       {"learning-disability"},
       {}},
      {"Dementia support for families after diagnosis is patchy", {"dementia"}, {}},
      // carers
      {"Carers need proper respite, I haven't had a break in two years", {"carers"}, {}},
      {"I look after my elderly mum full time and nobody asks how I am",
       {"carers", "older-people"},
       {}},
      {"Young carers miss school because they are looking after their mum",
       {"young-carers", "schools"},
       {}},
      {"Foster carers need more support from the council", {"children-in-care"}, {"carers"}},
      {"Fostering good relationships between partners is key", {}, {"children-in-care"}},
      // children and families
      {"EHCP took 18 months and the school still won't put the support in",
       {"send", "schools"},
       {}},
      {"Children with SEND are waiting years for assessments", {"send", "waiting-times"}, {}},
      {"SEND transport has been cut for our village", {"send"}, {}},
      {"Please send me a copy of the report when it is published", {}, {"send"}},
      {"We will send out letters to all residents", {}, {"send"}},
      {"Nothing for teenagers to do in Sheerness since the youth club shut",
       {"youth-services"},
       {}},
      {"Family hubs are great but parents don't know they exist", {"family-hubs"}, {}},
      {"Parenting courses in the evenings would help working dads", {"parenting"}, {}},
      {"Health visitors are so stretched they only phone now", {"health-visiting"}, {}},
      {"Early years settings can't get speech and language support", {"early-years"}, {}},
      {"Midwives at the maternity unit were fantastic", {"maternity"}, {}},
      {"Concerns about safeguarding children being exploited through county lines",
       {"safeguarding-children"},
       {"safeguarding-adults"}},
      {"Adult safeguarding referrals are not followed up",
       {"safeguarding-adults"},
       {"safeguarding-children"}},
      {"Kids are vaping at the school gates", {"vaping", "schools"}, {}},
      {"LGBTQ+ young people face discrimination at school",
       {"lgbtq-inclusion", "discrimination", "schools"},
       {}},
      // wider determinants
      {"Damp and mould in our council flat is making my son's asthma worse",
       {"housing-conditions", "housing", "long-term-conditions"},
       {}},
      {"People are choosing between heating and eating this winter", {"fuel-poverty"}, {}},
      {"Food bank use has doubled since the cost of living crisis",
       {"food-insecurity", "cost-of-living"},
       {}},
      {"Universal credit doesn't cover the rent", {"cost-of-living", "housing"}, {}},
      {"Section 21 evictions are pushing families into temporary accommodation",
       {"homelessness"},
       {}},
      {"Rough sleeping in Margate has gone up a lot", {"homelessness"}, {}},
      {"More refuge spaces are needed for women fleeing domestic abuse",
       {"domestic-abuse"},
       {"culturally-appropriate"}},
      {"Refugee families struggle to register with a GP",
       {"culturally-appropriate", "primary-care"},
       {"domestic-abuse"}},
      {"Adult education and apprenticeships would help people into work",
       {"employment-skills"},
       {"schools"}},
      {"Fear of crime stops older people going out after dark",
       {"community-safety", "older-people"},
       {}},
      // transport
      {"Buses from the villages to Pembury hospital only run every two hours",
       {"transport", "rural-transport"},
       {}},
      {"The community transport scheme is run by volunteers and is a lifeline",
       {"rural-transport", "voluntary-sector"},
       {}},
      {"Couldn't afford the bus fare to get to the hospital", {"transport", "cost-of-living"}, {}},
      {"Great business support from the council this year", {}, {"transport"}},
      {"The car park at the hospital is always full", {"transport"}, {"leisure-green-spaces"}},
      // healthy living
      {"Leisure centre prices are too high and the park near us has no lighting",
       {"leisure-green-spaces"},
       {}},
      {"Walking groups and parkrun are a cheap way to get active", {"physical-activity"}, {}},
      {"Obesity in children is rising, we need healthy eating taught in schools",
       {"healthy-eating-obesity", "schools"},
       {}},
      {"Stop smoking services have been cut", {"smoking"}, {}},
      {"Smoke alarms were fitted free by the fire service", {}, {"smoking"}},
      {"Drug and alcohol services in Ramsgate need more funding",
       {"substance-misuse", "funding-resources"},
       {}},
      {"Dad lives alone and hasn't spoken to anyone for days - loneliness is huge round here",
       {"loneliness"},
       {}},
      {"The social prescribing link worker at our surgery was brilliant",
       {"social-prescribing"},
       {"pharmacy"}},
      {"Menopause support at work is non-existent", {"womens-health"}, {}},
      {"The sexual health clinic in Canterbury has closed", {"sexual-health"}, {}},
      {"Flu jab uptake is low among pregnant women", {"screening-vaccination", "maternity"}, {}},
      // inclusion and information
      {"Services need to be culturally appropriate for the Nepali community",
       {"culturally-appropriate"},
       {}},
      {"No interpreter was booked so my daughter had to translate for me",
       {"interpreters-language"},
       {}},
      {"Easy read versions are needed for people with learning disabilities",
       {"accessible-information", "learning-disability"},
       {"disability-access"}},
      {"Wheelchair access at the surgery is poor", {"disability-access"}, {}},
      {"Not everyone is online - older people need a phone number or paper forms, not just an app",
       {"digital-exclusion", "older-people"},
       {}},
      {"Please keep face to face options for people who are not online", {"digital-exclusion"}, {}},
      {"I manage my diabetes with an app but the GP never looks at it",
       {"self-management", "long-term-conditions", "digital-services"},
       {}},
      {"I had a video consultation with the GP which was fine",
       {"digital-services"},
       {"engagement-codesign"}},
      // navigation, prevention, inequalities, end of life
      {"There needs to be one directory of services so people know who to contact",
       {"directory-of-services"},
       {}},
      {"Invest in prevention rather than waiting for people to reach crisis", {"prevention"}, {}},
      {"Life expectancy in the most deprived parts of Thanet is years lower",
       {"health-inequalities"},
       {}},
      {"Hospice at home made all the difference at the end of life", {"end-of-life"}, {}},
      // voluntary sector, partnership, estates, climate, research
      {"Small charities are on short-term funding and can't plan ahead",
       {"vcs-funding", "voluntary-sector"},
       {}},
      {"The VCS should be treated as an equal partner, not an afterthought",
       {"vcs-funding", "voluntary-sector"},
       {}},
      {"Partners should pool budgets and stop the duplication", {"partnership-working"}, {}},
      {"Empty buildings could be used as community hubs", {"estates", "care-closer-to-home"}, {}},
      {"The strategy should say how it will tackle climate change and cut carbon",
       {"climate-sustainability"},
       {}},
      {"No evidence base for half of this - pilot it first and evaluate",
       {"research-innovation"},
       {}},
      // workforce
      {"We can't recruit care workers, the supermarkets pay more",
       {"workforce-recruitment", "workforce-retention"},
       {}},
      {"Staff are burnt out and morale is at rock bottom",
       {"staff-wellbeing"},
       {"adult-mental-health"}},
      {"Nurses are leaving the NHS because of the pay", {"workforce-retention"}, {}},
      {"Receptionists need better training in mental health awareness",
       {"workforce-training"},
       {"transport"}},
      // engagement and the strategy itself
      {"Please co-design services with people with lived experience", {"engagement-codesign"}, {}},
      {"This consultation was a tick box exercise", {"engagement-codesign"}, {"physical-activity"}},
      {"The strategy is full of jargon and far too long",
       {"strategy-wording", "accessible-information"},
       {}},
      {"How will progress be measured and who is accountable?", {"strategy-accountability"}, {}},
      {"Who is going to fund all of this?", {"funding-resources"}, {}},
  };
  return cases;
}

}  // namespace

TEST_CASE("shipped lexicon compiles", "[lexicon][lexicon_files]") {
  auto loaded = heard::Lexicon::Load(std::string(HEARD_SOURCE_DIR) + "/lexicons");
  INFO(loaded.status().message());
  REQUIRE(loaded.ok());
  const heard::LexiconSpec& spec = loaded->spec();
  CHECK(spec.outcomes.size() == 10);
  CHECK(spec.themes.size() >= 40);
  CHECK(spec.districts.size() == 13);
  CHECK(spec.partners.size() >= 5);
  CHECK(!spec.outcodes.empty());
  CHECK(!spec.attribution.empty());
}

TEST_CASE("shipped lexicon: outcomes carry the strategy's names", "[lexicon][lexicon_files]") {
  const heard::Lexicon& lex = Shipped();
  const std::vector<std::pair<std::string, std::string>> names = {
      {"O1", "Give children and young people the best start in life"},
      {"O2", "Tackle the wider determinants to prevent ill health"},
      {"O3", "Support happy and healthy living"},
      {"O4", "Empower people to best manage their health conditions (patients and carers)"},
      {"O5", "Improve health and care services"},
      {"O6", "Support and grow our workforce"},
      {"E1", "Drive research, innovation and improvement"},
      {"E2", "Provide system leadership and make the most of collective resources (incl. estate)"},
      {"E3", "Engage communities on the strategy and in co-designing services"},
      {"GEN", "General: purpose, scope, tone, governance, funding of the strategy"},
  };
  for (const auto& [id, name] : names) {
    const heard::OutcomeDef* outcome = lex.FindOutcome(id);
    INFO(id);
    REQUIRE(outcome != nullptr);
    CHECK(outcome->name == name);
    CHECK(!outcome->short_name.empty());
    CHECK(!outcome->headings.empty());
  }
}

TEST_CASE("shipped lexicon: themes are well formed", "[lexicon][lexicon_files]") {
  const heard::Lexicon& lex = Shipped();
  std::set<std::string> outcomes_covered;
  for (const heard::ThemeDef& theme : lex.spec().themes) {
    INFO(theme.id);
    CHECK(!theme.name.empty());
    CHECK(!theme.outcomes.empty());
    CHECK(theme.outcomes.size() <= 2);
    CHECK(theme.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos);
    if (!theme.parent.empty()) {
      const heard::ThemeDef* parent = lex.FindTheme(theme.parent);
      REQUIRE(parent != nullptr);
      CHECK(parent->parent.empty());  // one level of grouping
    }
    for (const std::string& term : theme.cues.terms) {
      INFO(term);
      // '*' only at the end of a term
      CHECK(term.find('*') >= term.size() - 1);
    }
    outcomes_covered.insert(theme.outcomes.begin(), theme.outcomes.end());
  }
  // every outcome has themes, except GEN may rely on its own cues
  for (const char* id : {"O1", "O2", "O3", "O4", "O5", "O6", "E1", "E2", "E3", "GEN"}) {
    INFO(id);
    CHECK(outcomes_covered.count(id) == 1);
  }
  // topics the consultation heard about have a theme of their own
  for (const char* id : {"gp-access",
                         "dentistry",
                         "pharmacy",
                         "waiting-times",
                         "joined-up-care",
                         "social-care",
                         "adult-mental-health",
                         "cyp-mental-health",
                         "transport",
                         "rural-transport",
                         "carers",
                         "young-carers",
                         "housing",
                         "fuel-poverty",
                         "cost-of-living",
                         "digital-exclusion",
                         "leisure-green-spaces",
                         "culturally-appropriate",
                         "interpreters-language",
                         "youth-services",
                         "send",
                         "safeguarding-children",
                         "safeguarding-adults",
                         "domestic-abuse",
                         "homelessness",
                         "loneliness",
                         "social-prescribing",
                         "directory-of-services",
                         "vcs-funding",
                         "prevention",
                         "health-inequalities",
                         "hospital-discharge",
                         "end-of-life",
                         "workforce-recruitment",
                         "workforce-retention",
                         "staff-wellbeing",
                         "data-sharing",
                         "estates",
                         "climate-sustainability",
                         "substance-misuse",
                         "vaping",
                         "family-hubs",
                         "parenting",
                         "early-years",
                         "employment-skills"}) {
    INFO(id);
    CHECK(lex.FindTheme(id) != nullptr);
  }
}

TEST_CASE("shipped lexicon: realistic comments find their themes", "[lexicon][lexicon_files]") {
  REQUIRE(Cases().size() >= 60);
  for (const ThemeCase& c : Cases()) {
    const std::set<std::string> found = ThemesOf(c.text);
    INFO("text: " << c.text);
    INFO("found: " << Join(found));
    for (const std::string& theme : c.must) {
      REQUIRE(Shipped().FindTheme(theme) != nullptr);
      CHECK(found.count(theme) == 1);
    }
    for (const std::string& theme : c.must_not) {
      REQUIRE(Shipped().FindTheme(theme) != nullptr);
      CHECK(found.count(theme) == 0);
    }
  }
}

TEST_CASE("shipped lexicon: curly quotes and capitals fold", "[lexicon][lexicon_files]") {
  CHECK(ThemesOf("COULDN\u2019T GET A GP APPOINTMENT").count("gp-access") == 1);
  CHECK(ThemesOf("can\u2019t afford the gas bill").count("fuel-poverty") == 1);
}

TEST_CASE("shipped lexicon: workshop headings map to outcomes", "[lexicon][lexicon_files]") {
  const heard::Lexicon& lex = Shipped();
  const std::vector<std::pair<std::string, std::string>> headings = {
      {"Outcome 1", "O1"},
      {"Outcome 1: Give children and young people the best start in life", "O1"},
      {"Best start in life", "O1"},
      {"Outcome 2", "O2"},
      {"Outcome 2 Continued (1)", "O2"},
      {"OUTCOME TWO", "O2"},
      {"Outcome 2: Tackle the wider determinants", "O2"},
      {"Outcome 2 \u2013 wider determinants", "O2"},
      {"Wider determinants", "O2"},
      {"Outcome 3", "O3"},
      {"Happy and healthy living", "O3"},
      {"Outcome Four", "O4"},
      {"Outcome 5 continued", "O5"},
      {"Outcome 6", "O6"},
      {"Workforce", "O6"},
      {"Enabler 1", "E1"},
      {"Enabler 1 - research", "E1"},
      {"Enabler 2", "E2"},
      {"Enabler 3 - engagement and co-design", "E3"},
      {"General Points", "GEN"},
      {"General comments", "GEN"},
      {"General", "GEN"},
      {"GENERAL POINTS", "GEN"},
  };
  for (const auto& [heading, id] : headings) {
    INFO(heading);
    CHECK(lex.OutcomeForHeading(heading) == id);
  }
  // a number is read whole: Outcome 12 is not Outcome 1
  CHECK(lex.OutcomeForHeading("Outcome 12") != "O1");
  CHECK(lex.OutcomeForHeading("Enabler 10") != "E1");
  CHECK(lex.OutcomeForHeading("General practice access") != "GEN");
  CHECK(lex.OutcomeForHeading("Attendees").empty());
}

TEST_CASE("shipped lexicon: district names, codes and outcodes", "[lexicon][lexicon_files]") {
  const heard::Lexicon& lex = Shipped();

  auto tw = lex.ResolveName("Tonbridge Wells");
  REQUIRE(tw.has_value());
  CHECK(tw->canonical == "Tunbridge Wells");
  CHECK(tw->kind == heard::TagKind::kDistrict);

  auto shepway = lex.ResolveName("Shepway");
  REQUIRE(shepway.has_value());
  CHECK(shepway->canonical == "Folkestone and Hythe");

  auto tm = lex.ResolveName("Tunbridge and Malling");
  REQUIRE(tm.has_value());
  CHECK(tm->canonical == "Tonbridge and Malling");

  auto medway = lex.ResolveName("medway council");
  REQUIRE(medway.has_value());
  CHECK(medway->canonical == "Medway");

  const std::vector<std::pair<std::string, std::string>> codes = {
      {"A", "Ashford"},
      {"C", "Canterbury"},
      {"Da", "Dartford"},
      {"D", "Dover"},
      {"FH", "Folkestone and Hythe"},
      {"F&H", "Folkestone and Hythe"},
      {"G", "Gravesham"},
      {"M", "Maidstone"},
      {"S", "Sevenoaks"},
      {"SW", "Swale"},
      {"T", "Thanet"},
      {"TMBC", "Tonbridge and Malling"},
      {"T&M", "Tonbridge and Malling"},
      {"TW", "Tunbridge Wells"},
      {"Med", "Medway"},
      {"MW", "Medway"},
  };
  for (const auto& [code, district] : codes) {
    INFO(code);
    auto match = lex.ResolveCode(code);
    REQUIRE(match.has_value());
    CHECK(match->canonical == district);
    CHECK(match->kind == heard::TagKind::kDistrict);
  }

  auto pcc = lex.ResolveCode("PCC");
  REQUIRE(pcc.has_value());
  CHECK(pcc->kind == heard::TagKind::kPartner);
  CHECK(pcc->canonical == "Police and Crime Commissioner");
  auto vcs = lex.ResolveCode("VCS Alliances");
  REQUIRE(vcs.has_value());
  CHECK(vcs->kind == heard::TagKind::kPartner);

  const heard::OutcodeDef* me14 = lex.FindOutcode("ME14");
  REQUIRE(me14 != nullptr);
  REQUIRE(!me14->districts.empty());
  CHECK(me14->districts.front().district == "Maidstone");
  CHECK(lex.FindOutcode("me14") == me14);
  CHECK(lex.FindOutcode("ZZ99") == nullptr);
}

TEST_CASE("shipped lexicon: places belong to one district", "[lexicon][lexicon_files]") {
  const heard::Lexicon& lex = Shipped();
  std::set<std::string> seen;
  for (const heard::DistrictDef& district : lex.spec().districts) {
    INFO(district.name);
    CHECK(!district.codes.empty());
    CHECK(district.places.size() >= 8);
    CHECK(district.places.size() <= 15);
    CHECK((district.kind == "district" || district.kind == "unitary"));
    for (const std::string& place : district.places) {
      INFO(place);
      CHECK(seen.insert(place).second);
    }
  }
  std::set<std::string> codes;
  for (const heard::DistrictDef& d : lex.spec().districts) {
    for (const std::string& c : d.codes) {
      INFO(c);
      CHECK(codes.insert(c).second);
    }
  }
  for (const heard::PartnerDef& p : lex.spec().partners) {
    for (const std::string& c : p.codes) {
      INFO(c);
      CHECK(codes.insert(c).second);
    }
  }
}
