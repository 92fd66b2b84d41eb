"""Words about people: honorifics and titles in or before a name, words that end a name, peoples, creeds."""

from __future__ import annotations

# Honorifics that are part of how a person is named ("Hafiz Muhammad Saeed") and so stay in the name.
NAME_HONORIFICS = frozenset(
    {
        "maulana",
        "mawlana",
        "molana",
        "mufti",
        "qari",
        "sheikh",
        "shaikh",
        "shaykh",
        "sheik",
        "hafiz",
        "hafez",
        "mullah",
        "mulla",
        "maulvi",
        "moulvi",
        "mawlawi",
        "haji",
        "hajji",
        "allama",
        "syed",
        "sayyid",
        "pir",
        "ustadz",
        "ustaz",
        "ustad",
        "ustadh",
    }
)

# Titles and role words that precede a name but are not part of it ("Operational Commander X").
ROLE_TITLES = frozenset(
    {
        "commander",
        "amir",
        "emir",
        "ameer",
        "chief",
        "leader",
        "general",
        "gen",
        "colonel",
        "col",
        "major",
        "maj",
        "captain",
        "capt",
        "lieutenant",
        "lt",
        "president",
        "minister",
        "dr",
        "mr",
        "mrs",
        "ms",
        "prof",
        "professor",
        "operational",
        "launching",
        "deputy",
        "spokesman",
        "spokesperson",
        "founder",
        "co-founder",
        "head",
        "chairman",
        "secretary",
        "senior",
        "top",
        "regional",
        "military",
        "supreme",
        "self-styled",
        "alleged",
        "late",
        "former",
        "operative",
        "militant",
        "cleric",
        "ideologue",
        "naib",
        "wali",
        "sergeant",
        "prime",
        "judge",
        "justice",
        "ambassador",
        "governor",
        "inspector",
        "superintendent",
        "journalist",
        "editor",
        "reporter",
        "activist",
        "scholar",
        "imam",
        "brother",
        "trainer",
        "member",
        "hijacker",
        "the",
        "a",
        "an",
        "army",
        "police",
        "citizen",
        "national",
        "extremist",
        "terrorist",
        "suspect",
        "detained",
        "alias",
        "aka",
    }
)

# Adjectives between an article and a role noun: 'a senior commander', 'its former chief'.
TITLE_ADJECTIVES = frozenset({"senior", "top", "former", "chief", "key", "local", "regional", "military"})

# Words that end a person name when spaCy runs on ("Masood Illyas Kashmiri called").
PERSON_STOP = frozenset({"deceased", "qdi", "qde", "aka", "alias", "a.k.a", "a.k.a."})

# Peoples often written alone or before a noun ('Hutu rebels', 'Tajik officials'): never a person's name.
# Creeds and schools a text names like peoples: 'the Salafi creed' is neither a person nor a place.
CREEDS = frozenset({"salafi", "sufi", "wahhabi", "deobandi", "barelvi", "shia", "sunni", "shiite", "ahmadi"})
PEOPLES = CREEDS | {
    "hutu", "tutsi", "tuareg", "fulani", "peul", "baloch", "baluch", "pashtun", "pashtuns", "uighur",
    "uyghur", "uighurs", "uyghurs", "hazara", "tamil", "sinhalese", "bodo", "naga", "kurd", "kurdish",
    "arab", "berber", "somali", "acholi", "kanuri", "hausa", "dogon", "bambara", "songhai", "banyamulenge",
}  # fmt: skip
