"""Word classes the rules are written in.

Each class is a set of surface words (bokmål and nynorsk). At first use every word is
lower-cased, stemmed with the Norwegian Snowball stemmer and folded (æ/ø/å and their
ASCII spellings collapse), so one entry covers its inflected and typed-without-æøå forms.

Classes in HEAD are also matched as the last part of a compound word
("skoleassistenten" -> STAFF, "avlastningsvedtaket" -> DECISION).
"""

from __future__ import annotations


def _w(text: str) -> frozenset[str]:
    return frozenset(text.split())


CLASSES: dict[str, frozenset[str]] = {
    # --- who: services, staff, the group, the child -------------------------------
    "SERVICE": _w(
        "skole skolen skula skule skulen barnehage barnehagen barnehagane sfo aks ppt pp-tjenesten "
        "pp-tenesta bup bupen bupa barnevern barnevernet barnevernstjenesten barnevernstenesta "
        "barnevernstjeneste nav navkontoret helsestasjon helsestasjonen skolehelsetjenesten "
        "skulehelsetenesta habilitering habiliteringen habiliteringa habiliteringstjenesten habu "
        "kommune kommunen kommunane tildelingskontor tildelingskontoret forvaltningskontoret "
        "tjenestekontoret tenestekontoret tjeneste tjenesten tjenestene teneste tenesta tenestene "
        "instans instansen instansene instansane etat etaten etatene avlastningen avlastinga "
        "avlastingsbustaden avlastningsboligen hjemmetjenesten heimetenesta helsetjenesten helse "
        "helsetenesta spesialisthelsetjenesten sykehuset sjukehuset sykehus poliklinikken "
        "fastlege fastlegen legekontoret ledelsen leiinga rektor rektoren psykisk "
        "dps voksenopplæringen skolekontoret oppvekst kontoret systemet fylket "
        "fylkeskommunen helseforetaket staten"
    ),
    "STAFF": _w(
        "assistent assistenten assistentene assistentane lærer læreren lærerne lærar læraren "
        "lærarane kontaktlærer kontaktlæreren kontaktlærar kontaktlæraren spesialpedagog "
        "spesialpedagogen miljøarbeider miljøarbeideren miljøarbeidar miljøterapeut "
        "miljøterapeuten vernepleier vernepleieren vernepleiar fagarbeider fagarbeideren "
        "fagarbeidar avlaster avlasteren avlasterne avlastar avlastaren avlastarane "
        "støttekontakt støttekontakten saksbehandler saksbehandleren saksbehandlar "
        "saksbehandlaren behandler behandleren behandlar behandlaren psykolog psykologen "
        "terapeut terapeuten fysioterapeut fysioterapeuten ergoterapeut ergoterapeuten "
        "pedagog pedagogen styrer styreren styrar styraren inspektør inspektøren personalet "
        "personale ansatte tilsette vikar vikaren vikarene vikarane sykepleier sykepleieren "
        "sjukepleiar helsesykepleier helsesykepleieren helsesjukepleiar lege legen kontaktperson "
        "kontaktpersonen koordinator koordinatoren barnekoordinator barnekoordinatoren "
        "sosionom fagperson fagpersonen ledsager ledsageren medarbeider medarbeiderne "
        "voksne vaksne ansvarlige hjelper hjelperen hjelpere barnevernspedagog "
        "rådgiver rådgiveren sosiallærer helsesøster helsesøstera saksbehandlerne"
    ),
    "YOU": _w("dere dykk dokker dokke"),
    "THEY": _w("de dei"),
    "WE": _w("vi me oss"),
    "GROUP": _w(
        "gruppa gruppen ansvarsgruppa ansvarsgruppen ansvarsgruppe møtet møte ansvarsmøtet "
        "ansvarsgruppemøtet ansvarsgruppemøte nettverksmøtet nettverksgruppa forsamlingen"
    ),
    "CHILD": _w(
        "han hun ho ham henne gutten jenta eleven barnet sønnen dottera datteren sonen guten "
        "ungdommen brukeren bruker vedkommende"
    ),
    "NOW": _w("nå no idag her umiddelbart straks"),
    # --- negation, time, quantity ---------------------------------------------------
    "NEG": _w("ikke ikkje ikkie ikek ikk aldri aldrig sjelden sjeldan knapt nesten-aldri"),
    "NEVER": _w("aldri aldrig sjelden sjeldan"),
    "NOBODY": _w("ingen ingenting ikkjenoko"),
    "MODAL": _w("kan kunne kunn skal skulle må måtte bør burde vil ville får kjem"),
    "ASKMODAL": _w("kan kunne skal bør må går går"),
    "INTENT": _w(
        "vil ville skal tenker tenkjer vurderer planlegger ønsker ønskjer kommer kjem nødt "
        "tenkt må bør burde akter"
    ),
    "BE": _w("er var blir ble vart vert vore vært blitt"),
    "LINK": _w(
        "er var blir ble vart vert vore vært blitt virker verkar virka fremstår framstår "
        "oppleves opplevast framstod fremsto"
    ),
    "PAST": _w("har hadde er ble vart vert blitt"),
    "COP": _w(
        "er var vært vore blir ble vart har har hadde virker verkar virka fremstår framstår "
        "oppleves opplevast framstod fremsto"
    ),
    "ADV": _w(
        "helt heilt veldig svært altfor fryktelig forferdelig skikkelig utrolig "
        "totalt fullstendig slett jo bare berre så egentlig eigentleg ganske "
        "temmelig vel da nok ofte alltid stadig ennå enno enda fortsatt framleis "
        "fremdeles heller heilt også og au faktisk virkelig verkeleg rett nesten igjen "
        "noen gang gonger ganger sikkert visst kanskje"
    ),
    "INTENS": _w(
        "helt heilt veldig svært altfor alt for fryktelig forferdelig skikkelig utrolig "
        "totalt fullstendig rett og slett jo bare berre så egentlig eigentleg ganske "
        "temmelig vel da nok ofte alltid stadig"
    ),
    # --- misnøye ----------------------------------------------------------------------
    "DISSAT": _w(
        "misnøye misnøya misnøgd misnøgde misfornøyd misfornøyde misfornøgd misfornøgde "
        "misnøy utilfreds"
    ),
    "EMOT": _w(
        "skuffet skuffa skuffelse skuffende frustrert frustrerte frustrasjon frustrerende "
        "oppgitt oppgitte irritert irriterte sur sinte sint forbanna forbannet provosert "
        "provosera provoserende lei sjokkert sjokka rystet rysta opprørt fortvilet "
        "fortvila"
    ),
    "STRONGBAD": _w(
        "elendig elendige håpløs håpløse håplaus håplause katastrofal katastrofale "
        "uakseptabel uakseptabelt uakseptable uforsvarlig uforsvarleg uforsvarlige "
        "uprofesjonell uprofesjonelt uprofesjonelle respektløs respektløse respektlaus "
        "inkompetent inkompetente udugelig udugelige ubrukelig ubrukelige ubrukeleg "
        "useriøs useriøst useriøse skammelig skammeleg skandale skandaløst skandaløs "
        "kritikk kritikkverdig kritikkverdige uholdbart uholdbar"
    ),
    "WRONGED": _w(
        "overkjørt overkjørte overkøyrd overkøyrde oversett overset neglisjert neglisjerte "
        "tilsidesatt ignorert ignorerte avvist avviste motarbeidet motarbeida sviktet svikta "
        "lurt lurte trakassert"
    ),
    "DURATION": _w(
        "uker veker uke veke måneder månader måned månad dager dagar år lenge evigheter "
        "evighet halvår halvt"
    ),
    "BADN": _w(
        "rot rotet kaos surr surret slurv slurvet tabbe tabber tabbar feil feilene "
        "svikt mangler manglar"
    ),
    "CONTENT": _w("fornøyd fornøyde fornøgd fornøgde nøgd nøgde tilfreds glad glade"),
    "BADQ": _w(
        "dårlig dårlige dårleg dårlege elendig elendige håpløs håpløse håplaus håplause "
        "katastrofal katastrofale katastrofe uakseptabel uakseptabelt uakseptable "
        "uforsvarlig uforsvarleg uforsvarlige uprofesjonell uprofesjonelt uprofesjonelle "
        "respektløs respektløse respektlaus frekk frekke arrogant arrogante slurvete slurvet "
        "sløv sløve treg trege inkompetent inkompetente udugelig udugelige ubrukelig "
        "ubrukelige ubrukeleg useriøs useriøst useriøse uengasjert uengasjerte likegyldig "
        "likegyldige nedlatende utilgjengelig utilgjengeleg utilgjengelige upålitelig "
        "upåliteleg upålitelige uhøflig uhøflige uhøfleg uhøflege ufordragelig sur sure skammelig skammeleg skandale skandaløst skandaløs "
        "forferdelig forferdeleg forferdelige kritikkverdig kritikkverdige latterlig "
        "latterleg ufin ufint hjelpeløs rotete kaotisk kaotiske ussel fraværende fråverande umotivert umotiverte uinteressert uinteresserte "
        "usynlig usynlege usynlige passiv passive"
    ),
    "DUTY": _w(
        "svare svarer svarar svart svara ringe ringer ringjer ringt ringde følge følger "
        "følgjer fulgt følgde følgt gjøre gjør gjer gjort gjorde møte møter møtt møtte "
        "informere informerer informert melde melder meldt gi gir gitt ga gav sende sender "
        "sendt sendte levere leverer levert lytte lytter lyttar høre hører høyre høyrer "
        "svarte ringte tok ta tar tek holde holder held holdt bry bryr gidde gidder orke "
        "orker dukke dukker dukka dukket oppdatere oppdaterer kontakte kontakter tilbakemelding "
        "lese leser les lest reagere reagerer reagert handle handler handla handlet "
        "tilrettelegge tilrettelegger tilretteleggjer tilrettelagt sagt sa seie si rettet retta "
        "rette fikset fiksa ordnet ordna"
    ),
    "DUTYN": _w(
        "svare svarer svarar svart svara svarte ringe ringer ringjer ringt ringte ringde "
        "følge følger følgjer fulgt følgt informere informerer informert lytte lytter "
        "lyttar høre hører høyrer hørt bry bryr gidde gidder kontakte kontakter kontaktet "
        "reagere reagerer reagert tilbakemelding gir gi gitt gav ga gjeve gjev gje"
    ),
    "SVIKT": _w("svikter sviktet svikta svikt sviktende sviktar"),
    "FORGET": _w(
        "glemmer glemte glemt glømmer gløymer gløymde gløymt glemmes mistet mista mister "
        "rotet rota roter surret surra surrer kludret kludra somlet somla somler"
    ),
    "CANCEL": _w("avlyser avlyste avlyst avlyse avlyst utsetter utsette utsatt flytter flyttar"),
    "FREQ": _w("stadig alltid støtt hele heile tiden tida gang gong igjen siste liten"),
    "UNSURE": _w("usikker usikre utrygg utrygge usikkert"),
    "INCREASE": _w("økes økt øke auka aukast aukar utvides utvida utvidet"),
    "COME": _w("kommer kjem komme kom kome møter dukker"),
    "LATE": _w("sent seint forsinket forseint"),
    "HARSH": _w(
        "kjefter kjeftar kjefta kjeftet skriker skrik roper latterliggjør ydmyker ydmyket "
        "henger truer truet trakasserer overser overså ignorerer ignorerte ignorert neglisjerer "
        "krenker krenket krenka mobber"
    ),
    "SACT": _w(
        "oppfølging oppfølginga oppfølgingen oppfølgjing kommunikasjon kommunikasjonen "
        "informasjon informasjonen informasjonsflyt info saksbehandling saksbehandlinga "
        "saksbehandlingen saksbehandlingstid saksbehandlingstida tilbakemelding "
        "tilbakemeldinger tilbakemeldingar svar svaret svartid respons responsen "
        "behandling behandlinga behandlingen service hjelp hjelpa hjelpen støtte støtten "
        "ivaretakelse kontakt kontakten"
    ),
    "LSACT": _w(
        "oppfølging oppfølginga oppfølgingen oppfølgjing kommunikasjon kommunikasjonen "
        "informasjon informasjonen informasjonsflyt info saksbehandling saksbehandlinga "
        "saksbehandlingen saksbehandlingstid saksbehandlingstida tilbakemelding "
        "tilbakemeldinger tilbakemeldingar svar svaret svartid respons responsen service "
        "ivaretakelse"
    ),
    "LACK": _w(
        "manglende manglande mangelfull mangelfulle null ingen lite lita fraværende "
        "fråverande elendig dårlig dårleg"
    ),
    "HEARD": _w(
        "hørt høyrt høyrd høyrde hørte høyrte sedd sedde sett ivaretatt ivaretekne ivareteken ivaretekne respektert respekterte "
        "møtt trodd forstått alvor"
    ),
    "FEEL": _w("føler føle føl kjenner kjenne opplever opplev oppleve følte opplevde"),
    "CHASE": _w("purret purra purre purrer purring purringer purringar"),
    "LAZY": _w("mobilen telefonen mobil ingenting ingen-ting"),
    "TIRED": _w("lei"),
    # --- klage -----------------------------------------------------------------------
    "COMPLAIN": _w(
        "klage klager klagar klaget klaga klagde klagen klagene klageadgang klages påklage "
        "påklager påklagar anke anker ankar anken"
    ),
    "DECISION": _w(
        "vedtak vedtaket vedtaka vedtakene avgjørelse avgjørelsen avgjerd avgjerda beslutning "
        "beslutningen avslag avslaget avslagene tildeling tildelingen tildelinga "
        "ressursfordeling ressursfordelingen ressursfordelinga fordeling fordelingen "
        "fordelinga tilbud tilbudet tilbod tilbodet tjenestetilbud tjenestetilbudet "
        "tenestetilbod tenestetilbodet timetall timetallet innvilgelse kutt kuttet "
        "reduksjon reduksjonen nedskjæring nedskjæringen nedskjeringa"
    ),
    "REJECT": _w("avslag avslaget avslått avslo avviste avvist avvise avslagene"),
    "CUT": _w(
        "kuttet kutta kutte kutter miste mister mistet mista forsvinne forsvinner forsvinn "
        "forsvann redusert redusere reduserte fjernet fjerna trukket "
        "trekt halvert halvera nedprioritert nedprioritere strøket"
    ),
    "ALLOC": _w(
        "time timer timar timane timene ressurs ressurser ressursar ressursene ressursane "
        "avlastning avlastninga avlastningen avlasting avlastinga assistanse støttekontakt "
        "bpa plass plassen stønad stønaden omsorgsstønad omsorgsstønaden omsorgslønn "
        "hjelpestønad grunnstønad bolig bustad spesialundervisning spesialundervisninga "
        "spesialundervisningen assistent assistenten ekstraressurs lærertetthet "
        "bemanning bemanninga bemanningen midler midlar penger pengar døgn helger "
        "helg tilbud tilbudet tilbod tilbodet"
    ),
    "UNFAIR": _w(
        "urettferdig urettferdige urettferdighet urettvis urettvist urimelig urimeleg "
        "urimelige feil galt gale uforståelig uforståeleg uforståelige ulovlig ulovleg "
        "uakseptabelt uakseptabel uholdbart uholdbar uverdig uverdige skandale skandaløst "
        "latterlig latterleg hårreisende vilkårlig vilkårleg krenkende diskriminering "
        "diskriminerende forskjellsbehandling ufortjent skjev skjevt skjeve skeiv skeivt ujevn ujevnt"
    ),
    "ACCEPT": _w("godtar godta godtek aksepterer akseptere aksepterar finner finn gå"),
    "AGREE": _w("enig enige einig einige samd samde"),
    "FEW": _w("få lite lita nok lavt lågt lav låg små liten smått"),
    "ONLY": _w("bare berre kun"),
    "MORE": _w("mer meir flere fleire større mere"),
    "SHOULD": _w("burde skulle fortjener fortener trenger"),
    "WHY": _w("hvorfor kvifor korfor"),
    "HOW": _w("hvordan korleis koss åssen"),
    "NEUTRALREPORT": _w(
        "sendt sendte sende behandling behandlet behandla behandles statsforvalteren "
        "fylkesmannen klagenemnda trygderetten følge avgjort avvist oversendt registrert "
        "mottatt motteke"
    ),
    # --- opplæring -------------------------------------------------------------------
    "TRAINN": _w(
        "opplæring opplæringa opplæringen veiledning veiledninga veiledningen rettleiing "
        "rettleiinga kurs kurset kursing instruksjon instruksjonen innføring innføringa "
        "kompetanseheving kompetansehevinga skolering skoleringa gjennomgang opplæringsmøte "
        "veiledningsmøte demonstrasjon demonstrasjonen demo"
    ),
    "TRAINV": _w(
        "veilede veileder veiledes veiledet rettleie rettleier rettleiast instruere instruerer "
        "undervise underviser undervises "
        "instrueres kurse kurses kursa kurset lære læres lært lærte"
    ),
    "SHOW": _w(
        "vise viser vis viste forklare forklarer forklar demonstrere demonstrerer "
        "trene trener instruere instruerer"
    ),
    "GO": _w("gå går gjennomgå gjennomgår ta tar"),
    "KNOW": _w("kompetanse kompetansen kunnskap kunnskapen erfaring erfaringen peiling"),
    "LACKV": _w("mangler manglar mangle manglet mangla savner saknar"),
    "NEED": _w(
        "trenger treng trengs behøver behov ønsker ønskjer vil må bør få får skal mangler "
        "manglar sårt savner saknar etterspør etterspør etterlyser ber"
    ),
    "MEASURE": _w(
        "ask pecs tegn tegnspråk sonde sondemat sondemating peg medisin medisinen medisinering "
        "medisineringen medisinane epilepsi epilepsimedisin anfall anfallene anfalla "
        "løfteteknikk løft heis personløfter rullestol cpap insulinpumpe insulin "
        "belønningssystem belønningssystemet tavle tavla tavlen dagtavle dagtavla "
        "dagtavlen skjema skjemaet metode metoden programmet program opplegg opplegget "
        "tiltak tiltaket tiltaka tiltakene rutinen rutine rutinane prosedyre prosedyren "
        "skjermingsplan skjermingsplanen kriseplan kriseplanen atferdsplan atferdsplanen "
        "nettbrett nettbrettet talemaskin talemaskinen hjelpemiddel hjelpemidlet hjelpemidla "
        "hjelpemidlene stomi kateter kateterisering diabetes blodsukker utbrudd utbrot "
        "utbruddene utbrota nedsmeltinger holdeteknikk skjerming sensorisk "
        "dagsplan dagsplanen bildestøtte piktogram"
    ),
    "DOV": _w(
        "bruke bruker brukes gjøre gjøres gi gis håndtere håndterer handtere gjennomføre "
        "gjennomføres følge følges løfte løftes skifte skiftes legge sette settes stelle "
        "mate mates tolke reagere møte roe takle taklar takler stelle stelles stellast "
        "gjennomførast brukast gjevast givast handterast"
    ),
    "SEPARATE": _w(
        "samarbeidsmøte samarbeidsmøtet samarbeidsmøter basismøte basismøtet basismøter "
        "eget egne eige eigne separat separate"
    ),
    # --- uenighet --------------------------------------------------------------------
    "RESP": _w(
        "ansvar ansvaret ansvarleg ansvarlig ansvarsområde ansvarsområdet oppgave oppgaven "
        "oppgåve oppgåva bord bordet jobb jobben regning regningen rekninga område området"
    ),
    "DISAGREE": _w(
        "uenig uenige ueinig ueinige usamd usamde uenighet uenigheten ueinigheit usemje "
        "usemja konflikt konflikten uoverensstemmelse strid strides krangel krangler "
        "krangel uklarhet uklarheter uklarheit"
    ),
    "UNCLEAR": _w("uklart uklar uavklart uavklara usikkert uklare uavklarte forvirring rot uvisst"),
    "WHO": _w("hvem kven hvem-sitt"),
    "POSS": _w("sitt si sin sine sitt sitt"),
    "OUR": _w("vårt vår våre vårt dykkar deres deira"),
    "SAY": _w(
        "sier seier sa mener meiner hevder hevdar påstår mente forteller fortel fortalte "
        "melder meldar meldte opplyser rapporterer skriver skriv"
    ),
    "SHIFT": _w(
        "skyver skyv skyve skyvet dytter dyttar sender kaster kastar kastet kasteball "
        "kasteballen pulverisert fraskriver fraskrive fraskrev"
    ),
    "PAY": _w(
        "betale betaler betalar dekke dekker dekkjer finansiere finansierer kostnaden kostnadene utgiftene"
    ),
    "DIFFER": _w("ulike ulikt ulik forskjellige forskjellig ulike sprikende motstridende"),
    "VIEW": _w(
        "syn oppfatning oppfatninger oppfatningar vurdering vurderinger vurderingar forståelse "
        "meininger meiningar meninger råd rådene anbefalinger tilrådingar signaler signal beskjeder "
        "konklusjoner konklusjonar konklusjon"
    ),
    # --- enkeltvedtak ----------------------------------------------------------------
    "DECIDE": _w(
        "bestemme bestemmer bestem bestemt vedta vedtar vedtek vedtatt avgjøre avgjør "
        "avgjere avgjer avgjort innvilge innvilger innvilgar innvilg innvilget tildele "
        "tildeler tildel tildelar godkjenne godkjenner godkjenn beslutte beslutter fatte "
        "fatter fattar løyve løyver garantere garanterer love lover bekrefte bekrefter "
        "bekreftar stadfeste stadfester"
    ),
    "STRONGDECIDE": _w(
        "vedta vedtar vedtek innvilge innvilger innvilgar innvilg tildele tildeler tildel "
        "tildelar løyve løyver fatte fatter fattar bevilge bevilger bevilg"
    ),
    "GIVE": _w("gi gir gje gjev"),
    "RECEIVE": _w("får fikk fekk gis tildeles innvilges innvilget skal-få"),
    "APPLY": _w("søke søker søkar søkt søknad søknaden søknader søknadene søkjer"),
    "GRANT": _w(
        "time timer timar avlastning avlastninga avlastningen avlasting avlastinga bpa "
        "støttekontakt plass stønad omsorgsstønad omsorgslønn hjelpestønad vedtak "
        "spesialundervisning assistent ekstraressurs ressurs ressurser ressursar "
        "ekstratimer døgn helger helg bolig bustad"
    ),
    "EVENTV": _w("vedtak vedtaket enkeltvedtak enkeltvedtaket"),
    "YES": _w("ja"),
    "AGREEV": _w("avtale avtaler avtalar enes einast"),
    "TODAY": _w("idag dag"),
}

# Matched also as the last part of a compound word.
HEAD: frozenset[str] = frozenset(
    {"SERVICE", "STAFF", "DECISION", "ALLOC", "GRANT", "SACT", "MEASURE", "TRAINN", "RESP"}
)

# A few words whose folded form would collide with another word: the lower-cased
# surface form decides (e.g. "får" receive vs "far" father).
SURFACE: dict[str, frozenset[str]] = {
    "far": frozenset({"FATHER"}),
    "får": frozenset({"RECEIVE", "NEED", "MODAL"}),
    "faar": frozenset({"RECEIVE", "NEED", "MODAL"}),
    "få": frozenset({"FEW", "NEED", "RECEIVE"}),
    "faa": frozenset({"FEW", "NEED", "RECEIVE"}),
    "for": frozenset({"FOR"}),
    "før": frozenset({"BEFORE"}),
    "foer": frozenset({"BEFORE"}),
    "de": frozenset({"THEY", "YOU"}),
    "dei": frozenset({"THEY"}),
    "her": frozenset({"NOW"}),
    "no": frozenset({"NOW"}),
    "nå": frozenset({"NOW"}),
    "naa": frozenset({"NOW"}),
    "vil": frozenset({"INTENT", "MODAL", "NEED"}),
    "mot": frozenset(),
    "men": frozenset(),
    "svar": frozenset({"LSACT"}),
    "svaret": frozenset({"LSACT"}),
    "dere": frozenset({"YOU"}),
    "deres": frozenset({"OUR"}),
    "bor": frozenset(),
    "bør": frozenset({"MODAL", "INTENT", "NEED", "ASKMODAL"}),
    "boer": frozenset({"MODAL", "INTENT", "NEED", "ASKMODAL"}),
    "klaget": frozenset({"COMPLAIN", "COMPLAINPAST"}),
    "klaga": frozenset({"COMPLAIN", "COMPLAINPAST"}),
    "klagde": frozenset({"COMPLAIN", "COMPLAINPAST"}),
    "klagd": frozenset({"COMPLAIN", "COMPLAINPAST"}),
    "bestemt": frozenset({"DECIDE", "DECIDEPAST"}),
    "bestemte": frozenset({"DECIDE", "DECIDEPAST"}),
    "vedtatt": frozenset({"DECIDE", "DECIDEPAST"}),
    "vedtok": frozenset({"DECIDE", "DECIDEPAST"}),
    "vedtekne": frozenset({"DECIDE", "DECIDEPAST"}),
    "avgjort": frozenset({"DECIDE", "DECIDEPAST"}),
    "avgjorde": frozenset({"DECIDE", "DECIDEPAST"}),
    "innvilget": frozenset({"DECIDE", "DECIDEPAST", "RECEIVE"}),
    "innvilga": frozenset({"DECIDE", "DECIDEPAST", "RECEIVE"}),
    "tildelt": frozenset({"DECIDE", "DECIDEPAST", "RECEIVE"}),
    "godkjent": frozenset({"DECIDE", "DECIDEPAST"}),
    "fattet": frozenset({"DECIDE", "DECIDEPAST"}),
    "fatta": frozenset({"DECIDE", "DECIDEPAST"}),
}
