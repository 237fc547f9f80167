#!/usr/bin/env python3
"""Writes sample_data/survey/online_survey_export.csv, the synthetic survey export of the sample round.

Usage (from the repository root or anywhere):
    python3 tools/make_sample_survey.py [OUTPUT.csv]

Every answer is composed from the hand-written sentence banks below (written
for heard; no real respondent, no copied text). The output is deterministic:
the same script always writes the same bytes. It is shaped like an Excel
export from an engagement platform: Windows-1252 (cp1252), CRLF row ends,
RFC 4180 quoting, line breaks inside some answers, and the flaws listed in
sample_data/README.md (non-answers, a double submission, a reused
respondent id, misspelt and unknown districts, messy postcodes, and a few
answers holding fictional personal details for redaction tests).
Python standard library only.
"""
import csv
import os
import random
import sys
import tomllib

SEED = 20260314
RESPONDENTS = 336          # distinct respondent ids
DOUBLE_SUBMISSION = 117    # this respondent's row appears twice, identical
REUSED_ID = 245            # this id appears again at the end with other answers

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUTCODES = os.path.join(ROOT, "lexicons", "outcodes.toml")
DEFAULT_OUT = os.path.join(ROOT, "sample_data", "survey", "online_survey_export.csv")

QUESTIONS = [
    ("Q1", "O1", "Q1. What would help give children and young people the best start in life?"),
    ("Q2", "O2", "Q2. What would help prevent ill health where you live (housing, jobs, cost of living...)?"),
    ("Q3", "O3", "Q3. What helps you live a happy and healthy life?"),
    ("Q4", "O5", "Q4. How could health and care services be improved?"),
    ("Q5", "GEN", "Q5. Is there anything else you would like to tell us about the strategy?"),
]
HEADER = ["Respondent ID", "Submitted", "Postcode", "Which district do you live in?",
          "Age band", "Are you a carer?", "Are you responding as..."] + [q[2] for q in QUESTIONS]

# ---------------------------------------------------------------------------
# Sentence banks, one per question. All written for this sample.
# ---------------------------------------------------------------------------

BANK_O1 = [
    "More youth clubs. There is nothing for teenagers to do in the evenings so they hang around outside the shops.",
    "Bring back the youth club in our village, it shut in 2019 and nothing replaced it.",
    "CAMHS waiting lists are far too long – my son waited 18 months for an assessment and was discharged after two sessions.",
    "Family hubs are a good idea but nobody I know has heard of them.",
    "Proper support for SEND kids in mainstream schools. The EHCP process is a battle from start to finish.",
    "EHCP took 2 years and we had to go to tribunal. You shouldn't have to fight for what the law already says.",
    "health visitors!! I saw mine once after my daughter was born and then never again",
    "Free or cheap activities in the school holidays, the holiday club was brilliant but places went in minutes.",
    "Stop the vape shops selling to kids, every other shop on Margate high street is a vape shop now.",
    "Vaping is a massive problem at my son’s school, kids as young as 11 doing it in the toilets.",
    "Affordable childcare so parents can actually work.",
    "Breakfast clubs in every primary school. Some children arrive hungry and can’t concentrate.",
    "Support for young carers – my daughter looks after me and her school didn’t even know until year 9.",
    "mental health support in schools, not just a leaflet and a website",
    "Mental health support teams need to be in all schools not just a lucky few.",
    "Parenting courses that aren't patronising and are at times working parents can actually get to.",
    "Speech and language therapy. My grandson is 4 and still waiting.",
    "Safe places to play. The park near us has broken glass and needles.",
    "More school nurses",
    "Early help before things get to crisis point, by the time social services get involved it's too late.",
    "Let young people have a say in what is provided for them, they know what they need better than we do.",
    "Sports clubs are too expensive – £40 a month for football training plus kit and subs.",
    "Healthy food in schools and proper cooking lessons.",
    "More support for teenage mums",
    "Diagnosis for autism and ADHD takes years in Kent. We paid privately in the end, £1,800 we didn’t really have.",
    "School transport for SEND children from rural areas is a mess, taxis cancelled with no notice.",
    "Children’s centres should never have been closed. The new family hub is two buses away from us.",
    "Stable housing. Kids can’t do well at school when the family is moved from one B&B to another.",
    "Support with online safety and social media, parents are out of their depth",
    "Dentist for my kids!!! Cant get them registered anywhere in Sittingbourne.",
    "More apprenticeships and work experience for 16-18 year olds who don’t want to go to uni.",
    "Help for kids who are out of school or on part time timetables – they just disappear from view.",
    "I’m a teacher in Chatham and we are seeing more children starting reception not toilet trained and with very little speech.",
    "Continuity in midwifery care, I saw a different midwife at every appointment.",
    "Perinatal mental health support – I had PND and waited 5 months to see anyone.",
    "Listen to children.",
    "Youth workers out on the streets in the evenings, not just police.",
    "Swimming lessons, loads of kids in Sheerness can’t swim and we live by the sea!",
    "Free bus travel for under 18s would open up so much for them.",
    "Something for kids with disabilities in the holidays – every scheme says they can't meet his needs.",
    "Breastfeeding support. The group at the café closed and there's nothing now",
    "support for dads too, everything is aimed at mums",
    "Better links between schools, GPs and social workers so families don’t fall through the gaps.",
    "Not sure really, my kids are grown up now.",
    "Cut the waiting list for CAMHS. Simple as that.",
    "Domestic abuse affects so many children and they get nothing of their own once the family has left the home.",
    "kids need somewhere to go thats not the street or a screen",
    "My grandchildren live in Deal and there is nothing for them at weekends unless you drive to Canterbury.",
    "Support for care leavers, they are expected to manage a flat and bills at 18 with no family behind them.",
    "Invest in early years. Every pound spent before age 5 saves a fortune later on.",
    "Make the SEND local offer website useable, its impossible to find anything on it.",
    "A proper paediatric service at our hospital so we don’t have to travel up to London every time.",
    "more health visitors who speak other languages, my wife does not speak English well and could not ask questions",
    "Cheaper school uniforms – £25 for a logo jumper is a joke when the supermarket sells one for £4.",
    "my son is 15 and has been waiting for CAMHS since he was 13 - hes now self harming and nobody calls us back",
]

BANK_O2 = [
    "Damp and mould in rented housing. Our flat in Gillingham has black mould in every room and the landlord does nothing.",
    "My son’s asthma is worse because of the mould. We have reported it 6 times.",
    "Heating costs. We sit in coats in the evening to save money.",
    "Energy bills have gone from £90 to £240 a month, how is anyone supposed to cope",
    "Decent affordable housing for local people, not just executive homes nobody here can afford.",
    "Cost of living!!!",
    "Food banks should not be normal but they are. I volunteer at one and the queue gets longer every month.",
    "Good jobs that pay a real wage. Too much seasonal and zero hours work in Thanet.",
    "Warm spaces in the winter were a lifeline for a lot of older people in our village.",
    "Bus services – the 5 o’clock bus is the last one, so anyone working a shift can’t get home without a car.",
    "Rural transport is non-existent. If you don't drive you're stuck.",
    "Help with the cost of healthy food, a bag of apples costs more than a multipack of crisps.",
    "Tackle rogue landlords.",
    "Insulation grants that people actually qualify for, the last scheme had so many conditions nobody round here could get it",
    "Clean air – the traffic on the A2 through Dartford is awful and both my kids have asthma.",
    "More social housing. The waiting list is years long.",
    "Homelessness is rising and temporary accommodation is awful, families in one room for months.",
    "People sleeping in doorways in Canterbury every night now, it never used to be like this.",
    "Help people back into work after illness, the job centre just wants you to apply for anything.",
    "Debt advice you can get face to face, not only on a website.",
    "the bus to get to hospital is £8.60 return, for me thats a days food",
    "Employment support for disabled people, I want to work but nobody will take a chance on me.",
    "Adult education and skills courses locally, not only in Maidstone.",
    "Digital exclusion – everything is online now, benefits, appointments, parking. My mum is 84 and has never used a computer.",
    "Not everyone has a smartphone or data. Please keep phone and paper options.",
    "Fix the potholes so people can cycle safely",
    "Climate change is a health issue – flooding, heatwaves. Plan for it now.",
    "Flooding worries a lot of older residents in Dymchurch, they lie awake when there is a storm forecast.",
    "More trees and shade on the estates, it gets unbearably hot in the flats in summer.",
    "Crime and antisocial behaviour affect people's mental health. People are scared to go out after dark.",
    "Domestic abuse services need proper funding, the refuges are always full.",
    "Council tax support is being cut and people are going without.",
    "Housing for young people leaving care.",
    "Gambling adverts and betting shops on every high street",
    "Stop fast food takeaways opening next to schools.",
    "Universal credit doesn't cover the rent. Simple.",
    "I work two jobs and still cant afford to heat my house properly",
    "Tackle poverty and you prevent most ill health. Everything else is a sticking plaster.",
    "Landlords in Margate are turning family homes into HMOs and holiday lets.",
    "Gypsy, Roma and Traveller families need access to GPs and health visitors, not to be turned away for having no fixed address.",
    "Prevention should be the priority. We spend all the money fixing people once they’re already ill.",
    "free wifi in libraries and someone to help you use it",
    "Libraries are so important – warm, free, internet, staff who help. Don’t close any more of them.",
    "Lots of older people are too proud to ask for help with their bills.",
    "Grants to adapt homes so disabled people can stay at home, the wait for a DFG is over a year.",
    "Jobs. Sheerness needs jobs.",
    "make the benefit system less stressful – the assessments made my depression so much worse",
    "Community transport is brilliant but it relies on volunteer drivers who are in their 70s themselves.",
    "Better pay for care workers – most of the ones I know are on minimum wage and using food banks.",
    "A lot of health problems round here come from bad housing and no money. Until that changes nothing changes.",
    "The council should enforce standards in private rented housing, the inspectors never come out.",
    "Prepayment meters – we self disconnect at the end of every month because there’s nothing left.",
    "I’m a single mum in Swanscombe, after rent and bills I have about £12 a week for food for the two of us.",
]

BANK_O3 = [
    "Walking with friends on the beach at Broadstairs.",
    "My allotment. Keeps me sane.",
    "Green spaces and parks that are looked after and feel safe.",
    "Going to the gym but it's got so expensive, £35 a month now.",
    "Cheaper leisure centre prices for people on low incomes.",
    "Seeing my grandchildren.",
    "Church and the lunch club on a Wednesday.",
    "Being part of a community group, I was very lonely after my husband died and the group saved me.",
    "Loneliness is a huge problem. Some of my neighbours don't speak to anyone for days.",
    "Social prescribing – my GP referred me to a link worker who got me into a walking group. Best thing that happened to me in years.",
    "Parkrun!",
    "Having a dog and walking him every day",
    "Cycle paths that join up. The ones we have stop in the middle of nowhere.",
    "Free exercise classes for older people in village halls.",
    "Swimming, but the pool in our town closed.",
    "Good food, sleep, friends. Being able to afford all three would be nice.",
    "Volunteering at the community garden.",
    "Knowing where to go for help before things get bad.",
    "Stop smoking support – I quit with help from the pharmacy and it was easy to get.",
    "Alcohol is a big issue in our area and there's very little support unless you're already at rock bottom.",
    "Support groups for people with the same condition, you learn more from each other than from a leaflet.",
    "Being able to get out of the house. Without community transport I’d see no one.",
    "Men's sheds – my dad goes to one in Faversham and it's given him a new lease of life.",
    "Singing in a choir",
    "Dance classes for over 60s at the café in town – more of this please!",
    "Places to sit. If you can't walk far you need benches.",
    "Public toilets! Older people won’t go out if there are no toilets.",
    "Accessible activities for disabled adults, most things aren't wheelchair accessible.",
    "Activities in my own language, with people from my own community.",
    "Feeling safe in my neighbourhood.",
    "Work-life balance. I can’t look after my own health when I'm working 50 hours a week.",
    "nothing much, i'm fine, just wish the GP was easier to see",
    "Free health checks out in the community – supermarkets, markets – not waiting for a letter.",
    "Weight management support that isn't just a diet sheet.",
    "Tai chi at the community centre.",
    "My faith and my family.",
    "Talking therapies without a 6 month wait.",
    "Being outdoors. The countryside round Cranbrook is beautiful but hardly any footpaths work with a pushchair or wheelchair.",
    "Sea swimming in Folkestone, all year round. Costs nothing.",
    "a sense of purpose. retirement is hard",
    "Groups and activities that are LGBTQ+ friendly, especially outside Canterbury and Maidstone.",
    "Good neighbours.",
    "Gardening and being in nature, there’s good evidence it helps mental health.",
    "I go to a knit and natter at the library in Herne Bay, it’s the only time some of us talk to anyone all week",
    "Being able to afford to do things. Everything costs – the pool, the bus, a coffee.",
]

BANK_O5 = [
    "Being able to get a GP appointment without phoning at 8am and being 30th in the queue.",
    "The 8am scramble for GP appointments is ridiculous. By 8.15 they are all gone.",
    "GP access. Full stop.",
    "I haven’t seen the same GP twice in 3 years.",
    "Having to tell my story over and over to every new person. Why can't they read the notes?",
    "Services should share information. I had to repeat my whole history at A&E, then on the ward, then to the discharge team.",
    "NHS dentist – there is not one taking adult patients anywhere in Swale.",
    "I was quoted £900 for private dental work. I can’t afford that so I live with the pain.",
    "A&E waits at Margate are dangerous. My dad waited 14 hours on a trolley.",
    "waiting times for operations. Been on the list for a knee replacement for 2 years and in constant pain",
    "Hospital discharge needs to be planned properly. Mum was sent home at 11pm with no care package in place.",
    "Social care is in crisis. We can't find carers for my father in Tenterden at all.",
    "Carers need a break. I haven’t had a day off from caring for my husband in 4 years.",
    "Respite for carers is impossible to find",
    "Support for unpaid carers – we save the NHS a fortune and get about £80 a week for it.",
    "Mental health crisis support out of hours is non existent. The crisis line never answered.",
    "Adult MH services – you are either too ill for talking therapies or not ill enough for the community team.",
    "Interpreters for appointments. My mother had her own son translate her cancer diagnosis, it’s not right.",
    "Please don't make everything online. Paper letters and a phone number that someone answers.",
    "The NHS app is great for me but my mum can't use it and the surgery tells her to do everything through it.",
    "One number to call that can tell you about all the services – a single point of access.",
    "A directory of what’s out there. There are lots of great local groups but nobody knows about them.",
    "Pharmacies are doing more and more but they’re closing. Ours in Paddock Wood shut last year.",
    "Transport to hospital appointments – from Romney Marsh to Ashford is a nightmare without a car.",
    "Patient transport criteria are too strict, I was refused even though I can't drive after my treatment.",
    "Parking at hospitals is expensive and there's never a space – I was late and lost my appointment.",
    "End of life care for my husband was excellent. The hospice nurses were angels. More funding for hospices please.",
    "Nobody talked to us about end of life planning until the last 48 hours.",
    "Staff are run off their feet. Look after the workforce and they’ll look after patients.",
    "Too many agency staff who don't know the patients.",
    "Recruitment and retention of GPs and nurses in coastal towns – we need incentives to get people to work here.",
    "Better pay and conditions for care workers, they are leaving for supermarket jobs because it pays more.",
    "Stop reorganising services every two years. It's confusing and wastes money.",
    "Fund the voluntary sector properly. Small charities are doing the work of statutory services on grants that last 12 months.",
    "VCS organisations should be treated as equal partners, not an afterthought.",
    "Community hospitals could do more so people don’t have to go into Maidstone or Pembury for everything.",
    "Physio waiting list is 9 months. By then the problem is worse.",
    "I have diabetes and COPD and go to 3 different clinics on 3 different days. Could it not be joined up?",
    "Help to manage my own condition – a named person I can call when things go wrong.",
    "Receptionists asking medical questions in front of a full waiting room isn't acceptable.",
    "More appointments in the evening and at weekends for those of us who work.",
    "Dementia support after diagnosis is almost nothing. You’re given a leaflet and sent home.",
    "Audiology – waited months for a hearing aid repair.",
    "Being treated with respect. As a trans person I’m often misgendered at the surgery and it puts me off going.",
    "Reasonable adjustments for autistic adults – bright waiting rooms and phone calls are really hard for me.",
    "Ambulance response times. Waited 6 hours for an ambulance for my mum after a fall, she was on the floor all that time.",
    "homeless people get turned away from registering with a GP because they have no address – that isn’t even the rule",
    "Drug and alcohol services are hard to get into and the waiting lists are long.",
    "Support for people with learning disabilities to get their annual health checks.",
    "Continuity of care. Same midwife, same GP, same social worker. Relationships matter.",
    "Data sharing between hospital and GP – my GP didn't know I'd been in hospital for a week.",
    "Listen to patients and families, we know the person best.",
    "Complaints go nowhere. I complained about my mum's care and got a standard letter 4 months later.",
    "We need a walk in centre back on Sheppey.",
    "Eye clinic follow ups keep getting cancelled and I'm worried about my sight.",
    "Social workers change so often we never know who to call.",
    "Veterans’ health needs are not understood – my partner’s PTSD was missed for years.",
    "111 sent me to A&E for a problem the pharmacy could have sorted",
    "Get the basics right before spending money on new IT.",
    "Video appointments save me a 2 hour round trip from Edenbridge – more of them please.",
    "My cancer diagnosis was quick and treatment was excellent. Credit where it's due.",
    "Staff wellbeing – my daughter is a nurse and she’s exhausted.",
    "15 minute home care visits are not enough to help someone wash and eat with dignity.",
    "appointmnet letters arrive after the appointmnet date. every time.",
    "definately need more mental health beds locally, people are being sent to Manchester and further",
]

BANK_GEN = [
    "The strategy is far too long and full of jargon. Who is it for?",
    "Nice words but where is the money coming from?",
    "How will you measure whether any of this works?",
    "I’ve filled in lots of these consultations and nothing ever changes.",
    "Good to see prevention at the heart of it. Now actually fund it.",
    "Please publish what you heard and what you’re going to do about it – “you said, we did”.",
    "The outcomes are sensible but too vague. \"Support happy and healthy living\" could mean anything.",
    "The strategy doesn't say enough about coastal towns, which have some of the worst health in the county.",
    "Rural areas always get forgotten in these plans.",
    "More about health inequalities please – the gap between Tunbridge Wells and Thanet is shocking.",
    "Make sure the voluntary sector is involved in delivering it, not just consulted on it.",
    "Co-produce services with the people who use them, don't just ask our opinion at the end.",
    "Easy read version please. I couldn’t understand most of it.",
    "Who is accountable? Too many organisations, nobody in charge.",
    "Joined up working between KCC, Medway and the NHS is long overdue.",
    "This survey was too long.",
    "Some of the survey questions are leading.",
    "Thanks for asking.",
    "Climate and sustainability should run through the whole strategy, not be a line at the end.",
    "What about the workforce? None of this happens without staff.",
    "Good document. I support it.",
    "Please think about people who don't speak English – the consultation should be in other languages too.",
    "Involve young people in writing the next version.",
    "Too much focus on hospitals and not enough on communities.",
    "Housing should be a bigger part of this – it’s the biggest health issue where I live.",
    "Nothing about the military community or veterans in the strategy.",
    "Don’t forget Medway.",
    "Make the estate work harder – empty NHS and council buildings could be community hubs.",
    "Research and innovation sounds good but please use the evidence that already exists first.",
    "Share data properly between organisations so you know who needs help.",
    "It's all very well having a strategy, the proof will be in the delivery.",
    "The strategy should say more about mental health, it’s barely mentioned.",
    "Well done for running events locally – the drop-in at the library was really helpful.",
    "Please keep us updated. I'd like to hear what happens next.",
    "The document reads like it was written for managers, not residents.",
    "Substance misuse seems to be missing.",
    "Publish the equality impact assessment alongside it.",
    "The word \"partnership\" appears on every page, but what will actually be different for me?",
    "Bit naïve to think this can all be done with no extra money.",
]

# Organisation respondents mostly answer in this voice (Q5 and sometimes Q4).
BANK_ORG = [
    "We are a small charity working across Swale and Medway. We would love to help deliver this – but we need multi-year funding, not 12-month grants.",
    "As a VCS provider we are seeing more people with complex needs and no statutory service to refer them on to.",
    "Our organisation runs a community café and warm space; demand has doubled since last winter.",
    "On behalf of our trustees: the strategy should recognise the VCS as an equal partner, with parity of funding and a seat at the table.",
    "We support families of children with SEND and would welcome being involved in co-designing services.",
    "We run a befriending service for older people in rural parishes. Transport is the biggest barrier our members face.",
]

# Answers holding FICTIONAL personal details, for redaction tests. Every
# e-mail address is at example.com/example.org, every phone number is in
# Ofcom's drama ranges (07700 900xxx, 01632 960xxx), every name is invented.
PERSONAL = [
    ("R0023", "Q4", "my name is Jo Fenwick and I have been waiting 14 months for a hip operation. Ring me on 07700 900482 if you actually want to know what it’s like."),
    ("R0058", "Q5", "Please contact me at jo.bright@example.com, I’d be happy to be involved in any follow-up groups."),
    ("R0104", "Q2", "We moved to CT9 5XP last year and the damp in the back bedroom is making my daughter ill. Landlord won’t answer."),
    ("R0163", "Q5", "I run a small parents group in Sheerness – email hello@example.org or call the landline 01632 960117 and ask for Pat."),
    ("R0209", "Q1", "My daughter Zoë (she is 9) has been on the CAMHS list since last March.\nIf anyone wants to talk to me about it my email is sarah.kemble@example.com"),
    ("R0271", "Q4", "Contact: Dev Anand-Price, 01632 960554 / dev.ap@example.org\nI am a carer for my brother who has MS and the social care assessment took 7 months."),
    ("R0318", "Q3", "My name is Jo and I live at ME12 4TQ on the island. The only thing that keeps me going is the walking group on a Tuesday, text 07700 900731 if you want details."),
]

# The reused respondent id: a second, different submission at the end.
REUSED_ANSWERS = [
    "Sorry I forgot to say in my last answer – the CAMHS point is the most important one.",
    "n/a",
    "",
    "Same as before really but also dentists. We have no NHS dentist within 20 miles.",
    "I submitted this once already but wanted to add something, hope that's ok.",
]

NON_ANSWERS = ["", "", "", "", "", "n/a", "N/A", "-", "None", "none", "no comment", "No comment",
               "Not provided", "nothing", "Nothing", "."]
NON_ANSWERS_GEN = NON_ANSWERS + ["No", "no", "No thank you"]

DISTRICTS = {  # canonical district -> weight in the sample
    "Ashford": 25, "Canterbury": 30, "Dartford": 20, "Dover": 24, "Folkestone and Hythe": 22,
    "Gravesham": 19, "Maidstone": 32, "Sevenoaks": 18, "Swale": 30, "Thanet": 36,
    "Tonbridge and Malling": 21, "Tunbridge Wells": 22, "Medway": 28,
}
# What people typed or picked instead of the canonical name.
DISTRICT_VARIANTS = {
    "Tunbridge Wells": ["Tonbridge Wells"],
    "Folkestone and Hythe": ["Folkestone & Hythe", "Shepway"],
    "Thanet": ["thanet"],
    "Canterbury": ["Cantebury"],
    "Tonbridge and Malling": ["Tonbridge & Malling"],
}
# Respondents whose district answer is fixed, so that every variant is present
# whatever the random draw: respondent number -> (district, what they typed).
FORCED_DISTRICT = {
    31: ("Folkestone and Hythe", "Shepway"),
    88: ("Folkestone and Hythe", "Folkestone & Hythe"),
    152: ("Tunbridge Wells", "Tonbridge Wells"),
    199: ("Tunbridge Wells", "Tonbridge Wells"),
    233: ("Maidstone", "Maidstone "),
    290: ("Canterbury", "Cantebury"),
}
AGE_BANDS = ["16-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75+", "Prefer not to say", ""]
AGE_WEIGHTS = [5, 11, 16, 18, 19, 16, 9, 3, 3]
CARER = ["Yes", "No", "Prefer not to say", ""]
CARER_WEIGHTS = [27, 63, 5, 5]
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


def load_outcodes():
    with open(OUTCODES, "rb") as f:
        table = tomllib.load(f)["outcode"]
    by_district = {}
    for outcode, shares in table.items():
        top, share = max(shares.items(), key=lambda kv: kv[1])
        if share >= 0.5:
            by_district.setdefault(top, []).append(outcode)
    return sorted(table), by_district


def inward(rng):
    return str(rng.randrange(10)) + rng.choice(INWARD_LETTERS) + rng.choice(INWARD_LETTERS)


def postcode(rng, outcode):
    r = rng.random()
    full = f"{outcode} {inward(rng)}"
    if r < 0.08:
        return ""
    if r < 0.11:
        return outcode                                  # outward code only
    if r < 0.19:
        return full.replace(" ", "").lower()            # "me144hz"
    if r < 0.23:
        return full.replace(" ", "")                    # "ME144HZ"
    if r < 0.26:
        return full.lower()                             # "ct9 4qx"
    if r < 0.28:
        return " " + full + " "                         # stray spaces
    return full


def compose(rng, bank, drift_banks):
    """One answer of 1-3 fragments; sometimes drifting to another question's topic."""
    n = rng.choices([1, 2, 3], weights=[55, 33, 12])[0]
    pool = bank
    if rng.random() < 0.12:
        pool = rng.choice(drift_banks)
    parts = rng.sample(pool, n)
    if n > 1 and rng.random() < 0.08:
        parts[1] = rng.choice(rng.choice(drift_banks))
    style = rng.random()
    if n == 1 or style < 0.70:
        return " ".join(parts)
    if style < 0.82:
        return "\n".join(parts)                         # line breaks inside the cell
    if style < 0.90:
        return "\n".join("- " + p for p in parts)       # typed as a list
    return "\n\n".join(parts)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_OUT
    rng = random.Random(SEED)
    all_outcodes, by_district = load_outcodes()
    banks = {"Q1": BANK_O1, "Q2": BANK_O2, "Q3": BANK_O3, "Q4": BANK_O5, "Q5": BANK_GEN}
    personal = {(rid, q): text for rid, q, text in PERSONAL}
    districts = list(DISTRICTS)
    weights = [DISTRICTS[d] for d in districts]

    bromley = {64, 277}                                 # answered "Bromley" (outside Kent)
    rows = []
    day_minutes = 12 * 24 * 60  # day 12 of January 2026, in minutes
    for i in range(1, RESPONDENTS + 1):
        rid = f"R{i:04d}"
        day_minutes += rng.randint(20, 470)
        day = day_minutes // (24 * 60)
        minute = 7 * 60 + (day_minutes % (24 * 60)) * 11 // 16   # 07:00 to 23:30
        month, dom = (1, day) if day <= 31 else ((2, day - 31) if day <= 59 else (3, day - 59))
        submitted = f"{dom:02d}/{month:02d}/2026 {minute // 60:02d}:{minute % 60:02d}"

        district = rng.choices(districts, weights=weights)[0]
        if i in FORCED_DISTRICT:
            district = FORCED_DISTRICT[i][0]
        code = rng.choice(by_district[district])
        if rng.random() < 0.06:
            code = rng.choice(all_outcodes)             # lives near a border, or a typo
        pc = postcode(rng, code)
        r = rng.random()
        if i in FORCED_DISTRICT:
            shown = FORCED_DISTRICT[i][1]
        elif i in bromley:
            shown = "Bromley"
            pc = f"BR6 {inward(rng)}" if i == min(bromley) else ""
        elif r < 0.045:
            shown = ""
        elif r < 0.07:
            shown = "Prefer not to say"
        elif district in DISTRICT_VARIANTS and rng.random() < 0.18:
            shown = rng.choice(DISTRICT_VARIANTS[district])
        else:
            shown = district

        org = rng.random() < 0.04
        age = "" if org else rng.choices(AGE_BANDS, weights=AGE_WEIGHTS)[0]
        carer = "" if org else rng.choices(CARER, weights=CARER_WEIGHTS)[0]
        responding = "On behalf of an organisation" if org else "As an individual"

        gave_up_after = 5
        if rng.random() < 0.09:
            gave_up_after = rng.choice([1, 2, 3])       # stopped part way through
        answers = []
        for k, (qid, _, _) in enumerate(QUESTIONS, start=1):
            if (rid, qid) in personal:
                answers.append(personal[(rid, qid)])
                continue
            if k > gave_up_after:
                answers.append("")
                continue
            skip = 0.24 if qid != "Q5" else 0.38
            if rng.random() < skip:
                answers.append(rng.choice(NON_ANSWERS_GEN if qid == "Q5" else NON_ANSWERS))
                continue
            if org and (qid == "Q5" or (qid == "Q4" and rng.random() < 0.5)):
                answers.append(rng.choice(BANK_ORG))
                continue
            others = [b for q, b in banks.items() if q != qid]
            answers.append(compose(rng, banks[qid], others))
        row = [rid, submitted, pc, shown, age, carer, responding] + answers
        rows.append(row)
        if i == DOUBLE_SUBMISSION:
            rows.append(list(row))                      # double submission, identical

    first = next(r for r in rows if r[0] == f"R{REUSED_ID:04d}")
    second = list(first[:7]) + REUSED_ANSWERS
    second[1] = "28/03/2026 09:12"
    rows.append(second)

    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="cp1252", newline="") as f:
        writer = csv.writer(f, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(HEADER)
        writer.writerows(rows)
    print(f"wrote {out}: {len(rows)} rows, {len({r[0] for r in rows})} respondent ids")


if __name__ == "__main__":
    main()
