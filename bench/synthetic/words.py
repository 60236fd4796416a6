"""Word lists for the synthetic dataset (`bench.synthetic.generator`): countries, name pools with
transliteration variants, and the phrases event texts are written from.

Plain data only. The lists are ordered and must stay so: the generator draws from them by
index, so reordering or extending a list changes every synthetic dataset (though each run
stays deterministic for a given version of this file).
"""

from __future__ import annotations

from typing import NamedTuple


class Country(NamedTuple):
    code: str  # ISO 3166-1 alpha-3
    name: str  # English name, as a state actor's name
    latitude: float  # roughly the country's middle, for synthetic places around it
    longitude: float
    style: str  # key of NAME_STYLES: how its people and places are named
    native: str | None  # the name in the country's own language, as an alias
    weight: int  # how often its actors and places appear (the Caucasus most)


# The South Caucasus and its neighbours first: the curated dataset's region, and the states
# that take part in every synthetic run, however small (see Plan.states).
COUNTRIES: tuple[Country, ...] = (
    Country("ARM", "Armenia", 40.07, 45.04, "armenian", "Hayastan", 30),
    Country("AZE", "Azerbaijan", 40.14, 47.58, "azerbaijani", "Azərbaycan", 30),
    Country("GEO", "Georgia", 42.32, 43.36, "georgian", "Sakartvelo", 12),
    Country("RUS", "Russia", 55.75, 37.62, "russian", "Rossiya", 14),
    Country("TUR", "Turkey", 39.0, 35.0, "turkish", "Türkiye", 10),
    Country("IRN", "Iran", 32.43, 53.69, "persian", "Irān", 8),
    Country("FRA", "France", 46.6, 2.2, "french", None, 6),
    Country("USA", "United States", 38.9, -77.04, "english", None, 6),
    Country("DEU", "Germany", 51.17, 10.45, "german", "Deutschland", 5),
    Country("BEL", "Belgium", 50.5, 4.47, "french", "België", 4),
    Country("UKR", "Ukraine", 48.38, 31.17, "slavic", "Ukraina", 5),
    Country("KAZ", "Kazakhstan", 48.02, 66.92, "central_asian", "Qazaqstan", 3),
    Country("GBR", "United Kingdom", 54.0, -2.0, "english", None, 3),
    Country("CHE", "Switzerland", 46.82, 8.23, "german", "Schweiz", 3),
    Country("MDA", "Moldova", 47.41, 28.37, "latin", None, 2),
    Country("ROU", "Romania", 45.94, 24.97, "latin", "România", 2),
    Country("BLR", "Belarus", 53.71, 27.95, "slavic", "Bielaruś", 2),
    Country("UZB", "Uzbekistan", 41.38, 64.59, "central_asian", "Oʻzbekiston", 2),  # noqa: RUF001
    Country("TKM", "Turkmenistan", 38.97, 59.56, "central_asian", "Türkmenistan", 2),
    Country("KGZ", "Kyrgyzstan", 41.2, 74.77, "central_asian", "Kyrgyzstan Respublikasy", 1),
    Country("TJK", "Tajikistan", 38.86, 71.28, "persian", "Tojikiston", 1),
    Country("ITA", "Italy", 41.87, 12.57, "latin", "Italia", 2),
    Country("ESP", "Spain", 40.46, -3.75, "latin", "España", 2),
    Country("POL", "Poland", 51.92, 19.15, "slavic", "Polska", 2),
    Country("AUT", "Austria", 47.52, 14.55, "german", "Österreich", 2),
    Country("NLD", "Netherlands", 52.13, 5.29, "german", "Nederland", 2),
    Country("SWE", "Sweden", 60.13, 18.64, "german", "Sverige", 1),
    Country("NOR", "Norway", 60.47, 8.47, "german", "Norge", 1),
    Country("FIN", "Finland", 61.92, 25.75, "german", "Suomi", 1),
    Country("DNK", "Denmark", 56.26, 9.5, "german", "Danmark", 1),
    Country("LTU", "Lithuania", 55.17, 23.88, "slavic", "Lietuva", 1),
    Country("LVA", "Latvia", 56.88, 24.6, "slavic", "Latvija", 1),
    Country("EST", "Estonia", 58.6, 25.01, "slavic", "Eesti", 1),
    Country("GRC", "Greece", 39.07, 21.82, "latin", "Ellada", 1),
    Country("CYP", "Cyprus", 35.13, 33.43, "latin", "Kypros", 1),
    Country("BGR", "Bulgaria", 42.73, 25.49, "slavic", "Balgariya", 1),
    Country("SRB", "Serbia", 44.02, 21.01, "slavic", "Srbija", 1),
    Country("HUN", "Hungary", 47.16, 19.5, "latin", "Magyarország", 1),
    Country("CZE", "Czechia", 49.82, 15.47, "slavic", "Česko", 1),
    Country("SVK", "Slovakia", 48.67, 19.7, "slavic", "Slovensko", 1),
    Country("CAN", "Canada", 56.13, -106.35, "english", None, 1),
    Country("CHN", "China", 35.86, 104.2, "east_asian", "Zhongguo", 2),
    Country("JPN", "Japan", 36.2, 138.25, "east_asian", "Nihon", 1),
    Country("IND", "India", 20.59, 78.96, "english", "Bharat", 1),
    Country("PAK", "Pakistan", 30.38, 69.35, "persian", None, 1),
    Country("ISR", "Israel", 31.05, 34.85, "arabic", "Yisrael", 1),
    Country("EGY", "Egypt", 26.82, 30.8, "arabic", "Misr", 1),
    Country("SAU", "Saudi Arabia", 23.89, 45.08, "arabic", None, 1),
    Country("ARE", "United Arab Emirates", 23.42, 53.85, "arabic", None, 1),
    Country("QAT", "Qatar", 25.35, 51.18, "arabic", None, 1),
    Country("IRQ", "Iraq", 33.22, 43.68, "arabic", None, 1),
    Country("SYR", "Syria", 34.8, 38.99, "arabic", "Suriya", 1),
    Country("JOR", "Jordan", 30.59, 36.24, "arabic", "Al-Urdun", 1),
    Country("LBN", "Lebanon", 33.85, 35.86, "arabic", "Lubnan", 1),
    Country("BRA", "Brazil", -14.24, -51.93, "latin", "Brasil", 1),
    Country("MEX", "Mexico", 23.63, -102.55, "latin", "México", 1),
    Country("ARG", "Argentina", -38.42, -63.62, "latin", None, 1),
    Country("ZAF", "South Africa", -30.56, 22.94, "english", None, 1),
    Country("NGA", "Nigeria", 9.08, 8.68, "english", None, 1),
    Country("ETH", "Ethiopia", 9.15, 40.49, "english", "Ityop'iya", 1),
)


class NameStyle(NamedTuple):
    given: tuple[str, ...]
    family: tuple[str, ...]
    # Spelling variants as met in sources: (text to replace, replacement), applied to a
    # canonical name to make alias candidates such as "Petrosian" for "Petrosyan".
    variants: tuple[tuple[str, str], ...]
    place_suffixes: tuple[str, ...]


def style(given: str, family: str, variants: str, place_suffixes: str) -> NameStyle:
    """A name style from space-separated words; variants are written `from>to`."""
    return NameStyle(
        tuple(given.split()),
        tuple(family.split()),
        tuple(tuple(pair.split(">")) for pair in variants.split()),
        tuple(place_suffixes.split()),
    )


NAME_STYLES: dict[str, NameStyle] = {
    "armenian": style(
        (
            "Aram Armen Ani Gohar Tigran Nairi Hovhannes Lilit Karen Mher Anahit Vahe Zara Sargis "
            "Hasmik Davit Narek Mariam Levon Seda Ashot Gayane"
        ),
        (
            "Petrosyan Hakobyan Grigoryan Sargsyan Harutyunyan Mkrtchyan Avetisyan Khachatryan "
            "Vardanyan Karapetyan Ghazaryan Manukyan Babayan Hovhannisyan Martirosyan Zakaryan "
            "Asatryan Poghosyan Arakelyan Melkonyan Galstyan Simonyan"
        ),
        "yan>ian Kh>Kch gh>ġ Hovh>Ov sy>si ts>c",
        "dzor shen van ashat aberd gyugh avan",
    ),
    "azerbaijani": style(
        (
            "Elchin Leyla Rashad Aygun Farid Gunel Tural Nigar Samir Sevinj Anar Ulviyya Ramil "
            "Konul Vugar Lala Elnur Aysel Ilgar Shahla Hikmet Jeyhun"
        ),
        (
            "Mammadov Aliyev Huseynov Hasanov Guliyev Ismayilov Abbasov Jafarov Karimov Rzayev "
            "Bayramov Suleymanov Valiyev Orujov Rahimov Zeynalov Babayev Gasimov Sadigov Najafov "
            "Hajiyev Shukurov"
        ),
        "yev>ev Mammad>Mamed j>c Sh>Ş ch>ç Huseyn>Hüseyn G>Q ov>ow",
        "li kend abad lar chay dag bulag",
    ),
    "georgian": style(
        (
            "Giorgi Nino Levan Tamar Davit Ketevan Irakli Mariam Zurab Salome Nikoloz Eka Lasha "
            "Natia Vakhtang Tea"
        ),
        (
            "Beridze Kapanadze Gelashvili Maisuradze Giorgadze Lomidze Tsiklauri Bolkvadze "
            "Kvaratskhelia Nozadze Abashidze Chkheidze Javakhishvili Gogoladze Mikeladze "
            "Khutsishvili"
        ),
        "shvili>chvili dze>dse kh>x Ts>Tz Ch>Tch",
        "ubani eti ani uri kari tskaro",
    ),
    "russian": style(
        (
            "Sergei Dmitry Anna Olga Mikhail Yelena Andrei Natalia Alexei Irina Pavel Tatiana "
            "Igor Svetlana Nikolai Maria Viktor Yulia Boris Galina Yevgeny Oksana"
        ),
        (
            "Ivanov Smirnov Kuznetsov Popov Sokolov Lebedev Kozlov Novikov Morozov Volkov "
            "Solovyov Vasilyev Zaitsev Pavlov Semyonov Golubev Vinogradov Bogdanov Vorobyov "
            "Fyodorov Zakharov Belov"
        ),
        "ov>off yev>iev Yu>Iu ei>ey Ye>E kh>h y>i Dm>Dim",
        "ovo ino sk grad evka ovsk",
    ),
    "slavic": style(
        (
            "Oleksandr Olena Taras Iryna Bohdan Kateryna Piotr Agnieszka Jan Milena Tomas Jana "
            "Dragan Vesna Andrzej Lina"
        ),
        (
            "Kovalenko Shevchenko Bondarenko Tkachenko Kowalski Nowak Wisniewski Novak Horvat "
            "Jovanovic Petrov Kazlauskas Ozols Tamm Dvorak Melnyk"
        ),
        "ko>ka Ol>Al y>i w>v ic>ich sz>sh",
        "ivka ovo ice grad pol ava",
    ),
    "turkish": style(
        (
            "Mehmet Ayşe Mustafa Fatma Ahmet Emine Hüseyin Zeynep İbrahim Elif Mevlüt Hatice Ömer "
            "Merve Kemal Şule"
        ),
        (
            "Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan "  # noqa: RUF001
            "Kılıç Aslan Çetin Kara"  # noqa: RUF001
        ),
        "ü>u ş>s Ş>S ç>c Ç>C ğ>g ı>i ö>o Ö>O İ>I",  # noqa: RUF001
        "köy kale lar ova pınar dere",  # noqa: RUF001
    ),
    "persian": style(
        (
            "Ali Maryam Hossein Zahra Reza Fatemeh Mohammad Narges Javad Shirin Abbas Leila "
            "Hassan Parisa Mehdi Sara"
        ),
        (
            "Hosseini Ahmadi Mohammadi Rezaei Moradi Karimi Jafari Rahimi Sadeghi Zarif Rostami "
            "Tehrani Ghasemi Nouri Amini Kazemi"
        ),
        "ei>ey Hossein>Husayn Gh>Q J>Dj ou>u i>y",
        "abad shahr dasht rud kuh",
    ),
    "arabic": style(
        (
            "Ahmed Fatima Omar Layla Khalid Noor Yusuf Amira Tariq Huda Karim Salma Faisal Rania "
            "Sami Dina"
        ),
        (
            "Al-Masri Haddad Khoury Nasser Al-Sayed Mansour Hamdan Saleh Abdallah Al-Hashimi "
            "Farouk Qasim Barakat Aziz Rahman Habib"
        ),
        "Al->el- Kh>Ch ou>u Q>K ee>i Y>J",
        "abad ia iyeh un",
    ),
    "central_asian": style(
        (
            "Nursultan Aigerim Timur Dinara Askar Madina Bakhyt Gulnara Rustam Saule Murat Zhanna "
            "Erlan Aizhan"
        ),
        (
            "Nazarbayev Tokayev Abdullayev Karimov Saparov Zhaksybekov Omarov Ismoilov Rakhimov "
            "Seitkali Bekov Temirbayev Nurlanov Usenov"
        ),
        "yev>ev Zh>J kh>h ov>ow ai>ay",
        "abad kent tau kol su",
    ),
    "east_asian": style(
        "Wei Li Ming Hui Jun Yan Hiroshi Yuki Takeshi Aiko",
        "Wang Zhang Liu Chen Yang Zhao Sato Suzuki Takahashi Tanaka",
        "Zh>Ch ei>ay x>hs ou>o",
        "shan zhou ning yama kawa",
    ),
    "french": style(
        (
            "Jean Marie Pierre Claire Luc Sophie Michel Isabelle Laurent Camille Olivier Élise "
            "Charles Anne"
        ),
        (
            "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent "
            "Lefèvre Michel"
        ),
        "é>e è>e ç>c Jean>J.",
        "ville mont court bourg ac",
    ),
    "german": style(
        (
            "Hans Anna Klaus Ursula Stefan Katrin Jürgen Sabine Wolfgang Annalena Olaf Heike "
            "Frank Greta"
        ),
        (
            "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer "
            "Koch Bauer Richter"
        ),
        "ü>ue ä>ae ö>oe ß>ss W>V sch>sh",
        "burg dorf feld heim stadt",
    ),
    "english": style(
        (
            "John Mary James Linda Robert Susan Michael Karen David Emily Antony Victoria William "
            "Hannah"
        ),
        (
            "Smith Johnson Williams Brown Jones Miller Davis Wilson Taylor Clark Blinken Walker "
            "Harris Young"
        ),
        "ph>f Ant>Anth y>ie",
        "ton field ford bridge wood",
    ),
    "latin": style(
        "Marco Giulia Carlos Lucia Andrei Elena Javier Sofia Mihai Ioana Nikos Eleni Diego Paula",
        (
            "Rossi Bianchi Garcia Fernandez Popescu Ionescu Lopez Martinez Rusu Papadopoulos "
            "Costa Silva Moreno Ferrari"
        ),
        "c>k Gi>Dji j>h ou>u ph>f",
        "ia eni ona ano esti",
    ),
}

ONSETS = ("b", "d", "g", "k", "m", "n", "p", "r", "s", "t", "v", "z", "sh", "kh", "ts", "l",
          "h", "y", "ar", "al", "er", "or")  # fmt: skip
VOWELS = ("a", "e", "i", "o", "u", "a", "e", "ia", "ay")
CODAS = ("", "", "n", "r", "s", "k", "t", "m", "l", "rd", "st")

PLACE_KINDS = (
    # (kind, weight, name pattern): {name} is a generated proper name.
    ("city", 24, "{name}"),
    ("town", 20, "{name}"),
    ("village", 26, "{name}"),
    ("region", 8, "{name} Province"),
    ("border_area", 10, "{name} border section"),
    ("corridor", 4, "{name} corridor"),
    ("site", 8, "{name} checkpoint"),
)

ORGANIZATION_PARTS = (
    ("Caspian", "Black Sea", "South Caucasus", "Eurasian", "Transcaspian", "Danube",
     "Baltic", "Mediterranean", "Central Asian", "Atlantic", "Araxes", "Kura", "Pontic",
     "Anatolian", "Volga", "Ararat"),
    ("Council", "Commission", "Forum", "Agency", "Organization", "Union", "Assembly",
     "Partnership", "Initiative", "Secretariat", "Mission", "Fund"),
    ("Security and Cooperation", "Trade", "Peace and Dialogue", "Border Security",
     "Humanitarian Affairs", "Transport and Transit", "Energy Cooperation", "Human Rights",
     "Mine Action", "Economic Integration", "Water Management", "Migration",
     "Cultural Heritage", "Arms Control"),
)  # fmt: skip
GROUP_NOUNS = (
    "Liberation Front", "Volunteer Brigade", "Self-Defence Units", "Resistance Movement",
    "Militia", "Veterans' Union", "Border Guard Detachment", "Youth Movement",
    "Refugee Council", "Civic Platform",
)  # fmt: skip
STATE_TITLES = (
    "President of {country}", "Prime Minister of {country}",
    "Minister of Foreign Affairs of {country}", "Deputy Minister of Foreign Affairs of {country}",
    "Minister of Defence of {country}", "Security Council Secretary of {country}",
    "Chief Negotiator of {country}", "Ambassador of {country}",
    "Special Envoy of {country} for {topic}", "Presidential Adviser of {country}",
)  # fmt: skip
ORGANIZATION_TITLES = (
    "Secretary General", "Special Representative", "Chair", "Head of Mission",
    "Senior Political Adviser",
)  # fmt: skip

# The controlled vocabulary: (slug, name, description).
TOPICS: tuple[tuple[str, str, str], ...] = (
    ("border-demarcation", "Border demarcation", "Delimiting and marking the state border."),
    ("peace-treaty", "Peace treaty", "Negotiating and signing a comprehensive peace agreement."),
    ("transport-links", "Transport links", "Reopening roads, railways and transit routes."),
    ("humanitarian-access", "Humanitarian access", "Access for aid convoys and agencies."),
    ("prisoners", "Prisoners and detainees", "Detainees, prisoners of war and their release."),
    ("missing-persons", "Missing persons", "The search for people missing since the wars."),
    ("landmines", "Landmines", "Mine maps, demining and mine victims."),
    ("refugees", "Refugees and displaced people", "Return and rights of displaced people."),
    ("ceasefire", "Ceasefire", "Keeping and monitoring the ceasefire."),
    ("peacekeeping", "Peacekeeping", "Peacekeeping forces, mandates and withdrawal."),
    ("monitoring-mission", "Monitoring mission", "Civilian monitors along the border."),
    ("energy", "Energy and pipelines", "Gas, oil and electricity transit."),
    ("water", "Water resources", "Shared rivers, reservoirs and irrigation."),
    ("trade", "Trade and customs", "Trade, tariffs and customs procedures."),
    ("sanctions", "Sanctions", "Economic and personal sanctions."),
    ("arms-control", "Arms control", "Arms deliveries, limits and verification."),
    ("cultural-heritage", "Cultural heritage", "Churches, mosques, monuments and cemeteries."),
    ("human-rights", "Human rights", "Rights of civilians, minorities and detainees."),
    ("mediation", "Mediation", "Third parties' offers and formats of mediation."),
    ("elections", "Elections", "Elections and their bearing on the talks."),
    ("constitution", "Constitutional reform", "Constitutional claims and amendments."),
    ("enclaves", "Enclaves and exclaves", "Enclaves, exclaves and access to them."),
    ("communications", "Communications and railways", "Rail lines and communication routes."),
    ("security-guarantees", "Security guarantees", "Guarantees, alliances and bases."),
    ("economic-cooperation", "Economic cooperation", "Investment and joint projects."),
    ("diplomatic-relations", "Diplomatic relations", "Recognition, embassies and envoys."),
    ("military-exercises", "Military exercises", "Drills near the border."),
    ("information-war", "Information war", "Propaganda, disinformation and media access."),
    ("justice", "Justice and accountability", "Courts, tribunals and investigations."),
    ("quarantine", "Quarantine and epidemics", "Border closures for public health."),
)

ISSUES = (
    "the delimitation of the border", "the reopening of transport links",
    "the exchange of prisoners", "humanitarian access to the region",
    "demining of the former line of contact", "the return of displaced persons",
    "the draft peace treaty", "water sharing on the river", "the railway through the south",
    "confidence-building measures", "the mandate of the monitoring mission",
    "customs procedures at the crossing", "energy transit through the corridor",
    "the fate of missing persons", "the release of detainees", "the protection of churches "
    "and mosques", "the withdrawal of troops from the border", "access to the enclaves",
    "the maps of minefields", "the status of the checkpoint", "the opening of embassies",
    "the reconstruction of bridges and roads", "security guarantees for civilians",
    "the hydropower plant on the river", "the recognition of territorial integrity",
    "the deployment of peacekeepers", "the investigation of war crimes",
    "the restoration of rail connections", "the supply of gas to the region",
    "trade across the new border",
)  # fmt: skip
BAD_ACTIONS = (
    "shelling border villages", "blocking the only road", "violating the ceasefire",
    "stalling the negotiations", "spreading disinformation", "building up troops near the "
    "border", "mistreating detainees", "refusing to hand over minefield maps",
    "rewriting the agreed text", "provoking incidents at the checkpoint",
    "destroying cultural monuments", "ignoring the court's order",
)  # fmt: skip
ADJECTIVES = (
    "constructive", "frank", "substantive", "difficult", "productive", "tense", "detailed",
    "cordial", "intensive", "businesslike", "lengthy", "inconclusive",
)  # fmt: skip
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip

# Sentence templates. Fields: {a} {b} first and second party, {m} mediator (or a third
# actor), {place} {place2} places, {issue} {issue2} {issue3} from ISSUES, {bad} from
# BAD_ACTIONS, {adj} from ADJECTIVES, {month} {year}, {n} a small number, {topic} a topic
# name in lower case.
MEETING_SENTENCES = (
    "{a} and {b} held {adj} talks in {place} on {issue}.",
    "The sides reviewed progress on {issue} and agreed to continue work on {issue2}.",
    "According to the official readout, the discussion focused on {issue}, with both "
    "delegations stressing the importance of {issue2}.",
    "{m} offered to host the next round and called on both sides to refrain from steps "
    "that could undermine {issue}.",
    "The meeting followed weeks of tension over {issue}, and officials described the "
    "atmosphere as {adj}.",
    "No joint statement was issued, but aides said further consultations on {issue2} were "
    "expected before the end of {month}.",
    "Experts from both sides were instructed to prepare proposals on {issue3} for the next round.",
    "Observers noted that the talks took place against the background of incidents near {place2}.",
    "Working groups on {topic} met in parallel and reported to the heads of delegation.",
    "{b} raised the question of {issue3}, while {a} insisted that {issue} came first.",
    "Both delegations confirmed their commitment to the agreements reached in {year}.",
    "The talks lasted about {n} hours, longer than planned.",
    "Diplomats said the sides had narrowed their differences on {issue2} but not on {issue3}.",
    "{m} welcomed the {adj} exchange and said it would support any agreement on {topic}.",
)
STATEMENT_SENTENCES = {
    "direct_quote": (
        "We are ready to sign an agreement on {issue} as soon as the other side stops {bad}.",
        "Our position on {issue} has not changed and will not change.",
        "There is no alternative to dialogue on {issue2}, and we expect {m} to understand it.",
        "I told my counterpart that {issue} cannot be postponed any longer.",
        "We will not accept any document that ignores {issue3}.",
        "The people of {place} deserve peace, and we will do everything to achieve it.",
        "Those who keep {bad} bear full responsibility for the consequences.",
        "We have made {adj} proposals on {topic}; now it is the turn of the other side.",
        "Nobody should doubt our commitment to {issue2}.",
        "We appreciate the efforts of {m} and hope the next round will bring results.",
    ),
    "paraphrase": (
        "{a} said that {issue} remained the main obstacle to a settlement.",
        "{a} accused {m} of {bad} and warned of a response.",
        "According to {a}, progress on {issue2} depended on {issue3}.",
        "{a} told reporters in {place} that talks on {topic} would continue.",
        "{a} described the latest round of talks as {adj}.",
        "{a} rejected claims that the government had agreed to concessions on {issue}.",
        "{a} repeated that the country wanted {issue2} settled before the end of {year}.",
        "In an interview, {a} called on international partners to press for {issue3}.",
        "{a} said {n} proposals on {topic} had been sent to the other side.",
    ),
    "readout": (
        "The sides discussed {issue} and {issue2}.",
        "{a} informed {m} about the situation near {place}.",
        "The interlocutors exchanged views on {topic} and agreed to stay in contact.",
        "Particular attention was paid to {issue3}.",
        "The conversation was {adj} and lasted about {n} minutes.",
        "{a} thanked {m} for support on {issue}.",
        "The parties noted the importance of {issue2} for regional stability.",
        "Further steps on {issue} were outlined.",
    ),
    "announcement": (
        "{a} announced that talks on {issue} would resume in {month}.",
        "The government of {a} will send a delegation to {place} to discuss {topic}.",
        "{a} announced {n} new measures concerning {issue2}.",
        "A commission on {issue3} will be set up within {n} weeks, {a} said.",
        "{a} confirmed that the crossing near {place} would reopen on a trial basis.",
        "From {month}, the new rules on {issue} will apply.",
    ),
}
INCIDENT_SENTENCES = {
    "violent": (
        "Fighting broke out near {place} early in the morning and lasted several hours.",
        "{a} said its positions had come under fire from {b} and that it had returned fire.",
        "{b} denied the accusation and blamed {a} for {bad}.",
        "Heavy weapons were used, according to local officials in {place}.",
        "Residents of villages near {place2} reported damage to houses and farm buildings.",
        "The exchange of fire was the most serious since {month} {year}.",
        "International observers called for restraint and an investigation.",
        "The clashes raised fears for {issue}.",
        "{m} expressed concern and urged both sides to respect the ceasefire.",
    ),
    "pressure": (
        "{a} set up a checkpoint on the road near {place}, cutting traffic for several days.",
        "Civilians reported shortages of food, fuel and medicine.",
        "Aid convoys were turned back at the crossing near {place2}.",
        "{b} called the measure illegal and demanded that the road be reopened.",
        "{a} said the checkpoint was needed to stop {bad}.",
        "Humanitarian agencies warned that {issue} was deteriorating.",
        "{m} called for unimpeded movement of people and goods.",
        "Traffic resumed partly after {n} days, according to local residents.",
    ),
    "calm": (
        "Troops were deployed along the line near {place} under the agreement of {year}.",
        "{a} and {b} agreed to a ceasefire to begin at midnight.",
        "The deployment was presented as a step towards {issue}.",
        "{m} welcomed the move and offered to help with {issue2}.",
        "Local residents said the situation near {place2} had calmed.",
        "The parties agreed to set up a hotline to prevent incidents.",
        "Critics in {a} said the arrangement ignored {issue3}.",
    ),
}
CASUALTY_SENTENCES = {
    "both": "{f} people were killed and {i} wounded, according to official figures.",
    "dead": "{f} people were killed; the number of wounded was not reported.",
    "wounded": "{i} people were wounded; there was no word on deaths.",
    "none": "No one was killed or wounded, officials said.",
    "unknown": "Casualty figures were not disclosed.",
}
PUBLISHERS = (
    "Synthetic Wire Service", "Example News Agency", "Sample Daily", "Placeholder Post",
    "Synthetic Foreign Ministry Bulletin", "Example Broadcasting Corporation",
)  # fmt: skip
