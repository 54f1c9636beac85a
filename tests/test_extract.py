"""Extraction capabilities, each on sentences written for these tests."""
from __future__ import annotations

import pytest

from kg.extract import extract_article
from kg.model import Article


def run(text, published="2023-05-14"):
    return extract_article(Article(id="t", text=text, published=published)).to_json(explain=True)


def person(out, name):
    return next((p for p in out["persons"] if p["name"] == name), None)


def posts(out, name):
    p = person(out, name)
    assert p is not None, [q["name"] for q in out["persons"]]
    return {(x["title"], x["of"]) for x in p["positions"]}


def pairs(out, status=None):
    return [set(m["participants"]) for m in out["meetings"] if status is None or m["status"] == status]


# -- officials and posts -----------------------------------------------------------------

def test_title_before_name_with_demonym():
    out = run("Canadian Foreign Minister Melanie Joly arrived in Oslo.")
    assert posts(out, "Melanie Joly") == {("Foreign Minister", "Canada")}


def test_title_before_name_with_organization():
    out = run("ASEAN Secretary-General Kao Kim Hourn opened the forum.")
    assert posts(out, "Kao Kim Hourn") == {("Secretary-General", "Association of Southeast Asian Nations")}


def test_title_after_name():
    out = run("The talks were led by Radoslaw Sikorski, foreign minister of Poland, who spoke first.")
    assert posts(out, "Radoslaw Sikorski") == {("Foreign Minister", "Poland")}


def test_counterpart_takes_the_post_of_the_other_party():
    out = run("Italian Foreign Minister Antonio Tajani met his Greek counterpart Giorgos Gerapetritis in Rome.")
    assert posts(out, "Giorgos Gerapetritis") == {("Foreign Minister", "Greece")}


def test_surname_later_is_an_alias():
    out = run("Brazilian President Luiz Inacio Lula da Silva flew to Lisbon. Lula met the Portuguese prime minister there.")
    assert "Lula" in person(out, "Luiz Inacio Lula da Silva")["aliases"]


def test_surname_first_east_asian_names():
    out = run("South Korean Foreign Minister Park Jin held talks with Chinese Foreign Minister Qin Gang. Park said the talks were useful.")
    assert person(out, "Park Jin") and person(out, "Qin Gang")
    assert "Park" in person(out, "Park Jin")["aliases"]


def test_particles_initials_and_honorifics():
    out = run("Saudi Foreign Minister Prince Faisal bin Farhan received Indian External Affairs Minister S. Jaishankar.")
    assert person(out, "Faisal bin Farhan") and person(out, "S. Jaishankar")
    assert posts(out, "S. Jaishankar") == {("External Affairs Minister", "India")}


def test_former_title():
    out = run("Former President Nursultan Nazarbayev spoke to reporters in Almaty.")
    assert ("Former President", "Kazakhstan") in posts(out, "Nursultan Nazarbayev") or \
        any(t.startswith("Former President") for t, _ in posts(out, "Nursultan Nazarbayev"))


def test_journalists_in_credits_are_not_officials():
    out = run("Finnish President Alexander Stubb met Swedish Prime Minister Ulf Kristersson in Turku.\nPhoto/Maria Lindqvist\nEdited by John Harlow")
    names = {p["name"] for p in out["persons"]}
    assert names == {"Alexander Stubb", "Ulf Kristersson"}


# -- countries and organizations -----------------------------------------------------------

def test_countries_by_name_demonym_and_capital():
    out = run("Estonian officials said Seoul would help. The minister later flew to Ghana.")
    assert {"Estonia", "South Korea", "Ghana"} <= set(out["countries"])
    assert out["country_codes"]["Estonia"] == "EE"


def test_geographic_names_are_not_countries():
    out = run("Ships crossed Lake Chad Basin waters and the Uruguay River.")
    assert "Chad" not in out["countries"] and "Uruguay" not in out["countries"]


def test_organizations_by_name_and_acronym():
    out = run("NATO leaders met. The North Atlantic Treaty Organization later issued a statement with the G7.")
    names = {o["name"] for o in out["organizations"]}
    assert "North Atlantic Treaty Organization" in names and "Group of Seven" in names


def test_named_body_with_acronym():
    out = run("The Regional Water Security Commission (RWSC) met on Monday. The RWSC approved a plan.")
    org = next(o for o in out["organizations"] if o["name"] == "Regional Water Security Commission")
    assert "RWSC" in org["aliases"]


# -- meetings --------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on Friday.",
    "German Chancellor Olaf Scholz met with French President Emmanuel Macron in Paris on Friday.",
    "German Chancellor Olaf Scholz held talks with French President Emmanuel Macron in Paris on Friday.",
    "German Chancellor Olaf Scholz had talks with French President Emmanuel Macron in Paris on Friday.",
    "French President Emmanuel Macron received German Chancellor Olaf Scholz in Paris on Friday.",
    "French President Emmanuel Macron hosted German Chancellor Olaf Scholz in Paris on Friday.",
    "German Chancellor Olaf Scholz and French President Emmanuel Macron met in Paris on Friday.",
])
def test_meeting_verbs(sentence):
    out = run(sentence)
    assert pairs(out) == [{"Olaf Scholz", "Emmanuel Macron"}]
    m = out["meetings"][0]
    assert m["date"] == "2023-05-12" and m["place"] == "Paris" and m["status"] == "held"


def test_phone_talks_have_phone_mode():
    out = run("Japanese Prime Minister Fumio Kishida spoke by phone with Australian Prime Minister Anthony Albanese on Monday.")
    assert pairs(out) == [{"Fumio Kishida", "Anthony Albanese"}]
    assert out["meetings"][0]["mode"] == "phone" and out["meetings"][0]["date"] == "2023-05-08"


def test_sidelines_occasion():
    out = run("Indian Prime Minister Narendra Modi met Egyptian President Abdel Fattah el-Sisi on the sidelines of the G20 summit in New Delhi.")
    m = out["meetings"][0]
    assert set(m["participants"]) == {"Narendra Modi", "Abdel Fattah el-Sisi"}
    assert "G20" in (m["occasion"] or "") and m["place"] == "New Delhi"


def test_trilateral_meeting_is_one_event():
    out = run("Foreign Minister Yoko Kamikawa and her counterparts Wang Yi from China and Cho Tae-yul from South Korea met in Busan.")
    assert pairs(out) == [{"Yoko Kamikawa", "Wang Yi", "Cho Tae-yul"}]


def test_two_officials_resolved_to_earlier_parties():
    out = run("Spanish Foreign Minister Jose Manuel Albares and Moroccan Foreign Minister Nasser Bourita signed a water accord. "
              "The two officials met in Rabat on Saturday.", published="2023-05-14")
    m = [m for m in out["meetings"] if m["place"] == "Rabat"][0]
    assert set(m["participants"]) == {"Jose Manuel Albares", "Nasser Bourita"} and m["date"] == "2023-05-13"


def test_description_resolves_to_post_holder():
    out = run("NATO Secretary-General Mark Rutte arrived in Ankara. Ahead of his meeting with the NATO leader, "
              "Turkish Foreign Minister Hakan Fidan had talks with Dutch Foreign Minister Caspar Veldkamp.")
    got = pairs(out)
    assert {"Hakan Fidan", "Mark Rutte"} in got and {"Hakan Fidan", "Caspar Veldkamp"} in got


def test_planned_and_negated_meetings():
    out = run("Kenyan President William Ruto will meet Tanzanian President Samia Suluhu Hassan in Arusha next week. "
              "Ruto did not meet Ugandan President Yoweri Museveni.")
    assert [m["status"] for m in out["meetings"]] == ["planned"]
    assert pairs(out) == [{"William Ruto", "Samia Suluhu Hassan"}]


def test_same_meeting_reported_twice_is_one_event():
    out = run("Polish President Andrzej Duda met Lithuanian President Gitanas Nauseda in Vilnius on Friday. "
              "Duda and Nauseda met for two hours, officials said.")
    assert len(out["meetings"]) == 1


def test_same_day_date():
    out = run("Japanese Foreign Minister Yoko Kamikawa arrived in Berlin on Saturday. "
              "Kamikawa attended a meeting of the Group of Seven foreign ministers held the same day.")
    g7 = [m for m in out["meetings"] if "Group of Seven" in m["participants"]]
    assert g7 and g7[0]["date"] == "2023-05-13"


def test_furniture_yields_nothing():
    text = ("Irish Foreign Minister Micheal Martin met Belgian Foreign Minister Hadja Lahbib in Dublin on Friday.\n"
            "RELATED ARTICLES\n-\nSpain and Portugal Agree to Expand Rail Links\n-\n"
            "Chilean President Gabriel Boric Meets Peruvian Leaders in Lima\n-\nMarkets Rally After Rate Decision\n")
    out = run(text)
    assert pairs(out) == [{"Micheal Martin", "Hadja Lahbib"}]
    assert "Chile" not in out["countries"] and "Spain" not in out["countries"]
    assert not out["commitments"]


# -- commitments -------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence,content", [
    ("Vietnam and the Philippines agreed to expand coast guard cooperation.", "expand coast guard cooperation"),
    ("Vietnam pledged to expand coast guard cooperation with the Philippines.", "expand coast guard cooperation"),
    ("Vietnam vowed to expand coast guard cooperation with the Philippines.", "expand coast guard cooperation"),
    ("Vietnam will provide two patrol vessels to the Philippines.", "two patrol vessels"),
    ("Vietnam and the Philippines signed an agreement to expand coast guard cooperation.", "an agreement to expand coast guard cooperation"),
])
def test_commitment_triggers(sentence, content):
    out = run(sentence)
    assert len(out["commitments"]) == 1, out["commitments"]
    c = out["commitments"][0]
    assert "Vietnam" in c["actors"] and content in c["content"]


def test_his_country_resolves_to_the_speaker():
    out = run("Croatian Foreign Minister Gordan Grlic Radman spoke after the meeting. "
              "Grlic Radman said his country will provide de-mining teams.")
    c = out["commitments"][0]
    assert c["actors"] == ["Gordan Grlic Radman"] and "de-mining teams" in c["content"]


def test_the_two_sides_resolved():
    out = run("Mongolian Foreign Minister Battsetseg Batmunkh and Kazakh Foreign Minister Murat Nurtleu confirmed "
              "that the two sides will work closely on transit routes.")
    assert set(out["commitments"][0]["actors"]) == {"Battsetseg Batmunkh", "Murat Nurtleu"}


@pytest.mark.parametrize("sentence", [
    "Vietnam asked the Philippines to expand coast guard cooperation.",
    "Vietnam called on the Philippines to expand coast guard cooperation.",
    "Vietnam hoped to expand coast guard cooperation with the Philippines.",
    "Vietnam expressed concern about coast guard incidents near the Philippines.",
    "Vietnam praised the Philippines for its coast guard cooperation.",
    "Vietnam and the Philippines agreed that regional disputes should be settled by others.",
])
def test_requests_hopes_and_views_are_not_commitments(sentence):
    assert run(sentence)["commitments"] == []


def test_every_fact_has_evidence_offsets_and_rule():
    text = "Headline\nIrish Foreign Minister Micheal Martin met Belgian Foreign Minister Hadja Lahbib in Dublin."
    out = run(text)
    m = out["meetings"][0]
    assert text[m["evidence_start"]:m["evidence_end"]] == m["evidence"]
    assert m["rule"].startswith("meeting:")
    assert m["plover"] == "CONSULT" and m["cameo"].startswith("04") and 0 < m["confidence"] <= 1


@pytest.mark.parametrize("sentence,mode", [
    ("Thai Foreign Minister Maris Sangiampongsa paid a courtesy call on Cambodian Prime Minister Hun Manet in Phnom Penh.", "in person"),
    ("In a phone call on Wednesday, Thai Foreign Minister Maris Sangiampongsa and Cambodian Prime Minister Hun Manet discussed trade.", "phone"),
    ("Thai Foreign Minister Maris Sangiampongsa exchanged views with Cambodian Prime Minister Hun Manet in Phnom Penh.", "in person"),
    ("Speaking after talks with Cambodian Prime Minister Hun Manet, Thai Foreign Minister Maris Sangiampongsa said relations were good.", "in person"),
    ("Thai Foreign Minister Maris Sangiampongsa held a telephone conversation with Cambodian Prime Minister Hun Manet.", "phone"),
])
def test_more_meeting_phrasings(sentence, mode):
    out = run(sentence)
    assert pairs(out) == [{"Maris Sangiampongsa", "Hun Manet"}], out["meetings"]
    assert out["meetings"][0]["mode"] == mode


def test_attribution_is_cut_from_the_content():
    out = run("Norway expressed its readiness to host the next round of talks, Foreign Minister Espen Barth Eide said.")
    assert out["commitments"][0]["content"] == "host the next round of talks"


@pytest.mark.parametrize("sentence", [
    "Serbia demanded a meeting of the Security Council with Croatian officials.",
    "Israel is opposed to French mediation in peace negotiations with Syria.",
    "Rebels said they would fight on until their demands are met.",
])
def test_demands_and_refusals_are_not_meetings(sentence):
    assert [m for m in run(sentence)["meetings"] if m["status"] == "held"] == []


def test_same_person_in_two_name_orders():
    out = run("Japanese Prime Minister Kishida Fumio arrived in Canberra. Fumio Kishida said the visit was useful.")
    assert [p["name"] for p in out["persons"]] == ["Kishida Fumio"]
    assert "Fumio Kishida" in out["persons"][0]["aliases"]


def test_statement_signature_and_transcript_speaker():
    text = ("Remarks Before Their Meeting\n\nJane Holloway\nSecretary of State\nWashington, DC\nMarch 3, 2025\n\n"
            "SECRETARY HOLLOWAY: I am glad to welcome Foreign Minister Ana Ruiz of Chile here today.")
    out = run(text, published="2025-03-03")
    assert posts(out, "Jane Holloway") == {("Secretary of State", "United States")}
    assert pairs(out) == [{"Jane Holloway", "Ana Ruiz"}]


def test_hostile_fragments_never_raise():
    """Markup, controls, bidi marks, ligatures and half sentences in any order (fixed seed)."""
    import random
    rng = random.Random(7)
    pieces = ["<script>alert(1)</script>", "Foreign Minister", "Mr.", "met", "\u202e", "\u200b", "🇯🇵", "“", "”", "'s",
              " — ", "\n", "\n\n", "-", "•", "President Xi Jinping", "agreed to", "on Saturday", "in Paris", "NATO", "U.S.",
              "(", ")", ",", ".", "his country will provide", "İstanbul", "ǅ", "ß", "ﬁ", "the two sides", "Sheikh", "bin",
              "al-", "\t", "&amp;", "<img src=x onerror=alert(1)>", "SECRETARY X:", "\"", "é"]
    for i in range(300):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 80)))
        out = extract_article(Article(id=str(i), text=text, published=rng.choice([None, "2024-02-29"]))).to_json()
        for m in out["meetings"] + out["commitments"]:
            assert text[m["evidence_start"]:m["evidence_end"]] == m["evidence"]


def test_story_resumes_after_a_mid_article_related_block():
    text = ("Irish Foreign Minister Micheal Martin met Belgian Foreign Minister Hadja Lahbib in Dublin on Friday.\n"
            "Read more:\n-\nSpain and Portugal Agree to Expand Rail Links\n-\nMarkets Rally After Rate Decision\n"
            "Later the same day, Martin held talks with Dutch Foreign Minister Caspar Veldkamp about fisheries and trade in the North Sea.\n")
    out = run(text)
    assert {"Micheal Martin", "Caspar Veldkamp"} in pairs(out)
    assert "Spain" not in out["countries"]


def test_each_encounter_takes_its_own_day():
    out = run("Thai Foreign Minister Maris Sangiampongsa met Cambodian Prime Minister Hun Manet on Tuesday, "
              "and Lao Foreign Minister Thongsavanh Phomvihane will meet Hun Manet on Thursday.", published="2025-03-12")
    dates = {frozenset(m["participants"]): (m["date"], m["status"]) for m in out["meetings"]}
    assert dates[frozenset({"Maris Sangiampongsa", "Hun Manet"})] == ("2025-03-11", "held")
    assert dates[frozenset({"Thongsavanh Phomvihane", "Hun Manet"})] == ("2025-03-13", "planned")


def test_explain_says_how_each_official_was_found():
    a = Article(id="t", text="Italian Foreign Minister Antonio Tajani met his Greek counterpart Giorgos Gerapetritis.",
                published="2024-01-02")
    explained = extract_article(a).to_json(explain=True)
    assert {p["name"]: p["found_by"][0] for p in explained["persons"]} == {
        "Antonio Tajani": "title-before", "Giorgos Gerapetritis": "counterpart"}
    assert "found_by" not in extract_article(a).to_json()["persons"][0]


def test_full_name_without_title_in_a_telling_context():
    out = run("The ministers discussed recent statements by Donald Trump and his administration on trade.")
    assert person(out, "Donald Trump") is not None
    out = run("The office for the Coordination of Humanitarian Efforts said aid was on its way.")
    assert out["persons"] == []


def test_untitled_full_name_acting_in_an_encounter():
    # "Vladimir" is also a city: inside a longer name it is a given name
    out = run("On Friday Vladimir Orlov had a telephone conversation with President of Ghana Kofi Mensah-Bonsu.",
              published="2024-05-12")
    assert person(out, "Vladimir Orlov") is not None
    assert [sorted(m["participants"]) for m in out["meetings"]] == [["Kofi Mensah-Bonsu", "Vladimir Orlov"]]
    assert out["meetings"][0]["date"] == "2024-05-10"
    # an honorific is not part of the name, and a lone capitalised word is no one
    out = run("Archbishop Samuel Okoro met the delegation. Yesterday Parliament met in Accra.")
    assert person(out, "Samuel Okoro") is not None and person(out, "Archbishop Samuel Okoro") is None
    assert all("Parliament" not in p["name"] for p in out["persons"])


def test_link_lines_to_other_stories_yield_nothing():
    text = ("Irish Foreign Minister Micheal Martin met Belgian Foreign Minister Hadja Lahbib in Dublin on Friday.\n"
            ">>Former Spanish Ambassador Luis Ortega: Why Madrid Should Talk to Rabat\n"
            "Martin later flew to Brussels for a meeting of European Union foreign ministers on migration policy.\n")
    out = run(text)
    assert person(out, "Luis Ortega") is None and "Spain" not in out["countries"]


def test_body_named_twice_at_two_lengths_is_one_organization():
    out = run("Leaders gathered for the Regional Council of Water Ministers. "
              "The Regional Council of Water Ministers of the Nile Basin Initiative adopted a plan.")
    names = [o["name"] for o in out["organizations"] if o["name"].startswith("Regional Council")]
    assert names == ["Regional Council of Water Ministers of the Nile Basin Initiative"]


def test_a_countrys_own_council_is_not_the_un_security_council():
    out = run("Nazarbayev remains head of the country's Security Council.")
    assert "United Nations Security Council" not in [o["name"] for o in out["organizations"]]


# -- groups of officials, statuses and who takes part ------------------------------------

def test_respective_posts_follow_the_order_of_the_leaders():
    out = run("Lima, May 4 -- Peru's President Carlos Ibarra met his Chilean counterpart Marta Solis on Monday. "
              "Both heads of state held a meeting of an hour, accompanied by the respective foreign ministers, Ana Prado "
              "and Luis Mota, as well as the Ministers of Economy and Finance, Pedro Alvarez and Joana Reis, respectively.")
    assert posts(out, "Ana Prado") == {("Foreign Minister", "Peru")}
    assert posts(out, "Luis Mota") == {("Foreign Minister", "Chile")}
    assert posts(out, "Pedro Alvarez") == {("Minister of Economy", "Peru")}
    assert posts(out, "Joana Reis") == {("Minister of Economy", "Chile")}
    assert {"Carlos Ibarra", "Marta Solis", "Ana Prado", "Luis Mota", "Pedro Alvarez", "Joana Reis"} in pairs(out, "held")


def test_a_meeting_that_follows_a_planned_one_is_planned_too():
    out = run("Under the plan, the deputy ministers of Chile and Peru would meet in Lima on June 27 "
              "followed by a meeting between the foreign ministers in August.", published="2023-06-01")
    assert out["meetings"] and all(m["status"] == "planned" for m in out["meetings"])


def test_a_summit_to_be_held_is_planned():
    out = run("The foreign ministers of Kenya and Ghana agreed on Friday to prepare a summit meeting to be held early next year.")
    assert all(m["status"] != "held" for m in out["meetings"])


def test_a_that_clause_ends_the_other_party():
    out = run("French President Paul Ardent met Prime Minister Sam Oduya in Nairobi on Monday. "
              "Ardent told the press after discussions with the Prime Minister that Kenya was his first stop in Africa.")
    assert pairs(out) == [{"Paul Ardent", "Sam Oduya"}]


def test_the_reporting_source_is_not_a_party():
    out = run("Minister of Foreign Affairs of Kazakhstan Erik Nurlan met with his Kyrgyz counterpart Talant Usen in Astana "
              "this week, the agency has learned from the Kazakh MFA's press service.")
    assert pairs(out) == [{"Erik Nurlan", "Talant Usen"}]


def test_a_body_inside_a_longer_name_and_its_acronym_are_not_parties():
    out = run("Kyrgyz Foreign Minister Talant Usen came to Astana to participate in the regular session of the "
              "Council of Foreign Ministers of the Shanghai Cooperation Organization (SCO).")
    assert pairs(out) == [{"Talant Usen", "Council of Foreign Ministers of the Shanghai Cooperation Organization"}]


def test_the_country_at_the_end_of_a_long_post_is_the_holders():
    out = run("Prime Minister Sam Oduya also had talks with Kofi Mensah, Minister of State in charge of Political Dialogue "
              "and Relations with Institutions of Ghana who is on a training mission in Kenya.")
    assert pairs(out) == [{"Sam Oduya", "Kofi Mensah"}]


def test_a_bodys_possessive_is_not_a_party():
    out = run("EU foreign policy chief Anna Lindqvist said she was pleased to welcome Foreign Minister Ivan Petrenko of Ukraine "
              "to the European External Action Service, the EU's diplomatic agency.")
    assert {"Anna Lindqvist", "Ivan Petrenko"} in pairs(out)
    assert all("European Union" not in p for p in pairs(out))


def test_one_visitor_meeting_two_officials_of_one_country_is_two_encounters():
    out = run("On Monday, NATO Secretary General Lars Holm will hold talks with Romanian President Ion Vasile "
              "and Romanian Foreign Minister Dana Popa.")
    assert sorted(map(sorted, pairs(out))) == [["Dana Popa", "Lars Holm"], ["Ion Vasile", "Lars Holm"]]


def test_officials_of_several_countries_named_together_meet_together():
    out = run("Secretary of State Mark Ellison met in Berlin with German Foreign Minister Greta Hahn, "
              "British Foreign Secretary Tom Ashby and French Foreign Minister Claire Dumas.")
    assert pairs(out) == [{"Mark Ellison", "Greta Hahn", "Tom Ashby", "Claire Dumas"}]


def test_representing_a_body_at_the_summit_is_attending_it():
    out = run("The 9th ASEM Summit has closed in Ulaanbaatar, Mongolia. European Commission President Hanna Berg, "
              "European Council President Piotr Nowak and High Representative Elena Ruiz represented the European Union "
              "at the summit.")
    m = next(m for m in out["meetings"] if "Hanna Berg" in m["participants"])
    assert set(m["participants"]) == {"Hanna Berg", "Piotr Nowak", "Elena Ruiz", "Asia-Europe Meeting"}
    assert m["place"] == "Ulaanbaatar" and m["plover_mode"] == "multilateral"


def test_a_post_named_as_his_title_is_the_persons():
    out = run("Omani officials said on Sunday that the king had stripped Prince Faisal bin Omar from his title as crown prince "
              "and from his powerful position as the country's interior minister.")
    assert {t for t, _ in posts(out, "Faisal bin Omar")} == {"Crown Prince", "Interior Minister"}
    assert posts(out, "Faisal bin Omar") == {("Crown Prince", "Oman"), ("Interior Minister", "Oman")}


def test_a_seat_of_government_speaks_for_its_country():
    out = run("Russian Foreign Minister Pavel Orlov spoke by phone with French President Luc Moreau, the Kremlin said.")
    assert person(out, "Kremlin") is None
    assert "Russia" in out["countries"]


def test_a_second_verb_ends_the_other_party():
    out = run("The Iranian foreign minister, Reza Tavana, met Crown Prince Khalid bin Saad later in the day "
              "and handed him a letter from President Omid Jafari.")
    assert pairs(out) == [{"Reza Tavana", "Khalid bin Saad"}]


def test_the_war_in_a_country_is_a_topic_not_the_place():
    out = run("ADDIS ABABA, Feb 16 - AU Commission Chairperson Omar Said met Kenyan President John Kariuki on Saturday "
              "to discuss the war in Sudan.")
    assert [m["place"] for m in out["meetings"]] == ["Addis Ababa"]


def test_a_call_takes_no_place_from_the_story_and_calling_for_is_not_a_call():
    out = run("GENEVA, Jan 21 - Foreign Minister Pavel Orlov of Russia met U.S. Secretary of State Dan Miller in Geneva on Friday. "
              "Orlov had earlier spoken by telephone with French President Luc Moreau. "
              "Miller met Swiss President Anna Keller and called for calm.")
    call = next(m for m in out["meetings"] if "Luc Moreau" in m["participants"])
    assert call["mode"] == "phone" and call["place"] is None
    visit = next(m for m in out["meetings"] if "Anna Keller" in m["participants"])
    assert visit["mode"] == "in person" and visit["place"] == "Geneva"


def test_a_headline_restating_the_body_for_a_country_gives_one_commitment():
    out = run("Saudi, Iranian foreign ministers meet in Riyadh, agree to reopen embassies\n\n"
              "RIYADH - Saudi Foreign Minister Prince Fahd bin Saad received his Iranian counterpart Reza Tavana on Wednesday. "
              "The two ministers agreed to accelerate the reopening of embassies in both capitals.")
    assert [c["actors"] for c in out["commitments"]] == [["Fahd bin Saad", "Reza Tavana"]]


def test_pledging_a_countrys_support_is_a_commitment():
    out = run("Kenyan President John Kariuki pledged Kenya's support for an AU-led mediation and said talks could follow.")
    c = out["commitments"][0]
    assert c["actors"] == ["John Kariuki"] and c["content"] == "Kenya's support for an AU-led mediation"


def test_a_country_the_summit_went_without_is_not_a_party():
    out = run("Leaders of the Group of 20 opened a two-day summit in Johannesburg on Saturday without the United States.")
    assert all("United States" not in p for p in pairs(out))


def test_a_bilateral_on_the_sidelines_is_not_merged_into_the_plenary():
    out = run("JOHANNESBURG, Nov 22 - South African President Sipho Dlamini welcomed Chinese Premier Wei Jun, Indian Prime Minister "
              "Ravi Menon and German Chancellor Karl Brandt at the opening session on Saturday. "
              "On the sidelines, Menon met Wei for 40 minutes, their first meeting in a year.")
    assert {"Ravi Menon", "Wei Jun"} in pairs(out)
    assert {"Sipho Dlamini", "Wei Jun", "Ravi Menon", "Karl Brandt"} in pairs(out)


def test_the_president_of_a_club_is_no_countrys_president():
    out = run("MADRID - The Spanish club's president Tomas Ferrer met the players after the match.")
    assert posts(out, "Tomas Ferrer") == {("President", None)}


def test_two_commitments_in_one_clause_chain_are_cut_apart():
    out = run("Uruguayan President Ana Costa and Argentine President Luis Pardo signed a memorandum on energy interconnection "
              "and vowed to resume negotiations on a bilateral trade pact before the end of the year.")
    assert sorted(c["content"] for c in out["commitments"]) == [
        "a memorandum on energy interconnection",
        "resume negotiations on a bilateral trade pact before the end of the year"]


def test_two_people_sharing_a_family_name_stay_two():
    out = run("North Korean leader Kim Jong Un met Russian Defense Minister Andrei Belousov in Pyongyang. "
              "Kim said the two countries were allies. Separately, Kim Yo Jong, the leader's sister, criticised the drills. "
              "Kim Yo Jong said the South would pay a price.")
    assert person(out, "Kim Yo Jong") is not None
    assert not any(p["title"] == "Leader" for p in person(out, "Kim Yo Jong")["positions"])
    assert "Kim Yo Jong" not in person(out, "Kim Jong Un")["aliases"]
    assert pairs(out) == [{"Kim Jong Un", "Andrei Belousov"}]


def test_a_transcript_speaker_label_is_an_official_who_speaks_as_i():
    out = run("Remarks to the press\n\nSECRETARY MORALES: Good morning. I just had a very productive meeting with Foreign Minister "
              "Karl Weber. We agreed to keep coordinating on sanctions.\n\nQUESTION: Did you discuss energy?\n\n"
              "SECRETARY MORALES: We did. And I'll be speaking with Foreign Minister Ana Ruiz later today.")
    assert person(out, "Morales") is not None and person(out, "Question") is None
    assert {"Morales", "Karl Weber"} in pairs(out, "held")
    assert {"Morales", "Ana Ruiz"} in pairs(out, "planned")


def test_an_official_meeting_visitors_of_one_country_is_not_of_that_country():
    out = run("TOKYO, July 8 - Japan and the Philippines signed a defence pact after talks between their ministers in Manila. "
              "Japanese Foreign Minister Yuki Tanaka and Defence Minister Ken Mori later paid a courtesy call on President Ramon Cruz "
              "at the presidential palace.")
    assert posts(out, "Ramon Cruz") == {("President", "Philippines")}
    assert [m["place"] for m in out["meetings"]] == ["Manila"]


@pytest.mark.parametrize("dateline", ["ABU DHABI, 14th March, 2024 (WAM) --", "ABU DHABI, March 14, 2024 -", "Abu Dhabi:"])
def test_datelines_in_agency_styles_are_places_not_parties(dateline):
    out = run(f"{dateline} President Khalid bin Omar today received a phone call from President Samir Fahmy of Egypt, "
              "during which they discussed regional developments.", published="2024-03-14")
    assert pairs(out) == [{"Khalid bin Omar", "Samir Fahmy"}]
    assert posts(out, "Khalid bin Omar") == {("President", "United Arab Emirates")}


def test_a_slash_agency_dateline_and_a_forum_named_after_its_city():
    out = run("MOSCOW, April 12. /TASS/. Russian Foreign Minister Pavel Orlov held talks with Turkish Foreign Minister Emre Kaya "
              "on the sidelines of the Antalya Diplomacy Forum on Saturday. The sides confirmed their readiness to continue "
              "close coordination within the Astana format.", published="2025-04-12")
    m = out["meetings"][0]
    assert m["place"] == "Antalya" and m["date"] == "2025-04-12"
    assert "Kazakhstan" not in out["countries"]
    assert out["commitments"][0]["counterpart"] is None


def test_an_acronym_between_title_and_name():
    out = run("New Delhi: External Affairs Minister (EAM) S Ramesh on Tuesday met his Singaporean counterpart Wei Lin Tan.",
              published="2024-09-17")
    assert pairs(out) == [{"S Ramesh", "Wei Lin Tan"}]
    assert out["meetings"][0]["date"] == "2024-09-17"


def test_a_second_predicate_keeps_the_sentence_subject():
    out = run("President Khalid bin Omar received a phone call from President Samir Fahmy of Egypt. The two leaders reviewed "
              "the relations between the UAE and Egypt, and affirmed their keenness to strengthen cooperation in all fields.")
    assert [c["actors"] for c in out["commitments"]] == [["Khalid bin Omar", "Samir Fahmy"]]


def test_an_unnamed_secretary_general_stands_for_the_un():
    out = run("NEW YORK, 23 September 2025 - The Secretary-General met with His Excellency Daniel Kiptoo, President of the "
              "Republic of Kenya, on the margins of the general debate of the General Assembly.", published="2025-09-23")
    assert pairs(out) == [{"United Nations", "Daniel Kiptoo"}]
    assert "United Nations" in [o if isinstance(o, str) else o["name"] for o in out["organizations"]]


def test_a_pope_receiving_a_president_is_a_meeting():
    out = run("VATICAN CITY, July 9 - Pope Clement XV received Ukrainian President Oleh Marchenko on Wednesday, the Vatican said. "
              "The Holy See offered to host talks between Russia and Ukraine.", published="2025-07-10")
    assert posts(out, "Clement XV") == {("Pope", "Vatican")}
    assert pairs(out) == [{"Clement XV", "Oleh Marchenko"}]


def test_travelling_somewhere_to_meet_is_planned_and_the_host_is_of_that_country():
    out = run("TEL AVIV - U.S. Secretary of State Dan Miller met Israeli Prime Minister Avi Levin in Tel Aviv on Thursday. "
              "Miller is expected to travel to Jordan on Friday to meet King Faisal III.", published="2023-10-12")
    m = next(m for m in out["meetings"] if "Faisal III" in m["participants"])
    assert m["status"] == "planned" and m["date"] == "2023-10-13"
    assert posts(out, "Faisal III") == {("King", "Jordan")}


def test_a_country_whose_leader_is_at_the_table_is_not_another_party():
    out = run("Australian Prime Minister Tom Reid met Chinese President Wei Jun in Beijing on Monday. The two leaders agreed "
              "to resume the annual leaders' meeting, and Australia will host the next round in 2024, officials said.")
    assert all("Australia" not in p for p in pairs(out))
    assert out["commitments"][0]["content"] == "resume the annual leaders' meeting"


def test_national_bodies_agencies_and_analysts():
    out = run("MANILA, Aug 19 - Philippine National Security Council spokesperson Jose Ramos said Chinese ships had acted "
              "dangerously. China's coast guard spokesman Wang Tao said the Philippine vessel rammed a Chinese ship. "
              "\"This is a serious escalation,\" said Jane Roe, an analyst at a Washington think tank.")
    names = [o if isinstance(o, str) else o["name"] for o in out["organizations"]]
    assert "United Nations Security Council" not in names and "Philippine National Security Council" in names
    assert posts(out, "Wang Tao") == {("Spokesman", "China")}
    assert person(out, "Jane Roe") is None


def test_a_pledge_in_the_headline_and_the_body_is_the_bodys_with_its_speaker_and_recipient():
    out = run("Japan pledges $500 million to Ukraine reconstruction\n\n"
              "TOKYO - Japan will provide $500 million in new grants to Ukraine for reconstruction, Prime Minister Ken Ito told "
              "a conference in Tokyo on Monday. Ito and Ukrainian Prime Minister Oleh Marchenko signed a memorandum of "
              "understanding on energy cooperation after their talks.")
    got = [(c["actors"], c["counterpart"], c["content"]) for c in out["commitments"]]
    assert got == [(["Ken Ito"], "Ukraine", "provide $500 million in new grants to Ukraine for reconstruction"),
                   (["Ken Ito", "Oleh Marchenko"], None, "a memorandum of understanding on energy cooperation")]


def test_a_news_agency_is_not_a_person():
    out = run("Poland and China signed an agreement today to increase trade by 50 percent, the official news agency Pressa said today.")
    assert person(out, "Pressa") is None
    assert [c["actors"] for c in out["commitments"]] == [["Poland", "China"]]


def test_days_the_dateline_ordinals_outside_and_will_host():
    out = run("PARIS, Feb 20 - French President Paul Ardent spoke by phone with Russian President Ivan Sokolov late on Saturday. "
              "German Chancellor Karl Brandt met U.S. President Dan Miller in Washington on the 7th and will travel to Moscow "
              "on Tuesday. Former Chancellor Greta Hahn met Sokolov on Thursday, local time, at his residence outside Moscow. "
              "Ardent will host Brandt in Paris on March 3.", published="2022-02-20")
    got = {frozenset(m["participants"]): (m["date"], m["place"], m["status"]) for m in out["meetings"]}
    assert got[frozenset({"Paul Ardent", "Ivan Sokolov"})] == ("2022-02-19", None, "held")
    assert got[frozenset({"Karl Brandt", "Dan Miller"})] == ("2022-02-07", "Washington", "held")
    assert got[frozenset({"Greta Hahn", "Ivan Sokolov"})] == ("2022-02-17", "Moscow", "held")
    assert got[frozenset({"Paul Ardent", "Karl Brandt"})] == ("2022-03-03", "Paris", "planned")


def test_an_ordinal_is_a_day_only_when_nothing_follows_it():
    from kg.dates import day_phrases
    assert day_phrases("They met on the 21st, officials said.") == ["on the 21st"]
    assert day_phrases("the 11th ASEM Summit opened") == [] and day_phrases("his 3rd visit") == []


def test_kenyan_cabinet_titles_a_post_before_an_honorific_title_a_venue_and_a_message_from_a_president():
    out = run("NAIROBI, Kenya, May 14 — Prime Cabinet Secretary and Cabinet Secretary for Foreign and Diaspora Affairs "
              "Joseph Kamau on Tuesday held bilateral talks with Ghana's Minister of Foreign Affairs, Ambassador Kofi Mensah, "
              "in Nairobi. Mensah also paid a courtesy call on President John Kariuki at State House, Nairobi, where he "
              "delivered a message from President Kwame Boateng.")
    assert ("Cabinet Secretary", "Kenya") in posts(out, "Joseph Kamau")
    assert ("Foreign Minister", "Ghana") in posts(out, "Kofi Mensah")
    assert posts(out, "Kwame Boateng") == {("President", "Ghana")}
    assert sorted(map(sorted, pairs(out))) == [["John Kariuki", "Kofi Mensah"], ["Joseph Kamau", "Kofi Mensah"]]
    assert all(o if isinstance(o, str) else o["name"] != "Prime Cabinet Secretary" for o in out["organizations"])


def test_a_planned_visits_city_is_not_where_the_next_meeting_was():
    out = run("SANTIAGO, March 12 - Argentina's Foreign Minister Luis Pardo and his Chilean counterpart Ana Costa met in "
              "Santiago on Wednesday. Pardo invited Costa to visit Buenos Aires in May. The meeting came a day after Chilean "
              "President Jorge Rios received Argentine Economy Minister Marta Gil at the presidential palace.")
    m = next(m for m in out["meetings"] if "Jorge Rios" in m["participants"])
    assert m["place"] == "Santiago"


def test_a_page_with_menus_entities_and_a_read_more_block_in_the_story():
    out = run("Home | World | Asia | Politics\nSubscribe now\n"
              "Indonesia, Malaysia leaders vow to settle maritime border\nBy Staff Reporter\n"
              "JAKARTA &mdash; Indonesian President Adi Wibowo and Malaysian Prime Minister Hamid Yusof vowed on Monday to "
              "settle the remaining segments of their maritime border within two years.\n"
              "The two leaders met at the presidential palace for their annual consultation.\n"
              "READ MORE: Thai premier meets Lao leader, pledges closer ties\n"
              "Yusof also invited Wibowo to attend the ASEAN summit in Kuala Lumpur next year.\n"
              "Most Read\n1. Vietnam, China agree to boost trade\n", published="2024-08-12")
    assert [(c["actors"], c["content"]) for c in out["commitments"]] == [
        (["Adi Wibowo", "Hamid Yusof"], "settle the remaining segments of their maritime border within two years")]
    held = [m for m in out["meetings"] if m["status"] == "held"]
    assert [(set(m["participants"]), m["date"], m["place"]) for m in held] == [({"Adi Wibowo", "Hamid Yusof"}, "2024-08-12", "Jakarta")]
    assert any(m["status"] == "planned" and m["place"] == "Kuala Lumpur" for m in out["meetings"])


def test_one_visitor_on_two_days_is_two_encounters_each_on_its_day():
    out = run("BEIJING - Chinese Foreign Minister Wang Lei met his Brazilian counterpart Mauro Reis on Monday and his "
              "South African counterpart Naledi Dube on Tuesday.", published="2024-06-06")
    got = sorted((sorted(m["participants"]), m["date"]) for m in out["meetings"])
    assert got == [(["Mauro Reis", "Wang Lei"], "2024-06-03"), (["Naledi Dube", "Wang Lei"], "2024-06-04")]


def test_invisible_characters_do_not_make_a_second_name():
    out = run("Former U.S. Secretary of State Henry Hale met Chinese Foreign Minister Wang\u200b Lei in Beijing.")
    assert {p["name"] for p in out["persons"]} == {"Henry Hale", "Wang Lei"}


def test_the_visiting_minister_the_leader_and_a_bodys_chief():
    out = run("TOKYO - Japanese Foreign Minister Keiko Sato held talks with visiting Vietnamese Foreign Minister Bui Thanh Long "
              "on Friday. The visiting minister thanked his host and said Vietnam would deepen defense cooperation with Japan. "
              "Later, Long called on Prime Minister Hiro Tanaka. The Japanese leader welcomed Long and the two agreed to upgrade "
              "ties to a comprehensive strategic partnership. NATO chief Mark Jansen met Sato on Saturday.", published="2024-03-09")
    assert [(c["actors"], c["counterpart"]) for c in out["commitments"]] == [
        (["Bui Thanh Long"], "Japan"), (["Hiro Tanaka", "Bui Thanh Long"], None)]
    assert posts(out, "Mark Jansen") == {("Leader", "North Atlantic Treaty Organization")}
    assert {"Mark Jansen", "Keiko Sato"} in pairs(out)


def test_chief_without_a_body_is_no_post():
    out = run("The chief executive Anna Berg met the chief of staff Tom Hale in Oslo.")
    assert all(("Leader", None) not in {(p["title"], p["of"]) for p in q["positions"]} for q in out["persons"])


def test_examples_after_including_are_separate_encounters_at_the_named_gathering():
    out = run("NEW YORK - Indian External Affairs Minister Ravi Menon held a meeting with his Russian counterpart Ivan Sokolov on "
              "the sidelines of the UN General Assembly in New York. The two ministers held a meeting in Riyadh on September 9. "
              "Menon met several delegates on the sidelines of UNGA, including Moroccan Foreign Minister Karim Alaoui, "
              "Belgian Prime Minister Jan Peeters and Swiss Federal Councillor Urs Meier. Menon held a meeting with the Belgian PM "
              "and discussed technology cooperation.", published="2024-09-26")
    got = {frozenset(m["participants"]): m["place"] for m in out["meetings"]}
    for other in ("Karim Alaoui", "Jan Peeters", "Urs Meier"):
        assert got[frozenset({"Ravi Menon", other})] == "New York", other
    assert posts(out, "Urs Meier") == {("Federal Councillor", "Switzerland")}


def test_as_well_as_lists_separate_talks():
    out = run("Russian Foreign Minister Ivan Sokolov held talks with Iranian Foreign Minister Ali Rezaei, Chinese Foreign Minister "
              "Wei Jun, as well as the ministers of Laos and Cambodia on the sidelines of the ASEAN events in Singapore.")
    assert sorted(map(sorted, pairs(out))) == [["Ali Rezaei", "Ivan Sokolov"], ["Ivan Sokolov", "Wei Jun"]]
    assert {m["place"] for m in out["meetings"]} == {"Singapore"}


@pytest.mark.parametrize("given", ["Jan", "May", "June"])
def test_a_given_name_that_is_also_a_month(given):
    out = run(f"Czech Foreign Minister {given} Novak met Slovak Foreign Minister Juraj Blaho in Prague on Monday.")
    assert pairs(out) == [{f"{given} Novak", "Juraj Blaho"}]


def test_ministers_arriving_to_take_part_in_talks_meet_each_other():
    out = run("MINSK, 29 November - Foreign Ministers Ivan Sokolov, Petro Marchenko, Karl Brandt and Paul Ardent arrived in Minsk "
              "to participate in the talks.")
    assert pairs(out) == [{"Ivan Sokolov", "Petro Marchenko", "Karl Brandt", "Paul Ardent"}]
    assert all(p["positions"] == [{"title": "Foreign Minister", "of": None}] for p in out["persons"]), "no country guessed"


def test_a_phone_call_told_three_ways_is_one_call_and_a_restatement_is_no_new_meeting():
    out = run("Ravi Menon and US President Dan Miller held a telephonic conversation last evening. This is the first "
              "conversation between the two leaders since they met at the G20 summit in Argentina in November. "
              "According to the White House, Prime Minister Menon dialled Miller. \"The leaders agreed to strengthen the "
              "partnership and exchanged perspectives on trade,\" the statement said. "
              "Russian President Ivan Sokolov and Menon also spoke over the phone on Monday.", published="2019-01-09")
    calls = [m for m in out["meetings"] if m["mode"] == "phone"]
    assert sorted((sorted(m["participants"]), m["date"]) for m in calls) == [
        (["Dan Miller", "Ravi Menon"], "2019-01-08"), (["Ivan Sokolov", "Ravi Menon"], "2019-01-07")]
    assert all(m["place"] is None for m in calls)
    assert [c["content"] for c in out["commitments"]] == ["strengthen the partnership"]
    assert person(out, "Ravi Menon") is not None and person(out, "Menon") is None


def test_both_leaders_are_the_leaders_and_a_coordinated_minister_shares_the_country():
    out = run("A handout picture shows Mexican President Luis Pardo and Foreign Affairs Secretary Ana Costa during a call "
              "with US President Dan Miller. Both leaders expressed their willingness to maintain a relationship based on "
              "friendship.")
    assert posts(out, "Ana Costa") == {("Foreign Secretary", "Mexico")}
    assert [c["actors"] for c in out["commitments"]] == [["Luis Pardo", "Dan Miller"]]


def test_an_unnamed_country_is_the_most_mentioned_one_not_taken():
    out = run("Ravi Menon and US President Dan Miller spoke on Tuesday. They praised the India-US partnership, the "
              "summit of India, the US and Japan, and trade with India. According to the statement, PM Menon called Miller.",
              published="2019-01-09")
    assert posts(out, "Ravi Menon") == {("Prime Minister", "India")}


def test_a_visiting_prime_minister_calls_on_two_officials_and_talks_with_a_third():
    out = run("Prime Minister Ram Thapa, who is on an official visit to India, paid a courtesy call on India's newly appointed "
              "Minister Arun Rao on Monday. Earlier in the day, PM Thapa paid a courtesy call on Indian President Meera Iyer in "
              "New Delhi. President Iyer and PM Thapa discussed the relations between Nepal and India. PM Thapa attended Indian "
              "Prime Minister Vikram Sen's swearing-in ceremony on Sunday evening. The two leaders then held talks after the "
              "ceremony. He is accompanied by Minister for Law Hari Giri and Foreign Secretary Maya Lama.", published="2024-06-10")
    assert sorted(map(sorted, pairs(out))) == [["Arun Rao", "Ram Thapa"], ["Meera Iyer", "Ram Thapa"], ["Ram Thapa", "Vikram Sen"]]
    assert posts(out, "Hari Giri") == {("Minister", "Nepal")} and posts(out, "Maya Lama") == {("Foreign Secretary", "Nepal")}


def test_a_new_counterpart_a_security_meet_and_a_halt_announced_elsewhere():
    out = run("Kuala Lumpur: Prime Minister Ravi Menon today met his newly-elected Malaysian counterpart Idris Hamzah. "
              "PM Menon had announced in New Delhi that on his way to Singapore, he will make a brief halt in Malaysia to meet "
              "Prime Minister Hamzah. Menon will then deliver a keynote address at the Shangri-La Dialogue, an annual security meet.")
    assert posts(out, "Idris Hamzah") == {("Prime Minister", "Malaysia")}
    assert posts(out, "Ravi Menon") == {("Prime Minister", "Singapore")} or ("Prime Minister", "Malaysia") not in posts(out, "Ravi Menon")
    got = sorted((m["status"], m["place"], sorted(m["participants"])) for m in out["meetings"])
    assert got == [("held", "Kuala Lumpur", ["Idris Hamzah", "Ravi Menon"]), ("planned", "Malaysia", ["Idris Hamzah", "Ravi Menon"])]


def test_calling_up_offering_congratulations_and_a_bare_post():
    out = run("New Delhi: Chinese President Wei Jun Thursday called up Prime Minister Ravi Menon and conveyed Beijing's wish for a "
              "robust partnership with the new Indian government. Vice President Ali Naseer has paid a courtesy call on the "
              "Indian Prime Minister. During the call, the vice president offered his congratulations for his re-election. "
              "Moreover, Vice President and the Prime Minister pledged their commitment to strive to maintain friendly ties.")
    calls = [m for m in out["meetings"] if m["mode"] == "phone"]
    assert [sorted(m["participants"]) for m in calls] == [["Ravi Menon", "Wei Jun"]]
    assert [c["actors"] for c in out["commitments"]] == [["Ali Naseer", "Ravi Menon"]]


def test_a_signed_memorandum_capitalised_an_intro_talk_and_an_unnamed_counterpart():
    out = run("At the White House, President of the Republic of Azerbaijan Elnur Aliyev held a meeting with President of the United "
              "States Dan Miller. Following the meeting, President Elnur Aliyev and President Dan Miller signed a Memorandum of "
              "Understanding on the establishment of a Strategic Working Group to prepare the Charter on Strategic Partnership.")
    assert [c["actors"] for c in out["commitments"]] == [["Elnur Aliyev", "Dan Miller"]]
    assert pairs(out) == [{"Elnur Aliyev", "Dan Miller"}]
    assert "Charter on Strategic Partnership" not in [o if isinstance(o, str) else o["name"] for o in out["organizations"]]
    out = run("After a one hour talk, Vietnam President Tran Van Long and U.S. President Dan Miller witnessed the signing of "
              "several agreements.")
    assert pairs(out) == [{"Tran Van Long", "Dan Miller"}]
    out = run("The events of the visit by the President of Sao Tome and Principe, H. E. Jose Dias, began on Tuesday, when the "
              "President of the Republic of Equatorial Guinea, H. E. Pedro Nsue, received his Santomean counterpart. Nsue "
              "later offered a state dinner to the visiting delegation.")
    assert pairs(out) == [{"Pedro Nsue", "Jose Dias"}]
    assert out["commitments"] == []


def test_joined_initials_and_agency_honorifics():
    out = run("External Affairs Minister S.M. Rao met S. E. Pedro Nsue, President of Equatorial Guinea, and H.M. King Faisal III.")
    assert {p["name"] for p in out["persons"]} >= {"S.M. Rao", "Pedro Nsue", "Faisal III"}


def test_readouts_of_an_international_body():
    out = run("The Secretary-General met with H.E. Mr. Omar Said, Chairperson of the African Union Commission. The two leaders "
              "reaffirmed their commitment to reinforce the cooperation between the two organisations.")
    assert pairs(out) == [{"United Nations", "Omar Said"}]
    assert [c["actors"] for c in out["commitments"]] == [["United Nations", "Omar Said"]]
    out = run("The Chairperson of the African Union Commission, H.E. Omar Said, met with H.E. Khalid Saeed, the UAE Ambassador "
              "to Ethiopia, to explore ways to deepen collaboration between the African Union and the United Arab Emirates. "
              "Ambassador Saeed reaffirmed the UAE's continued commitment to AU-UAE cooperation and conveyed an invitation.")
    assert pairs(out) == [{"Omar Said", "Khalid Saeed"}]
    assert [(c["actors"], c["content"]) for c in out["commitments"]] == [(["Khalid Saeed"], "AU-UAE cooperation")]


def test_elect_appointed_by_invitations_also_present_encounters_and_he():
    out = run("Brazil's Foreign Minister, Pedro Alves, described the meeting with Argentine Congresswoman-elect Ana Costa, the "
              "foreign minister appointed by President-elect Luis Pardo, as productive. During the meeting, Alves received an "
              "invitation for President Jorge Rios to attend the inauguration.")
    assert {p["name"] for p in out["persons"]} >= {"Ana Costa", "Luis Pardo"}
    assert pairs(out) == [{"Pedro Alves", "Ana Costa"}]
    out = run("Argentine Foreign Minister Luis Pardo, Ambassador Jose Vidal and Development Minister Marta Gil met in Brasilia "
              "with Brazilian Economy Minister Paulo Rocha on Saturday.\n\nAlso present at the meeting was Ivo Reis, Brazil's "
              "ambassador to Buenos Aires. The visit followed Friday's encounter between Pardo and his Brazilian colleague Ana "
              "Franca. Pardo has been entrusted with rebuilding ties with Mercosur and earlier last week he also met with "
              "Uruguayan Foreign Minister Jose Bustos.", published="2021-10-11")
    assert ("Development Minister", "Argentina") in posts(out, "Marta Gil") or posts(out, "Marta Gil") <= {
        (t, "Argentina") for t in ("Development Minister", "International Development Minister")}
    got = sorted(sorted(m["participants"]) for m in out["meetings"])
    assert got == [["Ana Franca", "Luis Pardo"], ["Ivo Reis", "Jose Vidal", "Luis Pardo", "Marta Gil", "Paulo Rocha"],
                   ["Jose Bustos", "Luis Pardo"]]


def test_a_surname_that_is_a_capital_after_a_title():
    out = run("Brazil's Foreign Minister, Pedro Lima, met Argentine Foreign Minister Ana Costa in Lima on Monday.")
    assert pairs(out) == [{"Pedro Lima", "Ana Costa"}]
    assert out["meetings"][0]["place"] == "Lima"


def test_gulf_agency_readouts():
    out = run("ABU DHABI, (Gulf Wire / Pakistan Point News / WAM - 22nd Jul, 2020) H.H. Sheikh Saeed bin Rashid Al Nuaimi, "
              "Minister of Foreign Affairs, made a virtual call with Foreign Minister of Pakistan Imran Qadir to explore ways of "
              "enhancing cooperation. Sheikh Saeed discussed during a telephone call with Dan Miller, the United States "
              "Secretary of State, the strategic relations.")
    assert sorted(map(sorted, pairs(out))) == [["Dan Miller", "Saeed bin Rashid Al Nuaimi"], ["Imran Qadir", "Saeed bin Rashid Al Nuaimi"]]
    assert "Pakistan" in out["countries"] and out["countries"].count("Pakistan") == 1
    out = run("Sheikh Saeed bin Rashid Al Nuaimi, Minister of Foreign Affairs, has received Ion Popa, Foreign Minister of Romania, "
              "in Abu Dhabi. Minister Popa wished the UAE further progress under the leadership of President His Highness Sheikh "
              "Khalid bin Rashid. The Saudi Foreign Minister arrived earlier where he was welcomed by Sheikh Saeed. "
              "The meeting was attended by Mariam bint Omar, Minister of Climate Change and the Environment.")
    assert pairs(out) == [{"Saeed bin Rashid Al Nuaimi", "Ion Popa", "Mariam bint Omar"}]
    assert posts(out, "Khalid bin Rashid") == {("President", "United Arab Emirates")}
    assert person(out, "Climate Change") is None and person(out, "Sheikh Saeed") is None


def test_the_day_of_a_report_and_one_encounter_told_by_country_then_by_officials():
    out = run("The top diplomats of South Korea and Japan discussed cooperation in a meeting on the margins of the APEC Summit "
              "in San Francisco. According to Seoul's foreign ministry on Thursday, minister Park Min met his Japanese "
              "counterpart Yumi Sato on Wednesday, local time. They also agreed to continue consultations for a trilateral "
              "ministerial meeting involving China.", published="2023-11-16")
    held = [m for m in out["meetings"] if m["status"] == "held"]
    assert [(sorted(m["participants"]), m["date"], m["place"]) for m in held] == [
        (["Park Min", "Yumi Sato"], "2023-11-15", "San Francisco")]
    assert [c["actors"] for c in out["commitments"]] == [["Park Min", "Yumi Sato"]]


def test_a_call_and_what_was_confirmed_in_it_are_one_call():
    out = run("Foreign Minister Ken Ito spoke with South Korean Foreign Minister Park Min over the phone on Wednesday and "
              "confirmed the importance of close cooperation between Japan and South Korea, as well as among the two "
              "countries and the United States.")
    assert pairs(out) == [{"Ken Ito", "Park Min"}]


def test_an_agreement_signed_by_two_ministers_in_the_passive():
    out = run("New Delhi, Oct. 28: An agreement was signed today by the External Affairs Minister, Mr. R.K. Rao, and the U.S. "
              "Secretary of State, Dr. Dan Miller, establishing a Joint Commission for economic and cultural co-operation.",
              published="1974-10-28")
    c = out["commitments"][0]
    assert c["actors"] == ["R.K. Rao", "Dan Miller"] and c["counterpart"] is None
    assert c["content"].startswith("An agreement establishing a Joint Commission")
    assert {"R.K. Rao", "Dan Miller"} in pairs(out)


def test_meeting_needs_and_a_communique_that_says():
    out = run("WASHINGTON, July 28: The United States will provide $115 million in food aid to Pakistan, says a joint "
              "communique issued here on Monday after a meeting between President Dan Miller and Prime Minister Ali Rezaei. "
              "The two countries will hold an energy dialogue to help Pakistan meet its growing energy needs.")
    assert [(c["actors"], c["counterpart"]) for c in out["commitments"]][0] == (["United States"], "Pakistan")
    assert posts(out, "Ali Rezaei") == {("Prime Minister", "Pakistan")}
    assert pairs(out, "held") == [{"Dan Miller", "Ali Rezaei"}]
    assert all(m["evidence"].find("meet its") < 0 or m["status"] == "planned" for m in out["meetings"])


def test_a_secretary_general_in_a_un_story_is_the_uns():
    out = run("UNITED NATIONS - The U.N. Security Council met on Wednesday to discuss Sudan. Secretary-General Ana Reyes briefed "
              "the council by video. She said the United Nations would scale up food deliveries.")
    assert posts(out, "Ana Reyes") == {("Secretary-General", "United Nations")}


@pytest.mark.parametrize("sentence", [
    "Russian President Ivan Sokolov has not met Ukrainian President Petro Marchenko since 2019.",
    "If Russian President Ivan Sokolov and Ukrainian President Petro Marchenko meet, it will be to sign a settlement.",
    "Asked whether Russian President Ivan Sokolov could meet Ukrainian President Petro Marchenko in Turkey, he smiled.",
    "Will Russian President Ivan Sokolov meet Ukrainian President Petro Marchenko?",
    "Russian President Ivan Sokolov hasn't yet met Ukrainian President Petro Marchenko.",
])
def test_negated_hypothetical_and_questioned_meetings_are_not_held(sentence):
    out = run(sentence)
    assert not [m for m in out["meetings"] if m["status"] == "held"]


def test_ministry_readouts_of_calls_and_a_summit_ahead():
    out = run("On August 5, 2016, Foreign Minister Li Wei held telephone talks with Secretary of State Dan Miller of US, "
              "exchanging views on China-US relations. Li Wei expressed that the upcoming meeting between President Zhou Ming "
              "and President Mark Ellison in Hangzhou is the most important agenda of China-US relations. Miller stated that "
              "the meeting between both heads of state in Hangzhou is very important.", published="2016-08-05")
    got = sorted((m["status"], sorted(m["participants"])) for m in out["meetings"])
    assert got == [("held", ["Dan Miller", "Li Wei"]), ("planned", ["Mark Ellison", "Zhou Ming"])]


def test_a_capital_described_and_a_speaker_when_holding_talks():
    out = run("Chinese Foreign Minister Li Wei met with U.S. Secretary of State Dan Miller in Kuala Lumpur, capital of Malaysia, "
              "on Wednesday.")
    assert pairs(out) == [{"Li Wei", "Dan Miller"}]
    out = run("China is willing to work with Japan, Foreign Minister Li Wei said when holding talks with Japanese Minister for "
              "Foreign Affairs Ken Ito in Beijing on Wednesday.")
    assert pairs(out) == [{"Li Wei", "Ken Ito"}]


def test_a_two_plus_two_meeting_attended_by_both_countries_ministers():
    out = run("Jakarta. Indonesia and Australia have agreed to strengthen defense cooperation and mulled joint exercises. "
              "In a ministerial meeting in Jakarta on Thursday, the two neighbors also discussed trade. The seventh \"2+2 meeting\" "
              "was attended by Foreign Minister Sri Wahyuni and her Australian counterpart Kate Bell and both countries' defense "
              "ministers Budi Santoso and Tom Clarke.")
    assert pairs(out, "held") == [{"Sri Wahyuni", "Kate Bell", "Budi Santoso", "Tom Clarke"}]
    assert posts(out, "Budi Santoso") == {("Defense Minister", "Indonesia")}
    assert posts(out, "Tom Clarke") == {("Defense Minister", "Australia")}
    assert out["commitments"][0]["content"] == "strengthen defense cooperation"


def test_countries_that_commit_together_keep_the_speaker_out_and_officials_included_in_a_delegation():
    out = run("Canberra - Australia and Indonesia will strengthen their defence relationship, Defence Minister Tom Clarke said.")
    assert [c["actors"] for c in out["commitments"]] == [["Australia", "Indonesia"]]
    out = run("Indonesian Defence Minister Budi Santoso had a bilateral meeting with Australian Prime Minister Tom Reid in "
              "Canberra. The meeting was also attended by high-ranking Australian officials, including Foreign Minister Kate "
              "Bell and Finance Minister Jim Hale.")
    assert posts(out, "Kate Bell") == {("Foreign Minister", "Australia")}
    assert pairs(out, "held") == [{"Budi Santoso", "Tom Reid", "Kate Bell", "Jim Hale"}]


def test_senator_the_hon_and_a_meeting_named_for_two_countries():
    out = run("Minister for Defence, Senator the Hon Kate Bell, met with Indonesia's Minister for Defence Budi Santoso on "
              "March 17, 2017 in Sydney for the annual Indonesia-Australia Defence Ministers' meeting.")
    assert pairs(out) == [{"Kate Bell", "Budi Santoso"}]


def test_the_eus_foreign_policy_chief_and_a_former_post_after_a_current_one():
    out = run("The EU's new foreign policy chief, former Estonian prime minister Liisa Tamm, and the President of the European "
              "Council, Jose Prado, are visiting Kyiv. Tamm assured that the EU was working to ensure a strong position for "
              "possible peace talks with Russia.")
    assert posts(out, "Liisa Tamm") == {("High Representative", "European Union"), ("Former Prime Minister", "Estonia")}
    assert all(m["status"] != "planned" or "Russia" not in m["participants"] for m in out["meetings"])
    out = run("EU High Representative Liisa Tamm arrived for the Foreign Affairs Council meeting in Brussels, emphasizing the "
              "bloc's focus on Ukraine.")
    assert all("Ukraine" not in p for p in pairs(out))


def test_discussions_between_two_leaders_and_where_they_were_held():
    out = run("COLOMBO - Bilateral discussions between President Ravi Perera, who is on an official visit to Pakistan, and "
              "Prime Minister Ali Rezaei were held last night. Discussions were held at the Prime Minister's official "
              "residence in Islamabad.")
    assert [(sorted(m["participants"]), m["place"]) for m in out["meetings"]] == [(["Ali Rezaei", "Ravi Perera"], "Islamabad")]
    assert posts(out, "Ali Rezaei") == {("Prime Minister", "Pakistan")}
    out = run("An official discussion between the visiting Pakistani Prime Minister Ali Rezaei and President Ravi Perera was held "
              "at the Presidential Secretariat this morning. They issued a joint statement on trade between Sri Lanka and Pakistan.")
    assert pairs(out) == [{"Ali Rezaei", "Ravi Perera"}]
    assert posts(out, "Ravi Perera") == {("President", "Sri Lanka")}


def test_agreements_signed_between_the_two_countries_and_a_visit_told_twice():
    out = run("President Kemal Aydin yesterday received President of Tajikistan Rustam Nazar at the Cankaya Presidential Palace. "
              "Nine agreements in fields of banking and energy were signed between the two countries at the Presidential Palace.")
    assert [m["place"] for m in out["meetings"]] == [None]
    assert [sorted(c["actors"]) for c in out["commitments"]] == [["Kemal Aydin", "Rustam Nazar"]] or \
        [sorted(c["actors"]) for c in out["commitments"]] == [["Tajikistan", "Turkey"]]
    out = run("Ethiopia's Prime Minister, Dr. Abel Tesfaye, arrived in Asmara today for a working visit to the country. "
              "President Yonas Tekle accorded a warm welcome to the Prime Minister on arrival at Asmara International Airport.")
    assert pairs(out) == [{"Abel Tesfaye", "Yonas Tekle"}]


@pytest.mark.parametrize("sentence", [
    "Japanese Foreign Minister Ken Ito sat down with Chinese Foreign Minister Wei Jun in Beijing on Monday.",
    "Japanese Foreign Minister Ken Ito and Chinese Foreign Minister Wei Jun held a bilateral in Beijing on Monday.",
    "Japanese Foreign Minister Ken Ito had lunch with Chinese Foreign Minister Wei Jun on Monday.",
    "Japanese Foreign Minister Ken Ito held a one-on-one with Chinese Foreign Minister Wei Jun on Monday.",
    "Japanese Foreign Minister Ken Ito paid a visit to Chinese Foreign Minister Wei Jun on Monday.",
])
def test_more_ways_to_say_two_officials_met(sentence):
    out = run(sentence, published="2024-05-08")
    assert [(set(m["participants"]), m["date"]) for m in out["meetings"]] == [({"Ken Ito", "Wei Jun"}, "2024-05-06")]


@pytest.mark.parametrize("sentence", [
    "The two countries held a bilateral trade review.",
    "Japanese Foreign Minister Ken Ito sat next to Chinese Foreign Minister Wei Jun at the dinner.",
    "Japanese Foreign Minister Ken Ito criticized Chinese Foreign Minister Wei Jun on Monday.",
    "The two ministers decided to set up a joint working group on energy.",
])
def test_things_that_are_not_meetings_or_commitments(sentence):
    out = run(sentence)
    assert not [m for m in out["meetings"] if m["status"] == "held"] and not out["commitments"]


def test_a_joint_statement_their_summit_talks_the_leaders_and_the_first_visit():
    out = run("South Korean President Park Min and his visiting Chinese counterpart Wei Jun on Monday issued a joint summit "
              "statement, vowing to deepen exchanges. Wei arrived in South Korea earlier on Monday for a two-day state visit. "
              "According to the statement released after their summit talks at Park's office, the leaders agreed to open a "
              "strategic dialogue between the foreign ministries.", published="2024-05-06")
    assert pairs(out, "held") == [{"Park Min", "Wei Jun"}]
    assert [c["actors"] for c in out["commitments"] if "dialogue" in c["content"]] == [["Park Min", "Wei Jun"]]
    out = run("South Korean President Park Min and Turkish President Emre Kaya hold a summit meeting in Seoul on Wednesday. "
              "Kaya is the first foreign leader to visit South Korea since the summit between Park and North Korean leader "
              "Kim Il at the border truce village of Panmunjom on Friday.", published="2024-05-08")
    assert not [m for m in out["meetings"] if m["status"] == "planned"]
    assert {m["place"] for m in out["meetings"] if "Kim Il" in m["participants"]} == {"Panmunjom"}


def test_a_body_whose_summit_hosts_an_agreement_does_not_agree_and_an_arrival_before_planned_meetings():
    out = run("KAZAN, Oct 23 - Indian Prime Minister Ravi Menon and Chinese President Wei Jun held talks on Wednesday on the "
              "sidelines of the BRICS summit in Kazan, agreeing to restore border patrols.", published="2024-10-23")
    assert [c["actors"] for c in out["commitments"]] == [["Ravi Menon", "Wei Jun"]]
    out = run("PHNOM PENH, June 2 - Thai Foreign Minister Chai Dee arrived in Phnom Penh on Sunday for a two-day official visit "
              "during which he will meet Cambodian Prime Minister Sok Chea and Foreign Minister Prak Vann.", published="2024-06-02")
    assert sorted((m["status"], sorted(m["participants"])) for m in out["meetings"]) == [
        ("held", ["Cambodia", "Chai Dee"]), ("planned", ["Chai Dee", "Prak Vann"]), ("planned", ["Chai Dee", "Sok Chea"])]


# -- read on real wire copy: counterparts, places, dates and editors' brackets ---------------

def test_counterpart_without_a_possessive_and_a_short_surname_before_the_period():
    out = run("Foreign Minister Lena Voss arrived in Oslo. Voss also held a meeting with Chinese counterpart Bo Li.")
    assert posts(out, "Bo Li") == {("Foreign Minister", "China")}
    assert pairs(out) == [{"Lena Voss", "Bo Li"}]


def test_a_place_no_list_holds_but_not_a_venue_a_continent_or_a_month():
    def place(text):
        return [m["place"] for m in run(text)["meetings"]]
    assert place("Foreign Minister Lena Voss met Foreign Minister Tomas Lind of Sweden in Kananaskis on Monday.") == ["Kananaskis"]
    assert place("Foreign Minister Lena Voss met Foreign Minister Tomas Lind of Sweden at Camp Willow on Monday.") == ["Camp Willow"]
    assert place("Foreign Minister Lena Voss met Foreign Minister Tomas Lind of Sweden at the Grand Palace on Monday.") == [None]
    assert place("Foreign Minister Lena Voss met Foreign Minister Tomas Lind of Sweden in March.") == [None]
    out = run("President Paul Ardent met Prime Minister Sam Oduya on Monday. "
              "Ardent said after talks with Oduya that the trip was his first in Africa.")
    assert [m["place"] for m in out["meetings"]] == [None]


def test_a_date_is_not_carried_to_talks_at_another_gathering():
    out = run("Foreign Minister Lena Voss and Foreign Minister Tomas Lind of Sweden held talks on the sidelines "
              "of the Nordic Council session in Oslo on May 2. "
              "Voss, who is now in Geneva, met Prime Minister Sam Oduya of Kenya on the sidelines of the Human Rights Council.",
              published="2023-05-14")
    dates = {frozenset(m["participants"]): m["date"] for m in out["meetings"]}
    assert dates[frozenset({"Lena Voss", "Tomas Lind"})] == "2023-05-02"
    assert dates[frozenset({"Lena Voss", "Sam Oduya"})] is None


def test_editors_brackets_are_read_through_and_quoted_as_printed():
    text = ("Foreign Minister Lena Voss arrived in Oslo on Monday. "
            "\"On the sidelines of the [meeting of the Council of Foreign Ministers] CFM, she [Voss] met "
            "Foreign Minister Tomas Lind of Sweden,\" spokesman Per Dahl said at a press conference.")
    out = run(text)
    assert person(out, "CFM") is None
    assert pairs(out) == [{"Lena Voss", "Tomas Lind"}]
    meeting = out["meetings"][0]
    assert "[Voss]" in meeting["evidence"] and meeting["evidence"] == text[meeting["evidence_start"]:meeting["evidence_end"]]
    assert meeting["occasion"] != "press conference"


def test_a_message_carried_in_person_is_a_meeting_of_bearer_and_recipient():
    out = run("Special Envoy Tomas Lind delivered a letter from President Anna Berg of Sweden to President Sam Oduya of Kenya on Monday.")
    assert pairs(out) == [{"Tomas Lind", "Sam Oduya"}]
    out = run("President Sam Oduya on Monday received a special message from Swedish President Anna Berg. "
              "The message was delivered by President Berg’s Special Envoy Tomas Lind, who was accompanied by Ms. Eva Holm.")
    assert pairs(out) == [{"Sam Oduya", "Tomas Lind", "Eva Holm"}]
    out = run("A letter from President Anna Berg was handed to President Sam Oduya by Foreign Minister Tomas Lind.")
    assert pairs(out) == [{"Sam Oduya", "Tomas Lind"}]
    # a letter sent is not a meeting
    assert run("President Anna Berg sent a letter to President Sam Oduya.")["meetings"] == []


def test_farewell_to_an_outgoing_ambassador_and_a_venue_city_that_is_no_party():
    out = run("At State House Nairobi, President Sam Oduya bade farewell to Ethiopian Ambassador to Kenya, Abebe Tesfaye.")
    assert pairs(out) == [{"Sam Oduya", "Abebe Tesfaye"}]


def test_a_monarch_named_with_his_majesty_leaves_the_president_to_another_country():
    out = run("President Sam Oduya has received a special message from the King of Morocco His Majesty Hassan IV. "
              "The envoy thanked President Oduya for the warm welcome to Uganda.")
    assert posts(out, "Hassan IV") == {("King", "Morocco")}
    assert posts(out, "Sam Oduya") == {("President", "Uganda")}


def test_the_month_may_is_not_a_modal_and_a_bracketed_dateline_gives_the_place():
    out = run("New Delhi [India], May 3 (ANI): President Asha Rao received Angola's President Paulo Neto on Saturday, "
              "a statement by the Rashtra Bhavan said.", published="2025-05-03")
    assert [(m["status"], m["date"], m["place"]) for m in out["meetings"]] == [("held", "2025-05-03", "New Delhi")]
    assert person(out, "Rashtra Bhavan") is None


def test_the_country_an_envoy_comes_from_is_not_a_party_and_guinea_bissau_is_one_country():
    out = run("On Monday, President Paulo Neto received in audience Carlos Mendes, special envoy from the President "
              "of the Republic of Guinea Bissau, who carried a written message.", published="2024-01-30")
    assert pairs(out) == [{"Paulo Neto", "Carlos Mendes"}]
    assert out["countries"] == ["Guinea-Bissau"]


def test_arabic_names_share_a_father_and_a_family_but_not_a_person():
    out = run("Crown Prince Faris bin Rashid met King Rashid in Riyadh. Later bin Rashid met Foreign Minister Lena Voss of Sweden.")
    assert {p["name"] for p in out["persons"]} >= {"Faris bin Rashid", "Rashid"}
    assert {t for t, _ in posts(out, "Rashid")} == {"King"} and {t for t, _ in posts(out, "Faris bin Rashid")} == {"Crown Prince"}
    assert {"Faris bin Rashid", "Lena Voss"} in pairs(out)
    out = run("Crown Prince Sheikh Nawaf Al Jaber Al Hamad met Foreign Minister Lena Voss of Sweden. "
              "He was accompanied by the Minister of Foreign Affairs, Dr Jaber Al Hamad.")
    assert person(out, "Jaber Al Hamad") is not None
    assert {t for t, _ in posts(out, "Nawaf Al Jaber Al Hamad")} == {"Crown Prince"}


def test_a_post_described_by_its_country_is_the_one_holder_of_it():
    text = ("Emir of Qatar Sheikh Tamim Al-Hamdan held talks with Crown Prince Omar bin Khalid of Saudi Arabia in Riyadh. "
            "King Khalid of Saudi Arabia received {} at the palace in Riyadh.")
    for description in ("the emir of Qatar", "the Qatari emir"):
        out = run(text.format(description))
        assert {"Khalid", "Tamim Al-Hamdan"} in pairs(out), description


def test_an_official_with_two_posts_serves_one_country_and_a_counterpart_after_also():
    out = run("KUWAIT CITY — Emir Sheikh Nasser Al-Fahad received Saudi Foreign Minister Prince Faisal bin Turki on Monday. "
              "Prince Faisal conveyed the greetings of Crown Prince and Prime Minister Mohammed bin Turki. "
              "Prince Faisal also met his Kuwaiti counterpart Abdullah Al-Yousef.")
    assert len({of for _, of in posts(out, "Mohammed bin Turki")}) == 1
    assert posts(out, "Abdullah Al-Yousef") == {("Foreign Minister", "Kuwait")}


def test_after_being_received_and_after_meeting_belong_to_the_main_subject():
    out = run("Foreign Minister Ana Ruiz of Chile spoke to the press after being received in Brasilia by Foreign Minister Paulo Neto.")
    assert pairs(out) == [{"Ana Ruiz", "Paulo Neto"}]
    m = out["meetings"][0]
    assert (m["host"], m["guest"], m["place"]) == ("Paulo Neto", "Ana Ruiz", "Brasilia")
    out = run("Foreign Minister Ana Ruiz of Chile spoke to reporters after meeting President Paulo Neto of Brazil.")
    assert pairs(out) == [{"Ana Ruiz", "Paulo Neto"}]
    out = run("Foreign Minister Ana Ruiz of Chile met President Paulo Neto of Brazil. After the meeting, Ruiz left for Lima.")
    assert len(out["meetings"]) == 1


def test_joined_by_adds_to_the_meeting_just_reported():
    out = run("Foreign Minister Ana Ruiz of Chile held a meeting with Foreign Minister Paulo Neto of Brazil in Brasilia. "
              "She was joined by the Chilean Ambassador to Brazil, Jorge Vidal.")
    assert pairs(out) == [{"Ana Ruiz", "Paulo Neto", "Jorge Vidal"}]


def test_east_asian_wire_copy_posts_and_pairs():
    out = run("South Korean Foreign Affairs and Trade Minister Park Ji-hoon met Foreign Minister Sato Kenji of Japan in Tokyo.")
    assert posts(out, "Park Ji-hoon") == {("Foreign Minister", "South Korea")}
    # "and her counterpart": another country's minister, not one of a list sharing the first's country
    out = run("Japanese Foreign Minister Sato Emi and her counterpart Park Ji-hoon met in person in Rio de Janeiro.")
    assert posts(out, "Park Ji-hoon") != {("Foreign Minister", "Japan")}
    # "During their talks in <city>, the capital of <country>": the venue's country is no side of the story
    out = run("Foreign Minister Sato Emi and her South Korean counterpart, Park Ji-hoon, reaffirmed their cooperation. "
              "During their talks in Vientiane, the capital of Laos, on Friday, the two agreed to deal with the issue "
              "together with Japan's other partners.", published="2024-07-27")
    assert pairs(out) == [{"Sato Emi", "Park Ji-hoon"}]
    assert posts(out, "Sato Emi") != {("Foreign Minister", "Laos")}


def test_agreed_at_their_meeting_is_held_and_considering_a_visit_is_a_plan():
    out = run("In June, Prime Minister Sato Kenji of Japan and President Park Ji-hoon of South Korea agreed at their first "
              "meeting in Canada to continue shuttle diplomacy.")
    assert [(set(m["participants"]), m["status"], m["occasion"]) for m in out["meetings"]] == \
        [({"Sato Kenji", "Park Ji-hoon"}, "held", None)]
    out = run("Prime Minister Sato Kenji of Japan is considering visiting Seoul next month.")
    assert [m["status"] for m in out["meetings"]] in ([], ["planned"])
    # going home is no visit
    assert run("Foreign Minister Park Ji-hoon of South Korea will visit Seoul on Friday.")["meetings"] == []


def test_a_country_named_in_a_quotation_is_not_the_speakers_party():
    out = run('"This meeting was a start for Japan-South Korea relations," Foreign Minister Sato Kenji told reporters '
              'after his first talks with his South Korean counterpart, Park Ji-hoon.')
    assert pairs(out) == [{"Sato Kenji", "Park Ji-hoon"}]


def test_a_state_department_readout():
    out = run("Secretary of State Dana Hill met today with Pakistani Foreign Minister Omar Qureshi in New York City. "
              "The Secretary welcomed Pakistan's chairmanship of the G77 and committed to advancing climate action.",
              published="2022-05-18")
    assert pairs(out) == [{"Dana Hill", "Omar Qureshi"}]
    assert [c["actors"] for c in out["commitments"]] == [["Dana Hill"]]
    out = run("Deputy Secretary of State Lee Warren met Foreign Minister Omar Qureshi of Pakistan.")
    assert posts(out, "Lee Warren") == {("Deputy Secretary of State", "United States")}


def test_two_officials_named_together_who_meet_are_two_sides():
    out = run("US Secretary of State Dana Hill and Foreign Minister Luc Moreau discussed Indo-Pacific cooperation at a "
              "meeting on Thursday.")
    assert pairs(out) == [{"Dana Hill", "Luc Moreau"}]
    assert posts(out, "Luc Moreau") != {("Foreign Minister", "United States")}


def test_a_post_in_charge_of_a_portfolio_of_a_country():
    out = run("Prime Minister Joseph Ngute also had talks with Awa Traoré, Minister of State in charge of Political Dialogue "
              "and Relations with Institutions of Mali who is on a mission in Cameroon.")
    assert {of for _, of in posts(out, "Awa Traoré")} == {"Mali"}


def test_central_asian_state_media():
    out = run("President of Kazakhstan Nurlan Abenov has held a phone talk with President of Uzbekistan Timur Rashidov.")
    assert [(set(m["participants"]), m["mode"]) for m in out["meetings"]] == [({"Nurlan Abenov", "Timur Rashidov"}, "phone")]
    # "Welcoming the Uzbek foreign minister, President X": the description is of the guest, not of X
    out = run("Kazakh President Nurlan Abenov received Uzbek Foreign Minister Timur Saidov. Welcoming the Uzbek foreign "
              "minister, President Abenov pointed out the high dynamics of cooperation.")
    assert posts(out, "Nurlan Abenov") == {("President", "Kazakhstan")} and person(out, "Abenov") is None
    # two named officials of two countries who discussed something together met
    out = run("Kazakh President Nurlan Abenov and Uzbek Minister of Foreign Affairs Timur Saidov discussed bilateral "
              "relations during the minister's working visit on Feb. 18.", published="2021-02-18")
    assert [(set(m["participants"]), m["date"]) for m in out["meetings"]] == [({"Nurlan Abenov", "Timur Saidov"}, "2021-02-18")]
    # but not two officials of one country, nor a quotation
    assert run("Kazakh President Nurlan Abenov and Kazakh Foreign Minister Erlan Sadykov discussed the budget.")["meetings"] == []
    assert run('"Nurlan Abenov of Kazakhstan and Timur Saidov of Uzbekistan discussed trade," the statement said.')["meetings"] == []


def test_xinhua_style_legislators_and_the_one_country_principle():
    out = run("HANOI, Sept. 12 (Xinhua) -- Zhang Wei, chairman of the Standing Committee of the Assembly of Tianjin, held "
              "talks with Tran Van Hue, chairman of Vietnam's National Assembly, in Hanoi on Tuesday.", published="2023-09-12")
    assert pairs(out) == [{"Zhang Wei", "Tran Van Hue"}]  # "Hue" is also a city; the bodies are their posts
    out = run("President Paul Mba of Gabon met President Li Wenbo of China in Beijing. "
              "Mba said Gabon firmly adheres to the one-China principle and is ready to work with China.")
    assert all("China" not in c["actors"] for c in out["commitments"])


def test_commitment_clauses_end_before_the_source_and_the_occasion():
    out = run("Japan will provide an additional $500 million in aid to Ukraine, Prime Minister Kenji Sato announced on Friday. "
              "Sato made the pledge during a meeting with Ukrainian President Olena Kovalenko in Tokyo.")
    assert [c["content"] for c in out["commitments"]] == ["provide an additional $500 million in aid to Ukraine"]
    assert [m["occasion"] for m in out["meetings"]] == [None]
    out = run("Kenya and Ethiopia on Monday agreed to remove trade barriers, following talks between President Samuel "
              "Kiprono and Prime Minister Abiy Tesfaye in Nairobi.")
    assert [(c["content"], c["counterpart"]) for c in out["commitments"]] == [("remove trade barriers", None)]


def test_a_relative_clause_does_not_join_the_pledge():
    out = run("Germany's Chancellor Max Brandt, who spoke with Ukrainian President Olena Kovalenko by phone on Thursday, "
              "promised to deliver two more air defence systems.")
    assert [c["actors"] for c in out["commitments"]] == [["Max Brandt"]]
    assert pairs(out) == [{"Max Brandt", "Olena Kovalenko"}]


def test_the_two_countries_ministers_named_before_their_names():
    out = run("Putting aside thorny issues, the Japanese and South Korean foreign ministers met Wednesday in Tokyo and agreed "
              "to cooperate closely. During their meeting, South Korean Foreign Minister Park Ji-hoon proposed that he and "
              "Japanese Foreign Minister Sato Kenji meet more often.", published="2006-12-28")
    assert [(set(m["participants"]), m["date"], m["place"]) for m in out["meetings"] if m["status"] == "held"] == \
        [({"Sato Kenji", "Park Ji-hoon"}, "2006-12-27", "Tokyo")]
    assert [set(c["actors"]) for c in out["commitments"]] == [{"Sato Kenji", "Park Ji-hoon"}]


def test_an_occasion_named_with_a_number():
    out = run("Foreign Minister Sato Emi of Japan and Foreign Minister Park Ji-hoon of South Korea met on the sidelines of a "
              "foreign ministerial meeting of the Group of 20 major economies in Rio de Janeiro.")
    assert [m["occasion"] for m in out["meetings"]] == ["foreign ministerial meeting of the Group of 20"]


def test_ratified_and_signed_agreements_with_a_time_phrase_or_a_long_name():
    out = run("Portugal on Thursday signed a 300 million euro trade protocol with Angola, officials said. "
              "Ukraine ratified a sweeping trade agreement with the European Union on Tuesday.")
    assert [(c["actors"], c["counterpart"]) for c in out["commitments"]] == \
        [(["Portugal"], "Angola"), (["Ukraine"], "European Union")]


def test_urging_another_to_sign_is_a_request():
    out = run("Chile rejected a Peruvian proposal, urging its neighbour to sign the free trade agreement instead.")
    assert out["commitments"] == []


def test_promised_aid_with_an_adjective_but_not_no_aid():
    out = run("Vietnam promised humanitarian aid to flood-hit Laos on Thursday.")
    assert [(c["actors"], c["counterpart"]) for c in out["commitments"]] == [(["Vietnam"], "Laos")]
    assert run("Vietnam promised no aid to Laos on Thursday.")["commitments"] == []


def test_two_untitled_full_names_who_will_meet():
    out = run("Petra Lindgren and Tomas Havel will meet in Geneva to discuss energy prices.")
    assert [(set(m["participants"]), m["status"], m["place"]) for m in out["meetings"]] == \
        [({"Petra Lindgren", "Tomas Havel"}, "planned", "Geneva")]  # "Petra" is also a city


def test_seeking_to_meet_is_no_meeting_held():
    out = run("The French president heads to Delhi on Friday for the opening of a trade fair, seeking to meet Indian leaders.")
    assert all(m["status"] == "planned" for m in out["meetings"])


def test_travel_on_a_weekday_for_talks_with():
    out = run("Danish Prime Minister Mette Holm will travel to Beijing on Friday for talks with Chinese Premier Li Weimin.",
              published="2024-05-04")
    assert [(set(m["participants"]), m["status"], m["date"]) for m in out["meetings"]] == \
        [({"Mette Holm", "Li Weimin"}, "planned", "2024-05-10")]


def test_a_visitor_is_not_of_the_country_visited():
    out = run("South Africa and Nigeria vowed to deepen trade ties during a state visit by President Bola Adeyemi to Pretoria.")
    assert {p["name"]: p["positions"] for p in out["persons"]}["Bola Adeyemi"] == [{"title": "President", "of": "Nigeria"}]


def test_the_officials_named_date_the_visit():
    out = run("U.S. Secretary of State Daniel Moore arrived in Cairo on Sunday, where he is expected to meet Egyptian "
              "President Hassan Adel. Moore met Adel on Monday.", published="2024-05-04")
    held = [(set(m["participants"]), m["date"], m["place"]) for m in out["meetings"] if m["status"] == "held"]
    assert held == [({"Daniel Moore", "Hassan Adel"}, "2024-04-29", "Cairo")]


def test_a_minister_and_his_counterpart_discussed_by_phone():
    out = run("Russian Foreign Minister Igor Lebedev and his Turkish counterpart discussed the situation in Syria by phone, "
              "the Russian Foreign Ministry said.")
    assert [(m["participants"], m["mode"]) for m in out["meetings"]] == [(["Igor Lebedev", "Turkey"], "phone")]
    out = run("Turkish Foreign Minister Kemal Oz spoke on Sunday. Russian Foreign Minister Igor Lebedev and his Turkish "
              "counterpart discussed the situation in Syria by phone on Monday.")
    assert [set(m["participants"]) for m in out["meetings"]] == [{"Igor Lebedev", "Kemal Oz"}]
    # without a call, discussing is not meeting
    assert run("Russian Foreign Minister Igor Lebedev and his Turkish counterpart discussed the situation in Syria.")["meetings"] == []


def test_a_spokesperson_reports_the_country_commitment():
    out = run("The Chinese foreign ministry spokesperson Lin Wei said Beijing would send a special envoy to the region.")
    assert [c["actors"] for c in out["commitments"]] == [["China"]]


def test_a_witness_is_not_the_counterpart():
    out = run("Ethiopia and Eritrea signed a peace agreement in Jeddah on Sunday in the presence of Saudi King Abdul Aziz.")
    assert [(set(c["actors"]), c["counterpart"]) for c in out["commitments"]] == [({"Ethiopia", "Eritrea"}, None)]


def test_a_sentence_adverb_is_not_a_name():
    out = run("Recently, the Indian foreign minister visited Mozambique and expressed his willingness to cooperate.")
    assert out["persons"] == []
    assert [m["participants"] for m in out["meetings"]] == [["India", "Mozambique"]]


def test_other_parties_meet_somewhere_else():
    out = run("On April 16, the president of Venezuela met a Colombian delegation in Caracas. "
              "On April 17, Angola and Uganda held a joint committee meeting.", published="2023-05-03")
    assert [(m["participants"], m["place"]) for m in out["meetings"]] == \
        [(["Venezuela", "Colombia"], "Caracas"), (["Angola", "Uganda"], None)]


def test_a_title_word_that_is_a_given_name_after_a_title():
    out = run("Foreign Minister Kamal Rana hosted Afghan Acting Foreign Minister Amir Khan Safi at the ministry.")
    assert posts(out, "Amir Khan Safi") == {("Foreign Minister", "Afghanistan")}
    out = run("Qatar's Emir Tamim Saleh met President Ana Ruiz of Chile.")  # alone, the word is the title
    assert posts(out, "Tamim Saleh") == {("Emir", "Qatar")}


def test_an_attribution_before_the_subject_is_no_party():
    out = run("According to a press release from the Foreign Office, Foreign Minister Kamal Rana of Pakistan hosted "
              "Afghan Foreign Minister Amir Khan Safi.")
    assert pairs(out) == [{"Kamal Rana", "Amir Khan Safi"}]


def test_md_abbreviation_advisers_and_army_chiefs():
    out = run("The understanding was reached during a meeting between Foreign Minister Kamal Rana of Pakistan and Advisor for "
              "Foreign Affairs of Bangladesh, Md. Rafiq Hossain, on the sidelines of the OIC session in Jeddah.")
    assert posts(out, "Md. Rafiq Hossain") == {("Foreign Adviser", "Bangladesh")}
    assert pairs(out) == [{"Kamal Rana", "Md. Rafiq Hossain"}]
    out = run("Aleksei Borin also met with Pakistani Chief of Army Staff Tariq Mir.")
    assert posts(out, "Tariq Mir") == {("Chief of Army Staff", "Pakistan")}


def test_a_dateline_at_the_venue_is_not_the_officials_home():
    out = run("JEDDAH: Pakistan and Bangladesh have agreed to enhance cooperation. The understanding was reached during a "
              "meeting between Foreign Minister Kamal Rana and Bangladeshi Foreign Adviser Rafiq Hossain in Jeddah. "
              "They agreed to enhance cooperation.")
    assert posts(out, "Kamal Rana") == {("Foreign Minister", "Pakistan")}
    assert len(out["commitments"]) == 1  # the same pledge, by the countries and then by their officials


def test_a_forum_attended_is_no_party_and_participles_pledge_for_the_subject():
    out = run("Li Wen also on Tuesday met with some foreign leaders here for the World Investment Forum 2010.")
    assert out["meetings"] == []
    out = run("Vice President Li Wen met Prime Minister Joao Alves of Mozambique. Alves thanked China for its help to "
              "Africa, vowing to further cooperation in trade.")
    assert [c["actors"] for c in out["commitments"]] == [["Joao Alves"]]


def test_a_quotation_or_an_apposition_before_the_verb_is_no_party():
    out = run('Calling Mozambique "an old and good friend of China in Africa," Vice President Li Wen of China spoke of '
              'trade during his meeting with Mozambique Prime Minister Joao Alves.')
    assert pairs(out) == [{"Li Wen", "Joao Alves"}]
    out = run("Chinese Vice Premier Zhou Gang, a member of the Political Bureau of the Communist Party of China, met "
              "Vietnamese Prime Minister Tran Duc on Thursday.")
    assert pairs(out) == [{"Zhou Gang", "Tran Duc"}]


def test_assured_that_names_the_undertaking():
    out = run("Chinese Vice Premier Zhou Gang assured the American lawmakers that China would never change its opening-up policy.")
    assert [c["content"] for c in out["commitments"]] == ["China would never change its opening-up policy"]


def test_envoys_credentials_and_a_state_formal_style():
    out = run("Ambassador of the Republic of Algeria, Karim Achour, committed to strengthening relations with South Africa.")
    assert posts(out, "Karim Achour") == {("Ambassador", "Algeria")}
    out = run("Envoys of four states presented their credentials to President Ravi Kumar. Ambassador of the Federal "
              "Democratic Republic of Ethiopia Asfaw Bekele and Ambassador of France Alain Morel attended.")
    assert posts(out, "Ravi Kumar") == {("President", None)}  # not the envoys' country
    assert posts(out, "Asfaw Bekele") == {("Ambassador", "Ethiopia")}
    out = run("French Ambassador Alain Morel presented his credentials to President Ravi Kumar of India on Tuesday.")
    assert pairs(out) == [{"Alain Morel", "Ravi Kumar"}]


def test_a_pledge_toward_ones_own_country_was_someone_elses():
    out = run("Pretoria: President Thabo Nkosi on Thursday received letters of credence from the new heads of mission. The heads "
              "of mission presented their credentials to the President and pledged their commitment to work with South Africa.")
    assert posts(out, "Thabo Nkosi") == {("President", "South Africa")}
    assert out["commitments"] == []


def test_representatives_of_the_us_house():
    out = run("Visiting Chinese Vice Premier Zhou Gang held talks with US Representatives Rick Lawson and Mark Kerr.")
    assert posts(out, "Rick Lawson") == {("Representative", "United States")}
    assert sorted(map(sorted, pairs(out))) == [["Mark Kerr", "Zhou Gang"], ["Rick Lawson", "Zhou Gang"]]


def test_sentences_joined_without_a_space_after_the_period():
    out = run("Minister Park Ji-ho held talks with visiting U.S. Special Representative for Korea Daniel Reed.The meeting "
              "addressed rail links.Deputy spokeswoman Lee Mi-ran told reporters the two sides agreed to meet again.")
    assert pairs(out, "held") == [{"Park Ji-ho", "Daniel Reed"}]
    assert posts(out, "Daniel Reed") == {("Special Envoy", "United States")}  # "for Korea" is his portfolio


def test_a_participle_clause_ends_the_other_side():
    out = run("On that trip, Li Wen held talks with his Laotian counterpart, Khamla Sone, and other senior officials, spurring "
              "speculation of another visit to China by Laotian President Bounmy Vong.")
    assert pairs(out) == [{"Li Wen", "Khamla Sone"}]


def test_agreed_in_bilateral_talks_and_the_government_in_office():
    out = run("South Korean Foreign Minister Park Ji-ho and his US counterpart Daniel Reed agreed in bilateral talks in Munich, "
              "Germany, to strengthen cooperation under the administration of US President Tom Hale.")
    assert pairs(out) == [{"Park Ji-ho", "Daniel Reed"}]
    assert [(c["content"], c["counterpart"]) for c in out["commitments"]] == \
        [("strengthen cooperation under the administration of US President Tom Hale", None)]
    assert posts(out, "Daniel Reed") == {("Secretary of State", "United States")}  # a foreign minister's US counterpart


def test_the_two_sides_agreed_to_arrange_a_meeting():
    out = run("Foreign Minister Park Ji-ho of South Korea and U.S. Secretary of State Daniel Reed held their first phone "
              "conversation. While noting that Park and Reed saw eye to eye on North Korea, Seoul's foreign ministry said the "
              "two sides agreed to arrange an in-person meeting in Washington.")
    assert [(set(m["participants"]), m["status"]) for m in out["meetings"]] == \
        [({"Park Ji-ho", "Daniel Reed"}, "held"), ({"Park Ji-ho", "Daniel Reed"}, "planned")]


def test_gulf_agency_copy_credits_formulas_hyphenated_names_and_a_call_after_a_dateline():
    out = run("(NewsPoint / Gulf Point News / QNA - 14th Aug, 2020) DOHA, 13th August 2020 (QNA) - Sheikh Hamad bin Nasser, "
              "Crown Prince of Qatar, received on Thursday a telephone call from President Karim Adel of Egypt.")
    assert [set(m["participants"]) for m in out["meetings"]] == [{"Hamad bin Nasser", "Karim Adel"}]  # no country from the credit
    out = run("Qatar's Foreign Minister Sheikh Fahad bin Nasser received a phone call from his Iranian counterpart "
              "Reza Amir-Tehrani on Thursday.")
    assert pairs(out) == [{"Fahad bin Nasser", "Reza Amir-Tehrani"}]
    out = run('Sheikh Fahad bin Nasser, Emir of Qatar, "may God protect him", discussed, in a telephone conversation with '
              'President Ali Demir of Turkey, the relations between the two countries.')
    assert [m["status"] for m in out["meetings"]] == ["held"]
    out = run("DOHA, (GulfPoint / QNA - 12th Oct, 2020) During a phone call on Monday, Sheikh Fahad bin Nasser, Emir of "
              "Qatar, and Russian President, Igor Volkov, discussed ways of enhancing bilateral relations.")
    assert [(set(m["participants"]), m["mode"]) for m in out["meetings"]] == [({"Fahad bin Nasser", "Igor Volkov"}, "phone")]


def test_a_demonym_description_and_an_appointer_give_countries():
    out = run("The Minister of Foreign Affairs, Paulo Nunes, described as productive the meeting with the Argentine "
              "deputy-elect Clara Ruiz, the foreign minister appointed by President-elect Tomas Vidal.")
    assert posts(out, "Tomas Vidal") == {("President-elect", "Argentina")}
    assert person(out, "Clara Ruiz")["country"] == "Argentina" and posts(out, "Paulo Nunes") != {("Foreign Minister", "Argentina")}


def test_african_union_posts_written_three_ways():
    out = run("The Chairperson of the Commission of the African Union, Amara Diallo, was received today by the Prime Minister "
              "of Ethiopia, Dawit Bekele.")
    assert posts(out, "Amara Diallo") == {("Chairperson", "African Union")}
    assert pairs(out) == [{"Amara Diallo", "Dawit Bekele"}]
    out = run("The African Union Commission (AUC) Chairperson, Dr. Amara Diallo has met with the Foreign Minister of Ethiopia, "
              "Dawit Bekele, on Tuesday.")
    assert posts(out, "Amara Diallo") == {("Chairperson", "African Union Commission")}
    assert pairs(out) == [{"Amara Diallo", "Dawit Bekele"}]  # the commission is her post, not a third party


def test_two_known_bodies_joined_are_not_a_third():
    out = run("Secretary-General Olivia Marchetti arrived to take part in the annual meeting of United Nations and "
              "African Union leaders.")
    assert {o["name"] for o in out["organizations"]} == {"United Nations", "African Union"}


def test_related_stories_with_cut_off_teasers_are_furniture():
    out = run("Kenya, Ghana agree to cooperate\n\nNairobi: Kenyan Foreign Minister Wanjiru Kamau met Ghanaian Foreign Minister "
              "Kofi Mensah on Tuesday.\n\nRelated articles\n\nSri Lanka to hand over port to Indian firm\n\nColombo: Sri Lanka has "
              "decided to hand over the management of its port, located...\n\nChina-backed plan brings benefits: minister\n\n"
              "Astana: The plan has brought dividends to people worldwide, and...\n\nLeader A meets Leader B in Moscow, agrees to "
              "boost trade\n")
    assert out["countries"] == ["Kenya", "Ghana"]
    assert all("boost trade" not in c["content"] for c in out["commitments"]) and pairs(out) == [{"Wanjiru Kamau", "Kofi Mensah"}]


def test_a_counterpart_whose_given_name_is_a_month_and_a_cancelled_plan():
    out = run("Foreign Minister Ana Lopes of Portugal hosted her Czech counterpart Jan Novak for dinner on Monday evening.",
              published="2024-03-14")
    assert posts(out, "Jan Novak") == {("Foreign Minister", "Czech Republic")}
    assert [(set(m["participants"]), m["date"]) for m in out["meetings"]] == [({"Ana Lopes", "Jan Novak"}, "2024-03-11")]
    out = run("A planned meeting between Foreign Minister Ana Lopes of Portugal and Foreign Minister Jan Novak of Czechia "
              "was cancelled.")
    assert [m["status"] for m in out["meetings"]] == ["cancelled"]


def test_commitment_shapes_from_wire_copy():
    out = run("Foreign Minister Ana Lopes of Portugal promised her Czech counterpart Jan Novak that Lisbon would back Prague's bid.")
    assert [(c["actors"], c["counterpart"], c["content"]) for c in out["commitments"]] == \
        [(["Ana Lopes"], "Jan Novak", "Lisbon would back Prague's bid")]
    out = run("Australia announced a A$50 million aid package for Pacific island nations.")
    assert [c["content"] for c in out["commitments"]] == ["a A$50 million aid package for Pacific island nations"]
    out = run("If Russia withdraws, Finland would reopen the border.")
    assert [c["actors"] for c in out["commitments"]] == [["Finland"]]


def test_accented_country_names_and_malay_styles():
    out = run("HÀ NỘI — Vietnamese Prime Minister Phạm Văn Long hosted a reception for the new Ambassador of Brunei to Việt Nam, "
              "Datin Paduka Siti Aminah, in Hà Nội on Thursday. The Brunei Ambassador pledged to work to promote cooperation.")
    assert "Vietnam" in out["countries"] and all(p["name"] != "Việt Nam" for p in out["persons"])
    assert posts(out, "Siti Aminah") == {("Ambassador", "Brunei")}
    assert pairs(out) == [{"Phạm Văn Long", "Siti Aminah"}]
    out = run("Prime Minister Datuk Seri Razak Hamid of Malaysia met Vietnamese Prime Minister Tran Duc on Thursday.")
    assert pairs(out) == [{"Razak Hamid", "Tran Duc"}]


def test_receiving_a_described_diplomat():
    out = run("Hanoi (VNA) – Prime Minister Tran Duc met two ambassadors. Receiving the Malaysian diplomat Dato' Aminah "
              "Yusof, PM Tran lauded her work.")
    assert pairs(out) == [{"Tran Duc", "Aminah Yusof"}]
    assert person(out, "Aminah Yusof")["country"] == "Malaysia"


def test_indian_wire_copy_datelines_initials_calls_and_gatherings():
    out = run("Colombo, Mar 29 (PTI) External Affairs Minister Arvind Raghavan on Tuesday held a series of bilateral meetings "
              "with his counterparts from Nepal, Bhutan and Bangladesh on the sidelines of the BIMSTEC Ministerial meeting here.")
    assert "Sri Lanka" not in {p for m in out["meetings"] for p in m["participants"]}  # the dateline is no party
    out = run("External Affairs Minister Arvind Raghavan greeted several counterparts on Thursday. In his telephonic "
              "conversation with Bangladesh Foreign Minister A K Abdul Karim, Raghavan also congratulated him on "
              "Bangladesh's victory in a cricket test in New Zealand.")
    assert [(sorted(m["participants"]), m["mode"], m["place"]) for m in out["meetings"]] == \
        [(["A K Abdul Karim", "Arvind Raghavan"], "phone", None)]  # a call has no place
    out = run("New Delhi, May 25 (IANS) US President Tom Hale on Friday called up Prime Minister Arvind Raghavan to "
              "congratulate him, and the two leaders agreed to meet at the upcoming G-20 summit in Japan.")
    assert sorted((m["status"], sorted(m["participants"]), m["occasion"]) for m in out["meetings"]) == [
        ("held", ["Arvind Raghavan", "Tom Hale"], None),
        ("planned", ["Arvind Raghavan", "Tom Hale"], "upcoming G-20 summit")]


def test_called_off_is_no_call():
    out = run("A meeting between Foreign Minister Ana Lopes of Portugal and Foreign Minister Jan Novak of Czechia, planned "
              "for Friday, was called off.")
    assert [(m["status"], m["mode"]) for m in out["meetings"]] == [("cancelled", "in person")]


def test_they_met_are_the_two_just_named_and_a_topic_is_no_party():
    out = run("The top diplomats of South Korea and Japan have agreed to continue cooperation during their talks. Foreign "
              "Minister Park Ji-ho and his Japanese counterpart, Sato Emi, reached the agreement Wednesday as they met "
              "one-on-one in Rio de Janeiro.")
    assert [set(m["participants"]) for m in out["meetings"]] == [{"Park Ji-ho", "Sato Emi"}]
    out = run("Minister Park Ji-ho held extensive talks on North Korea issues with visiting U.S. Special Representative "
              "Daniel Reed.")
    assert [set(m["participants"]) for m in out["meetings"]] == [{"Park Ji-ho", "Daniel Reed"}]


def test_turkish_agency_copy():
    out = run("Iran's Foreign Minister Ali Zarand arrived in Ankara this afternoon. According to the Anadolu Agency, Zarand's "
              "Turkish counterpart Mert Cavus was also present in the meeting between Zarand and president Kemal Demir. "
              "Anadolu also said that the meeting lasted for about an hour.")
    assert [set(m["participants"]) for m in out["meetings"]] == [{"Ali Zarand", "Kemal Demir", "Mert Cavus"}]
    assert posts(out, "Mert Cavus") == {("Foreign Minister", "Turkey")}
    assert posts(out, "Kemal Demir") == {("President", "Turkey")}  # the host of the visit, not the visitor's country
    assert all(p["name"] != "Anadolu" for p in out["persons"])
    out = run("Turkey's foreign minister met his Iranian counterpart on Friday in Istanbul. The meeting between Mert Cavus "
              "and Ali Zarand at Dolmabahce Office was also attended by an intelligence chief.")
    assert [(set(m["participants"]), m["place"]) for m in out["meetings"]] == [({"Mert Cavus", "Ali Zarand"}, "Istanbul")]


def test_the_last_part_of_a_hyphenated_family_name():
    out = run("The Iranian Foreign Minister, Reza Amir-Tehrani, was received in Ankara by President Kemal Demir. "
              "Tehrani also met with Turkish Foreign Minister Mert Cavus.")
    assert sorted(map(sorted, pairs(out))) == [["Kemal Demir", "Reza Amir-Tehrani"], ["Mert Cavus", "Reza Amir-Tehrani"]]


def test_a_lowercase_body_before_a_post_and_a_counterpart_after_a_verb():
    out = run("The European Commission said its top team would visit Ukraine. The visit next week by commission president "
              "Greta Lind and other officials was announced on Monday. US President Tom Hale called Russian counterpart "
              "Igor Volkov last week.")
    assert posts(out, "Greta Lind") == {("President", "European Commission")}
    assert posts(out, "Igor Volkov") == {("President", "Russia")}
    assert pairs(out) == [{"Tom Hale", "Igor Volkov"}]


def test_a_state_department_spokesperson_serves_the_united_states():
    out = run("Secretary of State Anna Cole met Pakistani Foreign Minister Ali Raza on Monday, State Department "
              "spokesperson Ned Brice said.")
    assert posts(out, "Ned Brice") == {("Spokesperson", "United States")}
    assert pairs(out) == [{"Anna Cole", "Ali Raza"}]


def test_foreign_ministry_readout_style():
    out = run("Mr. Kenji Morita, Minister for Foreign Affairs of Japan, held a telephone conversation with H.E. Mr. Louis "
              "Mercier, Minister for Foreign and European Affairs of France, for about 15 minutes on June 17.",
              published="2010-06-18")
    assert posts(out, "Kenji Morita") == {("Foreign Minister", "Japan")}  # one minister "for Foreign Affairs"
    assert posts(out, "Louis Mercier") == {("Foreign Minister", "France")}
    assert [(set(m["participants"]), m["mode"], m["date"]) for m in out["meetings"]] == \
        [({"Kenji Morita", "Louis Mercier"}, "phone", "2010-06-17")]
    out = run("Mr. Kenji Morita, Minister of Foreign Affairs of Japan, and The Honorable Daniel Reed, Secretary of State of "
              "the United States of America, held a telephone talk.")
    assert posts(out, "Daniel Reed") == {("Secretary of State", "United States")}


def test_a_countrys_top_diplomat_and_a_member_of_apposition():
    out = run("Chinese Foreign Minister Li Wen met Kenyan President Ruto Kip on Monday. China's top diplomat spoke with "
              "Secretary of State Daniel Reed in a phone call Friday.")
    assert [set(m["participants"]) for m in out["meetings"]] == [{"Li Wen", "Ruto Kip"}, {"Li Wen", "Daniel Reed"}]
    out = run("US President Tom Hale met with Foreign Minister Li Wen, member of the Political Bureau of the Communist Party "
              "of China Central Committee, at the White House.")
    assert pairs(out) == [{"Tom Hale", "Li Wen"}]


def test_delegations_sent_and_led():
    out = run("The US delegation led by Secretary of Housing and Urban Development, Mara L. Fields, paid a courtesy call on "
              "President Bola Adeyemi and had a brief bilateral discussion with him.")
    assert posts(out, "Mara L. Fields") == {("Secretary", "United States")}
    assert [set(m["participants"]) for m in out["meetings"]] == [{"Mara L. Fields", "Bola Adeyemi"}]
    out = run("Israeli Prime Minister David Levi sent a delegation which met with President Bola Adeyemi of Nigeria.")
    assert [set(m["participants"]) for m in out["meetings"]] == [{"Israel", "Bola Adeyemi"}]


def test_a_named_body_before_a_post_and_a_see_before_a_name():
    out = run("French National Assembly president Paul Morel and a group of deputies held talks with leaders of "
              "Romania's new government on Tuesday.")
    assert posts(out, "Paul Morel") == {("President", "French National Assembly")}
    assert [set(m["participants"]) for m in out["meetings"]] == [{"Paul Morel", "Romania"}]
    out = run("The envoy presented letters from British Prime Minister Tom Hart and Archbishop of Canterbury John Wells.")
    assert person(out, "John Wells") is not None and person(out, "Canterbury John Wells") is None


def test_common_readout_shapes():
    out = run("Foreign Minister Jan Novak of Czechia and Foreign Minister Ana Lopes of Portugal exchanged views on the war "
              "via video link on Monday.", published="2024-05-06")
    assert [(set(m["participants"]), m["mode"]) for m in out["meetings"]] == [({"Jan Novak", "Ana Lopes"}, "video")]
    out = run("In a joint statement issued after their talks, Prime Minister Raj Malhotra of India and Prime Minister "
              "Sato Emi of Japan agreed to launch a new economic partnership.")
    assert pairs(out) == [{"Raj Malhotra", "Sato Emi"}]
    out = run("Chinese President Xu Ming will pay a state visit to Serbia from May 7 to 8.")
    assert [(m["participants"], m["status"]) for m in out["meetings"]] == [(["Xu Ming", "Serbia"], "planned")]
    assert run("Foreign Minister Ana Lopes of Portugal was unable to meet her Moroccan counterpart because of the storm.")["meetings"] == []
    out = run("Kenya and Tanzania signed five memorandums of understanding on trade, energy and tourism.")
    assert [c["actors"] for c in out["commitments"]] == [["Kenya", "Tanzania"]]


def test_more_cooperative_verbs_after_a_modal():
    out = run("Japan will lend the Philippines 50 billion yen for a railway project.")
    assert [(c["actors"], c["counterpart"]) for c in out["commitments"]] == [(["Japan"], "Philippines")]
    assert run("Japan will deliver a speech at the forum.")["commitments"] == []  # not every verb is an undertaking


def test_a_dateline_date_anchors_the_weekday_when_nothing_else_does():
    from kg.dates import find_publication_date
    text = ("DOHA, (GulfPoint / QNA - 12th Oct, 2020) During a phone call on Monday, Sheikh Fahad bin Nasser, Emir of "
            "Qatar, and Russian President, Igor Volkov, discussed ways of enhancing bilateral relations.")
    assert find_publication_date(text) == "2020-10-12"
    out = run(text, published=find_publication_date(text))
    assert [m["date"] for m in out["meetings"]] == ["2020-10-12"]


def test_an_envoy_of_a_leader_is_not_the_leader():
    out = run("A special envoy of the Japanese Prime Minister Haruto Sakamoto paid a courtesy call on President Bola "
              "Adeyemi of Nigeria on Monday.")
    assert [m["participants"] for m in out["meetings"]] == [["Japan", "Bola Adeyemi"]]


def test_a_venue_gives_its_city_and_is_not_a_body():
    # "at the White House" under another city's dateline: the meeting is in Washington
    out = run("NEW DELHI: Prime Minister Arjun Malhotra met President Dalia Renwick at the White House on Monday.")
    assert [m["place"] for m in out["meetings"]] == ["Washington"]
    out = run("Prime Minister Arjun Malhotra held talks with Chancellor Greta Falkner at Hyderabad House on Monday.")
    assert [m["place"] for m in out["meetings"]] == ["New Delhi"]
    assert not out["organizations"]  # a building, not an organization
    # a venue that also names a government still speaks for it
    out = run("The Kremlin said President Ivan Dorokhov would meet Prime Minister Arjun Malhotra in Astana.")
    assert "Russia" in out["countries"]


def test_a_readout_that_spoke_on_a_weekday_with():
    out = run("Secretary of State Dalia Renwick spoke Monday with Ghana's Foreign Minister Kojo Asante about trade.")
    assert pairs(out) == [{"Dalia Renwick", "Kojo Asante"}]


def test_excellency_styles_and_countries_before_them():
    text = ("On the sidelines, the Minister of Foreign Affairs of Somalia, HE Abdi Warsame, met with some of his counterparts, "
            "including Uganda Hon. Gen. Okello Mbabazi, Morocco HE Karim Benali and the Deputy Chairperson of the African "
            "Union Commission H.E. Dr. Amina Keita.")
    out = run(text)
    assert person(out, "Abdi Warsame") and not person(out, "HE Abdi Warsame")
    assert person(out, "Karim Benali")["country"] == "Morocco"
    assert person(out, "Okello Mbabazi")["country"] == "Uganda"
    assert posts(out, "Amina Keita") == {("Deputy Chairperson", "African Union Commission")}
    assert sorted(map(sorted, pairs(out))) == [["Abdi Warsame", "Amina Keita"], ["Abdi Warsame", "Karim Benali"],
                                               ["Abdi Warsame", "Okello Mbabazi"]]


def test_a_body_named_around_its_acronym():
    out = run("The Chairperson of the African Union (AU) Commission, H.E. Tesfaye Alemu, on 11 March 2021, received the new envoy.")
    assert posts(out, "Tesfaye Alemu") == {("Chairperson", "African Union Commission")}


def test_a_name_only_in_a_title_case_headline_needs_the_body():
    out = run("Commission Chairperson Receives Letters of Credence of the New Ambassador\n\n"
              "The Chairperson of the Commission, Tesfaye Alemu, received the letters of credence of Ambassador Idriss Kane.")
    assert person(out, "Receives Letters") is None
    assert person(out, "Tesfaye Alemu")
    # a caption in title case stands when the story names the person again by surname
    out = run("Visiting President Ana Lobato Moreira\n\nThe visit ended on Tuesday. 'We came to build,' said Moreira.")
    assert person(out, "Ana Lobato Moreira")


def test_a_later_or_earlier_gathering_is_not_where_talks_are():
    text = ("KIGALI - Foreign Minister Abdi Warsame attended the ministerial meeting held in the Rwandan capital Kigali on Tuesday.\n"
            "The ministers reviewed progress since the fifth summit held in Abidjan in 2017.\n"
            "They prepared the next summit, to be held in Brussels in 2022.\n"
            "On the sidelines, Warsame met with Foreign Minister Karim Benali of Morocco.")
    out = run(text)
    met = [m for m in out["meetings"] if set(m["participants"]) == {"Abdi Warsame", "Karim Benali"}]
    assert [m["place"] for m in met] == ["Kigali"]


def test_the_secretary_general_is_the_one_the_story_named():
    text = ("United Nations Secretary-General Maria Lindqvist discussed many issues with world leaders.\n"
            "The Secretary-General met with Niger's Foreign Minister Idrissa Sani.\n"
            "The Secretary-General met with leaders of the Member States of the Caribbean Community (CARICOM).")
    out = run(text)
    assert pairs(out) == [{"Maria Lindqvist", "Idrissa Sani"}, {"Maria Lindqvist", "Caribbean Community"}]
    assert "Member States of the Caribbean Community" not in {o["name"] for o in out["organizations"]}


def test_a_visit_during_which_an_official_met_someone():
    out = run("Foreign Minister Rauf Aliyev has met with Commissioner Amara Diallo during his visit to Ethiopia.\n"
              "Rauf Aliyev noted that Azerbaijan paid special attention to peace.")
    assert posts(out, "Rauf Aliyev") == {("Foreign Minister", "Azerbaijan")}
    assert [m["place"] for m in out["meetings"]] == ["Ethiopia"]


def test_a_possessive_full_name_and_a_slash_between_posts():
    out = run("Jakarta: Foreign Minister Retno Sari held a bilateral meeting with the State Councilor/Minister of Foreign "
              "Affairs of China, Wang Lei, in Bali.\nDuring Wang Lei's visit, Indonesia and China signed four agreements.")
    assert posts(out, "Wang Lei") == {("State Councilor", "China"), ("Foreign Minister", "China")}
    assert person(out, "Wang Lei's") is None
    assert [m["occasion"] for m in out["meetings"]] == [None]  # "a bilateral meeting" is the encounter itself


def test_an_encounter_inside_a_relative_clause_ends_with_it():
    out = run("Foreign Minister Darius Kaveh, who's on a visit to Muscat for talks with the United States, held a meeting "
              "with his Omani counterpart Salim Al Harthy on Saturday.")
    assert {"Darius Kaveh", "Salim Al Harthy"} in pairs(out)
    assert all(len(p) == 2 for p in pairs(out))


def test_combining_forms_and_a_visit_to_a_country_by_an_official():
    text = ("Marc Delorme, Minister for Europe and Foreign Affairs, spoke on the telephone to Foreign Minister Arman Seitov of Kazakhstan.\n"
            "The holding today of the Franco-Kazakh joint commission and the forthcoming visit to Kazakhstan by Claire Vautrin, "
            "Minister Delegate for Foreign Trade, will further our projects.")
    out = run(text)
    assert "France" in out["countries"]
    assert posts(out, "Marc Delorme") == {("Foreign Minister", "France")}
    assert posts(out, "Claire Vautrin") == {("Minister Delegate", "France")}
    assert person(out, "Delegate") is None
    # only before a capitalised name: a surname "Franco" is not France
    assert "France" not in run("Foreign Minister Luis Franco met President Ana Ruiz.")["countries"]


def test_meetings_of_the_same_pair_in_two_capitals_are_two():
    text = ("The foreign ministers met in Tehran on Sunday.\n"
            "Earlier, Foreign Minister Darius Kaveh and Foreign Minister Salim Al Harthy of Oman held a meeting in Iran's capital, Tehran.\n"
            "Before that, Kaveh and Al Harthy held a meeting in Oman's capital Muscat.")
    out = run(text)
    assert sorted(m["place"] for m in out["meetings"] if set(m["participants"]) == {"Darius Kaveh", "Salim Al Harthy"}) == ["Muscat", "Tehran"]


def test_a_delegation_and_posts_held_before():
    text = ("The foreign affairs minister has landed in Solomon Islands for the first leg of his Pacific tour.\n"
            "Foreign Minister Rowan Tait of New Zealand and a delegation of MPs have met with Prime Minister Jonas Kelesi in Honiara.\n"
            "Kelesi, who had been Solomon Islands' minister of foreign affairs since 2019, was sworn in as Prime Minister on 2 May.\n"
            "Tait was leading a delegation of MPs, including Health Minister and Minister for Pacific Peoples Dr Mere Tane.")
    out = run(text)
    assert posts(out, "Jonas Kelesi") == {("Prime Minister", "Solomon Islands"), ("Foreign Minister", "Solomon Islands")}
    assert person(out, "Kelesi") is None  # one person, not a second Kelesi with the earlier post
    assert posts(out, "Mere Tane") == {("Health Minister", "New Zealand")}
    assert person(out, "Peoples Dr Mere Tane") is None


def test_talks_between_after_a_signing_and_a_joint_news_conference():
    text = ("On Wednesday, Kenya and Ethiopia signed seven memoranda of understanding.\n"
            "The MoUs, which were inked in Nairobi, after bilateral talks between President Daniel Kiprono of Kenya and "
            "visiting Ethiopian Prime Minister Tesfaye Gebre, include cooperation in tourism.")
    assert pairs(run(text)) == [{"Daniel Kiprono", "Tesfaye Gebre"}]
    text = ("President Ramon Dizon arrived in Tokyo.\n"
            "Dizon made the announcement in a joint news conference with Japanese Prime Minister Kenji Morita.")
    out = run(text)
    assert {"Ramon Dizon", "Kenji Morita"} in pairs(out)


def test_a_region_is_not_a_person():
    out = run("The loans cover a plant in the southern state of Tamil Nadu and forests in the northern state of Himachal Pradesh.")
    assert out["persons"] == []


def test_calls_and_bilateral_talks_with_several_leaders_are_one_each():
    out = run("President Tom Hale called Canadian Prime Minister Paul Girard, Saudi Arabian King Faisal bin Nasser and "
              "British Prime Minister Oliver Grant on Friday.")
    assert sorted(map(sorted, pairs(out))) == [["Faisal bin Nasser", "Tom Hale"], ["Oliver Grant", "Tom Hale"], ["Paul Girard", "Tom Hale"]]
    out = run("Prime Minister Arvind Raghavan held bilateral talks with Russian President Ivan Orlov, Turkish President "
              "Kemal Arslan and Iranian President Reza Tabrizi in Samarkand.")
    assert len(out["meetings"]) == 3 and all(len(p) == 2 for p in pairs(out))
    # a conference call is one encounter
    out = run("President Tom Hale held a conference call with Prime Minister Paul Girard of Canada and Prime Minister Oliver Grant of Britain.")
    assert pairs(out) == [{"Tom Hale", "Paul Girard", "Oliver Grant"}]


def test_an_official_who_left_a_country_visited_it():
    out = run("Prime Minister Arvind Raghavan left Uzbekistan's historic city of Samarkand on Friday after talks with "
              "President Ivan Orlov of Russia.\nIndia and Uzbekistan agreed to expand trade.")
    assert posts(out, "Arvind Raghavan") == {("Prime Minister", "India")}


def test_the_actors_of_an_agreement_after_another_verb_and_the_two_governments():
    out = run("Both the leaders positively evaluated the outcome of the Joint Economic Commission and agreed to further promote "
              "bilateral relations.", published=None)
    assert out["commitments"] == []  # the leaders are unknown here; the commission is not who agreed
    text = ("Chancellor Karl Weber of Germany and Prime Minister Oliver Grant of the United Kingdom met in Berlin.\n"
            "Both the leaders positively evaluated the outcome of the Joint Economic Commission and agreed to further promote bilateral relations.")
    assert [c["actors"] for c in run(text)["commitments"]] == [["Karl Weber", "Oliver Grant"]]
    out = run("German Chancellor Karl Weber and British Prime Minister Oliver Grant announced in Berlin on Wednesday that the "
              "two governments would begin working on a bilateral treaty to deepen relations.")
    assert [(c["actors"], c["content"]) for c in out["commitments"]] == [
        (["Germany", "United Kingdom"], "begin working on a bilateral treaty to deepen relations")]


def test_companies_venues_and_quoted_things_are_not_parties():
    text = ("Prime Minister Arvind Raghavan received Prime Minister Paul Moreau of Mauritius.\n"
            "The loan agreement was signed between Port Louis Infrastructure Development Co. Ltd and a state lender at the iconic "
            "Hyderabad House, where the two leaders held talks.\n"
            "\"Raghavan receives Moreau at Hyderabad House,\" ministry spokesperson Ravi Menon tweeted.\n"
            "\"The loan is a good example of our commitment. It will also help in the implementation of priority projects,\" Raghavan said.")
    out = run(text)
    assert {o["name"] for o in out["organizations"]} & {"Hyderabad House", "Port Louis Infrastructure Development Co. Ltd"} == set()
    assert not any("Ravi Menon" in m["participants"] for m in out["meetings"])
    assert not any("priority projects" in c["content"] for c in out["commitments"])


def test_a_readout_of_several_calls():
    text = ("President Tom Hale called Canadian Prime Minister Paul Girard and British Prime Minister Oliver Grant.\n"
            "In his conversation with Girard, the president reiterated his commitment to make his first foreign visit a trip to Canada.\n"
            "President Hale talked to Grant about the war, and voiced support for the UN mission in Iraq.\n"
            "THE WHITE HOUSE, January 23\nThe White House released the readouts.")
    out = run(text)
    assert sorted(map(sorted, pairs(out))) == [["Oliver Grant", "Tom Hale"], ["Paul Girard", "Tom Hale"]]
    assert all(m["mode"] == "phone" and m["place"] is None for m in out["meetings"])
    assert [c["actors"] for c in out["commitments"]] == [["Tom Hale"]]
    assert [o["name"] for o in out["organizations"]].count("White House") <= 1 and "WHITE HOUSE" not in [o["name"] for o in out["organizations"]]


def test_a_summit_story_with_a_tight_dateline():
    text = ("Addis Ababa, February 14, 2026 (ENA)—Prime Minister Tesfaye Gebre conducted a series of bilateral meetings with "
            "African leaders on the margins of the African Union 39th Summit, reinforcing Ethiopia's commitment to integration.\n"
            "During the summit, the Prime Minister held talks with President Jean Mbeki of Gabon.\n"
            "Prime Minister Gebre further conferred with Omar al-Fassi, Chairman of the Presidential Council of the State of Libya.\n"
            "Concluding his engagements, the Prime Minister met with President Duma Kgosi of Botswana.")
    out = run(text)
    assert sorted(map(sorted, pairs(out))) == [["Duma Kgosi", "Tesfaye Gebre"], ["Jean Mbeki", "Tesfaye Gebre"],
                                               ["Omar al-Fassi", "Tesfaye Gebre"]]
    assert posts(out, "Omar al-Fassi") == {("Chairman", "Libya")}
    gabon = next(m for m in out["meetings"] if "Jean Mbeki" in m["participants"])
    assert gabon["occasion"] == "African Union 39th Summit" and gabon["place"] == "Addis Ababa"
    # a word of a militia's name is not barred from a person's name ("Boko" without "Haram")
    assert person(run("The Prime Minister met with President Amina Boko of Botswana."), "Amina Boko")


def test_a_visitors_round_of_hosts():
    text = ("KUALA LUMPUR - Singapore Foreign Minister Wei Ming Tan on Wednesday had an audience with the King.\n"
            "Dr Tan also met Senior Minister and Minister of International Trade and Industry Azlan Hamid, and was hosted to "
            "dinner by Senior Minister and Minister of Defence Ismail Rahman.\n"
            "Dr Tan had met his Malaysian counterpart Hisham Yusof and Minister of Science, Technology and Innovation Khairul Anuar, on Tuesday.")
    out = run(text)
    assert posts(out, "Azlan Hamid") == {("Senior Minister", "Malaysia"), ("Trade Minister", "Malaysia")}
    assert posts(out, "Ismail Rahman") == {("Senior Minister", "Malaysia"), ("Defense Minister", "Malaysia")}
    assert posts(out, "Hisham Yusof") == {("Foreign Minister", "Malaysia")}
    assert person(out, "Khairul Anuar") and person(out, "Innovation Khairul Anuar") is None


def test_views_totals_and_a_body_reporting_are_not_an_officials_pledge():
    out = run("Foreign Minister Karim Mansour and his Egyptian counterpart, Adel Fahmy, agreed on a range of regional security issues "
              "when they met for talks in Cairo on Thursday.")
    assert out["commitments"] == []
    out = run("Britain has committed 977 million pounds in support to Ukraine since the invasion began.")
    assert out["commitments"] == []
    text = ("Foreign Secretary Oliver Grant visited Kyiv on Thursday. He said: “We are determined to help.”The foreign office "
            "said Britain would provide three million pounds for deliveries of grain.")
    out = run(text)
    assert [(c["actors"], c["content"]) for c in out["commitments"] if "grain" in c["content"]] == [
        (["United Kingdom"], "provide three million pounds for deliveries of grain")]


def test_numbered_sessions_relations_and_plans_are_not_new_bodies():
    text = ("The ministers held the III Meeting of the Strategic Partnership Council in Santiago.\n"
            "They prepared the Sixth Andes-Pacific Summit and praised the Comprehensive Strategic Partnership and the Andean Peace Initiative.")
    names = {o["name"] for o in run(text)["organizations"]}
    assert "Strategic Partnership Council" in names
    assert not names & {"III Meeting of the Strategic Partnership Council", "Comprehensive Strategic Partnership",
                        "Andean Peace Initiative", "Sixth Andes-Pacific Summit"}


def test_an_untitled_full_name_after_a_meeting_verb():
    out = run("Foreign Minister Chung Min-ho spoke with Dalia Renwick on Monday, a day before the launch of the new administration.")
    assert pairs(out) == [{"Chung Min-ho", "Dalia Renwick"}]


def test_a_round_of_meetings_at_a_summit():
    text = ("ROME • Prime Minister Wei Ming Tan rounded off the summit with bilateral meetings with several other leaders on the sidelines.\n"
            "These included Australian PM Scott Harlow, Dutch PM Pieter de Vries and British PM Oliver Grant.\n"
            "PM Tan also called on French President Marc Delorme.\n"
            "Over the weekend, PM Tan also caught up with several other leaders, he said. These included Canadian PM Paul Girard "
            "and Indonesian President Surya Prasetyo.\n"
            "On Saturday, he met European Council President Anna Kowal, German Chancellor Karl Weber, Indian PM Arvind Raghavan "
            "and Brazilian President Rafael Monteiro.")
    out = run(text, published="2021-11-01")
    met = sorted(n for p in pairs(out) if "Wei Ming Tan" in p and len(p) == 2 for n in p - {"Wei Ming Tan"})
    assert met == sorted(["Scott Harlow", "Pieter de Vries", "Oliver Grant", "Marc Delorme", "Paul Girard", "Surya Prasetyo",
                          "Anna Kowal", "Karl Weber", "Arvind Raghavan", "Rafael Monteiro"])
    assert {m["place"] for m in out["meetings"]} == {"Rome"}
    assert "Italy" not in {p for m in out["meetings"] for p in m["participants"]}


def test_a_typographic_apostrophe_in_a_formal_name():
    out = run("The minister met the Ambassador of the People’s Republic of China, Zhao Lin, in the capital.")
    assert posts(out, "Zhao Lin") == {("Ambassador", "China")}
    assert "Taiwan" not in out["countries"]


def test_a_delegation_headed_by_an_official_and_a_glued_initial():
    text = ("Ulaanbaatar/MONTSAME/ On November 13, Foreign Affairs Minister B.Ganbold met Chinese delegation headed by Lin Hao, "
            "Deputy Director-General of the Department of Asian Affairs, who took part in the consultations.\n"
            "Ganbold thanked the delegation.")
    out = run(text)
    assert pairs(out) == [{"B.Ganbold", "Lin Hao"}]
    assert person(out, "Ganbold") is None and "Ganbold" in person(out, "B.Ganbold")["aliases"]
    out = run("DAMASCUS - Deputy Prime Minister and Foreign and Expatriates Minister Walid Haddad received the envoy.")
    assert ("Foreign Minister", "Syria") in posts(out, "Walid Haddad")


def test_a_dateline_with_a_slashed_date_and_agency():
    text = ("Addis Ababa February 15/2023 /ENA/Deputy Prime Minister and Minister of Foreign Affairs, Tesfaye Gebre held "
            "talks with Spain's Foreign Minister Pablo Ortega on the sidelines of the Executive Council.")
    out = run(text)
    assert pairs(out) == [{"Tesfaye Gebre", "Pablo Ortega"}]
    assert [m["place"] for m in out["meetings"]] == ["Addis Ababa"]


def test_an_expressed_will_or_desire_and_an_affirmed_determination():
    out = run("Prime Minister Yusuf Karim and his Indian counterpart Arvind Raghavan on Tuesday expressed their desire to "
              "intensify the bilateral dialogue process.")
    assert [(c["actors"], c["content"]) for c in out["commitments"]] == [
        (["Yusuf Karim", "Arvind Raghavan"], "intensify the bilateral dialogue process")]
    out = run("Envoy Ali Rezaei met President Omar Haddad. Talks also covered relations, with Rezaei asserting their strength, "
              "affirming Iran's determination to continue bolstering them in all fields.")
    assert [c["content"] for c in out["commitments"]] == ["continue bolstering them in all fields"]


def test_ambassador_as_a_style_after_a_post():
    out = run("KUWAIT: Kuwait's Deputy Foreign Minister Ambassador Fahad Al-Rashed met yesterday with US Ambassador to Kuwait Dalia Renwick.")
    assert posts(out, "Fahad Al-Rashed") == {("Deputy Foreign Minister", "Kuwait")}
    assert pairs(out) == [{"Fahad Al-Rashed", "Dalia Renwick"}]
    # a post, then the style and a rank: "Lt Gen" is not part of the name
    out = run("Fire Force chief Lt Gen Khalid Al-Mutairi received Dr Amira Saleh in his office.")
    assert person(out, "Khalid Al-Mutairi")


def test_told_at_a_reception_led_their_sides_and_host_and_guest():
    text = ("Vietnam always considers Russia a top partner, President Tran Van Long told Russian Ambassador to Vietnam "
            "Ivan Orlov during a reception in Hanoi on June 17.\n"
            "Host and guest agreed to deepen trade cooperation.")
    out = run(text)
    assert pairs(out) == [{"Tran Van Long", "Ivan Orlov"}]
    assert [m["date"] for m in out["meetings"]] == ["2022-06-17"]  # held before a May 2023 story: last June
    assert [c["actors"] for c in out["commitments"]] == [["Tran Van Long", "Ivan Orlov"]]
    out = run("Bangladesh Foreign Secretary Rahim Uddin and Pakistan's Foreign Secretary Sara Malik led their respective sides "
              "during the consultations held in Dhaka this morning.")
    assert pairs(out) == [{"Rahim Uddin", "Sara Malik"}]


def test_a_headline_verb_ends_the_name_before_it():
    text = ("Secretary Renwick Meets With Brazilian Foreign Minister Rafael Monteiro\n\n"
            "Secretary of State Dalia Renwick held a bilateral meeting with Brazilian Foreign Minister Rafael Monteiro on February 23, 2011.")
    out = run(text)
    assert person(out, "Renwick Meets") is None
    assert posts(out, "Dalia Renwick") == {("Secretary of State", "United States")}
    assert pairs(out) == [{"Dalia Renwick", "Rafael Monteiro"}]


def test_a_letter_of_credence_and_he_and_another_held_talks():
    out = run("Nigerian High Commissioner to Ghana, Ambassador Olufemi Bello has presented Letter of Credence to President Kofi Mensah.")
    assert pairs(out) == [{"Olufemi Bello", "Kofi Mensah"}]
    out = run("President Lee Min-ho said he and Japanese Prime Minister Kenji Morita conducted frank discussions on various issues.")
    assert pairs(out) == [{"Lee Min-ho", "Kenji Morita"}]


def test_counterparts_from_many_countries_are_met_one_by_one():
    # (the Malaysian prime minister beside Malaysia's foreign minister: two sides of one country among them)
    text = ("Foreign Minister Darius Kaveh met his counterparts from Malaysia, Switzerland, Iraq and Sweden and Malaysian "
            "Prime Minister Anwar Hamid on the sidelines of the forum in Davos.")
    out = run(text)
    assert sorted(map(sorted, pairs(out))) == [["Anwar Hamid", "Darius Kaveh"], ["Darius Kaveh", "Iraq"], ["Darius Kaveh", "Sweden"],
                                               ["Darius Kaveh", "Switzerland"]]  # Malaysia's side is its prime minister


def test_the_meeting_between_the_two_officials_is_the_one_reported():
    text = ("AMMAN — Foreign Minister Omar Haddad on Tuesday met his Egyptian counterpart Adel Fahmy in Cairo.\n"
            "Haddad stressed the keenness to implement the directives of His Majesty King Faisal and President Samir Nour.\n"
            "The regional conflict was at the core of the meeting between the two officials.")
    out = run(text)
    assert pairs(out) == [{"Omar Haddad", "Adel Fahmy"}]
    assert [m["occasion"] for m in out["meetings"]] == [None]
