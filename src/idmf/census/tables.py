"""The catalogue of ONS Census 2021 tables the evidence base uses.

Dataset ids and dimension names come from ../shared/census/NOMIS_API.md (public code, not verified live),
so everything that reads Nomis output matches columns by name and checks them, rather than trusting ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from idmf.census.errors import CensusDataError
from idmf.forms.printed import CENSUS_SOURCE

ALL_RESIDENTS = "All usual residents"
AGED_16_PLUS = "Usual residents aged 16 years and over"
AGED_5_PLUS = "Usual residents aged 5 years and over"

# The category name under which every source's table total is cached.
TOTAL = "Total"

# ONS's own wording: both tables were published as "official statistics in development".
SEXUAL_ORIENTATION_CAVEAT = (
    "Sexual orientation estimates are official statistics in development: ONS advises using them with caution, "
    "especially for small areas and small groups."
)
GENDER_IDENTITY_CAVEAT = (
    "Gender identity estimates are official statistics in development: ONS advises using them with caution, "
    "because some people may not have understood the question as intended; take particular care with small "
    "areas and small groups."
)

# The 11 broad age bands of the template (TS007B). TS007's bulk file carries the same bands as subtotals.
AGE_BANDS = (
    "Aged 4 years and under", "Aged 5 to 9 years", "Aged 10 to 15 years", "Aged 16 to 19 years",
    "Aged 20 to 24 years", "Aged 25 to 34 years", "Aged 35 to 49 years", "Aged 50 to 64 years",
    "Aged 65 to 74 years", "Aged 75 to 84 years", "Aged 85 years and over",
)


@dataclass(frozen=True)
class CensusTableSpec:
    """One ONS table: where to get it, what it counts and which question of the form it evidences."""

    code: str  # "TS021"
    title: str  # "Ethnic group"
    dataset_id: str  # Nomis dataset, e.g. "NM_2041_1"
    dimension: str  # Nomis category dimension, e.g. "c2021_eth_20"
    universe: str
    characteristic: str | None  # question id in forms/idmf-part-b.yaml, None when no protected characteristic
    caveat: str = ""
    # Only these categories are kept (None keeps all); used to take the bands out of TS007's single years.
    categories: tuple[str, ...] | None = None
    # Broad groups ("White") are the sums of their detailed groups ("White: Irish"); add any the source omits.
    sum_groups: bool = False
    # Close substitutes when this table itself is not cached (TS007 bands for TS007B).
    substitutes: tuple[str, ...] = field(default_factory=tuple)
    # How a substitute differs from the table it stands in for ("" : the same groups, adjusted separately).
    differs: str = ""
    # The variable's name in ONS "create a custom dataset" CSVs ("Sex (2 categories)"), to recognise those files.
    ons_variable: str = ""
    # What the shipped (bulk file) figures of this table lack, said under the table when they are shown.
    shipped_gap: str = ""

    @property
    def source_line(self) -> str:
        """The attribution printed under the table, as in the template."""
        return CENSUS_SOURCE.format(code=self.code)


PROFILE_TABLES: tuple[CensusTableSpec, ...] = (
    CensusTableSpec("TS008", "Sex", "NM_2028_1", "c_sex", ALL_RESIDENTS, "pc_sex", ons_variable="Sex"),
    CensusTableSpec("TS007B", "Age", "NM_2018_1", "c2021_age_12a", ALL_RESIDENTS, "pc_age",
                    categories=AGE_BANDS, substitutes=("TS007",)),
    CensusTableSpec("TS021", "Ethnic group", "NM_2041_1", "c2021_eth_20", ALL_RESIDENTS, "pc_race",
                    sum_groups=True),
    CensusTableSpec("TS030", "Religion", "NM_2049_1", "c2021_religion_10", ALL_RESIDENTS, "pc_religion",
                    ons_variable="Religion"),
    CensusTableSpec("TS079", "Sexual orientation", "NM_2086_1", "c2021_sexor_9", AGED_16_PLUS,
                    "pc_sexual_orientation", caveat=SEXUAL_ORIENTATION_CAVEAT, substitutes=("TS077",)),
    CensusTableSpec("TS070", "Gender identity", "NM_2087_1", "c2021_genderid_8", AGED_16_PLUS,
                    "pc_gender_reassignment", caveat=GENDER_IDENTITY_CAVEAT, ons_variable="Gender identity"),
    CensusTableSpec("TS038", "Disability", "NM_2056_1", "c2021_disability_5", ALL_RESIDENTS, "pc_disability",
                    shipped_gap="The figures shipped with the app give only \u201cdisabled under the Equality Act\u201d "
                                "and \u201cnot disabled\u201d; download the census tables from Nomis to split "
                                "disabled people into \u201climited a lot\u201d and \u201climited a little\u201d."),
    CensusTableSpec("TS039", "Unpaid care", "NM_2057_1", "c2021_carer_7", AGED_5_PLUS, None),
    CensusTableSpec("TS002", "Legal partnership status", "NM_2022_1", "c2021_lpstat_12", AGED_16_PLUS,
                    "pc_marriage"),
)

# Tables the app can import but does not show on their own: stand-ins for a profile table.
SUBSTITUTE_TABLES: tuple[CensusTableSpec, ...] = (
    CensusTableSpec("TS007", "Age", "NM_2027_1", "c2021_age_102", ALL_RESIDENTS, "pc_age", categories=AGE_BANDS),
    CensusTableSpec("TS077", "Sexual orientation", "NM_2060_1", "c2021_sexor_6", AGED_16_PLUS,
                    "pc_sexual_orientation", caveat=SEXUAL_ORIENTATION_CAVEAT,
                    differs="it has 5 groups where TS079 splits \u201cAll other sexual orientations\u201d into "
                            "pansexual, asexual, queer and other; download the census tables from Nomis for TS079"),
)

_BY_CODE = {spec.code: spec for spec in PROFILE_TABLES + SUBSTITUTE_TABLES}


def table_spec(code: str) -> CensusTableSpec:
    """The catalogue entry for a table code such as 'ts021' or 'TS007B'."""
    spec = _BY_CODE.get(code.strip().upper())
    if spec is None:
        known = ", ".join(s.code for s in PROFILE_TABLES)
        raise CensusDataError(f"'{code}' is not one of the census tables the app uses ({known}).")
    return spec


def spec_for_variable(variable: str) -> CensusTableSpec | None:
    """The table whose ONS variable name this is ("Sex", "Gender identity"), None when the app has none."""
    wanted = variable.strip().lower()
    return next((s for s in PROFILE_TABLES if s.ons_variable and s.ons_variable.lower() == wanted), None)


def is_known_table(code: str) -> bool:
    """Whether the app imports this table code."""
    return code.strip().upper() in _BY_CODE


def substitute_note(spec: CensusTableSpec, used: CensusTableSpec) -> str:
    """Why a close substitute appears instead of the table the template cites."""
    if used.differs:
        return f"{used.code} is shown in place of {spec.code}: {used.differs}."
    return (f"{used.code} is shown in place of {spec.code}: it has the same {spec.title.lower()} groups, but ONS "
            "adjusts each table separately to protect privacy, so counts can differ by a few people.")
