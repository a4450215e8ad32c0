"""The rules, written in a small pattern language over word classes.

A pattern is a sequence of items separated by blanks:

* ``CLASS`` — a word of that class (see ``lexicon.py``); ``A|B|=ord`` — any of them;
  ``=ord`` — that word in any inflection (compared by stemmed, folded key);
  ``.`` — any word. ``X^Y|Z`` — class X but not class Y, or class Z.
* ``X?`` — optional item.
* ``_N`` — up to N words in between, within the clause (no comma, no sentence end);
  ``~N`` — up to N words, commas allowed, within the sentence. ``_N!A,B`` — the same,
  but none of the words in between is of class A or B.
* ``!X`` — the next word is not X (nothing consumed).
* ``( a b / c d )`` — either sequence.

Rules are grouped by category. VETOES hold patterns that cancel a hit: ``over:`` when
the veto overlaps the hit, ``sent:`` anywhere in the same sentence.

The rules describe patterns of meaning — who is evaluated, who is asked to decide,
who is said to be responsible — not memorised sentences.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Who a complaint or evaluation can be about: services, staff, "dere", "de".
SUBJ = "SERVICE|STAFF|YOU|THEY"
# Who could be asked to decide in the meeting.
GRP = "WE|YOU|GROUP"
DEC_OBJ = "DECISION|REJECT|CUT"
# ... that someone receives an allocation: "at han får 20 timer", "at avlastningen økes"
GOT = "( RECEIVE _3 NUM? GRANT / GRANT _2 INCREASE )"

RULES: dict[str, list[str]] = {
    "misnoye": [
        # explicit dissatisfaction
        "DISSAT",
        "EMOT _2 =over|=på|=med|=av|=når _5 SERVICE|STAFF|LSACT|YOU|THEY",
        f"NEG ADV? CONTENT ~6 {SUBJ}|LSACT|=jobben|=arbeidet|=måten",
        f"{SUBJ}|LSACT ~4 COP COP? ADV? NEG ADV? CONTENT",
        # a service/staff member evaluated negatively
        f"{SUBJ} ADV? =har|=hadde? LINK ADV? ADV? ADV? BADQ",
        f"{SUBJ} _4 =og COP ADV? ADV? BADQ",
        f"{SUBJ} _4 =og ADV? HARSH",
        f"{SUBJ} ADV? COP ADV? =umulig|=vanskelig|=vanskeleg _2 =få|=nå _1 =tak|=kontakt",
        f"{SUBJ} ~4 NEG _2 =på =alvor",
        "LSACT _4 =har|=hadde? LINK ADV? ADV? BADQ",
        "BADQ|LACK ADV? LSACT",
        "LACK _1 =hjelp|=støtte|=kontakt|=oppfølging _1 =fra|=frå|=av _2 SERVICE|STAFF|YOU|THEY",
        f"{SUBJ}|LSACT _3 COP ADV? NEG ADV? =god|=godt|=bra|=gode _1 =nok",
        # failing duties: never answers, never comes on time, nobody does anything
        f"{SUBJ} ADV? =har? ADV? NEVER ADV? DUTY|COME|=dukket|=dukka",
        f"{SUBJ} DUTY|COME|=dukker ADV? NEVER",
        f"{SUBJ} ADV? =har? ADV? NEG ADV? DUTYN",
        f"{SUBJ} DUTYN ADV? NEG",
        f"{SUBJ} COME ADV? ADV? =for? LATE",
        f"{SUBJ} ADV? =har? ADV? NEG _1 =møtt|=møter|=dukket _1 =opp",
        f"{SUBJ} ADV? =gjør|=gjer|=gjort ADV? =ingenting|=ingen|=ikkje|=ikke _1 =noe|=noko|=ting",
        f"{SUBJ} ADV? =gjør|=gjer|=gjort|=gjorde ADV? =ingenting",
        "=ringt|=sendt|=mast|=purret|=sagt|=spurt|=mailet|=skrevet|=skrive|=ringe ~5 =mange|=flere|=fleire|=utallige|NUM =ganger|=gonger|=gongar",
        f"{SUBJ} ~3 NEG ~3 =vare =på",
        f"NEG ~4 {SUBJ} ~4 =vare =på",
        f"NEG ~4 {SUBJ} ~4 =godt|=god|=bra =nok",
        "NEG ADV? =interessert|=interessa|=opptatt _2 =å =hjelpe|=hjelpa =oss|=meg|=familien|=mor|=far",
        f"{SUBJ} _2 =skyver|=skyv|=skubber|=skubbar|=avviser|=avviste|=dytter|=dyttar =oss|=meg|=ham|=han|=henne|=ho",
        "=fra|=frå =den =ene =til =den =andre",
        f"=mistet|=mista|=miste|=ingen|=lite|NEG _1 =tillit|=tilliten|=tiltro _2 =til _2 {SUBJ}",
        f"{SUBJ} ADV? =snakker|=snakkar|=prater|=pratar|=snakket|=snakka ADV? =stygt|=nedsettende|=nedlatende|=nedlatande",
        f"{SUBJ} _2 =bruker|=brukar|=tar|=tek|=brukte ADV? =altfor|=for|FOR|=så =lang|=lange =tid",
        f"{SUBJ} _1 NEG ADV? =har? ADV? DUTYN|=snakket|=snakka|=vært|=vore ~4 =siden|=sidan",
        f"{SUBJ} BE NEVER =til =stede|=stades|=tilgjengelig|=tilgjengeleg",
        f"{SUBJ} BE NEVER =å =få =tak|=nå",
        "=uten|=utan =at =noe|=noko _2 =skjer|=skjedd|=skjer|=skjedde|=skjedd",
        "LSACT _3 COP _2 =lang|=treig|=treg|=sein|=sen",
        "=ventetid|=ventetida|=ventetiden|=ventelista|=ventelisten ~4 BADQ|UNFAIR|=altfor|=urimelig|=urimeleg",
        "=alltid|=stadig|=hele|=heile ~3 =mase|=masa|=purre|=etterlyse|=kjempe|=slåss",
        "NOBODY =fra|=frå|=på|=i _2 =har? ADV? DUTY",
        "NOBODY =som ADV? DUTY",
        "NEG ADV? =fått|=fekk ~4 =lovet|=lova|=lovt|=lovd",
        f"{SUBJ} =møter|=møtte|=dukker|=dukkar NEG =opp",
        f"{SUBJ} ~3 =uten|=utan =å =si|=seie|=gi|=gje =fra|=ifra|=frå|=beskjed",
        f"{SUBJ} _2 =skjerpe|=skjerpa|=skjerper =seg",
        f"{SUBJ} _2 NEG ADV? =peiling|=greie|=kontroll",
        f"{SUBJ} ~8!CHILD,SAY STRONGBAD",
        # a service or staff member failing a duty, in several word orders
        f"{SUBJ} _3!CHILD,SAY NEG|NEVER _2 DUTYN|COME|=hjelpe|=hjelpa|=hjulpet|=hjelpt|=kommet|=kome",
        f"{SUBJ} ~2!CHILD NEG ADV? =gjort|=gjør|=gjer|=gjorde ADV? =nok|=noe|=noko|=jobben|=det",
        f"NEG ~4 {SUBJ} _2 =gjort|=gjør|=gjer|=gjorde ADV? =nok|=noe|=noko|=jobben",
        f"NEG ADV? =fulgt|=følgd|=følgt|=hjulpet|=hjelpt|=kontaktet|=informert|=sett|HEARD _1 =opp? _1 =av|=fra|=frå _2 {SUBJ}",
        "RECEIVE|=fått|=fekk NEVER ADV? =svar|=tilbakemelding|=respons|=hjelp|=hjelpa",
        f"=tok|=tar|=tek|=gikk|=gjekk _3 DURATION ~2 BEFORE ~5 {SUBJ}|=noen|=nokon ~3 DUTY|COME",
        f"{SUBJ} _2 =passer|=passar NEG ADV? =til|=for =jobben|=jobb|=arbeidet|=oppgaven|=oppgåva",
        f"{SUBJ} _3 NEG ADV? =egnet|=egna|=skikket|=skikka|=kvalifisert|=kvalifiserte",
        "STAFF _3 =på =mobilen|=telefonen|=mobil|=telefon ~3 FREQ",
        f"WRONGED _2 =av|=fra|=frå _2 {SUBJ}",
        "FEEL _3 WRONGED",
        "NEG ADV? =vært|=vore =å =se|=sjå",
        "NOBODY _1 =fått|=fekk =beskjed|=informasjon|=info",
        f"{SUBJ} _2 =uteblitt|=uteble|=uteblir|=uteblei",
        "NEG ~10 =tredje|=fjerde|=femte|=sjette =gang|=gangen|=gong|=gongen",
        f"{SUBJ} ~3 NEG ~8 =fristen|=frist|=fristene _2 =gikk|=gjekk|=er|=var =ut|=passert|=overskredet|=overskriden",
        f"{SUBJ} _1 NEG ADV? _1 =oss|=meg|=familien|=foreldrene",
        f"{SUBJ} _1 =oss|=meg|=familien|=foreldrene ADV? NEG",
        f"=savner|=saknar|=etterlyser|=etterlyst _2 LSACT|=kontakt|=hjelp|=støtte _2 =fra|=frå _1 {SUBJ}",
        f"=ønske|=ønsker|=ynskje|=ønskt _2 =at _1 {SUBJ} _3 MORE|=bedre|=betre|=oftere|=oftare",
        f"{SUBJ} ~4 NEG ADV? GIVE|=gitt|=gjeve|=gav|=ga _1 =oss|=meg|=mor|=far? =beskjed|=informasjon|=tilbakemelding|=svar",
        f"{SUBJ} _5 =og ADV? DUTYN =seg? NEG",
        f"BADN _2 =fra|=frå|=hos _1 {SUBJ}",
        f"{SUBJ} ~3 NEG ADV? =tatt|=teke|=tar|=tek =tak",
        f"{SUBJ} _2 LINK ADV? =lite|=lita =engasjert|=engasjerte|=interessert|=tilgjengelig|=tilgjengeleg|=involvert|=motivert",
        f"{SUBJ} COME ~2 =når =de|=dei|=hun|=ho =vil|=gidder|=orker|=sjølv|=selv",
        f"NEG ADV? =greit|=ok|=akseptabelt|=bra ~2 =at ~2 {SUBJ}",
        "NEG ADV? =overholdt|=overhalde|=holdt|=halde|=haldt|=fulgt|=følgt _1 =fristen|=frist|=fristane|=fristene|=avtalen|=avtala|=avtaler|=avtalane|=avtalene|=planen",
        "=brutt|=brote|=bryter|=bryt =avtalen|=avtala|=løftet|=avtaler|=avtalene",
        f"{SUBJ} =har? =lovet|=lova|=lovte|=lovde ~10 NEG ADV? =sett|=fått|=hørt|=høyrt|=kommet|=kome|=skjedd",
        f"{SUBJ} _2 NEG ADV? =kommet|=kome|=vært|=vore|=dukket|=ringt ~3 =på|=siden|=sidan|=i NUM? DURATION",
        f"STRONGBAD ~8!CHILD,SAY {SUBJ}",
        "WE|=jeg|=eg|=mor|=far|=foreldrene _2 NEG ADV? ADV? CONTENT",
        f"WE|=jeg|=eg|=mor|=far|=foreldrene _2 LINK ADV? ADV? EMOT|DISSAT ~8!CHILD {SUBJ}",
        "NOBODY ADV? =har? ADV? DUTY|=tar|=tek|=tatt|=gjør|=gjer",
        "=skjer|=skjedd|=skjer ADV? =ingenting|=ingen|=ikkje|=ikke ADV? =noe|=noko? _2 =med|=i _1 =saken|=saka",
        # harsh or careless treatment by staff
        f"{SUBJ} ADV? ADV? HARSH",
        f"{SUBJ} ADV? ADV? =har? ADV? FORGET",
        f"{SUBJ} ADV? =sitter|=sit ADV? ADV? =på =mobilen|=telefonen|=mobil",
        "SVIKT",
        f"{SUBJ} _2!CHILD,SAY,BE NEVER !BE|=sett|=hatt|=opplevd|=møtt|=likt|=sett|=kjent|=fått|=fekk",
        f"{SUBJ} _1 =sier|=seier|=gir|=gjev NEVER _1 =fra|=ifra|=frå|=beskjed",
        f"{SUBJ} _4!CHILD,SAY BADQ ( =på|=til|=med|=mot|=og|=men|=overfor|=i / !. )",
        "NEG _2 =jobben|=jobb|=arbeidet|=oppgaven|=oppgåva =sin|=sitt|=si|=deres|=dykkar",
        "=uten|=utan =at =noe|=noko|=nokon|=noen =skjer|=skjedd|=skjer|=skjedde|=gjør|=gjer",
        "=ingenting =skjer|=skjedd|=skjer|=skjedde",
        f"{SUBJ} _2 =driter|=dritar|=blanke|=blaffen|=faen|=pokker",
        f"{SUBJ} _2!CHILD =jobber|=jobbar|=arbeider|=motarbeider|=motarbeidar|=motarbeidet =mot? =oss|=familien|=ham|=han|=mor|=far",
        f"{SUBJ} =har|=hadde? ADV? =gitt|=gjeve|=gir|=gjev =opp _1 =ham|=han|=henne|=ho|=oss|=saken|=saka",
        f"{SUBJ} ~8!SAY,CHILD NEG ADV? =holdbart|=holdbar|=akseptabelt|=greit|=ok",
        f"{SUBJ} _3!CHILD =uholdbart|=uholdbar|=kritikkverdig|=kritikkverdige",
        f"BADQ|UNFAIR|=kritikkverdig _2 HOW _1 {SUBJ}",
        f"{SUBJ} _2 NEG _2 =tid =til",
        "NEG _3 =lytte|=lytter|=lyttar|=høre|=hører|=høyre|=høyrer =på =oss|=meg|=mor|=far|=foreldrene",
        f"{SUBJ} _1 COME|=kom ~4 =for|FOR|=altfor LATE",
        f"{SUBJ} ADV? =har? NEG ADV? =gjort|=gjør|=gjer|=gjorde =noe|=noko|=noen|=nokon|=jobben",
        f"{SUBJ} ~6 NEG ~6 =lovet|=lova|=lovte|=lovde|=lovt|=lovar|=lover",
        f"{SUBJ} ~3 NEG ~4 =som =avtalt|=lovet|=lova",
        f"{SUBJ} _2 NEG ADV? =vært|=vore|=kommet|=kome|=dukket _1 =innom|=her|=hjemme|=heime|=hit",
        f"NEG _1 =sett|=hørt|=høyrt =noe|=noko|=snurten =til _2 {SUBJ}",
        "=umulig|=umogleg|=vanskelig|=vanskeleg _3 =få|=nå _1 =svar|=tak|=kontakt",
        "=uten|=utan =å =få|=høre|=høyre =svar|=noe|=noko|=tilbakemelding|=respons",
        f"{SUBJ} _1 =behandler|=behandlar|=behandlet|=behandla _2 =som|BADQ",
        f"{SUBJ} COP ADV? ADV? =det? =verste|=verst",
        f"COP {SUBJ} =det? =verste|=verst",
        "=når|=som =det =passer|=passar =dem|=dei|=seg",
        "NEG ADV? =tatt|=tekne|=teken|=teke _1 =på =alvor",
        "=blir|=blitt|=bli|=vert|=vorte NEG ADV? HEARD",
        "=for|FOR BADQ|=dårleg =at",
        f"{SUBJ} ADV? CANCEL ~4 FREQ",
        f"{SUBJ} FREQ FREQ? CANCEL",
        # not heard, not taken seriously
        "FEEL _3 NEG ADV? ( =blitt|=blir|=bli _1 / ) HEARD",
        f"NEG ADV? =blitt|=blir? HEARD ~1 =av|=på _2 {SUBJ}",
        f"=stoler|=stole|=stolar NEG _1 =på _2 {SUBJ}",
        "NEG _1 =til =å =stole",
        # chasing services
        "CHASE",
        f"WE|=jeg|=eg|=mor|=far|=foreldrene _3 =mase|=mast|=masa|=maset|=masar|=maser _2 =på _2 {SUBJ}",
        f"=etterlyst|=etterlyse|=etterlyser _3 =fra|=frå _2 {SUBJ} _4 =lenge|=måneder|=månader|=uker|=veker|=månedsvis|=gang",
        f"NEG _2 =fått|=høyrt|=hørt _2 =svar|=noe|=noko|=tilbakemelding|=ord|=pip|=lyd _2 =fra|=frå _2 {SUBJ}",
        f"=lei _2 =av _4 =vente|=mase|=purre|=masa|=venta|{SUBJ}",
        # complaining about a person or service (not a decision)
        "COMPLAIN =på|=over =den? STAFF|SERVICE|YOU",
    ],
    "klage": [
        # the wish to complain
        "INTENT _3 COMPLAIN",
        "HOW _3 COMPLAIN",
        "=klagerett|=klageadgang|=klagefrist ~3 =bruke|=benytte|=nytte",
        f"WE|=jeg|=eg|=mor|=far|=foreldrene ADV? COMPLAIN^COMPLAINPAST ~4 {DEC_OBJ}|ALLOC",
        # objection to a decision or an allocation
        f"UNFAIR ~6 {DEC_OBJ}|ALLOC",
        f"{DEC_OBJ}|ALLOC ~6 UNFAIR",
        f"{DEC_OBJ} COP ADV? ADV? =feil|=gale|=galt",
        "=feil|=gale =vedtak|=avgjørelse|=avgjerd|=tildeling",
        f"ACCEPT NEG _2 {DEC_OBJ}|ALLOC",
        f"NEG ADV? ACCEPT _2 {DEC_OBJ}|ALLOC",
        f"NEG _3 ACCEPT ~5 {DEC_OBJ}",
        "NEG ADV? =riktig|=rett|=greit|=ok|=akseptabelt|=rettferdig|=rimelig ~6 =mindre|=færre",
        "UNFAIR ~6 =mindre|=færre",
        "DECISION _2 MODAL ADV? =endres|=endrast|=omgjøres|=omgjerast|=trekkes|=oppheves|=endre",
        "DECISION _2 MODAL ADV? =gjøres|=gjerast =om",
        "HOW|WHY ~8 ALLOC _4 COP ADV? =nok|=tilstrekkelig|=tilstrekkeleg",
        "=bestemt|=bestemte|=valgt|=valt _2 =å COMPLAIN",
        f"{DEC_OBJ} _3 COP ADV? ADV? =for|FOR|=altfor BADQ|UNFAIR",
        "WHY _6 =tatt|=teke|=teken =bort|=vekk|=fra|=frå",
        "REJECT|=avslag ~3 =hver|=kvar =gang|=gong",
        "=nok =et|=eit|=ett =avslag",
        f"{DEC_OBJ} ~4 =strid|=ulovlig|=ulovleg|=lovstridig",
        "NEG ADV? =nok =med _2 NUM? ALLOC",
        "NEG ADV? =fått|=fekk ~5 =krav|=rett =på",
        "=for|FOR|=altfor FEW _1 =hjelp|=hjelpa|=støtte|=oppfølging|=tilbud|=tilbod",
        "( DISAGREE / NEG ADV? AGREE ) _1 =i _1 SERVICE? =vurdering|=vurderinga|=vurderingen ~3 =behov|=behovet|=behova|=behovene",
        "RECEIVE _1 =andre _2 MORE _2 ALLOC",
        "MORE _2 ALLOC _3 =enn =oss|=ham|=han|=henne|=ho|=meg",
        "=finn|=finner =oss NEG =i",
        f"NEG ADV? AGREE _1 =i|=med ~6 {DEC_OBJ}",
        f"DISAGREE _1 =i|=med _2 {DEC_OBJ}",
        f"NEG ADV? CONTENT _1 =med _2 {DEC_OBJ}",
        f"DISSAT|EMOT _2 =over|=med|=på ~5 {DEC_OBJ}",
        # too little, cut, refused
        "ALLOC|DECISION _3 COP _2 =for|FOR|=altfor FEW",
        "=altfor|=for|FOR FEW NUM? ALLOC|DECISION",
        "NEG ADV? =nok ALLOC",
        "ALLOC _3 =holder|=held|=strekker|=rekker NEG",
        "=burde|=skulle ADV? =ha|=hatt? _1 =fått|=hatt ADV? _2 MORE|NUM ALLOC",
        "=burde|=skulle ADV? =ha? _1 =fått|=hatt _2 ALLOC",
        "=fortjener|=fortener _2 MORE? ALLOC",
        "=burde|=skulle _1 =ha? GIVE|=gitt|=gjeve|=fått|=hatt ~4 MORE ~3 ALLOC|NUM",
        "DECISION|REJECT _1 =vurdert|=behandlet|=behandla|=prøvd|=omgjort|=revurdert _2 =på|=om =nytt|=igjen",
        "DECISION|REJECT _1 =revurdert|=omgjort|=endret|=endra",
        "=revurdere|=omgjøre|=omgjere _2 DECISION|REJECT",
        "WHY _6 =satt|=sett|=skrudd|=skåret =ned",
        "WHY _6 CUT|REJECT|=avslag|=kutt",
        "WHY _4 =bare|=berre|=kun NUM? ALLOC",
        "CUT|REJECT _6 =uten|=utan _2 =begrunnelse|=grunn|=grunngjeving|=forklaring",
        "CUT ~6 NEG _1 =greit|=ok|=akseptabelt|=riktig|=rett",
        "NEG ADV? =greit|=ok|=akseptabelt|=riktig ~6 CUT|REJECT",
        "=andre _4 RECEIVE|=har _3 MORE|NUM _2 ALLOC",
        "=krav|=rett =på _2 MORE",
        f"NEG _2 =forstå|=skjønne|=forstår|=skjønner ~6 {DEC_OBJ}",
        f"{DEC_OBJ} ~4 NEG _2 =til =å =forstå|=skjønne",
        "GIVE|RECEIVE|=ga|=gav|=fikk|=fekk|=gitt ONLY _2 =halvparten|=brøkdel|=del|NUM? ALLOC|=halvparten|=brøkdel",
        "=feil|=galt|=gale|=urimelig|=urimeleg =at ~6 CUT|REJECT",
        f"{DEC_OBJ} ~4 NEG ~3 =hensyn|=omsyn|=tråd|=samsvar|=samsvarer|=samsvarar|=dekker|=dekkjer|=holder|=held|=stemmer|=svarer|=svarar",
        "DISAGREE _1 =i =at ~6 ALLOC|GRANT|CUT|REJECT|=innvilget|=innvilga",
        "=for|FOR|=altfor FEW ~1 =med _2 NUM? ALLOC|NUM",
        "INTENT ~8 =statsforvalteren|=statsforvaltaren|=fylkesmannen|=sivilombudet|=trygderetten|=advokat",
        "INTENT _3 =gå|=ta =videre _3 =saken|=saka|=dette|=vedtaket",
        "=holder|=held|=holde NEG ADV? =med _3 ALLOC|NUM",
        "SERVICE _2 =spare|=sparer|=sparar|=sparte|=spart",
        f"NEG ADV? =rettferdig|=rettvis|=rettvist|=rimelig|=rimeleg ~6 {DEC_OBJ}|ALLOC",
    ],
    "opplaering": [
        "STAFF|YOU|THEY|WE|SERVICE|=jeg|=eg _3 NEED _2 MORE? ADV? TRAINN",
        "TRAINN _1 =av|=for|=til|=på|=med _2 STAFF|YOU|THEY",
        "TRAINN _2 =i|=på|=om _4 MEASURE",
        "=lære|=læres|=lært|=lærte|=lærast|=læra _1 =opp",
        "NEG _1 =opplært|=kurset|=skolert",
        "=opplært _2 =i|=på",
        "MODAL _3 TRAINV _3 STAFF|YOU|THEY|=oss|=meg|=personalet|=avlasterne",
        "STAFF _3 MODAL _1 =veiledes|=instrueres|=kurses|=rettleiast",
        "SHOW _3 HOW _3 MODAL _1 DOV",
        "GO =gjennom HOW _1 STAFF|YOU|THEY _1 MODAL _1 DOV",
        "GO =gjennom HOW _1 MEASURE|STAFF _1 MODAL? DOV",
        "SHOW _2 STAFF|YOU|WE|=oss|=meg HOW _3 DOV",
        "=lære|=lærer|=læra ADV? HOW _2 WE|STAFF|YOU|THEY|=man _1 MODAL _1 DOV",
        "STAFF|YOU|THEY|WE|SERVICE _3 LACKV|NEG _2 MORE? KNOW",
        "STAFF|THEY|SERVICE _3 NEED _2 MORE KNOW",
        "STAFF|THEY|SERVICE ADV? =kan|=veit|=vet ADV? =ingenting|=lite|=lita|=null|=svært|=ikke|=ikkje =om|=noe|=noko",
        "STAFF|THEY|SERVICE ADV? =vet|=veit|=kan NEG ADV? HOW _3 MODAL _1 DOV",
        "HOW _1 MODAL STAFF ADV? ADV? DOV",
        "HOW _1 STAFF MODAL ADV? ADV? DOV",
        "NEG ADV? =lært|=lærd|=lærte _2 HOW",
        "MODAL _3 TRAINV _3 SERVICE",
        "SHOW|TRAINN _4 HOW _3 MODAL _1 DOV",
        "STAFF|THEY _2 MODAL ADV? =øve|=trene|=øva _2 =på _3 MEASURE|DOV",
        "STAFF|THEY _3 UNSURE _2 HOW",
        "STAFF|THEY|SERVICE _3 NEED _4 HOW _3 MODAL _1 DOV",
        "NEED|=ønsker ~4 TRAINV _2 STAFF|SERVICE",
        "=øve|=øva|=trene ~4 STAFF ~3 MEASURE",
        "=lære|=læra|=lærer STAFF",
        "STAFF|THEY|SERVICE _3 NEG ADV? =fått|=fekk|=hatt ADV? MORE? TRAINN",
        "TRAINN _4 =for =oss|=meg|=personalet|STAFF",
        "STAFF|THEY|SERVICE _3 NEED _3 =lære|=læra|=lærast !CHILD",
        "=bli|=verte =flinkere|=flinkare|=bedre|=betre =på|=i|=til _3 MEASURE",
    ],
    "uenighet": [
        "SAY _4 SERVICE|STAFF _1 POSS? RESP|=sak|=saka|=saken",
        "SAY _4 SERVICE _2 MODAL _1 PAY|=ta|=ordne",
        "NEG ADV? SERVICE|OUR|=mitt|=min _1 POSS? RESP",
        "NEG _1 OUR|=mitt",
        "=hører|=høyrer|=høre|=ligger|=ligg NEG ADV? =inn? =under|=hos|=til _2 WE|SERVICE|=oss",
        "UNCLEAR _3 WHO|RESP|PAY",
        "NEG ADV? =avklart|=avklara|=klart _3 WHO _4 RESP|MODAL|PAY|=gjør|=gjer",
        "=hull|=glipp|=sprekk _3 =mellom _2 SERVICE",
        "SERVICE _2 NEG ADV? =ta|=tar|=tek|=ha|=påta _1 =seg? RESP",
        "RESP _3 COP ADV? UNCLEAR",
        "RESP _4 COP ADV? NEG ADV? =plassert|=avklart|=avklara|=fordelt|=klart|=plassert",
        "NOBODY _1 =vet|=veit _1 WHO",
        "NOBODY _2 =vil|=tar|=tek|=ta|=har _1 RESP",
        "NOBODY =av SERVICE",
        "SERVICE _2 =avviser|=avviste|=nekter|=nektar|=benekter|=bestrider ~5 RESP",
        "SERVICE|STAFF _4 =og _2 SERVICE|STAFF ~4 COP? ADV? DISAGREE",
        "SERVICE|STAFF _4 =og _2 SERVICE|STAFF ~4 COP? ADV? NEG ADV? =blitt|=vorte|=vore|=vært? AGREE",
        "NEG ADV? =blitt|=vorte? AGREE =om _2 WHO",
        "SERVICE =viser|=peker|=peikar|=henviser|=sender|=skyver _1 =til|=på|=videre _1 SERVICE ~4 SERVICE =viser|=peker|=peikar|=henviser|=sender|=skyver",
        "DISAGREE _3 =mellom _4 SERVICE|STAFF",
        "DISAGREE _1 =med _2 SERVICE",
        "NEG ADV? AGREE _1 =med _2 SERVICE",
        "SERVICE ~8 DIFFER _1 VIEW",
        "DIFFER _1 VIEW ~8 SERVICE",
        "SHIFT _3 RESP|=ballen|=saken|=saka",
        "=kasteball|=kasteballen",
        "=mellom =to =stoler|=stolar",
        "=fram|=frem =og =tilbake _3 =mellom",
        "WHO _2 MODAL _1 PAY",
        "WHO _2 PAY _3 =for",
        "RESP|WHO|PAY ~6 SERVICE =eller SERVICE",
        "SERVICE =eller SERVICE ~6 RESP|WHO|PAY",
        "SAY _4 COP ADV? =et|=ein|=en? RESP",
        "SAY =det? COP? SERVICE ~4 SERVICE SAY",
        "SERVICE SAY ~7 SERVICE SAY _3 SERVICE",
        "NEG ADV? =enighet|=semje|=einigheit|=enigheit _1 =mellom",
        "SAY _4 =den =andre|=hverandre|=kvarandre",
        "=skylder|=skuldar|=peker|=peikar _2 =på =hverandre|=kvarandre",
        "=gråsone|=gråsona|=gråsonen|=gråsoner",
        "NOBODY _3 =eie|=eige",
        "WHO _3 MODAL _2 PAY|=regningen|=rekninga|=kostnaden|=kostnadene",
        "SERVICE _2 NEG _1 =ta|=tar|=tek =saken|=saka",
        "SERVICE SAY _3 SERVICE|STAFF =som MODAL",
        "NOBODY _3 RESP",
        "=det MODAL SERVICE =ta|=tek|=ordne|=fikse|=dekke|PAY",
        "=hver|=kvar =sin|=si|=sitt =retning|=kant",
        "UNCLEAR ~6 =hører|=høyrer|=ligger|=ligg|=tilhører _2 SERVICE",
    ],
    "enkeltvedtak": [
        # the group asked to decide, grant or promise something only a service can decide
        f"MODAL NEG? {GRP} _4!SAY,CHILD DECIDE^DECIDEPAST|AGREEV ~5 {GOT}",
        f"MODAL NEG? {GRP} _4!SAY,CHILD GIVE _3 NUM? GRANT",
        f"MODAL NEG? {GRP} _4!SAY,CHILD DECIDE^DECIDEPAST =den? APPLY",
        f"MODAL NEG? {GRP} _4!SAY,CHILD STRONGDECIDE^DECIDEPAST",
        f"{GRP} _3 MODAL ADV? ADV? ADV? DECIDE^DECIDEPAST|AGREEV ~5 {GOT}",
        f"{GRP} _3 MODAL ADV? ADV? ADV? STRONGDECIDE^DECIDEPAST",
        f"{GRP} MODAL =vel|=bare|=berre|=ikke|=ikkje ADV? GIVE _3 NUM? GRANT",
        f"{GRP} ADV|NOW? DECIDE^DECIDEPAST|AGREEV ~5 {GOT}",
        f"{GRP} ADV|NOW? STRONGDECIDE^DECIDEPAST",
        f"{GRP} ADV? DECIDE^DECIDEPAST =den? APPLY",
        f"MODAL NEG? {GRP} _3 =skrive|=lage|=gjøre|=gjere|=sette|=ordne|=fikse ~4 EVENTV",
        f"MODAL NEG? {GRP} NEG? ADV? ADV? =sørge|=sørgje|=ordne|=fikse =for? =at ~3 {GOT}",
        "YES _3 =på|=til _2 GRANT",
        "=ber|=be|=spør|=oppfordrer GROUP|YOU _3 STRONGDECIDE|DECIDE|=gjøre|=gjere|=gjer ~4 EVENTV|GRANT",
        f"MODAL NEG? {GRP} _2 AGREE _2 =å GIVE _3 MORE|NUM? GRANT",
        f"{GRP} _1 MODAL? ADV? ADV? =sette|=skrive|=føre _3 NUM _2 GRANT",
        f"MODAL NEG? {GRP} _3 =sette|=skrive|=føre _3 NUM _2 GRANT",
        f"{GRP} _3 AGREE _4 RECEIVE _2 NUM|MORE _2 GRANT",
        f"=bestem|=innvilg|=vedta|=avgjer|=avgjør NOW? ~5 {GOT}",
        "=si|=seie =ja _3 =til _3 GRANT|APPLY",
        "YES _2 =fra|=frå _1 YOU|GROUP",
        f"NOW _3 MODAL NEG? {GRP} _3 DECIDE^DECIDEPAST|GIVE",
        "MODAL NEG? STAFF|SERVICE _2 ADV? ADV? STRONGDECIDE^DECIDEPAST ~4 NOW",
        f"{GRP} _3 MODAL _3 STRONGDECIDE^DECIDEPAST",
        f"=la =oss ADV? DECIDE|STRONGDECIDE|AGREEV ~5 {GOT}",
        f"{GRP} _3 MODAL ADV? GIVE _3 NUM? GRANT",
        f"MODAL NEG? {GRP} NEG? ADV? ADV? =si|=seie =at ~3 =rett|=krav =på _1 GRANT",
        f"{GRP} _2 =ta|=tar|=tek|=fatte _1 =en|=ei|=ein? =avgjørelse|=avgjerd|=beslutning|=vedtak ~6 {GOT}",
    ],
}

VETOES: dict[str, list[str]] = {
    "misnoye": [
        f"over:CONTENT|DISSAT|EMOT _1 =med|=over ~5 {DEC_OBJ}",
        "over:COMPLAIN =på _2 DECISION|REJECT",
        "over:CHILD ADV? COP? ADV? ADV? EMOT|DISSAT",
        "over:NOBODY _3 RESP",
        "over:NOBODY _1 =bryr|=bry =seg =om =ham|=han|=henne|=ho|=meg",
        "over:CHILD ADV? COP ADV? NEG ADV? CONTENT",
        # "Kan dere ikke bare gi ham ...?" is a request, not a complaint about a failure
        f"over:MODAL {SUBJ} NEG ADV? ADV? DUTYN|GIVE",
        "sent:=slik|=som =det? =var|=er|=ble|=vart? =avtalt|=planlagt|=forventet|=venta|=forventa",
        f"over:NEG ADV? =greit|=ok|=akseptabelt|=bra ~6 {DEC_OBJ}",
        "over:=for|FOR|=altfor LACK _1 =hjelp|=støtte|=oppfølging|=hjelpa",
    ],
    "klage": [
        "sent:=ordinær|=ordinaer|=vanlig|=vanleg _1 COMPLAIN|=klagevei|=klageveg",
        "over:COMPLAIN =på|=over =den? STAFF|YOU",
    ],
    "opplaering": [
        "sent:SEPARATE _1 =møte|=møter|=møtet",
        "sent:=samarbeidsmøte|=basismøte|=samarbeidsmøter|=basismøter",
        "sent:=gjennomført|=fungert|=fungerer",
        "over:CHILD _2 RECEIVE|NEED _3 TRAINN",
        "over:STAFF|THEY|SERVICE _2 =har|=hadde =fått|=hatt|=fekk _2 TRAINN",
        "over:=har|=hadde =vist|=lært|=veiledet|=rettleidd|=forklart|=instruert|=kurset|=gått",
        "over:=han|=hun|=ho|=eleven|=gutten|=jenta|=barnet MODAL? ADV? =bli|=verte =flinkere|=flinkare|=bedre|=betre",
    ],
    "uenighet": [
        "sent:SEPARATE _1 =møte|=møter|=møtet",
        "sent:=samarbeidsmøte|=samarbeidsmøter|=ledernivå|=leiarnivå",
    ],
    "enkeltvedtak": [
        f"over:{GRP} _2 MODAL NEG _3 DECIDE|GIVE",
        "over:GROUP _3 NEG _3 DECIDE",
    ],
}

# Encoded tokens look like "<ABC key>": one character per word class, a blank, the key.
# Boundaries are "<#>" (sentence end) and "<,>" (comma and the like).
_WORD = "<[^#,>][^>]*>"
_ANY = "<[^#>][^>]*>"
_CODE: dict[str, str] = {}


def _code(cls: str) -> str:
    return _CODE[cls]


def _tokenize(pattern: str) -> list[str]:
    return pattern.replace("(", " ( ").replace(")", " ) ").split()


def _compile_seq(
    tokens: list[str], i: int, key: Callable[[str], str], known: set[str]
) -> tuple[str, int]:
    parts: list[str] = []
    alts: list[str] = []
    while i < len(tokens):
        t = tokens[i]
        if t == ")":
            break
        if t == "/":
            alts.append("".join(parts))
            parts = []
            i += 1
            continue
        if t == "(":
            inner, i = _compile_seq(tokens, i + 1, key, known)
            if i >= len(tokens) or tokens[i] != ")":
                raise ValueError("unbalanced ( in pattern")
            i += 1
            opt = i < len(tokens) and tokens[i] == "?"
            if opt:
                i += 1
            parts.append(f"(?:{inner})" + ("?" if opt else ""))
            continue
        i += 1
        gap = re.fullmatch(r"([_~])(\d+)(?:!([A-Z_,]+))?", t)
        if gap:
            kind, n, excl = gap.groups()
            for x in excl.split(",") if excl else ():
                if x not in known:
                    raise ValueError(f"unknown word class {x!r}")
            chars = "".join(_code(x) for x in excl.split(",")) if excl else ""
            look = f"(?![^ >]*[{chars}])" if chars else ""
            first = "[^#,>]" if kind == "_" else "[^#>]"
            parts.append(f"(?:<{look}{first}[^>]*>){{0,{int(n)}}}")
            continue
        if t.startswith("!") and len(t) > 1:
            parts.append(f"(?!{_element(t[1:], key, known)})")
            continue
        opt = t.endswith("?") and len(t) > 1
        if opt:
            t = t[:-1]
        parts.append(_element(t, key, known) + ("?" if opt else ""))
    alts.append("".join(parts))
    return ("(?:" + "|".join(alts) + ")" if len(alts) > 1 else alts[0]), i


def _element(t: str, key: Callable[[str], str], known: set[str]) -> str:
    if t == ".":
        return f"(?:{_WORD})"
    lits: list[str] = []
    tags: list[str] = []
    alts: list[str] = []
    for atom in t.split("|"):
        body, *excl = atom.split("^")
        for x in excl:
            if x not in known:
                raise ValueError(f"unknown word class {x!r}")
        look = f"(?![^ >]*[{''.join(_code(x) for x in excl)}])" if excl else ""
        if body.startswith("="):
            k = re.escape(key(body[1:].lower()))
            if look:
                alts.append(f"{look}[^ >]* {k}(?=>)")
            else:
                lits.append(k)
        else:
            if body not in known:
                raise ValueError(f"unknown word class {body!r}")
            if look:
                alts.append(f"{look}[^ >{_code(body)}]*{_code(body)}")
            else:
                tags.append(_code(body))
    if lits:
        alts.insert(0, "[^ >]* (?:" + "|".join(sorted(set(lits))) + ")(?=>)")
    if tags:
        chars = "".join(sorted(set(tags)))
        alts.insert(0, f"[^ >{chars}]*[{chars}]")
    return "(?:<(?:" + "|".join(alts) + ")[^>]*>)"


def requirements(pattern: str, key: Callable[[str], str]) -> tuple[frozenset[str], ...]:
    """What a text must contain for the pattern to have a chance: one set per element.

    Each set holds class codes and "=key" entries; the text needs at least one of each
    set. Only plain, non-optional elements outside groups count, so this is a quick
    necessary condition, never a wrong rejection.
    """
    reqs = []
    depth = 0
    for t in _tokenize(pattern):
        if t == "(":
            depth += 1
        elif t == ")":
            depth -= 1
        if depth or t in ("(", ")", "/", "?", ".") or t.endswith("?") or t[0] in "_~!":
            continue
        atoms = set()
        for atom in t.split("|"):
            body = atom.split("^")[0]
            atoms.add("=" + key(body[1:].lower()) if body.startswith("=") else _code(body))
        reqs.append(frozenset(atoms))
    return tuple(reqs)


def compile_pattern(pattern: str, key: Callable[[str], str], known: set[str]) -> str:
    """One pattern of the rule language as a regular expression over encoded tokens."""
    rx, _ = _compile_seq(_tokenize(pattern), 0, key, known)
    return rx


def compile_rules(rules, vetoes, key):
    """Compile all rules.

    Returns the class -> character code table, a list of (category, [[regex source,
    requirements, first element's atoms or None], ...]) and {category: (overlap veto
    regex, sentence veto regex)}.
    """
    from . import lexicon

    known = set(lexicon.CLASSES) | {t for v in lexicon.SURFACE.values() for t in v} | {"NUM"}
    _CODE.clear()
    _CODE.update({c: chr(0x4E00 + i) for i, c in enumerate(sorted(known))})
    cats = []
    for cat, patterns in rules.items():
        compiled = []
        for p in patterns:
            reqs = requirements(p, key)
            first = _tokenize(p)[0]
            anchored = first not in ("(", ".") and not first.endswith("?") and first[0] not in "_~!"
            # regex source now, compiled on first use (see engine._rx): most texts never
            # meet most patterns' requirements, so start-up stays short
            compiled.append([compile_pattern(p, key, known), reqs, reqs[0] if anchored else None])
        cats.append((cat, compiled))
    veto_rx = {}
    for cat, patterns in vetoes.items():
        over = [compile_pattern(p[5:], key, known) for p in patterns if p.startswith("over:")]
        sent = [compile_pattern(p[5:], key, known) for p in patterns if p.startswith("sent:")]
        veto_rx[cat] = (
            re.compile("|".join(f"(?:{r})" for r in over)) if over else None,
            re.compile("|".join(f"(?:{r})" for r in sent)) if sent else None,
        )
    return dict(_CODE), cats, veto_rx
