"""The five off-limits topics: ids, banner names, guidance and minute lines (bokmål)."""

from __future__ import annotations

CATEGORIES: tuple[str, ...] = ("misnoye", "klage", "opplaering", "uenighet", "enkeltvedtak")

TOPIC_NAME: dict[str, str] = {
    "misnoye": "Misnøye med tjenester eller ansatte",
    "klage": "Klage på vedtak eller tildeling",
    "opplaering": "Opplæring og veiledning i tiltak",
    "uenighet": "Uenighet eller uklart ansvar mellom tjenester",
    "enkeltvedtak": "Ønske om enkeltvedtak i møtet",
}

GUIDANCE: dict[str, str] = {
    "misnoye": (
        "Misnøye med tjenester eller ansatte tas direkte med den det gjelder "
        "eller med lederen for tjenesten — ikke i ansvarsgruppemøtet."
    ),
    "klage": (
        "Klage på vedtak, ressursfordeling eller tjenestetilbud følger ordinær "
        "klageadgang — ikke ansvarsgruppemøtet."
    ),
    "opplaering": (
        "Opplæring og veiledning i gjennomføringen av konkrete tiltak hører hjemme "
        "i egne møter, for eksempel samarbeidsmøte eller basismøte."
    ),
    "uenighet": (
        "Uklart ansvar eller uenighet mellom tjenestene avklares i egne møter eller "
        "på ledernivå, og familien får vite om disse møtene."
    ),
    "enkeltvedtak": (
        "Ansvarsgruppen kan ikke fatte enkeltvedtak — det må sendes en søknad "
        "til tjenesten som fatter vedtaket."
    ),
}

REFERRAL_LINE: dict[str, str] = {
    "misnoye": "Ett tema ble henvist til den det gjelder eller til lederen for tjenesten.",
    "klage": "Ett tema ble henvist til ordinær klageadgang.",
    "opplaering": "Ett tema ble henvist til et eget møte om opplæring og veiledning.",
    "uenighet": "Ett tema ble henvist til et eget møte mellom tjenestene eller til ledernivå.",
    "enkeltvedtak": "Ett tema ble henvist til søknad til tjenesten som fatter vedtaket.",
}

# The quiet question when the guard is not sure: «Kan dette være …?»
ASK_PHRASE: dict[str, str] = {
    "misnoye": "misnøye med en tjeneste eller en ansatt",
    "klage": "en klage på et vedtak eller en tildeling",
    "opplaering": "opplæring eller veiledning av ansatte i et tiltak",
    "uenighet": "uenighet eller uklart ansvar mellom tjenestene",
    "enkeltvedtak": "et ønske om at gruppen skal fatte et vedtak",
}


def how_sure(confidence: float) -> str:
    """The guard's confidence in plain words for the banner."""
    if confidence >= 0.9:
        return "nesten sikkert"
    if confidence >= 0.7:
        return "trolig"
    return "kanskje"
