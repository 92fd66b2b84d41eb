"""Place words: place and admin head words, compass words, settlement nouns, demonyms."""

from __future__ import annotations

PLACE_HEADS = frozenset(
    {
        "hill",
        "hills",
        "mountain",
        "mountains",
        "mount",
        "mt",
        "river",
        "valley",
        "forest",
        "forests",
        "jungle",
        "jungles",
        "valleys",
        "district",
        "province",
        "provinces",
        "region",
        "island",
        "islands",
        "archipelago",
        "bay",
        "sea",
        "lake",
        "basin",
        "agency",
        "state",
        "city",
        "square",
        "fort",
        "desert",
        "peninsula",
        "strait",
        "gulf",
        "plateau",
        "pass",
        "sector",
        "town",
        "village",
        "county",
        "governorate",
        "oblast",
        "tehsil",
        "division",
        "area",
        "areas",
        "coast",
        "border",
        "territory",
        "territories",
        "municipality",
        "prefecture",
        "emirate",
        "oasis",
        "regency",
        "subdistrict",
        "sub-district",
        "upazila",
        "woreda",
        "township",
        "commune",
        "cercle",
        "taluka",
    }
)

# 'Nazyan district', 'Trishal town': the name is the place, the lower-case word says what kind it is.
LOWER_ADMIN_HEADS = frozenset(
    {
        "district",
        "province",
        "region",
        "village",
        "town",
        "city",
        "governorate",
        "county",
        "tehsil",
        "area",
        "enclave",
        # other countries' names for a district or its parts
        "upazila",
        "subdistrict",
        "sub-district",
        "regency",
        "woreda",
        "township",
        "cercle",
        "taluka",
        "municipality",
    }
)
# Place words that only make a place when they follow the name ("Anda town", not "Town Hall").
PLACE_PREFIX_HEADS = frozenset({"mount", "mt", "lake", "fort", "gulf", "isle", "cape"})

COMPASS_POINTS = frozenset({"north", "south", "east", "west"})
COMPASS_ADJECTIVES = frozenset({"northern", "southern", "eastern", "western"})
DEMONYM_SKIP = COMPASS_ADJECTIVES | {"central", "upper", "lower"}

# Plural place words after a list of names: 'the Kech and Awaran districts', 'the Rafah and Sheikh Zuweid
# areas', 'Faryab, Jowzjan and Sar-e Pul provinces'.
PLURAL_PLACE_HEADS = frozenset(
    {"provinces", "districts", "regions", "states", "governorates", "counties", "areas", "towns",
     "villages", "cities", "departments", "territories", "agencies", "divisions", "valleys", "prefectures",
     "regencies", "subdistricts", "upazilas", "townships", "communes"}
)  # fmt: skip

# Nouns for a town that 'the X city of Y' names after 'of': 'the Fergana Valley city of Andijan'.
SETTLEMENT_NOUNS = frozenset({"city", "town", "village", "port", "capital"})

# Nationality adjective -> country name, for the regions the project covers (public facts).
DEMONYMS: dict[str, str] = {
    "afghan": "Afghanistan", "pakistani": "Pakistan", "indian": "India", "bangladeshi": "Bangladesh",
    "nepali": "Nepal", "nepalese": "Nepal", "lankan": "Sri Lanka", "bhutanese": "Bhutan",
    "burmese": "Myanmar", "uzbek": "Uzbekistan", "tajik": "Tajikistan", "kyrgyz": "Kyrgyzstan",
    "turkmen": "Turkmenistan", "kazakh": "Kazakhstan", "iranian": "Iran", "iraqi": "Iraq",
    "syrian": "Syria", "lebanese": "Lebanon", "jordanian": "Jordan", "yemeni": "Yemen",
    "saudi": "Saudi Arabia", "turkish": "Turkey", "chinese": "China", "filipino": "Philippines",
    "philippine": "Philippines",
    "indonesian": "Indonesia", "malaysian": "Malaysia", "thai": "Thailand", "nigerian": "Nigeria",
    "nigerien": "Niger", "malian": "Mali", "burkinabe": "Burkina Faso", "chadian": "Chad",
    "cameroonian": "Cameroon", "mauritanian": "Mauritania", "senegalese": "Senegal", "beninese": "Benin",
    "togolese": "Togo", "ghanaian": "Ghana", "ivorian": "Ivory Coast", "somali": "Somalia",
    "kenyan": "Kenya", "ethiopian": "Ethiopia", "eritrean": "Eritrea", "djiboutian": "Djibouti",
    "sudanese": "Sudan", "ugandan": "Uganda", "tanzanian": "Tanzania", "rwandan": "Rwanda",
    "burundian": "Burundi", "congolese": "Democratic Republic of the Congo", "mozambican": "Mozambique",
    "libyan": "Libya", "tunisian": "Tunisia", "algerian": "Algeria", "moroccan": "Morocco",
    "egyptian": "Egypt",
}  # fmt: skip
