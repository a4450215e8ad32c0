"""The invented names and the small pools of Norwegian text the synthetic groups are made from.

Every name is fictive (first names with surnames like «Testesen» and «Eksempelvik»).
"""

from __future__ import annotations

FIRST_NAMES = (
    "Tiril", "Ola", "Emma", "Jonas", "Nora", "Filip", "Ingrid", "Aksel", "Sara", "Magnus", "Ella",
    "Lukas", "Maja", "Oskar", "Sofie", "Elias", "Frida", "Tobias", "Hedda", "Isak", "Live", "Sander",
    "Vilde", "Henrik", "Aurora", "Mathias", "Selma", "Kasper", "Thea", "Jakob", "Iben", "Noah",
)
ADULT_FIRST_NAMES = (
    "Kari", "Per", "Anne", "Hans", "Liv", "Jon", "Randi", "Geir", "Siri", "Tor", "Hilde", "Knut",
    "Berit", "Arne", "Gro", "Bjørn", "Marit", "Rune", "Tone", "Svein", "Eli", "Odd", "Wenche", "Trond",
)
SURNAMES = (
    "Testesen", "Eksempelvik", "Prøvestad", "Fiktivsen", "Oppdiktnes", "Demodal", "Skisseberg",
    "Modellund", "Utkastrud", "Mønsterli", "Øvingsland", "Tenkeby", "Simulasen", "Forsøkstad",
    "Dummyvik", "Prototunet", "Attrappli", "Narrestad",
)
PLACES = ("Eksempelby", "Prøvedal", "Testvik", "Fiktivstad", "Modellnes", "Skissebø")

SERVICES = (
    # role, service template, weight
    ("kontaktlærer", "{place} skole"),
    ("rådgiver", "PPT"),
    ("helsesykepleier", "Helsestasjonen i {place}"),
    ("saksbehandler", "Barneverntjenesten"),
    ("psykolog", "BUP"),
    ("fastlege", "{place} legesenter"),
    ("veileder", "NAV {place}"),
    ("fysioterapeut", "Habiliteringstjenesten"),
    ("miljøterapeut", "Avlastningen i {place}"),
    ("spesialpedagog", "{place} skole"),
)
VOICES = (
    "{first} forteller at friminuttene er bedre nå, men at matte fortsatt er vanskelig.",
    "{first} sier at det er fint å ha en fast voksen å gå til.",
    "{first} liker gymtimene og vil gjerne begynne på fotball igjen.",
    "{first} synes det er slitsomt med mange beskjeder på en gang.",
    "{first} har fått en ny venn i klassen og gleder seg til turdagen.",
    "{first} vil helst ikke snakke om skolen i dag, men sier at leksene går greit.",
    "{first} forteller at det er vanskelig å sove om kvelden.",
    "{first} er fornøyd med at det har blitt roligere hjemme.",
)
WORKED = (
    "Skolen: fast voksen i friminuttene har gitt roligere dager.",
    "PPT: kartleggingen er ferdig og rapporten er sendt foresatte.",
    "Foresatte: morgenrutinen med bildeplan fungerer godt.",
    "Helsestasjonen: faste samtaler annenhver uke er i gang.",
    "Avlastningen fungerer godt, og {first} trives der.",
    "Lesekurset har kommet i gang, og {first} leser mer hjemme.",
    "Samarbeidet mellom skole og hjem er tettere etter forrige møte.",
    "Kortere skoledager på fredager har gitt mer overskudd.",
)
CHALLENGES = (
    "Lesing og matematikk går sakte. Behov for ny kartlegging hos PPT.",
    "Lange skoledager gjør {first} sliten om ettermiddagen.",
    "Overgangen til ungdomsskolen nærmer seg og må planlegges.",
    "Fravær fra skolen har økt den siste måneden.",
    "Konflikter i friminuttene, særlig på tirsdager.",
    "Søvnen er fortsatt urolig, og morgenene blir vanskelige.",
    "Målene i den individuelle planen bør oppdateres.",
    "Skyss til og fra skolen fungerer ikke som avtalt.",
)
MEASURES = (
    "Kartlegge lese- og regneferdigheter",
    "Fast voksen i friminuttene",
    "Søvnkartlegging med søvndagbok",
    "Tilpasset leseopplegg to ganger i uken",
    "Kortere skoledag på fredager i en prøveperiode",
    "Samtale med helsesykepleier annenhver uke",
    "Bildeplan for morgenrutinen hjemme",
    "Oppdatere den individuelle planen",
    "Søke om avlastning to helger i måneden",
    "Plan for overgangen til ny skole",
    "Ukentlig kontaktbok mellom skole og hjem",
    "Henvisning til BUP for utredning",
    "Avklare skyss med kommunen",
    "Fysioterapi en gang i uken",
    "Sosial ferdighetstrening i liten gruppe",
    "Møte med NAV om støtteordninger",
)
REVIEW_COMMENTS = {
    "done": ("Rapport er sendt foresatte.", "Fungerer godt.", "Avsluttet etter plan.", ""),
    "partly": ("Fungerer tre av fem dager.", "Startet, men sent.", "Må følges opp videre.", ""),
    "not_done": ("Ikke startet på grunn av sykdom.", "Venter på svar fra kommunen.",
                 "Ny start etter ferien.", "Manglet kapasitet i perioden."),
}
THEMES = (
    "Resultat av kartleggingen", "Overgangen til ungdomsskolen", "Evaluering av tiltakene",
    "Oppdatering av individuell plan", "Skolehverdagen", "Søvn og helse", "Fritid og venner",
)
AOB_ITEMS = ("Skyss til skolen", "Sommerferien", "Ny kontaktlærer fra høsten", "Bursdagsfeiring i klassen")
PREVIOUS_COMMENTS = ("Godkjent.", "", "", "Godkjent med en rettelse: fysioterapeuten var til stede.")
EVALUATION_TEXTS = {
    "composition": ("Riktige tjenester er med.", "Fastlegen bør inviteres oftere.",
                    "PPT bør være med når skolen er tema."),
    "atmosphere": ("God tone, og familien sier at de blir hørt.", "Møtene oppleves trygge.",
                   "Noe uro da mange nye deltakere kom samtidig."),
    "effectiveness": ("Møtene holder tiden.", "Saklisten er for lang; færre temaer per møte.",
                      "Tiltakene følges opp fra møte til møte."),
    "challenges": ("Vanskelig å finne møtetider som passer alle.", "Referatet kommer noe sent ut.", ""),
    "tasks": ("Gruppen arbeider etter den individuelle planen.", "Overgangen til ny skole er hovedoppgaven.",
              "Tiltakene er tydelige og har ansvarlige."),
    "responsibility": ("Koordinatoren kaller inn og skriver referat.", "Ansvaret for tiltakene er klart fordelt.",
                       "Foresatte ønsker tydeligere hvem som gjør hva."),
}
REVIEW_STATUSES = ("done",) * 7 + ("partly", "partly", "not_done")
GOALS = ("ja", "delvis", "nei", None)
